using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>Keeps the formatted messages a portal logs (warnings and above, after the portal's own level filters).</summary>
public sealed class LogCollector : ILoggerProvider
{
    /// <summary>The setting that turns the setup link back on (<see cref="PortalFactory"/> keeps it out of test output).</summary>
    public const string SetupAnnouncementLevel = "Logging:LogLevel:Observatoire.Web.Infrastructure.SetupAnnouncement";

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collector(Lines);

    public void Dispose() { }

    private sealed class Collector(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => lines.Enqueue(formatter(state, exception));
    }
}
