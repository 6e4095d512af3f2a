using System.IO.Compression;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Observatoire.Web.Data;

namespace Observatoire.IntegrationTests.Operations;

/// <summary>
/// An instance upgraded by the migrations made after Baseline keeps every row and right rollups. The data is the demo
/// dataset as the portal wrote it at Baseline (BaselineData/demo.sql.gz, plain INSERTs made by
/// <c>BaselineData/regenerate.sh</c> from a commit whose only migration is Baseline), so a later migration meets rows
/// as a real instance holds them, not as today's model would write them.
/// </summary>
[Collection(nameof(PortalCollection))]
public class UpgradeTests(PortalFixture portal)
{
    /// <summary>
    /// Tables a migration after Baseline may change the row count of, or remove, each with the migration and why
    /// (e.g. a list moved into a table of its own). Every other table keeps exactly its rows.
    /// </summary>
    private static readonly Dictionary<string, string> TablesTransformedAfterBaseline = new()
    {
        // ["Name of the table"] = "20261210…_MigrationName: what it does to the rows, and why none is lost",
        ["SlugAliases"] = "20261202152606_ReferenceTables: adds the stored names of the former structure-kind enum "
            + "(« centresocial »…) as aliases of the new slugs, so that old ?type= addresses keep working; none removed",
    };

    [Fact]
    public async Task A_database_at_the_baseline_with_data_loses_no_row_and_keeps_its_rollups_through_every_later_migration()
    {
        var database = await portal.CreateDatabaseAsync("obs_upgrade");
        await using (var db = Context(database))
        {
            var baseline = db.Database.GetMigrations().First();
            Assert.EndsWith("_Baseline", baseline);
            await db.GetService<IMigrator>().MigrateAsync(baseline);
        }
        await LoadBaselineDataAsync(database);
        var before = await RowCountsAsync(database);
        Assert.All(new[] { "Observations", "AnalysisFacts", "AnalysisCells", "Responses", "Answers", "SurveyAnswerDays", "WikiRevisions", "AspNetUsers" },
            t => Assert.True(before[t] > 0, $"{t} est vide dans les données de Baseline : le test ne prouverait rien."));

        await using (var db = Context(database))
        {
            await db.Database.MigrateAsync();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            // The enums turned into tables: every tool and structure of the baseline keeps its value, as a row.
            Assert.False(await db.DigitalTools.AnyAsync(t => t.CategoryId == null || t.LicenceId == null));
            Assert.False(await db.Structures.AnyAsync(s => s.KindId == null));
        }

        var after = await RowCountsAsync(database);
        var lost = before
            .Where(t => !TablesTransformedAfterBaseline.ContainsKey(t.Key))
            .Where(t => !after.TryGetValue(t.Key, out var rows) || rows != t.Value)
            .Select(t => after.TryGetValue(t.Key, out var rows) ? $"{t.Key} : {t.Value} lignes avant, {rows} après" : $"{t.Key} : table disparue")
            .ToList();
        Assert.True(lost.Count == 0,
            "Des migrations postérieures à Baseline changent ces tables ; si c'est voulu, dites-le dans TablesTransformedAfterBaseline :\n" +
            string.Join("\n", lost));
        await RollupCheck.AssertEqualARebuildAsync(database, "après les migrations postérieures à Baseline");
    }

    private static ObservatoireDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<ObservatoireDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>
    /// The rows as pg_dump wrote them, triggers and foreign-key checks off (session_replication_role = replica): the
    /// rollups come as the triggers had kept them, and tables that refer to each other load in any order.
    /// </summary>
    private static async Task LoadBaselineDataAsync(string connectionString)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "Observatoire.IntegrationTests", "Operations", "BaselineData", "demo.sql.gz");
        string sql;
        await using (var file = File.OpenRead(path))
        await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
            sql = await reader.ReadToEndAsync();
        // Its own connection, never pooled: the dump empties the search_path of the session it runs in.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SET session_replication_role = replica;\n" + sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' " +
            "AND table_name NOT IN ('__EFMigrationsHistory', 'DataProtectionKeys')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Observatoire.sln"))) return dir.FullName;
        throw new InvalidOperationException("Racine du dépôt (Observatoire.sln) introuvable.");
    }
}
