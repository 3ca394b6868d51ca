// Saving an absence or a closure, without a database: the absence's decider, the staff day's block, and the use case
// against the in-memory store. "Now" is Monday 4 May 2026 10:00 in Helsinki; on Monday 11 May Anna and Bertil work 09-12.
using Booking.Domain.Absences;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Absences;

public class AbsenceDeciderTests
{
    private static readonly Guid Id = Guid.Parse("abababab-0000-0000-0000-000000000001");
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly PlannedAbsence AnnaMonday = new(Anna, new LocalDate(2026, 5, 11), new LocalDate(2026, 5, 11));
    private static readonly AbsenceWorkItem Call = new(1, ImpactKind.Meeting, Guid.NewGuid(), Anna, Now, Now, WorkAction.ContactFamily, null, "nobody_free");
    private static readonly AbsenceWorkItem Given = new(2, ImpactKind.Meeting, Guid.NewGuid(), Anna, Now, Now, WorkAction.Reassign, Bertil, "colleague_free");

    private static Absence Entered() => Absence.Evolve(Absence.Initial,
        new AbsenceEntered(Id, Anna, AnnaMonday.From, AnnaMonday.To, null, null, [Call, Given], "staff:sirpa", Now));

    [Fact]
    public void Given_nothing_When_an_absence_is_entered_Then_AbsenceEntered_carries_the_dates_and_the_work_list()
    {
        var decision = AbsenceDecider.Decide(new EnterAbsence(Id, AnnaMonday, [Call], "staff:sirpa", Now), Absence.Initial);

        Assert.Equal(new AbsenceEntered(Id, Anna, AnnaMonday.From, AnnaMonday.To, null, null, [Call], "staff:sirpa", Now),
            Assert.Single(decision.Events), new EnteredComparer());
    }

    [Fact]
    public void Given_an_entered_absence_When_the_same_is_entered_again_Then_nothing_and_other_dates_are_refused()
    {
        Assert.Empty(AbsenceDecider.Decide(new EnterAbsence(Id, AnnaMonday, [], "staff:sirpa", Now), Entered()).Events);
        Assert.Equal("absence_exists", AbsenceDecider.Decide(new EnterAbsence(Id, AnnaMonday with { To = AnnaMonday.To.PlusDays(1) }, [],
            "staff:sirpa", Now), Entered()).Error?.Code);
    }

    [Fact]
    public void Given_an_entered_absence_Then_its_automatic_reassignment_is_done_and_the_contact_is_open()
    {
        var state = Entered();
        Assert.Equal(WorkDone.Reassigned, state.Done[2]);
        Assert.False(state.Done.ContainsKey(1));
    }

    [Fact]
    public void Given_an_open_item_When_the_secretary_marks_it_contacted_Then_AbsenceWorkDone_and_a_repeat_does_nothing()
    {
        var decision = AbsenceDecider.Decide(new MarkWorkDone(Id, 1, WorkDone.Contacted, "staff:sirpa", Now), Entered());

        var done = Assert.Single(decision.Events);
        Assert.Equal(new AbsenceWorkDone(Id, 1, WorkDone.Contacted, "staff:sirpa", Now), done);
        Assert.Empty(AbsenceDecider.Decide(new MarkWorkDone(Id, 1, WorkDone.Contacted, "staff:sirpa", Now), Absence.Evolve(Entered(), done)).Events);
    }

    [Fact]
    public void Given_an_absence_When_an_unknown_way_or_item_is_marked_Then_refused_naming_the_field()
    {
        var how = AbsenceDecider.Decide(new MarkWorkDone(Id, 1, "forgot", "staff:sirpa", Now), Entered()).Error;
        Assert.Equal((ErrorKind.Invalid, "how"), (how!.Kind, how.Field));
        var number = AbsenceDecider.Decide(new MarkWorkDone(Id, 9, WorkDone.Contacted, "staff:sirpa", Now), Entered()).Error;
        Assert.Equal((ErrorKind.NotFound, "number"), (number!.Kind, number.Field));
        Assert.Equal("absence_not_found", AbsenceDecider.Decide(new MarkWorkDone(Id, 1, WorkDone.Contacted, "staff:sirpa", Now), Absence.Initial).Error?.Code);
    }

    [Fact]
    public void Given_an_entered_absence_When_it_is_withdrawn_Then_AbsenceWithdrawn_and_its_open_items_are_no_longer_needed()
    {
        var decision = AbsenceDecider.Decide(new WithdrawAbsence(Id, "staff:pekka", Now), Entered());

        var withdrawn = Assert.Single(decision.Events);
        Assert.Equal(new AbsenceWithdrawn(Id, "staff:pekka", Now), withdrawn);
        var state = Absence.Evolve(Entered(), withdrawn);
        Assert.True(state.Withdrawn);
        Assert.Equal(WorkDone.NoLongerNeeded, state.Done[1]); // the family still to contact: not needed now
        Assert.Equal(WorkDone.Reassigned, state.Done[2]);     // the meeting given to Bertil stays with him
        Assert.Equal(2, state.Work.Count);                     // nothing is deleted from the list
    }

    [Fact]
    public void Given_a_withdrawn_absence_When_it_is_withdrawn_again_or_an_item_is_marked_Then_nothing_and_an_unknown_absence_is_not_found()
    {
        var withdrawn = Absence.Evolve(Entered(), new AbsenceWithdrawn(Id, "staff:pekka", Now));

        Assert.Empty(AbsenceDecider.Decide(new WithdrawAbsence(Id, "staff:sirpa", Now + Duration.FromMinutes(5)), withdrawn).Events);
        Assert.Empty(AbsenceDecider.Decide(new MarkWorkDone(Id, 1, WorkDone.Contacted, "staff:sirpa", Now), withdrawn).Events);
        var unknown = AbsenceDecider.Decide(new WithdrawAbsence(Id, "staff:pekka", Now), Absence.Initial).Error;
        Assert.Equal(("absence_not_found", ErrorKind.NotFound), (unknown?.Code, unknown?.Kind));
    }

    [Fact]
    public void Given_a_blocked_staff_day_When_the_block_is_lifted_Then_TimeUnblocked_the_hour_can_be_reserved_and_lifting_again_does_nothing()
    {
        var date = new LocalDate(2026, 5, 11);
        var nine = Helsinki(L(2026, 5, 11, 9));
        var hours = FreeTimes.BookableHours(Config(), Anna, date);
        var blocked = StaffDay.Evolve(StaffDay.Initial, new TimeBlocked(Anna, date, Id, nine, nine + Duration.FromHours(1), Now));

        var lifted = Assert.Single(StaffDayDecider.Decide(new UnblockTime(Anna, date, Id, Now), blocked).Events);
        var day = StaffDay.Evolve(blocked, lifted);

        Assert.Equal(new TimeUnblocked(Anna, date, Id, Now), lifted);
        Assert.Single(StaffDayDecider.Decide(new ReserveSlot(Anna, date, Guid.NewGuid(), nine, nine + Duration.FromMinutes(30), hours, Now), day).Events);
        Assert.Empty(StaffDayDecider.Decide(new UnblockTime(Anna, date, Id, Now), day).Events);
    }

    [Fact]
    public void Given_a_blocked_staff_day_When_a_slot_inside_is_reserved_Then_staff_absent_and_outside_it_is_reserved()
    {
        var date = new LocalDate(2026, 5, 11);
        var nine = Helsinki(L(2026, 5, 11, 9));
        var hours = FreeTimes.BookableHours(Config(), Anna, date);
        var day = StaffDay.Evolve(StaffDay.Initial, new TimeBlocked(Anna, date, Id, nine, nine + Duration.FromHours(1), Now));

        Assert.Equal("staff_absent", StaffDayDecider.Decide(new ReserveSlot(Anna, date, Guid.NewGuid(), nine + Duration.FromMinutes(30),
            nine + Duration.FromMinutes(60), hours, Now), day).Error?.Code);
        Assert.Single(StaffDayDecider.Decide(new ReserveSlot(Anna, date, Guid.NewGuid(), nine + Duration.FromHours(1),
            nine + Duration.FromMinutes(90), hours, Now), day).Events);
        Assert.Empty(StaffDayDecider.Decide(new BlockTime(Anna, date, Id, nine, nine + Duration.FromHours(1), Now), day).Events);
    }

    [Fact]
    public void Given_Anna_is_absent_10_to_11_Then_her_free_times_and_bookable_hours_leave_that_hour_out()
    {
        var monday = new LocalDate(2026, 5, 11);
        var config = Config([new Closure(monday, monday, "absence", Anna, new LocalTime(10, 0), new LocalTime(11, 0))]);

        var annas = FreeTimes.Find(config, Advice, monday, monday, []).Where(f => f.FreeStaff.Contains(Anna)).Select(f => f.Start.TimeOfDay).ToList();

        Assert.Equal([new LocalTime(9, 0), new LocalTime(9, 30), new LocalTime(11, 0), new LocalTime(11, 30)], annas);
        Assert.Equal(2, FreeTimes.BookableHours(config, Anna, monday).Count);
        Assert.False(config.IsAbsent(Anna, monday));
    }

    private sealed class EnteredComparer : IEqualityComparer<AbsenceEvent>
    {
        public bool Equals(AbsenceEvent? x, AbsenceEvent? y) => x is AbsenceEntered a && y is AbsenceEntered b
            && a with { Work = [] } == b with { Work = [] } && a.Work.SequenceEqual(b.Work);
        public int GetHashCode(AbsenceEvent obj) => 0;
    }
}

public class AbsenceBookTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly LocalDate Monday = new(2026, 5, 11);
    private static readonly StaffActor Secretary = new(TestUnit.Sirpa, StaffRoles.Secretary);

    private readonly FakeClock clock = new(Now);
    private readonly InMemoryEventStore store;
    private readonly AbsenceBook absences;
    private readonly StaffChanges changes;

    public AbsenceBookTests()
    {
        store = new InMemoryEventStore(clock);
        var configuration = new FixedConfiguration(Config());
        absences = new AbsenceBook(store, configuration, new InMemoryReservations(store), new NoSavedAbsences(), clock);
        changes = new StaffChanges(store, configuration, new Appointments.InMemoryMeetingSearch(store), new InMemoryClientContacts(store), clock);
    }

    private async Task<Guid> Booked(Guid supervisor, int hour, int minute = 0, Guid? kept = null)
    {
        var id = Guid.NewGuid();
        var start = Helsinki(Monday.At(new LocalTime(hour, minute)));
        var end = start + Duration.FromMinutes(30);
        await using var session = store.OpenSession(UnitId, Secretary.Actor);
        session.Append(StreamIds.Appointment(id), StreamIds.AppointmentType, 0,
            [new AppointmentBooked(id, Guid.NewGuid(), "advice", Modality.InPerson, start, end, end, supervisor, BookingChannel.Online, "client", Now)]);
        var dayId = StreamIds.StaffDay(supervisor, Monday);
        var version = (await store.ReadStream(UnitId, dayId)).Count;
        session.Append(dayId, StreamIds.StaffDayType, version, [new SlotReserved(supervisor, Monday, id, start, end, Now)]);
        await session.SaveChangesAsync();
        return id;
    }

    private static PlannedAbsence AnnaMonday(int? from = null, int? to = null) =>
        new(Anna, Monday, Monday, from is null ? null : new LocalTime(from.Value, 0), to is null ? null : new LocalTime(to.Value, 0));

    [Fact]
    public async Task Given_Anna_has_a_meeting_and_Bertil_is_free_When_her_absence_is_saved_Then_Bertil_takes_it_and_her_day_is_blocked()
    {
        var meeting = await Booked(Anna, 9);

        var outcome = await absences.Save(UnitId, Guid.NewGuid(), AnnaMonday(), Secretary);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        var item = Assert.Single(outcome.Value!.Work);
        Assert.Equal((WorkAction.Reassign, (Guid?)Bertil, meeting), (item.Action, item.ReassignedTo, item.ItemId));
        Assert.Equal(WorkDone.Reassigned, outcome.Value.Done[item.Number]);
        var reassigned = Assert.Single(store.EventsOf<AppointmentReassigned>());
        Assert.Equal((Bertil, Anna, ChangeReason.StaffAbsent), (reassigned.SupervisorId, reassigned.PreviousSupervisorId, reassigned.Reason));
        Assert.Contains(store.EventsOf<SlotReleased>(), r => r.StaffId == Anna && r.AppointmentId == meeting);
        Assert.Contains(store.EventsOf<SlotReserved>(), r => r.StaffId == Bertil && r.AppointmentId == meeting);
        Assert.Single(store.EventsOf<TimeBlocked>(), b => b.StaffId == Anna && b.Date == Monday);
    }

    [Fact]
    public async Task Given_Anna_and_Bertil_both_have_a_meeting_at_nine_When_Anna_is_absent_Then_her_family_is_to_be_contacted()
    {
        var annas = await Booked(Anna, 9);
        await Booked(Bertil, 9);

        var outcome = await absences.Save(UnitId, Guid.NewGuid(), AnnaMonday(), Secretary);

        var item = Assert.Single(outcome.Value!.Work);
        Assert.Equal((WorkAction.ContactFamily, "nobody_free", annas), (item.Action, item.Why, item.ItemId));
        Assert.Empty(outcome.Value.Done);
        Assert.Empty(store.EventsOf<AppointmentReassigned>());
    }

    [Fact]
    public async Task Given_a_unit_closure_When_it_is_saved_Then_every_meeting_is_to_be_contacted_and_every_staff_day_is_blocked()
    {
        await Booked(Anna, 9);
        await Booked(Bertil, 10);

        var outcome = await absences.Save(UnitId, Guid.NewGuid(), new PlannedAbsence(null, Monday, Monday), Secretary);

        Assert.Equal(2, outcome.Value!.Work.Count(w => w is { Action: WorkAction.ContactFamily, Why: "unit_closed" }));
        Assert.Equal(Config().Staff.Count(s => s.Active), store.EventsOf<TimeBlocked>().Count());
    }

    [Fact]
    public async Task Given_Anna_is_absent_10_to_11_When_staff_move_a_meeting_into_that_hour_Then_refused_and_after_it_accepted()
    {
        var bertils = await Booked(Bertil, 9);
        await absences.Save(UnitId, Guid.NewGuid(), AnnaMonday(10, 11), Secretary);

        var into = await changes.Move(UnitId, bertils, new StaffMove(Monday.At(new LocalTime(10, 0)), Anna, ChangeReason.StaffRequest, ""), Secretary);
        var after = await changes.Move(UnitId, bertils, new StaffMove(Monday.At(new LocalTime(11, 0)), Anna, ChangeReason.StaffRequest, ""), Secretary);

        Assert.False(into.Succeeded);
        Assert.True(after.Succeeded, after.Refusal?.Error.ToString());
    }

    [Fact]
    public async Task Given_a_booking_lands_in_Annas_day_just_before_the_absence_commits_Then_the_save_reads_again_and_lists_it()
    {
        await Booked(Bertil, 9, 30); // Bertil is busy at 09:30, so the late meeting cannot be given to him
        Guid late = Guid.Empty;
        store.BeforeNextCommit = async () => late = await Booked(Anna, 9, 30);

        var outcome = await absences.Save(UnitId, Guid.NewGuid(), AnnaMonday(), Secretary);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        var item = Assert.Single(outcome.Value!.Work);
        Assert.Equal((late, WorkAction.ContactFamily), (item.ItemId, item.Action));
    }

    [Fact]
    public async Task Given_a_call_back_is_reserved_in_Annas_hours_just_before_the_absence_commits_Then_the_save_reads_again_lists_it_and_closes_her_slots()
    {
        // Anna's call-back window on Monday 11 May is 14-15 (the call-back test unit).
        var config = CallBacks.CallBackTestUnit.CallBackConfig();
        var book = new AbsenceBook(store, new FixedConfiguration(config), new InMemoryReservations(store), new NoSavedAbsences(), clock);
        var callBack = Guid.NewGuid();
        store.BeforeNextCommit = async () =>
        {
            await using var session = store.OpenSession(UnitId, "client:test");
            var dayId = StreamIds.CallBackDay(Monday);
            session.Append(dayId, StreamIds.CallBackDayType, (await store.ReadStream(UnitId, dayId)).Count,
                [CallBacks.CallBackTestUnit.Reserved(callBack, Anna, Monday.At(new LocalTime(14, 15)))]);
            await session.SaveChangesAsync();
        };

        var outcome = await book.Save(UnitId, Guid.NewGuid(), AnnaMonday(13, 16), Secretary);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        var item = Assert.Single(outcome.Value!.Work);
        Assert.Equal((ImpactKind.CallBack, callBack, WorkAction.ContactFamily), (item.Kind, item.ItemId, item.Action));
        var closed = Assert.Single(store.EventsOf<CallBackTimeClosed>());
        Assert.Equal((Anna, Monday), (closed.StaffId, closed.Date));

        await book.Withdraw(UnitId, outcome.Value.Id, Secretary);
        Assert.Single(store.EventsOf<CallBackTimeReopened>());
    }

    [Fact]
    public async Task Given_a_saved_absence_When_it_is_saved_again_Then_nothing_more_is_written_and_other_dates_are_refused()
    {
        var id = Guid.NewGuid();
        await absences.Save(UnitId, id, AnnaMonday(), Secretary);
        var written = store.Events.Count;

        Assert.True((await absences.Save(UnitId, id, AnnaMonday(), Secretary)).Succeeded);
        Assert.Equal("absence_exists", (await absences.Save(UnitId, id, AnnaMonday() with { To = Monday.PlusDays(1) }, Secretary)).Refusal?.Error.Code);
        Assert.Equal(written, store.Events.Count);
    }

    [Fact]
    public async Task Given_an_absence_ending_before_it_starts_When_saved_Then_400_on_to_and_nothing_written()
    {
        var outcome = await absences.Save(UnitId, Guid.NewGuid(), new PlannedAbsence(Anna, Monday, Monday.PlusDays(-1)), Secretary);

        Assert.Equal(ErrorKind.Invalid, outcome.Refusal?.Error.Kind);
        Assert.Contains("to", outcome.Refusal!.Fields!.Keys);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_Anna_is_absent_10_to_11_When_the_absence_is_withdrawn_Then_a_meeting_can_be_moved_into_that_hour_again()
    {
        var bertils = await Booked(Bertil, 9);
        var id = Guid.NewGuid();
        await absences.Save(UnitId, id, AnnaMonday(10, 11), Secretary);

        var withdrawn = await absences.Withdraw(UnitId, id, Secretary);
        var into = await changes.Move(UnitId, bertils, new StaffMove(Monday.At(new LocalTime(10, 0)), Anna, ChangeReason.StaffRequest, ""), Secretary);

        Assert.True(withdrawn.Value?.Withdrawn, withdrawn.Refusal?.Error.ToString());
        Assert.Single(store.EventsOf<TimeUnblocked>(), u => u.StaffId == Anna && u.Date == Monday && u.AbsenceId == id);
        Assert.True(into.Succeeded, into.Refusal?.Error.ToString());
    }

    [Fact]
    public async Task Given_an_absence_that_gave_a_meeting_to_Bertil_When_it_is_withdrawn_Then_the_meeting_stays_with_him_and_the_open_item_is_not_needed()
    {
        var given = await Booked(Anna, 9);
        await Booked(Bertil, 10);
        var kept = await Booked(Anna, 10); // Bertil is busy at ten: the family is to be contacted
        var id = Guid.NewGuid();
        await absences.Save(UnitId, id, AnnaMonday(), Secretary);

        var outcome = await absences.Withdraw(UnitId, id, Secretary);

        var absence = outcome.Value!;
        Assert.Equal(WorkDone.Reassigned, absence.Done[absence.Work.Single(w => w.ItemId == given).Number]);
        Assert.Equal(WorkDone.NoLongerNeeded, absence.Done[absence.Work.Single(w => w.ItemId == kept).Number]);
        Assert.Single(store.EventsOf<AppointmentReassigned>());
        Assert.DoesNotContain(store.EventsOf<SlotReleased>(), r => r.StaffId == Bertil);
    }

    [Fact]
    public async Task Given_a_withdrawn_absence_When_it_is_withdrawn_again_Then_the_first_withdrawal_answers_and_nothing_is_written()
    {
        var id = Guid.NewGuid();
        await absences.Save(UnitId, id, AnnaMonday(), Secretary);
        var first = await absences.Withdraw(UnitId, id, Secretary);
        var written = store.Events.Count;
        clock.Advance(Duration.FromMinutes(5));

        var again = await absences.Withdraw(UnitId, id, new StaffActor(Bertil, StaffRoles.Manager));

        Assert.Equal(written, store.Events.Count);
        Assert.Equal((first.Value!.WithdrawnAt, first.Value.WithdrawnBy), (again.Value!.WithdrawnAt, again.Value.WithdrawnBy));
        Assert.Equal(ErrorKind.NotFound, (await absences.Withdraw(UnitId, Guid.NewGuid(), Secretary)).Refusal?.Error.Kind);
    }

    [Fact]
    public async Task Given_a_second_withdrawal_commits_first_When_the_first_saves_Then_it_reads_again_and_one_event_is_written()
    {
        var id = Guid.NewGuid();
        await absences.Save(UnitId, id, AnnaMonday(), Secretary);
        Outcome<Absence> other = default;
        store.BeforeNextCommit = async () => other = await absences.Withdraw(UnitId, id, new StaffActor(Bertil, StaffRoles.Manager));

        var outcome = await absences.Withdraw(UnitId, id, Secretary);

        Assert.Single(store.EventsOf<AbsenceWithdrawn>());
        Assert.Single(store.EventsOf<TimeUnblocked>());
        Assert.Equal(other.Value!.WithdrawnBy, outcome.Value!.WithdrawnBy);
    }

    private sealed class NoSavedAbsences : ISavedAbsences
    {
        public Task<IReadOnlyList<Guid>> Since(Guid unitId, LocalDate since, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<Guid>>([]);
    }
}
