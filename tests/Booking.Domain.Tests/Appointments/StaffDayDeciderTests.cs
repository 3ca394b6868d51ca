// The staff-day stream is what makes two bookings of one person's time impossible: given events, when command, then events.
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Tests.Appointments;

public class StaffDayDeciderTests
{
    private static readonly Guid Staff = Guid.Parse("11111111-0000-0000-0000-000000000001");
    private static readonly LocalDate Day = new(2026, 5, 11);
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);

    // 09:00-12:00 and 16:00-19:00 local (UTC+3 in May).
    private static readonly IReadOnlyList<Interval> Hours =
    [
        new(Instant.FromUtc(2026, 5, 11, 6, 0), Instant.FromUtc(2026, 5, 11, 9, 0)),
        new(Instant.FromUtc(2026, 5, 11, 13, 0), Instant.FromUtc(2026, 5, 11, 16, 0)),
    ];

    private static Instant At(int hourUtc, int minute = 0) => Instant.FromUtc(2026, 5, 11, hourUtc, minute);

    private static ReserveSlot Reserve(Guid appointment, Instant start, Instant end) => new(Staff, Day, appointment, start, end, Hours, Now);

    private static StaffDay Given(params StaffDayEvent[] events) => events.Aggregate(StaffDay.Initial, (s, e) => StaffDay.Evolve(s, e));

    private static SlotReserved Reserved(Guid appointment, Instant start, Instant end) => new(Staff, Day, appointment, start, end, Now);

    [Fact]
    public void Given_an_open_day_When_a_slot_is_reserved_Then_SlotReserved()
    {
        var appointment = Guid.NewGuid();

        var decision = StaffDayDecider.Decide(Reserve(appointment, At(6), At(7)), StaffDay.Initial);

        Assert.False(decision.IsError);
        var reserved = Assert.IsType<SlotReserved>(Assert.Single(decision.Events));
        Assert.Equal(new SlotReserved(Staff, Day, appointment, At(6), At(7), Now), reserved);
    }

    [Fact]
    public void Given_an_evening_block_When_a_slot_inside_it_is_reserved_Then_SlotReserved()
    {
        var decision = StaffDayDecider.Decide(Reserve(Guid.NewGuid(), At(15), At(16)), StaffDay.Initial);

        Assert.IsType<SlotReserved>(Assert.Single(decision.Events));
    }

    [Theory]
    [InlineData(7, 0, 8, 0)]    // starts inside the existing one (06:30-07:30 UTC)
    [InlineData(6, 0, 7, 0)]    // ends inside it
    [InlineData(6, 45, 7, 15)]  // lies inside it
    [InlineData(6, 0, 8, 0)]    // covers it
    [InlineData(6, 30, 7, 30)]  // exactly the same time
    public void Given_a_reservation_When_an_overlapping_one_is_reserved_Then_slot_taken(int h1, int m1, int h2, int m2)
    {
        var state = Given(Reserved(Guid.NewGuid(), At(6, 30), At(7, 30)));

        var decision = StaffDayDecider.Decide(Reserve(Guid.NewGuid(), At(h1, m1), At(h2, m2)), state);

        Assert.True(decision.IsError);
        Assert.Equal("slot_taken", decision.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, decision.Error.Kind);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_reservation_When_the_next_one_starts_exactly_when_it_ends_Then_SlotReserved()
    {
        var state = Given(Reserved(Guid.NewGuid(), At(6, 30), At(7, 30)));

        var decision = StaffDayDecider.Decide(Reserve(Guid.NewGuid(), At(7, 30), At(8)), state);

        Assert.IsType<SlotReserved>(Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_reservation_When_one_ends_exactly_when_it_starts_Then_SlotReserved()
    {
        var state = Given(Reserved(Guid.NewGuid(), At(6, 30), At(7, 30)));

        var decision = StaffDayDecider.Decide(Reserve(Guid.NewGuid(), At(6), At(6, 30)), state);

        Assert.IsType<SlotReserved>(Assert.Single(decision.Events));
    }

    [Theory]
    [InlineData(5, 0, 6, 0)]    // before the morning block
    [InlineData(8, 30, 9, 30)]  // runs past the end of the morning block
    [InlineData(9, 0, 10, 0)]   // in the gap between blocks
    [InlineData(8, 30, 13, 30)] // spans the gap
    [InlineData(16, 0, 16, 30)] // after the evening block
    public void Given_an_open_day_When_a_slot_outside_the_bookable_hours_is_reserved_Then_outside_bookable_hours(int h1, int m1, int h2, int m2)
    {
        var decision = StaffDayDecider.Decide(Reserve(Guid.NewGuid(), At(h1, m1), At(h2, m2)), StaffDay.Initial);

        Assert.Equal("outside_bookable_hours", decision.Error?.Code);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_day_with_no_bookable_hours_When_a_slot_is_reserved_Then_outside_bookable_hours()
    {
        var decision = StaffDayDecider.Decide(new ReserveSlot(Staff, Day, Guid.NewGuid(), At(6), At(7), [], Now), StaffDay.Initial);

        Assert.Equal("outside_bookable_hours", decision.Error?.Code);
    }

    [Fact]
    public void Given_a_reservation_When_the_same_appointment_reserves_the_same_time_again_Then_no_events()
    {
        var appointment = Guid.NewGuid();
        var state = Given(Reserved(appointment, At(6), At(7)));

        var decision = StaffDayDecider.Decide(Reserve(appointment, At(6), At(7)), state);

        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_reservation_When_the_same_appointment_reserves_another_time_Then_slot_already_held()
    {
        var appointment = Guid.NewGuid();
        var state = Given(Reserved(appointment, At(6), At(7)));

        var decision = StaffDayDecider.Decide(Reserve(appointment, At(8), At(8, 30)), state);

        Assert.Equal("slot_already_held", decision.Error?.Code);
    }

    [Fact]
    public void Given_a_reservation_When_it_is_released_Then_SlotReleased()
    {
        var appointment = Guid.NewGuid();
        var state = Given(Reserved(appointment, At(6), At(7)));
        var releasedAt = Now + Duration.FromHours(1);

        var decision = StaffDayDecider.Decide(new ReleaseSlot(Staff, Day, appointment, releasedAt), state);

        Assert.Equal(new SlotReleased(Staff, Day, appointment, releasedAt), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_no_reservation_for_an_appointment_When_it_is_released_Then_no_events()
    {
        var state = Given(Reserved(Guid.NewGuid(), At(6), At(7)));

        var decision = StaffDayDecider.Decide(new ReleaseSlot(Staff, Day, Guid.NewGuid(), Now), state);

        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_released_reservation_When_it_is_released_again_Then_no_events()
    {
        var appointment = Guid.NewGuid();
        var state = Given(Reserved(appointment, At(6), At(7)), new SlotReleased(Staff, Day, appointment, Now));

        var decision = StaffDayDecider.Decide(new ReleaseSlot(Staff, Day, appointment, Now), state);

        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_released_reservation_When_another_appointment_reserves_that_time_Then_SlotReserved()
    {
        var first = Guid.NewGuid();
        var state = Given(Reserved(first, At(6), At(7)), new SlotReleased(Staff, Day, first, Now));

        var decision = StaffDayDecider.Decide(Reserve(Guid.NewGuid(), At(6), At(7)), state);

        Assert.IsType<SlotReserved>(Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_an_open_day_When_a_reservation_ends_before_it_starts_Then_empty_time()
    {
        var decision = StaffDayDecider.Decide(Reserve(Guid.NewGuid(), At(7), At(6)), StaffDay.Initial);

        Assert.Equal("empty_time", decision.Error?.Code);
    }
}
