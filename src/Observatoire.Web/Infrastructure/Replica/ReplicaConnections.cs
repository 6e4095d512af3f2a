using Npgsql;
using NpgsqlTypes;

namespace Observatoire.Web.Infrastructure;

/// <summary>The two servers' connection strings, and two small pools of their own for the monitor and the write marker.</summary>
public sealed class ReplicaConnections : IAsyncDisposable
{
    private readonly NpgsqlDataSource _primary;
    private readonly NpgsqlDataSource _replica;

    public ReplicaConnections(string primary, string replica)
    {
        Primary = primary;
        Replica = WithShortConnectTimeout(replica);
        // A probe must not hang while a host does not answer: the state would be as stale as the wait is long.
        // Also used by the dashboard for its versions while it reads from the replica: a few connections more than the monitor needs.
        _primary = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(primary)
            { MaxPoolSize = 10, Timeout = 2, CommandTimeout = 2, ApplicationName = "observatoire-replica-monitor" });
        _replica = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(replica)
            { MaxPoolSize = 2, Timeout = 2, CommandTimeout = 2, ApplicationName = "observatoire-replica-monitor" });
    }

    /// <summary>The portal's connection string to the primary (with its pool cap).</summary>
    public string Primary { get; }

    /// <summary>The portal's connection string to the replica.</summary>
    public string Replica { get; }

    /// <summary>
    /// A replica whose host vanished (not refusing, just silent) would hold a page for Npgsql's default 15 s before the
    /// request falls back to the primary; unless the setting says otherwise, give up connecting after 3 s.
    /// </summary>
    internal static string WithShortConnectTimeout(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Timeout")
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 3 }.ConnectionString;
    }

    /// <summary>
    /// What a server has replayed; a server that is not in recovery (a test's read-only session on the primary itself,
    /// or a standby promoted since) answers its own position, which the lag bound then judges.
    /// </summary>
    public const string ReplayedLsnSql =
        "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END";

    /// <summary>A connection to the primary, outside the request's context (which may be reading from the replica).</summary>
    public ValueTask<NpgsqlConnection> OpenPrimaryAsync(CancellationToken ct) => _primary.OpenConnectionAsync(ct);

    /// <summary>Where the primary's WAL stands now: what a read must see once a write has committed.</summary>
    public async Task<NpgsqlLogSequenceNumber> PrimaryLsnAsync(CancellationToken ct)
    {
        await using var command = _primary.CreateCommand("SELECT pg_current_wal_lsn()");
        return (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>What the replica has replayed (<see cref="ReplayedLsnSql"/>).</summary>
    public async Task<NpgsqlLogSequenceNumber?> ReplayedLsnAsync(CancellationToken ct)
    {
        await using var command = _replica.CreateCommand(ReplayedLsnSql);
        return await command.ExecuteScalarAsync(ct) is NpgsqlLogSequenceNumber lsn ? lsn : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _primary.DisposeAsync();
        await _replica.DisposeAsync();
    }
}
