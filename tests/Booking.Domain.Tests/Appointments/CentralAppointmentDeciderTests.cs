// The appointment decider's parts for central booking and the supervisor's day: the kept supervisor, pair work, and the
// marks held / did not come. Given events / when command / then events or the rule broken.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.Tests.Appointments;

public class CentralAppointmentDeciderTests
{
    private static readonly Guid Id = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000002");
    private static readonly Guid Client = Guid.Parse("cccccccc-0000-0000-0000-000000000001");
    private static readonly Guid OtherParent = Guid.Parse("cccccccc-0000-0000-0000-000000000002");
    private static readonly Guid Family = Guid.Parse("fa000000-0000-0000-0000-000000000001");
    private static readonly Guid Series = Guid.Parse("5e000000-0000-0000-0000-000000000001");
    private static readonly Guid Anna = Guid.Parse("11111111-0000-0000-0000-000000000001");
    private static readonly Guid Partner = Guid.Parse("11111111-0000-0000-0000-000000000005");
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly Instant Start = Instant.FromUtc(2026, 5, 11, 6, 0);
    private const string Secretary = "staff:sirpa";
    private const string Supervisor = "staff:anna";

    private static BookAppointment Book(Guid? second = null, KeepReason? kept = null, Guid? otherParent = null, Guid? supervisor = null) =>
        new(Id, Client, otherParent, "agreement", Modality.InPerson, Start, Start + Duration.FromMinutes(60), Start + Duration.FromMinutes(75),
            supervisor ?? Anna, BookingChannel.Secretary, Secretary, Now, second, Family, Series, kept);

    private static Appointment Given(params AppointmentEvent[] events) => events.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e));

    private static Appointment Booked(Guid? second = null) => Given([.. AppointmentDecider.Decide(Book(second), Appointment.Initial).Events]);

    private static Instant Minutes(int fromStart) => Start + Duration.FromMinutes(fromStart);

    [Fact]
    public void Given_no_appointment_When_the_secretary_books_keeping_the_supervisor_for_a_joint_pair_meeting_Then_booked_kept_and_invited()
    {
        var decision = AppointmentDecider.Decide(Book(second: Partner, kept: KeepReason.LanguageOrInterpreter, otherParent: OtherParent),
            Appointment.Initial);

        Assert.Equal<object>(
        [
            new AppointmentBooked(Id, Client, "agreement", Modality.InPerson, Start, Minutes(60), Minutes(75), Anna, BookingChannel.Secretary,
                Secretary, Now, Partner, Family, Series),
            new SupervisorKept(Id, Anna, KeepReason.LanguageOrInterpreter, Secretary, Now),
            new OtherParentInvited(Id, OtherParent, Now),
        ], decision.Events);
    }

    [Fact]
    public void Given_a_booked_pair_meeting_When_state_is_folded_Then_both_professionals_the_family_and_the_series_are_known()
    {
        var state = Given([.. AppointmentDecider.Decide(Book(second: Partner, kept: KeepReason.Safety), Appointment.Initial).Events]);

        Assert.Equal([Anna, Partner], state.Professionals);
        Assert.Equal(((Guid?)Family, (Guid?)Series, (KeepReason?)KeepReason.Safety), (state.FamilyId, state.SeriesId, state.Kept));
        Assert.Equal([Anna], Booked().Professionals);
    }

    [Fact]
    public void Given_no_appointment_When_the_supervisor_is_also_the_second_professional_Then_same_professional_twice()
    {
        var decision = AppointmentDecider.Decide(Book(second: Anna), Appointment.Initial);

        Assert.Equal("same_professional_twice", decision.Error?.Code);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_pair_meeting_When_it_is_moved_Then_pair_meeting()
    {
        var decision = AppointmentDecider.Decide(new MoveAppointment(Id, Minutes(60), Minutes(120), Minutes(135), Anna, "client:x", Now),
            Booked(second: Partner));

        Assert.Equal("pair_meeting", decision.Error?.Code);
    }

    [Fact]
    public void Given_a_pair_meeting_When_it_is_cancelled_Then_AppointmentCancelled()
    {
        Assert.Equal(new AppointmentCancelled(Id, Secretary, Now), Assert.Single(AppointmentDecider.Decide(new CancelAppointment(Id, Secretary, Now),
            Booked(second: Partner)).Events));
    }

    // --- held / did not come ---

    [Theory]
    [InlineData(0)]  // at its start
    [InlineData(45)] // during it
    public void Given_a_meeting_that_has_begun_When_it_is_marked_held_Then_AppointmentCompleted(int minutesAfterStart)
    {
        var decision = AppointmentDecider.Decide(new CompleteAppointment(Id, Supervisor, Minutes(minutesAfterStart)), Booked());

        Assert.Equal(new AppointmentCompleted(Id, Supervisor, Minutes(minutesAfterStart)), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_meeting_that_has_begun_When_it_is_marked_missed_Then_AppointmentNoShow()
    {
        var decision = AppointmentDecider.Decide(new MarkNoShow(Id, Supervisor, Minutes(10)), Booked());

        Assert.Equal(new AppointmentNoShow(Id, Supervisor, Minutes(10)), Assert.Single(decision.Events));
        Assert.Equal(AppointmentStatus.NoShow, Appointment.Evolve(Booked(), decision.Events[0]).Status);
    }

    [Fact]
    public void Given_a_meeting_not_yet_begun_When_it_is_marked_held_or_missed_Then_appointment_not_started()
    {
        var state = Booked();

        Assert.Equal("appointment_not_started", AppointmentDecider.Decide(new CompleteAppointment(Id, Supervisor, Minutes(-1)), state).Error?.Code);
        Assert.Equal("appointment_not_started", AppointmentDecider.Decide(new MarkNoShow(Id, Supervisor, Minutes(-1)), state).Error?.Code);
    }

    [Fact]
    public void Given_a_meeting_marked_held_When_it_is_marked_held_again_Then_no_events()
    {
        var state = Appointment.Evolve(Booked(), new AppointmentCompleted(Id, Supervisor, Minutes(30)));

        var decision = AppointmentDecider.Decide(new CompleteAppointment(Id, Supervisor, Minutes(40)), state);

        Assert.Equal(AppointmentStatus.Completed, state.Status);
        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_meeting_marked_missed_When_it_is_marked_missed_again_Then_no_events()
    {
        var state = Appointment.Evolve(Booked(), new AppointmentNoShow(Id, Supervisor, Minutes(15)));

        var decision = AppointmentDecider.Decide(new MarkNoShow(Id, Supervisor, Minutes(20)), state);

        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_cancelled_meeting_When_it_is_marked_held_or_missed_Then_appointment_cancelled()
    {
        var state = Appointment.Evolve(Booked(), new AppointmentCancelled(Id, Secretary, Now));

        Assert.Equal("appointment_cancelled", AppointmentDecider.Decide(new CompleteAppointment(Id, Supervisor, Minutes(5)), state).Error?.Code);
        Assert.Equal("appointment_cancelled", AppointmentDecider.Decide(new MarkNoShow(Id, Supervisor, Minutes(5)), state).Error?.Code);
    }

    [Fact]
    public void Given_no_appointment_When_it_is_marked_held_or_missed_Then_appointment_not_found()
    {
        Assert.Equal("appointment_not_found", AppointmentDecider.Decide(new CompleteAppointment(Id, Supervisor, Now), Appointment.Initial).Error?.Code);
        Assert.Equal("appointment_not_found", AppointmentDecider.Decide(new MarkNoShow(Id, Supervisor, Now), Appointment.Initial).Error?.Code);
    }
}
