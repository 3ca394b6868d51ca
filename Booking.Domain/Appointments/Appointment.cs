// One appointment's life: booked, moved, cancelled. Events carry ids and times only, never personal data.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Appointments;

public abstract record AppointmentEvent(Guid AppointmentId);

/// <param name="SecondProfessionalId">Pair work: the other professional (a supervisor or a partner service's) whose time
/// the meeting also holds.</param>
/// <param name="FamilyId">Booked by the secretary for a family whose first contact was logged (lead time).</param>
/// <param name="SeriesId">One of several meetings booked for a family in one go.</param>
[EventName("appointment_booked")]
public sealed record AppointmentBooked(Guid AppointmentId, Guid ClientId, string AppointmentType, Modality Modality,
    Instant Start, Instant End, Instant OccupiedUntil, Guid SupervisorId, BookingChannel Channel, string BookedBy, Instant BookedAt,
    Guid? SecondProfessionalId = null, Guid? FamilyId = null, Guid? SeriesId = null)
    : AppointmentEvent(AppointmentId);

/// <summary>Why central booking's impartial choice was set aside: the family keeps the supervisor it already has.</summary>
public enum KeepReason { OngoingCase, FollowUpMeeting, LanguageOrInterpreter, Safety, Other }

/// <summary>The secretary kept the family's existing supervisor instead of the impartial choice (the reason's
/// explanation, free text, is kept with the appointment's staff notes, not here).</summary>
[EventName("supervisor_kept")]
public sealed record SupervisorKept(Guid AppointmentId, Guid SupervisorId, KeepReason Reason, string KeptBy, Instant KeptAt)
    : AppointmentEvent(AppointmentId);

[EventName("appointment_completed")]
public sealed record AppointmentCompleted(Guid AppointmentId, string CompletedBy, Instant CompletedAt) : AppointmentEvent(AppointmentId);

[EventName("appointment_no_show")]
public sealed record AppointmentNoShow(Guid AppointmentId, string MarkedBy, Instant MarkedAt) : AppointmentEvent(AppointmentId);

[EventName("other_parent_invited")]
public sealed record OtherParentInvited(Guid AppointmentId, Guid OtherParentClientId, Instant InvitedAt) : AppointmentEvent(AppointmentId);

/// <summary>The invited other parent said whether they can come (from the link in the invitation email).</summary>
[EventName("other_parent_responded")]
public sealed record OtherParentResponded(Guid AppointmentId, Guid OtherParentClientId, bool Accepted, Instant RespondedAt)
    : AppointmentEvent(AppointmentId);

/// <summary>Why staff changed a meeting (the explanation, free text, is kept in the appointment's change notes, not here).</summary>
public enum ChangeReason { FamilyAsked, StaffAbsent, StaffRequest, UnitClosed, Other }

/// <param name="Reason">Null when the client moved it from the manage link; staff always give one.</param>
[EventName("appointment_moved")]
public sealed record AppointmentMoved(Guid AppointmentId, Instant Start, Instant End, Instant OccupiedUntil, Guid SupervisorId,
    string MovedBy, Instant MovedAt, ChangeReason? Reason = null) : AppointmentEvent(AppointmentId);

/// <param name="Reason">Null when the client cancelled it from the manage link; staff always give one.</param>
[EventName("appointment_cancelled")]
public sealed record AppointmentCancelled(Guid AppointmentId, string CancelledBy, Instant CancelledAt, ChangeReason? Reason = null)
    : AppointmentEvent(AppointmentId);

/// <summary>Staff gave the meeting to another supervisor at the same time (the family's time does not change, so no email).</summary>
[EventName("appointment_reassigned")]
public sealed record AppointmentReassigned(Guid AppointmentId, Guid SupervisorId, Guid PreviousSupervisorId, ChangeReason Reason,
    string ReassignedBy, Instant ReassignedAt) : AppointmentEvent(AppointmentId);

/// <summary>Staff set or changed a video meeting's link. The link itself is kept with the appointment's notes (a document
/// that erasure clears), never in an event.</summary>
[EventName("video_link_set")]
public sealed record VideoLinkSet(Guid AppointmentId, string SetBy, Instant SetAt) : AppointmentEvent(AppointmentId);

/// <summary>The parent who booked asked for separate meetings instead of a joint one (safety): no invitation is sent, and
/// the supervisor sees the request on the day.</summary>
[EventName("separate_meetings_requested")]
public sealed record SeparateMeetingsRequested(Guid AppointmentId, Instant RequestedAt) : AppointmentEvent(AppointmentId);

public enum AppointmentStatus { None, Booked, Cancelled, Completed, NoShow }

public sealed record Appointment(
    AppointmentStatus Status,
    Guid Id,
    Guid ClientId,
    Guid? OtherParentClientId,
    string AppointmentType,
    Modality Modality,
    Instant Start,
    Instant End,
    Instant OccupiedUntil,
    Guid SupervisorId,
    BookingChannel Channel,
    bool? OtherParentAccepted = null,
    Guid? SecondProfessionalId = null,
    Guid? FamilyId = null,
    Guid? SeriesId = null,
    KeepReason? Kept = null,
    bool SeparateMeetings = false)
{
    /// <summary>Everyone whose time the meeting holds: the supervisor and, in pair work, the second professional.</summary>
    public IEnumerable<Guid> Professionals => SecondProfessionalId is { } second ? [SupervisorId, second] : [SupervisorId];

    public static readonly Appointment Initial = new(AppointmentStatus.None, Guid.Empty, Guid.Empty, null, "", Modality.InPerson,
        default, default, default, Guid.Empty, BookingChannel.Online);

    public static Appointment Evolve(Appointment state, object @event) => @event switch
    {
        AppointmentBooked e => state with
        {
            Status = AppointmentStatus.Booked, Id = e.AppointmentId, ClientId = e.ClientId, AppointmentType = e.AppointmentType,
            Modality = e.Modality, Start = e.Start, End = e.End, OccupiedUntil = e.OccupiedUntil, SupervisorId = e.SupervisorId,
            Channel = e.Channel, SecondProfessionalId = e.SecondProfessionalId, FamilyId = e.FamilyId, SeriesId = e.SeriesId,
        },
        SupervisorKept e => state with { Kept = e.Reason },
        AppointmentCompleted => state with { Status = AppointmentStatus.Completed },
        AppointmentNoShow => state with { Status = AppointmentStatus.NoShow },
        OtherParentInvited e => state with { OtherParentClientId = e.OtherParentClientId },
        OtherParentResponded e => state with { OtherParentAccepted = e.Accepted },
        AppointmentMoved e => state with { Start = e.Start, End = e.End, OccupiedUntil = e.OccupiedUntil, SupervisorId = e.SupervisorId },
        AppointmentCancelled => state with { Status = AppointmentStatus.Cancelled },
        AppointmentReassigned e => state with { SupervisorId = e.SupervisorId },
        SeparateMeetingsRequested => state with { SeparateMeetings = true },
        _ => state,
    };
}

public abstract record AppointmentCommand(Guid AppointmentId, string Actor, Instant Now);

public sealed record BookAppointment(Guid AppointmentId, Guid ClientId, Guid? OtherParentClientId, string AppointmentType,
    Modality Modality, Instant Start, Instant End, Instant OccupiedUntil, Guid SupervisorId, BookingChannel Channel,
    string Actor, Instant Now, Guid? SecondProfessionalId = null, Guid? FamilyId = null, Guid? SeriesId = null,
    KeepReason? Kept = null, bool SeparateMeetings = false) : AppointmentCommand(AppointmentId, Actor, Now);

/// <summary>The supervisor marks a meeting that has begun as held.</summary>
public sealed record CompleteAppointment(Guid AppointmentId, string Actor, Instant Now) : AppointmentCommand(AppointmentId, Actor, Now);

/// <summary>The supervisor marks that the client did not come.</summary>
public sealed record MarkNoShow(Guid AppointmentId, string Actor, Instant Now) : AppointmentCommand(AppointmentId, Actor, Now);

/// <param name="Reason">Staff's moves carry a reason; a client's (from the manage link) none. Only staff move pair meetings.</param>
public sealed record MoveAppointment(Guid AppointmentId, Instant Start, Instant End, Instant OccupiedUntil, Guid SupervisorId,
    string Actor, Instant Now, ChangeReason? Reason = null) : AppointmentCommand(AppointmentId, Actor, Now);

public sealed record CancelAppointment(Guid AppointmentId, string Actor, Instant Now, ChangeReason? Reason = null)
    : AppointmentCommand(AppointmentId, Actor, Now);

/// <summary>Staff give the meeting to another supervisor, same time.</summary>
public sealed record ReassignAppointment(Guid AppointmentId, Guid SupervisorId, ChangeReason Reason, string Actor, Instant Now)
    : AppointmentCommand(AppointmentId, Actor, Now);

/// <summary>Staff set or change the video meeting's link (the link goes to the notes document, not into the event).</summary>
public sealed record SetVideoLink(Guid AppointmentId, string Actor, Instant Now) : AppointmentCommand(AppointmentId, Actor, Now);

/// <summary>The invited other parent accepts (true) or declines (false) the invitation.</summary>
public sealed record RespondToInvitation(Guid AppointmentId, bool Accepted, string Actor, Instant Now)
    : AppointmentCommand(AppointmentId, Actor, Now);

public static class AppointmentDecider
{
    /// <summary>This feature's decider in the one shape the write runner takes.</summary>
    public static readonly Decider<AppointmentCommand, Appointment, AppointmentEvent> Definition = new(StreamIds.AppointmentType, Appointment.Initial, Appointment.Evolve, Decide);

    public static Decision<AppointmentEvent> Decide(AppointmentCommand command, Appointment state) => command switch
    {
        BookAppointment c when state.Status != AppointmentStatus.None =>
            state.Start == c.Start && state.ClientId == c.ClientId
                ? Decision<AppointmentEvent>.Nothing
                : new DomainError("appointment_exists", "This appointment has already been booked.", ErrorKind.Conflict),
        BookAppointment c when c.Start <= c.Now =>
            new DomainError("time_in_past", "That time has already passed.", ErrorKind.Rule, "start"),
        BookAppointment c when c.SecondProfessionalId == c.SupervisorId =>
            new DomainError("same_professional_twice", "Pair work needs a second professional other than the supervisor.",
                ErrorKind.Rule, "secondProfessionalId"),
        BookAppointment c when c.SeparateMeetings && c.OtherParentClientId is not null =>
            new DomainError("separate_or_joint", "Separate meetings were asked for, so the other parent is not invited to this one.",
                ErrorKind.Invalid, "separateMeetings"),
        BookAppointment c => Book(c),

        MoveAppointment or CancelAppointment or CompleteAppointment or MarkNoShow or ReassignAppointment when state.Status == AppointmentStatus.None =>
            new DomainError("appointment_not_found", "No such appointment.", ErrorKind.NotFound),
        CompleteAppointment or MarkNoShow when state.Status == AppointmentStatus.Cancelled =>
            new DomainError("appointment_cancelled", "This appointment was cancelled.", ErrorKind.Rule),
        CompleteAppointment or MarkNoShow when state.Start > command.Now =>
            new DomainError("appointment_not_started", "A meeting can be marked held or missed once its time has begun.", ErrorKind.Rule),
        CompleteAppointment when state.Status == AppointmentStatus.Completed => Decision<AppointmentEvent>.Nothing,
        CompleteAppointment c => Decision<AppointmentEvent>.Accept(new AppointmentCompleted(c.AppointmentId, c.Actor, c.Now)),
        MarkNoShow when state.Status == AppointmentStatus.NoShow => Decision<AppointmentEvent>.Nothing,
        MarkNoShow c => Decision<AppointmentEvent>.Accept(new AppointmentNoShow(c.AppointmentId, c.Actor, c.Now)),
        MoveAppointment when state.Status == AppointmentStatus.Cancelled =>
            new DomainError("appointment_cancelled", "A cancelled appointment cannot be moved; please book a new time.", ErrorKind.Rule),
        MoveAppointment c when state.SecondProfessionalId is not null && c.Reason is null =>
            new DomainError("pair_meeting", "A meeting with two professionals is changed through the office secretary.", ErrorKind.Rule),
        MoveAppointment c when state.Start <= c.Now =>
            new DomainError("appointment_started", "An appointment that has already begun cannot be moved.", ErrorKind.Rule),
        MoveAppointment c when c.Start <= c.Now =>
            new DomainError("time_in_past", "That time has already passed.", ErrorKind.Rule, "start"),
        MoveAppointment c when c.SupervisorId == state.SecondProfessionalId =>
            new DomainError("same_professional_twice", "Pair work needs a second professional other than the supervisor.",
                ErrorKind.Rule, "supervisor"),
        MoveAppointment c when c.Start == state.Start && c.SupervisorId == state.SupervisorId => Decision<AppointmentEvent>.Nothing,
        MoveAppointment c => Decision<AppointmentEvent>.Accept(
            new AppointmentMoved(c.AppointmentId, c.Start, c.End, c.OccupiedUntil, c.SupervisorId, c.Actor, c.Now, c.Reason)),

        CancelAppointment when state.Status == AppointmentStatus.Cancelled => Decision<AppointmentEvent>.Nothing,
        CancelAppointment c when state.Start <= c.Now =>
            new DomainError("appointment_started", "An appointment that has already begun cannot be cancelled.", ErrorKind.Rule),
        CancelAppointment c => Decision<AppointmentEvent>.Accept(new AppointmentCancelled(c.AppointmentId, c.Actor, c.Now, c.Reason)),

        ReassignAppointment when state.Status == AppointmentStatus.Cancelled =>
            new DomainError("appointment_cancelled", "A cancelled meeting cannot be given to another supervisor.", ErrorKind.Rule),
        ReassignAppointment c when state.Start <= c.Now || state.Status != AppointmentStatus.Booked =>
            new DomainError("appointment_started", "A meeting that has already begun cannot be given to another supervisor.", ErrorKind.Rule),
        ReassignAppointment c when c.SupervisorId == state.SecondProfessionalId =>
            new DomainError("same_professional_twice", "Pair work needs a second professional other than the supervisor.",
                ErrorKind.Rule, "supervisor"),
        ReassignAppointment c when c.SupervisorId == state.SupervisorId => Decision<AppointmentEvent>.Nothing,
        ReassignAppointment c => Decision<AppointmentEvent>.Accept(
            new AppointmentReassigned(c.AppointmentId, c.SupervisorId, state.SupervisorId, c.Reason, c.Actor, c.Now)),

        RespondToInvitation when state.Status == AppointmentStatus.None || state.OtherParentClientId is null =>
            new DomainError("no_invitation", "No other parent was invited to this appointment.", ErrorKind.NotFound),
        RespondToInvitation when state.Status == AppointmentStatus.Cancelled =>
            new DomainError("appointment_cancelled", "This appointment has been cancelled.", ErrorKind.Rule),
        RespondToInvitation c when state.Start <= c.Now =>
            new DomainError("appointment_started", "An appointment that has already begun can no longer be answered.", ErrorKind.Rule),
        RespondToInvitation c when state.OtherParentAccepted == c.Accepted => Decision<AppointmentEvent>.Nothing,
        RespondToInvitation c => Decision<AppointmentEvent>.Accept(
            new OtherParentResponded(c.AppointmentId, state.OtherParentClientId!.Value, c.Accepted, c.Now)),

        SetVideoLink when state.Status == AppointmentStatus.None =>
            new DomainError("appointment_not_found", "No such appointment.", ErrorKind.NotFound),
        SetVideoLink when state.Modality != Modality.Video =>
            new DomainError("not_a_video_meeting", "Only a video meeting has a video link.", ErrorKind.Rule, "videoLink"),
        SetVideoLink when state.Status == AppointmentStatus.Cancelled =>
            new DomainError("appointment_cancelled", "This appointment was cancelled.", ErrorKind.Rule),
        SetVideoLink c when state.End <= c.Now || state.Status != AppointmentStatus.Booked =>
            new DomainError("appointment_over", "The meeting is over; its link can no longer be changed.", ErrorKind.Rule),
        SetVideoLink c => Decision<AppointmentEvent>.Accept(new VideoLinkSet(c.AppointmentId, c.Actor, c.Now)),

        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown appointment command."),
    };

    private static Decision<AppointmentEvent> Book(BookAppointment c)
    {
        List<AppointmentEvent> events =
        [
            new AppointmentBooked(c.AppointmentId, c.ClientId, c.AppointmentType, c.Modality, c.Start, c.End,
                c.OccupiedUntil, c.SupervisorId, c.Channel, c.Actor, c.Now, c.SecondProfessionalId, c.FamilyId, c.SeriesId),
        ];
        if (c.Kept is { } reason) events.Add(new SupervisorKept(c.AppointmentId, c.SupervisorId, reason, c.Actor, c.Now));
        if (c.OtherParentClientId is { } other) events.Add(new OtherParentInvited(c.AppointmentId, other, c.Now));
        if (c.SeparateMeetings) events.Add(new SeparateMeetingsRequested(c.AppointmentId, c.Now));
        return Decision<AppointmentEvent>.Accept([.. events]);
    }
}
