// One unit of work: queues appends and documents until SaveChangesAsync writes them in one transaction.
using Booking.Domain.EventSourcing;
using Npgsql;

namespace Booking.Api.EventStore;

internal sealed class PostgresEventSession(PostgresEventStore store, Guid unitId, string causedBy) : IEventSession
{
    private readonly List<PendingStream> _streams = [];
    private readonly List<Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>> _documents = [];

    public async Task<StreamForWriting<TState>> FetchForWriting<TState>(
        string streamId, TState initial, Func<TState, object, TState> evolve, CancellationToken ct = default)
    {
        var events = await store.ReadStream(unitId, streamId, ct);
        var state = events.Aggregate(initial, (current, envelope) => evolve(current, envelope.Data));
        return new StreamForWriting<TState>(streamId, events.Count == 0 ? 0 : events[^1].Version, state);
    }

    public void Append(string streamId, string streamType, long expectedVersion, IReadOnlyList<object> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentException.ThrowIfNullOrEmpty(streamType);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (events.Count == 0) return; // a retried command decided nothing: nothing to write

        var queued = _streams.Find(s => s.StreamId == streamId);
        if (queued is null)
        {
            _streams.Add(new PendingStream(streamId, streamType, expectedVersion, [.. events]));
            return;
        }
        // A second append to one stream in one session must continue where the first left off.
        if (expectedVersion != queued.ExpectedVersion + queued.Events.Count)
            throw new InvalidOperationException(
                $"Stream '{streamId}' already has {queued.Events.Count} event(s) queued after version {queued.ExpectedVersion}; " +
                $"the next append must expect version {queued.ExpectedVersion + queued.Events.Count}, not {expectedVersion}.");
        queued.Events.AddRange(events);
    }

    public void Store<TDocument>(TDocument document) where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(document);
        var writer = store.WriterFor<TDocument>();
        _documents.Add((connection, transaction, ct) => writer.Write(connection, transaction, document, ct));
    }

    public async Task SaveChangesAsync(CancellationToken ct = default)
    {
        if (_streams.Count == 0 && _documents.Count == 0) return;
        await store.Save(unitId, causedBy, _streams, _documents, ct);
        _streams.Clear();
        _documents.Clear();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
