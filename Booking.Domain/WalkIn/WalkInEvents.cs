// The walk-in session stream: one per unit and date. Tickets are anonymous: a number, a matter, the language the client
// chose at the kiosk and an opaque random code for the phone link, never anything that names a person.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;
using NodaTime.Text;

namespace Booking.Domain.WalkIn;

public enum WalkInMatter { Advice, Agreement, Paternity, Other }

public enum VisitOutcome { AdviceGiven, AgreementDrafted, PaternityHandled, ReferredElsewhere, FollowUpBooked }

/// <summary>A child supervisor receiving walk-in clients, and the room the display sends called numbers to.</summary>
public sealed record SupervisorOnDuty(Guid StaffId, string Room);

/// <summary>Why a number was not issued, as <see cref="TicketRefused"/> stores it. The stored words are those of the first
/// release and stay, for the streams already written; they are not what the kiosk answered, so the figures and every
/// other reader go through <see cref="AsAnswered"/>.</summary>
public static class RefusalReasons
{
    /// <summary>The visit could not start before the window closes: the kiosk answered <see cref="QueueFullAnswer"/>.</summary>
    public const string QueueFull = "intake_closed";

    /// <summary>Staff had closed the intake (<see cref="IntakeClosed"/> event) while the window was still open: the kiosk
    /// answered <see cref="IntakeClosedAnswer"/>.</summary>
    public const string StaffClosedIntake = "closed";

    public const string QueueFullAnswer = "queue_full";
    public const string IntakeClosedAnswer = "intake_closed";

    /// <summary>The code the kiosk answered for a stored reason.</summary>
    public static string AsAnswered(string stored) => stored switch
    {
        QueueFull => QueueFullAnswer,
        StaffClosedIntake => IntakeClosedAnswer,
        _ => stored,
    };
}

public abstract record WalkInEvent;

/// <remarks>The session's rules (window, visit length, grace) are frozen here, so a configuration change during the day
/// does not rewrite a running queue.</remarks>
[EventName("walk_in_opened")]
public sealed record WalkInOpened(LocalDate Date, Instant Opens, Instant Closes, Duration VisitLength, IReadOnlyList<SupervisorOnDuty> OnDuty,
    Duration NoShowGrace, Instant OpenedAt) : WalkInEvent;

[EventName("walk_in_supervisor_added_to_duty")]
public sealed record SupervisorAddedToDuty(Guid StaffId, string Room, string By, Instant At) : WalkInEvent;

[EventName("walk_in_ticket_issued")]
public sealed record TicketIssued(int Number, string TicketCode, WalkInMatter Matter, Language Language, int PeopleAhead,
    Duration EstimatedWait, Instant IssuedAt) : WalkInEvent;

/// <remarks>Recorded so that turned-away clients show in the figures. TicketCode is the kiosk request's code, so a
/// repeated request is not counted twice.</remarks>
[EventName("walk_in_ticket_refused")]
public sealed record TicketRefused(WalkInMatter Matter, string Reason, Duration EstimatedWait, string TicketCode, Instant RefusedAt) : WalkInEvent;

[EventName("walk_in_ticket_called")]
public sealed record TicketCalled(int Number, Guid StaffId, string Room, Instant CalledAt) : WalkInEvent;

[EventName("walk_in_ticket_recalled")]
public sealed record TicketRecalled(int Number, Guid StaffId, Instant At) : WalkInEvent;

[EventName("walk_in_visit_started")]
public sealed record VisitStarted(int Number, Guid StaffId, Instant StartedAt) : WalkInEvent;

[EventName("walk_in_visit_completed")]
public sealed record VisitCompleted(int Number, Guid StaffId, VisitOutcome Outcome, Instant CompletedAt) : WalkInEvent;

[EventName("walk_in_ticket_no_show")]
public sealed record TicketNoShow(int Number, Guid StaffId, Instant At) : WalkInEvent;

[EventName("walk_in_ticket_withdrawn")]
public sealed record TicketWithdrawn(int Number, Instant At) : WalkInEvent;

[EventName("walk_in_intake_closed")]
public sealed record IntakeClosed(Instant At, string Reason) : WalkInEvent;
