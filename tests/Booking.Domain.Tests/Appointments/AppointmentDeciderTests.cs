// One appointment's life, given events / when command / then events or the rule broken.
using System.Reflection;
using System.Text.RegularExpressions;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Tests.Appointments;

public class AppointmentDeciderTests
{
    private static readonly Guid Id = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid Client = Guid.Parse("cccccccc-0000-0000-0000-000000000001");
    private static readonly Guid OtherParent = Guid.Parse("cccccccc-0000-0000-0000-000000000002");
    private static readonly Guid Anna = Guid.Parse("11111111-0000-0000-0000-000000000001");
    private static readonly Guid Bertil = Guid.Parse("11111111-0000-0000-0000-000000000002");
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly Instant Start = Instant.FromUtc(2026, 5, 11, 6, 0);
    private const string Actor = "client:test";

    private static BookAppointment Book(Guid? otherParent = null, Instant? start = null, Instant? now = null)
    {
        var s = start ?? Start;
        return new BookAppointment(Id, Client, otherParent, "agreement", Modality.InPerson, s, s + Duration.FromMinutes(60),
            s + Duration.FromMinutes(75), Anna, BookingChannel.Online, Actor, now ?? Now);
    }

    private static MoveAppointment Move(Instant start, Guid supervisor, Instant? now = null) =>
        new(Id, start, start + Duration.FromMinutes(60), start + Duration.FromMinutes(75), supervisor, Actor, now ?? Now);

    private static CancelAppointment Cancel(Instant? now = null) => new(Id, Actor, now ?? Now);

    private static Appointment Given(params AppointmentEvent[] events) => events.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e));

    private static AppointmentBooked Booked() => (AppointmentBooked)AppointmentDecider.Decide(Book(), Appointment.Initial).Events[0];

    [Fact]
    public void Given_no_appointment_When_one_is_booked_Then_AppointmentBooked_with_its_times_and_supervisor()
    {
        var decision = AppointmentDecider.Decide(Book(), Appointment.Initial);

        var booked = Assert.IsType<AppointmentBooked>(Assert.Single(decision.Events));
        Assert.Equal(new AppointmentBooked(Id, Client, "agreement", Modality.InPerson, Start, Start + Duration.FromMinutes(60),
            Start + Duration.FromMinutes(75), Anna, BookingChannel.Online, Actor, Now), booked);
    }

    [Fact]
    public void Given_no_appointment_When_one_is_booked_with_the_other_parent_Then_AppointmentBooked_and_OtherParentInvited()
    {
        var decision = AppointmentDecider.Decide(Book(otherParent: OtherParent), Appointment.Initial);

        Assert.Collection(decision.Events,
            e => Assert.IsType<AppointmentBooked>(e),
            e => Assert.Equal(new OtherParentInvited(Id, OtherParent, Now), e));
    }

    [Theory]
    [InlineData(0)]   // starting right now
    [InlineData(-1)]  // a minute ago
    public void Given_no_appointment_When_one_is_booked_in_the_past_Then_time_in_past(int minutesFromNow)
    {
        var decision = AppointmentDecider.Decide(Book(start: Now + Duration.FromMinutes(minutesFromNow)), Appointment.Initial);

        Assert.Equal("time_in_past", decision.Error?.Code);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_booked_appointment_When_it_is_booked_again_with_the_same_data_Then_no_events()
    {
        var decision = AppointmentDecider.Decide(Book(), Given(Booked()));

        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_booked_appointment_When_its_id_is_booked_for_another_time_Then_appointment_exists()
    {
        var decision = AppointmentDecider.Decide(Book(start: Start + Duration.FromHours(1)), Given(Booked()));

        Assert.Equal("appointment_exists", decision.Error?.Code);
        Assert.Equal(ErrorKind.Conflict, decision.Error!.Kind);
    }

    [Fact]
    public void Given_a_booked_appointment_When_it_is_cancelled_Then_AppointmentCancelled()
    {
        var decision = AppointmentDecider.Decide(Cancel(), Given(Booked()));

        Assert.Equal(new AppointmentCancelled(Id, Actor, Now), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_cancelled_appointment_When_it_is_cancelled_again_Then_no_events()
    {
        var decision = AppointmentDecider.Decide(Cancel(), Given(Booked(), new AppointmentCancelled(Id, Actor, Now)));

        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void Given_an_appointment_that_has_begun_When_it_is_cancelled_Then_appointment_started(int minutesAfterStart)
    {
        var decision = AppointmentDecider.Decide(Cancel(now: Start + Duration.FromMinutes(minutesAfterStart)), Given(Booked()));

        Assert.Equal("appointment_started", decision.Error?.Code);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_an_appointment_that_has_begun_When_it_is_moved_Then_appointment_started()
    {
        var later = Start + Duration.FromDays(1);

        var decision = AppointmentDecider.Decide(Move(later, Anna, now: Start + Duration.FromMinutes(5)), Given(Booked()));

        Assert.Equal("appointment_started", decision.Error?.Code);
    }

    [Fact]
    public void Given_a_cancelled_appointment_When_it_is_moved_Then_appointment_cancelled()
    {
        var decision = AppointmentDecider.Decide(Move(Start + Duration.FromDays(1), Anna),
            Given(Booked(), new AppointmentCancelled(Id, Actor, Now)));

        Assert.Equal("appointment_cancelled", decision.Error?.Code);
    }

    [Fact]
    public void Given_no_appointment_When_it_is_moved_Then_appointment_not_found()
    {
        var decision = AppointmentDecider.Decide(Move(Start, Anna), Appointment.Initial);

        Assert.Equal("appointment_not_found", decision.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, decision.Error!.Kind);
    }

    [Fact]
    public void Given_no_appointment_When_it_is_cancelled_Then_appointment_not_found()
    {
        var decision = AppointmentDecider.Decide(Cancel(), Appointment.Initial);

        Assert.Equal("appointment_not_found", decision.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, decision.Error!.Kind);
    }

    [Fact]
    public void Given_a_booked_appointment_When_it_is_moved_to_the_same_time_and_supervisor_Then_no_events()
    {
        var decision = AppointmentDecider.Decide(Move(Start, Anna), Given(Booked()));

        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_booked_appointment_When_it_is_moved_to_another_time_Then_AppointmentMoved()
    {
        var later = Start + Duration.FromDays(1);

        var decision = AppointmentDecider.Decide(Move(later, Bertil), Given(Booked()));

        Assert.Equal(new AppointmentMoved(Id, later, later + Duration.FromMinutes(60), later + Duration.FromMinutes(75), Bertil, Actor, Now),
            Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_booked_appointment_When_it_is_moved_to_the_same_time_with_another_supervisor_Then_AppointmentMoved()
    {
        var decision = AppointmentDecider.Decide(Move(Start, Bertil), Given(Booked()));

        Assert.Equal(Bertil, Assert.IsType<AppointmentMoved>(Assert.Single(decision.Events)).SupervisorId);
    }

    [Fact]
    public void Given_a_booked_appointment_When_it_is_moved_into_the_past_Then_time_in_past()
    {
        var decision = AppointmentDecider.Decide(Move(Now - Duration.FromHours(1), Anna), Given(Booked()));

        Assert.Equal("time_in_past", decision.Error?.Code);
    }

    [Fact]
    public void Given_a_booked_and_moved_appointment_When_state_is_folded_Then_it_holds_the_new_time_and_supervisor()
    {
        var later = Start + Duration.FromDays(1);
        var moved = (AppointmentMoved)AppointmentDecider.Decide(Move(later, Bertil), Given(Booked())).Events[0];

        var state = Given(Booked(), moved);

        Assert.Equal((AppointmentStatus.Booked, later, Bertil), (state.Status, state.Start, state.SupervisorId));
    }

    // --- the other parent's answer to the invitation ---

    private static RespondToInvitation Respond(bool accepted, Instant? now = null) => new(Id, accepted, "client:other", now ?? Now);

    private static Appointment Invited(params AppointmentEvent[] more) =>
        Given([.. AppointmentDecider.Decide(Book(OtherParent), Appointment.Initial).Events, .. more]);

    [Fact]
    public void Given_an_invited_other_parent_When_they_accept_Then_OtherParentResponded_accepted()
    {
        var decision = AppointmentDecider.Decide(Respond(true), Invited());

        Assert.Equal(new OtherParentResponded(Id, OtherParent, true, Now), Assert.Single(decision.Events));
        Assert.True(Given([.. AppointmentDecider.Decide(Book(OtherParent), Appointment.Initial).Events, .. decision.Events]).OtherParentAccepted);
    }

    [Fact]
    public void Given_an_invited_other_parent_When_they_decline_Then_OtherParentResponded_declined()
    {
        var decision = AppointmentDecider.Decide(Respond(false), Invited());

        Assert.Equal(new OtherParentResponded(Id, OtherParent, false, Now), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_booking_without_an_invitation_When_someone_responds_Then_no_invitation_not_found()
    {
        var decision = AppointmentDecider.Decide(Respond(true), Given(Booked()));

        Assert.Equal(("no_invitation", ErrorKind.NotFound), (decision.Error!.Code, decision.Error.Kind));
    }

    [Fact]
    public void Given_no_appointment_When_someone_responds_Then_no_invitation_not_found()
    {
        Assert.Equal("no_invitation", AppointmentDecider.Decide(Respond(true), Appointment.Initial).Error!.Code);
    }

    [Fact]
    public void Given_a_cancelled_appointment_When_the_other_parent_responds_Then_appointment_cancelled()
    {
        var decision = AppointmentDecider.Decide(Respond(true), Invited(new AppointmentCancelled(Id, Actor, Now)));

        Assert.Equal(("appointment_cancelled", ErrorKind.Rule), (decision.Error!.Code, decision.Error.Kind));
    }

    [Fact]
    public void Given_an_appointment_that_has_begun_When_the_other_parent_responds_Then_appointment_started()
    {
        var decision = AppointmentDecider.Decide(Respond(true, now: Start), Invited());

        Assert.Equal(("appointment_started", ErrorKind.Rule), (decision.Error!.Code, decision.Error.Kind));
    }

    [Fact]
    public void Given_an_accepted_invitation_When_accepted_again_Then_nothing_happens()
    {
        var decision = AppointmentDecider.Decide(Respond(true), Invited(new OtherParentResponded(Id, OtherParent, true, Now)));

        Assert.Null(decision.Error);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_an_accepted_invitation_When_declined_Then_a_new_OtherParentResponded_declined()
    {
        var later = Now + Duration.FromHours(1);
        var decision = AppointmentDecider.Decide(Respond(false, later), Invited(new OtherParentResponded(Id, OtherParent, true, Now)));

        Assert.Equal(new OtherParentResponded(Id, OtherParent, false, later), Assert.Single(decision.Events));
    }

    private static readonly Type[] EventTypes = typeof(AppointmentBooked).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<EventNameAttribute>() is not null).ToArray();

    [Fact]
    public void Given_the_domain_assembly_When_its_events_are_listed_Then_the_booking_events_are_among_them()
    {
        Assert.Superset(
            new HashSet<Type> { typeof(AppointmentBooked), typeof(OtherParentInvited), typeof(AppointmentMoved), typeof(AppointmentCancelled),
                typeof(SlotReserved), typeof(SlotReleased) },
            EventTypes.ToHashSet());
    }

    [Fact]
    public void Given_every_event_type_When_its_properties_are_read_Then_none_carries_personal_data()
    {
        var personal = new Regex("name|email|phone|address|ssn|hetu|birth", RegexOptions.IgnoreCase);

        var offending = EventTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{t.Name}.{p.Name}"))
            .Where(n => personal.IsMatch(n.Split('.')[1]))
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void Given_every_event_type_When_its_stored_name_is_read_Then_it_is_unique_snake_case()
    {
        var names = EventTypes.Select(t => t.GetCustomAttribute<EventNameAttribute>()!.Name).ToList();

        Assert.All(names, n => Assert.Matches("^[a-z]+(_[a-z]+)*$", n));
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
