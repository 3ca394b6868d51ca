// The walk-in rules: honest intake, first come first served, no-show only after the grace, withdraw while waiting or called.
//
// An intake refusal (the visit could not start before closing, or staff closed the intake) is not an error: Decide
// accepts a TicketRefused event so that the turned-away client is counted in the figures, and the caller learns the
// outcome from the state after the events (TicketByCode finds an issued ticket; RefusedCodes holds a refused request).
// Errors are kept for what writes nothing: outside the window, no session, a wrong supervisor.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.WalkIn;

public abstract record WalkInCommand(Instant Now);

/// <param name="Settings">The walk-in settings, with OnDuty already limited to supervisors who are active and present that day.</param>
/// <param name="ClosedBecause">Why the unit is closed that day (a public holiday or a closure), or null when it is open.</param>
public sealed record OpenWalkIn(LocalDate Date, WalkInSettings Settings, DateTimeZone Zone, string? ClosedBecause, Instant Now) : WalkInCommand(Now);

public sealed record AddSupervisorToDuty(Guid StaffId, string Room, string By, Instant Now) : WalkInCommand(Now);

/// <param name="TicketCode">An opaque random code the caller made for the ticket's phone link (and QR code).</param>
public sealed record IssueTicket(WalkInMatter Matter, Language Language, string TicketCode, Instant Now) : WalkInCommand(Now);

public sealed record CallNext(Guid StaffId, Instant Now) : WalkInCommand(Now);

public sealed record Recall(int Number, Guid StaffId, Instant Now) : WalkInCommand(Now);

public sealed record StartVisit(int Number, Guid StaffId, Instant Now) : WalkInCommand(Now);

public sealed record CompleteVisit(int Number, Guid StaffId, VisitOutcome Outcome, Instant Now) : WalkInCommand(Now);

public sealed record MarkNoShow(int Number, Guid StaffId, Instant Now) : WalkInCommand(Now);

public sealed record Withdraw(string TicketCode, Instant Now) : WalkInCommand(Now);

public sealed record CloseIntake(string Reason, Instant Now) : WalkInCommand(Now);

public static class WalkInDecider
{
    /// <summary>This feature's decider in the one shape the write runner takes.</summary>
    public static readonly Decider<WalkInCommand, WalkInSession, WalkInEvent> Definition = new(StreamIds.WalkInSessionType, WalkInSession.Initial, WalkInSession.Evolve, Decide);

    public const int MaxTicketCodeLength = 200;

    public static Decision<WalkInEvent> Decide(WalkInCommand command, WalkInSession state) => command switch
    {
        OpenWalkIn c => Open(c, state),
        _ when !state.Opened => new DomainError("no_session", "There is no walk-in reception today.", ErrorKind.Rule),

        AddSupervisorToDuty c when state.OnDuty.Any(s => s.StaffId == c.StaffId && s.Room == c.Room) => Decision<WalkInEvent>.Nothing,
        AddSupervisorToDuty c => Decision<WalkInEvent>.Accept(new SupervisorAddedToDuty(c.StaffId, c.Room, c.By, c.Now)),

        IssueTicket c => Issue(c, state),

        CallNext c when !state.IsOnDuty(c.StaffId) => NotOnDuty(),
        CallNext c when state.CurrentTicketOf(c.StaffId) is { } current =>
            new DomainError("already_serving", $"Number {current.Number} is still yours: finish it or mark it a no-show first.", ErrorKind.Conflict),
        CallNext when state.Queue is [] => new DomainError("queue_empty", "Nobody is waiting.", ErrorKind.Rule),
        CallNext c => Decision<WalkInEvent>.Accept(new TicketCalled(state.Queue[0].Number, c.StaffId, state.RoomOf(c.StaffId), c.Now)),

        Recall c => OnTicket(state, c.Number, c.StaffId, t => t.Status switch
        {
            TicketStatus.Called when t.CalledAt == c.Now => Decision<WalkInEvent>.Nothing,
            TicketStatus.Called => Decision<WalkInEvent>.Accept(new TicketRecalled(t.Number, c.StaffId, c.Now)),
            _ => Unexpected(t),
        }),

        StartVisit c => OnTicket(state, c.Number, c.StaffId, t => t.Status switch
        {
            TicketStatus.InVisit or TicketStatus.Done => Decision<WalkInEvent>.Nothing,
            TicketStatus.Called => Decision<WalkInEvent>.Accept(new VisitStarted(t.Number, c.StaffId, c.Now)),
            _ => Unexpected(t),
        }),

        CompleteVisit c => OnTicket(state, c.Number, c.StaffId, t => t.Status switch
        {
            TicketStatus.Done => Decision<WalkInEvent>.Nothing,
            TicketStatus.InVisit => Decision<WalkInEvent>.Accept(new VisitCompleted(t.Number, c.StaffId, c.Outcome, c.Now)),
            TicketStatus.Called => new DomainError("visit_not_started", $"Start the visit of number {t.Number} before completing it."),
            _ => Unexpected(t),
        }),

        MarkNoShow c => OnTicket(state, c.Number, c.StaffId, t => t.Status switch
        {
            TicketStatus.NoShow => Decision<WalkInEvent>.Nothing,
            TicketStatus.Called when c.Now - t.CalledAt!.Value < state.NoShowGrace => new DomainError("grace_not_over",
                $"Number {t.Number} was called {Minutes(c.Now - t.CalledAt.Value)} min ago; a no-show can be marked " +
                $"{Minutes(state.NoShowGrace)} min after the last call."),
            TicketStatus.Called => Decision<WalkInEvent>.Accept(new TicketNoShow(t.Number, c.StaffId, c.Now)),
            _ => Unexpected(t),
        }),

        Withdraw c => state.TicketByCode(c.TicketCode) switch
        {
            null => new DomainError("ticket_not_found", "No such ticket today.", ErrorKind.NotFound),
            { Status: TicketStatus.Withdrawn } => Decision<WalkInEvent>.Nothing,
            { Status: TicketStatus.Waiting or TicketStatus.Called } t => Decision<WalkInEvent>.Accept(new TicketWithdrawn(t.Number, c.Now)),
            var t => Unexpected(t),
        },

        CloseIntake when state.IsIntakeClosed => Decision<WalkInEvent>.Nothing,
        CloseIntake c => Decision<WalkInEvent>.Accept(new IntakeClosed(c.Now, c.Reason)),

        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown walk-in command."),
    };

    private static Decision<WalkInEvent> Open(OpenWalkIn c, WalkInSession state)
    {
        if (state.Opened) return Decision<WalkInEvent>.Nothing;
        var s = c.Settings;
        if (c.Date.DayOfWeek != s.Day)
            return new DomainError("no_walk_in_today", $"There is no walk-in reception on {c.Date:yyyy-MM-dd}.");
        if (c.ClosedBecause is { } why)
            return new DomainError("unit_closed", $"The unit is closed on {c.Date:yyyy-MM-dd} ({why}).");
        if (s.To <= s.From || s.VisitMinutes <= 0 || s.NoShowGraceMinutes < 0)
            return new DomainError("walk_in_settings_invalid", "The walk-in window must end after it starts, and visits must have a length.",
                ErrorKind.Invalid);
        return Decision<WalkInEvent>.Accept(new WalkInOpened(c.Date,
            c.Date.At(s.From).InZoneLeniently(c.Zone).ToInstant(), c.Date.At(s.To).InZoneLeniently(c.Zone).ToInstant(), s.VisitLength,
            s.OnDuty.Distinct().Select(id => new SupervisorOnDuty(id, s.RoomOf(id))).ToList(), s.NoShowGrace, c.Now));
    }

    private static Decision<WalkInEvent> Issue(IssueTicket c, WalkInSession state)
    {
        if (string.IsNullOrWhiteSpace(c.TicketCode) || c.TicketCode.Length > MaxTicketCodeLength)
            return new DomainError("ticket_code_invalid", "A ticket needs a code.", ErrorKind.Invalid, "ticketCode");
        if (state.NumberByCode.ContainsKey(c.TicketCode) || state.RefusedCodes.ContainsKey(c.TicketCode)) return Decision<WalkInEvent>.Nothing;
        if (c.Now < state.Opens)
            return new DomainError("walk_in_not_open", "The walk-in reception has not opened yet.");
        if (c.Now >= state.Closes)
            return new DomainError("walk_in_closed", "The walk-in reception has closed for today.");

        var estimate = WaitEstimate.For(state, c.Now);
        var wait = estimate?.NewTicketWait ?? state.Closes - c.Now;
        if (state.IsIntakeClosed)
            return Decision<WalkInEvent>.Accept(new TicketRefused(c.Matter, RefusalReasons.StaffClosedIntake, wait, c.TicketCode, c.Now));
        if (estimate is null || estimate.NewTicketStart >= state.Closes)
            return Decision<WalkInEvent>.Accept(new TicketRefused(c.Matter, RefusalReasons.QueueFull, wait, c.TicketCode, c.Now));
        return Decision<WalkInEvent>.Accept(new TicketIssued(state.NextNumber, c.TicketCode, c.Matter, c.Language, state.PeopleWaiting,
            wait, c.Now));
    }

    /// <summary>The checks every staff action on one ticket shares: on duty, the ticket exists, and it is this supervisor's.</summary>
    private static Decision<WalkInEvent> OnTicket(WalkInSession state, int number, Guid staffId, Func<WalkInTicket, Decision<WalkInEvent>> decide)
    {
        if (!state.IsOnDuty(staffId)) return NotOnDuty();
        if (state.Ticket(number) is not { } ticket)
            return new DomainError("ticket_not_found", $"There is no number {number} today.", ErrorKind.NotFound);
        if (ticket.StaffId is { } holder && holder != staffId && ticket.Status is not (TicketStatus.Waiting or TicketStatus.Withdrawn))
            return new DomainError("not_your_ticket", $"Number {number} was called by another supervisor.", ErrorKind.Conflict);
        return decide(ticket);
    }

    private static DomainError NotOnDuty() =>
        new("not_on_duty", "You are not on walk-in duty today. Ask to be added to the duty first.");

    private static DomainError Unexpected(WalkInTicket t) => t.Status switch
    {
        TicketStatus.Waiting => new DomainError("not_called", $"Number {t.Number} has not been called yet."),
        TicketStatus.Called => new DomainError("visit_not_started", $"The visit of number {t.Number} has not started."),
        TicketStatus.InVisit => new DomainError("visit_started", $"The visit of number {t.Number} has already started."),
        TicketStatus.Done => new DomainError("visit_completed", $"The visit of number {t.Number} is already completed."),
        TicketStatus.NoShow => new DomainError("ticket_no_show", $"Number {t.Number} was marked a no-show."),
        _ => new DomainError("ticket_withdrawn", $"Number {t.Number} was withdrawn by the client."),
    };

    private static long Minutes(Duration d) => (long)Math.Floor(d.TotalMinutes);
}
