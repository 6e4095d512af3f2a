using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>The real portal (Program), in the "Testing" environment, on the given database, without demo data.</summary>
public class PortalFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, CSS and JS are only served from a published output unless asked: tests run the build output.
        builder.UseStaticWebAssets();
        // UseSetting, unlike ConfigureAppConfiguration, is visible to Program while it registers services.
        builder.UseSetting("ConnectionStrings:Observatoire", ConnectionString);
        builder.UseSetting("Observatoire:DemoData", "false");
        // Most tests sign staff in with a password only and sign in many times from one address; the hardened
        // portal (PortalFixture.Hardened) keeps both protections on for the tests of those protections.
        builder.UseSetting("Observatoire:Security:RequireTwoFactorForStaff", "false");
        builder.UseSetting("Observatoire:RateLimits:Enabled", "false");
        // Feed tests read sources on demand; a background round in the middle of a test would race them.
        builder.UseSetting("Observatoire:Veille:FetchIntervalMinutes", "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Failed statements reach the tests as exceptions, and keys are stored in clear in the test database: noise
        // that would hide the errors worth reading (Foundation/FirstStartTests turns the first back on).
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}
