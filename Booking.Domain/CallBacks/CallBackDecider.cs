// The call-back rules: a slot is reserved once; online from the next day, by the secretary from now; one open call-back
// per phone number and day; only the call-back's own supervisor marks it done or not reached; one retry after a first
// unanswered call, and after the second the call-back closes as not reached.
//
// "One retry offered" means: when the client does not answer, the supervisor records it and calls once more later
// (at the earliest RetryAfter later, 15 minutes by default), usually within the same window; the client keeps the same
// call-back and is told so on the confirmation page. A second unanswered call closes it (status NotReached).
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.WalkIn;
using NodaTime;

namespace Booking.Domain.CallBacks;

public abstract record CallBackCommand(Instant Now);

/// <param name="StaffId">The supervisor whose slot is reserved (the use case chose impartially, or the secretary chose).</param>
/// <param name="Offered">The day's slots from the configuration (<see cref="CallBackSlots.On"/>).</param>
/// <param name="ClosedBecause">Why the unit is closed that day, or null.</param>
/// <param name="Today">The unit's local date at <paramref name="Now"/>.</param>
/// <param name="LastDay">The last date that may be reserved (the booking horizon).</param>
/// <param name="SamePhone">Clients of this day whose phone number is the one given now.</param>
public sealed record ReserveCallBack(
    Guid CallBackId,
    Guid ClientId,
    Guid StaffId,
    LocalDateTime Start,
    WalkInMatter Matter,
    Language Language,
    CallBackChannel Channel,
    string ReservedBy,
    IReadOnlyList<CallBackSlot> Offered,
    string? ClosedBecause,
    LocalDate Today,
    LocalDate LastDay,
    IReadOnlyCollection<Guid> SamePhone,
    Instant Now) : CallBackCommand(Now);

public sealed record CompleteCallBack(Guid CallBackId, Guid StaffId, LocalDate Today, Instant Now) : CallBackCommand(Now);

/// <param name="Attempt">The attempt the supervisor saw as next (1 or 2); a repeated form then records nothing twice.
/// Null takes the next one.</param>
public sealed record MarkNotReached(Guid CallBackId, Guid StaffId, int? Attempt, Duration RetryAfter, Instant Now) : CallBackCommand(Now);

/// <param name="ByClient">True from the client's cancel link (only before the time); the secretary may cancel while open.</param>
public sealed record CancelCallBack(Guid CallBackId, string By, bool ByClient, Instant Now) : CallBackCommand(Now);

/// <summary>A saved absence takes its hours out of the day's call-back times (StaffId null: the unit is closed then).</summary>
public sealed record CloseCallBackTime(Guid AbsenceId, Guid? StaffId, LocalDate Date, Instant Start, Instant End, Instant Now) : CallBackCommand(Now);

public sealed record ReopenCallBackTime(Guid AbsenceId, LocalDate Date, Instant Now) : CallBackCommand(Now);

public static class CallBackDecider
{
    /// <summary>This feature's decider in the one shape the write runner takes.</summary>
    public static readonly Decider<CallBackCommand, CallBackDay, CallBackEvent> Definition = new(StreamIds.CallBackDayType, CallBackDay.Initial, CallBackDay.Evolve, Decide);

    public static Decision<CallBackEvent> Decide(CallBackCommand command, CallBackDay state) => command switch
    {
        ReserveCallBack c => Reserve(c, state),

        CompleteCallBack c => Own(state, c.CallBackId, c.StaffId, cb => cb.Status switch
        {
            CallBackStatus.Done => Decision<CallBackEvent>.Nothing,
            CallBackStatus.Reserved when c.Today < cb.Date =>
                new DomainError("not_due", $"This call-back is on {cb.Date:yyyy-MM-dd}; mark it on that day."),
            CallBackStatus.Reserved => Decision<CallBackEvent>.Accept(new CallBackCompleted(cb.CallBackId, c.StaffId, c.Now)),
            _ => Closed(cb),
        }),

        MarkNotReached c => Own(state, c.CallBackId, c.StaffId, cb => NotReached(c, cb)),

        CancelCallBack c => state.Find(c.CallBackId) switch
        {
            null => NotFound(),
            { Status: CallBackStatus.Cancelled } => Decision<CallBackEvent>.Nothing,
            { IsOpen: false } cb => Closed(cb),
            var cb when c.ByClient && c.Now >= cb.Start => new DomainError("call_back_started",
                "The call-back time has begun, so it can no longer be cancelled online."),
            var cb => Decision<CallBackEvent>.Accept(new CallBackCancelled(cb.CallBackId, c.By, c.Now)),
        },

        CloseCallBackTime c when state.Closed.TryGetValue(c.AbsenceId, out var closed) && closed == (c.StaffId, new Interval(c.Start, c.End)) =>
            Decision<CallBackEvent>.Nothing,
        CloseCallBackTime c => Decision<CallBackEvent>.Accept(new CallBackTimeClosed(c.AbsenceId, c.StaffId, c.Date, c.Start, c.End, c.Now)),

        ReopenCallBackTime c when !state.Closed.ContainsKey(c.AbsenceId) => Decision<CallBackEvent>.Nothing,
        ReopenCallBackTime c => Decision<CallBackEvent>.Accept(new CallBackTimeReopened(c.AbsenceId, c.Date, c.Now)),

        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown call-back command."),
    };

    private static Decision<CallBackEvent> Reserve(ReserveCallBack c, CallBackDay state)
    {
        if (state.Find(c.CallBackId) is { } existing)
            return existing.ClientId == c.ClientId
                ? Decision<CallBackEvent>.Nothing
                : new DomainError("call_back_exists", "A call-back with this id already exists.", ErrorKind.Conflict);
        if (c.ClosedBecause is { } why)
            return new DomainError("unit_closed", $"The unit is closed on {c.Start.Date:yyyy-MM-dd} ({why}).", ErrorKind.Rule, "start");
        var atStart = c.Offered.Where(s => s.Start == c.Start).ToList();
        if (atStart.Count == 0)
            return new DomainError("not_a_call_back_time", "No call-back time starts then. Choose one of the free times offered.", ErrorKind.Rule, "start");
        if (atStart.FirstOrDefault(s => s.StaffId == c.StaffId) is not { } slot)
            return new DomainError("no_call_back_time_for_staff", "That supervisor has no call-back time then.", ErrorKind.Rule, "staffId");
        if (slot.StartsAt <= c.Now)
            return new DomainError("time_in_past", "That time has already passed.", ErrorKind.Rule, "start");
        if (c.Channel == CallBackChannel.Online && c.Start.Date <= c.Today)
            return new DomainError("too_soon",
                "Call-backs can be reserved online from the next day. For today, call the office secretary during phone hours.", ErrorKind.Rule, "start");
        if (c.Start.Date > c.LastDay)
            return new DomainError("beyond_horizon", $"Call-backs can be reserved up to {c.LastDay:yyyy-MM-dd}.", ErrorKind.Rule, "start");
        // An absence saved since the slots were offered took the time: to the client it is simply gone.
        if (state.IsHeld(c.StaffId, slot.StartsAt) || state.IsClosed(c.StaffId, slot.StartsAt, slot.EndsAt))
            return new DomainError("slot_taken", "That call-back time was just taken. Choose another time.", ErrorKind.Conflict, "start");
        if (state.CallBacks.Any(cb => cb.IsOpen && c.SamePhone.Contains(cb.ClientId)))
            return new DomainError("one_call_back_a_day", "This phone number already has a call-back on that day.", ErrorKind.Rule, "phone");
        return Decision<CallBackEvent>.Accept(new CallBackReserved(c.CallBackId, c.ClientId, c.StaffId, c.Start.Date, slot.StartsAt, slot.EndsAt,
            c.Matter, c.Language, c.Channel, c.ReservedBy, c.Now));
    }

    private static Decision<CallBackEvent> NotReached(MarkNotReached c, CallBack cb)
    {
        if (cb.Status == CallBackStatus.Done)
            return new DomainError("call_back_done", "This call-back is already marked done.");
        if (cb.Status == CallBackStatus.Cancelled)
            return new DomainError("call_back_cancelled", "This call-back was cancelled.");
        if (c.Attempt is { } seen && seen >= 1 && seen <= cb.Attempts) return Decision<CallBackEvent>.Nothing;
        if (c.Attempt is { } wanted && wanted != cb.Attempts + 1)
            return new DomainError("attempt_invalid", $"The next attempt is number {cb.Attempts + 1}.", ErrorKind.Invalid, "attempt");
        if (cb.Status == CallBackStatus.NotReached) return Closed(cb);
        if (c.Now < cb.Start)
            return new DomainError("not_due", "The call-back time has not begun; a client can be marked not reached only from the agreed time.");
        if (cb.RetryFrom(c.RetryAfter) is { } retryFrom && c.Now < retryFrom)
            return new DomainError("retry_too_soon",
                $"The client gets one more call: try again in {Math.Ceiling((retryFrom - c.Now).TotalMinutes):0} min.");
        var attempt = cb.Attempts + 1;
        return Decision<CallBackEvent>.Accept(new CallBackNotReached(cb.CallBackId, c.StaffId, attempt, attempt >= CallBackSettings.MaxAttempts, c.Now));
    }

    /// <summary>The checks a supervisor's action shares: the call-back exists and it is theirs.</summary>
    private static Decision<CallBackEvent> Own(CallBackDay state, Guid callBackId, Guid staffId, Func<CallBack, Decision<CallBackEvent>> decide) =>
        state.Find(callBackId) switch
        {
            null => NotFound(),
            var cb when cb.StaffId != staffId => new DomainError("not_your_call_back",
                "This call-back belongs to another supervisor; only they can mark it.", ErrorKind.Forbidden),
            var cb => decide(cb),
        };

    private static DomainError NotFound() => new("call_back_not_found", "There is no such call-back.", ErrorKind.NotFound);

    private static DomainError Closed(CallBack cb) => cb.Status switch
    {
        CallBackStatus.Done => new DomainError("call_back_done", "This call-back is already marked done."),
        CallBackStatus.Cancelled => new DomainError("call_back_cancelled", "This call-back was cancelled."),
        _ => new DomainError("call_back_closed", "This call-back was closed after the retry went unanswered."),
    };
}
