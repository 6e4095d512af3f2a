using Npgsql;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>The rollups kept by the database's triggers, compared with what a rebuild from the source rows gives.</summary>
public static class RollupCheck
{
    /// <summary>The observation rollups, rebuilt by <c>analysis_rebuild()</c> from the observations.</summary>
    public static readonly string[] AnalysisTables =
        ["AnalysisFacts", "AnalysisCells", "AnalysisToolCells", "AnalysisToolDays", "AnalysisToolDetailCells"];

    /// <summary>
    /// The trigger-kept rollups hold exactly what a rebuild from the observations and answers gives. Runs
    /// <c>analysis_rebuild()</c> on the database (the rollups are left rebuilt). <paramref name="after"/> ends the
    /// failure message (« après la fusion »).
    /// </summary>
    public static async Task AssertEqualARebuildAsync(string connectionString, string after)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<Dictionary<string, string>> Read()
        {
            var contents = new Dictionary<string, string>();
            foreach (var table in AnalysisTables)
                contents[table] = await Scalar(connection, $"""SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]')::text FROM "{table}" t""");
            return contents;
        }
        var kept = await Read();
        await using (var rebuild = new NpgsqlCommand("SELECT analysis_rebuild()", connection) { CommandTimeout = 0 })
            await rebuild.ExecuteNonQueryAsync();
        var rebuilt = await Read();
        foreach (var table in AnalysisTables)
            Assert.True(kept[table] == rebuilt[table], $"{table} diffère d'une reconstruction {after}.");

        // The survey rollup, summed over its shards, against the answers themselves (the rebuild's own query).
        var rollup = await Scalar(connection, """
            SELECT coalesce(jsonb_agg(x ORDER BY x::text), '[]')::text FROM (
              SELECT jsonb_build_object('q', "QuestionId", 'd', "Day", 'v', "ValueKey", 'n', sum("Count")) x
              FROM "SurveyAnswerDays" GROUP BY "QuestionId", "Day", "ValueKey" HAVING sum("Count") <> 0) s
            """);
        var answers = await Scalar(connection, """
            SELECT coalesce(jsonb_agg(x ORDER BY x::text), '[]')::text FROM (
              SELECT jsonb_build_object('q', q, 'd', d, 'v', v, 'n', n) x FROM (
                SELECT a."QuestionId" q, (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date d,
                       coalesce(a."OptionId", a."TerritoryId", a."ToolId", 0) v, count(*) n
                FROM "Answers" a JOIN "Responses" r ON r."Id" = a."ResponseId" GROUP BY 1, 2, 3
                UNION ALL
                SELECT a."QuestionId", (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date, -1, count(DISTINCT a."ResponseId")
                FROM "Answers" a JOIN "Responses" r ON r."Id" = a."ResponseId" GROUP BY 1, 2) c) s
            """);
        Assert.True(answers == rollup, $"SurveyAnswerDays diffère des réponses elles-mêmes {after}.");
    }

    private static async Task<string> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
