// Cancelling a booking from its manage link (or by staff): the appointment and each professional's day in one transaction.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using ViewStep = Booking.Domain.EventSourcing.Step<Booking.Domain.Outcome<Booking.Domain.Appointments.AppointmentView>>;

namespace Booking.Domain.Appointments;

public sealed partial class OnlineBooking
{
    public async Task<Outcome<AppointmentView>> Cancel(Guid unitId, Guid appointmentId, string actor, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        return await runner.Run(unitId, actor, async (write, token) =>
        {
            var appointment = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(appointmentId), token);
            var before = appointment.State;
            if (appointment.Decide(new CancelAppointment(appointmentId, actor, write.Now)).Error is { } error) return ViewStep.Answer(error);
            var view = AppointmentView.From(appointment.State, config.Zone, write.Now);
            if (appointment.Appended.Count == 0) return ViewStep.Answer(view);
            var date = before.Start.InZone(config.Zone).Date;
            foreach (var professional in before.Professionals)
                (await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(professional, date), token))
                    .Decide(new ReleaseSlot(professional, date, appointmentId, write.Now));
            return ViewStep.Save(view);
        }, () => Task.FromResult<Outcome<AppointmentView>>(Busy()), ct);
    }

    private static DomainError Busy() => WriteRunner.Busy("The booking was being changed at the same moment. Please try again.");
}
