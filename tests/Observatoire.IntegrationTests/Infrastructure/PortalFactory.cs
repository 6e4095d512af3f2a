using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal (Program), in the "Testing" environment, on the given database, without demo data; <paramref name="services"/>
/// adds to its services (a log collector).
/// </summary>
public class PortalFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The setting that turns the setup link back on (kept out of test output by default).</summary>
    public const string SetupAnnouncementLevel = "Logging:LogLevel:Observatoire.Web.Infrastructure.SetupAnnouncement";

    public string ConnectionString { get; } = connectionString;

    /// <summary>"Testing" unless a test runs the portal as installed (« Production »), with that environment's defaults.</summary>
    public string Environment { get; init; } = "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: like Production, the portal must find its CSS and JS in the build output by itself
        // (Foundation/StaticAssetsTests).
        builder.UseEnvironment(Environment);
        // UseSetting, unlike ConfigureAppConfiguration, is visible to Program while it registers services.
        builder.UseSetting("ConnectionStrings:Observatoire", ConnectionString);
        builder.UseSetting("Observatoire:DemoData", "false");
        // Most tests sign staff in with a password only and sign in many times from one address; the hardened
        // portal (PortalFixture.Hardened) keeps both protections on for the tests of those protections.
        builder.UseSetting("Observatoire:Security:RequireTwoFactorForStaff", "false");
        builder.UseSetting("Observatoire:RateLimits:Enabled", "false");
        // Feed tests read sources on demand; a background round in the middle of a test would race them.
        builder.UseSetting("Observatoire:Veille:FetchIntervalMinutes", "0");
        // Likewise the notification rounds: the tests that need them run them (NotificationWorker.RunOnceAsync).
        builder.UseSetting("Observatoire:Notifications:WorkerEnabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Failed statements reach the tests as exceptions, and keys are stored in clear in the test database: noise
        // that would hide the errors worth reading (Foundation/FirstStartTests turns the first back on).
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        // Every portal starts on a database without an administrator, so each would print its setup link (a warning):
        // SetupTests turn it back on to read it.
        builder.UseSetting("Logging:LogLevel:Observatoire.Web.Infrastructure.SetupAnnouncement", "Error");
        if (Environment != "Production")
        {
            // Thousands of accounts are created and signed in across the suite: at Identity's 100,000 PBKDF2 rounds
            // each costs tens of milliseconds of CPU for nothing a test checks. The hash format (and its check) is the same.
            builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        }
        else
        {
            // As installed: staff enrol a second factor, rate limits hold, and the log levels are appsettings.json's.
            builder.UseSetting("Observatoire:Security:RequireTwoFactorForStaff", "true");
            builder.UseSetting("Observatoire:RateLimits:Enabled", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Warning");
            builder.UseSetting("Logging:LogLevel:Observatoire.Web.Infrastructure.SetupAnnouncement", "Information");
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureServices(services);
    }
}
