// A staff member's day: the stream that makes two bookings of the same person's time impossible.
using System.Collections.Immutable;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Appointments;

public abstract record StaffDayEvent;

[EventName("slot_reserved")]
public sealed record SlotReserved(Guid StaffId, LocalDate Date, Guid AppointmentId, Instant Start, Instant End, Instant ReservedAt) : StaffDayEvent;

[EventName("slot_released")]
public sealed record SlotReleased(Guid StaffId, LocalDate Date, Guid AppointmentId, Instant ReleasedAt) : StaffDayEvent;

/// <summary>Free hours a partner service's professional told the secretary about (they keep no weekly hours here);
/// pair work may be booked with them inside these hours.</summary>
[EventName("hours_offered")]
public sealed record HoursOffered(Guid StaffId, LocalDate Date, Instant Start, Instant End, string OfferedBy, Instant OfferedAt) : StaffDayEvent;

/// <summary>A saved absence of the staff member (or a closure of the unit) takes this time off the day: nothing new is reserved
/// in it. Written on the same stream as the reservations, so a booking racing the absence's save either lands before it
/// (and the absence's work list holds it) or is refused.</summary>
[EventName("staff_time_blocked")]
public sealed record TimeBlocked(Guid StaffId, LocalDate Date, Guid AbsenceId, Instant Start, Instant End, Instant BlockedAt) : StaffDayEvent;

/// <summary>The absence that blocked this time was withdrawn: the time can be booked again.</summary>
[EventName("staff_time_unblocked")]
public sealed record TimeUnblocked(Guid StaffId, LocalDate Date, Guid AbsenceId, Instant UnblockedAt) : StaffDayEvent;

public sealed record StaffDay(ImmutableDictionary<Guid, Interval> Reserved, ImmutableList<Interval> Offered)
{
    public static readonly StaffDay Initial = new(ImmutableDictionary<Guid, Interval>.Empty, ImmutableList<Interval>.Empty);

    /// <summary>Time taken off the day by saved absences and closures, by absence.</summary>
    public ImmutableDictionary<Guid, Interval> Blocked { get; init; } = ImmutableDictionary<Guid, Interval>.Empty;

    public static StaffDay Evolve(StaffDay state, object @event) => @event switch
    {
        SlotReserved e => state with { Reserved = state.Reserved.SetItem(e.AppointmentId, new Interval(e.Start, e.End)) },
        SlotReleased e => state with { Reserved = state.Reserved.Remove(e.AppointmentId) },
        HoursOffered e => state with { Offered = state.Offered.Add(new Interval(e.Start, e.End)) },
        TimeBlocked e => state with { Blocked = state.Blocked.SetItem(e.AbsenceId, new Interval(e.Start, e.End)) },
        TimeUnblocked e => state with { Blocked = state.Blocked.Remove(e.AbsenceId) },
        _ => state,
    };
}

public abstract record StaffDayCommand;

/// <param name="BookableHours">The staff member's bookable blocks that day (from the configuration).</param>
public sealed record ReserveSlot(Guid StaffId, LocalDate Date, Guid AppointmentId, Instant Start, Instant End,
    IReadOnlyList<Interval> BookableHours, Instant Now) : StaffDayCommand;

public sealed record ReleaseSlot(Guid StaffId, LocalDate Date, Guid AppointmentId, Instant Now) : StaffDayCommand;

public sealed record BlockTime(Guid StaffId, LocalDate Date, Guid AbsenceId, Instant Start, Instant End, Instant Now) : StaffDayCommand;

public sealed record UnblockTime(Guid StaffId, LocalDate Date, Guid AbsenceId, Instant Now) : StaffDayCommand;

public sealed record OfferHours(Guid StaffId, LocalDate Date, Instant Start, Instant End, string Actor, Instant Now) : StaffDayCommand;

public static class StaffDayDecider
{
    /// <summary>This feature's decider in the one shape the write runner takes.</summary>
    public static readonly Decider<StaffDayCommand, StaffDay, StaffDayEvent> Definition = new(StreamIds.StaffDayType, StaffDay.Initial, StaffDay.Evolve, Decide);

    public static Decision<StaffDayEvent> Decide(StaffDayCommand command, StaffDay state) => command switch
    {
        ReserveSlot c when state.Reserved.TryGetValue(c.AppointmentId, out var held) =>
            held.Start == c.Start && held.End == c.End
                ? Decision<StaffDayEvent>.Nothing
                : new DomainError("slot_already_held", "This appointment already holds another time on this day.", ErrorKind.Conflict),
        ReserveSlot c when c.End <= c.Start =>
            new DomainError("empty_time", "A reservation must end after it starts.", ErrorKind.Invalid),
        ReserveSlot c when !c.BookableHours.Concat(state.Offered).Any(h => h.Start <= c.Start && c.End <= h.End) =>
            new DomainError("outside_bookable_hours", "The staff member has no bookable hours at that time.", ErrorKind.Rule),
        ReserveSlot c when state.Blocked.Values.Any(b => b.Start < c.End && c.Start < b.End) =>
            new DomainError("staff_absent", "The staff member is absent at that time (or the unit is closed).", ErrorKind.Conflict),
        ReserveSlot c when state.Reserved.Values.Any(r => r.Start < c.End && c.Start < r.End) =>
            new DomainError("slot_taken", "That time was just taken.", ErrorKind.Conflict),
        ReserveSlot c => Decision<StaffDayEvent>.Accept(new SlotReserved(c.StaffId, c.Date, c.AppointmentId, c.Start, c.End, c.Now)),

        ReleaseSlot c when !state.Reserved.ContainsKey(c.AppointmentId) => Decision<StaffDayEvent>.Nothing,
        ReleaseSlot c => Decision<StaffDayEvent>.Accept(new SlotReleased(c.StaffId, c.Date, c.AppointmentId, c.Now)),

        BlockTime c when c.End <= c.Start => new DomainError("empty_time", "An absence must end after it starts.", ErrorKind.Invalid),
        BlockTime c when state.Blocked.TryGetValue(c.AbsenceId, out var blocked) && blocked == new Interval(c.Start, c.End) =>
            Decision<StaffDayEvent>.Nothing,
        BlockTime c => Decision<StaffDayEvent>.Accept(new TimeBlocked(c.StaffId, c.Date, c.AbsenceId, c.Start, c.End, c.Now)),

        UnblockTime c when !state.Blocked.ContainsKey(c.AbsenceId) => Decision<StaffDayEvent>.Nothing,
        UnblockTime c => Decision<StaffDayEvent>.Accept(new TimeUnblocked(c.StaffId, c.Date, c.AbsenceId, c.Now)),

        OfferHours c when c.End <= c.Start =>
            new DomainError("empty_time", "The free hours must end after they start.", ErrorKind.Invalid, "to"),
        OfferHours c when c.Start <= c.Now =>
            new DomainError("time_in_past", "Free hours can only be entered for the future.", ErrorKind.Rule, "from"),
        OfferHours c when state.Offered.Any(h => h.Start <= c.Start && c.End <= h.End) => Decision<StaffDayEvent>.Nothing,
        OfferHours c => Decision<StaffDayEvent>.Accept(new HoursOffered(c.StaffId, c.Date, c.Start, c.End, c.Actor, c.Now)),

        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown staff-day command."),
    };
}
