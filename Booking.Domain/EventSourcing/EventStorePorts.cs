// The event store as the domain sees it: Marten's shape (FetchForWriting, Append, Store, SaveChanges)
// so that use cases stay free of I/O and a later move to Marten swaps only the adapter.
using NodaTime;

namespace Booking.Domain.EventSourcing;

/// <summary>Gives the stable name an event is stored under; it never changes when the class is renamed.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>One stored event with its metadata, as read back from the store.</summary>
public sealed record EventEnvelope(
    long Sequence,
    Guid UnitId,
    string StreamId,
    string StreamType,
    long Version,
    string EventName,
    object Data,
    Instant Timestamp,
    string CausedBy);

/// <summary>A stream loaded for writing: its state folded from its events, and the version it was at.</summary>
public sealed record StreamForWriting<TState>(string StreamId, long Version, TState State)
{
    /// <summary>True when the stream has no events yet (version 0).</summary>
    public bool IsNew => Version == 0;
}

/// <summary>Thrown by SaveChanges when a stream moved on since it was fetched, or a guard in the database refused the write.
/// Nothing of the session was written.</summary>
public sealed class ConcurrencyException(string streamId, string message) : Exception(message)
{
    public string StreamId { get; } = streamId;
}

/// <summary>A unit of work: everything appended or stored in it commits together or not at all.</summary>
public interface IEventSession : IAsyncDisposable
{
    /// <summary>Loads a stream and folds its events; an unknown stream gives the initial state at version 0.</summary>
    Task<StreamForWriting<TState>> FetchForWriting<TState>(
        string streamId, TState initial, Func<TState, object, TState> evolve, CancellationToken ct = default);

    /// <summary>Queues events for a stream that must still be at <paramref name="expectedVersion"/> when saved.</summary>
    void Append(string streamId, string streamType, long expectedVersion, IReadOnlyList<object> events);

    /// <summary>Queues a document (personal data, tokens, idempotency records) written in the same transaction.</summary>
    void Store<TDocument>(TDocument document) where TDocument : class;

    /// <summary>Writes everything queued in one transaction; throws <see cref="ConcurrencyException"/> on a conflict.</summary>
    Task SaveChangesAsync(CancellationToken ct = default);
}

/// <summary>Opens sessions for one unit (tenant) on behalf of one actor, and reads streams.</summary>
public interface IEventStore
{
    IEventSession OpenSession(Guid unitId, string causedBy);

    Task<IReadOnlyList<EventEnvelope>> ReadStream(Guid unitId, string streamId, CancellationToken ct = default);
}
