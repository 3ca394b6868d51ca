// Small events, projections and documents that exist only to exercise the event store.
using Booking.Api.Storage;
using Booking.Domain.EventSourcing;
using NodaTime;
using Npgsql;

namespace Booking.Api.Tests.Storage;

[EventName("test_counter_incremented")]
public sealed record CounterIncremented(string CounterId, int By, Instant IncrementedAt);

[EventName("test_slot_reserved")]
public sealed record TestSlotReserved(Guid StaffId, Instant From, Instant To);

public sealed record TestContact(Guid Id, string Email);

public sealed class TestContactWriter : IDocumentWriter<TestContact>
{
    public string SchemaSql => "create table if not exists test_contacts (id uuid primary key, email text not null constraint test_contacts_email_unique unique)";

    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, TestContact document, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("insert into test_contacts (id, email) values ($1, $2)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = document.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = document.Email });
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Second guard against double booking, as the real staff-day projection will have.</summary>
public sealed class TestStaffBookingsProjection : IInlineProjection
{
    public string SchemaSql => """
        create table if not exists test_staff_bookings (
            staff_id uuid not null,
            during tstzrange not null,
            constraint test_staff_bookings_no_overlap exclude using gist (staff_id with =, during with &&)
        )
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            if (e.Data is not TestSlotReserved slot) continue;
            await using var command = new NpgsqlCommand(
                "insert into test_staff_bookings (staff_id, during) values ($1, tstzrange($2, $3))", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = slot.StaffId });
            command.Parameters.Add(new NpgsqlParameter { Value = slot.From.ToDateTimeUtc() });
            command.Parameters.Add(new NpgsqlParameter { Value = slot.To.ToDateTimeUtc() });
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}

/// <summary>Lets a test hold an append open after it took its sequence numbers (streams named "slow-...").</summary>
public sealed class SlowAppendGate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class SlowAppendProjection(SlowAppendGate gate) : IInlineProjection
{
    public string SchemaSql => "";

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        if (!events.Any(e => e.StreamId.StartsWith("slow-", StringComparison.Ordinal))) return;
        gate.Entered.TrySetResult();
        await gate.Release.Task.WaitAsync(ct);
    }
}

/// <summary>Records every sequence it is given, with no unique key, so a repeat shows up as a duplicate row.</summary>
public sealed class SeenSequencesProjection : IAsyncProjection
{
    public const string ProjectionName = "seen_sequences";
    public string Name => ProjectionName;
    public string SchemaSql => "create table if not exists test_seen (seq bigint not null, stream_id text not null)";

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("insert into test_seen (seq, stream_id) select * from unnest($1::bigint[], $2::text[])", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Sequence).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.StreamId).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("delete from test_seen", connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A read model with state (totals per counter), to compare a rebuild with live updates.</summary>
public sealed class CounterTotalsProjection : IAsyncProjection
{
    public const string ProjectionName = "counter_totals";
    public string Name => ProjectionName;
    public string SchemaSql => "create table if not exists test_counter_totals (counter_id text primary key, total int not null, increments int not null, last_at timestamptz not null)";

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            if (e.Data is not CounterIncremented incremented) continue;
            await using var command = new NpgsqlCommand("""
                insert into test_counter_totals (counter_id, total, increments, last_at) values ($1, $2, 1, $3)
                on conflict (counter_id) do update set total = test_counter_totals.total + excluded.total,
                    increments = test_counter_totals.increments + 1, last_at = excluded.last_at
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = incremented.CounterId });
            command.Parameters.Add(new NpgsqlParameter { Value = incremented.By });
            command.Parameters.Add(new NpgsqlParameter { Value = incremented.IncrementedAt.ToDateTimeUtc() });
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("delete from test_counter_totals", connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
