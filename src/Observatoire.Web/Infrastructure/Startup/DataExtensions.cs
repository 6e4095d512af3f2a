using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Observatoire.Web.Infrastructure;

public static class DataExtensions
{
    public static IServiceCollection AddObservatoireData(this IServiceCollection services, IConfiguration configuration)
    {
        // A missing connection string is reported in French at start-up (DatabaseStartup), not as a stack trace here.
        var connectionString = WithPortalDefaults(configuration.GetConnectionString("Observatoire") ?? "");
        // No retrying execution strategy: features use explicit transactions, and a failed write must
        // reach the user as a retryable error rather than be replayed behind their back.
        services.AddDbContextPool<ObservatoireDbContext>(o => o.UseNpgsql(connectionString,
            // Pages project small collections; one round trip is the right default, and saying so silences EF's warning.
            npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
        services.AddScoped<ReadRouting>();
        if (configuration.GetConnectionString(ReplicaOptions.ConnectionStringName) is { Length: > 0 } replica)
            services.AddReplicaReads(configuration, connectionString, WithPortalDefaults(replica));
        services.AddDataProtection()
            .SetApplicationName("Observatoire")
            .PersistKeysToDbContext<ObservatoireDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Merges of duplicates, and what follows them outside foreign keys (features add their own followers).
        services.AddScoped<RecordMerger>();
        services.AddScoped<IMergeFollower, DirectoryHistoryFollower>();
        services.AddScoped<IMergeFollower, SlugAliasFollower>();
        services.Configure<ObservatoireOptions>(configuration.GetSection(ObservatoireOptions.Section));
        return services;
    }

    /// <summary>
    /// Reads of the pages marked <see cref="ReadsFromReplicaAttribute"/> on the streaming replica (<see cref="ReplicaReads"/>).
    /// One pool of contexts for both servers: the connection string is set on each context as it is rented, before it
    /// opens a connection, from the request's <see cref="ReadRouting"/> (the primary outside requests: hosted services,
    /// the outbox, rollup compaction, data-protection keys).
    /// </summary>
    private static void AddReplicaReads(this IServiceCollection services, IConfiguration configuration, string primary, string replica)
    {
        // Made by the container, so that it disposes the monitor's pools with the host.
        services.AddSingleton(_ => new ReplicaConnections(primary, replica));
        services.AddSingleton<ReplicaStatus>();
        services.Configure<ReplicaOptions>(configuration.GetSection(ReplicaOptions.Section));
        services.AddHostedService<ReplicaMonitor>();
        services.AddHealthChecks().AddCheck<ReplicaHealthCheck>("replica");
        var pooled = services.Single(d => d.ServiceType == typeof(ObservatoireDbContext));
        var rent = pooled.ImplementationFactory
            ?? throw new InvalidOperationException("AddDbContextPool ne fournit plus de fabrique : revoir AddReplicaReads.");
        services.Remove(pooled);
        services.AddScoped(sp =>
        {
            var db = (ObservatoireDbContext)rent(sp);
            var connections = sp.GetRequiredService<ReplicaConnections>();
            // Always set: a pooled context comes back with whichever string its previous request used.
            db.Database.SetConnectionString(sp.GetRequiredService<ReadRouting>().UsesReplica ? connections.Replica : connections.Primary);
            return db;
        });
    }

    /// <summary>
    /// The portal's defaults for what the connection string leaves unsaid (a setting it states is kept):
    /// <list type="bullet">
    /// <item>a pool of 40: PostgreSQL allows 100 connections by default and Npgsql pools up to 100, so a burst (a class
    /// answering a survey at once) would meet "too many clients" instead of waiting its turn;</item>
    /// <item><c>No Reset On Close</c>: a connection going back to the pool is not sent <c>DISCARD ALL</c>, which cost as
    /// much PostgreSQL CPU as the statements of a survey screen (issue #20). The portal therefore leaves no session
    /// state behind: settings are transaction-local (<c>set_config(…, true)</c> or <c>SET LOCAL</c>), advisory locks are
    /// transaction locks or released in a <c>finally</c>, and there are no temporary tables or <c>LISTEN</c>;</item>
    /// <item><c>Max Auto Prepare</c>: a statement run a few times on a connection is prepared there, so PostgreSQL stops
    /// parsing and planning it again; the reset above would have thrown the prepared statements away.</item>
    /// </list>
    /// </summary>
    internal static string WithPortalDefaults(string connectionString)
    {
        if (connectionString.Length == 0) return connectionString;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            bool Says(string key) => connectionString.Contains(key, StringComparison.OrdinalIgnoreCase);
            if (!Says("Pool Size")) builder.MaxPoolSize = 40;
            if (!Says("Reset On Close")) builder.NoResetOnClose = true;
            if (!Says("Auto Prepare")) builder.MaxAutoPrepare = 50;
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return connectionString;
        }
    }

    /// <summary>Where a connection string points, without its password: safe to show in messages.</summary>
    public static string Describe(string? connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Host}:{b.Port}/{b.Database} (utilisateur {b.Username})";
        }
        catch (ArgumentException)
        {
            return "(chaîne de connexion illisible)";
        }
    }
}
