// Closed-loop HTTP load: N clients, each sending its next request as soon as the last one is answered.
using System.Diagnostics;
using System.Net;
using System.Text;

namespace Booking.Bench;

public sealed record LoadResult(TimeSpan Elapsed, Latencies Latencies, IReadOnlyDictionary<int, int> Statuses)
{
    public int Count(HttpStatusCode status) => Statuses.GetValueOrDefault((int)status);
    public int Total => Statuses.Values.Sum();
    public string StatusSummary => string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}x{s.Key}"));
}

public static class HttpLoad
{
    /// <summary>One client for load: many connections, no cookies, no proxy.</summary>
    public static HttpClient Client(Uri address) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 2048, UseCookies = false, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = address, Timeout = TimeSpan.FromMinutes(2),
    };

    public static async Task<LoadResult> Run(HttpClient http, int count, int concurrency, Func<int, HttpRequestMessage> request)
    {
        var latencies = new Latencies();
        var statuses = new Dictionary<int, int>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var message = request(i);
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    using var response = await http.SendAsync(message);
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException) { status = -1; }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                lock (statuses) statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
        }));
        clock.Stop();
        return new LoadResult(clock.Elapsed, latencies, statuses);
    }

    public static HttpRequestMessage Json(HttpMethod method, string path, string json) => new(method, path)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };
}
