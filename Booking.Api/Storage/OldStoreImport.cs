// A database that ran the service before Marten holds its events in es_events/es_streams. On the first start on Marten
// they are copied into Marten's tables once (same ids, versions, sequence numbers, names and JSON), and the asynchronous
// projections' checkpoints carry over, so an installed unit keeps its history and no email is queued twice.
using Npgsql;

namespace Booking.Api.Storage;

public static class OldStoreImport
{
    private const long LockKey = 0x626B6E67696D70; // "bkngimp"

    /// <summary>Copies the old store into Marten's tables when there is one and Marten's are still empty; returns the
    /// number of events copied (0 when there was nothing to do).</summary>
    public static async Task<long> RunAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Execute(connection, transaction, $"select pg_advisory_xact_lock({LockKey})", ct);
        var pending = await Scalar(connection, transaction,
            "select case when to_regclass('public.es_events') is not null and not exists (select 1 from mt_events) then 1 else 0 end", ct);
        if (pending == 0) return 0;

        await Execute(connection, transaction, """
            insert into mt_streams (id, tenant_id, type, version, timestamp, created)
            select stream_id, unit_id::text, stream_type, version, created_at, created_at from es_streams
            """, ct);
        var copied = await Scalar(connection, transaction, """
            with copied as (
                insert into mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, user_name)
                select seq_id, gen_random_uuid(), stream_id, version, data, type, timestamp, unit_id::text, caused_by
                from es_events order by seq_id
                returning 1)
            select count(*) from copied
            """, ct);
        await Execute(connection, transaction, "select setval('mt_events_sequence', greatest((select max(seq_id) from es_events), 1))", ct);
        await Execute(connection, transaction, """
            insert into mt_event_progression (name, last_seq_id, last_updated)
            select name || ':All', last_seq_id, now() from es_progress
            on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = now()
            """, ct);
        await transaction.CommitAsync(ct);
        return copied;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }
}
