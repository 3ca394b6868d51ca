// Staff change any meeting, without a database: the decider's new rules (given events / when command / then events) and
// the StaffChanges use case against in-memory ports. "Today" is Monday 2026-05-04 10:00 in Helsinki; on Monday 11 May
// Anna and Bertil both work 09-12; Riikka (a partner service's professional) works only in the hours she offers.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using Booking.Domain.Staff;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;
using FamilyStreams = Booking.Domain.StreamIds;

namespace Booking.Domain.Tests.Appointments;

public class StaffChangeDeciderTests
{
    private static readonly Guid Id = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000003");
    private static readonly Guid Client = Guid.Parse("cccccccc-0000-0000-0000-000000000001");
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly Instant Start = Instant.FromUtc(2026, 5, 11, 6, 0);
    private const string Secretary = "staff:sirpa";

    private static Appointment Booked(Guid? second = null) => new[]
    {
        new AppointmentBooked(Id, Client, "advice", Modality.InPerson, Start, Start + Duration.FromMinutes(30), Start + Duration.FromMinutes(30),
            Anna, BookingChannel.Secretary, Secretary, Now, second),
    }.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e));

    private static Instant Minutes(int fromStart) => Start + Duration.FromMinutes(fromStart);

    [Fact]
    public void Given_a_pair_meeting_When_staff_move_it_with_a_reason_Then_AppointmentMoved_carries_who_and_why()
    {
        var decision = AppointmentDecider.Decide(new MoveAppointment(Id, Minutes(60), Minutes(90), Minutes(90), Anna, Secretary, Now,
            ChangeReason.FamilyAsked), Booked(second: Partner));

        Assert.Equal(new AppointmentMoved(Id, Minutes(60), Minutes(90), Minutes(90), Anna, Secretary, Now, ChangeReason.FamilyAsked),
            Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_pair_meeting_When_staff_move_it_onto_its_second_professional_Then_same_professional_twice()
    {
        var decision = AppointmentDecider.Decide(new MoveAppointment(Id, Minutes(60), Minutes(90), Minutes(90), Partner, Secretary, Now,
            ChangeReason.StaffAbsent), Booked(second: Partner));

        Assert.Equal("same_professional_twice", decision.Error?.Code);
    }

    [Fact]
    public void Given_a_booked_meeting_When_it_is_reassigned_Then_AppointmentReassigned_names_both_supervisors_and_the_state_follows()
    {
        var decision = AppointmentDecider.Decide(new ReassignAppointment(Id, Bertil, ChangeReason.StaffAbsent, Secretary, Now), Booked());

        var reassigned = Assert.Single(decision.Events);
        Assert.Equal(new AppointmentReassigned(Id, Bertil, Anna, ChangeReason.StaffAbsent, Secretary, Now), reassigned);
        Assert.Equal(Bertil, Appointment.Evolve(Booked(), reassigned).SupervisorId);
    }

    [Fact]
    public void Given_a_booked_meeting_When_it_is_reassigned_to_its_own_supervisor_Then_nothing_happens()
    {
        var decision = AppointmentDecider.Decide(new ReassignAppointment(Id, Anna, ChangeReason.StaffAbsent, Secretary, Now), Booked());

        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_cancelled_or_begun_meeting_When_it_is_reassigned_Then_refused()
    {
        var cancelled = Appointment.Evolve(Booked(), new AppointmentCancelled(Id, Secretary, Now));
        Assert.Equal("appointment_cancelled",
            AppointmentDecider.Decide(new ReassignAppointment(Id, Bertil, ChangeReason.Other, Secretary, Now), cancelled).Error?.Code);
        Assert.Equal("appointment_started",
            AppointmentDecider.Decide(new ReassignAppointment(Id, Bertil, ChangeReason.Other, Secretary, Minutes(1)), Booked()).Error?.Code);
    }

    [Fact]
    public void Given_a_booked_meeting_When_staff_cancel_it_with_a_reason_Then_AppointmentCancelled_carries_it()
    {
        var decision = AppointmentDecider.Decide(new CancelAppointment(Id, Secretary, Now, ChangeReason.StaffAbsent), Booked());

        Assert.Equal(new AppointmentCancelled(Id, Secretary, Now, ChangeReason.StaffAbsent), Assert.Single(decision.Events));
    }
}

public class StaffChangesTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly LocalDate Monday = new(2026, 5, 11);
    private static readonly Guid FamilyId = Guid.Parse("fa000000-0000-0000-0000-000000000002");
    private static readonly Guid Mother = Guid.Parse("cccccccc-0000-0000-0000-000000000011");
    private static readonly Guid Father = Guid.Parse("cccccccc-0000-0000-0000-000000000012");
    private static readonly StaffActor Sirpa = new(TestUnit.Sirpa, StaffRoles.Secretary);
    private static readonly StaffActor AnnaSignedIn = new(Anna, StaffRoles.Supervisor);
    private static readonly StaffActor BertilSignedIn = new(Bertil, StaffRoles.Supervisor);

    private readonly FakeClock clock = new(Now);
    private readonly InMemoryEventStore store;
    private readonly CentralBooking central;
    private readonly StaffChanges changes;

    public StaffChangesTests()
    {
        store = new InMemoryEventStore(clock);
        var configuration = new FixedConfiguration(Config());
        central = new CentralBooking(store, configuration, new InMemoryReservations(store), new InMemoryOfferedHours(store), clock, _ => 0);
        changes = new StaffChanges(store, configuration, new InMemoryMeetingSearch(store), new InMemoryClientContacts(store), clock);
    }

    public async Task InitializeAsync()
    {
        var firstContact = Now - Duration.FromDays(3);
        await using var session = store.OpenSession(UnitId, Sirpa.Actor);
        session.Append(FamilyStreams.Family(FamilyId), FamilyStreams.FamilyType, 0,
        [
            new ParentAdded(FamilyId, Mother, ParentRole.Mother, Sirpa.Actor, firstContact),
            new ContactLogged(FamilyId, ContactChannel.Phone, "advice", ParentRole.Mother, Sirpa.Actor, firstContact),
            new ParentAdded(FamilyId, Father, ParentRole.Father, Sirpa.Actor, firstContact),
        ]);
        session.Store(new ClientContact(UnitId, Mother, "Maija Meikäläinen", "maija@example.fi", "+358 40 123 4567", Language.Fi));
        session.Store(new ClientContact(UnitId, Father, "Matti Meikäläinen", "matti@example.fi", "", Language.Sv));
        await session.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static LocalDateTime Mon(int hour, int minute = 0) => Monday.At(new LocalTime(hour, minute));

    private static CentralMeeting Meeting(LocalDateTime start)
    {
        var id = Guid.NewGuid();
        return new CentralMeeting(id, start, new IssuedLink($"hash-{id:N}", $"sealed-{id:N}"), new IssuedLink($"invite-{id:N}", $"sealed-invite-{id:N}"));
    }

    private async Task<CentralBooked> Book(Guid? keep = null, Guid? second = null, bool joint = false, params LocalDateTime[] starts)
    {
        var request = new CentralBookingRequest(FamilyId, Guid.NewGuid(), "advice", Modality.InPerson, starts.Select(Meeting).ToList(), Mother,
            joint ? Father : null, keep, keep is null ? null : KeepReason.OngoingCase, second);
        var outcome = await central.Book(UnitId, request, Sirpa.Actor);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        return outcome.Value!;
    }

    private (int Events, int Documents) Written() => (store.Events.Count, store.Documents.Count);

    private static void AssertRefused<T>(Outcome<T> outcome, string code, ErrorKind kind)
    {
        Assert.False(outcome.Succeeded, "expected a refusal");
        Assert.Equal(code, outcome.Refusal!.Error.Code);
        Assert.Equal(kind, outcome.Refusal.Error.Kind);
    }

    private IReadOnlyList<(Guid Staff, Instant Start)> Held(Guid appointmentId) => store.Events.Select(e => e.Data)
        .Aggregate(new Dictionary<(Guid, Guid), Instant>(), (held, e) =>
        {
            if (e is SlotReserved r) held[(r.StaffId, r.AppointmentId)] = r.Start;
            if (e is SlotReleased x) held.Remove((x.StaffId, x.AppointmentId));
            return held;
        }).Where(h => h.Key.Item2 == appointmentId).Select(h => (h.Key.Item1, h.Value)).OrderBy(h => h.Value).ThenBy(h => h.Item1).ToList();

    [Fact]
    public async Task Given_a_joint_pair_meeting_When_the_secretary_moves_it_to_a_time_both_are_free_Then_both_days_follow_and_the_reason_is_kept()
    {
        await central.OfferHours(UnitId, Partner, Monday, new LocalTime(9, 0), new LocalTime(12, 0), Sirpa.Actor);
        var meeting = (await Book(second: Partner, joint: true, starts: Mon(9))).Appointments[0];

        var outcome = await changes.Move(UnitId, meeting.Id, new StaffMove(Mon(10, 30), null, ChangeReason.FamilyAsked, "Isä pyysi myöhempää."), Sirpa);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        var moved = Assert.Single(store.EventsOf<AppointmentMoved>());
        Assert.Equal((ChangeReason.FamilyAsked, Sirpa.Actor, Anna), (moved.Reason!.Value, moved.MovedBy, moved.SupervisorId));
        var at = Helsinki(Mon(10, 30));
        Assert.Equal([(Anna, at), (Partner, at)], Held(meeting.Id).OrderBy(h => h.Staff == Anna ? 0 : 1).ToList());
        var note = Assert.Single(store.DocumentsOf<AppointmentChangeNote>());
        Assert.Equal(("moved", "Isä pyysi myöhempää.", Sirpa.Actor), (note.Change, note.Note, note.ChangedBy));
    }

    [Fact]
    public async Task Given_a_pair_meeting_When_moved_to_a_time_the_partner_has_not_offered_Then_refused_and_nothing_written()
    {
        await central.OfferHours(UnitId, Partner, Monday, new LocalTime(9, 0), new LocalTime(10, 0), Sirpa.Actor);
        var meeting = (await Book(second: Partner, starts: Mon(9))).Appointments[0];
        var before = Written();

        var outcome = await changes.Move(UnitId, meeting.Id, new StaffMove(Mon(11), null, ChangeReason.FamilyAsked, ""), Sirpa);

        AssertRefused(outcome, "not_a_bookable_time", ErrorKind.Rule);
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_the_supervisor_holds_the_target_time_When_a_meeting_is_moved_there_Then_slot_taken_and_nothing_written()
    {
        var meeting = (await Book(keep: Anna, starts: Mon(9))).Appointments[0];
        await Book(keep: Anna, starts: Mon(10));
        var before = Written();

        var outcome = await changes.Move(UnitId, meeting.Id, new StaffMove(Mon(10), null, ChangeReason.FamilyAsked, ""), Sirpa);

        AssertRefused(outcome, "slot_taken", ErrorKind.Conflict);
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_kept_supervisor_When_the_secretary_moves_the_meeting_to_another_supervisor_Then_it_moves_with_the_reason()
    {
        var meeting = (await Book(keep: Anna, starts: Mon(9))).Appointments[0];
        await Book(keep: Anna, starts: Mon(10));

        var outcome = await changes.Move(UnitId, meeting.Id, new StaffMove(Mon(10), Bertil, ChangeReason.StaffAbsent, ""), Sirpa);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.Equal(Bertil, outcome.Value!.SupervisorId);
        Assert.Equal([(Bertil, Helsinki(Mon(10)))], Held(meeting.Id));
    }

    [Fact]
    public async Task Given_a_meeting_When_another_supervisor_tries_to_change_it_Then_forbidden_and_its_own_supervisor_may_cancel_it()
    {
        var meeting = (await Book(keep: Anna, starts: Mon(9))).Appointments[0];
        var before = Written();

        AssertRefused(await changes.Cancel(UnitId, meeting.Id, ChangeReason.StaffAbsent, "", BertilSignedIn), StaffChanges.NotYourMeeting,
            ErrorKind.Forbidden);
        AssertRefused(await changes.Move(UnitId, meeting.Id, new StaffMove(Mon(11), null, ChangeReason.FamilyAsked, ""), BertilSignedIn),
            StaffChanges.NotYourMeeting, ErrorKind.Forbidden);
        AssertRefused(await changes.Cancel(UnitId, meeting.Id, ChangeReason.StaffAbsent, "", new StaffActor(Guid.NewGuid(), StaffRoles.Manager)),
            StaffChanges.NotYourMeeting, ErrorKind.Forbidden);
        Assert.Equal(before, Written());

        var outcome = await changes.Cancel(UnitId, meeting.Id, ChangeReason.StaffAbsent, "", AnnaSignedIn);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.Equal(ChangeReason.StaffAbsent, Assert.Single(store.EventsOf<AppointmentCancelled>()).Reason);
        Assert.Empty(Held(meeting.Id));
    }

    [Fact]
    public async Task Given_a_series_When_one_meeting_is_reassigned_with_the_whole_series_Then_every_meeting_to_come_changes_supervisor()
    {
        var series = await Book(keep: Anna, starts: [Mon(9), Monday.PlusDays(7).At(new LocalTime(9, 0))]);

        var outcome = await changes.Reassign(UnitId, series.Appointments[0].Id, Bertil, ChangeReason.StaffAbsent, "", wholeSeries: true, Sirpa);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.Equal(2, outcome.Value!.Count);
        Assert.All(store.EventsOf<AppointmentReassigned>(), r => Assert.Equal((Bertil, Anna), (r.SupervisorId, r.PreviousSupervisorId)));
        Assert.All(series.Appointments, a => Assert.Equal(Bertil, Assert.Single(Held(a.Id)).Staff));
    }

    [Fact]
    public async Task Given_a_series_When_the_new_supervisor_is_busy_at_one_of_its_times_Then_none_is_reassigned()
    {
        var nextMonday = Monday.PlusDays(7).At(new LocalTime(9, 0));
        var series = await Book(keep: Anna, starts: [Mon(9), nextMonday]);
        await Book(keep: Bertil, starts: nextMonday);
        var before = Written();

        var outcome = await changes.Reassign(UnitId, series.Appointments[0].Id, Bertil, ChangeReason.StaffAbsent, "", wholeSeries: true, Sirpa);

        AssertRefused(outcome, "slot_taken", ErrorKind.Conflict);
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_series_When_only_one_meeting_is_reassigned_Then_the_others_keep_their_supervisor()
    {
        var series = await Book(keep: Anna, starts: [Mon(9), Monday.PlusDays(7).At(new LocalTime(9, 0))]);

        var outcome = await changes.Reassign(UnitId, series.Appointments[0].Id, Bertil, ChangeReason.StaffAbsent, "", wholeSeries: false, Sirpa);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.Equal(Bertil, Assert.Single(Held(series.Appointments[0].Id)).Staff);
        Assert.Equal(Anna, Assert.Single(Held(series.Appointments[1].Id)).Staff);
    }

    [Fact]
    public async Task Given_a_reason_other_without_an_explanation_or_an_unknown_supervisor_Then_the_field_is_named_and_nothing_written()
    {
        var meeting = (await Book(keep: Anna, starts: Mon(9))).Appointments[0];
        var before = Written();

        var other = await changes.Cancel(UnitId, meeting.Id, ChangeReason.Other, "  ", Sirpa);
        var unknown = await changes.Reassign(UnitId, meeting.Id, TestUnit.Sirpa, ChangeReason.StaffAbsent, "", false, Sirpa);
        var control = await changes.Cancel(UnitId, meeting.Id, ChangeReason.FamilyAsked, "a\u0000b", Sirpa);

        Assert.Equal("note", other.Refusal?.Error.Field);
        Assert.Equal("supervisor", unknown.Refusal?.Error.Field);
        Assert.Equal("note", control.Refusal?.Error.Field);
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_meetings_When_staff_search_by_reference_or_a_parents_name_Then_the_meeting_is_found_with_both_parents()
    {
        var meeting = (await Book(keep: Anna, joint: true, starts: Mon(9))).Appointments[0];

        var byReference = await changes.Find(UnitId, BookingReference.Of(meeting.Id).ToLowerInvariant());
        var byName = await changes.Find(UnitId, "matti");

        Assert.Equal(meeting.Id, Assert.Single(byReference.Value!).Appointment.Id);
        var found = Assert.Single(byName.Value!);
        Assert.Equal(("Maija Meikäläinen", "Matti Meikäläinen"), (found.Client?.Name, found.OtherParent?.Name));
        AssertRefused(await changes.Find(UnitId, "x"), "invalid_input", ErrorKind.Invalid);
    }
}

/// <summary>The meeting search as the host's SQL does it: a reference's digits, or a parent's name (client or invited).</summary>
internal sealed class InMemoryMeetingSearch(InMemoryEventStore store) : IMeetingSearch
{
    public Task<IReadOnlyList<Guid>> Search(Guid unitId, string text, int limit, CancellationToken ct = default)
    {
        var digits = BookingReference.Digits(text);
        var names = store.DocumentsOf<ClientContact>().Where(c => c.Name.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(c => c.ClientId).ToHashSet();
        var found = store.EventsOf<AppointmentBooked>().Select(b => (b.AppointmentId, b.ClientId))
            .Concat(store.EventsOf<OtherParentInvited>().Select(i => (i.AppointmentId, ClientId: i.OtherParentClientId)))
            .Where(x => (digits is not null && x.AppointmentId.ToString("N").StartsWith(digits, StringComparison.Ordinal)) || names.Contains(x.ClientId))
            .Select(x => x.AppointmentId).Distinct().Take(limit).ToList();
        return Task.FromResult<IReadOnlyList<Guid>>(found);
    }
}
