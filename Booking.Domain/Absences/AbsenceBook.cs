// Saving an absence or a closure, in one transaction through the one write path: every day of the absent staff (each
// staff member's, for a closure) gets the time blocked, so nothing new is booked in it; what was already booked there,
// read from those same staff-day streams, becomes the secretary's work list; a meeting a free colleague can take at the
// same time is given to them now (the parents are emailed from the reassignment), the rest wait for the secretary to
// contact the family. A booking racing the save either is in the staff day the save read (and on the list), or finds
// the day moved on, retries and is refused: never a meeting in the absence that no work item names. The day's call-back
// stream is read and closed for the absent hours the same way, so a call-back reserved meanwhile is listed or refused.
using Booking.Domain.Configuration;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Absences;

/// <summary>The saved absences of a unit (a read model of the absence streams).</summary>
public interface ISavedAbsences
{
    /// <summary>Absences whose last day is on or after <paramref name="since"/>, or that still have open work items.</summary>
    Task<IReadOnlyList<Guid>> Since(Guid unitId, LocalDate since, CancellationToken ct = default);
}

/// <param name="onSaved">Called with the unit after an absence was saved (the host forgets what it cached of the absences).</param>
public sealed class AbsenceBook(IEventStore store, IUnitConfigurationSource configurations, IReservations reservations, ISavedAbsences saved,
    IClock clock, RetryPolicy? retries = null, Action<Guid>? onSaved = null)
{
    private readonly WriteRunner runner = new(store, clock, retries);

    public async Task<Outcome<Absence>> Save(Guid unitId, Guid absenceId, PlannedAbsence absence, StaffActor who, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (AbsenceImpact.Validate(config, absence) is { } invalid) return invalid;
        var zone = config.Zone;
        var staff = absence.StaffId is { } one ? [one] : config.Staff.Where(s => s.Active).Select(s => s.Id).ToList();

        var result = await runner.Run(unitId, who.Actor, async (write, token) =>
        {
            var record = await write.Fetch(AbsenceDecider.Definition, StreamIds.Absence(absenceId), token);
            if (record.State.Exists)
                return record.State.Planned == absence
                    ? Step<Outcome<Absence>>.Answer(record.State)
                    : Step<Outcome<Absence>>.Answer(new DomainError("absence_exists", "This absence was already saved with other dates.", ErrorKind.Conflict));

            // The days still to come, each blocked on the stream every booking of that day appends to.
            var today = write.Now.InZone(zone).Date;
            var days = new Dictionary<(Guid, LocalDate), EventStream<StaffDayCommand, StaffDay, StaffDayEvent>>();
            var booked = new List<Reservation>();
            var callBackDays = new Dictionary<LocalDate, EventStream<CallBackCommand, CallBackDay, CallBackEvent>>();
            var callBacks = new List<CallBack>();
            var during = absence.During(zone).ToList();
            for (var (date, i) = (absence.From, 0); date <= absence.To; date = date.PlusDays(1), i++)
            {
                if (date < today) continue;
                // The day's call-backs, read from the stream a racing reservation appends to (closed below, like the staff days).
                var callBackDay = await write.Fetch(CallBackDecider.Definition, StreamIds.CallBackDay(date), token);
                callBackDays[date] = callBackDay;
                callBacks.AddRange(callBackDay.State.CallBacks);
                foreach (var staffId in staff)
                {
                    var day = await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(staffId, date), token);
                    days[(staffId, date)] = day;
                    booked.AddRange(day.State.Reserved.Select(r => new Reservation(staffId, r.Key, r.Value.Start, r.Value.End)));
                }
            }

            var hits = AbsenceImpact.Of(config, absence, booked, callBacks).Where(h => h.End > write.Now).ToList();
            var meetings = new Dictionary<Guid, EventStream<AppointmentCommand, Appointment, AppointmentEvent>>();
            foreach (var hit in hits.Where(h => h.Kind == ImpactKind.Meeting))
                meetings[hit.Id] = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(hit.Id), token);
            var first = absence.From.AtStartOfDayInZone(zone).ToInstant();
            var last = absence.To.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            var held = (await reservations.Between(unitId, first, last, token))
                .Where(r => !days.ContainsKey((r.StaffId, r.Start.InZone(zone).Date))).Concat(booked).ToList();
            var plan = AbsenceImpact.Plan(config, absence, hits, held, meetings.ToDictionary(m => m.Key, m => m.Value.State));

            var work = new List<AbsenceWorkItem>();
            foreach (var (item, number) in plan.Select((w, n) => (w, n + 1)))
            {
                var hit = item.Item;
                if (item is { Action: WorkAction.Reassign, ReassignTo: { } colleague })
                {
                    var meeting = meetings[hit.Id];
                    var before = meeting.State;
                    if (meeting.Decide(new ReassignAppointment(before.Id, colleague, absence.StaffId is null ? ChangeReason.UnitClosed : ChangeReason.StaffAbsent,
                            who.Actor, write.Now)).Error is not null)
                    {
                        work.Add(Item(number, hit, WorkAction.ContactFamily, null, "not_reassignable"));
                        continue;
                    }
                    var date = before.Start.InZone(zone).Date;
                    days[(before.SupervisorId, date)].Decide(new ReleaseSlot(before.SupervisorId, date, before.Id, write.Now));
                    var theirs = await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(colleague, date), token);
                    if (theirs.Decide(new ReserveSlot(colleague, date, before.Id, before.Start, before.OccupiedUntil,
                            FreeTimes.BookableHours(config, colleague, date), write.Now)).IsError)
                        return Step<Outcome<Absence>>.Again(theirs.StreamId); // the colleague was booked since the reads: plan again
                    work.Add(Item(number, hit, WorkAction.Reassign, colleague, item.Why));
                }
                else work.Add(Item(number, hit, item.Action, item.ReassignTo, item.Why));
            }

            foreach (var ((staffId, date), day) in days)
            {
                var off = during[Period.Between(absence.From, date, PeriodUnits.Days).Days];
                day.Decide(new BlockTime(staffId, date, absenceId, off.Start, off.End, write.Now));
            }
            foreach (var (date, callBackDay) in callBackDays)
            {
                var off = during[Period.Between(absence.From, date, PeriodUnits.Days).Days];
                if (CallBackSlots.On(config, date).Any(c => absence.Concerns(c.StaffId) && c.StartsAt < off.End && off.Start < c.EndsAt))
                    callBackDay.Decide(new CloseCallBackTime(absenceId, absence.StaffId, date, off.Start, off.End, write.Now));
            }
            if (record.Decide(new EnterAbsence(absenceId, absence, work, who.Actor, write.Now)).Error is { } error)
                return Step<Outcome<Absence>>.Answer(error);
            return Step<Outcome<Absence>>.Save(record.State);
        }, () => Task.FromResult<Outcome<Absence>>(WriteRunner.Busy("The staff's days were being booked at the same moment. Please try again.")), ct);
        if (result.Succeeded) onSaved?.Invoke(unitId);
        return result;
    }

    public async Task<Outcome<Absence>> MarkDone(Guid unitId, Guid absenceId, int number, string how, StaffActor who, CancellationToken ct = default)
    {
        var write = await runner.Decide(unitId, who.Actor, AbsenceDecider.Definition, StreamIds.Absence(absenceId),
            (_, now) => Task.FromResult<AbsenceCommand>(new MarkWorkDone(absenceId, number, how, who.Actor, now)), null,
            "The work list was being changed at the same moment. Please try again.", ct);
        return write.Error is { } error ? error : write.State!;
    }

    /// <summary>Withdraws a saved absence (entered by mistake, or the person came back early): in one transaction its block
    /// leaves every staff day still to come, so parents' free times and call-back slots come back, and its open work items
    /// become no longer needed. Meetings it already gave to colleagues stay with them. Withdrawing again answers the first
    /// withdrawal; two at once write one event (the absence stream's version decides).</summary>
    public async Task<Outcome<Absence>> Withdraw(Guid unitId, Guid absenceId, StaffActor who, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var zone = config.Zone;
        var result = await runner.Run(unitId, who.Actor, async (write, token) =>
        {
            var record = await write.Fetch(AbsenceDecider.Definition, StreamIds.Absence(absenceId), token);
            if (record.Decide(new WithdrawAbsence(absenceId, who.Actor, write.Now)).Error is { } error)
                return Step<Outcome<Absence>>.Answer(error);
            if (record.Appended.Count == 0) return Step<Outcome<Absence>>.Answer(record.State);

            // A closure blocked every staff member active when it was saved; whoever it did not block, the day leaves alone.
            var planned = record.State.Planned!;
            var staff = planned.StaffId is { } one ? [one] : config.Staff.Select(s => s.Id).ToList();
            var today = write.Now.InZone(zone).Date;
            for (var date = planned.From < today ? today : planned.From; date <= planned.To; date = date.PlusDays(1))
            {
                foreach (var staffId in staff)
                    (await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(staffId, date), token))
                        .Decide(new UnblockTime(staffId, date, absenceId, write.Now));
                (await write.Fetch(CallBackDecider.Definition, StreamIds.CallBackDay(date), token))
                    .Decide(new ReopenCallBackTime(absenceId, date, write.Now));
            }
            return Step<Outcome<Absence>>.Save(record.State);
        }, () => Task.FromResult<Outcome<Absence>>(WriteRunner.Busy("The absence was being changed at the same moment. Please try again.")), ct);
        if (result.Succeeded) onSaved?.Invoke(unitId);
        return result;
    }

    /// <summary>The absences and closures standing today or later (not withdrawn), soonest first: what may be withdrawn.</summary>
    public async Task<IReadOnlyList<Absence>> Current(Guid unitId, CancellationToken ct = default)
    {
        var today = clock.GetCurrentInstant().InZone((await configurations.Current(unitId, ct)).Zone).Date;
        return (await WorkList(unitId, ct)).Where(a => !a.Withdrawn && a.Planned!.To >= today).ToList();
    }

    public async Task<Absence?> Find(Guid unitId, Guid absenceId, CancellationToken ct = default)
    {
        var state = AbsenceDecider.Definition.Fold(await store.ReadStream(unitId, StreamIds.Absence(absenceId), ct));
        return state.Exists ? state : null;
    }

    /// <summary>The secretary's work list: the absences not yet over or with items still open, soonest first (a withdrawn
    /// one too while not over, so she sees its items are no longer needed).</summary>
    public async Task<IReadOnlyList<Absence>> WorkList(Guid unitId, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var today = clock.GetCurrentInstant().InZone(config.Zone).Date;
        var found = new List<Absence>();
        foreach (var id in await saved.Since(unitId, today.PlusDays(-1), ct))
            if (await Find(unitId, id, ct) is { } absence) found.Add(absence);
        return found.OrderBy(a => a.Planned!.From).ThenBy(a => a.EnteredAt).ToList();
    }

    private static AbsenceWorkItem Item(int number, ImpactedItem hit, WorkAction action, Guid? to, string why) =>
        new(number, hit.Kind, hit.Id, hit.StaffId, hit.Start, hit.End, action, to, why);
}
