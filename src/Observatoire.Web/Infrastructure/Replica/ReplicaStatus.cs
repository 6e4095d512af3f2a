using NpgsqlTypes;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Where the replica stands, as last seen by <see cref="ReplicaMonitor"/>: read on every routed request without a
/// query. A request that failed on the replica marks it down at once, before the next poll.
/// </summary>
public sealed class ReplicaStatus
{
    private volatile Snapshot _current = new(false, default, null, "pas encore interrogée");
    private long _servedByReplica, _servedByPrimary, _fallbacks;

    /// <param name="Usable">Reachable, replaying, and no further behind than the bound.</param>
    /// <param name="Replayed">The last WAL position the replica has replayed: every commit up to it is visible there.</param>
    /// <param name="Lag">How long ago the primary was where the replica is now (null: unknown, or beyond what is remembered).</param>
    /// <param name="Reason">Why it is not usable, in French, for the logs.</param>
    public sealed record Snapshot(bool Usable, NpgsqlLogSequenceNumber Replayed, TimeSpan? Lag, string? Reason);

    public Snapshot Current => _current;

    /// <summary>
    /// May the replica serve a read that must see the reader's own last write (at <paramref name="lastWrite"/> on the
    /// primary, or none)? Every commit up to a WAL position is visible on a standby once it has replayed that position.
    /// </summary>
    public bool CanServe(NpgsqlLogSequenceNumber? lastWrite)
    {
        var s = _current;
        return s.Usable && (lastWrite is not { } lsn || s.Replayed >= lsn);
    }

    public void Report(Snapshot snapshot) => _current = snapshot;

    /// <summary>A request just failed on the replica: nothing more goes there until a poll finds it again.</summary>
    public void MarkDown(string reason) => _current = _current with { Usable = false, Reason = reason };

    internal void Count(bool replica) => Interlocked.Increment(ref replica ? ref _servedByReplica : ref _servedByPrimary);
    internal void CountFallback() => Interlocked.Increment(ref _fallbacks);

    /// <summary>GET requests of routed pages served by each server since start-up, and how many were re-run on the primary.</summary>
    public (long Replica, long Primary, long Fallbacks) Served =>
        (Interlocked.Read(ref _servedByReplica), Interlocked.Read(ref _servedByPrimary), Interlocked.Read(ref _fallbacks));
}
