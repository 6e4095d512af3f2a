using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Asks, every <see cref="ReplicaOptions.PollMilliseconds"/>, where the primary's WAL stands and what the replica has
/// replayed, and publishes the result in <see cref="ReplicaStatus"/>: requests then decide without a query of their own.
/// </summary>
/// <remarks>
/// The lag is "how long ago the primary was where the replica is now", from the primary positions of the last polls:
/// an idle primary never makes the replica look late, and a busy one is judged in time rather than bytes. It is
/// rounded up by at most one poll interval.
/// </remarks>
public sealed class ReplicaMonitor(ReplicaStatus status, ReplicaConnections connections, IOptions<ReplicaOptions> options,
    TimeProvider clock, ILogger<ReplicaMonitor> log) : BackgroundService
{
    private readonly Queue<(DateTimeOffset At, NpgsqlLogSequenceNumber Lsn)> _primary = new();

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(20, options.Value.PollMilliseconds)));
        do
        {
            var before = status.Current;
            ReplicaStatus.Snapshot now;
            try
            {
                now = await PollAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Whatever went wrong, the replica is not trusted this round; the loop must go on (an exception leaving
                // a hosted service stops the whole portal).
                now = new(false, default, null, $"interrogation impossible ({e.GetBaseException().Message})");
            }
            status.Report(now);
            if (before.Usable && !now.Usable)
                log.LogWarning("Réplique écartée : {Reason}. Les lectures vont au serveur principal.", now.Reason);
            else if (!before.Usable && now.Usable)
                log.LogInformation("Réplique disponible (retard {Lag} ms) : elle sert de nouveau les lectures.", now.Lag?.TotalMilliseconds);
        } while (await timer.WaitForNextTickAsync(ct));
    }

    internal async Task<ReplicaStatus.Snapshot> PollAsync(CancellationToken ct)
    {
        NpgsqlLogSequenceNumber primary;
        try
        {
            primary = await connections.PrimaryLsnAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            // Without the primary's position nothing tells how late the replica is; reads then go to the primary, whose
            // own failure reaches users as the « base indisponible » page, as without a replica.
            return new(false, default, null, $"position du serveur principal illisible ({e.GetBaseException().Message})");
        }
        var at = clock.GetUtcNow();
        _primary.Enqueue((at, primary));
        var kept = TimeSpan.FromSeconds(options.Value.MaxLagSeconds * 2 + 1);
        while (_primary.Count > 1 && at - _primary.Peek().At > kept) _primary.Dequeue();

        NpgsqlLogSequenceNumber? replayed;
        try
        {
            replayed = await connections.ReplayedLsnAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            return new(false, default, null, $"réplique injoignable ({e.GetBaseException().Message})");
        }
        if (replayed is not { } position)
            return new(false, default, null, "la réplique n'a encore rien rejoué");

        var lag = Lag(position, at);
        var bound = TimeSpan.FromSeconds(options.Value.MaxLagSeconds);
        return lag is { } late && late <= bound
            ? new(true, position, late, null)
            : new(false, position, lag, $"retard supérieur à {options.Value.MaxLagSeconds} s");
    }

    /// <summary>How long ago the primary was at or before <paramref name="replayed"/>; null when older than what is kept.</summary>
    private TimeSpan? Lag(NpgsqlLogSequenceNumber replayed, DateTimeOffset now)
    {
        DateTimeOffset? caughtUpTo = null;
        foreach (var (at, lsn) in _primary)
            if (lsn <= replayed) caughtUpTo = at;   // oldest first: the last match is the latest the replica has reached
        return caughtUpTo is { } t ? now - t : null;
    }
}
