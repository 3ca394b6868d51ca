// The event store on PostgreSQL with Marten's semantics: versioned streams, a global sequence,
// optimistic concurrency, multi-stream appends, inline projections and documents in one transaction.
using System.Text.Json;
using Booking.Domain.EventSourcing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Api.EventStore;

public sealed class PostgresEventStore(
    NpgsqlDataSource dataSource,
    EventTypeRegistry registry,
    IClock clock,
    IServiceProvider services,
    IEnumerable<IInlineProjection> inlineProjections) : IEventStore
{
    /// <summary>Appends hold it shared while they allocate sequence numbers; the daemon takes it exclusively to read an exact high-water mark.</summary>
    internal const long HighWaterLockKey = 0x65735F68776D6B; // "es_hwmk"

    public const string NotificationChannel = "booking_events";

    internal const string EnvelopeColumns =
        "seq_id, unit_id, stream_id, stream_type, version, type, data::text, timestamp, caused_by";

    private readonly IReadOnlyList<IInlineProjection> _inlineProjections = inlineProjections.ToList();

    public IEventSession OpenSession(Guid unitId, string causedBy) => new PostgresEventSession(this, unitId, causedBy);

    public async Task<IReadOnlyList<EventEnvelope>> ReadStream(Guid unitId, string streamId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"select {EnvelopeColumns} from es_events where unit_id = $1 and stream_id = $2 order by version");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadEnvelopes(reader, registry, ct);
    }

    internal static async Task<List<EventEnvelope>> ReadEnvelopes(NpgsqlDataReader reader, EventTypeRegistry registry, CancellationToken ct)
    {
        var envelopes = new List<EventEnvelope>();
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(5);
            envelopes.Add(new EventEnvelope(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                name, registry.Deserialize(name, reader.GetString(6)),
                Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(7)), reader.GetString(8)));
        }
        return envelopes;
    }

    internal IDocumentWriter<TDocument> WriterFor<TDocument>() where TDocument : class =>
        services.GetService<IDocumentWriter<TDocument>>()
        ?? throw new InvalidOperationException(
            $"No document writer is registered for {typeof(TDocument).FullName}; call AddDocumentWriter<{typeof(TDocument).Name}, ...>() on the event store builder.");

    internal async Task Save(
        Guid unitId, string causedBy, IReadOnlyList<PendingStream> streams,
        IReadOnlyList<Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>> documents, CancellationToken ct)
    {
        // Postgres keeps microseconds; truncating here makes the envelopes equal what a later read returns.
        var now = clock.GetCurrentInstant();
        var timestamp = Instant.FromUnixTimeTicks(now.ToUnixTimeTicks() / 10 * 10);
        // A fixed order of row locks keeps two multi-stream appends from deadlocking each other.
        var ordered = streams.OrderBy(s => s.StreamId, StringComparer.Ordinal).ToList();

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            var envelopes = ordered.Count == 0 ? [] : await AppendEvents(connection, transaction, unitId, causedBy, timestamp, ordered, ct);
            foreach (var write in documents)
                await write(connection, transaction, ct);
            if (envelopes.Count > 0)
            {
                foreach (var projection in _inlineProjections)
                    await projection.Apply(connection, transaction, envelopes, ct);
                await Notify(connection, transaction, unitId, envelopes, ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation)
        {
            var constraint = e.ConstraintName ?? e.TableName ?? "unknown constraint";
            throw new ConcurrencyException(constraint, $"The database refused the change ({constraint}): {e.MessageText}");
        }
    }

    private async Task<List<EventEnvelope>> AppendEvents(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid unitId, string causedBy, Instant timestamp,
        IReadOnlyList<PendingStream> streams, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select pg_advisory_xact_lock_shared({HighWaterLockKey})"));
        var names = new List<string[]>();
        foreach (var stream in streams)
        {
            var eventNames = stream.Events.Select(e => registry.NameOf(e.GetType())).ToArray();
            names.Add(eventNames);
            batch.BatchCommands.Add(AppendCommand(unitId, causedBy, timestamp, stream, eventNames));
        }

        var envelopes = new List<EventEnvelope>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < streams.Count; i++)
        {
            await reader.NextResultAsync(ct);
            var stream = streams[i];
            var sequences = new List<long>(stream.Events.Count);
            while (await reader.ReadAsync(ct))
                sequences.Add(reader.GetInt64(0));
            if (sequences.Count != stream.Events.Count)
                throw new ConcurrencyException(stream.StreamId,
                    $"Stream '{stream.StreamId}' is no longer at version {stream.ExpectedVersion}; someone changed it first.");
            for (var j = 0; j < sequences.Count; j++)
                envelopes.Add(new EventEnvelope(sequences[j], unitId, stream.StreamId, stream.StreamType,
                    stream.ExpectedVersion + j + 1, names[i][j], stream.Events[j], timestamp, causedBy));
        }
        return envelopes;
    }

    // The version claim and the event insert are one statement, so a lost race inserts nothing and
    // returns no rows instead of failing the batch.
    private NpgsqlBatchCommand AppendCommand(Guid unitId, string causedBy, Instant timestamp, PendingStream stream, string[] eventNames)
    {
        const string insertEvents = """
            insert into es_events (unit_id, stream_id, stream_type, version, type, data, timestamp, caused_by)
            select $1, $2, $3, $4 + e.ord, e.type, e.data::jsonb, $7, $8
            from claim, unnest($5::text[], $6::text[]) with ordinality as e(type, data, ord)
            order by e.ord
            returning seq_id
            """;
        var claim = stream.ExpectedVersion == 0
            ? "insert into es_streams (unit_id, stream_id, stream_type, version) values ($1, $2, $3, $9) on conflict do nothing returning version"
            : "update es_streams set version = version + $9 where unit_id = $1 and stream_id = $2 and version = $4 returning version";
        var command = new NpgsqlBatchCommand($"with claim as ({claim})\n{insertEvents}");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = stream.StreamId });
        command.Parameters.Add(new NpgsqlParameter { Value = stream.StreamType });
        command.Parameters.Add(new NpgsqlParameter { Value = stream.ExpectedVersion, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = eventNames, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = stream.Events.Select(registry.Serialize).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        });
        command.Parameters.Add(new NpgsqlParameter { Value = timestamp.ToDateTimeUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = causedBy });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)stream.Events.Count, NpgsqlDbType = NpgsqlDbType.Bigint });
        return command;
    }

    private static async Task Notify(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid unitId,
        IReadOnlyList<EventEnvelope> envelopes, CancellationToken ct)
    {
        var payload = JsonSerializer.Serialize(new StoreNotification(
            unitId, envelopes.Max(e => e.Sequence), envelopes.Select(e => e.StreamType).Distinct().ToList()),
            StoreNotifications.PayloadJson);
        // NOTIFY inside the transaction is delivered only if it commits.
        await using var command = new NpgsqlCommand("select pg_notify($1, $2)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = NotificationChannel });
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        await command.ExecuteNonQueryAsync(ct);
    }
}

internal sealed record PendingStream(string StreamId, string StreamType, long ExpectedVersion, List<object> Events);
