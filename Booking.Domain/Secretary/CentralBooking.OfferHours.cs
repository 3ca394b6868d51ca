// Free hours of a partner service's professional, entered by the secretary, so that pair work can be booked with them.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using NodaTime;

namespace Booking.Domain.Secretary;

public sealed partial class CentralBooking
{
    /// <summary>A partner service's professional (or anyone who keeps no weekly hours here) is free at these hours.</summary>
    public async Task<Outcome<OfferedHours>> OfferHours(Guid unitId, Guid staffId, LocalDate date, LocalTime from, LocalTime to,
        string actor, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (config.Member(staffId) is not { Active: true, Role: StaffRole.PartnerProfessional or StaffRole.ChildSupervisor })
            return Refusal.InvalidField("staffId", "Free hours can be entered for an active supervisor or partner professional.");
        if (to <= from) return Refusal.InvalidField("to", "The free hours must end after they start.");
        if (config.ClosedBecause(date) is { } why)
            return new DomainError("unit_closed", $"The unit is closed on {date:yyyy-MM-dd} ({why}).", ErrorKind.Rule, "date");
        var interval = new Interval((date + from).InZoneLeniently(config.Zone).ToInstant(), (date + to).InZoneLeniently(config.Zone).ToInstant());
        var offered = new OfferedHours(staffId, date, interval);
        return await runner.Run(unitId, actor, async (write, token) =>
        {
            var day = await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(staffId, date), token);
            return day.Decide(new OfferHours(staffId, date, interval.Start, interval.End, actor, write.Now)).Error is { } error
                ? Step<Outcome<OfferedHours>>.Answer(error)
                : Step<Outcome<OfferedHours>>.Save(offered);
        }, () => Task.FromResult<Outcome<OfferedHours>>(WriteRunner.Busy("The day was being changed at the same moment. Please try again.")), ct);
    }
}
