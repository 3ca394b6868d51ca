// A saved absence or unit closure: its stream holds what was entered and the secretary's work list for what it hit, and
// each item as she finishes it. Staff ids, times and codes only: the families are reached through the meetings.
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Absences;

public abstract record AbsenceEvent(Guid AbsenceId);

/// <param name="Number">1, 2, … within the absence; the secretary marks items done by it.</param>
/// <param name="ReassignedTo">The colleague the meeting was given to when it was saved (Reassign only).</param>
public sealed record AbsenceWorkItem(int Number, ImpactKind Kind, Guid ItemId, Guid StaffId, Instant Start, Instant End, WorkAction Action,
    Guid? ReassignedTo, string Why);

/// <param name="StaffId">The absent staff member; null for a closure of the unit.</param>
[EventName("absence_entered")]
public sealed record AbsenceEntered(Guid AbsenceId, Guid? StaffId, LocalDate From, LocalDate To, LocalTime? FromTime, LocalTime? ToTime,
    IReadOnlyList<AbsenceWorkItem> Work, string EnteredBy, Instant EnteredAt) : AbsenceEvent(AbsenceId);

/// <param name="How">What the secretary did: one of <see cref="WorkDone.Ways"/>.</param>
[EventName("absence_work_done")]
public sealed record AbsenceWorkDone(Guid AbsenceId, int Number, string How, string DoneBy, Instant DoneAt) : AbsenceEvent(AbsenceId);

/// <summary>The absence was entered by mistake or is over early: its hours are bookable again and its open work items are no
/// longer needed (they stay on the list, marked so). Meetings already given to colleagues stay where they are.</summary>
[EventName("absence_withdrawn")]
public sealed record AbsenceWithdrawn(Guid AbsenceId, string WithdrawnBy, Instant WithdrawnAt) : AbsenceEvent(AbsenceId);

public static class WorkDone
{
    public const string Reassigned = "reassigned";
    public const string Contacted = "contacted";
    public const string Moved = "moved";
    public const string Cancelled = "cancelled";
    public const string Covered = "covered";

    /// <summary>Open when the absence was withdrawn: nothing to do any more (marked by the withdrawal itself).</summary>
    public const string NoLongerNeeded = "withdrawn";

    /// <summary>What the secretary may mark (a reassignment is marked by the save itself).</summary>
    public static readonly IReadOnlyList<string> Ways = [Contacted, Moved, Cancelled, Covered];
}
