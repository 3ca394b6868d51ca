// Asynchronous projection for reporting: bookings, moves and cancellations per week, kind of meeting and channel.
using Booking.Domain.Configuration;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using Npgsql;
using NodaTime;

namespace Booking.Api.Appointments;

public sealed record WeeklyBookingFigures(LocalDate WeekStarting, string AppointmentType, string Channel, int Booked, int Moved, int Cancelled);

public sealed class BookingStatistics(NpgsqlDataSource dataSource, IUnitConfigurationSource configurations) : IAsyncProjection
{
    public string Name => "booking_statistics";

    public string SchemaSql => """
        create table if not exists booking_statistics (
            unit_id uuid not null,
            week_starting date not null,
            appointment_type text not null,
            channel text not null,
            booked int not null default 0,
            moved int not null default 0,
            cancelled int not null default 0,
            primary key (unit_id, week_starting, appointment_type, channel)
        );
        create table if not exists booking_statistics_keys (
            unit_id uuid not null,
            appointment_id uuid not null,
            week_starting date not null,
            appointment_type text not null,
            channel text not null,
            primary key (unit_id, appointment_id)
        );
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var envelope in events)
        {
            switch (envelope.Data)
            {
                case AppointmentBooked e:
                    var week = await WeekOf(envelope.UnitId, e.Start, ct);
                    await Execute(connection, transaction, """
                        insert into booking_statistics_keys values ($1, $2, $3, $4, $5) on conflict do nothing
                        """, ct, envelope.UnitId, e.AppointmentId, week, e.AppointmentType, e.Channel.ToString());
                    await Count(connection, transaction, envelope.UnitId, e.AppointmentId, "booked", ct);
                    break;
                case AppointmentMoved e:
                    await Count(connection, transaction, envelope.UnitId, e.AppointmentId, "moved", ct);
                    break;
                case AppointmentCancelled e:
                    await Count(connection, transaction, envelope.UnitId, e.AppointmentId, "cancelled", ct);
                    break;
            }
        }
    }

    public async Task Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await Execute(connection, transaction, "delete from booking_statistics", ct);
        await Execute(connection, transaction, "delete from booking_statistics_keys", ct);
    }

    public async Task<IReadOnlyList<WeeklyBookingFigures>> Read(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select week_starting, appointment_type, channel, booked, moved, cancelled from booking_statistics
            where unit_id = $1 and week_starting between $2 and $3 order by week_starting, appointment_type, channel
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        var rows = new List<WeeklyBookingFigures>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new WeeklyBookingFigures(reader.GetFieldValue<LocalDate>(0), reader.GetString(1),
                reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
        return rows;
    }

    private async Task<LocalDate> WeekOf(Guid unitId, Instant start, CancellationToken ct)
    {
        var zone = (await configurations.Current(unitId, ct)).Zone;
        return ImpartialAssignment.WeekOf(start.InZone(zone).Date).Monday;
    }

    private static Task Count(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid unitId, Guid appointmentId, string column, CancellationToken ct) =>
        Execute(connection, transaction, $"""
            insert into booking_statistics (unit_id, week_starting, appointment_type, channel, {column})
            select unit_id, week_starting, appointment_type, channel, 1 from booking_statistics_keys
            where unit_id = $1 and appointment_id = $2
            on conflict (unit_id, week_starting, appointment_type, channel)
            do update set {column} = booking_statistics.{column} + 1
            """, ct, unitId, appointmentId);

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
