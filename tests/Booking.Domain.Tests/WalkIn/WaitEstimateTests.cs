// The estimate plays the queue forward over the supervisors on duty: what a client is told at the kiosk and on the display.
using Booking.Domain.WalkIn;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;
using static Booking.Domain.Tests.WalkIn.WalkInTestSession;

namespace Booking.Domain.Tests.WalkIn;

public class WaitEstimateTests
{
    private static Duration Min(int minutes) => Duration.FromMinutes(minutes);

    private static double Minutes(Duration? wait) => wait!.Value.TotalMinutes;

    /// <summary>Tickets 1..<paramref name="served"/> served back to back, <paramref name="minutes"/> each, by Anna and Bertil
    /// in turn from 08:00, every ticket (served and waiting) issued at 08:00 so no idle gap is taken for a write-up.</summary>
    private static WalkInEvent[] ServedMorning(int served, int waiting, params int[] minutes)
    {
        var events = new List<WalkInEvent>();
        for (var n = 1; n <= served + waiting; n++) events.Add(Issued(n, At(8)));
        var free = new Dictionary<Guid, Instant> { [Anna] = At(8), [Bertil] = At(8) };
        for (var n = 1; n <= served; n++)
        {
            var staff = n % 2 == 1 ? Anna : Bertil;
            var length = minutes[(n - 1) % minutes.Length];
            events.AddRange(Served(n, staff, free[staff], length));
            free[staff] += Min(length);
        }
        return [.. events];
    }

    [Fact]
    public void Given_early_in_the_day_and_nothing_observed_When_three_wait_for_one_supervisor_Then_each_is_told_about_one_configured_visit_more()
    {
        var estimate = WaitEstimate.For(Given(Opened(), Issued(1, At(8)), Issued(2, At(8)), Issued(3, At(8))), At(8))!;

        Assert.Equal(Duration.Zero, estimate.WaitOf(1));
        Assert.InRange(Minutes(estimate.WaitOf(2)), 25, 32);
        Assert.InRange(Minutes(estimate.WaitOf(3)), 52, 62);
        Assert.InRange(estimate.NewTicketWait.TotalMinutes, 80, 92);
    }

    [Fact]
    public void Given_two_supervisors_and_20_minute_visits_seen_all_morning_When_the_fifth_in_line_takes_a_number_Then_it_is_told_40_minutes_not_100()
    {
        var state = Given([Opened(Anna, Bertil), .. ServedMorning(12, 4, 20)]);

        var estimate = WaitEstimate.For(state, At(10))!;

        Assert.Equal([Min(0), Min(0), Min(20), Min(20)], new[] { 13, 14, 15, 16 }.Select(n => estimate.WaitOf(n)!.Value));
        Assert.Equal(Min(40), estimate.NewTicketWait);
    }

    [Fact]
    public void Given_two_supervisors_and_20_minute_visits_configured_When_the_fifth_in_line_takes_a_number_at_opening_Then_it_is_told_about_40_minutes()
    {
        var state = Given(Opened(Anna, Bertil) with { VisitLength = Min(20) }, Issued(1, At(8)), Issued(2, At(8)), Issued(3, At(8)), Issued(4, At(8)));

        Assert.InRange(WaitEstimate.For(state, At(8))!.NewTicketWait.TotalMinutes, 32, 42);
    }

    [Fact]
    public void Given_two_supervisors_instead_of_one_When_four_wait_Then_the_new_ticket_waits_about_half()
    {
        WalkInEvent[] queue = [Issued(1, At(9)), Issued(2, At(9)), Issued(3, At(9)), Issued(4, At(9))];

        var alone = WaitEstimate.For(Given([Opened(Anna), .. queue]), At(9))!.NewTicketWait;
        var pair = WaitEstimate.For(Given([Opened(Anna, Bertil), .. queue]), At(9))!.NewTicketWait;

        Assert.InRange(alone.TotalMinutes, 110, 125);
        Assert.InRange(pair.TotalMinutes, 45, 62);
    }

    [Fact]
    public void Given_20_minute_visits_seen_When_a_visit_is_5_minutes_under_way_Then_the_next_is_told_15_minutes()
    {
        var state = Given([Opened(Anna, Bertil), .. ServedMorning(12, 2, 20),
            new TicketCalled(13, Anna, RoomA, At(10)), new VisitStarted(13, Anna, At(10)),
            new TicketCalled(14, Bertil, RoomB, At(10)), new VisitStarted(14, Bertil, At(10)), Issued(15, At(10))]);

        Assert.Equal(Min(15), WaitEstimate.For(state, At(10, 5))!.WaitOf(15));
    }

    [Fact]
    public void Given_visits_of_10_or_40_minutes_seen_When_one_has_lasted_20_Then_the_next_is_told_about_what_the_long_ones_had_left()
    {
        // A visit 20 minutes in is one of the long ones: about 20 minutes left, not the mean 25 minus 20.
        var state = Given([Opened(Anna), .. ServedMorning(12, 0, 10, 40), Issued(13, At(12)), Issued(14, At(12)),
            new TicketCalled(13, Anna, RoomA, At(12)), new VisitStarted(13, Anna, At(12))]);

        Assert.InRange(Minutes(WaitEstimate.For(state, At(12, 20))!.WaitOf(14)), 14, 26);
    }

    [Fact]
    public void Given_a_visit_10_minutes_under_way_and_nothing_observed_When_estimated_Then_the_first_waiting_is_told_about_the_20_left()
    {
        var state = Given(Opened(), Issued(1, At(9)), new TicketCalled(1, Anna, RoomA, At(9)), new VisitStarted(1, Anna, At(9)), Issued(2, At(9, 5)));

        var estimate = WaitEstimate.For(state, At(9, 10))!;

        Assert.InRange(Minutes(estimate.WaitOf(2)), 15, 25);
        Assert.InRange(estimate.NewTicketWait.TotalMinutes, 42, 55);
    }

    [Fact]
    public void Given_a_called_number_not_yet_in_the_room_When_estimated_Then_its_whole_visit_is_ahead()
    {
        var state = Given(Opened(), Issued(1, At(9)), new TicketCalled(1, Anna, RoomA, At(9)));

        Assert.InRange(WaitEstimate.For(state, At(9, 2))!.NewTicketWait.TotalMinutes, 25, 32);
    }

    [Fact]
    public void Given_two_supervisors_one_just_started_and_one_nearly_done_When_estimated_Then_the_next_goes_to_whoever_frees_first()
    {
        var state = Given([Opened(Anna, Bertil), Issued(1, At(9)), Issued(2, At(9)), Issued(3, At(9)),
            new TicketCalled(1, Anna, RoomA, At(9)), new VisitStarted(1, Anna, At(9)),
            new TicketCalled(2, Bertil, RoomB, At(9, 25)), new VisitStarted(2, Bertil, At(9, 25))]);

        var estimate = WaitEstimate.For(state, At(9, 25))!;

        Assert.InRange(Minutes(estimate.WaitOf(3)), 3, 14);          // Anna, 25 minutes into a 30-minute visit
        Assert.InRange(estimate.NewTicketWait.TotalMinutes, 22, 35);  // Bertil's visit, or Anna's after number 3
    }

    [Fact]
    public void Given_a_third_of_called_numbers_did_not_come_When_the_fifth_in_line_takes_a_number_Then_it_is_told_less_than_four_visits()
    {
        // Numbers 1-6 called back to back (2, 4 and 6 did not come, each costing the 5-minute grace); 7-10 wait.
        WalkInEvent[] Morning(bool noShows)
        {
            var events = new List<WalkInEvent> { Opened() with { VisitLength = Min(20) } };
            for (var n = 1; n <= 10; n++) events.Add(Issued(n, At(8)));
            var t = At(8);
            for (var n = 1; n <= 6; n++)
                if (noShows && n % 2 == 0) { events.AddRange([new TicketCalled(n, Anna, RoomA, t), new TicketNoShow(n, Anna, t + Min(5))]); t += Min(5); }
                else { events.AddRange(Served(n, Anna, t, 20)); t += Min(20); }
            return [.. events];
        }

        var withNoShows = WaitEstimate.For(Given(Morning(noShows: true)), At(9, 15))!.NewTicketWait;
        var allCame = WaitEstimate.For(Given(Morning(noShows: false)), At(10))!.NewTicketWait;

        Assert.InRange(allCame.TotalMinutes, 70, 84);      // four 20-minute visits
        Assert.InRange(withNoShows.TotalMinutes, 40, 72);  // about half of them cost the 5-minute grace instead
    }

    [Fact]
    public void Given_the_same_queue_When_estimated_twice_Then_the_kiosk_and_the_display_show_the_same_wait()
    {
        var state = Given([Opened(Anna, Bertil), .. ServedMorning(5, 6, 12, 25, 40, 18, 33)]);

        Assert.Equal(WaitEstimate.For(state, At(10))!.NewTicketWait, WaitEstimate.For(state, At(10))!.NewTicketWait);
    }

    [Fact]
    public void Given_a_queue_When_a_number_is_issued_Then_the_wait_it_is_told_is_the_wait_the_display_then_shows_for_it()
    {
        var before = Given([Opened(Anna, Bertil), .. ServedMorning(5, 6, 12, 25, 40, 18, 33)]);
        var told = WaitEstimate.For(before, At(10))!.NewTicketWait;

        var after = WalkInSession.Evolve(before, Issued(12, At(10)));

        Assert.Equal(told, WaitEstimate.For(after, At(10))!.WaitOf(12));
        // Asking for another place first changes nothing: each future has its own seed.
        var estimate = WaitEstimate.For(after, At(10))!;
        _ = estimate.WaitOf(9);
        Assert.Equal(told, estimate.WaitOf(12));
    }

    [Fact]
    public void Given_300_waiting_for_20_supervisors_When_estimated_Then_the_waits_grow_with_the_place_to_about_15_visits()
    {
        var staff = Enumerable.Range(1, 20).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();
        var state = Given([Opened(staff), .. Enumerable.Range(1, 300).Select(n => Issued(n, At(8)))]);

        var estimate = WaitEstimate.For(state, At(8))!;
        var waits = Enumerable.Range(1, 300).Select(n => Minutes(estimate.WaitOf(n))).ToArray();

        Assert.All(waits.Take(20), w => Assert.Equal(0, w));
        for (var n = 20; n < 300; n += 20) Assert.True(waits[n] > waits[n - 20] + 10, $"place {n}: {waits[n]} after {waits[n - 20]}");
        // 15 visits of the configured 30 minutes ahead of number 301 (each a little shorter at the median): about 7 hours.
        Assert.InRange(estimate.NewTicketWait.TotalMinutes, 400, 470);
    }

    [Fact]
    public void Given_three_observed_visits_When_asked_for_the_visit_length_Then_their_mean_replaces_the_configured_length()
    {
        var served = Given([Opened(), Issued(1, At(8)), Issued(2, At(8)), Issued(3, At(8)),
            .. Served(1, Anna, At(8), 10), .. Served(2, Anna, At(8, 10), 20), .. Served(3, Anna, At(8, 30), 15)]);

        Assert.Equal(Min(15), WaitEstimate.ExpectedVisitLength(served));
        Assert.Equal(Min(30), WaitEstimate.ExpectedVisitLength(Given([Opened(), Issued(1, At(8)), .. Served(1, Anna, At(8), 10)])));
    }

    [Fact]
    public void Given_observed_walks_and_write_ups_When_estimated_Then_each_person_ahead_costs_them_and_the_write_up_under_way_counts()
    {
        var state = Given([Opened(), Issued(1, At(8)), Issued(2, At(8)), Issued(3, At(8)), Issued(4, At(8)),
            new TicketCalled(1, Anna, RoomA, At(8)), new VisitStarted(1, Anna, At(8, 2)), new VisitCompleted(1, Anna, VisitOutcome.AdviceGiven, At(8, 30)),
            new TicketCalled(2, Anna, RoomA, At(8, 33)), new VisitStarted(2, Anna, At(8, 35)), new VisitCompleted(2, Anna, VisitOutcome.AdviceGiven, At(9, 5))]);

        Assert.Equal([Min(2), Min(2)], state.ObservedWalks);
        Assert.Equal([Min(3)], state.ObservedWriteUps);

        var estimate = WaitEstimate.For(state, At(9, 5))!;
        Assert.Equal(Min(3), estimate.WaitOf(3));                         // Anna writes up until 09:08
        Assert.InRange(Minutes(estimate.WaitOf(4)), 33, 40);              // + walk 2 + a visit of about 30 + write-up 3
        Assert.InRange(estimate.NewTicketWait.TotalMinutes, 66, 78);
    }

    [Fact]
    public void Given_nobody_waited_when_a_visit_ended_When_the_next_arrives_later_Then_the_idle_gap_is_not_taken_for_a_write_up()
    {
        var state = Given([Opened(), Issued(1, At(8)), .. Served(1, Anna, At(8), 20), Issued(2, At(8, 50)), new TicketCalled(2, Anna, RoomA, At(8, 50))]);

        Assert.Empty(state.ObservedWriteUps);
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
