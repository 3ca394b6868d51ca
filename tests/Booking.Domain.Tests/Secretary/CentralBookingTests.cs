// The office secretary's central booking without a database: the use case against in-memory ports and a fake clock.
// "Today" is Monday 2026-05-04 10:00 in Helsinki. Anna works Mon/Tue/Fri mornings and Thu 09-16; Bertil Mon/Thu/Fri
// mornings, Tue 16-19 and Wed 12-16; Riikka (a partner service's professional) keeps no weekly hours here.
using System.Text.RegularExpressions;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Secretary;

public class CentralBookingTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly LocalDate Today = new(2026, 5, 4);
    private static readonly LocalDate Monday = new(2026, 5, 11);
    private static readonly Guid FamilyId = Guid.Parse("fa000000-0000-0000-0000-000000000001");
    private static readonly Guid Mother = Guid.Parse("cccccccc-0000-0000-0000-000000000001");
    private static readonly Guid Father = Guid.Parse("cccccccc-0000-0000-0000-000000000002");
    private static readonly Guid Stranger = Guid.Parse("cccccccc-0000-0000-0000-000000000099");
    private const string Actor = "staff:sirpa";
    private const string MothersName = "Maija Meikäläinen";
    private const string FathersName = "Matti Meikäläinen";

    private readonly FakeClock clock = new(Now);
    private readonly InMemoryEventStore store;
    private readonly List<int> picks = [];
    private Func<int, int> pick = _ => 0;
    private readonly CentralBooking booking;
    private readonly OnlineBooking online;

    public CentralBookingTests()
    {
        store = new InMemoryEventStore(clock);
        var configuration = new FixedConfiguration(Config());
        booking = new CentralBooking(store, configuration, new InMemoryReservations(store), new InMemoryOfferedHours(store), clock,
            n => { picks.Add(n); return pick(n); });
        online = new OnlineBooking(store, configuration, new InMemoryReservations(store), new InMemoryIdempotencyKeys(store), clock, _ => 0);
    }

    /// <summary>Given: the mother phoned last week about an agreement; the father is known too.</summary>
    public async Task InitializeAsync()
    {
        var firstContact = Now - Duration.FromDays(3);
        await using var session = store.OpenSession(UnitId, Actor);
        session.Append(StreamIds.Family(FamilyId), StreamIds.FamilyType, 0,
        [
            new ParentAdded(FamilyId, Mother, ParentRole.Mother, Actor, firstContact),
            new ContactLogged(FamilyId, ContactChannel.Phone, "agreement", ParentRole.Mother, Actor, firstContact),
            new ParentAdded(FamilyId, Father, ParentRole.Father, Actor, firstContact),
        ]);
        session.Store(new ClientContact(UnitId, Mother, MothersName, "maija@example.fi", "+358 40 123 4567", Language.Fi));
        session.Store(new ClientContact(UnitId, Father, FathersName, "matti@example.fi", "", Language.Fi));
        await session.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static LocalDateTime Mon(int hour, int minute = 0) => Monday.At(new LocalTime(hour, minute));

    private static CentralMeeting Meeting(LocalDateTime start)
    {
        var id = Guid.NewGuid();
        return new CentralMeeting(id, start, new IssuedLink($"hash-{id:N}", $"sealed-{id:N}"), new IssuedLink($"invite-{id:N}", $"sealed-invite-{id:N}"));
    }

    private static CentralBookingRequest Request(params LocalDateTime[] starts) =>
        new(FamilyId, Guid.NewGuid(), "advice", Modality.InPerson, starts.Select(Meeting).ToList(), Mother);

    private static CentralBookingRequest Keep(Guid supervisor, params LocalDateTime[] starts) =>
        Request(starts) with { KeepSupervisor = supervisor, KeepReason = KeepReason.OngoingCase };

    private static CentralBookingRequest Pair(Guid second, params LocalDateTime[] starts) => Request(starts) with { SecondProfessional = second };

    private async Task<CentralBooked> BookOk(CentralBookingRequest request)
    {
        var outcome = await booking.Book(UnitId, request, Actor);
        Assert.True(outcome.Succeeded, Describe(outcome.Refusal));
        return outcome.Value!;
    }

    private async Task<IReadOnlyList<FreeTime>> Free(LocalDate date, TeamOptions? options = null, string type = "advice")
    {
        var outcome = await booking.FreeTimes(UnitId, new TeamFreeTimesQuery(type, Modality.InPerson, date, date, options ?? new TeamOptions()));
        Assert.True(outcome.Succeeded, Describe(outcome.Refusal));
        return outcome.Value!;
    }

    private async Task OfferOk(Guid staff, LocalDate date, LocalTime from, LocalTime to)
    {
        var outcome = await booking.OfferHours(UnitId, staff, date, from, to, Actor);
        Assert.True(outcome.Succeeded, Describe(outcome.Refusal));
    }

    private AppointmentBooked BookedEvent(Guid appointmentId) => store.EventsOf<AppointmentBooked>().Single(e => e.AppointmentId == appointmentId);

    private (int Events, int Documents) Written() => (store.Events.Count, store.Documents.Count);

    private static string Describe(Refusal? refusal) =>
        refusal is null ? "" : $"{refusal.Error} {string.Join("; ", (refusal.Fields ?? new Dictionary<string, string[]>()).Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"))}";

    private static void AssertRefused<T>(Outcome<T> outcome, string code, ErrorKind kind)
    {
        Assert.False(outcome.Succeeded, "expected a refusal");
        Assert.Equal(code, outcome.Refusal!.Error.Code);
        Assert.Equal(kind, outcome.Refusal.Error.Kind);
    }

    private static void AssertInvalid<T>(Outcome<T> outcome, string field)
    {
        AssertRefused(outcome, "invalid_input", ErrorKind.Invalid);
        Assert.Contains(field, outcome.Refusal!.Fields!.Keys);
    }

    // --- impartial assignment and the staff's free times ---

    [Fact]
    public async Task Given_Anna_already_has_a_booking_that_week_When_the_secretary_books_a_time_both_can_take_Then_Bertil_the_less_loaded_is_assigned()
    {
        await BookOk(Request(L(2026, 5, 12, 9, 0))); // Tuesday morning: only Anna works
        var request = Request(Mon(10));

        var booked = await BookOk(request);

        Assert.Equal(Bertil, booked.SupervisorId);
        var e = BookedEvent(request.Meetings[0].AppointmentId);
        Assert.Equal((Bertil, BookingChannel.Secretary, (Guid?)FamilyId, (Guid?)null, (Guid?)null, Actor),
            (e.SupervisorId, e.Channel, e.FamilyId, e.SeriesId, e.SecondProfessionalId, e.BookedBy));
        Assert.Empty(store.EventsOf<SupervisorKept>());
    }

    [Fact]
    public async Task Given_equal_loads_that_week_When_the_secretary_books_Then_the_pick_chooses_among_the_tied()
    {
        await BookOk(Request(L(2026, 5, 5, 9, 0))); // Anna, but in the week before: does not count
        picks.Clear();
        pick = n => n - 1;

        var booked = await BookOk(Request(Mon(10)));

        Assert.Equal([2], picks);
        Assert.Equal(Bertil, booked.SupervisorId); // the last of the two tied
    }

    [Fact]
    public async Task Given_today_When_the_staff_ask_for_free_times_Then_later_today_is_listed_with_who_is_free_but_nothing_past()
    {
        var times = await Free(Today);

        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.True(t.StartsAt > Now, $"{t.Start} has passed"));
        Assert.Equal(L(2026, 5, 4, 10, 30), times[0].Start);
        Assert.Equal([Anna, Bertil], times[0].FreeStaff);
        var forClients = await online.FreeTimes(UnitId, new FreeTimesQuery("advice", Modality.InPerson, Today, Today));
        Assert.Empty(forClients.Value!); // online booking starts tomorrow
    }

    [Fact]
    public async Task Given_a_booking_When_the_staff_ask_for_free_times_Then_only_the_others_are_listed_as_free_at_that_time()
    {
        var booked = await BookOk(Request(Mon(9))); // the tie goes to Anna

        var times = await Free(Monday);

        Assert.Equal(Anna, booked.SupervisorId);
        Assert.Equal([Bertil], times.Single(t => t.Start == Mon(9)).FreeStaff);
        Assert.Equal([Anna, Bertil], times.Single(t => t.Start == Mon(9, 30)).FreeStaff);
        Assert.Equal([Anna], (await Free(Monday.PlusDays(1))).Single(t => t.Start == L(2026, 5, 12, 9, 0)).FreeStaff);
    }

    [Fact]
    public async Task Given_later_today_When_the_secretary_books_it_Then_it_is_booked()
    {
        var request = Request(L(2026, 5, 4, 11, 0));

        await BookOk(request);

        Assert.Equal(Helsinki(L(2026, 5, 4, 11, 0)), BookedEvent(request.Meetings[0].AppointmentId).Start);
    }

    [Fact]
    public async Task Given_earlier_today_When_the_secretary_books_it_Then_time_in_past_on_that_meeting_and_nothing_written()
    {
        var before = Written();

        var outcome = await booking.Book(UnitId, Request(Mon(9), L(2026, 5, 4, 9, 30)), Actor);

        AssertRefused(outcome, "time_in_past", ErrorKind.Rule);
        Assert.Equal("meetings[1].start", outcome.Refusal!.Error.Field);
        Assert.Equal(before, Written());
    }

    [Theory]
    [InlineData(2026, 5, 14, "unit_closed")]     // Ascension Day
    [InlineData(2026, 6, 30, "beyond_horizon")] // the day after the eight-week horizon
    public async Task Given_a_series_with_a_day_that_cannot_be_booked_When_it_is_booked_Then_that_meeting_is_named_and_nothing_written(int year,
        int month, int day, string code)
    {
        var before = Written();

        var outcome = await booking.Book(UnitId, Request(Mon(9), L(year, month, day, 9, 0)), Actor);

        AssertRefused(outcome, code, ErrorKind.Rule);
        Assert.Equal("meetings[1].start", outcome.Refusal!.Error.Field);
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_type_not_bookable_online_When_the_secretary_books_it_Then_it_is_booked_for_its_full_length()
    {
        var request = Request(Mon(9)) with { AppointmentType = "complex" }; // 90 minutes, booked only through the secretary

        await BookOk(request);

        var e = BookedEvent(request.Meetings[0].AppointmentId);
        Assert.Equal(("complex", Helsinki(Mon(10, 30))), (e.AppointmentType, e.End));
        Assert.Contains(await Free(Monday, type: "complex"), t => t.Start == Mon(9));
    }

    // --- keeping the family's supervisor ---

    [Fact]
    public async Task Given_Bertil_is_busier_When_the_secretary_keeps_him_with_a_reason_Then_he_is_booked_and_SupervisorKept_records_the_reason()
    {
        await BookOk(Request(L(2026, 5, 13, 13, 0))); // Wednesday: Bertil only, so he has the heavier week
        var request = Request(Mon(10)) with { KeepSupervisor = Bertil, KeepReason = KeepReason.FollowUpMeeting };

        var booked = await BookOk(request);

        var id = request.Meetings[0].AppointmentId;
        Assert.Equal(Bertil, booked.SupervisorId);
        Assert.Equal(Bertil, BookedEvent(id).SupervisorId);
        Assert.Equal(new SupervisorKept(id, Bertil, KeepReason.FollowUpMeeting, Actor, Now), Assert.Single(store.EventsOf<SupervisorKept>()));
        Assert.Equal(KeepReason.FollowUpMeeting, booked.Appointments[0].Kept);
    }

    [Fact]
    public async Task Given_the_kept_supervisor_is_busy_When_the_secretary_books_Then_slot_taken_with_that_supervisors_next_free_times_only()
    {
        await BookOk(Keep(Bertil, Mon(9)));
        var before = Written();

        var outcome = await booking.Book(UnitId, Keep(Bertil, Mon(9)), Actor); // Anna is free then, but the family keeps Bertil

        AssertRefused(outcome, "slot_taken", ErrorKind.Conflict);
        var next = outcome.Refusal!.NextFreeTimes;
        Assert.NotNull(next);
        Assert.NotEmpty(next);
        Assert.All(next, f => Assert.Equal([Bertil], f.FreeStaff));
        Assert.All(next, f => Assert.True(f.Start > Mon(9)));
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_kept_supervisor_who_does_not_work_then_When_the_secretary_books_Then_not_a_bookable_time()
    {
        var outcome = await booking.Book(UnitId, Keep(Bertil, L(2026, 5, 12, 9, 0)), Actor); // Tuesday morning is Anna's

        AssertRefused(outcome, "not_a_bookable_time", ErrorKind.Rule);
        Assert.Equal("meetings[0].start", outcome.Refusal!.Error.Field);
    }

    [Fact]
    public async Task Given_a_kept_supervisor_without_a_reason_When_the_secretary_books_Then_Invalid_on_keepReason_and_nothing_written()
    {
        var before = Written();

        var outcome = await booking.Book(UnitId, Request(Mon(9)) with { KeepSupervisor = Bertil }, Actor);

        AssertInvalid(outcome, "keepReason");
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_reason_but_no_supervisor_When_the_secretary_books_Then_Invalid_on_keepSupervisor()
    {
        AssertInvalid(await booking.Book(UnitId, Request(Mon(9)) with { KeepReason = KeepReason.Safety }, Actor), "keepSupervisor");
    }

    [Fact]
    public async Task Given_the_reason_Other_without_an_explanation_When_the_secretary_books_Then_Invalid_on_keepReasonNote()
    {
        var request = Keep(Bertil, Mon(9)) with { KeepReason = KeepReason.Other, KeepReasonNote = "  " };

        AssertInvalid(await booking.Book(UnitId, request, Actor), "keepReasonNote");
        Assert.Empty(store.EventsOf<AppointmentBooked>());
    }

    [Fact]
    public async Task Given_the_reason_Other_with_an_explanation_When_the_secretary_books_Then_the_explanation_is_kept_in_the_notes_not_in_events()
    {
        const string explanation = "Isä pyysi samaa valvojaa kuin sisaruksen asiassa";
        var request = Keep(Bertil, Mon(9)) with { KeepReason = KeepReason.Other, KeepReasonNote = $" {explanation} " };

        await BookOk(request);

        var id = request.Meetings[0].AppointmentId;
        Assert.Equal(KeepReason.Other, Assert.Single(store.EventsOf<SupervisorKept>()).Reason);
        Assert.Equal(new AppointmentNotes(UnitId, id, "", "", explanation), Assert.Single(store.DocumentsOf<AppointmentNotes>()));
        Assert.DoesNotContain(store.Events, e => e.Data.ToString()!.Contains(explanation));
    }

    [Theory]
    [InlineData("11111111-0000-0000-0000-000000000004")] // Raili, retired
    [InlineData("11111111-0000-0000-0000-000000000003")] // Sirpa, the secretary
    [InlineData("11111111-0000-0000-0000-000000000005")] // Riikka, a partner service's professional
    [InlineData("99999999-0000-0000-0000-000000000000")] // nobody of the unit
    public async Task Given_someone_who_is_not_an_active_supervisor_When_the_secretary_keeps_them_Then_Invalid_on_keepSupervisor(string who)
    {
        var outcome = await booking.Book(UnitId, Keep(Guid.Parse(who), Mon(9)), Actor);

        AssertInvalid(outcome, "keepSupervisor");
        Assert.Empty(store.EventsOf<AppointmentBooked>());
    }

    [Fact]
    public async Task Given_the_family_keeps_Bertil_When_the_staff_ask_for_free_times_Then_only_his_times_are_listed()
    {
        var times = await Free(Monday.PlusDays(1), new TeamOptions(Supervisor: Bertil)); // Tuesday: Anna mornings, Bertil evening

        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.Equal([Bertil], t.FreeStaff));
        Assert.All(times, t => Assert.InRange(t.Start.TimeOfDay, new LocalTime(16, 0), new LocalTime(18, 30)));
    }

    // --- pair work ---

    [Fact]
    public async Task Given_the_second_professional_is_busy_at_a_start_When_pair_times_are_asked_and_booked_Then_that_start_is_not_offered_and_booking_it_is_refused()
    {
        await BookOk(Keep(Bertil, Mon(9)));
        var before = Written();

        var times = await Free(Monday, new TeamOptions(SecondProfessional: Bertil));
        var outcome = await booking.Book(UnitId, Pair(Bertil, Mon(9)), Actor); // Anna is free at 09:00, Bertil is not

        Assert.DoesNotContain(times, t => t.Start == Mon(9));
        Assert.Equal([Anna], times.Single(t => t.Start == Mon(9, 30)).FreeStaff); // the second professional is not the supervisor
        AssertRefused(outcome, "slot_taken", ErrorKind.Conflict);
        Assert.DoesNotContain(outcome.Refusal!.NextFreeTimes!, t => t.Start == Mon(9));
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_partner_professional_who_offered_hours_When_pair_times_are_asked_Then_only_starts_inside_those_hours_are_offered()
    {
        await OfferOk(Partner, Monday, new LocalTime(9, 0), new LocalTime(10, 0));

        var advice = await Free(Monday, new TeamOptions(SecondProfessional: Partner));
        var agreement = await Free(Monday, new TeamOptions(SecondProfessional: Partner), "agreement"); // 75 minutes do not fit in one hour
        var tuesday = await Free(Monday.PlusDays(1), new TeamOptions(SecondProfessional: Partner));

        Assert.Equal([Mon(9), Mon(9, 30)], advice.Select(t => t.Start));
        Assert.All(advice, t => Assert.Equal([Anna, Bertil], t.FreeStaff));
        Assert.Empty(agreement);
        Assert.Empty(tuesday);
        var offered = Assert.Single(store.Events, e => e.Data is HoursOffered);
        Assert.Equal(StreamIds.StaffDay(Partner, Monday), offered.StreamId);
        Assert.Equal(new HoursOffered(Partner, Monday, Helsinki(Mon(9)), Helsinki(Mon(10)), Actor, Now), offered.Data);
    }

    [Fact]
    public async Task Given_a_partner_professional_who_offered_hours_When_a_pair_meeting_is_booked_outside_them_Then_not_a_bookable_time()
    {
        await OfferOk(Partner, Monday, new LocalTime(9, 0), new LocalTime(10, 0));
        var before = Written();

        AssertRefused(await booking.Book(UnitId, Pair(Partner, Mon(10, 30)), Actor), "not_a_bookable_time", ErrorKind.Rule);
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_partner_professional_who_offered_hours_When_a_pair_meeting_is_booked_inside_them_Then_both_days_are_reserved_and_the_event_names_the_second_professional()
    {
        await OfferOk(Partner, Monday, new LocalTime(9, 0), new LocalTime(10, 0));
        var request = Pair(Partner, Mon(9));

        var booked = await BookOk(request);

        var id = request.Meetings[0].AppointmentId;
        Assert.Equal((Anna, (Guid?)Partner), (booked.SupervisorId, booked.SecondProfessionalId));
        Assert.Equal((Anna, (Guid?)Partner), (BookedEvent(id).SupervisorId, BookedEvent(id).SecondProfessionalId));
        var reserved = store.Events.Where(e => e.Data is SlotReserved).ToList();
        Assert.Equal(new HashSet<string> { StreamIds.StaffDay(Anna, Monday), StreamIds.StaffDay(Partner, Monday) },
            reserved.Select(e => e.StreamId).ToHashSet());
        Assert.All(reserved, e => Assert.Equal((id, Helsinki(Mon(9))), (((SlotReserved)e.Data).AppointmentId, ((SlotReserved)e.Data).Start)));
        Assert.Equal([Mon(9, 30)], (await Free(Monday, new TeamOptions(SecondProfessional: Partner))).Select(t => t.Start));
    }

    [Fact]
    public async Task Given_two_supervisors_When_a_pair_meeting_is_booked_Then_the_second_is_not_chosen_as_supervisor_and_both_days_are_held()
    {
        var request = Pair(Bertil, Mon(9));
        pick = n => n - 1; // would pick Bertil among both, were he a candidate

        var booked = await BookOk(request);

        Assert.Equal((Anna, (Guid?)Bertil), (booked.SupervisorId, booked.SecondProfessionalId));
        Assert.Equal(new HashSet<Guid> { Anna, Bertil }, store.EventsOf<SlotReserved>().Select(r => r.StaffId).ToHashSet());
        Assert.DoesNotContain(await Free(Monday), t => t.Start == Mon(9));
    }

    [Theory]
    [InlineData("11111111-0000-0000-0000-000000000001")] // Anna, also the kept supervisor
    [InlineData("11111111-0000-0000-0000-000000000003")] // the secretary
    [InlineData("11111111-0000-0000-0000-000000000004")] // a retired supervisor
    public async Task Given_a_second_professional_who_cannot_take_part_When_a_pair_meeting_is_booked_Then_Invalid_on_secondProfessional(string who)
    {
        var request = Keep(Anna, Mon(9)) with { SecondProfessional = Guid.Parse(who) };

        AssertInvalid(await booking.Book(UnitId, request, Actor), "secondProfessional");
        Assert.Empty(store.EventsOf<AppointmentBooked>());
    }

    [Fact]
    public async Task Given_a_pair_meeting_When_it_is_cancelled_Then_both_professionals_days_are_released()
    {
        await OfferOk(Partner, Monday, new LocalTime(9, 0), new LocalTime(10, 0));
        var request = Pair(Partner, Mon(9));
        await BookOk(request);
        var id = request.Meetings[0].AppointmentId;

        var outcome = await online.Cancel(UnitId, id, Actor);

        Assert.True(outcome.Succeeded, Describe(outcome.Refusal));
        Assert.Equal(new HashSet<string> { StreamIds.StaffDay(Anna, Monday), StreamIds.StaffDay(Partner, Monday) },
            store.Events.Where(e => e.Data is SlotReleased r && r.AppointmentId == id).Select(e => e.StreamId).ToHashSet());
        Assert.Contains(await Free(Monday, new TeamOptions(SecondProfessional: Partner)), t => t.Start == Mon(9));
    }

    [Fact]
    public async Task Given_a_pair_meeting_When_it_is_moved_online_Then_pair_meeting_and_nothing_written()
    {
        var request = Pair(Bertil, Mon(9));
        await BookOk(request);
        var before = Written();

        var outcome = await online.Move(UnitId, request.Meetings[0].AppointmentId, Mon(10), "client:test");

        AssertRefused(outcome, "pair_meeting", ErrorKind.Rule);
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_partner_professional_When_free_hours_are_offered_again_inside_earlier_ones_Then_nothing_more_is_written()
    {
        await OfferOk(Partner, Monday, new LocalTime(9, 0), new LocalTime(11, 0));

        await OfferOk(Partner, Monday, new LocalTime(9, 30), new LocalTime(10, 30));

        Assert.Single(store.EventsOf<HoursOffered>());
    }

    [Fact]
    public async Task Given_hours_that_cannot_be_offered_When_the_secretary_enters_them_Then_each_is_refused_with_its_reason()
    {
        AssertInvalid(await booking.OfferHours(UnitId, Sirpa, Monday, new LocalTime(9, 0), new LocalTime(10, 0), Actor), "staffId");
        AssertInvalid(await booking.OfferHours(UnitId, Partner, Monday, new LocalTime(10, 0), new LocalTime(10, 0), Actor), "to");
        AssertRefused(await booking.OfferHours(UnitId, Partner, new LocalDate(2026, 5, 14), new LocalTime(9, 0), new LocalTime(10, 0), Actor),
            "unit_closed", ErrorKind.Rule); // Ascension Day
        AssertRefused(await booking.OfferHours(UnitId, Partner, Today, new LocalTime(9, 0), new LocalTime(12, 0), Actor),
            "time_in_past", ErrorKind.Rule);
        Assert.Empty(store.EventsOf<HoursOffered>());
    }

    // --- moving a meeting bound to its supervisor (kept, or one of a series) ---

    [Fact]
    public async Task Given_a_meeting_that_keeps_Bertil_When_it_is_moved_to_a_time_only_Anna_is_free_Then_slot_taken_and_it_stays_with_Bertil()
    {
        var request = Keep(Bertil, Mon(9)) with { KeepReason = KeepReason.Safety };
        await BookOk(request);
        var before = Written();

        var outcome = await online.Move(UnitId, request.Meetings[0].AppointmentId, L(2026, 5, 12, 9, 0), "client:test"); // Tuesday: Anna only

        AssertRefused(outcome, "slot_taken", ErrorKind.Conflict);
        Assert.NotEmpty(outcome.Refusal!.NextFreeTimes!);
        Assert.All(outcome.Refusal.NextFreeTimes!, f => Assert.Contains(Bertil, f.FreeStaff));
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_meeting_of_a_series_with_Bertil_When_it_is_moved_to_a_time_only_Anna_is_free_Then_slot_taken()
    {
        var request = Request(Mon(9), L(2026, 5, 13, 13, 0)); // Wednesday is Bertil's, so the series is his
        Assert.Equal(Bertil, (await BookOk(request)).SupervisorId);
        var before = Written();

        var outcome = await online.Move(UnitId, request.Meetings[0].AppointmentId, L(2026, 5, 12, 9, 0), "client:test"); // Tuesday: Anna only

        AssertRefused(outcome, "slot_taken", ErrorKind.Conflict);
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_meeting_that_keeps_Bertil_When_it_is_moved_to_a_time_he_is_free_Then_it_moves_with_him()
    {
        var request = Keep(Bertil, Mon(9));
        await BookOk(request);

        var outcome = await online.Move(UnitId, request.Meetings[0].AppointmentId, L(2026, 5, 13, 13, 0), "client:test"); // Wednesday: Bertil

        Assert.True(outcome.Succeeded, Describe(outcome.Refusal));
        Assert.Equal(Bertil, Assert.Single(store.EventsOf<AppointmentMoved>()).SupervisorId);
    }

    [Fact]
    public async Task Given_a_meeting_that_keeps_Bertil_When_its_client_looks_for_a_new_time_Then_only_times_Bertil_is_free_are_offered()
    {
        var request = Keep(Bertil, Mon(9));
        await BookOk(request);
        var week = new FreeTimesQuery("advice", Modality.InPerson, Monday, Monday.PlusDays(4), request.Meetings[0].AppointmentId);

        var times = (await online.FreeTimes(UnitId, week)).Value!;

        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.Contains(Bertil, t.FreeStaff));
        Assert.DoesNotContain(times, t => t.Start.Date == Monday.PlusDays(1) && t.Start.Hour < 12); // Tuesday mornings are Anna's
    }

    // --- series ---

    [Fact]
    public async Task Given_three_weekly_meetings_When_booked_in_one_go_Then_one_supervisor_holds_them_all_with_a_shared_SeriesId_and_the_family_records_three()
    {
        var request = Request(Mon(9), Mon(9).PlusWeeks(1), Mon(9).PlusWeeks(2));

        var booked = await BookOk(request);

        var events = request.Meetings.Select(m => BookedEvent(m.AppointmentId)).ToList();
        Assert.Equal(3, booked.Appointments.Count);
        Assert.All(events, e => Assert.Equal((booked.SupervisorId, (Guid?)request.SeriesId, (Guid?)FamilyId), (e.SupervisorId, e.SeriesId, e.FamilyId)));
        var recorded = store.Events.Where(e => e.StreamId == StreamIds.Family(FamilyId)).Select(e => e.Data).OfType<FamilyMeetingBooked>().ToList();
        Assert.Equal(request.Meetings.Select(m => (m.AppointmentId, Helsinki(m.Start))), recorded.Select(r => (r.AppointmentId, r.Start)));
        Assert.Equal(request.Meetings.Select(m => m.ClientLink.Hash).Order(), store.DocumentsOf<ManageToken>().Select(t => t.TokenHash).Order());
        Assert.All(store.DocumentsOf<ManageToken>(), t => Assert.Equal(Mother, t.ClientId));
    }

    [Fact]
    public async Task Given_six_meetings_When_booked_in_one_go_Then_Invalid_on_meetings_and_nothing_written()
    {
        var before = Written();

        var outcome = await booking.Book(UnitId, Request(Enumerable.Range(0, 6).Select(w => Mon(9).PlusWeeks(w)).ToArray()), Actor);

        AssertInvalid(outcome, "meetings");
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_no_meetings_When_booked_Then_Invalid_on_meetings()
    {
        AssertInvalid(await booking.Book(UnitId, Request(), Actor), "meetings");
    }

    [Theory]
    [InlineData(9, 0, 10, 0)]  // an agreement holds 75 minutes: 09:00-10:15 overlaps 10:00
    [InlineData(9, 0, 9, 0)]   // the same time twice
    [InlineData(10, 0, 9, 30)] // given in reverse order
    public async Task Given_overlapping_meetings_When_a_series_is_booked_Then_Invalid_on_meetings_and_nothing_written(int h1, int m1, int h2, int m2)
    {
        var before = Written();

        var outcome = await booking.Book(UnitId, Request(Mon(h1, m1), Mon(h2, m2)) with { AppointmentType = "agreement" }, Actor);

        AssertInvalid(outcome, "meetings");
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_one_of_the_times_is_taken_When_a_series_is_booked_Then_slot_taken_and_nothing_at_all_is_written()
    {
        await BookOk(Keep(Bertil, L(2026, 5, 13, 13, 0))); // Wednesday: Bertil is the only one
        var before = Written();

        var outcome = await booking.Book(UnitId, Request(Mon(9), L(2026, 5, 13, 13, 0), L(2026, 5, 15, 9, 0)), Actor);

        AssertRefused(outcome, "slot_taken", ErrorKind.Conflict);
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_time_nobody_can_take_in_a_series_When_it_is_booked_Then_not_a_bookable_time_names_that_meeting()
    {
        var outcome = await booking.Book(UnitId, Request(Mon(9).PlusWeeks(1), L(2026, 5, 12, 13, 0)), Actor); // Tuesday 13:00: nobody works

        AssertRefused(outcome, "not_a_bookable_time", ErrorKind.Rule);
        Assert.Equal("meetings[1].start", outcome.Refusal!.Error.Field);
        Assert.Empty(store.EventsOf<AppointmentBooked>());
    }

    [Fact]
    public async Task Given_no_supervisor_is_free_at_all_the_times_When_a_series_is_booked_Then_no_common_supervisor_and_nothing_written()
    {
        var before = Written();

        var outcome = await booking.Book(UnitId, Request(L(2026, 5, 12, 9, 0), L(2026, 5, 13, 13, 0)), Actor); // Anna's, then Bertil's

        AssertRefused(outcome, "no_common_supervisor", ErrorKind.Conflict);
        Assert.Equal("meetings", outcome.Refusal!.Error.Field);
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_one_supervisor_free_at_every_time_When_a_series_is_booked_Then_that_supervisor_gets_it_whatever_the_load()
    {
        await BookOk(Request(L(2026, 5, 13, 12, 0))); // Bertil has the heavier week
        pick = _ => 0;

        var booked = await BookOk(Request(Mon(9), L(2026, 5, 13, 13, 0))); // Monday both, Wednesday Bertil only

        Assert.Equal(Bertil, booked.SupervisorId);
    }

    [Fact]
    public async Task Given_two_meetings_on_one_day_When_a_series_is_booked_Then_both_are_reserved_in_the_one_staff_day_stream()
    {
        var request = Request(Mon(10), Mon(9));

        var booked = await BookOk(request);

        var day = store.Events.Where(e => e.StreamId == StreamIds.StaffDay(booked.SupervisorId, Monday)).ToList();
        Assert.Equal([1L, 2L], day.Select(e => e.Version));
        Assert.Equal(new HashSet<Guid>(request.Meetings.Select(m => m.AppointmentId)),
            day.Select(e => ((SlotReserved)e.Data).AppointmentId).ToHashSet());
        Assert.Equal(2, store.EventsOf<SlotReserved>().Count());
    }

    [Fact]
    public async Task Given_a_competitor_takes_the_chosen_supervisors_second_time_before_the_save_When_the_series_saves_Then_it_retries_with_the_other_supervisor_and_nothing_of_the_first_try_is_written()
    {
        var competitor = Keep(Anna, Mon(10));
        store.BeforeNextCommit = async () => Assert.True((await booking.Book(UnitId, competitor, Actor)).Succeeded);
        pick = _ => 0; // the first try takes Anna

        var booked = await BookOk(Request(Mon(9), Mon(10)));

        Assert.Equal(Bertil, booked.SupervisorId);
        Assert.Equal([competitor.Meetings[0].AppointmentId],
            store.EventsOf<SlotReserved>().Where(r => r.StaffId == Anna).Select(r => r.AppointmentId));
        Assert.Equal(3, store.EventsOf<AppointmentBooked>().Count());
        Assert.Equal(3, store.EventsOf<FamilyMeetingBooked>().Count());
    }

    // --- the family and both parents ---

    [Fact]
    public async Task Given_a_joint_meeting_When_it_is_booked_Then_the_other_parent_is_invited_to_each_meeting_with_an_own_link()
    {
        var request = Request(Mon(9), Mon(9).PlusWeeks(1)) with { OtherParentClientId = Father };

        await BookOk(request);

        Assert.Equal(request.Meetings.Select(m => new OtherParentInvited(m.AppointmentId, Father, Now)), store.EventsOf<OtherParentInvited>());
        Assert.Equal(request.Meetings.Select(m => new InvitationToken(UnitId, m.AppointmentId, Father, m.OtherParentLink!.Hash, m.OtherParentLink.Sealed)),
            store.DocumentsOf<InvitationToken>());
    }

    [Fact]
    public async Task Given_a_meeting_for_one_parent_When_it_is_booked_Then_nobody_is_invited()
    {
        await BookOk(Request(Mon(9)));

        Assert.Empty(store.EventsOf<OtherParentInvited>());
        Assert.Empty(store.DocumentsOf<InvitationToken>());
    }

    [Fact]
    public async Task Given_an_other_parent_who_is_not_of_the_family_When_a_joint_meeting_is_booked_Then_Invalid_on_otherParentClientId()
    {
        var before = Written();

        AssertInvalid(await booking.Book(UnitId, Request(Mon(9)) with { OtherParentClientId = Stranger }, Actor), "otherParentClientId");
        AssertInvalid(await booking.Book(UnitId, Request(Mon(9)) with { OtherParentClientId = Mother }, Actor), "otherParentClientId");
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_client_who_is_not_a_parent_of_the_family_When_the_secretary_books_Then_Invalid_on_clientId()
    {
        AssertInvalid(await booking.Book(UnitId, Request(Mon(9)) with { ClientId = Stranger }, Actor), "clientId");
        Assert.Empty(store.EventsOf<AppointmentBooked>());
    }

    [Fact]
    public async Task Given_a_family_whose_contact_was_never_logged_When_the_secretary_books_Then_family_not_found()
    {
        AssertRefused(await booking.Book(UnitId, Request(Mon(9)) with { FamilyId = Guid.NewGuid() }, Actor), "family_not_found", ErrorKind.NotFound);
        Assert.Empty(store.EventsOf<AppointmentBooked>());
    }

    // --- video meetings ---

    [Theory]
    [InlineData("http://meet.example.fi/room-1")]
    [InlineData("https://meet.example.fi/room\u0007-1")]
    [InlineData("https://meet.example.fi/room 1")]
    [InlineData("meet.example.fi/room-1")]
    [InlineData("https://localhost/room-1")]
    public async Task Given_a_video_meeting_without_a_valid_https_link_When_it_is_booked_Then_Invalid_on_videoLink_and_nothing_written(string link)
    {
        var before = Written();

        var outcome = await booking.Book(UnitId, Request(Mon(9)) with { Modality = Modality.Video, VideoLink = link }, Actor);

        AssertInvalid(outcome, "videoLink");
        Assert.Equal(before, Written());
    }

    [Fact]
    public async Task Given_a_video_meeting_without_a_link_yet_When_it_is_booked_Then_it_is_booked_with_no_notes()
    {
        await BookOk(Request(Mon(9)) with { Modality = Modality.Video });

        Assert.Equal(Modality.Video, Assert.Single(store.EventsOf<AppointmentBooked>()).Modality);
        Assert.Empty(store.DocumentsOf<AppointmentNotes>());
    }

    [Fact]
    public async Task Given_an_in_person_meeting_with_a_bad_link_When_it_is_booked_Then_Invalid_on_videoLink()
    {
        AssertInvalid(await booking.Book(UnitId, Request(Mon(9)) with { VideoLink = "ftp://files.example.fi" }, Actor), "videoLink");
    }

    [Fact]
    public async Task Given_a_video_meeting_with_its_link_and_a_note_When_it_is_booked_Then_they_are_kept_in_the_notes_and_no_event_holds_them_or_a_name()
    {
        const string link = "https://meet.example.fi/room-4711?pwd=kissa123";
        const string note = "Maija tuo päiväkodin lausunnon mukanaan";
        var request = Request(Mon(9), Mon(9).PlusWeeks(1)) with
        {
            Modality = Modality.Video, VideoLink = $" {link} ", PreparationNote = note, OtherParentClientId = Father,
        };

        await BookOk(request);

        Assert.Equal(request.Meetings.Select(m => new AppointmentNotes(UnitId, m.AppointmentId, link, note, "")), store.DocumentsOf<AppointmentNotes>());
        Assert.All(store.EventsOf<AppointmentBooked>(), e => Assert.Equal(Modality.Video, e.Modality));
        var printed = store.Events.Select(e => $"{e.EventName} {e.Data}").ToList();
        foreach (var secret in new[] { "meet.example.fi", "kissa123", "päiväkodin", MothersName, FathersName, "Maija", "Matti", "maija@example.fi" })
            Assert.DoesNotContain(printed, p => p.Contains(secret, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(printed, p => Regex.IsMatch(p, "^appointment_booked .*Modality = Video")); // the printing shows what events hold
    }

    [Fact]
    public async Task Given_the_secretarys_form_sent_twice_with_the_same_key_When_the_second_arrives_Then_it_answers_the_meetings_the_first_booked_and_books_nothing_more()
    {
        var withLinks = new CentralBooking(store, new FixedConfiguration(Config()), new InMemoryReservations(store), new InMemoryOfferedHours(store),
            clock, _ => 0, InMemoryLinks.Links());
        var form = new CentralBookingInput(FamilyId, "advice", Modality.InPerson, [Mon(9), Mon(10)], Mother, Joint: true, IdempotencyKey: "form-1");

        var first = await withLinks.Book(UnitId, form, Actor);
        var second = await withLinks.Book(UnitId, form, Actor);

        Assert.True(first.Succeeded, first.Refusal?.Error.ToString());
        Assert.True(second.Succeeded, second.Refusal?.Error.ToString());
        Assert.False(first.Value!.Replayed);
        Assert.True(second.Value!.Replayed);
        Assert.Equal(first.Value.Appointments.Select(a => a.Id), second.Value.Appointments.Select(a => a.Id));
        Assert.All(first.Value.Appointments, a => Assert.Equal(Father, a.OtherParentClientId));
        Assert.Equal(2, store.EventsOf<AppointmentBooked>().Count());
        Assert.Equal(2, store.DocumentsOf<ManageToken>().Count());
    }
}
