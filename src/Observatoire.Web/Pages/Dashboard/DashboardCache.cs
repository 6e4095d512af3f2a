using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;

namespace Observatoire.Web.Pages.Dashboard;

/// <summary>
/// The computed dashboard, kept per view (public or member), normalized filter and data version. The versions
/// live in PostgreSQL (sequences bumped by the analysis and survey triggers, made by the Baseline migration),
/// so an entry is never served after a committed write, whichever instance made it.
/// </summary>
/// <remarks>
/// A reader checks, right after reading the versions, that no writer holds the version lock: a writer bumps the
/// version before it commits, and what is computed meanwhile may miss its rows; such a result is shown, not kept.
/// The public view is keyed by the observation version only: survey answers (not shown to the public) do not
/// evict it. Settings: <c>Observatoire:DashboardCache:Entries</c> (0 turns the cache off).
/// </remarks>
public sealed class DashboardCache : IDisposable
{
    private readonly MemoryCache? _entries;

    public DashboardCache(IConfiguration configuration)
    {
        var size = configuration.GetValue("Observatoire:DashboardCache:Entries", 500);
        // Bounded in entries (a computed dashboard is a few kilobytes of records): a crawler walking every filter
        // combination evicts older entries instead of growing the process.
        if (size > 0) _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = size });
    }

    /// <summary>Data versions read before computing; <see cref="Storable"/> is false while a write is uncommitted.</summary>
    public sealed record Versions(long Observations, long Surveys, bool Storable);

    public bool Enabled => _entries is not null;

    public static async Task<Versions> ReadVersionsAsync(ObservatoireDbContext db, bool member, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(ReadVersionsSql),
                new NpgsqlBatchCommand(member ? NoWriterSql : NoObservationWriterSql),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (observations, surveys) = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return new Versions(observations, surveys, reader.GetBoolean(0));
    }

    /// <summary>
    /// The versions for a page computed on the streaming replica. They are read on the primary: a standby shows a
    /// sequence up to 32 values ahead (PostgreSQL logs sequences in advance), so its versions would not move with each
    /// write, and the writers' lock lives on the primary. The page is storable only when, besides no writer being
    /// uncommitted, the replica has already replayed the primary's position read with the versions: its figures then
    /// include every write those versions count. A hit needs no such check: what is stored under a version includes it.
    /// </summary>
    public static async Task<Versions> ReadVersionsForReplicaAsync(ObservatoireDbContext replica, ReplicaConnections connections,
        bool member, CancellationToken ct)
    {
        long observations, surveys;
        bool noWriter;
        NpgsqlLogSequenceNumber primaryPosition;
        await using (var primary = await connections.OpenPrimaryAsync(ct))
        await using (var batch = new NpgsqlBatch(primary)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(ReadVersionsSql),
                new NpgsqlBatchCommand(member ? NoWriterSql : NoObservationWriterSql),
                new NpgsqlBatchCommand("SELECT pg_current_wal_lsn()"),
            },
        })
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (observations, surveys) = (reader.GetInt64(0), reader.GetInt64(1));
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            noWriter = reader.GetBoolean(0);
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            primaryPosition = reader.GetFieldValue<NpgsqlLogSequenceNumber>(0);
        }
        await replica.Database.OpenConnectionAsync(ct);
        await using var replayed = new NpgsqlCommand(ReplicaConnections.ReplayedLsnSql, (NpgsqlConnection)replica.Database.GetDbConnection());
        var caughtUp = await replayed.ExecuteScalarAsync(ct) is NpgsqlLogSequenceNumber position && position >= primaryPosition;
        return new Versions(observations, surveys, noWriter && caughtUp);
    }

    /// <summary>The versions: not transactional, a bump is seen as soon as it is made, committed or not.</summary>
    private const string ReadVersionsSql =
        "SELECT (SELECT last_value FROM analysis_version), (SELECT last_value FROM survey_version)";

    /// <summary>
    /// Run right after <see cref="ReadVersionsSql"/>: true when no observation (or survey) writer is uncommitted. Writers
    /// hold lock (1381, 1) or (1381, 2) shared until they commit (<c>dashboard_version_bump</c>); these exclusive
    /// try-locks last until the end of the implicit transaction of the batch: writers wait at most that long.
    /// </summary>
    private const string NoObservationWriterSql = "SELECT pg_try_advisory_xact_lock(1381, 1)";
    private const string NoWriterSql = "SELECT pg_try_advisory_xact_lock(1381, 1) AND pg_try_advisory_xact_lock(1381, 2)";

    public static string Key(bool member, DashboardFilter normalized, Versions versions) => member
        ? $"membre|{versions.Observations}|{versions.Surveys}|{normalized.ToQuery()}"
        : $"public|{versions.Observations}|{normalized.ToQuery()}";

    public bool TryGet(string key, out IndexModel.Computed? computed)
    {
        computed = null;
        return _entries is not null && _entries.TryGetValue(key, out computed);
    }

    public void Set(string key, IndexModel.Computed computed, Versions versions)
    {
        if (_entries is null || !versions.Storable) return;
        // Entries of older versions are never asked for again: they leave when idle or when the cache is full.
        _entries.Set(key, computed, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
    }

    public void Dispose() => _entries?.Dispose();
}
