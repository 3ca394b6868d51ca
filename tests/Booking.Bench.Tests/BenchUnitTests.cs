// The bench's unit must pass the manager's configuration rules as they grow: its afternoons swallow the demo's
// call-back windows, which a window may not overlap, so they move (no database needed to check where to).
using Booking.Api.Configuration;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using NodaTime;
using Xunit;

namespace Booking.Bench.Tests;

public sealed class BenchUnitTests
{
    private static readonly Guid Satu = DemoUnitIds.Satu;
    private static readonly Guid Aino = DemoUnitIds.Aino;

    private static readonly IReadOnlyList<WeeklyHours> Hours =
    [
        new(Satu, IsoDayOfWeek.Monday, BenchUnit.Morning.From, BenchUnit.Morning.To),
        new(Satu, IsoDayOfWeek.Monday, BenchUnit.Afternoon.From, BenchUnit.Afternoon.To),
        new(Aino, IsoDayOfWeek.Wednesday, BenchUnit.Afternoon.From, BenchUnit.Afternoon.To),
        new(Aino, BenchUnit.Evening.Day, BenchUnit.Evening.From, BenchUnit.Evening.To),
    ];

    [Fact]
    public void Given_a_call_back_window_inside_the_benchs_afternoon_Then_it_moves_to_the_afternoons_end_keeping_its_length()
    {
        var moved = BenchUnit.OutsideBookableHours(new CallBackWindow(Satu, IsoDayOfWeek.Monday, new LocalTime(14, 0), new LocalTime(15, 0)), Hours);

        Assert.Equal(new CallBackWindow(Satu, IsoDayOfWeek.Monday, new LocalTime(15, 30), new LocalTime(16, 30)), moved);
    }

    [Fact]
    public void Given_a_window_that_would_then_meet_the_evening_hours_Then_it_moves_past_them_too()
    {
        var moved = BenchUnit.OutsideBookableHours(new CallBackWindow(Aino, IsoDayOfWeek.Wednesday, new LocalTime(14, 0), new LocalTime(15, 0)), Hours);

        Assert.Equal(new CallBackWindow(Aino, IsoDayOfWeek.Wednesday, new LocalTime(19, 0), new LocalTime(20, 0)), moved);
    }

    [Fact]
    public void Given_a_window_outside_every_bookable_hour_Then_it_stays()
    {
        var window = new CallBackWindow(Satu, IsoDayOfWeek.Tuesday, new LocalTime(13, 0), new LocalTime(14, 0));

        Assert.Equal(window, BenchUnit.OutsideBookableHours(window, Hours));
    }
}
