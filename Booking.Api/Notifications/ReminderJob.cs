// Queues the reminder the day before each booked meeting, from the configured local hour on. Idempotent: the key is
// (appointment, date, recipient), so scanning again (every poll, on any instance) queues nothing twice.
using Booking.Domain.Configuration;
using Booking.Domain.Appointments;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace Booking.Api.Notifications;

public sealed class ReminderJob(NpgsqlDataSource dataSource, EmailOutbox outbox, IUnitConfigurationSource configurations,
    EmailSettings settings, IClock clock)
{
    private static readonly LocalDatePattern Compact = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");

    public static string KeyOf(Guid appointmentId, LocalDate date, string role) => $"reminder.{appointmentId:N}.{Compact.Format(date)}.{role}";

    /// <summary>The meeting date a reminder was queued for, read back from its key.</summary>
    public static LocalDate? DateOf(string id)
    {
        var parts = id.Split('.');
        return parts.Length == 4 && parts[0] == "reminder" && Compact.Parse(parts[2]) is { Success: true } parsed ? parsed.Value : null;
    }

    /// <summary>Queues the reminders due now in every unit; returns how many were new.</summary>
    public async Task<int> EnqueueDue(CancellationToken ct)
    {
        var units = new List<Guid>();
        await using (var command = dataSource.CreateCommand("select unit_id from unit_configuration"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) units.Add(reader.GetGuid(0));

        var queued = 0;
        foreach (var unitId in units)
        {
            var zone = (await configurations.Current(unitId, ct)).Zone;
            var local = clock.GetCurrentInstant().InZone(zone);
            if (local.Hour < settings.ReminderHour) continue;
            var tomorrow = local.Date.PlusDays(1);
            var from = tomorrow.AtStartOfDayInZone(zone).ToInstant();
            var to = tomorrow.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();

            var due = new List<(Guid Appointment, string Role, Guid Client)>();
            await using (var command = dataSource.CreateCommand("""
                select distinct r.appointment_id, e.recipient_role, e.client_id
                from staff_reservations r
                join email_recipients e on e.unit_id = r.unit_id and e.appointment_id = r.appointment_id
                where r.unit_id = $1 and r.during && tstzrange($2, $3) and lower(r.during) >= $2 and lower(r.during) < $3
                """))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = unitId });
                command.Parameters.Add(new NpgsqlParameter { Value = from });
                command.Parameters.Add(new NpgsqlParameter { Value = to });
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) due.Add((reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2)));
            }
            foreach (var (appointment, role, client) in due)
            {
                var key = KeyOf(appointment, tomorrow, role);
                if (await outbox.Enqueue(new OutboxMessage(key, unitId, EmailKinds.Reminder, null, appointment, role, client,
                        EmailOutboxProjection.MessageIdFor(key, unitId), 0), ct))
                    queued++;
            }
        }
        return queued;
    }
}
