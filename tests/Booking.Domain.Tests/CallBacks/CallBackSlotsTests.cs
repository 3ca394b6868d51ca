// Windows become 15-minute slots on the day they fall on, never on holidays, unit closures or a supervisor's absence,
// never for a retired supervisor, and at the right instants on the day summer time starts.
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using NodaTime;
using static Booking.Domain.Tests.CallBacks.CallBackTestUnit;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.CallBacks;

public class CallBackSlotsTests
{
    [Fact]
    public void Given_a_one_hour_window_When_the_slots_of_its_day_are_listed_Then_there_are_four_15_minute_slots_of_that_supervisor()
    {
        var slots = CallBackSlots.On(CallBackConfig(), Today);

        Assert.Equal([L(2026, 4, 20, 14), L(2026, 4, 20, 14, 15), L(2026, 4, 20, 14, 30), L(2026, 4, 20, 14, 45)], slots.Select(s => s.Start));
        Assert.All(slots, s => Assert.Equal(Anna, s.StaffId));
        Assert.All(slots, s => Assert.Equal(Duration.FromMinutes(15), s.EndsAt - s.StartsAt));
        Assert.Equal(L(2026, 4, 20, 15), slots[^1].End);
    }

    [Fact]
    public void Given_a_retired_supervisors_window_When_slots_are_listed_Then_it_gives_none()
    {
        Assert.DoesNotContain(CallBackSlots.On(CallBackConfig(), Today), s => s.StaffId == Retired);
    }

    [Fact]
    public void Given_30_minute_slots_When_a_window_does_not_divide_evenly_Then_only_whole_slots_are_offered()
    {
        var config = CallBackConfig(windows: [new CallBackWindow(Anna, IsoDayOfWeek.Monday, new LocalTime(14, 0), new LocalTime(15, 10))], slotMinutes: 30);

        Assert.Equal([L(2026, 4, 20, 14), L(2026, 4, 20, 14, 30)], CallBackSlots.On(config, Today).Select(s => s.Start));
    }

    [Fact]
    public void Given_two_supervisors_with_the_same_window_When_slots_are_listed_Then_each_time_has_a_slot_for_each()
    {
        var slots = CallBackSlots.On(CallBackConfig(), Tuesday);

        Assert.Equal(4, slots.Count);
        Assert.Equal(2, slots.Count(s => s.Start == L(2026, 4, 21, 13)));
    }

    [Fact]
    public void Given_Ascension_Day_on_a_Thursday_When_slots_are_listed_Then_there_are_none_but_the_Thursday_before_has_them()
    {
        Assert.Empty(CallBackSlots.On(CallBackConfig(), new LocalDate(2026, 5, 14)));
        Assert.Equal(4, CallBackSlots.On(CallBackConfig(), new LocalDate(2026, 5, 7)).Count);
    }

    [Fact]
    public void Given_a_unit_closure_and_an_absence_When_slots_are_listed_Then_the_closed_day_has_none_and_the_absent_supervisor_none()
    {
        var config = CallBackConfig(closures:
        [
            new Closure(Today, Today, "Training day"),
            new Closure(Wednesday, Wednesday, "Sick leave", Bertil),
        ]);

        Assert.Empty(CallBackSlots.On(config, Today));
        var wednesday = CallBackSlots.On(config, Wednesday);
        Assert.Equal(4, wednesday.Count);
        Assert.All(wednesday, s => Assert.Equal(Anna, s.StaffId));
    }

    [Fact]
    public void Given_Bertil_is_away_10_to_10_30_on_Wednesday_When_slots_are_listed_Then_only_his_slots_in_that_half_hour_are_gone()
    {
        var config = CallBackConfig(closures: [new Closure(Wednesday, Wednesday, "Absence", Bertil, new LocalTime(10, 0), new LocalTime(10, 30))]);

        var bertils = CallBackSlots.On(config, Wednesday).Where(s => s.StaffId == Bertil).Select(s => s.Start);

        Assert.Equal([L(2026, 4, 22, 10, 30), L(2026, 4, 22, 10, 45)], bertils);
        Assert.Equal(4, CallBackSlots.On(config, Wednesday).Count(s => s.StaffId == Anna));
    }

    [Fact]
    public void Given_an_absence_ending_mid_slot_When_slots_are_listed_Then_the_slot_it_touches_is_gone_too()
    {
        var config = CallBackConfig(closures: [new Closure(Today, Today, "Absence", Anna, new LocalTime(11, 0), new LocalTime(14, 20))]);

        Assert.Equal([L(2026, 4, 20, 14, 30), L(2026, 4, 20, 14, 45)], CallBackSlots.On(config, Today).Select(s => s.Start));
    }

    [Fact]
    public void Given_Anna_is_away_at_13_on_Tuesday_and_Bertil_covers_the_window_When_slots_are_listed_Then_13_keeps_one_slot_and_13_15_two()
    {
        var config = CallBackConfig(closures: [new Closure(Tuesday, Tuesday, "Absence", Anna, new LocalTime(12, 0), new LocalTime(13, 15))]);

        var slots = CallBackSlots.On(config, Tuesday);

        Assert.Equal([Bertil], slots.Where(s => s.Start == L(2026, 4, 21, 13)).Select(s => s.StaffId));
        Assert.Equal(2, slots.Count(s => s.Start == L(2026, 4, 21, 13, 15)));
    }

    [Fact]
    public void Given_Anna_is_away_all_Tuesday_and_the_unit_closes_Wednesday_at_13_When_slots_are_listed_Then_Bertil_alone_and_no_slot_in_the_closed_hours()
    {
        var config = CallBackConfig(closures:
        [
            new Closure(Tuesday, Tuesday, "Absence", Anna),
            new Closure(Wednesday, Wednesday, "Staff meeting", null, new LocalTime(13, 0), new LocalTime(14, 0)),
        ]);

        Assert.All(CallBackSlots.On(config, Tuesday), s => Assert.Equal(Bertil, s.StaffId));
        Assert.Equal(2, CallBackSlots.On(config, Tuesday).Count);
        Assert.DoesNotContain(CallBackSlots.On(config, Wednesday), s => s.Start.Hour == 13);
        Assert.Equal(4, CallBackSlots.On(config, Wednesday).Count);
    }

    [Fact]
    public void Given_the_day_summer_time_starts_When_a_Sunday_window_is_cut_Then_its_slots_are_at_the_summer_offset()
    {
        var config = CallBackConfig(windows: [new CallBackWindow(Anna, IsoDayOfWeek.Sunday, new LocalTime(14, 0), new LocalTime(15, 0))]);

        var winter = CallBackSlots.On(config, new LocalDate(2026, 3, 22));
        var summer = CallBackSlots.On(config, new LocalDate(2026, 3, 29));

        Assert.Equal(Instant.FromUtc(2026, 3, 22, 12, 0), winter[0].StartsAt);
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 11, 0), summer[0].StartsAt);
        Assert.Equal(4, summer.Count);
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 12, 0), summer[^1].EndsAt);
    }

    [Fact]
    public void Given_a_week_When_slots_between_two_dates_are_counted_Then_every_open_window_day_counts()
    {
        // Mon 4 (Anna), Tue 4 (Anna 2 + Bertil 2), Wed 8 (Anna 4 + Bertil 4), Thu 4 (Bertil).
        Assert.Equal(20, CallBackSlots.Between(CallBackConfig(), Today, Today.PlusDays(6)).Count);
    }

    [Fact]
    public void Given_a_window_overlapping_the_supervisors_bookable_hours_When_the_configuration_is_checked_Then_the_window_is_named()
    {
        var config = CallBackConfig(windows:
        [
            new CallBackWindow(Anna, IsoDayOfWeek.Monday, new LocalTime(11, 0), new LocalTime(12, 30)),
            new CallBackWindow(Sirpa, IsoDayOfWeek.Friday, new LocalTime(13, 0), new LocalTime(14, 0)),
            new CallBackWindow(Bertil, IsoDayOfWeek.Friday, new LocalTime(14, 0), new LocalTime(13, 0)),
        ]);

        var errors = CallBackSettings.Validate(config);

        Assert.Contains("overlaps", errors["callBacks.windows[0]"][0]);
        Assert.Contains("callBacks.windows[1].staffId", errors.Keys);
        Assert.Contains("callBacks.windows[2].to", errors.Keys);
        Assert.Empty(CallBackSettings.Validate(CallBackConfig()));
    }
}
