// Creates and upgrades the store's tables and every registered read model's tables at start-up, idempotently.
using Npgsql;

namespace Booking.Api.EventStore;

/// <summary>SQL some registered component needs before the store runs (document writers register one each).</summary>
public sealed record SchemaPart(string Sql);

public sealed class EventStoreSchema(
    NpgsqlDataSource dataSource,
    IEnumerable<IInlineProjection> inlineProjections,
    IEnumerable<IAsyncProjection> asyncProjections,
    IEnumerable<SchemaPart> otherParts)
{
    // Serialises schema creation when several instances start at once.
    internal const long SchemaLockKey = 0x65735F736368656D; // "es_schem"

    internal const string StoreSql = """
        create extension if not exists btree_gist;

        create table if not exists es_streams (
            unit_id     uuid        not null,
            stream_id   text        not null,
            stream_type text        not null,
            version     bigint      not null,
            created_at  timestamptz not null default now(),
            primary key (unit_id, stream_id)
        );

        create table if not exists es_events (
            seq_id      bigserial   primary key,
            unit_id     uuid        not null,
            stream_id   text        not null,
            stream_type text        not null,
            version     bigint      not null,
            type        text        not null,
            data        jsonb       not null,
            timestamp   timestamptz not null,
            caused_by   text        not null
        );

        create unique index if not exists es_events_stream_version on es_events (unit_id, stream_id, version);

        create table if not exists es_progress (
            name        text        primary key,
            last_seq_id bigint      not null default 0,
            updated_at  timestamptz not null default now()
        );
        """;

    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_xact_lock({SchemaLockKey})", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(ct);

        var parts = new[] { StoreSql }
            .Concat(inlineProjections.Select(p => p.SchemaSql))
            .Concat(asyncProjections.Select(p => p.SchemaSql))
            .Concat(otherParts.Select(p => p.Sql))
            .Where(sql => !string.IsNullOrWhiteSpace(sql));
        foreach (var sql in parts)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
