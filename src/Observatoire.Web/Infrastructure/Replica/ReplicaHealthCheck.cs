using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// The replica's state as the monitor last saw it, on /healthz. Set aside, it is « dégradé », not « en panne »: the
/// portal serves every page from the primary meanwhile, so a load balancer must keep sending requests to this instance.
/// </summary>
public class ReplicaHealthCheck(ReplicaStatus status, ReplicaConnections connections) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var target = DataExtensions.Describe(connections.Replica);
        var now = status.Current;
        return Task.FromResult(now.Usable
            ? HealthCheckResult.Healthy($"Réplique {target} en service, retard {now.Lag?.TotalMilliseconds:0} ms.")
            : HealthCheckResult.Degraded($"Réplique {target} écartée ({now.Reason}) : les lectures vont au serveur principal."));
    }
}
