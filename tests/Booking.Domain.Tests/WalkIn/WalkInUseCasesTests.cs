// The walk-in use cases against the in-memory event store and a fake clock: kiosk, display, phone, supervisor.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Tests.Support;
using Booking.Domain.WalkIn;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;
using static Booking.Domain.Tests.WalkIn.WalkInTestSession;

namespace Booking.Domain.Tests.WalkIn;

public class WalkInUseCasesTests
{
    private readonly FakeClock clock = new(At(9));
    private readonly InMemoryEventStore store;
    private readonly WalkInUseCases walkIn;

    public WalkInUseCasesTests()
    {
        store = new InMemoryEventStore(clock);
        walkIn = new WalkInUseCases(store, new FixedConfiguration(Config() with { WalkIn = Settings(Anna) }), clock, _ => TimeSpan.Zero);
    }

    private void Now(LocalDateTime local) => clock.Reset(Helsinki(local));

    private async Task<IssuedTicket> Issue(string code, WalkInMatter matter = WalkInMatter.Advice)
    {
        var outcome = await walkIn.IssueTicket(UnitId, matter, Language.En, code);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.True(outcome.Value!.Issued, outcome.Value.NotIssued?.ToString());
        return outcome.Value.Ticket!;
    }

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        return outcome.Value!;
    }

    [Fact]
    public async Task Given_a_walk_in_Thursday_When_today_is_asked_for_twice_Then_the_session_is_opened_once()
    {
        var first = Ok(await walkIn.Today(UnitId));
        Ok(await walkIn.Today(UnitId));

        Assert.Equal((Day, new LocalTime(8, 0), new LocalTime(12, 0)), (first.Date, first.Opens, first.Closes));
        Assert.Single(store.EventsOf<WalkInOpened>());
        Assert.Equal(StreamIds.WalkInSession(Day), store.Events.Single().StreamId);
        Assert.Equal("walkin-2026-11-26", StreamIds.WalkInSession(Day));
        Assert.Equal("walk_in_session", StreamIds.WalkInSessionType);
    }

    [Fact]
    public async Task Given_a_Wednesday_When_today_is_asked_for_Then_no_walk_in_today_and_nothing_is_written()
    {
        Now(L(2026, 11, 25, 9));

        var outcome = await walkIn.Today(UnitId);

        Assert.Equal("no_walk_in_today", outcome.Refusal!.Error.Code);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_the_first_kiosk_request_of_the_day_When_a_ticket_is_issued_Then_the_session_opens_and_number_1_is_given_in_one_append()
    {
        var ticket = await Issue("abc");

        Assert.Equal(new IssuedTicket(1, "abc", WalkInMatter.Advice, Language.En, 0, Duration.Zero, new LocalTime(9, 0), Replayed: false), ticket);
        Assert.Equal(["walk_in_opened", "walk_in_ticket_issued"], store.Events.Select(e => e.EventName));
        Assert.Equal([1L, 2L], store.Events.Select(e => e.Version));
    }

    [Fact]
    public async Task Given_an_issued_ticket_When_the_kiosk_repeats_the_request_Then_the_same_number_is_replayed()
    {
        await Issue("abc");

        var again = await Issue("abc");

        Assert.Equal((1, true), (again.Number, again.Replayed));
        Assert.Single(store.EventsOf<TicketIssued>());
    }

    [Fact]
    public async Task Given_a_full_queue_When_a_number_is_asked_for_Then_it_is_not_issued_the_refusal_is_recorded_and_alternatives_are_offered()
    {
        Now(L(2026, 11, 26, 11, 5));
        await Issue("a");
        await Issue("b");

        var answer = Ok(await walkIn.IssueTicket(UnitId, WalkInMatter.Agreement, Language.Fi, "c"));

        Assert.False(answer.Issued);
        Assert.Equal("queue_full", answer.NotIssued!.Code);
        Assert.Equal(new NextWalkIn(new LocalDate(2026, 12, 3), new LocalTime(8, 0), new LocalTime(12, 0)), answer.Alternatives!.NextWalkIn);
        Assert.Equal(new PhoneHoursNow(true, new LocalTime(12, 0), L(2026, 11, 30, 9, 0)), answer.Alternatives.PhoneHours);
        var refused = Assert.Single(store.EventsOf<TicketRefused>());
        Assert.Equal(RefusalReasons.QueueFull, refused.Reason);
        Assert.InRange(refused.EstimatedWait.TotalMinutes, 55, 60);   // two 30-minute visits ahead: past 12:00
    }

    [Fact]
    public async Task Given_intake_closed_by_staff_When_a_number_is_asked_for_Then_intake_closed_and_it_is_counted()
    {
        Ok(await walkIn.CloseIntake(UnitId, "supervisor called away", "staff:anna"));

        var answer = Ok(await walkIn.IssueTicket(UnitId, WalkInMatter.Advice, Language.Fi, "c"));

        Assert.Equal("intake_closed", answer.NotIssued!.Code);
        Assert.Equal(1, (await walkIn.Figures(UnitId, Day)).RefusedByReason["intake_closed"]);
    }

    [Fact]
    public async Task Given_the_window_has_not_opened_When_a_number_is_asked_for_Then_not_open_and_the_kiosk_points_to_this_mornings_session()
    {
        Now(L(2026, 11, 26, 7, 30));

        var answer = Ok(await walkIn.IssueTicket(UnitId, WalkInMatter.Advice, Language.Fi, "early"));

        Assert.Equal("walk_in_not_open", answer.NotIssued!.Code);
        Assert.Equal(Day, answer.Alternatives!.NextWalkIn!.Date);
        Assert.Equal(new PhoneHoursNow(false, null, L(2026, 11, 26, 9, 0)), answer.Alternatives.PhoneHours);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_Ascension_Day_When_a_number_is_asked_for_Then_unit_closed_and_the_next_walk_in_is_a_week_later()
    {
        Now(L(2026, 5, 14, 9, 0));

        var answer = Ok(await walkIn.IssueTicket(UnitId, WalkInMatter.Advice, Language.Fi, "holiday"));

        Assert.Equal("unit_closed", answer.NotIssued!.Code);
        Assert.Equal(new LocalDate(2026, 5, 21), answer.Alternatives!.NextWalkIn!.Date);
        Assert.Equal(L(2026, 5, 18, 9, 0), answer.Alternatives.PhoneHours.NextOpening);   // not on the holiday, not on Friday
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_an_empty_code_When_a_number_is_asked_for_Then_invalid_input()
    {
        var outcome = await walkIn.IssueTicket(UnitId, WalkInMatter.Advice, Language.Fi, "");

        Assert.Equal(ErrorKind.Invalid, outcome.Refusal!.Error.Kind);
    }

    [Fact]
    public async Task Given_a_waiting_ticket_When_the_supervisor_calls_starts_and_completes_Then_the_board_phone_and_figures_follow()
    {
        await Issue("one");
        await Issue("two", WalkInMatter.Paternity);

        clock.Advance(Duration.FromMinutes(2));
        var called = Ok(await walkIn.CallNext(UnitId, Anna));
        Assert.Equal((1, TicketStatus.Called, RoomA, Duration.FromMinutes(2)), (called.Number, called.Status, called.Room, called.Waited));
        Assert.Equal(RoomA, Ok(await walkIn.TicketView(UnitId, "one")).Room);

        var board = await walkIn.Board(UnitId);
        Assert.Equal([new BoardNumber(1, RoomA, InVisit: false)], board.BeingServed);
        Assert.Equal([2], board.NextNumbers);
        Assert.Equal((1, true), (board.Waiting, board.GivingNumbers));

        Assert.Equal(TicketStatus.InVisit, Ok(await walkIn.Start(UnitId, Anna, 1)).Status);
        clock.Advance(Duration.FromMinutes(20));
        var second = Ok(await walkIn.TicketView(UnitId, "two"));
        Assert.Equal(0, second.PeopleAhead);
        Assert.InRange(second.EstimatedWait!.Value.TotalMinutes, 8, 14);   // a 30-minute visit 20 minutes under way
        Assert.InRange(second.EstimatedStart!.Value, new LocalTime(9, 30), new LocalTime(9, 36));

        var done = Ok(await walkIn.Complete(UnitId, Anna, 1, VisitOutcome.AdviceGiven));
        Assert.Equal((TicketStatus.Done, VisitOutcome.AdviceGiven), (done.Status, done.Outcome));

        var figures = await walkIn.Figures(UnitId, Day);
        Assert.Equal((2, 1), (figures.Issued, figures.Served));
        Assert.Equal(Duration.FromMinutes(20), figures.VisitLengths.Median);
    }

    [Fact]
    public async Task Given_a_called_number_When_the_supervisor_marks_a_no_show_too_early_Then_grace_not_over_and_later_it_is_accepted()
    {
        await Issue("one");
        Ok(await walkIn.CallNext(UnitId, Anna));

        clock.Advance(Duration.FromMinutes(3));
        Assert.Equal("grace_not_over", (await walkIn.NoShow(UnitId, Anna, 1)).Refusal!.Error.Code);
        Ok(await walkIn.Recall(UnitId, Anna, 1));
        clock.Advance(Duration.FromMinutes(5));

        Assert.Equal(TicketStatus.NoShow, Ok(await walkIn.NoShow(UnitId, Anna, 1)).Status);
    }

    [Fact]
    public async Task Given_a_waiting_ticket_When_the_parent_withdraws_from_the_phone_Then_it_leaves_the_queue()
    {
        await Issue("one");
        await Issue("two");

        var view = Ok(await walkIn.Withdraw(UnitId, "one"));

        Assert.Equal(TicketStatus.Withdrawn, view.Status);
        Assert.Equal(0, Ok(await walkIn.TicketView(UnitId, "two")).PeopleAhead);
        Assert.Equal(2, Ok(await walkIn.CallNext(UnitId, Anna)).Number);
    }

    [Fact]
    public async Task Given_an_unknown_code_When_the_phone_view_is_asked_for_Then_ticket_not_found() =>
        Assert.Equal(ErrorKind.NotFound, (await walkIn.TicketView(UnitId, "nope")).Refusal!.Error.Kind);

    [Fact]
    public async Task Given_a_second_supervisor_added_to_duty_When_both_call_Then_the_estimate_halves_and_calls_go_to_both_rooms()
    {
        foreach (var code in new[] { "a", "b", "c", "d" }) await Issue(code);
        var alone = (await walkIn.Board(UnitId)).EstimatedWait;

        Ok(await walkIn.AddToDuty(UnitId, Bertil, null, "manager"));
        var pair = (await walkIn.Board(UnitId)).EstimatedWait;

        Assert.InRange(alone!.Value.TotalMinutes, 110, 125);   // four 30-minute visits ahead
        Assert.InRange(pair!.Value.TotalMinutes, 45, 62);      // the earlier of two supervisors after two visits each
        Assert.Equal(RoomA, Ok(await walkIn.CallNext(UnitId, Anna)).Room);
        Assert.Equal((2, RoomB), (Ok(await walkIn.CallNext(UnitId, Bertil)) is var b ? (b.Number, b.Room) : default));
    }

    [Fact]
    public async Task Given_a_secretary_When_she_is_added_to_walk_in_duty_Then_invalid_input_and_nothing_is_written()
    {
        var outcome = await walkIn.AddToDuty(UnitId, Sirpa, "C 1", "manager");

        Assert.Equal(ErrorKind.Invalid, outcome.Refusal!.Error.Kind);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_nothing_happened_today_When_the_board_is_shown_Then_it_shows_the_session_without_writing()
    {
        var board = await walkIn.Board(UnitId);

        Assert.Equal((true, true, 0, Duration.Zero), (board.SessionToday, board.GivingNumbers, board.Waiting, board.EstimatedWait));
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_a_day_without_walk_in_When_the_board_is_shown_Then_it_shows_the_next_walk_in()
    {
        Now(L(2026, 11, 27, 9, 0));

        var board = await walkIn.Board(UnitId);

        Assert.False(board.SessionToday);
        Assert.Equal(new LocalDate(2026, 12, 3), board.NextWalkIn!.Date);
    }

    [Fact]
    public async Task Given_a_competing_kiosk_between_fetch_and_save_When_a_ticket_is_issued_Then_it_retries_and_both_get_their_own_numbers()
    {
        await walkIn.Today(UnitId);
        // The competitor is served by another instance of the service: within one instance writes take turns.
        var otherInstance = new WalkInUseCases(store, new FixedConfiguration(Config() with { WalkIn = Settings(Anna) }), clock, _ => TimeSpan.Zero);
        store.BeforeNextCommit = async () =>
            Assert.True((await otherInstance.IssueTicket(UnitId, WalkInMatter.Advice, Language.En, "competitor")).Value!.Issued);

        var mine = await Issue("mine");

        Assert.Equal(2, mine.Number);
        Assert.Equal([1, 2], store.EventsOf<TicketIssued>().Select(e => e.Number));
    }

    [Fact]
    public async Task Given_fifty_kiosk_requests_at_once_at_opening_on_five_instances_When_they_race_Then_the_numbers_the_morning_holds_are_issued_once_each_and_the_rest_refused()
    {
        Now(L(2026, 11, 26, 8, 0));
        var retries = 0;
        // Five instances of the service behind a load balancer: each takes its writes in turn, and they race each other.
        var instances = Enumerable.Range(0, 5).Select(_ => new WalkInUseCases(new YieldingEventStore(store),
            new FixedConfiguration(Config() with { WalkIn = Settings(Anna) }), clock,
            attempt => { Interlocked.Increment(ref retries); return TimeSpan.FromMilliseconds(attempt % 3); })).ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => instances[i % instances.Count].IssueTicket(UnitId, WalkInMatter.Advice, Language.Fi, $"k{i}"))));

        Assert.All(answers, a => Assert.True(a.Succeeded, a.Refusal?.Error.ToString()));
        var issued = answers.Count(a => a.Value!.Issued);
        Assert.InRange(issued, 8, 9);   // 30-minute visits from 08:00 to 12:00
        Assert.Equal(Enumerable.Range(1, issued), answers.Where(a => a.Value!.Issued).Select(a => a.Value!.Ticket!.Number).Order());
        Assert.Equal(50 - issued, store.EventsOf<TicketRefused>().Count());
        Assert.Single(store.EventsOf<WalkInOpened>());
        Assert.True(retries > 0, "the requests never raced, so the test proved nothing");
    }

    [Fact]
    public async Task Given_Ascension_Day_and_Christmas_Eve_When_the_next_walk_in_is_asked_for_Then_those_Thursdays_are_skipped()
    {
        Assert.Equal(new LocalDate(2026, 5, 21), (await walkIn.NextWalkIn(UnitId, L(2026, 5, 13, 12, 0)))!.Date);
        Assert.Equal(new LocalDate(2026, 12, 31), (await walkIn.NextWalkIn(UnitId, L(2026, 12, 17, 12, 0)))!.Date);
        Assert.Equal(new LocalDate(2026, 12, 17), (await walkIn.NextWalkIn(UnitId, L(2026, 12, 17, 11, 59)))!.Date);
    }
}
