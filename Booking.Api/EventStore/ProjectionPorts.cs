// The extension points of the event store: projections and document writers run inside the store's transactions.
using Booking.Domain.EventSourcing;
using Npgsql;

namespace Booking.Api.EventStore;

/// <summary>Updates a read model in the same transaction as the append; a constraint violation here refuses the whole append.</summary>
public interface IInlineProjection
{
    string SchemaSql { get; }
    Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct);
}

/// <summary>Writes a document (personal data, tokens, idempotency records) in the same transaction as the session's events.</summary>
public interface IDocumentWriter<TDocument> where TDocument : class
{
    string SchemaSql { get; }
    Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, TDocument document, CancellationToken ct);
}

/// <summary>A read model kept by the daemon behind the high-water mark; its checkpoint commits with its writes.</summary>
public interface IAsyncProjection
{
    string Name { get; }
    string SchemaSql { get; }
    Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct);
    Task Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
}
