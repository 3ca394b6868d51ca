// Test doubles for the appointment use cases' ports: an event store with Marten's append semantics (expected versions,
// all-or-nothing sessions, a unique idempotency key), and the read sides fed from what it stored.
using System.Reflection;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Tests.Support;

public sealed class InMemoryEventStore(IClock clock) : IEventStore
{
    private readonly object gate = new();
    private readonly List<(EventEnvelope Envelope, string StreamType)> events = [];
    private readonly List<(Guid UnitId, object Document)> documents = [];

    /// <summary>Runs once just before the next commit: lets a test slip a competing write in between fetch and save.</summary>
    public Func<Task>? BeforeNextCommit { get; set; }

    public IReadOnlyList<EventEnvelope> Events { get { lock (gate) return events.Select(e => e.Envelope).ToList(); } }

    public IReadOnlyList<object> Documents { get { lock (gate) return documents.Select(d => d.Document).ToList(); } }

    public IEnumerable<T> EventsOf<T>() => Events.Select(e => e.Data).OfType<T>();

    public IEnumerable<T> DocumentsOf<T>() => Documents.OfType<T>();

    internal IReadOnlyList<(EventEnvelope Envelope, string StreamType)> Snapshot() { lock (gate) return events.ToList(); }

    internal IReadOnlyList<(Guid UnitId, object Document)> DocumentSnapshot() { lock (gate) return documents.ToList(); }

    public IEventSession OpenSession(Guid unitId, string causedBy) => new Session(this, unitId, causedBy);

    public Task<IReadOnlyList<EventEnvelope>> ReadStream(Guid unitId, string streamId, CancellationToken ct = default)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyList<EventEnvelope>>(
                events.Select(e => e.Envelope).Where(e => e.UnitId == unitId && e.StreamId == streamId).OrderBy(e => e.Version).ToList());
    }

    private long VersionOf(Guid unitId, string streamId) =>
        events.Where(e => e.Envelope.UnitId == unitId && e.Envelope.StreamId == streamId).Select(e => e.Envelope.Version).DefaultIfEmpty(0).Max();

    private static string NameOf(object @event) =>
        @event.GetType().GetCustomAttribute<EventNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{@event.GetType().Name} has no [EventName]; it could not be stored.");

    private async Task Commit(Guid unitId, string causedBy, List<PendingAppend> appends, List<object> docs)
    {
        if (BeforeNextCommit is { } competitor)
        {
            BeforeNextCommit = null;
            await competitor();
        }

        lock (gate)
        {
            // Check everything first so that a refusal writes nothing.
            var versions = new Dictionary<string, long>();
            foreach (var append in appends)
            {
                var current = versions.TryGetValue(append.StreamId, out var v) ? v : VersionOf(unitId, append.StreamId);
                if (current != append.ExpectedVersion)
                    throw new ConcurrencyException(append.StreamId,
                        $"Stream {append.StreamId} is at version {current}, not {append.ExpectedVersion}.");
                versions[append.StreamId] = current + append.Events.Count;
            }
            var keys = docs.OfType<IdempotencyRecord>().Select(r => r.Key).ToList();
            if (keys.Count != keys.Distinct().Count() ||
                documents.Any(d => d.UnitId == unitId && d.Document is IdempotencyRecord r && keys.Contains(r.Key)))
                throw new ConcurrencyException("idempotency", "That Idempotency-Key is already stored.");

            var now = clock.GetCurrentInstant();
            var sequence = (long)events.Count;
            var written = new Dictionary<string, long>();
            foreach (var append in appends)
            {
                var version = written.TryGetValue(append.StreamId, out var w) ? w : VersionOf(unitId, append.StreamId);
                foreach (var e in append.Events)
                    events.Add((new EventEnvelope(++sequence, unitId, append.StreamId, append.StreamType, ++version, NameOf(e), e, now, causedBy),
                        append.StreamType));
                written[append.StreamId] = version;
            }
            documents.AddRange(docs.Select(d => (unitId, d)));
        }
    }

    private sealed record PendingAppend(string StreamId, string StreamType, long ExpectedVersion, IReadOnlyList<object> Events);

    private sealed class Session(InMemoryEventStore store, Guid unitId, string causedBy) : IEventSession
    {
        private readonly List<PendingAppend> appends = [];
        private readonly List<object> docs = [];
        private bool saved;

        public async Task<StreamForWriting<TState>> FetchForWriting<TState>(string streamId, TState initial,
            Func<TState, object, TState> evolve, CancellationToken ct = default)
        {
            var stored = await store.ReadStream(unitId, streamId, ct);
            var state = stored.Aggregate(initial, (s, e) => evolve(s, e.Data));
            return new StreamForWriting<TState>(streamId, stored.Count == 0 ? 0 : stored[^1].Version, state);
        }

        public void Append(string streamId, string streamType, long expectedVersion, IReadOnlyList<object> events) =>
            appends.Add(new PendingAppend(streamId, streamType, expectedVersion, events.ToList()));

        public void Store<TDocument>(TDocument document) where TDocument : class => docs.Add(document);

        public async Task SaveChangesAsync(CancellationToken ct = default)
        {
            if (saved) throw new InvalidOperationException("A session is saved once.");
            saved = true;
            await store.Commit(unitId, causedBy, appends, docs);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>The inline projection of the staff-day streams, computed from the stored events on every read.</summary>
public sealed class InMemoryReservations(InMemoryEventStore store) : IReservations
{
    public Task<IReadOnlyList<Reservation>> Between(Guid unitId, Instant from, Instant to, CancellationToken ct = default)
    {
        var held = new Dictionary<(string Stream, Guid Appointment), SlotReserved>();
        foreach (var (e, type) in store.Snapshot().Where(x => x.Envelope.UnitId == unitId && x.StreamType == StreamIds.StaffDayType))
        {
            if (e.Data is SlotReserved r) held[(e.StreamId, r.AppointmentId)] = r;
            else if (e.Data is SlotReleased s) held.Remove((e.StreamId, s.AppointmentId));
        }
        return Task.FromResult<IReadOnlyList<Reservation>>(held.Values
            .Select(r => new Reservation(r.StaffId, r.AppointmentId, r.Start, r.End))
            .Where(r => r.Overlaps(from, to))
            .ToList());
    }
}

public sealed class InMemoryIdempotencyKeys(InMemoryEventStore store) : IIdempotencyKeys
{
    public Task<IdempotencyRecord?> Find(Guid unitId, string key, CancellationToken ct = default) =>
        Task.FromResult(store.DocumentSnapshot()
            .Where(d => d.UnitId == unitId).Select(d => d.Document).OfType<IdempotencyRecord>()
            .FirstOrDefault(r => r.Key == key));
}

public sealed class FixedConfiguration(UnitConfiguration configuration) : IUnitConfigurationSource
{
    public Task<UnitConfiguration> Current(Guid unitId, CancellationToken ct = default) => Task.FromResult(configuration);
}
