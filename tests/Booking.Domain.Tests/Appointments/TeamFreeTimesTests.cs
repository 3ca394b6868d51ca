// Free times as the secretary sees them, pure: the family's own supervisor only, pair work needing both professionals free,
// and a partner service's professional free only inside the hours they offered (kept in their staff-day stream).
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Appointments;

public class TeamFreeTimesTests
{
    private static readonly LocalDate Monday = new(2026, 5, 11);
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);

    private static IReadOnlyList<FreeTime> On(LocalDate date, TeamOptions options, IReadOnlyList<Reservation>? held = null,
        IReadOnlyList<OfferedHours>? offered = null, AppointmentType? type = null) =>
        TeamFreeTimes.Find(Config(), type ?? Advice, date, date, held ?? [], offered ?? [], options);

    private static Reservation Held(Guid staff, LocalDateTime from, int minutes) =>
        new(staff, Guid.NewGuid(), Helsinki(from), Helsinki(from) + Duration.FromMinutes(minutes));

    private static OfferedHours Offered(Guid staff, LocalDateTime from, LocalDateTime to) =>
        new(staff, from.Date, new Interval(Helsinki(from), Helsinki(to)));

    private static LocalDateTime Mon(int hour, int minute = 0) => Monday.At(new LocalTime(hour, minute));

    [Fact]
    public void Given_no_options_When_team_times_are_found_Then_they_are_the_plain_free_times_with_who_is_free()
    {
        var held = new[] { Held(Anna, Mon(9), 30) };

        var team = On(Monday, new TeamOptions(), held);

        Assert.Equal(FreeTimes.Find(Config(), Advice, Monday, Monday, held).Select(t => (t.Start, string.Join(",", t.FreeStaff))),
            team.Select(t => (t.Start, string.Join(",", t.FreeStaff))));
        Assert.Equal([Bertil], team[0].FreeStaff);
    }

    [Fact]
    public void Given_the_family_keeps_Anna_When_team_times_are_found_Then_her_busy_times_are_gone_even_where_Bertil_is_free()
    {
        var times = On(Monday, new TeamOptions(Supervisor: Anna), [Held(Anna, Mon(10), 60)]);

        Assert.Equal([Mon(9), Mon(9, 30), Mon(11), Mon(11, 30)], times.Select(t => t.Start));
        Assert.All(times, t => Assert.Equal([Anna], t.FreeStaff));
    }

    [Fact]
    public void Given_pair_work_with_Bertil_When_he_is_busy_at_ten_Then_no_start_whose_meeting_would_touch_his_reservation_is_offered()
    {
        var times = On(Monday, new TeamOptions(SecondProfessional: Bertil), [Held(Bertil, Mon(10), 30)], type: Agreement); // 75 minutes

        Assert.Equal([Mon(10, 30)], times.Select(t => t.Start)); // 09:00 and 09:30 would run into 10:00; 11:00 would not fit
        Assert.Equal([Anna], times[0].FreeStaff);
    }

    [Fact]
    public void Given_pair_work_with_a_partner_professional_without_offered_hours_When_team_times_are_found_Then_none()
    {
        Assert.Empty(On(Monday, new TeamOptions(SecondProfessional: Partner)));
    }

    [Fact]
    public void Given_a_partner_professional_offered_hours_on_another_day_When_team_times_are_found_Then_none_that_day()
    {
        Assert.Empty(On(Monday, new TeamOptions(SecondProfessional: Partner), offered: [Offered(Partner, Mon(9).PlusDays(1), Mon(12).PlusDays(1))]));
    }

    [Fact]
    public void Given_a_partner_professional_offered_ten_to_eleven_and_is_busy_half_of_it_When_team_times_are_found_Then_only_the_free_half()
    {
        var times = On(Monday, new TeamOptions(SecondProfessional: Partner), [Held(Partner, Mon(10), 30)], [Offered(Partner, Mon(10), Mon(11))]);

        Assert.Equal([Mon(10, 30)], times.Select(t => t.Start));
        Assert.Equal([Anna, Bertil], times[0].FreeStaff);
    }

    [Fact]
    public void Given_the_family_keeps_Anna_and_pairs_her_with_Bertil_When_team_times_are_found_Then_only_where_both_are_free()
    {
        var times = On(Monday, new TeamOptions(Anna, Bertil), [Held(Anna, Mon(9), 30), Held(Bertil, Mon(11), 30)]);

        Assert.Equal([Mon(9, 30), Mon(10), Mon(10, 30), Mon(11, 30)], times.Select(t => t.Start));
        Assert.All(times, t => Assert.Equal([Anna], t.FreeStaff));
    }

    [Fact]
    public void Given_a_partner_professional_on_leave_When_they_offered_hours_that_day_Then_they_are_not_free()
    {
        var config = Config([new Closure(Monday, Monday, "Leave", Partner)]);

        Assert.False(TeamFreeTimes.IsFree(config, Partner, Monday, Helsinki(Mon(9)), Helsinki(Mon(9, 30)), [], [Offered(Partner, Mon(9), Mon(12))]));
        Assert.True(TeamFreeTimes.IsFree(Config(), Partner, Monday, Helsinki(Mon(9)), Helsinki(Mon(9, 30)), [], [Offered(Partner, Mon(9), Mon(12))]));
    }

    // --- the staff-day stream keeps the offered hours and lets them be reserved ---

    private static readonly Interval NineToTen = new(Helsinki(Mon(9)), Helsinki(Mon(10)));

    private static StaffDay Given(params StaffDayEvent[] events) => events.Aggregate(StaffDay.Initial, (s, e) => StaffDay.Evolve(s, e));

    private static HoursOffered NineToTenOffered() => new(Partner, Monday, NineToTen.Start, NineToTen.End, "staff:sirpa", Now);

    [Fact]
    public void Given_an_empty_day_When_hours_are_offered_Then_HoursOffered()
    {
        var decision = StaffDayDecider.Decide(new OfferHours(Partner, Monday, NineToTen.Start, NineToTen.End, "staff:sirpa", Now), StaffDay.Initial);

        Assert.Equal(NineToTenOffered(), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_offered_hours_When_hours_inside_them_are_offered_again_Then_no_events_but_wider_ones_are_recorded()
    {
        var state = Given(NineToTenOffered());

        var inside = StaffDayDecider.Decide(new OfferHours(Partner, Monday, Helsinki(Mon(9, 30)), Helsinki(Mon(10)), "staff:sirpa", Now), state);
        var wider = StaffDayDecider.Decide(new OfferHours(Partner, Monday, Helsinki(Mon(9)), Helsinki(Mon(11)), "staff:sirpa", Now), state);

        Assert.False(inside.IsError);
        Assert.Empty(inside.Events);
        Assert.IsType<HoursOffered>(Assert.Single(wider.Events));
    }

    [Theory]
    [InlineData(0)]   // starting now
    [InlineData(-60)] // an hour ago
    public void Given_a_time_not_in_the_future_When_hours_are_offered_Then_time_in_past(int minutesFromNow)
    {
        var start = Now + Duration.FromMinutes(minutesFromNow);

        var decision = StaffDayDecider.Decide(new OfferHours(Partner, Monday, start, start + Duration.FromHours(2), "staff:sirpa", Now), StaffDay.Initial);

        Assert.Equal("time_in_past", decision.Error?.Code);
    }

    [Fact]
    public void Given_offered_hours_and_no_weekly_hours_When_a_slot_inside_them_is_reserved_Then_SlotReserved()
    {
        var appointment = Guid.NewGuid();

        var decision = StaffDayDecider.Decide(new ReserveSlot(Partner, Monday, appointment, Helsinki(Mon(9, 30)), Helsinki(Mon(10)), [], Now),
            Given(NineToTenOffered()));

        Assert.Equal(new SlotReserved(Partner, Monday, appointment, Helsinki(Mon(9, 30)), Helsinki(Mon(10)), Now), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_offered_hours_When_a_slot_running_past_them_is_reserved_Then_outside_bookable_hours()
    {
        var decision = StaffDayDecider.Decide(new ReserveSlot(Partner, Monday, Guid.NewGuid(), Helsinki(Mon(9, 30)), Helsinki(Mon(10, 30)), [], Now),
            Given(NineToTenOffered()));

        Assert.Equal("outside_bookable_hours", decision.Error?.Code);
    }

    [Fact]
    public void Given_offered_hours_with_a_reservation_When_an_overlapping_slot_is_reserved_Then_slot_taken()
    {
        var state = Given(NineToTenOffered(), new SlotReserved(Partner, Monday, Guid.NewGuid(), Helsinki(Mon(9)), Helsinki(Mon(9, 30)), Now));

        var decision = StaffDayDecider.Decide(new ReserveSlot(Partner, Monday, Guid.NewGuid(), Helsinki(Mon(9)), Helsinki(Mon(9, 30)), [], Now), state);

        Assert.Equal("slot_taken", decision.Error?.Code);
    }
}
