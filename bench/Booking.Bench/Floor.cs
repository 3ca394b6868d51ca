// (1) The floor: what PostgreSQL can do at all for an event store, one small event appended to one stream per
// transaction (a single INSERT, committed on its own), from as many connections as the ceiling and the HTTP run use.
// A table of the bench's own in a database of its own, so the floor knows nothing of the service's schema and stays
// comparable when that schema changes. Beside the ceiling it splits the cost of a booking in two: floor to ceiling is
// what our transaction costs (two streams, contacts, tokens, the reservation, NOTIFY), ceiling to bookings is what the
// service adds (HTTP, reads before the write, projections and email running beside it).
using Npgsql;
using NpgsqlTypes;

namespace Booking.Bench;

public static class Floor
{
    // The unique (stream, version) key is an event store's last guard against two writers appending the same version;
    // without it the floor would measure less than any store does.
    public const string CreateTable = """
        create table if not exists bench_floor_events (
            seq_id bigint generated always as identity,
            stream_id uuid not null,
            version bigint not null,
            data jsonb not null,
            created_at timestamptz not null default now(),
            primary key (stream_id, version))
        """;

    public const string Append = "insert into bench_floor_events (stream_id, version, data) values ($1, $2, $3)";

    public static async Task<TransactionRate> Run(string connectionString, int connections, int warmup, int transactions, CpuMeter cpu)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand(CreateTable))
            await create.ExecuteNonQueryAsync();
        var streams = Enumerable.Range(0, connections).Select(_ => (Func<Task>)new Stream(dataSource).AppendOnce).ToList();
        return await TransactionLoop.Measure(streams, warmup, transactions, cpu);
    }

    /// <summary>One connection's stream: versions 1, 2, 3 ..., each event a JSON payload of about 100 bytes.</summary>
    private sealed class Stream(NpgsqlDataSource dataSource)
    {
        private readonly Guid _id = Guid.NewGuid();
        private long _version;

        public async Task AppendOnce()
        {
            var version = ++_version;
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(Append, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = _id });
            command.Parameters.Add(new NpgsqlParameter { Value = version });
            command.Parameters.Add(new NpgsqlParameter
            {
                Value = $$"""{"streamId":"{{_id}}","version":{{version}},"at":"{{DateTime.UtcNow:O}}"}""", NpgsqlDbType = NpgsqlDbType.Jsonb,
            });
            await command.ExecuteNonQueryAsync();
        }
    }
}
