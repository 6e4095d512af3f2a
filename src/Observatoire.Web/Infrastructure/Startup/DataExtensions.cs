using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Observatoire.Web.Infrastructure;

public static class DataExtensions
{
    public static IServiceCollection AddObservatoireData(this IServiceCollection services, IConfiguration configuration)
    {
        // A missing connection string is reported in French at start-up (DatabaseStartup), not as a stack trace here.
        var connectionString = WithPoolCap(configuration.GetConnectionString("Observatoire") ?? "");
        // No retrying execution strategy: features use explicit transactions, and a failed write must
        // reach the user as a retryable error rather than be replayed behind their back.
        services.AddDbContextPool<ObservatoireDbContext>(o => o.UseNpgsql(connectionString,
            // Pages project small collections; one round trip is the right default, and saying so silences EF's warning.
            npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
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
    /// PostgreSQL allows 100 connections by default and Npgsql pools up to 100: a burst (a class answering a survey
    /// at once) would meet "too many clients" instead of waiting its turn. Unless the connection string sets its own
    /// pool size, keep the pool well under the server's limit so that extra requests queue for a connection.
    /// </summary>
    internal static string WithPoolCap(string connectionString)
    {
        if (connectionString.Length == 0 || connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
            return connectionString;
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 40 }.ConnectionString;
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
