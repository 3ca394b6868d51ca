// Fills the store up to a given number of events with years of past bookings, fast (binary COPY), as a store that grew
// to that size would look: for every past booking an appointment stream with appointment_booked, a slot_reserved in the
// supervisor's staff-day stream (one stream per supervisor and day, versions 1..n) and its reservation row (in staff_reservations_past once the day is archived).
// Payloads are the real events serialised by the service's own registry. The history counts as already projected
// (the asynchronous projections' checkpoints move past it, in the same transaction): a store that grew over years has
// long since projected its old events, and this is what the free-times read path sees.
using System.Diagnostics;
using Booking.Domain;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Bench;

public sealed class History(string connectionString, Guid unitId, IReadOnlyList<Guid> supervisors)
{
    // Everything this file knows of the service's tables, in one place so a change of the store's schema is made here:
    // the event and stream tables (filled by COPY), the projections' checkpoints, the inline projection's rows, and the
    // email outbox (for the wait until the service is idle).
    private const string CountEventsSql = "select count(*) from mt_events";
    private const string MaxSequenceSql = "select coalesce(max(seq_id), 0) from mt_events";
    private const string CopyEvents =
        "copy mt_events (seq_id, id, tenant_id, stream_id, version, type, data, timestamp, user_name) from stdin (format binary)";
    private const string CopyStreams = "copy mt_streams (tenant_id, id, type, version) from stdin (format binary)";
    private const string CopyReservationsLive =
        "copy staff_reservations (unit_id, staff_id, appointment_id, day, during) from stdin (format binary)";
    private const string CopyReservationsPast =
        "copy staff_reservations_past (unit_id, staff_id, appointment_id, day, during) from stdin (format binary)";
    // Marten's daemon keeps each asynchronous projection's progress in mt_event_progression ("name:All").
    private const string MoveCheckpoints =
        "update mt_event_progression set last_seq_id = $1, last_updated = now() where name like '%:All' and last_seq_id >= $2";
    private const string Vacuum = "vacuum analyze mt_events, mt_streams, staff_reservations, staff_reservations_past";
    // A store that grew over years is not in the middle of writing its last gigabyte out: the fill's checkpoint is made
    // before the queries are timed.
    private const string Checkpoint = "checkpoint";
    private const string ProjectionsBehind =
        "select count(*) from mt_event_progression where name like '%:All' and last_seq_id < (select coalesce(max(seq_id), 0) from mt_events where stream_id <> 'mt_tombstone')";
    private const string BackgroundWork =
        $"select ({ProjectionsBehind}) + (select count(*) from email_outbox where status = 'pending' and next_attempt_at <= now())";

    private const int SlotsPerDay = 12;

    private readonly Queue<long> _sequences = new();
    private LocalDate _day = BenchUnit.Today().PlusDays(-1);
    private int _staff;
    private int _slot;

    public async Task<long> CountEvents()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(CountEventsSql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Adds past bookings until the store holds exactly <paramref name="target"/> events; returns the time taken.</summary>
    public async Task<TimeSpan> FillTo(long target)
    {
        var clock = Stopwatch.StartNew();
        await WaitForProjections(TimeSpan.FromMinutes(2));
        var missing = target - await CountEvents();
        if (missing <= 0) return clock.Elapsed;

        // An odd count: the last past booking also invited the other parent (one more event in its stream).
        var bookings = Plan((int)(missing / 2));
        var invited = missing % 2 == 1;

        // A million rows by COPY take minutes on a busy machine: no 30-second command timeout on this connection.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await Scalar(connection, transaction, MaxSequenceSql);

        // Marten's append takes each event's number from its sequence; so does the fill, before its COPY.
        _sequences.Clear();
        await using (var reserve = new NpgsqlCommand("select nextval('mt_events_sequence') from generate_series(1, $1)", connection, transaction))
        {
            reserve.Parameters.Add(new NpgsqlParameter { Value = (int)(bookings.Count * 2 + (invited ? 1 : 0)) });
            await using var reader = await reserve.ExecuteReaderAsync();
            while (await reader.ReadAsync()) _sequences.Enqueue(reader.GetInt64(0));
        }

        // Marten's events refer to their stream's row: the streams go in first, with the versions the events will reach.
        var staffDayVersion = new Dictionary<(int, LocalDate), int>();
        foreach (var b in bookings) staffDayVersion[(b.Staff, b.Day)] = staffDayVersion.GetValueOrDefault((b.Staff, b.Day)) + 1;
        await using (var streams = await connection.BeginBinaryImportAsync(CopyStreams))
        {
            foreach (var b in bookings)
                await StreamRow(streams, StreamIds.Appointment(b.AppointmentId), StreamIds.AppointmentType,
                    invited && ReferenceEquals(b, bookings[^1]) ? 2 : 1);
            foreach (var ((staff, day), version) in staffDayVersion)
                await StreamRow(streams, StreamIds.StaffDay(supervisors[staff], day), StreamIds.StaffDayType, version);
            await streams.CompleteAsync();
        }

        var eventVersion = new Dictionary<(int, LocalDate), int>();
        await using (var events = await connection.BeginBinaryImportAsync(CopyEvents))
        {
            for (var i = 0; i < bookings.Count; i++)
            {
                var b = bookings[i];
                var staffId = supervisors[b.Staff];
                var actor = $"client:{b.ClientId:N}";
                var bookedAt = b.Start - Duration.FromDays(1 + i % 20);
                await Row(events, StreamIds.Appointment(b.AppointmentId), StreamIds.AppointmentType, 1,
                    new AppointmentBooked(b.AppointmentId, b.ClientId, "advice", Modality.InPerson, b.Start, b.End, b.End, staffId,
                        BookingChannel.Online, actor, bookedAt), bookedAt, actor);
                if (invited && i == bookings.Count - 1)
                    await Row(events, StreamIds.Appointment(b.AppointmentId), StreamIds.AppointmentType, 2,
                        new OtherParentInvited(b.AppointmentId, Guid.NewGuid(), bookedAt), bookedAt, actor);
                var version = eventVersion[(b.Staff, b.Day)] = eventVersion.GetValueOrDefault((b.Staff, b.Day)) + 1;
                await Row(events, StreamIds.StaffDay(staffId, b.Day), StreamIds.StaffDayType, version,
                    new SlotReserved(staffId, b.Day, b.AppointmentId, b.Start, b.End, bookedAt), bookedAt, actor);
            }
            await events.CompleteAsync();
        }

        // Where a store that grew over years keeps these rows: days that ended before the archive's age in
        // staff_reservations_past (the service's archive job moved them there day by day, a few rows at a time, and
        // autovacuum reused their space), the last days still in staff_reservations. Copying years of rows into the live
        // table and deleting them in one go would leave its indexes bloated in a way no running service sees.
        var archiveBefore = SystemClock.Instance.GetCurrentInstant() - Booking.Api.Appointments.StaffReservations.ArchiveAfter;
        await CopyReservations(connection, CopyReservationsPast, bookings.Where(b => b.End < archiveBefore));
        await CopyReservations(connection, CopyReservationsLive, bookings.Where(b => b.End >= archiveBefore));

        var after = await Scalar(connection, transaction, MaxSequenceSql);
        await using (var progress = new NpgsqlCommand(MoveCheckpoints, connection, transaction))
        {
            progress.Parameters.Add(new NpgsqlParameter { Value = after });
            progress.Parameters.Add(new NpgsqlParameter { Value = before });
            await progress.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();

        // What autovacuum would long have done in a store that grew to this size.
        await Execute(connection, null, Vacuum);
        await Execute(connection, null, Checkpoint);
        return clock.Elapsed;
    }

    /// <summary>Re-reads the planner's statistics of the tables the reads touch.</summary>
    public async Task Analyze()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, null, Vacuum);
    }

    private sealed record PastBooking(Guid AppointmentId, Guid ClientId, int Staff, LocalDate Day, Instant Start, Instant End);

    /// <summary>Past working days, going back from yesterday: every supervisor's twelve half hours, then the day before.</summary>
    private List<PastBooking> Plan(int count)
    {
        var list = new List<PastBooking>(count);
        while (list.Count < count)
        {
            if (_day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) { _day = _day.PlusDays(-1); continue; }
            var from = _slot < SlotsPerDay / 2
                ? (_day + BenchUnit.Morning.From).PlusMinutes(30 * _slot)
                : (_day + BenchUnit.Afternoon.From).PlusMinutes(30 * (_slot - SlotsPerDay / 2));
            var start = from.InZoneLeniently(BenchUnit.Zone).ToInstant();
            list.Add(new PastBooking(Guid.NewGuid(), Guid.NewGuid(), _staff, _day, start, start + Duration.FromMinutes(30)));
            if (++_slot == SlotsPerDay) NextStaffDay();
        }
        // The next fill starts a staff day of its own, so its stream versions start at 1.
        if (_slot > 0) NextStaffDay();
        return list;
    }

    private void NextStaffDay()
    {
        _slot = 0;
        if (++_staff == supervisors.Count) { _staff = 0; _day = _day.PlusDays(-1); }
    }

    // A row as Marten writes it: the event's stable name as its type, its JSON as Marten serialises it (the service's
    // JSON options), the unit as tenant and the actor as user name.
    private async Task Row(NpgsqlBinaryImporter importer, string streamId, string streamType, long version, object @event,
        Instant at, string actor)
    {
        _ = streamType; // Marten keeps no stream type on the event row
        await importer.StartRowAsync();
        await importer.WriteAsync(_sequences.Dequeue(), NpgsqlDbType.Bigint);
        await importer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
        await importer.WriteAsync(unitId.ToString(), NpgsqlDbType.Varchar);
        await importer.WriteAsync(streamId, NpgsqlDbType.Varchar);
        await importer.WriteAsync(version, NpgsqlDbType.Bigint);
        await importer.WriteAsync(EventNames.Of(@event.GetType()), NpgsqlDbType.Varchar);
        await importer.WriteAsync(System.Text.Json.JsonSerializer.Serialize(@event, @event.GetType(), Booking.Api.Json.BookingJson.Options),
            NpgsqlDbType.Jsonb);
        await importer.WriteAsync(new DateTimeOffset(at.ToDateTimeUtc()), NpgsqlDbType.TimestampTz);
        await importer.WriteAsync(actor, NpgsqlDbType.Varchar);
    }

    private async Task CopyReservations(NpgsqlConnection connection, string copy, IEnumerable<PastBooking> bookings)
    {
        await using var reservations = await connection.BeginBinaryImportAsync(copy);
        foreach (var b in bookings)
        {
            await reservations.StartRowAsync();
            await reservations.WriteAsync(unitId, NpgsqlDbType.Uuid);
            await reservations.WriteAsync(supervisors[b.Staff], NpgsqlDbType.Uuid);
            await reservations.WriteAsync(b.AppointmentId, NpgsqlDbType.Uuid);
            await reservations.WriteAsync(b.Day.ToDateOnly(), NpgsqlDbType.Date);
            await reservations.WriteAsync(new NpgsqlRange<DateTime>(b.Start.ToDateTimeUtc(), true, b.End.ToDateTimeUtc(), false),
                NpgsqlDbType.TimestampTzRange);
        }
        await reservations.CompleteAsync();
    }

    private async Task StreamRow(NpgsqlBinaryImporter importer, string streamId, string streamType, long version)
    {
        await importer.StartRowAsync();
        await importer.WriteAsync(unitId.ToString(), NpgsqlDbType.Varchar);
        await importer.WriteAsync(streamId, NpgsqlDbType.Varchar);
        await importer.WriteAsync(streamType, NpgsqlDbType.Varchar);
        await importer.WriteAsync(version, NpgsqlDbType.Bigint);
    }

    /// <summary>Waits until the service is idle again: its projections have reached the newest event and the email outbox
    /// holds nothing due, so a latency measurement does not share the machine with the previous phase's backlog.</summary>
    public async Task<TimeSpan> Quiesce()
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (await Scalar(connection, null, BackgroundWork) > 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("The service did not finish its background work within 5 minutes.");
            await Task.Delay(250);
        }
        return clock.Elapsed;
    }

    /// <summary>Waits until every asynchronous projection has reached the newest event, so moving the checkpoints past
    /// the history skips nothing real.</summary>
    private async Task WaitForProjections(TimeSpan timeout)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var behind = await Scalar(connection, null, ProjectionsBehind);
            if (behind == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The service's projections did not catch up.");
            await Task.Delay(200);
        }
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The stable name an event class is stored under (its [EventName]).</summary>
internal static class EventNames
{
    public static string Of(Type type) =>
        (type.GetCustomAttributes(typeof(Booking.Domain.EventSourcing.EventNameAttribute), false).FirstOrDefault()
            as Booking.Domain.EventSourcing.EventNameAttribute)?.Name
        ?? throw new InvalidOperationException($"{type.FullName} has no [EventName].");
}
