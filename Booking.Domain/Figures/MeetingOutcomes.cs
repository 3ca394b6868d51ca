// What a held meeting achieved, in THL's categories for family-law services: the supervisor records it with a few taps
// when the meeting is held; codes only, never free text. It lives on the appointment stream, beside the meeting it
// describes, with its own small decider so that the appointment's decider stays as it is.
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Figures;

/// <summary>THL's outcome categories: agreements confirmed on custody, residence, contact and maintenance; paternity and
/// maternity acknowledgements; referred to family mediation or elsewhere.</summary>
public enum ThlOutcome
{
    CustodyAgreement,
    ResidenceAgreement,
    ContactAgreement,
    MaintenanceAgreement,
    PaternityAcknowledged,
    MaternityAcknowledged,
    ReferredToMediation,
    ReferredElsewhere,
}

/// <summary>The outcomes of a held meeting; a later record replaces an earlier one (a correction).</summary>
[EventName("meeting_outcomes_recorded")]
public sealed record MeetingOutcomesRecorded(Guid AppointmentId, IReadOnlyList<ThlOutcome> Outcomes, string RecordedBy, Instant RecordedAt)
    : AppointmentEvent(AppointmentId);

public sealed record RecordMeetingOutcomes(Guid AppointmentId, IReadOnlyList<ThlOutcome> Outcomes, string Actor, Instant Now);

public sealed record MeetingOutcomeState(AppointmentStatus Status, IReadOnlyList<ThlOutcome> Outcomes)
{
    public static readonly MeetingOutcomeState Initial = new(AppointmentStatus.None, []);

    public static MeetingOutcomeState Evolve(MeetingOutcomeState state, object @event) => @event switch
    {
        MeetingOutcomesRecorded e => state with { Outcomes = e.Outcomes },
        _ => state with { Status = Appointment.Evolve(Appointment.Initial with { Status = state.Status }, @event).Status },
    };
}

public static class MeetingOutcomeDecider
{
    public static readonly Decider<RecordMeetingOutcomes, MeetingOutcomeState, AppointmentEvent> Definition =
        new(StreamIds.AppointmentType, MeetingOutcomeState.Initial, MeetingOutcomeState.Evolve, Decide);

    public static Decision<AppointmentEvent> Decide(RecordMeetingOutcomes command, MeetingOutcomeState state)
    {
        if (state.Status == AppointmentStatus.None)
            return new DomainError("appointment_not_found", "No such appointment.", ErrorKind.NotFound);
        if (state.Status != AppointmentStatus.Completed)
            return new DomainError("meeting_not_held", "Outcomes are recorded for a meeting marked held.", ErrorKind.Rule);
        var outcomes = command.Outcomes.Distinct().Order().ToList();
        if (outcomes.SequenceEqual(state.Outcomes.Distinct().Order())) return Decision<AppointmentEvent>.Nothing;
        return Decision<AppointmentEvent>.Accept(new MeetingOutcomesRecorded(command.AppointmentId, outcomes, command.Actor, command.Now));
    }
}
