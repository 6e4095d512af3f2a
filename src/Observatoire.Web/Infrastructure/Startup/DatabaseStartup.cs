using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
                if (!await MigrateAsync(db, log, target)) return false;
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

    /// <summary>
    /// The last migration of the history squashed into Baseline: a database whose history ends there has exactly
    /// Baseline's schema (pg_dump compared), so it may keep its data by having its history rewritten.
    /// </summary>
    private const string LastSquashedMigration = "20261202135503_FrenchCollation";

    /// <summary>
    /// Applies the pending migrations and says in one line which, or that the database is up to date. Returns false,
    /// after saying what to do, when the database's history predates this build's first migration (Baseline).
    /// </summary>
    private static async Task<bool> MigrateAsync(ObservatoireDbContext db, ILogger log, string target)
    {
        // Npgsql's history repository answers "exists" without looking and reads the table, catching its absence; EF
        // Core logs that failed read as an error ("Failed executing DbCommand", npgsql/efcore.pg#3407). So the table
        // is looked up here, through the search_path as EF's unqualified statements are, and created when missing.
        var history = db.GetService<IHistoryRepository>();
        var exists = await db.Database.SqlQueryRaw<bool>(
            "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL AS \"Value\"").SingleAsync();
        var applied = exists ? (await history.GetAppliedMigrationsAsync()).Select(r => r.MigrationId).ToList() : [];
        var known = db.Database.GetMigrations().ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 && !applied.Contains(known[0], StringComparer.Ordinal))
        {
            log.LogCritical(
                "La base {Target} vient d'avant la migration {Baseline} : son historique (__EFMigrationsHistory) contient {Unknown} " +
                "({Count} migration(s) inconnue(s) de cette version), regroupées depuis dans {Baseline}. Recréez-la (dropdb puis " +
                "createdb : le portail la migre à son démarrage ; scripts/run.sh recrée de lui-même sa base de démonstration).{KeepData}",
                target, known[0], unknown[0], unknown.Count, known[0], KeepDataHint(applied, known[0]));
            return false;
        }
        if (unknown.Count > 0)
            log.LogWarning("La base {Target} contient des migrations que cette version ne connaît pas ({Unknown}) : une version plus récente l'a migrée ?",
                target, string.Join(", ", unknown));

        if (!exists) await history.CreateIfNotExistsAsync(); // as MigrateAsync would, after its failed read
        var pending = known.Except(applied, StringComparer.Ordinal).ToList();
        await db.Database.MigrateAsync();
        if (pending.Count > 0)
            log.LogInformation("Migrations appliquées : {Migrations}", string.Join(", ", pending));
        else
            log.LogInformation("Base de données à jour : aucune migration à appliquer (dernière : {Last}).", known[^1]);
        return true;
    }

    /// <summary>For a database migrated up to the end of the squashed history: how to keep its data.</summary>
    private static string KeepDataHint(IReadOnlyList<string> applied, string baseline)
    {
        if (applied.Max(StringComparer.Ordinal) != LastSquashedMigration) return "";
        var version = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        return $" Son historique s'arrête à {LastSquashedMigration}, dont le schéma est exactement celui de {baseline} : pour garder " +
            $"ses données, remplacez plutôt cet historique : DELETE FROM \"__EFMigrationsHistory\"; " +
            $"INSERT INTO \"__EFMigrationsHistory\" VALUES ('{baseline}', '{version}');";
    }

    private static bool IsUnreachable(Exception e) =>
        e is NpgsqlException or SocketException or TimeoutException
        || e.InnerException is not null && IsUnreachable(e.InnerException)
        || e is InvalidOperationException && e.Message.Contains("transient", StringComparison.OrdinalIgnoreCase);
}
