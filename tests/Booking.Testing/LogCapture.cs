// What the service logged, for tests that check what is (and is not) logged: errors only for our own failures, never
// personal data.
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Booking.Testing;

public sealed record CapturedLog(string Category, LogLevel Level, string Message);

/// <summary>A logger provider that keeps every entry of Information and above; add it to a fixture's services.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) capture.Entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception)));
        }
    }
}
