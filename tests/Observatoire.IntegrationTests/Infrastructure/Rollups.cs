using Npgsql;
using Observatoire.Web.Data;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>
/// The dashboard's rollups are kept by triggers: after a merge (or any change to what they count) they must hold exactly
/// what <c>analysis_rebuild()</c> computes from the observations, and the survey rollup what the answers say.
/// </summary>
public static class Rollups
{
    /// <summary>The trigger-kept rollups hold exactly what a rebuild from the observations and answers gives.</summary>
    public static async Task AssertEqualARebuildAsync(PortalFixture portal)
    {
        string[] tables = ["AnalysisFacts", "AnalysisCells", "AnalysisToolCells", "AnalysisToolDays", "AnalysisToolDetailCells"];
        async Task<Dictionary<string, string>> Read() => await portal.Db(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var contents = new Dictionary<string, string>();
            foreach (var table in tables)
                contents[table] = await Scalar(db, $"""SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]')::text FROM "{table}" t""");
            return contents;
        });
        var kept = await Read();
        await portal.Db(db => db.Database.ExecuteSqlRawAsync("SELECT analysis_rebuild();"));
        var rebuilt = await Read();
        foreach (var table in tables)
            Assert.True(kept[table] == rebuilt[table], $"{table} diffère d'une reconstruction.");

        // The survey rollup, summed over its shards, against the answers themselves (the rebuild's own query).
        var (rollup, answers) = await portal.Db(async db =>
        {
            await db.Database.OpenConnectionAsync();
            return (await Scalar(db, """
                SELECT coalesce(jsonb_agg(x ORDER BY x::text), '[]')::text FROM (
                  SELECT jsonb_build_object('q', "QuestionId", 'd', "Day", 'v', "ValueKey", 'n', sum("Count")) x
                  FROM "SurveyAnswerDays" GROUP BY "QuestionId", "Day", "ValueKey" HAVING sum("Count") <> 0) s
                """), await Scalar(db, """
                SELECT coalesce(jsonb_agg(x ORDER BY x::text), '[]')::text FROM (
                  SELECT jsonb_build_object('q', q, 'd', d, 'v', v, 'n', n) x FROM (
                    SELECT a."QuestionId" q, (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date d,
                           coalesce(a."OptionId", a."TerritoryId", a."ToolId", 0) v, count(*) n
                    FROM "Answers" a JOIN "Responses" r ON r."Id" = a."ResponseId" GROUP BY 1, 2, 3
                    UNION ALL
                    SELECT a."QuestionId", (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date, -1, count(DISTINCT a."ResponseId")
                    FROM "Answers" a JOIN "Responses" r ON r."Id" = a."ResponseId" GROUP BY 1, 2) c) s
                """));
        });
        Assert.Equal(answers, rollup);
    }

    private static async Task<string> Scalar(ObservatoireDbContext db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        return (string)(await command.ExecuteScalarAsync())!;
    }

}
