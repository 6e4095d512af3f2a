using Npgsql;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>
/// The trigger-kept rollups against a rebuild: what they hold is read, <c>analysis_rebuild()</c> runs, and they must hold
/// exactly the same; the survey rollup, summed over its shards, is compared with the answers themselves.
/// </summary>
public static class RollupComparison
{
    private static readonly string[] Tables = ["AnalysisFacts", "AnalysisCells", "AnalysisToolCells", "AnalysisToolDays", "AnalysisToolDetailCells"];

    /// <param name="connectionString">The database to check (the portal's, or one a test migrated itself).</param>
    /// <param name="after">What just happened, for the failure message (« après la fusion »).</param>
    public static async Task AssertEqualARebuildAsync(string connectionString, string after)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<Dictionary<string, string>> Read()
        {
            var contents = new Dictionary<string, string>();
            foreach (var table in Tables)
                contents[table] = await Scalar(connection, $"""SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]')::text FROM "{table}" t""");
            return contents;
        }
        var kept = await Read();
        await using (var rebuild = new NpgsqlCommand("SELECT analysis_rebuild();", connection))
            await rebuild.ExecuteNonQueryAsync();
        var rebuilt = await Read();
        foreach (var table in Tables)
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
        Assert.Equal(answers, rollup);
    }

    private static async Task<string> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
