namespace Booking.Api.EventStore;

/// <summary>Timings of the event store's background work; tests shorten them.</summary>
public sealed class EventStoreOptions
{
    /// <summary>How often the daemon looks for new events when no notification arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The shortest time between two catch-up passes of one projection. Each pass reads the exact high-water
    /// mark under the exclusive high-water lock, which holds back new appends until those in flight commit; under a
    /// stream of appends every commit would wake the daemon, so passes are spaced out and each takes many events.</summary>
    public TimeSpan MinimumPassInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often an instance that does not hold a projection's lock tries to take it over.</summary>
    public TimeSpan LockRetryInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Events per daemon transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Longest wait between reconnect attempts of the LISTEN connection.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Create the schema when the host starts.</summary>
    public bool CreateSchemaOnStart { get; set; } = true;
}
