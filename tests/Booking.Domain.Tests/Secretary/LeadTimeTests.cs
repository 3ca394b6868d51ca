// The unit's target: the first meeting within a week of the first contact, counted in calendar days on Helsinki's clock.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Secretary;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Families;

public class LeadTimeTests
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    private static LeadTime Assess(LocalDateTime firstContact, LocalDate today, LocalDateTime? earliestFree = null, LocalDateTime? firstMeeting = null) =>
        LeadTime.Assess(Helsinki(firstContact), today, Zone, earliestFree, firstMeeting);

    [Fact]
    public void Given_a_first_contact_late_in_the_evening_When_assessed_the_next_morning_Then_one_day_has_passed()
    {
        var lead = Assess(L(2026, 5, 4, 23, 30), new LocalDate(2026, 5, 5), L(2026, 5, 6, 9, 0));

        Assert.Equal((1, new LocalDate(2026, 5, 4), new LocalDate(2026, 5, 11)), (lead.DaysSinceFirstContact, lead.FirstContactDate, lead.TargetDate));
    }

    [Fact]
    public void Given_a_first_contact_after_midnight_in_Helsinki_but_before_it_in_UTC_When_assessed_Then_the_Helsinki_date_counts()
    {
        var lead = LeadTime.Assess(Instant.FromUtc(2026, 5, 4, 22, 30), new LocalDate(2026, 5, 5), Zone, null); // 01:30 on the 5th in Helsinki

        Assert.Equal((0, new LocalDate(2026, 5, 5), new LocalDate(2026, 5, 12)), (lead.DaysSinceFirstContact, lead.FirstContactDate, lead.TargetDate));
    }

    [Theory]
    [InlineData(2026, 3, 28, 2026, 3, 30, 2)]   // across the spring change (clocks forward on 29 March)
    [InlineData(2026, 10, 24, 2026, 10, 26, 2)] // across the autumn change (clocks back on 25 October)
    [InlineData(2026, 3, 29, 2026, 4, 5, 7)]    // the change day itself, a week later
    public void Given_a_first_contact_before_a_DST_change_When_assessed_after_it_Then_whole_calendar_days_are_counted(int y1, int m1, int d1,
        int y2, int m2, int d2, int days)
    {
        var lead = Assess(L(y1, m1, d1, 23, 45), new LocalDate(y2, m2, d2));

        Assert.Equal(days, lead.DaysSinceFirstContact);
        Assert.Equal(new LocalDate(y1, m1, d1).PlusDays(LeadTime.TargetDays), lead.TargetDate);
    }

    [Fact]
    public void Given_the_earliest_free_time_is_on_the_target_date_When_assessed_Then_the_target_can_be_met()
    {
        var lead = Assess(L(2026, 5, 4, 10, 0), new LocalDate(2026, 5, 4), L(2026, 5, 11, 18, 30));

        Assert.Equal(new LocalDate(2026, 5, 11), lead.TargetDate);
        Assert.False(lead.MissesTarget);
    }

    [Fact]
    public void Given_the_earliest_free_time_is_the_day_after_the_target_When_assessed_Then_it_misses_the_target()
    {
        var lead = Assess(L(2026, 5, 4, 10, 0), new LocalDate(2026, 5, 6), L(2026, 5, 12, 9, 0));

        Assert.True(lead.MissesTarget);
        Assert.Equal(L(2026, 5, 12, 9, 0), lead.EarliestFree);
    }

    [Fact]
    public void Given_no_free_time_at_all_When_assessed_Then_it_misses_the_target()
    {
        Assert.True(Assess(L(2026, 5, 4, 10, 0), new LocalDate(2026, 5, 4)).MissesTarget);
    }

    [Fact]
    public void Given_a_first_meeting_booked_within_the_target_When_assessed_later_Then_not_missed_whatever_is_free_now()
    {
        var lead = Assess(L(2026, 5, 4, 10, 0), new LocalDate(2026, 5, 20), earliestFree: L(2026, 5, 21, 9, 0), firstMeeting: L(2026, 5, 8, 9, 0));

        Assert.False(lead.MissesTarget);
        Assert.Equal(16, lead.DaysSinceFirstContact);
    }

    [Fact]
    public void Given_a_first_meeting_booked_after_the_target_When_assessed_Then_it_missed_even_if_an_earlier_time_is_free_now()
    {
        var lead = Assess(L(2026, 5, 4, 10, 0), new LocalDate(2026, 5, 5), earliestFree: L(2026, 5, 6, 9, 0), firstMeeting: L(2026, 5, 12, 9, 0));

        Assert.True(lead.MissesTarget);
    }

    [Fact]
    public async Task Given_a_first_contact_logged_this_morning_When_the_secretary_looks_for_the_earliest_free_time_Then_it_meets_the_target()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 5, 4, 7, 0)); // Monday 10:00 in Helsinki
        var store = new InMemoryEventStore(clock);
        var configuration = new FixedConfiguration(Config());
        var families = new FamilyUseCases(store, configuration, new InMemoryClientContacts(store), clock);
        var booking = new CentralBooking(store, configuration, new InMemoryReservations(store), new InMemoryOfferedHours(store), clock, _ => 0);
        var family = (await families.LogContact(UnitId, Guid.NewGuid(),
            new ContactRequest(ContactChannel.Phone, "agreement", ParentRole.Father, new ParentDetails("Matti", "", "040 765 4321", Language.Fi)),
            Guid.NewGuid, "staff:sirpa")).Value!;
        var today = new LocalDate(2026, 5, 4);

        var free = (await booking.FreeTimes(UnitId, new TeamFreeTimesQuery("agreement", Modality.InPerson, today, today.PlusWeeks(2), new()))).Value!;
        var lead = LeadTime.Assess(family.FirstContactAt!.Value, today, Zone, free[0].Start);

        Assert.Equal((0, today.PlusDays(7), L(2026, 5, 4, 10, 30), false),
            (lead.DaysSinceFirstContact, lead.TargetDate, lead.EarliestFree, lead.MissesTarget));
    }
}
