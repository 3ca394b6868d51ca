// Before an absence or a closure is saved, the page and the API show what it hits and the work list it would make: this
// use case reads what the pure AbsenceImpact needs (reservations, the call-back days, the hit meetings' states) and
// leaves out what is already over.
using Booking.Domain.Configuration;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Absences;

public sealed record AbsenceImpactView(PlannedAbsence Absence, IReadOnlyList<ImpactedItem> Hits, IReadOnlyList<WorkItem> Work);

public sealed class AbsencePreview(IEventStore store, IUnitConfigurationSource configurations, IReservations reservations, IClock clock)
{
    public async Task<Outcome<AbsenceImpactView>> Of(Guid unitId, PlannedAbsence absence, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (AbsenceImpact.Validate(config, absence) is { } invalid) return invalid;
        var now = clock.GetCurrentInstant();
        var from = absence.From.AtStartOfDayInZone(config.Zone).ToInstant();
        var to = absence.To.PlusDays(1).AtStartOfDayInZone(config.Zone).ToInstant();
        var held = await reservations.Between(unitId, from, to, ct);
        var callBacks = await CallBacksOf(store, unitId, config.Zone, absence, now, ct);

        var hits = AbsenceImpact.Of(config, absence, held, callBacks).Where(h => h.End > now).ToList();
        var meetings = new Dictionary<Guid, Appointment>();
        foreach (var hit in hits.Where(h => h.Kind == ImpactKind.Meeting))
            meetings[hit.Id] = AppointmentDecider.Definition.Fold(await store.ReadStream(unitId, StreamIds.Appointment(hit.Id), ct));
        return new AbsenceImpactView(absence, hits, AbsenceImpact.Plan(config, absence, hits, held, meetings));
    }

    /// <summary>The call-backs booked on the absence's days that are not over yet.</summary>
    internal static async Task<List<CallBack>> CallBacksOf(IEventStore store, Guid unitId, DateTimeZone zone, PlannedAbsence absence, Instant now,
        CancellationToken ct)
    {
        var callBacks = new List<CallBack>();
        for (var date = absence.From; date <= absence.To; date = date.PlusDays(1))
            if (date.AtStartOfDayInZone(zone).ToInstant() + Duration.FromDays(1) > now)
                callBacks.AddRange((await store.ReadStream(unitId, StreamIds.CallBackDay(date), ct))
                    .Aggregate(CallBackDay.Initial, (s, e) => CallBackDay.Evolve(s, e.Data)).CallBacks);
        return callBacks;
    }
}
