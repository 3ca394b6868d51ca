// Server-sent events for live screens (waiting-room display, phone ticket, the supervisor's day): each commit that
// touches a watched kind of stream is pushed within a second through the event store's LISTEN/NOTIFY, so it works with
// several instances behind a load balancer. The browser's EventSource reconnects by itself after a restart.
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Booking.Api.Storage;
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
        // The listener is pumped into a channel so that a quiet stream can send heartbeats; an async iterator may not be
        // disposed while a MoveNext is pending, so the pump is cancelled and awaited before this method ends.
        var inbox = System.Threading.Channels.Channel.CreateUnbounded<StoreNotification>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pump = Pump(notifications, inbox.Writer, stop.Token);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                beat.CancelAfter(Heartbeat);
                StoreNotification? n = null;
                try { n = await inbox.Reader.ReadAsync(beat.Token); }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
                catch (System.Threading.Channels.ChannelClosedException) { yield break; }
                catch (OperationCanceledException) { yield break; }

                if (n is null) yield return new SseItem<LiveChange>(new LiveChange(0, []), "heartbeat");
                else if (n.Resync) yield return new SseItem<LiveChange>(new LiveChange(0, []), "resync");
                else if (n.UnitId == unitId && (wanted.Count == 0 || n.StreamTypes.Any(wanted.Contains)))
                    yield return new SseItem<LiveChange>(new LiveChange(n.LastSequence, n.StreamTypes), "change");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    private static async Task Pump(StoreNotifications notifications, System.Threading.Channels.ChannelWriter<StoreNotification> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var n in notifications.Listen(ct)) await writer.WriteAsync(n, ct);
        }
        catch (OperationCanceledException) { }
        finally { writer.TryComplete(); }
    }
}
