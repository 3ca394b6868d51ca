// The use figures the unit reads: offered slots against reservations and what became of them.
using Booking.Domain.CallBacks;
using Booking.Domain.WalkIn;
using NodaTime;
using static Booking.Domain.Tests.CallBacks.CallBackTestUnit;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.CallBacks;

public class CallBackFiguresTests
{
    [Fact]
    public void Given_a_days_call_backs_When_figures_are_taken_Then_each_outcome_is_counted_once()
    {
        var at = Helsinki(L(2026, 4, 22, 14));
        var day = Given(
            Reserved(Id(1), Anna, L(2026, 4, 22, 13)),
            Reserved(Id(2), Anna, L(2026, 4, 22, 13, 15), channel: CallBackChannel.Secretary),
            Reserved(Id(3), Anna, L(2026, 4, 22, 13, 30)),
            Reserved(Id(4), Bertil, L(2026, 4, 22, 10)),
            Reserved(Id(5), Bertil, L(2026, 4, 22, 10, 15)),
            new CallBackCompleted(Id(1), Anna, at),
            new CallBackNotReached(Id(2), Anna, 1, false, at),
            new CallBackCompleted(Id(2), Anna, at),
            new CallBackNotReached(Id(3), Anna, 1, false, at),
            new CallBackNotReached(Id(3), Anna, 2, true, at),
            new CallBackCancelled(Id(4), "client:link", at));

        var figures = CallBackFigures.Of(Wednesday, Wednesday, 8, day.CallBacks);

        Assert.Equal(new CallBackFigures(Wednesday, Wednesday, Offered: 8, Reserved: 5, ReservedOnline: 4, ReservedBySecretary: 1, Done: 2,
            DoneOnRetry: 1, NotReached: 1, Cancelled: 1, Open: 1, ReservedPercent: 63), figures);
    }

    [Fact]
    public void Given_nothing_offered_When_figures_are_taken_Then_the_percentage_is_left_out()
    {
        Assert.Null(CallBackFigures.Of(Today, Today, 0, []).ReservedPercent);
    }

    [Fact]
    public void Given_call_backs_outside_the_range_When_figures_are_taken_Then_they_are_not_counted()
    {
        var day = Given(Reserved(Id(1), Anna, L(2026, 4, 22, 13)));

        Assert.Equal(0, CallBackFigures.Of(Today, Tuesday, 6, day.CallBacks).Reserved);
    }
}
