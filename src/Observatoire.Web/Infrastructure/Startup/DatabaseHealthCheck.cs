using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Observatoire.Web.Infrastructure;

/// <summary>Healthy when PostgreSQL answers and every migration of this build is applied.</summary>
public class DatabaseHealthCheck(ObservatoireDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var target = DataExtensions.Describe(db.Database.GetConnectionString());
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"Base de données {target} joignable, migrations à jour.")
                : HealthCheckResult.Unhealthy(
                    $"Base de données {target} joignable mais {pending.Count} migration(s) non appliquée(s) : redémarrez le portail pour les appliquer.");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(
                $"Base de données {target} injoignable : vérifiez que PostgreSQL tourne et que ConnectionStrings__Observatoire est juste.");
        }
    }
}
