using System.Diagnostics;
using Npgsql;
using Observatoire.Web.Infrastructure;

namespace Observatoire.IntegrationTests.Operations;

/// <summary>scripts/backup.sh and scripts/restore.sh, run as an operator would, against the test database.</summary>
public class BackupRestoreTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_holds_every_row_of_every_table()
    {
        await Portal.Seed(s =>
        {
            var tours = s.Territory("Tours");
            var structure = s.Structure("Centre social Plein Ciel", s.Quartier("Sanitas", tours));
            s.Observation("Atelier « CV » — l'été", structure, tools: [s.Tool("Nextcloud")], themes: [s.Theme("Emploi")]);
        });
        await Portal.CreateUser(Roles.Contributeur);
        await Portal.Db(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Action = AuditActions.Export, Target = "accents éèà et \"guillemets\"" });
            db.MailMessages.Add(new MailMessage { To = "a@test.fr", Subject = "Objet", Body = "Corps\nsur deux lignes", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var root = RepositoryRoot();
        var dump = Path.Combine(Path.GetTempPath(), $"observatoire-{Guid.NewGuid():N}.dump");
        var restored = $"obs_restore_{Guid.NewGuid():N}"[..30];
        try
        {
            await Run(root, "scripts/backup.sh", dump);
            await Run(root, "scripts/restore.sh", dump, restored);

            var before = await Fingerprints(Portal.ConnectionString);
            var after = await Fingerprints(new NpgsqlConnectionStringBuilder(Portal.ConnectionString) { Database = restored }.ConnectionString);
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            foreach (var (table, print) in before)
                Assert.True(print == after[table], $"{table} : {print} avant, {after[table]} après restauration");
            Assert.All(new[] { "Structures", "Observations", "AspNetUsers", "AspNetUserRoles", "AuditEntries", "MailMessages", "DataProtectionKeys" },
                t => Assert.True(before[t].Rows > 0, $"{t} est vide : le test ne prouverait rien."));
        }
        finally
        {
            File.Delete(dump);
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Portal.ConnectionString) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restored}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Restoring_never_overwrites_an_existing_database()
    {
        var database = new NpgsqlConnectionStringBuilder(Portal.ConnectionString).Database!;
        var dump = Path.Combine(Path.GetTempPath(), $"observatoire-{Guid.NewGuid():N}.dump");
        try
        {
            await Run(RepositoryRoot(), "scripts/backup.sh", dump);
            var (code, output) = await RunRaw(RepositoryRoot(), "scripts/restore.sh", dump, database);
            Assert.NotEqual(0, code);
            Assert.Contains("existe déjà", output);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    public record Fingerprint(long Rows, string Hash);

    /// <summary>Row count and a hash of every row's text, per table of the public schema.</summary>
    private static async Task<Dictionary<string, Fingerprint>> Fingerprints(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var result = new Dictionary<string, Fingerprint>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            result[table] = new Fingerprint(reader.GetInt64(0), reader.GetString(1));
        }
        return result;
    }

    private async Task Run(string root, string script, params string[] args)
    {
        var (code, output) = await RunRaw(root, script, args);
        Assert.True(code == 0, $"{script} a échoué ({code}) :\n{output}");
    }

    private async Task<(int Code, string Output)> RunRaw(string root, string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__Observatoire"] = Portal.ConnectionString;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Observatoire.sln"))) return dir.FullName;
        throw new InvalidOperationException("Racine du dépôt (Observatoire.sln) introuvable.");
    }
}
