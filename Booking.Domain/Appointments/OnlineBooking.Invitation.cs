// The invited other parent accepts or declines; answering the same again changes nothing.
using Booking.Domain.Configuration;
using ViewStep = Booking.Domain.EventSourcing.Step<Booking.Domain.Outcome<Booking.Domain.Appointments.AppointmentView>>;

namespace Booking.Domain.Appointments;

public sealed partial class OnlineBooking
{
    public async Task<Outcome<AppointmentView>> RespondToInvitation(Guid unitId, Guid appointmentId, bool accepted, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var current = await Load(unitId, appointmentId, ct);
        var actor = current.OtherParentClientId is { } other ? $"client:{other:N}" : "client:invitation";
        return await runner.Run(unitId, actor, async (write, token) =>
        {
            var appointment = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(appointmentId), token);
            if (appointment.Decide(new RespondToInvitation(appointmentId, accepted, actor, write.Now)).Error is { } error)
                return ViewStep.Answer(error);
            var view = AppointmentView.From(appointment.State, config.Zone, write.Now);
            return appointment.Appended.Count == 0 ? ViewStep.Answer(view) : ViewStep.Save(view);
        }, () => Task.FromResult<Outcome<AppointmentView>>(Busy()), ct);
    }
}
