// What a held meeting achieved, in THL's categories for family-law services: the supervisor records it with a few taps
// when the meeting is held; codes only, never free text. It lives on the appointment stream, beside the meeting it
// describes, with its own small decider so that the appointment's decider stays as it is.
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using Booking.Domain.Configuration;
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

public sealed record MeetingOutcomeState(Appointment Meeting, IReadOnlyList<ThlOutcome> Outcomes)
{
    public static readonly MeetingOutcomeState Initial = new(Appointment.Initial, []);

    public AppointmentStatus Status => Meeting.Status;

    public static MeetingOutcomeState Evolve(MeetingOutcomeState state, object @event) => @event switch
    {
        MeetingOutcomesRecorded e => state with { Outcomes = e.Outcomes },
        _ => state with { Meeting = Appointment.Evolve(state.Meeting, @event) },
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

/// <summary>The supervisor's few taps: the meeting's own professionals record what it achieved.</summary>
public sealed class MeetingOutcomes(IEventStore store, IClock clock)
{
    private readonly WriteRunner runner = new(store, clock);

    /// <summary>The outcomes recorded so far for each of the meetings (none for a meeting without a record).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ThlOutcome>>> Recorded(Guid unitId, IEnumerable<Guid> appointmentIds,
        CancellationToken ct = default)
    {
        var found = new Dictionary<Guid, IReadOnlyList<ThlOutcome>>();
        foreach (var id in appointmentIds.Distinct())
        {
            var events = await store.ReadStream(unitId, StreamIds.Appointment(id), ct);
            var last = events.Select(e => e.Data).OfType<MeetingOutcomesRecorded>().LastOrDefault();
            if (last is not null) found[id] = last.Outcomes;
        }
        return found;
    }

    public Task<Outcome<IReadOnlyList<ThlOutcome>>> Record(Guid unitId, Guid appointmentId, Guid staffId, IReadOnlyList<ThlOutcome> outcomes,
        CancellationToken ct = default)
    {
        var actor = $"staff:{staffId:N}";
        return runner.Run(unitId, actor, async (write, token) =>
        {
            var stream = await write.Fetch(MeetingOutcomeDecider.Definition, StreamIds.Appointment(appointmentId), token);
            if (stream.State.Status != AppointmentStatus.None && !stream.State.Meeting.Professionals.Contains(staffId))
                return Step<Outcome<IReadOnlyList<ThlOutcome>>>.Answer(
                    new DomainError(SupervisorDays.NotYourMeeting, "Only the meeting's own professionals can record its outcomes.", ErrorKind.Forbidden));
            return stream.Decide(new RecordMeetingOutcomes(appointmentId, outcomes, actor, write.Now)).Error is { } error
                ? Step<Outcome<IReadOnlyList<ThlOutcome>>>.Answer(error)
                : Step<Outcome<IReadOnlyList<ThlOutcome>>>.Save(Outcome<IReadOnlyList<ThlOutcome>>.Of(stream.State.Outcomes));
        }, () => Task.FromResult<Outcome<IReadOnlyList<ThlOutcome>>>(WriteRunner.Busy("The meeting was being changed at the same moment. Please try again.")), ct);
    }
}
