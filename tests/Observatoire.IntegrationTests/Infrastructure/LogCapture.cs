using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>
/// Keeps what the portal logs, for tests of what an operator reads. Register it as an <see cref="ILoggerProvider"/>
/// service (the portal clears the logging providers it is given, not those of its services); the portal's log levels
/// still decide what reaches it.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    public record Entry(LogLevel Level, string Category, string Message);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception)));
    }
}
