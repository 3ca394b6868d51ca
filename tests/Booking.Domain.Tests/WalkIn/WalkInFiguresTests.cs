// The session's figures from its events: counts, refusals by reason, waits and visit lengths.
using Booking.Domain.WalkIn;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;
using static Booking.Domain.Tests.WalkIn.WalkInTestSession;

namespace Booking.Domain.Tests.WalkIn;

public class WalkInFiguresTests
{
    private static Duration Min(double minutes) => Duration.FromSeconds((long)(minutes * 60));

    [Fact]
    public void Given_waits_of_1_to_10_minutes_When_summarised_Then_median_5_5_p90_9_and_mean_5_5()
    {
        var figures = DurationFigures.Of(Enumerable.Range(1, 10).Reverse().Select(m => Min(m)));

        Assert.Equal(new DurationFigures(10, Min(5.5), Min(9), Min(5.5)), figures);
    }

    [Fact]
    public void Given_an_odd_count_When_summarised_Then_the_median_is_the_middle_value()
    {
        Assert.Equal(new DurationFigures(5, Min(20), Min(50), Min(24)), DurationFigures.Of([Min(50), Min(10), Min(20), Min(30), Min(10)]));
    }

    [Fact]
    public void Given_nothing_When_summarised_Then_no_statistics() =>
        Assert.Equal(new DurationFigures(0, null, null, null), DurationFigures.Of([]));

    [Fact]
    public void Given_a_whole_session_When_its_figures_are_computed_Then_issued_served_no_shows_withdrawn_refusals_waits_and_visits()
    {
        WalkInEvent[] events =
        [
            Opened(),
            Issued(1, At(8)), Issued(2, At(8), WalkInMatter.Paternity), Issued(3, At(8, 5)), Issued(4, At(8, 10)), Issued(5, At(8, 10)),
            .. Served(1, Anna, At(8, 4), 20),                                     // waited 4, visit 20
            new TicketCalled(2, Anna, RoomA, At(8, 24)), new TicketRecalled(2, Anna, At(8, 27)),
            new VisitStarted(2, Anna, At(8, 30)),
            new VisitCompleted(2, Anna, VisitOutcome.PaternityHandled, At(9, 10)), // waited 24, visit 40
            new TicketWithdrawn(3, At(8, 40)),
            new TicketCalled(4, Anna, RoomA, At(9, 11)), new TicketNoShow(4, Anna, At(9, 16)), // waited 61
            new TicketRefused(WalkInMatter.Advice, RefusalReasons.QueueFull, Min(150), "r1", At(9, 30)),
            new TicketRefused(WalkInMatter.Other, RefusalReasons.QueueFull, Min(150), "r2", At(9, 40)),
            new IntakeClosed(At(10), "fire drill"),
            new TicketRefused(WalkInMatter.Advice, RefusalReasons.StaffClosedIntake, Min(0), "r3", At(10, 5)),
        ];

        var figures = WalkInFigures.From(events);

        Assert.Equal(Day, figures.Date);
        Assert.Equal((5, 2, 1, 1, 3), (figures.Issued, figures.Served, figures.NoShows, figures.Withdrawn, figures.Refused));
        Assert.Equal(2, figures.RefusedByReason["queue_full"]);
        Assert.Equal(1, figures.RefusedByReason["intake_closed"]);
        Assert.Equal(At(10), figures.IntakeClosedAt);
        Assert.Equal(At(9, 30), figures.FirstRefusedAt);
        Assert.Equal(1, figures.IssuedByMatter[WalkInMatter.Paternity]);
        Assert.Equal(1, figures.Outcomes[VisitOutcome.PaternityHandled]);
        Assert.Equal(new DurationFigures(3, Min(24), Min(61), Duration.FromSeconds((4 + 24 + 61) * 60 / 3)), figures.Waits);
        Assert.Equal(new DurationFigures(2, Min(30), Min(40), Min(30)), figures.VisitLengths);
    }

    [Fact]
    public void Given_refusals_for_a_full_queue_and_after_staff_closed_intake_When_counted_Then_each_is_named_as_the_kiosk_answered()
    {
        WalkInEvent[] events =
        [
            Opened(),
            new TicketRefused(WalkInMatter.Advice, RefusalReasons.QueueFull, Min(150), "full1", At(11, 20)),
            new TicketRefused(WalkInMatter.Advice, RefusalReasons.QueueFull, Min(150), "full2", At(11, 25)),
            new TicketRefused(WalkInMatter.Advice, RefusalReasons.QueueFull, Min(150), "full3", At(11, 26)),
            new IntakeClosed(At(11, 30), "supervisor ill"),
            new TicketRefused(WalkInMatter.Other, RefusalReasons.StaffClosedIntake, Min(0), "closed1", At(11, 35)),
        ];

        var figures = WalkInFigures.From(events);

        Assert.Equal(new Dictionary<string, int> { ["queue_full"] = 3, ["intake_closed"] = 1 }, figures.RefusedByReason);
    }

    [Fact]
    public void Given_no_refusals_When_counted_Then_both_reasons_show_zero()
    {
        Assert.Equal(new Dictionary<string, int> { ["queue_full"] = 0, ["intake_closed"] = 0 }, WalkInFigures.From([Opened()]).RefusedByReason);
    }
}
