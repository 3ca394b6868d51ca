// Our read models are plain PostgreSQL tables written with SQL; Marten runs them: inline ones inside the transaction of
// the append, asynchronous ones on its async daemon, each inside the transaction that also stores its progress.
using Booking.Domain.EventSourcing;
using Npgsql;

namespace Booking.Api.Storage;

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

/// <summary>A read model kept by Marten's async daemon; its writes commit with the daemon's progress for it.</summary>
public interface IAsyncProjection
{
    string Name { get; }
    string SchemaSql { get; }
    Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct);
    /// <summary>Empties the read model before a rebuild replays every event into it.</summary>
    Task Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
}

/// <summary>SQL some registered component needs before the service runs (tables of documents, keys, accounts).</summary>
public sealed record SchemaPart(string Sql);
