// The call-back stream: one per unit and date, holding every call-back of that day, so that two clients reaching for
// the same slot meet on one stream version and only one wins. Events carry ids, times and codes; the client's phone
// number and name live in client_contacts, which can be erased.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.WalkIn;
using NodaTime;
using NodaTime.Text;

namespace Booking.Domain.CallBacks;

/// <summary>Who reserved the call-back: the client on the public page, or the office secretary on the client's behalf.</summary>
public enum CallBackChannel { Online, Secretary }

public abstract record CallBackEvent(Guid CallBackId);

/// <param name="Matter">The matter codes of the walk-in kiosk, so the unit's figures speak of the same matters.</param>
/// <param name="Language">The language the client wants to be called in.</param>
[EventName("call_back_reserved")]
public sealed record CallBackReserved(
    Guid CallBackId,
    Guid ClientId,
    Guid StaffId,
    LocalDate Date,
    Instant Start,
    Instant End,
    WalkInMatter Matter,
    Language Language,
    CallBackChannel Channel,
    string ReservedBy,
    Instant ReservedAt) : CallBackEvent(CallBackId);

[EventName("call_back_completed")]
public sealed record CallBackCompleted(Guid CallBackId, Guid StaffId, Instant CompletedAt) : CallBackEvent(CallBackId);

/// <param name="Attempt">1 for the first unanswered call, 2 for the retry.</param>
/// <param name="Final">True when no retry is left: the call-back is closed as not reached.</param>
[EventName("call_back_not_reached")]
public sealed record CallBackNotReached(Guid CallBackId, Guid StaffId, int Attempt, bool Final, Instant At) : CallBackEvent(CallBackId);

/// <param name="CancelledBy">"client:link" from the client's cancel link, or the secretary as "staff:{id}".</param>
[EventName("call_back_cancelled")]
public sealed record CallBackCancelled(Guid CallBackId, string CancelledBy, Instant CancelledAt) : CallBackEvent(CallBackId);

/// <summary>A saved absence of the supervisor (or a closure of the unit: no StaffId) takes these hours out of the day's
/// call-back times. Written on the stream the reservations append to, so a reservation racing the absence's save either
/// lands first (and is on the absence's work list) or is refused. Not a call-back: its CallBackId is empty.</summary>
[EventName("call_back_time_closed")]
public sealed record CallBackTimeClosed(Guid AbsenceId, Guid? StaffId, LocalDate Date, Instant Start, Instant End, Instant ClosedAt)
    : CallBackEvent(Guid.Empty);

/// <summary>The absence that closed these hours was withdrawn: its call-back times are offered again.</summary>
[EventName("call_back_time_reopened")]
public sealed record CallBackTimeReopened(Guid AbsenceId, LocalDate Date, Instant ReopenedAt) : CallBackEvent(Guid.Empty);
