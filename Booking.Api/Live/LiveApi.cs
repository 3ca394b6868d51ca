// Server-sent events for live screens (waiting-room display, phone ticket, the supervisor's day): each commit that
// touches a watched kind of stream is pushed within a second through the event store's LISTEN/NOTIFY, so it works with
// several instances behind a load balancer. The browser's EventSource reconnects by itself after a restart.
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Booking.Api.EventStore;
using Booking.Domain.Configuration;

namespace Booking.Api.Live;

public sealed record LiveChange(long Sequence, IReadOnlyList<string> StreamTypes);

public static class LiveApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void MapLiveApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/live", Stream).WithName("LiveChanges").WithTags("Live")
            .WithSummary("Server-sent events: 'change' when streams of the given types change (topics=walk_in_session,appointment), 'resync' after a reconnect to the database.");

    public static IResult Stream(string? topics, StoreNotifications notifications, CurrentUnit unit, HttpContext http, CancellationToken ct)
    {
        var wanted = (topics ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Changes(notifications, unit.UnitId, wanted, ct));
    }

    private static async IAsyncEnumerable<SseItem<LiveChange>> Changes(StoreNotifications notifications, Guid unitId, HashSet<string> wanted,
        [EnumeratorCancellation] CancellationToken ct)
    {
        yield return new SseItem<LiveChange>(new LiveChange(0, []), "hello") { ReconnectionInterval = TimeSpan.FromSeconds(1) };
        await using var source = notifications.Listen(ct).GetAsyncEnumerator(ct);
        var next = source.MoveNextAsync().AsTask();
        while (!ct.IsCancellationRequested)
        {
            // A comment-like heartbeat keeps proxies from closing a quiet stream.
            if (await Task.WhenAny(next, Task.Delay(Heartbeat, ct)) != next)
            {
                yield return new SseItem<LiveChange>(new LiveChange(0, []), "heartbeat");
                continue;
            }
            if (!await next) yield break;
            var n = source.Current;
            next = source.MoveNextAsync().AsTask();
            if (n.Resync)
                yield return new SseItem<LiveChange>(new LiveChange(0, []), "resync");
            else if (n.UnitId == unitId && (wanted.Count == 0 || n.StreamTypes.Any(wanted.Contains)))
                yield return new SseItem<LiveChange>(new LiveChange(n.LastSequence, n.StreamTypes), "change");
        }
    }
}
