// One day's walk-in reception folded from its events: the tickets, who serves which, the observed visit lengths.
using System.Collections.Immutable;
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.WalkIn;

public enum TicketStatus { Waiting, Called, InVisit, Done, NoShow, Withdrawn }

/// <param name="CalledAt">The last call (a recall calls again), from which the no-show grace runs.</param>
/// <param name="FirstCalledAt">The first call: the end of the client's wait.</param>
public sealed record WalkInTicket(
    int Number,
    string Code,
    WalkInMatter Matter,
    Language Language,
    Instant IssuedAt,
    TicketStatus Status,
    Guid? StaffId = null,
    string? Room = null,
    Instant? FirstCalledAt = null,
    Instant? CalledAt = null,
    Instant? StartedAt = null,
    Instant? FinishedAt = null,
    VisitOutcome? Outcome = null)
{
    /// <summary>Called or in a visit: a supervisor is busy with this ticket.</summary>
    public bool IsBeingServed => Status is TicketStatus.Called or TicketStatus.InVisit;
}

/// <summary>A number on the waiting-room display: who is called, or being received, in which room.</summary>
public sealed record ServedNumber(int Number, Guid StaffId, string Room, TicketStatus Status);

public sealed record WalkInSession(
    bool Opened,
    LocalDate Date,
    Instant Opens,
    Instant Closes,
    Duration VisitLength,
    Duration NoShowGrace,
    ImmutableList<SupervisorOnDuty> OnDuty,
    ImmutableList<WalkInTicket> Tickets,
    ImmutableDictionary<string, int> NumberByCode,
    ImmutableDictionary<string, string> RefusedCodes, // kiosk request code -> refusal reason
    ImmutableList<Duration> ObservedVisitLengths,
    Instant? IntakeClosedAt)
{
    public static readonly WalkInSession Initial = new(false, default, default, default, Duration.Zero, Duration.Zero,
        [], [], ImmutableDictionary<string, int>.Empty, ImmutableDictionary<string, string>.Empty, [], null);

    /// <summary>Observed walks: from a number's first call to the start of its visit (the client comes to the room).</summary>
    public ImmutableList<Duration> ObservedWalks { get; init; } = [];

    /// <summary>Observed write-ups: from the end of a supervisor's visit (or no-show) to their next call, counted only when
    /// the next client was already waiting then, so the gap is work, never idle time.</summary>
    public ImmutableList<Duration> ObservedWriteUps { get; init; } = [];

    public static WalkInSession Evolve(WalkInSession state, object @event) => @event switch
    {
        WalkInOpened e => state with
        {
            Opened = true, Date = e.Date, Opens = e.Opens, Closes = e.Closes, VisitLength = e.VisitLength, NoShowGrace = e.NoShowGrace,
            OnDuty = [.. e.OnDuty],
        },
        SupervisorAddedToDuty e => state with
        {
            OnDuty = state.OnDuty.FindIndex(s => s.StaffId == e.StaffId) is var i and >= 0
                ? state.OnDuty.SetItem(i, new SupervisorOnDuty(e.StaffId, e.Room))
                : state.OnDuty.Add(new SupervisorOnDuty(e.StaffId, e.Room)),
        },
        TicketIssued e => state with
        {
            Tickets = state.Tickets.Add(new WalkInTicket(e.Number, e.TicketCode, e.Matter, e.Language, e.IssuedAt, TicketStatus.Waiting)),
            NumberByCode = state.NumberByCode.SetItem(e.TicketCode, e.Number),
        },
        TicketRefused e => state with { RefusedCodes = state.RefusedCodes.SetItem(e.TicketCode, e.Reason) },
        TicketCalled e => Update(ObserveWriteUp(state, e), e.Number, t => t with
        {
            Status = TicketStatus.Called, StaffId = e.StaffId, Room = e.Room, FirstCalledAt = t.FirstCalledAt ?? e.CalledAt, CalledAt = e.CalledAt,
        }),
        TicketRecalled e => Update(state, e.Number, t => t with { CalledAt = e.At }),
        VisitStarted e => Update(ObserveWalk(state, e), e.Number, t => t with { Status = TicketStatus.InVisit, StaffId = e.StaffId, StartedAt = e.StartedAt }),
        VisitCompleted e => Observe(Update(state, e.Number, t => t with
        {
            Status = TicketStatus.Done, FinishedAt = e.CompletedAt, Outcome = e.Outcome,
        }), e.Number),
        TicketNoShow e => Update(state, e.Number, t => t with { Status = TicketStatus.NoShow, FinishedAt = e.At }),
        TicketWithdrawn e => Update(state, e.Number, t => t with { Status = TicketStatus.Withdrawn, FinishedAt = e.At }),
        IntakeClosed e => state with { IntakeClosedAt = state.IntakeClosedAt ?? e.At },
        _ => state,
    };

    // Numbers run 1, 2, 3 ... in issue order, so a ticket sits at index Number - 1.
    private static WalkInSession Update(WalkInSession state, int number, Func<WalkInTicket, WalkInTicket> change) =>
        number >= 1 && number <= state.Tickets.Count
            ? state with { Tickets = state.Tickets.SetItem(number - 1, change(state.Tickets[number - 1])) }
            : state;

    private static WalkInSession Observe(WalkInSession state, int number) =>
        state.Ticket(number) is { StartedAt: { } started, FinishedAt: { } finished }
            ? state with { ObservedVisitLengths = state.ObservedVisitLengths.Add(finished - started) }
            : state;

    private static WalkInSession ObserveWriteUp(WalkInSession state, TicketCalled call)
    {
        if (state.Ticket(call.Number) is not { Status: TicketStatus.Waiting } next) return state;
        var previous = state.Tickets.LastOrDefault(t => t.StaffId == call.StaffId && t.Status is TicketStatus.Done or TicketStatus.NoShow
            && t.FinishedAt is not null);
        return previous is { FinishedAt: { } finished } && next.IssuedAt <= finished && call.CalledAt >= finished
            ? state with { ObservedWriteUps = state.ObservedWriteUps.Add(call.CalledAt - finished) }
            : state;
    }

    private static WalkInSession ObserveWalk(WalkInSession state, VisitStarted start) =>
        state.Ticket(start.Number) is { Status: TicketStatus.Called, FirstCalledAt: { } called } && start.StartedAt >= called
            ? state with { ObservedWalks = state.ObservedWalks.Add(start.StartedAt - called) }
            : state;

    public bool IsIntakeClosed => IntakeClosedAt is not null;

    /// <summary>The number the next ticket gets.</summary>
    public int NextNumber => Tickets.Count + 1;

    public WalkInTicket? Ticket(int number) => number >= 1 && number <= Tickets.Count ? Tickets[number - 1] : null;

    public WalkInTicket? TicketByCode(string code) => NumberByCode.TryGetValue(code, out var number) ? Ticket(number) : null;

    public bool IsOnDuty(Guid staffId) => OnDuty.Any(s => s.StaffId == staffId);

    public string RoomOf(Guid staffId) => OnDuty.FirstOrDefault(s => s.StaffId == staffId)?.Room ?? "";

    /// <summary>The ticket a supervisor has called or is receiving, if any.</summary>
    public WalkInTicket? CurrentTicketOf(Guid staffId) => Tickets.FirstOrDefault(t => t.IsBeingServed && t.StaffId == staffId);

    /// <summary>The waiting tickets in the order they will be called (first come, first served).</summary>
    public IReadOnlyList<WalkInTicket> Queue => Tickets.Where(t => t.Status == TicketStatus.Waiting).ToList();

    public int PeopleWaiting => Tickets.Count(t => t.Status == TicketStatus.Waiting);

    /// <summary>Numbers called or in a visit, with the room, in number order.</summary>
    public IReadOnlyList<ServedNumber> BeingServed =>
        Tickets.Where(t => t.IsBeingServed).Select(t => new ServedNumber(t.Number, t.StaffId!.Value, t.Room ?? RoomOf(t.StaffId!.Value), t.Status))
            .ToList();

    /// <summary>How many waiting tickets are ahead of this one; null when it no longer waits.</summary>
    public int? PeopleAheadOf(int number) =>
        Ticket(number) is { Status: TicketStatus.Waiting } ? Tickets.Count(t => t.Status == TicketStatus.Waiting && t.Number < number) : null;
}
