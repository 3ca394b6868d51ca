// Inline projection of the staff-day streams: the reserved time of each staff member. Its exclusion constraint is
// the second guard against double booking (the first is the staff-day stream's version). Rows are keyed by day too:
// one save may write several staff days of one appointment (a move) in any order.
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Booking.Api.Appointments;

public sealed class StaffReservations(NpgsqlDataSource dataSource, IClock clock) : IInlineProjection, IReservations
{
    /// <summary>Reservations that ended this long ago move to staff_reservations_past, so the table that every free-times
    /// search and every booking's exclusion check reads holds only the days that can still change.</summary>
    public static readonly Duration ArchiveAfter = Duration.FromDays(2);

    /// <summary>Moves what is over, in one statement: two instances running it at once move each row once.</summary>
    public const string ArchiveSql = """
        with moved as (delete from staff_reservations where upper(during) < $1 returning unit_id, staff_id, appointment_id, day, during)
        insert into staff_reservations_past (unit_id, staff_id, appointment_id, day, during) select * from moved
        on conflict (unit_id, staff_id, appointment_id, day) do update set during = excluded.during
        """;

    public string SchemaSql => """
        create table if not exists staff_reservations (
            unit_id uuid not null,
            staff_id uuid not null,
            appointment_id uuid not null,
            day date not null,
            during tstzrange not null,
            primary key (unit_id, staff_id, appointment_id, day),
            constraint staff_reservations_no_overlap exclude using gist (unit_id with =, staff_id with =, during with &&)
        );
        create index if not exists staff_reservations_during on staff_reservations using gist (unit_id, during);
        create table if not exists staff_reservations_past (
            unit_id uuid not null,
            staff_id uuid not null,
            appointment_id uuid not null,
            day date not null,
            during tstzrange not null,
            primary key (unit_id, staff_id, appointment_id, day)
        );
        create index if not exists staff_reservations_past_during on staff_reservations_past using gist (unit_id, during);
        -- Upgrade from the first shape, which had no day in its key.
        alter table staff_reservations add column if not exists day date;
        update staff_reservations set day = (lower(during) at time zone 'Europe/Helsinki')::date where day is null;
        alter table staff_reservations alter column day set not null;
        do $$ begin
            if not exists (select 1 from pg_constraint
                           where conname = 'staff_reservations_pkey' and pg_get_constraintdef(oid) like '%day%') then
                alter table staff_reservations drop constraint staff_reservations_pkey;
                alter table staff_reservations add primary key (unit_id, staff_id, appointment_id, day);
            end if;
        end $$;
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var envelope in events)
        {
            switch (envelope.Data)
            {
                case SlotReserved e:
                    batch.BatchCommands.Add(Command("""
                        insert into staff_reservations (unit_id, staff_id, appointment_id, day, during) values ($1, $2, $3, $4, $5)
                        on conflict (unit_id, staff_id, appointment_id, day) do update set during = excluded.during
                        """, envelope.UnitId, e.StaffId, e.AppointmentId, e.Date, Range(e.Start, e.End)));
                    break;
                case SlotReleased e:
                    batch.BatchCommands.Add(Command(
                        "delete from staff_reservations where unit_id = $1 and staff_id = $2 and appointment_id = $3 and day = $4",
                        envelope.UnitId, e.StaffId, e.AppointmentId, e.Date));
                    batch.BatchCommands.Add(Command(
                        "delete from staff_reservations_past where unit_id = $1 and staff_id = $2 and appointment_id = $3 and day = $4",
                        envelope.UnitId, e.StaffId, e.AppointmentId, e.Date));
                    break;
            }
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<Reservation>> Between(Guid unitId, Instant from, Instant to, CancellationToken ct = default)
    {
        // Days that may have been archived are read from both tables; today's and later searches read the small one only.
        var mayBeArchived = from < clock.GetCurrentInstant() - ArchiveAfter - Duration.FromDays(1);
        await using var command = dataSource.CreateCommand(mayBeArchived
            ? """
              select staff_id, appointment_id, lower(during), upper(during) from staff_reservations where unit_id = $1 and during && $2
              union all
              select staff_id, appointment_id, lower(during), upper(during) from staff_reservations_past where unit_id = $1 and during && $2
              """
            : "select staff_id, appointment_id, lower(during), upper(during) from staff_reservations where unit_id = $1 and during && $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = Range(from, to) });
        var result = new List<Reservation>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(new Reservation(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<Instant>(2), reader.GetFieldValue<Instant>(3)));
        return result;
    }

    // Npgsql.NodaTime binds a NodaTime Interval as tstzrange [start, end).
    private static Interval Range(Instant start, Instant end) => new(start, end);

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}

/// <summary>Moves finished reservations out of the hot table at start-up and then every few hours.</summary>
public sealed class StaffReservationsArchive(NpgsqlDataSource dataSource, IClock clock, ILogger<StaffReservationsArchive> logger) : BackgroundService
{
    public async Task<int> RunOnce(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(StaffReservations.ArchiveSql);
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetCurrentInstant() - StaffReservations.ArchiveAfter });
        return await command.ExecuteNonQueryAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var moved = await RunOnce(stoppingToken);
                if (moved > 0) logger.LogInformation("Moved {Count} finished staff reservations to the archive", moved);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Archiving finished staff reservations failed; trying again later");
            }
            try { await Task.Delay(TimeSpan.FromHours(6), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
