// The walk-in rules as given events / when command / then events.
using Booking.Domain.Configuration;
using Booking.Domain.WalkIn;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;
using static Booking.Domain.Tests.WalkIn.WalkInTestSession;

namespace Booking.Domain.Tests.WalkIn;

public class WalkInDeciderTests
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    private static OpenWalkIn Open(LocalDate date, string? closedBecause = null, WalkInSettings? settings = null) =>
        new(date, settings ?? Settings(), Zone, closedBecause, At(7, 55));

    private static IssueTicket Issue(string code, Instant now, WalkInMatter matter = WalkInMatter.Advice) => new(matter, Language.Sv, code, now);

    // --- opening ---

    [Fact]
    public void Given_no_session_When_it_is_opened_on_the_walk_in_Thursday_Then_WalkInOpened_with_the_window_in_Helsinki_time()
    {
        var opened = Single<WalkInOpened>(WalkInDecider.Decide(Open(Day), WalkInSession.Initial));

        Assert.Equal(Opened() with { OnDuty = opened.OnDuty }, opened);
        Assert.Equal([new SupervisorOnDuty(Anna, RoomA)], opened.OnDuty);
        Assert.Equal(Instant.FromUtc(2026, 11, 26, 6, 0), opened.Opens);
        Assert.Equal(Instant.FromUtc(2026, 11, 26, 10, 0), opened.Closes);
    }

    [Fact]
    public void Given_no_session_When_it_is_opened_on_a_Wednesday_Then_no_walk_in_today() =>
        AssertError(WalkInDecider.Decide(Open(Day.PlusDays(-1)), WalkInSession.Initial), "no_walk_in_today");

    [Fact]
    public void Given_Ascension_Day_2026_a_Thursday_When_the_session_is_opened_Then_unit_closed()
    {
        var ascension = new LocalDate(2026, 5, 14);
        Assert.Equal(IsoDayOfWeek.Thursday, ascension.DayOfWeek);

        AssertError(WalkInDecider.Decide(Open(ascension, Config().ClosedBecause(ascension)), WalkInSession.Initial), "unit_closed");
    }

    [Fact]
    public void Given_Christmas_Eve_2026_a_Thursday_When_the_session_is_opened_Then_unit_closed()
    {
        var christmasEve = new LocalDate(2026, 12, 24);
        Assert.Equal(IsoDayOfWeek.Thursday, christmasEve.DayOfWeek);

        AssertError(WalkInDecider.Decide(Open(christmasEve, Config().ClosedBecause(christmasEve)), WalkInSession.Initial), "unit_closed");
    }

    [Fact]
    public void Given_a_unit_closure_on_the_Thursday_When_the_session_is_opened_Then_unit_closed()
    {
        var config = Config([new Closure(Day, Day, "Training day")]);

        AssertError(WalkInDecider.Decide(Open(Day, config.ClosedBecause(Day)), WalkInSession.Initial), "unit_closed");
    }

    [Fact]
    public void Given_an_open_session_When_it_is_opened_again_Then_no_events() =>
        AssertNothing(WalkInDecider.Decide(Open(Day), Given(Opened())));

    [Fact]
    public void Given_no_session_When_a_ticket_is_asked_for_Then_no_session() =>
        AssertError(WalkInDecider.Decide(Issue("c", At(9)), WalkInSession.Initial), "no_session");

    // --- intake ---

    [Fact]
    public void Given_an_open_session_When_the_first_ticket_is_issued_Then_it_gets_number_1_with_no_wait()
    {
        var issued = Single<TicketIssued>(WalkInDecider.Decide(Issue("c1", At(8, 5), WalkInMatter.Paternity), Given(Opened())));

        Assert.Equal(new TicketIssued(1, "c1", WalkInMatter.Paternity, Language.Sv, 0, Duration.Zero, At(8, 5)), issued);
    }

    [Fact]
    public void Given_one_waiting_When_a_ticket_is_issued_Then_it_gets_the_next_number_one_person_ahead_and_one_visit_of_wait()
    {
        var issued = Single<TicketIssued>(WalkInDecider.Decide(Issue("c2", At(8, 10)), Given(Opened(), Issued(1, At(8, 5)))));

        Assert.Equal((2, 1), (issued.Number, issued.PeopleAhead));
        Assert.InRange(issued.EstimatedWait.TotalMinutes, 25, 32);   // about one 30-minute visit
    }

    [Fact]
    public void Given_an_issued_ticket_When_the_same_code_is_issued_again_Then_no_events() =>
        AssertNothing(WalkInDecider.Decide(Issue("code-1", At(8, 6)), Given(Opened(), Issued(1, At(8, 5)))));

    [Fact]
    public void Given_an_open_session_When_a_ticket_is_asked_for_before_the_window_Then_walk_in_not_open() =>
        AssertError(WalkInDecider.Decide(Issue("c", At(7, 59)), Given(Opened())), "walk_in_not_open");

    [Theory]
    [InlineData(12, 0)]
    [InlineData(13, 30)]
    public void Given_an_open_session_When_a_ticket_is_asked_for_at_or_after_closing_Then_walk_in_closed(int hour, int minute) =>
        AssertError(WalkInDecider.Decide(Issue("c", At(hour, minute)), Given(Opened())), "walk_in_closed");

    // With one waiting and nobody served yet, the new ticket's wait is about one configured visit (the same at any time).
    private static Duration OneVisitAhead => WaitEstimate.For(Given(Opened(), Issued(1, At(11, 0))), At(11, 0))!.NewTicketWait;

    [Fact]
    public void Given_one_waiting_When_a_ticket_is_asked_for_a_second_before_its_visit_would_start_at_closing_Then_it_is_issued()
    {
        var asked = At(12) - OneVisitAhead - Duration.FromSeconds(1);

        var issued = Single<TicketIssued>(WalkInDecider.Decide(Issue("late", asked), Given(Opened(), Issued(1, At(11, 0)))));

        Assert.Equal(OneVisitAhead, issued.EstimatedWait);
        Assert.InRange(OneVisitAhead.TotalMinutes, 25, 32);
    }

    [Fact]
    public void Given_one_waiting_When_a_ticket_is_asked_for_when_its_visit_would_start_at_closing_Then_TicketRefused()
    {
        var asked = At(12) - OneVisitAhead;

        var refused = Single<TicketRefused>(WalkInDecider.Decide(Issue("late", asked, WalkInMatter.Agreement),
            Given(Opened(), Issued(1, At(11, 0)))));

        Assert.Equal(new TicketRefused(WalkInMatter.Agreement, RefusalReasons.QueueFull, OneVisitAhead, "late", asked), refused);
    }

    [Fact]
    public void Given_a_visit_under_way_When_its_remaining_time_pushes_the_start_past_closing_Then_TicketRefused()
    {
        // Anna started at 11:20 (10 min left at 11:50); one waits (until 12:00): a new visit could start at 12:30 at best.
        var state = Given([Opened(), Issued(1, At(11, 0)), new TicketCalled(1, Anna, RoomA, At(11, 20)), new VisitStarted(1, Anna, At(11, 20)),
            Issued(2, At(11, 10))]);

        Assert.Equal(RefusalReasons.QueueFull, Single<TicketRefused>(WalkInDecider.Decide(Issue("x", At(11, 25)), state)).Reason);
    }

    [Fact]
    public void Given_a_refused_request_When_it_is_repeated_Then_no_events_so_it_is_counted_once()
    {
        var state = Given(Opened(), Issued(1, At(11, 0)),
            new TicketRefused(WalkInMatter.Advice, RefusalReasons.QueueFull, Duration.FromMinutes(30), "late", At(11, 30)));

        AssertNothing(WalkInDecider.Decide(Issue("late", At(11, 31)), state));
    }

    [Fact]
    public void Given_intake_closed_by_staff_When_a_ticket_is_asked_for_within_the_window_Then_TicketRefused_as_closed()
    {
        var state = Given(Opened(), new IntakeClosed(At(10), "supervisor called away"));

        Assert.Equal(RefusalReasons.StaffClosedIntake, Single<TicketRefused>(WalkInDecider.Decide(Issue("c", At(10, 5)), state)).Reason);
    }

    [Fact]
    public void Given_an_empty_code_When_a_ticket_is_asked_for_Then_ticket_code_invalid() =>
        AssertError(WalkInDecider.Decide(Issue(" ", At(9)), Given(Opened())), "ticket_code_invalid");

    [Fact]
    public void Given_nobody_on_duty_When_a_ticket_is_asked_for_Then_TicketRefused_since_no_visit_can_start()
    {
        var state = Given(Opened() with { OnDuty = [] });

        Assert.Equal(RefusalReasons.QueueFull, Single<TicketRefused>(WalkInDecider.Decide(Issue("c", At(9)), state)).Reason);
    }

    [Fact]
    public void Given_an_open_intake_When_staff_close_it_Then_IntakeClosed_and_closing_again_gives_no_events()
    {
        var closed = Single<IntakeClosed>(WalkInDecider.Decide(new CloseIntake("ill", At(10)), Given(Opened())));

        Assert.Equal(new IntakeClosed(At(10), "ill"), closed);
        AssertNothing(WalkInDecider.Decide(new CloseIntake("ill", At(10, 1)), Given(Opened(), closed)));
    }

    // --- calling ---

    [Fact]
    public void Given_three_waiting_When_the_supervisor_calls_next_Then_the_lowest_number_is_called_to_her_room()
    {
        var state = Given(Opened(), Issued(1, At(8)), Issued(2, At(8, 1)), Issued(3, At(8, 2)));

        Assert.Equal(new TicketCalled(1, Anna, RoomA, At(8, 5)), Single<TicketCalled>(WalkInDecider.Decide(new CallNext(Anna, At(8, 5)), state)));
    }

    [Fact]
    public void Given_the_first_number_withdrew_When_the_supervisor_calls_next_Then_the_next_in_order_is_called()
    {
        var state = Given([Opened(), Issued(1, At(8)), Issued(2, At(8, 1)), Issued(3, At(8, 2)), new TicketWithdrawn(1, At(8, 3)),
            .. Served(2, Anna, At(8, 4), 10)]);

        Assert.Equal(3, Single<TicketCalled>(WalkInDecider.Decide(new CallNext(Anna, At(8, 20)), state)).Number);
    }

    [Fact]
    public void Given_nobody_waiting_When_the_supervisor_calls_next_Then_queue_empty() =>
        AssertError(WalkInDecider.Decide(new CallNext(Anna, At(9)), Given(Opened())), "queue_empty");

    [Fact]
    public void Given_the_supervisor_has_a_called_number_When_she_calls_next_Then_already_serving()
    {
        var state = Given(Opened(), Issued(1, At(8)), Issued(2, At(8, 1)), new TicketCalled(1, Anna, RoomA, At(8, 5)));

        AssertError(WalkInDecider.Decide(new CallNext(Anna, At(8, 6)), state), "already_serving");
    }

    [Fact]
    public void Given_two_supervisors_on_duty_When_both_call_next_Then_the_numbers_go_to_both_rooms_in_order()
    {
        var state = Given(Opened(Anna, Bertil), Issued(1, At(8)), Issued(2, At(8, 1)), Issued(3, At(8, 2)));

        var first = Single<TicketCalled>(WalkInDecider.Decide(new CallNext(Bertil, At(8, 5)), state));
        var second = Single<TicketCalled>(WalkInDecider.Decide(new CallNext(Anna, At(8, 5)), WalkInSession.Evolve(state, first)));

        Assert.Equal(new TicketCalled(1, Bertil, RoomB, At(8, 5)), first);
        Assert.Equal(new TicketCalled(2, Anna, RoomA, At(8, 5)), second);
    }

    [Fact]
    public void Given_a_supervisor_not_on_duty_When_she_calls_next_Then_not_on_duty() =>
        AssertError(WalkInDecider.Decide(new CallNext(Bertil, At(8, 5)), Given(Opened(), Issued(1, At(8)))), "not_on_duty");

    [Fact]
    public void Given_a_supervisor_added_to_duty_When_she_calls_next_Then_the_number_goes_to_her_room()
    {
        var added = Single<SupervisorAddedToDuty>(WalkInDecider.Decide(new AddSupervisorToDuty(Bertil, RoomB, "manager", At(9)),
            Given(Opened(), Issued(1, At(8)))));
        var state = Given(Opened(), Issued(1, At(8)), added);

        Assert.Equal(new TicketCalled(1, Bertil, RoomB, At(9, 1)), Single<TicketCalled>(WalkInDecider.Decide(new CallNext(Bertil, At(9, 1)), state)));
        AssertNothing(WalkInDecider.Decide(new AddSupervisorToDuty(Bertil, RoomB, "manager", At(9, 2)), state));
    }

    [Theory]
    [InlineData("recall")]
    [InlineData("start")]
    [InlineData("complete")]
    [InlineData("no-show")]
    public void Given_a_supervisor_not_on_duty_When_she_acts_on_a_ticket_Then_not_on_duty(string action)
    {
        var state = Given(Opened(), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)));
        WalkInCommand command = action switch
        {
            "recall" => new Recall(1, Bertil, At(9)),
            "start" => new StartVisit(1, Bertil, At(9)),
            "complete" => new CompleteVisit(1, Bertil, VisitOutcome.AdviceGiven, At(9)),
            _ => new MarkNoShow(1, Bertil, At(9)),
        };

        AssertError(WalkInDecider.Decide(command, state), "not_on_duty");
    }

    [Fact]
    public void Given_a_number_called_by_another_supervisor_When_she_starts_it_Then_not_your_ticket()
    {
        var state = Given(Opened(Anna, Bertil), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)));

        AssertError(WalkInDecider.Decide(new StartVisit(1, Bertil, At(8, 6)), state), "not_your_ticket");
    }

    [Fact]
    public void Given_a_called_number_When_it_is_recalled_Then_TicketRecalled_and_the_same_recall_again_gives_no_events()
    {
        var state = Given(Opened(), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)));

        var recalled = Single<TicketRecalled>(WalkInDecider.Decide(new Recall(1, Anna, At(8, 7)), state));

        Assert.Equal(new TicketRecalled(1, Anna, At(8, 7)), recalled);
        AssertNothing(WalkInDecider.Decide(new Recall(1, Anna, At(8, 7)), WalkInSession.Evolve(state, recalled)));
    }

    // --- the visit ---

    [Fact]
    public void Given_a_called_number_When_the_visit_starts_Then_VisitStarted_and_starting_again_gives_no_events()
    {
        var state = Given(Opened(), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)));

        var started = Single<VisitStarted>(WalkInDecider.Decide(new StartVisit(1, Anna, At(8, 6)), state));

        Assert.Equal(new VisitStarted(1, Anna, At(8, 6)), started);
        AssertNothing(WalkInDecider.Decide(new StartVisit(1, Anna, At(8, 7)), WalkInSession.Evolve(state, started)));
    }

    [Fact]
    public void Given_a_waiting_number_When_its_visit_is_started_Then_not_called() =>
        AssertError(WalkInDecider.Decide(new StartVisit(1, Anna, At(8, 6)), Given(Opened(), Issued(1, At(8)))), "not_called");

    [Fact]
    public void Given_a_visit_under_way_When_it_is_completed_Then_VisitCompleted_with_the_outcome_and_completing_again_gives_no_events()
    {
        var state = Given(Opened(), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)), new VisitStarted(1, Anna, At(8, 6)));

        var completed = Single<VisitCompleted>(WalkInDecider.Decide(new CompleteVisit(1, Anna, VisitOutcome.AgreementDrafted, At(8, 31)), state));

        Assert.Equal(new VisitCompleted(1, Anna, VisitOutcome.AgreementDrafted, At(8, 31)), completed);
        var after = WalkInSession.Evolve(state, completed);
        AssertNothing(WalkInDecider.Decide(new CompleteVisit(1, Anna, VisitOutcome.AgreementDrafted, At(8, 32)), after));
        Assert.Null(after.CurrentTicketOf(Anna));
        Assert.Equal([Duration.FromMinutes(25)], after.ObservedVisitLengths);
    }

    [Fact]
    public void Given_a_called_number_not_started_When_it_is_completed_Then_visit_not_started()
    {
        var state = Given(Opened(), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)));

        AssertError(WalkInDecider.Decide(new CompleteVisit(1, Anna, VisitOutcome.AdviceGiven, At(8, 10)), state), "visit_not_started");
    }

    // --- no-shows ---

    [Fact]
    public void Given_a_number_called_4_minutes_59_ago_When_it_is_marked_a_no_show_Then_grace_not_over()
    {
        var state = Given(Opened(), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)));

        AssertError(WalkInDecider.Decide(new MarkNoShow(1, Anna, At(8, 9, 59)), state), "grace_not_over");
    }

    [Fact]
    public void Given_a_number_called_5_minutes_ago_When_it_is_marked_a_no_show_Then_TicketNoShow_and_the_supervisor_is_free()
    {
        var state = Given(Opened(), Issued(1, At(8)), Issued(2, At(8, 1)), new TicketCalled(1, Anna, RoomA, At(8, 5)));

        var noShow = Single<TicketNoShow>(WalkInDecider.Decide(new MarkNoShow(1, Anna, At(8, 10)), state));

        Assert.Equal(new TicketNoShow(1, Anna, At(8, 10)), noShow);
        var after = WalkInSession.Evolve(state, noShow);
        AssertNothing(WalkInDecider.Decide(new MarkNoShow(1, Anna, At(8, 11)), after));
        Assert.Equal(2, Single<TicketCalled>(WalkInDecider.Decide(new CallNext(Anna, At(8, 11)), after)).Number);
    }

    [Fact]
    public void Given_a_number_recalled_When_the_grace_since_the_first_call_is_over_Then_grace_not_over_because_it_runs_from_the_last_call()
    {
        var state = Given(Opened(), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)), new TicketRecalled(1, Anna, At(8, 8)));

        AssertError(WalkInDecider.Decide(new MarkNoShow(1, Anna, At(8, 11)), state), "grace_not_over");
        Single<TicketNoShow>(WalkInDecider.Decide(new MarkNoShow(1, Anna, At(8, 13)), state));
    }

    [Fact]
    public void Given_a_visit_under_way_When_it_is_marked_a_no_show_Then_visit_started()
    {
        var state = Given(Opened(), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)), new VisitStarted(1, Anna, At(8, 6)));

        AssertError(WalkInDecider.Decide(new MarkNoShow(1, Anna, At(8, 30)), state), "visit_started");
    }

    // --- withdrawing ---

    [Fact]
    public void Given_a_waiting_ticket_When_the_client_withdraws_Then_TicketWithdrawn_and_withdrawing_again_gives_no_events()
    {
        var state = Given(Opened(), Issued(1, At(8)));

        var withdrawn = Single<TicketWithdrawn>(WalkInDecider.Decide(new Withdraw("code-1", At(8, 20)), state));

        Assert.Equal(new TicketWithdrawn(1, At(8, 20)), withdrawn);
        var after = WalkInSession.Evolve(state, withdrawn);
        AssertNothing(WalkInDecider.Decide(new Withdraw("code-1", At(8, 21)), after));
        Assert.Empty(after.Queue);
    }

    [Fact]
    public void Given_a_called_ticket_When_the_client_withdraws_Then_TicketWithdrawn_and_the_supervisor_is_free()
    {
        var state = Given(Opened(), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)));

        var after = WalkInSession.Evolve(state, Single<TicketWithdrawn>(WalkInDecider.Decide(new Withdraw("code-1", At(8, 6)), state)));

        Assert.Null(after.CurrentTicketOf(Anna));
    }

    [Fact]
    public void Given_a_visit_under_way_When_the_client_withdraws_Then_visit_started()
    {
        var state = Given(Opened(), Issued(1, At(8)), new TicketCalled(1, Anna, RoomA, At(8, 5)), new VisitStarted(1, Anna, At(8, 6)));

        AssertError(WalkInDecider.Decide(new Withdraw("code-1", At(8, 7)), state), "visit_started");
    }

    [Fact]
    public void Given_an_unknown_code_When_the_client_withdraws_Then_ticket_not_found() =>
        AssertError(WalkInDecider.Decide(new Withdraw("nope", At(8, 7)), Given(Opened())), "ticket_not_found");

    // --- what the screens read ---

    [Fact]
    public void Given_a_busy_session_When_the_screens_read_it_Then_queue_in_order_numbers_being_served_with_rooms_and_people_waiting()
    {
        var state = Given([Opened(Anna, Bertil), Issued(1, At(8)), Issued(2, At(8, 1)), Issued(3, At(8, 2)), Issued(4, At(8, 3)),
            new TicketCalled(1, Anna, RoomA, At(8, 5)), new VisitStarted(1, Anna, At(8, 6)), new TicketCalled(2, Bertil, RoomB, At(8, 7))]);

        Assert.Equal([3, 4], state.Queue.Select(t => t.Number));
        Assert.Equal([new ServedNumber(1, Anna, RoomA, TicketStatus.InVisit), new ServedNumber(2, Bertil, RoomB, TicketStatus.Called)],
            state.BeingServed);
        Assert.Equal(2, state.PeopleWaiting);
        Assert.Equal(1, state.PeopleAheadOf(4));
    }
}
