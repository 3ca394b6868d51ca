// The domain's event-store ports on Marten: a session is a Marten lightweight session for one unit (the tenant); streams
// are appended with expected versions (StartStream for a new one), our documents and pg_notify run inside Marten's
// transaction, and every refusal by a version check or a database guard becomes the domain's ConcurrencyException.
using System.Text.Json;
using Booking.Domain;
using Booking.Domain.EventSourcing;
using JasperFx.Events;
using IEventStore = Booking.Domain.EventSourcing.IEventStore;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace Booking.Api.Storage;

public sealed class MartenEventStore(IDocumentStore store, NpgsqlDataSource dataSource, EventTypeRegistry registry, IServiceProvider services) : IEventStore
{
    private readonly FoldedStreams _folded = new();

    public IEventSession OpenSession(Guid unitId, string causedBy) =>
        new MartenEventSession(store.LightweightSession(TenantOf(unitId)), unitId, causedBy, dataSource, registry, services, _folded);

    public async Task<IReadOnlyList<EventEnvelope>> ReadStream(Guid unitId, string streamId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession(TenantOf(unitId));
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        return [.. events.Select(Envelope)];
    }

    public static string TenantOf(Guid unitId) => unitId.ToString();

    /// <summary>An event as our projections and readers see it; the stream's kind comes from its id's prefix.</summary>
    public static EventEnvelope Envelope(IEvent e) => new(
        e.Sequence, Guid.TryParse(e.TenantId, out var unit) ? unit : Guid.Empty, e.StreamKey ?? "", StreamIds.TypeOf(e.StreamKey ?? ""),
        e.Version, e.EventTypeName, e.Data, Instant.FromDateTimeOffset(e.Timestamp), e.UserName ?? "");

    /// <summary>True when the database or Marten refused a write because someone else got there first.</summary>
    public static bool IsConflict(Exception? error, out string what)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // A serialization failure is a guard that lost a race (staff_accounts_keep_a_manager): decide again.
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.SerializationFailure } pg:
                    what = pg.ConstraintName ?? pg.TableName ?? "a unique guard";
                    return true;
                case JasperFx.ConcurrencyException c:
                    what = c.Id?.ToString() ?? c.Message;
                    return true;
                case ExistingStreamIdCollisionException c:
                    what = c.Id?.ToString() ?? c.Message;
                    return true;
                case Marten.Exceptions.ExistingStreamIdCollisionException c:
                    what = c.Id?.ToString() ?? c.Message;
                    return true;
            }
        }
        what = "";
        return false;
    }
}

internal sealed class MartenEventSession(
    IDocumentSession session, Guid unitId, string causedBy, NpgsqlDataSource dataSource, EventTypeRegistry registry, IServiceProvider services,
    FoldedStreams folded)
    : IEventSession
{
    private readonly List<string> _read = [];
    private readonly Guid _unitId = unitId;
    private readonly Dictionary<string, (string Type, long Expected, List<object> Events)> _streams = new(StringComparer.Ordinal);
    private readonly List<Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>> _documents = [];

    public async Task<StreamForWriting<TState>> FetchForWriting<TState>(
        string streamId, TState initial, Func<TState, object, TState> evolve, CancellationToken ct = default)
    {
        _read.Add(streamId);
        if (folded.TryGet(_unitId, streamId, evolve, initial, out var keptVersion, out var kept))
        {
            // Only what was appended since (by this instance or another); versions follow on from the kept one.
            var newer = await session.Events.FetchStreamAsync(streamId, fromVersion: keptVersion + 1, token: ct);
            if (newer.Count == 0 || newer[0].Version == keptVersion + 1)
                return Folded(streamId, evolve, initial, keptVersion, kept, newer);
            folded.Forget(_unitId, streamId);
        }
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        return Folded(streamId, evolve, initial, 0, initial, events);
    }

    private StreamForWriting<TState> Folded<TState>(string streamId, Func<TState, object, TState> evolve, TState initial, long version,
        TState state, IReadOnlyList<IEvent> events)
    {
        foreach (var e in events) state = evolve(state, e.Data);
        if (events.Count > 0) version = events[^1].Version;
        folded.Keep(_unitId, streamId, evolve, initial, version, state);
        return new StreamForWriting<TState>(streamId, version, state);
    }

    public void Append(string streamId, string streamType, long expectedVersion, IReadOnlyList<object> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentException.ThrowIfNullOrEmpty(streamType);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (events.Count == 0) return; // a retried command decided nothing: nothing to write
        // Marten would store an unnamed class under its CLR name, which a rename would break: refuse it here.
        if (events.FirstOrDefault(e => !registry.IsNamed(e.GetType())) is { } unnamed)
            throw new InvalidOperationException(
                $"{unnamed.GetType().FullName} has no [EventName] attribute (or its assembly was not given to AddBookingStore), so it cannot be stored.");

        if (!_streams.TryGetValue(streamId, out var queued))
        {
            _streams[streamId] = (streamType, expectedVersion, [.. events]);
            return;
        }
        // A second append to one stream in one session must continue where the first left off.
        if (expectedVersion != queued.Expected + queued.Events.Count)
            throw new InvalidOperationException(
                $"Stream '{streamId}' already has {queued.Events.Count} event(s) queued after version {queued.Expected}; " +
                $"the next append must expect version {queued.Expected + queued.Events.Count}, not {expectedVersion}.");
        queued.Events.AddRange(events);
    }

    public void Store<TDocument>(TDocument document) where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(document);
        var writer = services.GetService<IDocumentWriter<TDocument>>()
            ?? throw new InvalidOperationException(
                $"No document writer is registered for {typeof(TDocument).FullName}; call AddDocumentWriter<{typeof(TDocument).Name}, ...>().");
        _documents.Add((connection, transaction, ct) => writer.Write(connection, transaction, document, ct));
    }

    public async Task SaveChangesAsync(CancellationToken ct = default)
    {
        if (_streams.Count == 0 && _documents.Count == 0) return;
        try
        {
            if (_streams.Count == 0) await WriteDocumentsOnly(ct);
            else await SaveWithEvents(ct);
        }
        catch (Exception e) when (MartenEventStore.IsConflict(e, out var what))
        {
            // What this attempt read may be behind, or kept wrongly: the next attempt reads these streams whole.
            foreach (var streamId in _read) folded.Forget(_unitId, streamId);
            throw new ConcurrencyException(what, $"The change was refused because someone changed the same thing first ({what}).");
        }
        finally
        {
            _streams.Clear();
            _documents.Clear();
        }
    }

    private async Task SaveWithEvents(CancellationToken ct)
    {
        session.LastModifiedBy = causedBy;
        var actions = new List<(string Type, StreamAction Action)>();
        // A fixed order of stream locks keeps two multi-stream appends from deadlocking each other.
        foreach (var (streamId, (type, expected, events)) in _streams.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var action = expected == 0
                ? session.Events.StartStream(streamId, [.. events])
                : session.Events.Append(streamId, expected + events.Count, [.. events]);
            actions.Add((type, action));
        }
        ((ITransactionParticipantRegistrar)session).AddTransactionParticipant(new AfterAppend(this, actions));
        await session.SaveChangesAsync(ct);
    }

    private async Task WriteDocumentsOnly(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var write in _documents) await write(connection, transaction, ct);
        await transaction.CommitAsync(ct);
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    /// <summary>Runs in Marten's transaction after its events are written: our documents, then the NOTIFY that live
    /// screens wait for (delivered by PostgreSQL only if the transaction commits).</summary>
    private sealed class AfterAppend(MartenEventSession owner, List<(string Type, StreamAction Action)> actions) : Marten.ITransactionParticipant
    {
        // The payload is a StoreNotification in the web's JSON shape (camelCase).
        private const string NotifySql =
            "select pg_notify($1, json_build_object('unitId', $2::uuid, 'lastSequence', currval('mt_events_sequence'), 'streamTypes', $3::text[])::text)";

        public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
        {
            foreach (var write in owner._documents) await write(connection, transaction, token);
            // The last sequence is read in the database: Marten's quick append numbers the events there, and this
            // session's last number is the highest of its transaction (the streams are appended in order).
            await using var notify = new NpgsqlCommand(NotifySql, connection, transaction);
            notify.Parameters.Add(new NpgsqlParameter { Value = StoreNotifications.ChannelName });
            notify.Parameters.Add(new NpgsqlParameter { Value = owner._unitId });
            notify.Parameters.Add(new NpgsqlParameter { Value = actions.Select(a => a.Type).Distinct().ToArray() });
            await notify.ExecuteNonQueryAsync(token);
        }

        public Task AfterCommitAsync(CancellationToken token) => Task.CompletedTask;
    }
}
