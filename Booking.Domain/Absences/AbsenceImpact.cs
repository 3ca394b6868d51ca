// What an absence of a staff member, or a closure of the unit, hits before it is saved: every booked meeting, call-back
// and walk-in duty in the absent hours; and the secretary's work list for them: give a meeting to a free colleague where
// the rules allow (the family did not keep its supervisor, it is no series, the absent one leads it, a colleague works and
// is free then), else contact the family; call-backs are the absent supervisor's own windows, so their families are
// contacted; a walk-in duty needs another supervisor on duty. Pure functions: the caller reads reservations and call-backs.
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Absences;

/// <summary>An absence of one staff member (<paramref name="StaffId"/>) or a closure of the unit (null), from one date to
/// another, all day (no times) or during the same hours each day.</summary>
public sealed record PlannedAbsence(Guid? StaffId, LocalDate From, LocalDate To, LocalTime? FromTime = null, LocalTime? ToTime = null)
{
    public const int MaxDays = 366;

    public bool AllDay => FromTime is null || ToTime is null;

    /// <summary>The absent time of each day, as instants in the unit's zone.</summary>
    public IEnumerable<Interval> During(DateTimeZone zone)
    {
        for (var date = From; date <= To; date = date.PlusDays(1))
            yield return AllDay
                ? new Interval(date.AtStartOfDayInZone(zone).ToInstant(), date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant())
                : new Interval((date + FromTime!.Value).InZoneLeniently(zone).ToInstant(), (date + ToTime!.Value).InZoneLeniently(zone).ToInstant());
    }

    public bool Concerns(Guid staffId) => StaffId is null || StaffId == staffId;

    public bool Hits(Guid staffId, Instant start, Instant end, DateTimeZone zone) =>
        Concerns(staffId) && During(zone).Any(d => d.Start < end && start < d.End);
}

public enum ImpactKind { Meeting, CallBack, WalkInDuty }

/// <param name="Id">The appointment's or the call-back's id; for a walk-in duty, empty.</param>
public sealed record ImpactedItem(ImpactKind Kind, Guid Id, Guid StaffId, Instant Start, Instant End);

public enum WorkAction { Reassign, ContactFamily, CoverDuty }

/// <param name="ReassignTo">The free colleague who can take the meeting at the same time (Reassign only).</param>
/// <param name="Why">A stable code for why the item needs this action (the pages word it).</param>
public sealed record WorkItem(ImpactedItem Item, WorkAction Action, Guid? ReassignTo, string Why);

public static class AbsenceImpact
{
    public static Refusal? Validate(UnitConfiguration config, PlannedAbsence absence)
    {
        var fields = new Dictionary<string, string[]>();
        if (absence.StaffId is { } staff && config.Member(staff) is not { Active: true })
            fields["staffId"] = ["Not an active member of the unit's staff."];
        if (absence.To < absence.From) fields["to"] = ["The last day must not be before the first."];
        else if (Period.Between(absence.From, absence.To, PeriodUnits.Days).Days >= PlannedAbsence.MaxDays)
            fields["to"] = [$"An absence may span at most {PlannedAbsence.MaxDays} days; enter a longer one in parts."];
        if (absence.FromTime is null != absence.ToTime is null)
            fields[absence.FromTime is null ? "fromTime" : "toTime"] = ["Give both the start and the end time, or neither for whole days."];
        else if (absence.FromTime is { } from && absence.ToTime is { } to && to <= from)
            fields["toTime"] = ["The end time must be after the start time."];
        return fields.Count > 0 ? Refusal.Invalid(fields) : null;
    }

    /// <summary>Everything the absence hits, in time order: booked meetings (once each, also pair meetings), open
    /// call-backs, and walk-in duties (the whole unit's for a closure, the absent supervisor's for an absence).</summary>
    public static IReadOnlyList<ImpactedItem> Of(UnitConfiguration config, PlannedAbsence absence, IReadOnlyList<Reservation> reservations,
        IReadOnlyList<CallBack> callBacks)
    {
        var zone = config.Zone;
        var hits = new List<ImpactedItem>();
        foreach (var meeting in reservations.Where(r => absence.Hits(r.StaffId, r.Start, r.End, zone)).GroupBy(r => r.AppointmentId))
        {
            var first = meeting.OrderBy(r => r.Start).First();
            hits.Add(new ImpactedItem(ImpactKind.Meeting, meeting.Key, absence.StaffId ?? first.StaffId, first.Start, first.End));
        }
        hits.AddRange(callBacks.Where(c => c.IsOpen && absence.Hits(c.StaffId, c.Start, c.End, zone))
            .Select(c => new ImpactedItem(ImpactKind.CallBack, c.CallBackId, c.StaffId, c.Start, c.End)));

        var walkIn = config.WalkInOrDefault;
        for (var date = absence.From; date <= absence.To; date = date.PlusDays(1))
        {
            if (date.DayOfWeek != walkIn.Day || config.ClosedBecause(date) is not null) continue;
            var start = (date + walkIn.From).InZoneLeniently(zone).ToInstant();
            var end = (date + walkIn.To).InZoneLeniently(zone).ToInstant();
            foreach (var staffId in walkIn.OnDuty.Where(s => !config.IsAbsent(s, date) && absence.Hits(s, start, end, zone)))
                hits.Add(new ImpactedItem(ImpactKind.WalkInDuty, Guid.Empty, staffId, start, end));
        }
        return hits.OrderBy(h => h.Start).ThenBy(h => h.Kind).ToList();
    }

    /// <summary>The secretary's work list for what the absence hits. <paramref name="meetings"/> are the hit appointments'
    /// states; <paramref name="reservations"/> every reservation of the days concerned (to find who is free).</summary>
    public static IReadOnlyList<WorkItem> Plan(UnitConfiguration config, PlannedAbsence absence, IReadOnlyList<ImpactedItem> hits,
        IReadOnlyList<Reservation> reservations, IReadOnlyDictionary<Guid, Appointment> meetings)
    {
        var held = reservations.ToList();
        var work = new List<WorkItem>();
        foreach (var hit in hits)
        {
            switch (hit.Kind)
            {
                case ImpactKind.WalkInDuty:
                    work.Add(new WorkItem(hit, WorkAction.CoverDuty, null, absence.StaffId is null ? "unit_closed" : "on_duty"));
                    break;
                case ImpactKind.CallBack:
                    work.Add(new WorkItem(hit, WorkAction.ContactFamily, null, "call_back"));
                    break;
                default:
                    var (to, why) = meetings.TryGetValue(hit.Id, out var meeting) ? Colleague(config, absence, meeting, held) : (null, "unknown");
                    if (to is { } colleague)
                    {
                        held.Add(new Reservation(colleague, meeting!.Id, meeting.Start, meeting.OccupiedUntil));
                        work.Add(new WorkItem(hit, WorkAction.Reassign, colleague, why));
                    }
                    else work.Add(new WorkItem(hit, WorkAction.ContactFamily, null, why));
                    break;
            }
        }
        return work;
    }

    /// <summary>A free colleague for the meeting, or why there is none.</summary>
    private static (Guid? To, string Why) Colleague(UnitConfiguration config, PlannedAbsence absence, Appointment meeting,
        IReadOnlyList<Reservation> held)
    {
        if (absence.StaffId is null) return (null, "unit_closed");
        if (absence.StaffId != meeting.SupervisorId) return (null, "partner_absent");
        if (meeting.Kept is not null) return (null, "supervisor_kept");
        if (meeting.SeriesId is not null) return (null, "series");
        var date = meeting.Start.InZone(config.Zone).Date;
        var free = config.ChildSupervisors
            .Where(s => s.Id != meeting.SupervisorId && s.Id != meeting.SecondProfessionalId && !absence.Concerns(s.Id) && !config.IsAbsent(s.Id, date))
            .Where(s => FreeTimes.BookableHours(config, s.Id, date).Any(h => h.Start <= meeting.Start && meeting.OccupiedUntil <= h.End))
            .Where(s => !held.Any(r => r.StaffId == s.Id && r.Overlaps(meeting.Start, meeting.OccupiedUntil)))
            .OrderBy(s => held.Count(r => r.StaffId == s.Id && r.Start.InZone(config.Zone).Date == date)).ThenBy(s => s.DisplayName, StringComparer.Ordinal)
            .Select(s => (Guid?)s.Id).FirstOrDefault();
        return free is null ? (null, "nobody_free") : (free, "colleague_free");
    }
}
