using System.Net.Sockets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Observatoire.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>Arbitrary, fixed key of the advisory lock that serialises start-up work across instances.</summary>
    private const long MigrationLockKey = 0x0B5E_7A70_0001;

    /// <summary>
    /// Applies migrations and loads first data, one instance at a time (PostgreSQL advisory lock).
    /// Returns false, after saying why in French, when the database cannot be reached.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ObservatoireOptions>>().Value;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Observatoire.Database");
        if (string.IsNullOrWhiteSpace(app.Configuration.GetConnectionString("Observatoire")))
        {
            log.LogCritical("Aucune base configurée : définissez ConnectionStrings__Observatoire, ou lancez scripts/run.sh qui démarre une base locale.");
            return false;
        }
        if (!options.MigrateOnStartup) return true;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        var target = DataExtensions.Describe(db.Database.GetConnectionString());
        try
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})");
            try
            {
                // Some migrations fill rollups from every observation: longer than the 30 s default at 1M rows.
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(15));
                await db.Database.MigrateAsync();
                // Types created by migrations (extensions, enums) must be known to this connection pool.
                if (db.Database.GetDbConnection() is NpgsqlConnection npgsql) await npgsql.ReloadTypesAsync();
                var seeder = scope.ServiceProvider.GetRequiredService<InitialData>();
                await seeder.LoadAsync(options);
                // Instances behind one proxy must share one Data Protection key (cookies, antiforgery tokens): make it
                // here, under the lock, rather than let each instance create its own at its first request.
                app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Observatoire.Startup").Protect("démarrage");
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})");
                await db.Database.CloseConnectionAsync();
            }
            return true;
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            log.LogCritical(
                "Base de données {Target} injoignable ({Reason}). Vérifiez que PostgreSQL est démarré et que ConnectionStrings__Observatoire est juste, ou lancez scripts/run.sh sans chaîne de connexion pour utiliser la base locale.",
                target, e.GetBaseException().Message);
            return false;
        }
    }

    private static bool IsUnreachable(Exception e) =>
        e is NpgsqlException or SocketException or TimeoutException
        || e.InnerException is not null && IsUnreachable(e.InnerException)
        || e is InvalidOperationException && e.Message.Contains("transient", StringComparison.OrdinalIgnoreCase);
}
