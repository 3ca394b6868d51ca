// The estimate plays the queue forward over the supervisors on duty.
using Booking.Domain.WalkIn;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;
using static Booking.Domain.Tests.WalkIn.WalkInTestSession;

namespace Booking.Domain.Tests.WalkIn;

public class WaitEstimateTests
{
    private static Duration Min(int minutes) => Duration.FromMinutes(minutes);

    [Fact]
    public void Given_one_idle_supervisor_and_three_waiting_When_estimated_Then_each_waits_one_visit_more_than_the_one_before()
    {
        var estimate = WaitEstimate.For(Given(Opened(), Issued(1, At(9)), Issued(2, At(9)), Issued(3, At(9))), At(9))!;

        Assert.Equal([Min(0), Min(30), Min(60)], new[] { 1, 2, 3 }.Select(n => estimate.WaitOf(n)!.Value));
        Assert.Equal(Min(90), estimate.NewTicketWait);
    }

    [Fact]
    public void Given_a_visit_10_minutes_under_way_When_estimated_Then_the_first_waiting_starts_when_its_remaining_20_minutes_are_over()
    {
        var state = Given(Opened(), Issued(1, At(9)), new TicketCalled(1, Anna, RoomA, At(9)), new VisitStarted(1, Anna, At(9)), Issued(2, At(9, 5)));

        var estimate = WaitEstimate.For(state, At(9, 10))!;

        Assert.Equal(Min(20), estimate.WaitOf(2));
        Assert.Equal(Min(50), estimate.NewTicketWait);
    }

    [Fact]
    public void Given_a_called_number_not_yet_in_the_room_When_estimated_Then_its_whole_visit_is_ahead()
    {
        var state = Given(Opened(), Issued(1, At(9)), new TicketCalled(1, Anna, RoomA, At(9)));

        Assert.Equal(Min(30), WaitEstimate.For(state, At(9, 2))!.NewTicketWait);
    }

    [Fact]
    public void Given_two_supervisors_instead_of_one_When_four_wait_Then_the_new_tickets_wait_halves()
    {
        WalkInEvent[] queue = [Issued(1, At(9)), Issued(2, At(9)), Issued(3, At(9)), Issued(4, At(9))];

        var alone = WaitEstimate.For(Given([Opened(Anna), .. queue]), At(9))!.NewTicketWait;
        var pair = WaitEstimate.For(Given([Opened(Anna, Bertil), .. queue]), At(9))!.NewTicketWait;

        Assert.Equal(Min(120), alone);
        Assert.Equal(Min(60), pair);
    }

    [Fact]
    public void Given_two_supervisors_one_just_started_and_one_nearly_done_When_estimated_Then_the_next_goes_to_whoever_frees_first()
    {
        var state = Given([Opened(Anna, Bertil), Issued(1, At(9)), Issued(2, At(9)), Issued(3, At(9)),
            new TicketCalled(1, Anna, RoomA, At(9)), new VisitStarted(1, Anna, At(9)),
            new TicketCalled(2, Bertil, RoomB, At(9, 25)), new VisitStarted(2, Bertil, At(9, 25))]);

        var estimate = WaitEstimate.For(state, At(9, 25))!;

        Assert.Equal(Min(5), estimate.WaitOf(3));          // Anna frees at 09:30
        Assert.Equal(Min(30), estimate.NewTicketWait);     // Bertil frees at 09:55, Anna again at 10:00
    }

    [Fact]
    public void Given_three_observed_visits_When_estimated_Then_their_mean_replaces_the_configured_length()
    {
        var served = Given([Opened(), Issued(1, At(8)), Issued(2, At(8)), Issued(3, At(8)), Issued(4, At(8)), Issued(5, At(8)),
            .. Served(1, Anna, At(8), 10), .. Served(2, Anna, At(8, 10), 20), .. Served(3, Anna, At(8, 30), 15)]);

        var estimate = WaitEstimate.For(served, At(8, 45))!;

        Assert.Equal(Min(15), WaitEstimate.ExpectedVisitLength(served));
        Assert.Equal(Min(15), estimate.WaitOf(5));
        Assert.Equal(Min(30), estimate.NewTicketWait);
    }

    [Fact]
    public void Given_two_observed_visits_When_estimated_Then_the_configured_length_still_counts()
    {
        var served = Given([Opened(), Issued(1, At(8)), Issued(2, At(8)), Issued(3, At(8)), .. Served(1, Anna, At(8), 10), .. Served(2, Anna, At(8, 10), 10)]);

        Assert.Equal(Min(30), WaitEstimate.ExpectedVisitLength(served));
        Assert.Equal(Min(30), WaitEstimate.For(served, At(8, 20))!.NewTicketWait);
    }

    [Fact]
    public void Given_observed_visits_When_a_visit_has_lasted_a_while_Then_its_remaining_time_is_the_mean_of_what_longer_visits_had_left()
    {
        var served = Given([Opened(), Issued(1, At(8)), Issued(2, At(8)), Issued(3, At(8)),
            .. Served(1, Anna, At(8), 10), .. Served(2, Anna, At(8, 10), 20), .. Served(3, Anna, At(8, 30), 30)]);

        Assert.Equal(Min(10), WaitEstimate.ExpectedRemaining(served, Min(15)));   // (20-15 + 30-15) / 2
        Assert.Equal(Duration.Zero, WaitEstimate.ExpectedRemaining(served, Min(40)));
    }

    [Fact]
    public void Given_observed_walks_and_write_ups_When_estimated_Then_each_person_ahead_costs_the_whole_cycle_and_the_write_up_under_way_counts()
    {
        var state = Given([Opened(), Issued(1, At(8)), Issued(2, At(8)), Issued(3, At(8)), Issued(4, At(8)),
            new TicketCalled(1, Anna, RoomA, At(8)), new VisitStarted(1, Anna, At(8, 2)), new VisitCompleted(1, Anna, VisitOutcome.AdviceGiven, At(8, 30)),
            new TicketCalled(2, Anna, RoomA, At(8, 33)), new VisitStarted(2, Anna, At(8, 35)), new VisitCompleted(2, Anna, VisitOutcome.AdviceGiven, At(9, 5))]);

        Assert.Equal([Min(2), Min(2)], state.ObservedWalks);
        Assert.Equal([Min(3)], state.ObservedWriteUps);
        Assert.Equal(Min(35), WaitEstimate.ExpectedCycle(state));   // walk 2 + configured visit 30 (2 seen) + write-up 3

        var estimate = WaitEstimate.For(state, At(9, 5))!;
        Assert.Equal(Min(3), estimate.WaitOf(3));                   // Anna writes up until 09:08
        Assert.Equal(Min(38), estimate.WaitOf(4));
        Assert.Equal(Min(73), estimate.NewTicketWait);
    }

    [Fact]
    public void Given_nobody_waited_when_a_visit_ended_When_the_next_arrives_later_Then_the_idle_gap_is_not_taken_for_a_write_up()
    {
        var state = Given([Opened(), Issued(1, At(8)), .. Served(1, Anna, At(8), 20), Issued(2, At(8, 50)), new TicketCalled(2, Anna, RoomA, At(8, 50))]);

        Assert.Empty(state.ObservedWriteUps);
    }

    [Fact]
    public void Given_a_no_show_among_three_called_When_estimated_Then_the_cycle_weighs_in_the_grace_for_that_share()
    {
        var state = Given([Opened(), Issued(1, At(8)), Issued(2, At(8)), Issued(3, At(8)), Issued(4, At(8)),
            .. Served(1, Anna, At(8), 30), .. Served(2, Anna, At(8, 30), 30),
            new TicketCalled(3, Anna, RoomA, At(9)), new TicketNoShow(3, Anna, At(9, 5))]);

        // one in three called numbers did not come: 2/3 x (walk 0 + visit 30) + 1/3 x grace 5 + write-up 0
        Assert.Equal(Min(20) + Duration.FromSeconds(100), WaitEstimate.ExpectedCycle(state));
    }

    [Fact]
    public void Given_the_session_has_not_opened_yet_When_estimated_Then_the_waits_count_from_the_opening()
    {
        Assert.Equal(Min(15), WaitEstimate.For(Given(Opened()), At(7, 45))!.NewTicketWait);
    }

    [Fact]
    public void Given_nobody_on_duty_When_estimated_Then_there_is_no_estimate() =>
        Assert.Null(WaitEstimate.For(Given(Opened() with { OnDuty = [] }, Issued(1, At(9))), At(9)));
}
