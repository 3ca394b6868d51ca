// The walk-in and phone-hours settings: defaults for configurations stored before them, and the phone-hours helpers.
using Booking.Domain.Configuration;
using Booking.Domain.WalkIn;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.WalkIn;

public class WalkInConfigurationTests
{
    private static bool Holiday(LocalDate date) => Config().ClosedBecause(date) is not null;

    [Fact]
    public void Given_a_configuration_without_walk_in_settings_When_read_Then_Thursday_08_12_with_30_minute_visits_and_the_first_active_supervisor()
    {
        var walkIn = Config().WalkInOrDefault;

        Assert.Equal((IsoDayOfWeek.Thursday, new LocalTime(8, 0), new LocalTime(12, 0), 30, 5),
            (walkIn.Day, walkIn.From, walkIn.To, walkIn.VisitMinutes, walkIn.NoShowGraceMinutes));
        Assert.Equal([Anna], walkIn.OnDuty);
    }

    [Fact]
    public void Given_a_configuration_without_phone_hours_When_read_Then_Monday_to_Thursday_09_12()
    {
        var hours = Config().PhoneHoursOrDefault;

        Assert.Equal(4, hours.Blocks.Count);
        Assert.All(hours.Blocks, b => Assert.Equal((new LocalTime(9, 0), new LocalTime(12, 0)), (b.From, b.To)));
        Assert.DoesNotContain(hours.Blocks, b => b.Day == IsoDayOfWeek.Friday);
    }

    [Theory]
    [InlineData(2026, 11, 23, 9, 0, true)]     // Monday, as the line opens
    [InlineData(2026, 11, 23, 11, 59, true)]
    [InlineData(2026, 11, 23, 12, 0, false)]   // closes at 12:00
    [InlineData(2026, 11, 23, 8, 59, false)]
    [InlineData(2026, 11, 27, 10, 0, false)]   // Friday
    public void Given_the_default_phone_hours_When_asked_whether_open_Then_only_inside_a_block(int y, int m, int d, int h, int min, bool open) =>
        Assert.Equal(open, PhoneHours.Default.IsOpen(L(y, m, d, h, min)));

    [Fact]
    public void Given_a_public_holiday_When_asked_whether_the_phone_is_open_Then_closed() =>
        Assert.False(PhoneHours.Default.IsOpen(L(2026, 5, 14, 10, 0), Holiday));

    [Fact]
    public void Given_Thursday_afternoon_before_Easter_When_the_next_opening_is_asked_for_Then_Tuesday_because_Good_Friday_and_Easter_Monday_close()
    {
        // 2026: Easter Sunday is 5 April, so Good Friday 3 April and Easter Monday 6 April.
        Assert.Equal(L(2026, 4, 7, 9, 0), PhoneHours.Default.NextOpening(L(2026, 4, 2, 12, 0), Holiday));
    }

    [Fact]
    public void Given_a_morning_before_the_line_opens_When_the_next_opening_is_asked_for_Then_the_same_morning() =>
        Assert.Equal(L(2026, 11, 26, 9, 0), PhoneHours.Default.NextOpening(L(2026, 11, 26, 7, 0), _ => false));

    [Fact]
    public void Given_no_phone_blocks_When_the_next_opening_is_asked_for_Then_none() =>
        Assert.Null(new PhoneHours([]).NextOpening(L(2026, 11, 26, 7, 0), _ => false));

    [Fact]
    public void Given_an_absent_supervisor_on_duty_When_the_session_is_opened_Then_only_the_present_one_is_on_duty()
    {
        var day = new LocalDate(2026, 11, 26);
        var config = Config([new Closure(day, day, "Sick leave", Anna)]) with { WalkIn = WalkInSettings.Default([Anna, Bertil]) };

        var opening = WalkInCalendar.Opening(config, day, Instant.FromUtc(2026, 11, 26, 5, 0));

        Assert.Equal([Bertil], opening.Settings.OnDuty);
    }
}
