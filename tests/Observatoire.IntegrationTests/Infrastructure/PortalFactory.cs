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
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Expected at every start (EF probes the migration history of a fresh database; keys are stored in clear
        // in the test database): noise that would hide the errors worth reading.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}
