// Listens to /api/live the way a live screen does and keeps every server-sent event it hears, so a test can wait for
// the one it expects (with a deadline) while other things go on.
using System.Text.Json.Nodes;

namespace Booking.Api.Tests.Faults;

public sealed record LiveEvent(string Name, JsonNode? Data, DateTime HeardAt);

public sealed class LiveListener : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<LiveEvent> _heard = [];
    private readonly Task _reading;

    private LiveListener(HttpClient http, StreamReader reader)
    {
        _http = http;
        _reading = Read(reader);
    }

    /// <summary>Opens the stream and waits for its "hello", so that what happens next is heard.</summary>
    public static async Task<LiveListener> Open(HttpClient http, string topics)
    {
        var stream = await http.GetStreamAsync($"/api/live?topics={topics}");
        var reader = new StreamReader(stream);
        var listener = new LiveListener(http, reader);
        await listener.WaitFor(e => e.Name == "hello", TimeSpan.FromSeconds(10), "the stream's hello");
        return listener;
    }

    public IReadOnlyList<LiveEvent> Heard { get { lock (_heard) return [.. _heard]; } }

    /// <summary>The first event heard (from the start of the stream) that matches, waiting for it until the deadline.</summary>
    public async Task<LiveEvent> WaitFor(Func<LiveEvent, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Heard.FirstOrDefault(match) is { } found) return found;
            if (_reading.IsCompleted)
                throw new InvalidOperationException($"The live stream ended before {what}: {_reading.Exception?.GetBaseException().Message}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No {what} within {timeout.TotalSeconds} s; heard: {string.Join(", ", Heard.Select(e => e.Name))}");
            await Task.Delay(20);
        }
    }

    private async Task Read(StreamReader reader)
    {
        using (reader)
        {
            string? name = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
                {
                    var data = line["data: ".Length..];
                    lock (_heard) _heard.Add(new LiveEvent(name, data.Length == 0 ? null : JsonNode.Parse(data), DateTime.UtcNow));
                    name = null;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _reading; }
        catch (Exception e) when (e is OperationCanceledException or IOException) { }
        _http.Dispose();
        _stop.Dispose();
    }
}
