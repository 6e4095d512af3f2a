using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Observatoire.IntegrationTests.Foundation;

public class HealthTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Health_answers_ok_when_the_database_is_migrated()
    {
        using var client = Portal.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"statut\":\"ok\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_503_in_French_when_the_database_cannot_be_reached()
    {
        // Start-up migration off, or the portal would refuse to start (see the next test).
        await using var factory = new PortalFactory(NowhereConnectionString(), new Dictionary<string, string?>(Quiet)
        {
            ["Observatoire:MigrateOnStartup"] = "false",
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("en panne", body);
        Assert.Contains("injoignable", body);
    }

    [Fact]
    public async Task The_portal_refuses_to_start_and_says_why_in_French_when_the_database_cannot_be_reached()
    {
        var logs = new ConcurrentQueue<string>();
        await using var factory = new PortalFactory(NowhereConnectionString(), Quiet).WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new CollectingLoggerProvider(logs))));

        var failure = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(logs, line => line.Contains("injoignable") && line.Contains("ConnectionStrings__Observatoire"));
    }

    // These portals fail on purpose: their connection errors are the expected outcome, not worth printing.
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "None",
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "None",
        ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "None",
    };

    private static string NowhereConnectionString() =>
        $"Host=127.0.0.1;Port={TestPostgres.FreeTcpPort()};Database=obs;Username=postgres;Timeout=5";

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(lines);
        public void Dispose() { }

        private sealed class Collector(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) => lines.Enqueue(formatter(state, exception));
        }
    }
}
