using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Observatoire.Web.Data;
using Observatoire.Web.Domain;
using Observatoire.Web.Infrastructure.Formats.Spreadsheets;
using Observatoire.Web.Pages.Imports;

/// <summary>
/// Imports an observations file through the import pipeline's own service (<see cref="ImportPipeline"/>, what the
/// import pages call: the same session, batches and transaction), as the given account: a dry run, the commit, then
/// the same file again (every line « inchangée »). Prints one JSON line: times, counts, the process's peak working set,
/// and whether the dashboard's rollups equal a rebuild afterwards (null when BENCH_IMPORT_REBUILD_CHECK=0).
/// </summary>
static class ImportBench
{
    public static async Task<int> RunAsync(string connectionString, string path, string email)
    {
        var options = new DbContextOptionsBuilder<ObservatoireDbContext>()
            .UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery).CommandTimeout(600)).Options;
        var kind = new ObservationKind();
        var bytes = await File.ReadAllBytesAsync(path);
        ClaimsPrincipal user;
        int batchId;
        await using (var db = new ObservatoireDbContext(options))
        {
            var account = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.DisplayName }).SingleAsync();
            var roles = await db.UserRoles.Where(ur => ur.UserId == account.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
            user = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, account.Id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "bench"));
            using var reader = TabularFile.Open(new MemoryStream(bytes), Path.GetFileName(path), TabularLimits.Default);
            var batch = new ImportBatch
            {
                Kind = kind.Slug, FileName = Path.GetFileName(path), Sha256 = Convert.ToHexString(SHA256.HashData(bytes)),
                Size = bytes.Length, Content = bytes, CreatedAt = DateTime.UtcNow, UserId = account.Id, UserName = account.DisplayName,
                Status = ImportStatus.Draft, Mapping = ImportPipeline.WriteMapping(ImportPipeline.AutoMap(reader.Header, kind, null)),
            };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync();
            batchId = batch.Id;
        }

        var dry = await Timed(options, batchId, (pipeline, batch) => pipeline.PlanAsync(batch, kind, user, [], default), commit: false);
        var commit = await Timed(options, batchId, (pipeline, batch) => pipeline.ApplyAsync(batch, kind, user, [], default), commit: true);
        var again = await Timed(options, batchId, (pipeline, batch) => pipeline.PlanAsync(batch, kind, user, [], default), commit: false);
        var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64;
        // A rebuild takes half an hour at ten million observations: scripts/bench.sh scale turns the check off.
        bool? equal = Environment.GetEnvironmentVariable("BENCH_IMPORT_REBUILD_CHECK") == "0"
            ? null : await RollupsEqualARebuildAsync(connectionString);

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            kind = "import", file = Path.GetFileName(path), bytes = bytes.Length, lines = dry.Run.Total, problem = dry.Run.Problem,
            dry_run_s = Math.Round(dry.Seconds, 1), dry_created = dry.Run.Created, dry_refused = dry.Run.Refused,
            commit_s = Math.Round(commit.Seconds, 1), created = commit.Run.Created, updated = commit.Run.Updated, refused = commit.Run.Refused,
            reimport_dry_run_s = Math.Round(again.Seconds, 1), reimport_unchanged = again.Run.Unchanged,
            reimport_created = again.Run.Created, reimport_updated = again.Run.Updated,
            peak_working_set_mb = peak / 1024 / 1024, cpu_s_importer = Math.Round(process.TotalProcessorTime.TotalSeconds, 1),
            rollups_equal_rebuild = equal,
            first_refusals = dry.Run.Lines.Where(l => l.Outcome == LineOutcome.Refused).Take(3).Select(l => $"{l.Line}: {l.Message}"),
        }));
        return equal != false && dry.Run.Refused == 0 && again.Run.Unchanged == dry.Run.Total ? 0 : 1;
    }

    /// <summary>
    /// Runs one step and says where its wall time went: CPU of this process, CPU of the PostgreSQL backend serving it
    /// (read from /proc: the server runs on this machine), and the rest — waiting for a core on a loaded machine, or I/O.
    /// </summary>
    private static async Task<(DryRun Run, double Seconds)> Timed(DbContextOptions<ObservatoireDbContext> options, int batchId,
        Func<ImportPipeline, ImportBatch, Task<DryRun>> work, bool commit)
    {
        await using var db = new ObservatoireDbContext(options);
        var batch = await db.ImportBatches.SingleAsync(b => b.Id == batchId);
        await db.Database.OpenConnectionAsync();
        var backend = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        var serverBefore = ServerCpu(backend);
        var ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var run = await work(new ImportPipeline(db), batch);
        if (commit)
        {
            (batch.Created, batch.Updated, batch.Unchanged, batch.Refused) = (run.Created, run.Updated, run.Unchanged, run.Refused);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var own = (Process.GetCurrentProcess().TotalProcessorTime - ownBefore).TotalSeconds;
        var server = ServerCpu(backend) - serverBefore;
        Console.Error.WriteLine($"  {(commit ? "import" : "essai à blanc")} : {seconds:0.0} s ({run.Created} créées, {run.Updated} modifiées, {run.Unchanged} inchangées, {run.Refused} refusées) ; " +
            $"CPU : banc {own:0.0} s, PostgreSQL {server:0.0} s, attente et E/S {Math.Max(0, seconds - own - server):0.0} s");
        return (run, seconds);
    }

    /// <summary>User + system CPU seconds of a local process (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s).</summary>
    private static double ServerCpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The rollups the import left, compared with <c>analysis_rebuild()</c>'s (tests: RollupCheck).</summary>
    private static async Task<bool> RollupsEqualARebuildAsync(string connectionString)
    {
        string[] tables = ["AnalysisFacts", "AnalysisCells", "AnalysisToolCells", "AnalysisToolDays", "AnalysisToolDetailCells"];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<string> Digest()
        {
            var parts = new List<string>();
            foreach (var table in tables)
            {
                await using var command = new NpgsqlCommand(
                    $"""SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "{table}" t""", connection) { CommandTimeout = 0 };
                parts.Add((string)(await command.ExecuteScalarAsync())!);
            }
            return string.Join(',', parts);
        }
        var kept = await Digest();
        await using (var rebuild = new NpgsqlCommand("SELECT analysis_rebuild()", connection) { CommandTimeout = 0 })
            await rebuild.ExecuteNonQueryAsync();
        return kept == await Digest();
    }
}
