// Free times are the supervisors' weekly hours minus holidays, closures, absences and reservations, on the unit's local clock.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Appointments;

public class FreeTimesTests
{
    private static readonly LocalDate Monday = new(2026, 5, 11);
    private static readonly LocalDate Ascension = new(2026, 5, 14);

    private static IReadOnlyList<FreeTime> On(LocalDate date, AppointmentType type, UnitConfiguration? config = null,
        params Reservation[] reservations) =>
        FreeTimes.Find(config ?? Config(), type, date, date, reservations);

    private static List<LocalTime> StartsOf(IEnumerable<FreeTime> times, Guid staff) =>
        times.Where(t => t.FreeStaff.Contains(staff)).Select(t => t.Start.TimeOfDay).ToList();

    private static List<LocalTime> Times(params string[] hhmm) =>
        hhmm.Select(s => new LocalTime(int.Parse(s[..2]), int.Parse(s[3..]))).ToList();

    private static Reservation Held(Guid staff, LocalDateTime from, Duration length) =>
        new(staff, Guid.NewGuid(), Helsinki(from), Helsinki(from) + length);

    [Fact]
    public void Given_an_open_Monday_When_advice_times_are_found_Then_both_supervisors_are_free_every_half_hour_of_their_block()
    {
        var times = On(Monday, Advice);

        var expected = Times("09:00", "09:30", "10:00", "10:30", "11:00", "11:30");
        Assert.Equal(expected, times.Select(t => t.Start.TimeOfDay).ToList());
        Assert.All(times, t => Assert.Equal(new HashSet<Guid> { Anna, Bertil }, t.FreeStaff.ToHashSet()));
        Assert.All(times, t => Assert.Equal(t.Start.PlusMinutes(30), t.End));
    }

    [Fact]
    public void Given_a_secretary_and_an_inactive_supervisor_with_hours_When_times_are_found_Then_neither_is_offered()
    {
        var times = On(Monday, Advice);

        Assert.DoesNotContain(times, t => t.FreeStaff.Contains(Sirpa) || t.FreeStaff.Contains(Retired));
        Assert.DoesNotContain(times, t => t.Start.Hour < 9 || t.Start.Hour >= 12);
    }

    [Fact]
    public void Given_an_evening_block_When_times_are_found_Then_evening_starts_are_offered()
    {
        var tuesday = Monday.PlusDays(1);

        var evening = StartsOf(On(tuesday, Agreement), Bertil);

        Assert.Equal(Times("16:00", "16:30", "17:00", "17:30"), evening);
    }

    [Fact]
    public void Given_Ascension_Day_When_times_are_found_Then_there_are_none()
    {
        Assert.Empty(On(Ascension, Advice));
        Assert.NotEmpty(On(Ascension.PlusDays(-7), Advice)); // an ordinary Thursday does have times
    }

    [Fact]
    public void Given_a_week_with_Ascension_Day_When_the_week_is_searched_Then_the_other_weekdays_keep_their_times()
    {
        var times = FreeTimes.Find(Config(), Advice, Monday, Monday.PlusDays(6), []);

        var days = times.Select(t => t.Start.Date).Distinct().ToList();
        Assert.Equal([Monday, Monday.PlusDays(1), Monday.PlusDays(2), Monday.PlusDays(4)], days);
    }

    [Fact]
    public void Given_a_unit_closure_When_times_are_found_Then_there_are_none_on_its_days()
    {
        var config = Config([new Closure(Monday, Monday.PlusDays(1), "Training day")]);

        Assert.Empty(FreeTimes.Find(config, Advice, Monday, Monday.PlusDays(1), []));
        Assert.NotEmpty(On(Monday.PlusDays(2), Advice, config));
        Assert.Equal("Training day", config.ClosedBecause(Monday));
    }

    [Fact]
    public void Given_a_supervisors_absence_When_times_are_found_Then_only_their_times_disappear()
    {
        var config = Config([new Closure(Monday, Monday, "Sick leave", Anna)]);

        var times = On(Monday, Advice, config);

        Assert.Empty(StartsOf(times, Anna));
        Assert.Equal(6, StartsOf(times, Bertil).Count);
        Assert.Null(config.ClosedBecause(Monday));
    }

    [Fact]
    public void Given_an_agreement_with_buffer_at_nine_When_times_are_found_Then_that_supervisor_is_busy_until_a_quarter_past_ten()
    {
        // 60 min + 15 min buffer: occupied 09:00-10:15.
        var held = Held(Anna, Monday + new LocalTime(9, 0), Agreement.Occupies);

        var times = On(Monday, Advice, null, held);

        Assert.Equal(Times("10:30", "11:00", "11:30"), StartsOf(times, Anna));
        Assert.Equal(Times("09:00", "09:30", "10:00", "10:30", "11:00", "11:30"), StartsOf(times, Bertil));
    }

    [Fact]
    public void Given_a_reservation_When_an_agreement_would_run_into_it_Then_that_start_is_not_offered_to_that_supervisor()
    {
        var held = Held(Anna, Monday + new LocalTime(11, 0), Advice.Occupies); // 11:00-11:30

        var times = On(Monday, Agreement, null, held);

        // Agreements occupy 75 min: 09:00 (until 10:15) and 09:30 (until 10:45) fit before 11:00; 10:00 would run to 11:15.
        Assert.Equal(Times("09:00", "09:30"), StartsOf(times, Anna));
        Assert.Equal(Times("09:00", "09:30", "10:00", "10:30"), StartsOf(times, Bertil));
    }

    [Fact]
    public void Given_a_reservation_ending_at_a_start_When_times_are_found_Then_that_start_is_free()
    {
        var held = Held(Anna, Monday + new LocalTime(9, 0), Duration.FromMinutes(30));

        Assert.Contains(new LocalTime(9, 30), StartsOf(On(Monday, Advice, null, held), Anna));
    }

    [Fact]
    public void Given_both_supervisors_reserved_When_times_are_found_Then_that_start_is_not_offered_at_all()
    {
        var times = On(Monday, Advice, null,
            Held(Anna, Monday + new LocalTime(10, 0), Advice.Occupies),
            Held(Bertil, Monday + new LocalTime(10, 0), Advice.Occupies));

        Assert.DoesNotContain(times, t => t.Start.TimeOfDay == new LocalTime(10, 0));
        Assert.Equal(5, times.Count);
    }

    [Fact]
    public void Given_a_fifteen_minute_step_When_times_are_found_Then_starts_step_by_fifteen_minutes()
    {
        var times = On(Monday, Advice, Config(slotStepMinutes: 15));

        Assert.Equal(Times("09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "11:30"),
            times.Select(t => t.Start.TimeOfDay).ToList());
    }

    [Fact]
    public void Given_a_three_hour_block_When_longer_meetings_are_found_Then_each_must_fit_inside_the_block_buffer_included()
    {
        Assert.Equal(Times("09:00", "09:30", "10:00", "10:30"), StartsOf(On(Monday, Agreement), Anna)); // 75 min occupied
        Assert.Equal(Times("09:00", "09:30", "10:00", "10:30", "11:00"), StartsOf(On(Monday, Paternity), Anna)); // 45 min
    }

    [Fact]
    public void Given_the_Friday_before_summer_time_ends_When_times_are_found_Then_nine_local_is_six_UTC()
    {
        var friday = new LocalDate(2026, 10, 23);

        var first = On(friday, Advice).First();

        Assert.Equal(new LocalDateTime(2026, 10, 23, 9, 0), first.Start);
        Assert.Equal(Instant.FromUtc(2026, 10, 23, 6, 0), first.StartsAt);
        Assert.Equal(Instant.FromUtc(2026, 10, 23, 6, 30), first.EndsAt);
    }

    [Fact]
    public void Given_the_Monday_after_summer_time_ends_When_times_are_found_Then_nine_local_is_seven_UTC()
    {
        var monday = new LocalDate(2026, 10, 26);

        var first = On(monday, Advice).First();

        Assert.Equal(new LocalDateTime(2026, 10, 26, 9, 0), first.Start);
        Assert.Equal(Instant.FromUtc(2026, 10, 26, 7, 0), first.StartsAt);
        Assert.Equal(Instant.FromUtc(2026, 10, 26, 7, 30), first.EndsAt);
    }

    [Fact]
    public void Given_the_week_summer_time_ends_When_it_is_searched_Then_every_StartsAt_is_its_local_start_in_Helsinki()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

        var times = FreeTimes.Find(Config(), Advice, new LocalDate(2026, 10, 19), new LocalDate(2026, 10, 30), []);

        Assert.All(times, t => Assert.Equal(t.Start, t.StartsAt.InZone(zone).LocalDateTime));
        Assert.All(times, t => Assert.Equal(t.Start.Date < new LocalDate(2026, 10, 25) ? Offset.FromHours(3) : Offset.FromHours(2),
            zone.GetUtcOffset(t.StartsAt)));
    }

    [Fact]
    public void Given_a_reservation_held_in_UTC_across_the_DST_change_When_times_are_found_Then_it_blocks_the_right_local_start()
    {
        var monday = new LocalDate(2026, 10, 26);
        // 07:00Z is 09:00 local after the change; if the zone were still +3 it would block 10:00 instead.
        var held = new Reservation(Anna, Guid.NewGuid(), Instant.FromUtc(2026, 10, 26, 7, 0), Instant.FromUtc(2026, 10, 26, 7, 30));

        var times = On(monday, Advice, null, held);

        Assert.DoesNotContain(new LocalTime(9, 0), StartsOf(times, Anna));
        Assert.Contains(new LocalTime(10, 0), StartsOf(times, Anna));
    }

    [Theory]
    [InlineData(2026, 3, 29)]  // 03:00 local is skipped (clocks go forward to 04:00)
    [InlineData(2026, 10, 25)] // 03:00-04:00 local comes twice (clocks go back)
    public void Given_night_hours_on_the_night_the_clocks_change_When_times_are_found_Then_each_start_maps_to_its_instant_as_elsewhere_in_the_service(
        int year, int month, int day)
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
        var sunday = new LocalDate(year, month, day);
        var config = Config() with { Hours = [new WeeklyHours(Anna, IsoDayOfWeek.Sunday, new LocalTime(1, 0), new LocalTime(6, 0))] };
        var held = new Reservation(Anna, Guid.NewGuid(), (sunday + new LocalTime(5, 0)).InZoneLeniently(zone).ToInstant(),
            (sunday + new LocalTime(5, 30)).InZoneLeniently(zone).ToInstant());

        var times = FreeTimes.Find(config, Advice, sunday, sunday, [held]);

        Assert.Equal(Times("01:00", "01:30", "02:00", "02:30", "03:00", "03:30", "04:00", "04:30", "05:30"), times.Select(t => t.Start.TimeOfDay).ToList());
        Assert.All(times, t => Assert.Equal(t.Start.InZoneLeniently(zone).ToInstant(), t.StartsAt));
        Assert.All(times, t => Assert.Equal(t.End.InZoneLeniently(zone).ToInstant(), t.EndsAt));
    }

    [Fact]
    public void Given_a_long_hold_with_short_ones_inside_and_after_it_When_times_are_found_Then_only_the_held_starts_are_taken()
    {
        // Anna's day 09:00-12:00: a hold from 09:00 to 10:30 with a meeting inside it, and one at 11:30.
        var times = On(Monday, Advice, null,
            Held(Anna, L(2026, 5, 11, 9, 0), Duration.FromMinutes(90)),
            Held(Anna, L(2026, 5, 11, 9, 30), Duration.FromMinutes(30)),
            Held(Anna, L(2026, 5, 11, 11, 30), Duration.FromMinutes(30)));

        Assert.Equal(Times("10:30", "11:00"), StartsOf(times, Anna));
        Assert.Equal(Times("09:00", "09:30", "10:00", "10:30", "11:00", "11:30"), StartsOf(times, Bertil));
    }

    [Fact]
    public void Given_a_day_When_bookable_hours_are_asked_Then_they_are_the_blocks_as_instants_and_none_on_a_holiday()
    {
        var hours = FreeTimes.BookableHours(Config(), Anna, Monday);

        Assert.Equal([new Interval(Helsinki(L(2026, 5, 11, 9)), Helsinki(L(2026, 5, 11, 12)))], hours);
        Assert.Empty(FreeTimes.BookableHours(Config(), Anna, Ascension));
        Assert.Empty(FreeTimes.BookableHours(Config([new Closure(Monday, Monday, "Leave", Anna)]), Anna, Monday));
    }
}
