// The info evening rules as given events / when command / then events: an evening on Tuesday 2026-12-15 18:00-20:00 in
// Helsinki with 4 seats, registration open from 2026-12-01 until 2026-12-14 12:00.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.InfoEvenings;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.InfoEvenings;

public class InfoEveningDeciderTests
{
    public static readonly Guid EveningId = Guid.Parse("e0000000-0000-0000-0000-000000000001");
    public static readonly Instant Start = Helsinki(L(2026, 12, 15, 18));
    public static readonly Instant End = Helsinki(L(2026, 12, 15, 20));
    public static readonly Instant Opens = Helsinki(L(2026, 12, 1, 8));
    public static readonly Instant Closes = Helsinki(L(2026, 12, 14, 12));
    public static readonly Instant During = Helsinki(L(2026, 12, 5, 10));

    public static EveningScheduled Scheduled(int capacity = 4) =>
        new(EveningId, "Vanhempien eron ABC", "Mitä ero tarkoittaa lapselle", Start, End, "Porvoon kaupungintalo", null, Language.Fi, capacity,
            ["Yhden vanhemman perheiden liitto"], Opens, Closes, "manager", Helsinki(L(2026, 11, 20, 9)));

    public static Guid R(int n) => Guid.Parse($"a0000000-0000-0000-0000-{n:D12}");
    public static Guid C(int n) => Guid.Parse($"c0000000-0000-0000-0000-{n:D12}");

    private static InfoEveningEvent Reg(int n, int seats = 1) => new Registered(EveningId, R(n), C(n), seats, During);
    private static InfoEveningEvent Wait(int n, int seats = 1) => new Waitlisted(EveningId, R(n), C(n), seats, During);

    private static InfoEvening Given(params InfoEveningEvent[] events) => events.Aggregate(InfoEvening.Initial, (s, e) => InfoEvening.Evolve(s, e));

    private static Decision<InfoEveningEvent> When(InfoEvening state, InfoEveningCommand command) => InfoEveningDecider.Decide(command, state);

    private static Register Register(int n, int seats = 1, Instant? now = null) => new(R(n), C(n), seats, now ?? During);

    private static void AssertError(Decision<InfoEveningEvent> decision, string code)
    {
        Assert.True(decision.IsError, $"expected {code}, got {decision.Events.Count} event(s)");
        Assert.Equal(code, decision.Error!.Code);
    }

    private static IReadOnlyList<InfoEveningEvent> Events(Decision<InfoEveningEvent> decision)
    {
        Assert.False(decision.IsError, decision.Error?.ToString());
        return decision.Events;
    }

    [Fact]
    public void Given_nothing_When_an_evening_is_scheduled_Then_EveningScheduled()
    {
        var s = Scheduled();
        var events = Events(When(InfoEvening.Initial, new ScheduleEvening(EveningId, s.Title, s.Description, Start, End, s.Place, null, Language.Fi,
            4, s.Partners, Opens, Closes, "manager", s.At)));
        Assert.Equal(s with { Partners = Assert.IsType<EveningScheduled>(Assert.Single(events)).Partners }, events[0]);
        Assert.Equal(s.Partners, ((EveningScheduled)events[0]).Partners);
    }

    [Theory]
    [InlineData("", 4, "title")]
    [InlineData("ABC", 0, "capacity")]
    [InlineData("ABC", 501, "capacity")]
    public void Given_nothing_When_an_invalid_evening_is_scheduled_Then_the_field_is_named(string title, int capacity, string field)
    {
        var decision = When(InfoEvening.Initial, new ScheduleEvening(EveningId, title, "", Start, End, "Sali", null, Language.Fi, capacity, [],
            Opens, Closes, "manager", During));
        AssertError(decision, "invalid_input");
        Assert.Equal(field, decision.Error!.Field);
    }

    [Fact]
    public void Given_a_scheduled_evening_When_it_is_scheduled_again_Then_nothing()
    {
        var s = Scheduled();
        Assert.Empty(Events(When(Given(s), new ScheduleEvening(EveningId, s.Title, s.Description, Start, End, s.Place, null, Language.Fi,
            4, s.Partners, Opens, Closes, "manager", During))));
    }

    [Fact]
    public void Given_an_open_evening_When_people_register_until_it_is_full_Then_the_rest_wait_in_arrival_order()
    {
        var state = Given(Scheduled(capacity: 3));
        var seen = new List<InfoEveningEvent>();
        for (var n = 1; n <= 5; n++)
        {
            var events = Events(When(state, Register(n)));
            seen.AddRange(events);
            state = events.Aggregate(state, InfoEvening.Evolve);
        }

        Assert.Equal([typeof(Registered), typeof(Registered), typeof(Registered), typeof(Waitlisted), typeof(Waitlisted)],
            seen.Select(e => e.GetType()));
        Assert.Equal((3, 0), (state.SeatsTaken, state.SeatsFree));
        Assert.Equal([R(4), R(5)], state.Waiting.Select(w => w.RegistrationId));
        Assert.Equal(2, state.WaitingPosition(R(5)));
        Assert.Null(state.WaitingPosition(R(1)));
    }

    [Fact]
    public void Given_one_seat_left_When_two_seats_are_asked_Then_the_registration_waits()
    {
        var state = Given(Scheduled(), Reg(1, 2), Reg(2));
        Assert.IsType<Waitlisted>(Assert.Single(Events(When(state, Register(3, seats: 2)))));
        Assert.IsType<Registered>(Assert.Single(Events(When(state, Register(3, seats: 1)))));
    }

    [Fact]
    public void Given_someone_waits_When_a_smaller_party_that_would_fit_registers_Then_it_waits_too_and_does_not_overtake()
    {
        var state = Given(Scheduled(), Reg(1, 2), Reg(2), Wait(3, 2));
        Assert.Equal(1, state.SeatsFree);
        Assert.IsType<Waitlisted>(Assert.Single(Events(When(state, Register(4)))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Given_an_open_evening_When_0_or_3_seats_are_asked_Then_invalid_seats(int seats)
    {
        var decision = When(Given(Scheduled()), Register(1, seats));
        AssertError(decision, "invalid_seats");
        Assert.Equal("seats", decision.Error!.Field);
    }

    [Fact]
    public void Given_an_evening_When_someone_registers_before_registration_opens_Then_registration_not_open() =>
        AssertError(When(Given(Scheduled()), Register(1, now: Opens - Duration.FromMinutes(1))), "registration_not_open");

    [Fact]
    public void Given_an_evening_When_someone_registers_once_registration_has_closed_Then_registration_closed() =>
        AssertError(When(Given(Scheduled()), Register(1, now: Closes)), "registration_closed");

    [Fact]
    public void Given_a_cancelled_evening_When_someone_registers_Then_evening_cancelled() =>
        AssertError(When(Given(Scheduled(), new EveningCancelled(EveningId, "Sairastuminen", "manager", During)), Register(1)), "evening_cancelled");

    [Fact]
    public void Given_no_evening_When_someone_registers_Then_evening_not_found() =>
        AssertError(When(InfoEvening.Initial, Register(1)), "evening_not_found");

    [Fact]
    public void Given_a_registration_When_the_same_registration_is_sent_again_Then_nothing()
    {
        Assert.Empty(Events(When(Given(Scheduled(), Reg(1)), Register(1))));
        Assert.Empty(Events(When(Given(Scheduled(), Wait(1)), Register(1))));
    }

    [Fact]
    public void Given_a_full_evening_with_a_waiting_list_When_a_registered_client_cancels_Then_the_first_waiting_is_promoted()
    {
        var state = Given(Scheduled(capacity: 2), Reg(1), Reg(2), Wait(3), Wait(4));
        var events = Events(When(state, new CancelRegistration(R(1), During)));

        Assert.Equal<InfoEveningEvent>([new RegistrationCancelled(EveningId, R(1), During), new PromotedFromWaitlist(EveningId, R(3), During)], events);
        var after = events.Aggregate(state, InfoEvening.Evolve);
        Assert.Equal([R(2), R(3)], after.Registered.Select(r => r.RegistrationId));
        Assert.Equal(1, after.WaitingPosition(R(4)));
    }

    [Fact]
    public void Given_two_seats_freed_When_the_first_two_waiting_fit_Then_both_are_promoted_in_arrival_order()
    {
        var state = Given(Scheduled(capacity: 3), Reg(1, 2), Reg(2), Wait(3), Wait(4), Wait(5));
        var events = Events(When(state, new CancelRegistration(R(1), During)));
        Assert.Equal([R(3), R(4)], events.OfType<PromotedFromWaitlist>().Select(p => p.RegistrationId));
    }

    [Fact]
    public void Given_the_first_waiting_needs_two_seats_When_one_seat_frees_Then_nobody_skips_ahead()
    {
        var state = Given(Scheduled(capacity: 2), Reg(1), Reg(2), Wait(3, 2), Wait(4));
        var events = Events(When(state, new CancelRegistration(R(1), During)));
        Assert.IsType<RegistrationCancelled>(Assert.Single(events));
    }

    [Fact]
    public void Given_the_first_waiting_needs_two_seats_When_it_cancels_Then_the_next_who_fits_in_the_free_seat_is_promoted()
    {
        var state = Given(Scheduled(capacity: 2), Reg(1), Wait(2, 2), Wait(3));
        var events = Events(When(state, new CancelRegistration(R(2), During)));
        Assert.Equal<InfoEveningEvent>([new RegistrationCancelled(EveningId, R(2), During), new PromotedFromWaitlist(EveningId, R(3), During)], events);
    }

    [Fact]
    public void Given_a_cancelled_registration_When_it_is_cancelled_again_Then_nothing() =>
        Assert.Empty(Events(When(Given(Scheduled(), Reg(1), new RegistrationCancelled(EveningId, R(1), During)),
            new CancelRegistration(R(1), During))));

    [Fact]
    public void Given_an_evening_that_has_started_When_a_registration_is_cancelled_Then_evening_started() =>
        AssertError(When(Given(Scheduled(), Reg(1)), new CancelRegistration(R(1), Start)), "evening_started");

    [Fact]
    public void Given_a_cancelled_evening_When_it_is_cancelled_again_Then_nothing() =>
        Assert.Empty(Events(When(Given(Scheduled(), new EveningCancelled(EveningId, "x", "manager", During)),
            new CancelEvening("y", "manager", During))));

    [Fact]
    public void Given_a_registration_When_attendance_is_marked_twice_Then_one_event()
    {
        var state = Given(Scheduled(), Reg(1));
        var first = Events(When(state, new MarkAttendance(R(1), true, "manager", Start)));
        Assert.Equal<InfoEveningEvent>([new AttendanceMarked(EveningId, R(1), true, "manager", Start)], first);
        Assert.Empty(Events(When(first.Aggregate(state, InfoEvening.Evolve), new MarkAttendance(R(1), true, "manager", Start))));
    }

    [Fact]
    public void Given_a_waiting_registration_When_attendance_is_marked_Then_not_registered() =>
        AssertError(When(Given(Scheduled(capacity: 1), Reg(1), Wait(2)), new MarkAttendance(R(2), true, "manager", Start)), "not_registered");

    [Fact]
    public void Given_a_week_before_the_evening_When_attendance_is_marked_Then_evening_not_started() =>
        AssertError(When(Given(Scheduled(), Reg(1)), new MarkAttendance(R(1), true, "manager", During)), "evening_not_started");

    [Fact]
    public void Given_registrations_waiting_and_attendance_Then_the_figures_count_seats_registrations_attendance_and_the_waiting_peak()
    {
        var state = Given(Scheduled(capacity: 3), Reg(1, 2), Reg(2), Wait(3), Wait(4), Wait(5),
            new RegistrationCancelled(EveningId, R(2), During), new PromotedFromWaitlist(EveningId, R(3), During),
            new AttendanceMarked(EveningId, R(1), true, "manager", Start), new AttendanceMarked(EveningId, R(3), false, "manager", Start));

        Assert.Equal(new EveningFigures(SeatsTaken: 3, Registrations: 2, Attended: 1, WaitingPeak: 3), InfoEveningUseCases.FiguresOf(state));
        Assert.Equal(2, state.Waiting.Count);
    }
}
