// The state of a saved absence and its decider: entered once (a repeat of the same entry is a retry), then work items
// marked done one by one; the automatic reassignments are done when saved. Withdrawn once (a repeat answers the first):
// the items still open then are no longer needed.
using System.Collections.Immutable;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Absences;

public sealed record Absence(Guid Id, PlannedAbsence? Planned, ImmutableList<AbsenceWorkItem> Work, ImmutableDictionary<int, string> Done,
    string EnteredBy, Instant EnteredAt)
{
    public static readonly Absence Initial = new(Guid.Empty, null, [], ImmutableDictionary<int, string>.Empty, "", default);

    public bool Exists => Planned is not null;

    /// <summary>When the absence was withdrawn; null while it stands.</summary>
    public Instant? WithdrawnAt { get; init; }

    public string? WithdrawnBy { get; init; }

    public bool Withdrawn => WithdrawnAt is not null;

    public static Absence Evolve(Absence state, object @event) => @event switch
    {
        AbsenceEntered e => state with
        {
            Id = e.AbsenceId, Planned = new PlannedAbsence(e.StaffId, e.From, e.To, e.FromTime, e.ToTime), Work = [.. e.Work],
            Done = e.Work.Where(w => w.Action == WorkAction.Reassign && w.ReassignedTo is not null)
                .ToImmutableDictionary(w => w.Number, _ => WorkDone.Reassigned),
            EnteredBy = e.EnteredBy, EnteredAt = e.EnteredAt,
        },
        AbsenceWorkDone e => state with { Done = state.Done.SetItem(e.Number, e.How) },
        AbsenceWithdrawn e => state with
        {
            WithdrawnAt = e.WithdrawnAt, WithdrawnBy = e.WithdrawnBy,
            Done = state.Done.SetItems(state.Work.Where(w => !state.Done.ContainsKey(w.Number))
                .Select(w => KeyValuePair.Create(w.Number, WorkDone.NoLongerNeeded))),
        },
        _ => state,
    };
}

public abstract record AbsenceCommand(Guid AbsenceId, string Actor, Instant Now);

public sealed record EnterAbsence(Guid AbsenceId, PlannedAbsence Planned, IReadOnlyList<AbsenceWorkItem> Work, string Actor, Instant Now)
    : AbsenceCommand(AbsenceId, Actor, Now);

public sealed record MarkWorkDone(Guid AbsenceId, int Number, string How, string Actor, Instant Now) : AbsenceCommand(AbsenceId, Actor, Now);

public sealed record WithdrawAbsence(Guid AbsenceId, string Actor, Instant Now) : AbsenceCommand(AbsenceId, Actor, Now);

public static class AbsenceDecider
{
    public static readonly Decider<AbsenceCommand, Absence, AbsenceEvent> Definition = new(StreamIds.AbsenceType, Absence.Initial, Absence.Evolve, Decide);

    public static Decision<AbsenceEvent> Decide(AbsenceCommand command, Absence state) => command switch
    {
        EnterAbsence c when state.Exists && state.Planned == c.Planned => Decision<AbsenceEvent>.Nothing,
        EnterAbsence when state.Exists =>
            new DomainError("absence_exists", "This absence was already saved with other dates.", ErrorKind.Conflict),
        EnterAbsence c => Decision<AbsenceEvent>.Accept(new AbsenceEntered(c.AbsenceId, c.Planned.StaffId, c.Planned.From, c.Planned.To,
            c.Planned.FromTime, c.Planned.ToTime, c.Work, c.Actor, c.Now)),

        MarkWorkDone when !state.Exists => new DomainError("absence_not_found", "No such absence.", ErrorKind.NotFound),
        MarkWorkDone c when !WorkDone.Ways.Contains(c.How) =>
            new DomainError("invalid_input", $"how must be one of: {string.Join(", ", WorkDone.Ways)}.", ErrorKind.Invalid, "how"),
        MarkWorkDone c when state.Work.All(w => w.Number != c.Number) =>
            new DomainError("work_item_not_found", "The absence has no such work item.", ErrorKind.NotFound, "number"),
        MarkWorkDone c when state.Done.ContainsKey(c.Number) => Decision<AbsenceEvent>.Nothing,
        MarkWorkDone c => Decision<AbsenceEvent>.Accept(new AbsenceWorkDone(c.AbsenceId, c.Number, c.How, c.Actor, c.Now)),

        WithdrawAbsence when !state.Exists => new DomainError("absence_not_found", "No such absence.", ErrorKind.NotFound),
        WithdrawAbsence when state.Withdrawn => Decision<AbsenceEvent>.Nothing,
        WithdrawAbsence c => Decision<AbsenceEvent>.Accept(new AbsenceWithdrawn(c.AbsenceId, c.Actor, c.Now)),

        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown absence command."),
    };
}
