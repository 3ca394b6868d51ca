using NodaTime;
using NodaTime.Text;

namespace Booking.Domain.Appointments;

/// <summary>Stream ids and types; ids are stable strings so a stream can be found from its natural key.</summary>
public static class StreamIds
{
    public const string AppointmentType = "appointment";
    public const string StaffDayType = "staff_day";

    public static string Appointment(Guid appointmentId) => $"appointment-{appointmentId:N}";

    public static string StaffDay(Guid staffId, LocalDate date) =>
        $"staffday-{staffId:N}-{LocalDatePattern.Iso.Format(date)}";
}
