// One day's call-backs folded from the day's stream.
using System.Collections.Immutable;
using Booking.Domain.Configuration;
using Booking.Domain.WalkIn;
using NodaTime;

namespace Booking.Domain.CallBacks;

/// <summary>Reserved: still to be called (also after one unanswered call). The other three are final.</summary>
public enum CallBackStatus { Reserved, Done, NotReached, Cancelled }

public sealed record CallBack(
    Guid CallBackId,
    Guid ClientId,
    Guid StaffId,
    LocalDate Date,
    Instant Start,
    Instant End,
    WalkInMatter Matter,
    Language Language,
    CallBackChannel Channel,
    Instant ReservedAt,
    CallBackStatus Status,
    int Attempts = 0,
    Instant? LastAttemptAt = null,
    Instant? ClosedAt = null)
{
    public bool IsOpen => Status == CallBackStatus.Reserved;

    /// <summary>A short reference a client can quote to the office secretary (not a secret: the cancel link is).</summary>
    public static string ReferenceOf(Guid callBackId) => $"CB-{callBackId.ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>True when the slot is held: every call-back but a cancelled one keeps its slot.</summary>
    public bool HoldsSlot => Status != CallBackStatus.Cancelled;

    /// <summary>When the retry may be recorded as unanswered: <paramref name="retryAfter"/> after the first unanswered call.</summary>
    public Instant? RetryFrom(Duration retryAfter) => Status == CallBackStatus.Reserved && Attempts > 0 ? LastAttemptAt + retryAfter : null;
}

public sealed record CallBackDay(ImmutableList<CallBack> CallBacks)
{
    public static readonly CallBackDay Initial = new(ImmutableList<CallBack>.Empty);

    /// <summary>Hours saved absences took out of the day, by absence: the supervisor's (or, with no StaffId, everyone's).</summary>
    public ImmutableDictionary<Guid, (Guid? StaffId, Interval Time)> Closed { get; init; } =
        ImmutableDictionary<Guid, (Guid? StaffId, Interval Time)>.Empty;

    public static CallBackDay Evolve(CallBackDay state, object @event) => @event switch
    {
        CallBackReserved e => state with
        {
            CallBacks = state.CallBacks.Add(new CallBack(e.CallBackId, e.ClientId, e.StaffId, e.Date, e.Start, e.End, e.Matter, e.Language,
                e.Channel, e.ReservedAt, CallBackStatus.Reserved)),
        },
        CallBackCompleted e => Update(state, e.CallBackId, c => c with { Status = CallBackStatus.Done, ClosedAt = e.CompletedAt }),
        CallBackNotReached e => Update(state, e.CallBackId, c => c with
        {
            Attempts = e.Attempt, LastAttemptAt = e.At,
            Status = e.Final ? CallBackStatus.NotReached : c.Status, ClosedAt = e.Final ? e.At : c.ClosedAt,
        }),
        CallBackCancelled e => Update(state, e.CallBackId, c => c with { Status = CallBackStatus.Cancelled, ClosedAt = e.CancelledAt }),
        CallBackTimeClosed e => state with { Closed = state.Closed.SetItem(e.AbsenceId, (e.StaffId, new Interval(e.Start, e.End))) },
        CallBackTimeReopened e => state with { Closed = state.Closed.Remove(e.AbsenceId) },
        _ => state,
    };

    private static CallBackDay Update(CallBackDay state, Guid id, Func<CallBack, CallBack> change) =>
        state.CallBacks.FindIndex(c => c.CallBackId == id) is var i and >= 0
            ? state with { CallBacks = state.CallBacks.SetItem(i, change(state.CallBacks[i])) }
            : state;

    public CallBack? Find(Guid callBackId) => CallBacks.FirstOrDefault(c => c.CallBackId == callBackId);

    /// <summary>True when the supervisor's slot starting at <paramref name="start"/> is held by a call-back.</summary>
    public bool IsHeld(Guid staffId, Instant start) => CallBacks.Any(c => c.HoldsSlot && c.StaffId == staffId && c.Start == start);

    /// <summary>True when a saved absence took the supervisor's time from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public bool IsClosed(Guid staffId, Instant start, Instant end) =>
        Closed.Values.Any(c => (c.StaffId is null || c.StaffId == staffId) && c.Time.Start < end && start < c.Time.End);

    /// <summary>The offered slots nobody holds and no absence closed.</summary>
    public IReadOnlyList<CallBackSlot> Free(IEnumerable<CallBackSlot> offered) =>
        offered.Where(s => !IsHeld(s.StaffId, s.StartsAt) && !IsClosed(s.StaffId, s.StartsAt, s.EndsAt)).ToList();
}
