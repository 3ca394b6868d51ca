// What changed for the family: at the first meeting the supervisor records the family's goals from a short fixed list; at
// the last meeting whether they were met and whether the matter ended in agreement. Codes only, on the meeting's own
// stream, never who the family is beyond the meeting; the report counts them by month, never per family.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Goals;

/// <summary>The goals a family brings to its first meeting (a short fixed list; no free text).</summary>
public enum FamilyGoal
{
    AgreeOnCustody,
    AgreeOnResidence,
    AgreeOnContact,
    AgreeOnMaintenance,
    ConfirmParenthood,
    CooperateBetter,
    Information,
}

/// <summary>At the last meeting: were the goals met.</summary>
public enum GoalsMet { Met, PartlyMet, NotMet }

/// <summary>Whether a meeting is a family's first or last (its feedback then asks how well the parents can agree).</summary>
public enum MeetingStage { First, Last }

[EventName("family_goals_recorded")]
public sealed record FamilyGoalsRecorded(Guid AppointmentId, IReadOnlyList<FamilyGoal> Goals, string RecordedBy, Instant RecordedAt)
    : AppointmentEvent(AppointmentId);

/// <param name="Agreement">Whether the matter ended in an agreement.</param>
[EventName("family_goals_reviewed")]
public sealed record FamilyGoalsReviewed(Guid AppointmentId, GoalsMet Met, bool Agreement, string RecordedBy, Instant RecordedAt)
    : AppointmentEvent(AppointmentId);

public abstract record FamilyGoalCommand(Guid AppointmentId, string Actor, Instant Now);

/// <summary>At the family's first meeting.</summary>
public sealed record RecordFamilyGoals(Guid AppointmentId, IReadOnlyList<FamilyGoal> Goals, string Actor, Instant Now)
    : FamilyGoalCommand(AppointmentId, Actor, Now);

/// <summary>At the family's last meeting.</summary>
public sealed record ReviewFamilyGoals(Guid AppointmentId, GoalsMet Met, bool Agreement, string Actor, Instant Now)
    : FamilyGoalCommand(AppointmentId, Actor, Now);

public sealed record GoalReview(GoalsMet Met, bool Agreement);

public sealed record FamilyGoalState(Appointment Meeting, IReadOnlyList<FamilyGoal> Goals, GoalReview? Review)
{
    public static readonly FamilyGoalState Initial = new(Appointment.Initial, [], null);

    public AppointmentStatus Status => Meeting.Status;

    /// <summary>A reviewed meeting is a last meeting (also when it was the first and only one); one with goals, a first.</summary>
    public MeetingStage? Stage => Review is not null ? MeetingStage.Last : Goals.Count > 0 ? MeetingStage.First : null;

    public static FamilyGoalState Evolve(FamilyGoalState state, object @event) => @event switch
    {
        FamilyGoalsRecorded e => state with { Goals = e.Goals },
        FamilyGoalsReviewed e => state with { Review = new GoalReview(e.Met, e.Agreement) },
        _ => state with { Meeting = Appointment.Evolve(state.Meeting, @event) },
    };
}

public static class FamilyGoalDecider
{
    public const string GoalsRequired = "goals_required", MeetingNotHeld = "meeting_not_held";

    public static readonly Decider<FamilyGoalCommand, FamilyGoalState, AppointmentEvent> Definition =
        new(StreamIds.AppointmentType, FamilyGoalState.Initial, FamilyGoalState.Evolve, Decide);

    public static Decision<AppointmentEvent> Decide(FamilyGoalCommand command, FamilyGoalState state)
    {
        if (state.Status == AppointmentStatus.None)
            return new DomainError("appointment_not_found", "No such appointment.", ErrorKind.NotFound);
        if (state.Status != AppointmentStatus.Completed)
            return new DomainError(MeetingNotHeld, "Goals are recorded for a meeting marked held.", ErrorKind.Rule);
        switch (command)
        {
            case RecordFamilyGoals c:
                var goals = c.Goals.Distinct().Order().ToList();
                if (goals.Count == 0)
                    return new DomainError(GoalsRequired, "Choose at least one of the family's goals.", ErrorKind.Invalid, "goals");
                if (goals.SequenceEqual(state.Goals)) return Decision<AppointmentEvent>.Nothing;
                return Decision<AppointmentEvent>.Accept(new FamilyGoalsRecorded(c.AppointmentId, goals, c.Actor, c.Now));
            case ReviewFamilyGoals c:
                if (state.Review == new GoalReview(c.Met, c.Agreement)) return Decision<AppointmentEvent>.Nothing;
                return Decision<AppointmentEvent>.Accept(new FamilyGoalsReviewed(c.AppointmentId, c.Met, c.Agreement, c.Actor, c.Now));
            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }
}

/// <summary>The supervisor's taps for the family's goals: the meeting's own professionals record them.</summary>
public sealed class FamilyGoals(IEventStore store, IClock clock)
{
    private readonly WriteRunner runner = new(store, clock);

    /// <summary>The goals and the review recorded so far for each of the meetings.</summary>
    public async Task<IReadOnlyDictionary<Guid, FamilyGoalState>> Recorded(Guid unitId, IEnumerable<Guid> appointmentIds, CancellationToken ct = default)
    {
        var found = new Dictionary<Guid, FamilyGoalState>();
        foreach (var id in appointmentIds.Distinct())
            found[id] = Definition.Fold(await store.ReadStream(unitId, StreamIds.Appointment(id), ct));
        return found;
    }

    /// <summary>Whether the meeting is the family's first or last, as recorded (null: neither recorded).</summary>
    public async Task<MeetingStage?> StageOf(Guid unitId, Guid appointmentId, CancellationToken ct = default) =>
        Definition.Fold(await store.ReadStream(unitId, StreamIds.Appointment(appointmentId), ct)).Stage;

    public Task<Outcome<FamilyGoalState>> Record(Guid unitId, Guid appointmentId, Guid staffId, IReadOnlyList<FamilyGoal> goals, CancellationToken ct = default) =>
        Run(unitId, appointmentId, staffId, (actor, now) => new RecordFamilyGoals(appointmentId, goals, actor, now), ct);

    public Task<Outcome<FamilyGoalState>> Review(Guid unitId, Guid appointmentId, Guid staffId, GoalsMet met, bool agreement, CancellationToken ct = default) =>
        Run(unitId, appointmentId, staffId, (actor, now) => new ReviewFamilyGoals(appointmentId, met, agreement, actor, now), ct);

    private static Decider<FamilyGoalCommand, FamilyGoalState, AppointmentEvent> Definition => FamilyGoalDecider.Definition;

    private Task<Outcome<FamilyGoalState>> Run(Guid unitId, Guid appointmentId, Guid staffId, Func<string, Instant, FamilyGoalCommand> command,
        CancellationToken ct)
    {
        var actor = $"staff:{staffId:N}";
        return runner.Run(unitId, actor, async (write, token) =>
        {
            var stream = await write.Fetch(Definition, StreamIds.Appointment(appointmentId), token);
            if (stream.State.Status != AppointmentStatus.None && !stream.State.Meeting.Professionals.Contains(staffId))
                return Step<Outcome<FamilyGoalState>>.Answer(
                    new DomainError(SupervisorDays.NotYourMeeting, "Only the meeting's own professionals can record the family's goals.", ErrorKind.Forbidden));
            return stream.Decide(command(actor, write.Now)).Error is { } error
                ? Step<Outcome<FamilyGoalState>>.Answer(error)
                : Step<Outcome<FamilyGoalState>>.Save(Outcome<FamilyGoalState>.Of(stream.State));
        }, () => Task.FromResult<Outcome<FamilyGoalState>>(WriteRunner.Busy("The meeting was being changed at the same moment. Please try again.")), ct);
    }
}
