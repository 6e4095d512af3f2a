using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Observatoire.Web.Data;

namespace Observatoire.Web.Infrastructure;

public static class DataExtensions
{
    public static IServiceCollection AddObservatoireData(this IServiceCollection services, IConfiguration configuration)
    {
        // A missing connection string is reported in French at start-up (DatabaseStartup), not as a stack trace here.
        var connectionString = configuration.GetConnectionString("Observatoire") ?? "";
        // No retrying execution strategy: features use explicit transactions, and a failed write must
        // reach the user as a retryable error rather than be replayed behind their back.
        services.AddDbContextPool<ObservatoireDbContext>(o => o.UseNpgsql(connectionString,
            // Pages project small collections; one round trip is the right default, and saying so silences EF's warning.
            npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
        services.AddDataProtection()
            .SetApplicationName("Observatoire")
            .PersistKeysToDbContext<ObservatoireDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<ObservatoireOptions>(configuration.GetSection(ObservatoireOptions.Section));
        return services;
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

public class ObservatoireOptions
{
    public const string Section = "Observatoire";
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>Loads the demo dataset on an empty database. Off in Production unless asked.</summary>
    public bool DemoData { get; set; }
    public AdminOptions Admin { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>Published figures hide groups smaller than this, so nobody can be singled out.</summary>
    public int SuppressionThreshold { get; set; } = 5;
    /// <summary>
    /// Survey screens one client address may post per minute. A whole survey takes about ten; a social centre's
    /// public Wi-Fi puts many residents behind one address, hence the margin.
    /// </summary>
    public int SurveyPostsPerMinute { get; set; } = 120;
    /// <summary>Public address of the portal, used in e-mailed links.</summary>
    public string? PublicUrl { get; set; }
}

public class AdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

public class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "observatoire@localhost";
    public bool UseStartTls { get; set; } = true;
}
