// Turns the store's PostgreSQL NOTIFYs into an in-process stream, so live screens wake up
// within a second on every API instance; reconnects after a database restart and then asks everyone to resync.
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Booking.Api.Storage;

/// <summary>Something committed in a unit. Resync means notifications may have been missed: reload everything.</summary>
public sealed record StoreNotification(Guid UnitId, long LastSequence, IReadOnlyList<string> StreamTypes, bool Resync = false);

public sealed class StoreNotifications(NpgsqlDataSource dataSource, BookingStoreOptions options, ILogger<StoreNotifications> logger)
    : BackgroundService
{
    /// <summary>The channel every commit with events notifies (inside its transaction, so only once it commits).</summary>
    public const string ChannelName = "booking_events";

    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);
    private const int SubscriberCapacity = 256;

    private readonly Lock _gate = new();
    private readonly List<Channel<StoreNotification>> _subscribers = [];
    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the LISTEN connection is up (again, after a reconnect).</summary>
    public Task Listening { get { lock (_gate) return _listening.Task; } }

    /// <summary>Each subscriber gets its own bounded queue; a slow one loses its oldest notifications, never blocks others.</summary>
    public async IAsyncEnumerable<StoreNotification> Listen([EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<StoreNotification>(new BoundedChannelOptions(SubscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        lock (_gate) _subscribers.Add(channel);
        try
        {
            while (await channel.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
                while (channel.Reader.TryRead(out var notification))
                    yield return notification;
        }
        finally
        {
            lock (_gate) _subscribers.Remove(channel);
        }
    }

    internal void Publish(StoreNotification notification)
    {
        lock (_gate)
            foreach (var subscriber in _subscribers)
                subscriber.Writer.TryWrite(notification);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"listen {ChannelName}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                lock (_gate) _listening.TrySetResult();
                delay = TimeSpan.FromMilliseconds(100);
                if (connectedBefore)
                    Publish(new StoreNotification(Guid.Empty, 0, [], Resync: true));
                connectedBefore = true;
                while (!stoppingToken.IsCancellationRequested)
                {
                    // A quiet connection may have died without a word (network, failover); a ping finds out.
                    if (await connection.WaitAsync(30_000, stoppingToken)) continue;
                    await using var ping = new NpgsqlCommand("select 1", connection);
                    await ping.ExecuteNonQueryAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                lock (_gate)
                    if (_listening.Task.IsCompleted)
                        _listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                logger.LogWarning(e, "Lost the LISTEN connection for store notifications; reconnecting in {Delay}", delay);
                try { await Task.Delay(delay, stoppingToken); }
                catch (OperationCanceledException) { return; }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        try
        {
            if (JsonSerializer.Deserialize<StoreNotification>(e.Payload, PayloadJson) is { } notification)
                Publish(notification);
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "Ignored a malformed store notification");
        }
    }
}
