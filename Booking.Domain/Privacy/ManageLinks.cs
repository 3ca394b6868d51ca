// Manage links expire a set time after the meeting: the link is then answered with "no longer valid" (not "unknown"),
// so a parent knows the link was right and the unit simply no longer opens it. One rule for the API and the pages.
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Privacy;

public enum ManageLinkState { Unknown, Valid, Expired }

public sealed class ManageLinks(OnlineBooking booking, IEventStore store, RetentionPeriods periods, IClock clock)
{
    public async Task<(ManageLinkState State, Guid AppointmentId)> Open(Guid unitId, string? token, CancellationToken ct = default)
    {
        if (await booking.FindByManageLink(unitId, token, ct) is not { } id) return (ManageLinkState.Unknown, Guid.Empty);
        var appointment = AppointmentDecider.Definition.Fold(await store.ReadStream(unitId, StreamIds.Appointment(id), ct));
        if (appointment.Status == AppointmentStatus.None) return (ManageLinkState.Unknown, Guid.Empty);
        return periods.ManageLinkValid(appointment.End, clock.GetCurrentInstant()) ? (ManageLinkState.Valid, id) : (ManageLinkState.Expired, id);
    }
}
