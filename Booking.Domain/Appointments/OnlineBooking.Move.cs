// Moving a booking to another free time: the same supervisor when free then, else an impartial choice (unless the family
// kept its supervisor or the booking is part of a series); the old day's release and the new day's reservation are
// written with the appointment in one transaction.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;
using ViewStep = Booking.Domain.EventSourcing.Step<Booking.Domain.Outcome<Booking.Domain.Appointments.AppointmentView>>;

namespace Booking.Domain.Appointments;

public sealed partial class OnlineBooking
{
    public async Task<Outcome<AppointmentView>> Move(Guid unitId, Guid appointmentId, LocalDateTime newStart, string actor,
        BookingChannel channel = BookingChannel.Online, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        AppointmentType? type = null;
        Guid? bound = null;
        return await runner.Run(unitId, actor, async (write, token) =>
        {
            var now = write.Now;
            var appointment = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(appointmentId), token);
            var current = appointment.State;
            // The booking's own state says first whether it can move at all (cancelled, held, unknown), whatever the time.
            var soon = now + Duration.FromDays(1);
            if (AppointmentDecider.Decide(new MoveAppointment(appointmentId, soon, soon, soon, current.SupervisorId, actor, now), current).Error
                is { } stateError)
                return ViewStep.Answer(stateError);
            type = config.Type(current.AppointmentType);
            if (type is null)
                return ViewStep.Answer(new DomainError("type_retired", "This kind of meeting can no longer be booked; please contact the unit."));
            if (CheckTime(config, newStart, channel, now) is { } refusedTime) return ViewStep.Answer(refusedTime);

            var start = newStart.InZoneLeniently(config.Zone).ToInstant();
            if (start == current.Start) return ViewStep.Answer(AppointmentView.From(current, config.Zone, now));
            var others = (await reservations.Between(unitId, start - Duration.FromDays(1), start + Duration.FromDays(1), token))
                .Where(r => r.AppointmentId != appointmentId).ToList();
            var free = FreeTimesOn(config, type, newStart, others);
            if (free is null) return ViewStep.Answer(NotBookable());
            bound = BoundSupervisor(current);
            var supervisor = free.FreeStaff.Contains(current.SupervisorId)
                ? current.SupervisorId
                : bound is not null
                    ? null
                    : ImpartialAssignment.Choose(
                        ImpartialAssignment.Avoiding(free.FreeStaff, s => write.LostOn.Contains(StreamIds.StaffDay(s, newStart.Date))),
                        await WeeklyLoad(unitId, config, newStart.Date, token), pick);
            if (supervisor is null) return ViewStep.Answer(await Taken(unitId, config, type, newStart, token, bound));

            if (appointment.Decide(new MoveAppointment(appointmentId, start, start + type.Length, start + type.Occupies, supervisor.Value,
                    actor, now)).Error is { } error)
                return ViewStep.Answer(error);
            // When the old and the new time lie on the same day of the same supervisor, both fetches give the one stream.
            var oldDate = current.Start.InZone(config.Zone).Date;
            (await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(current.SupervisorId, oldDate), token))
                .Decide(new ReleaseSlot(current.SupervisorId, oldDate, appointmentId, now));
            var newDay = await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(supervisor.Value, newStart.Date), token);
            if (newDay.Decide(new ReserveSlot(supervisor.Value, newStart.Date, appointmentId, start, start + type.Occupies,
                    Appointments.FreeTimes.BookableHours(config, supervisor.Value, newStart.Date), now)).IsError)
                return ViewStep.Again(newDay.StreamId);
            return ViewStep.Save(AppointmentView.From(appointment.State, config.Zone, now));
        }, async () => type is null ? Busy() : (Outcome<AppointmentView>)await TakenOrBusy(unitId, config, type, newStart, ct, bound), ct);
    }
}
