// One appointment's life: booked, moved, cancelled. Events carry ids and times only, never personal data.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Appointments;

public abstract record AppointmentEvent(Guid AppointmentId);

[EventName("appointment_booked")]
public sealed record AppointmentBooked(Guid AppointmentId, Guid ClientId, string AppointmentType, Modality Modality,
    Instant Start, Instant End, Instant OccupiedUntil, Guid SupervisorId, BookingChannel Channel, string BookedBy, Instant BookedAt)
    : AppointmentEvent(AppointmentId);

[EventName("other_parent_invited")]
public sealed record OtherParentInvited(Guid AppointmentId, Guid OtherParentClientId, Instant InvitedAt) : AppointmentEvent(AppointmentId);

/// <summary>The invited other parent said whether they can come (from the link in the invitation email).</summary>
[EventName("other_parent_responded")]
public sealed record OtherParentResponded(Guid AppointmentId, Guid OtherParentClientId, bool Accepted, Instant RespondedAt)
    : AppointmentEvent(AppointmentId);

[EventName("appointment_moved")]
public sealed record AppointmentMoved(Guid AppointmentId, Instant Start, Instant End, Instant OccupiedUntil, Guid SupervisorId,
    string MovedBy, Instant MovedAt) : AppointmentEvent(AppointmentId);

[EventName("appointment_cancelled")]
public sealed record AppointmentCancelled(Guid AppointmentId, string CancelledBy, Instant CancelledAt) : AppointmentEvent(AppointmentId);

public enum AppointmentStatus { None, Booked, Cancelled }

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
    bool? OtherParentAccepted = null)
{
    public static readonly Appointment Initial = new(AppointmentStatus.None, Guid.Empty, Guid.Empty, null, "", Modality.InPerson,
        default, default, default, Guid.Empty, BookingChannel.Online);

    public static Appointment Evolve(Appointment state, object @event) => @event switch
    {
        AppointmentBooked e => state with
        {
            Status = AppointmentStatus.Booked, Id = e.AppointmentId, ClientId = e.ClientId, AppointmentType = e.AppointmentType,
            Modality = e.Modality, Start = e.Start, End = e.End, OccupiedUntil = e.OccupiedUntil, SupervisorId = e.SupervisorId,
            Channel = e.Channel,
        },
        OtherParentInvited e => state with { OtherParentClientId = e.OtherParentClientId },
        OtherParentResponded e => state with { OtherParentAccepted = e.Accepted },
        AppointmentMoved e => state with { Start = e.Start, End = e.End, OccupiedUntil = e.OccupiedUntil, SupervisorId = e.SupervisorId },
        AppointmentCancelled => state with { Status = AppointmentStatus.Cancelled },
        _ => state,
    };
}

public abstract record AppointmentCommand(Guid AppointmentId, string Actor, Instant Now);

public sealed record BookAppointment(Guid AppointmentId, Guid ClientId, Guid? OtherParentClientId, string AppointmentType,
    Modality Modality, Instant Start, Instant End, Instant OccupiedUntil, Guid SupervisorId, BookingChannel Channel,
    string Actor, Instant Now) : AppointmentCommand(AppointmentId, Actor, Now);

public sealed record MoveAppointment(Guid AppointmentId, Instant Start, Instant End, Instant OccupiedUntil, Guid SupervisorId,
    string Actor, Instant Now) : AppointmentCommand(AppointmentId, Actor, Now);

public sealed record CancelAppointment(Guid AppointmentId, string Actor, Instant Now) : AppointmentCommand(AppointmentId, Actor, Now);

/// <summary>The invited other parent accepts (true) or declines (false) the invitation.</summary>
public sealed record RespondToInvitation(Guid AppointmentId, bool Accepted, string Actor, Instant Now)
    : AppointmentCommand(AppointmentId, Actor, Now);

public static class AppointmentDecider
{
    public static Decision<AppointmentEvent> Decide(AppointmentCommand command, Appointment state) => command switch
    {
        BookAppointment c when state.Status != AppointmentStatus.None =>
            state.Start == c.Start && state.ClientId == c.ClientId
                ? Decision<AppointmentEvent>.Nothing
                : new DomainError("appointment_exists", "This appointment has already been booked.", ErrorKind.Conflict),
        BookAppointment c when c.Start <= c.Now =>
            new DomainError("time_in_past", "That time has already passed.", ErrorKind.Rule, "start"),
        BookAppointment c => Book(c),

        MoveAppointment or CancelAppointment when state.Status == AppointmentStatus.None =>
            new DomainError("appointment_not_found", "No such appointment.", ErrorKind.NotFound),
        MoveAppointment when state.Status == AppointmentStatus.Cancelled =>
            new DomainError("appointment_cancelled", "A cancelled appointment cannot be moved; please book a new time.", ErrorKind.Rule),
        MoveAppointment c when state.Start <= c.Now =>
            new DomainError("appointment_started", "An appointment that has already begun cannot be moved.", ErrorKind.Rule),
        MoveAppointment c when c.Start <= c.Now =>
            new DomainError("time_in_past", "That time has already passed.", ErrorKind.Rule, "start"),
        MoveAppointment c when c.Start == state.Start && c.SupervisorId == state.SupervisorId => Decision<AppointmentEvent>.Nothing,
        MoveAppointment c => Decision<AppointmentEvent>.Accept(
            new AppointmentMoved(c.AppointmentId, c.Start, c.End, c.OccupiedUntil, c.SupervisorId, c.Actor, c.Now)),

        CancelAppointment when state.Status == AppointmentStatus.Cancelled => Decision<AppointmentEvent>.Nothing,
        CancelAppointment c when state.Start <= c.Now =>
            new DomainError("appointment_started", "An appointment that has already begun cannot be cancelled.", ErrorKind.Rule),
        CancelAppointment c => Decision<AppointmentEvent>.Accept(new AppointmentCancelled(c.AppointmentId, c.Actor, c.Now)),

        RespondToInvitation when state.Status == AppointmentStatus.None || state.OtherParentClientId is null =>
            new DomainError("no_invitation", "No other parent was invited to this appointment.", ErrorKind.NotFound),
        RespondToInvitation when state.Status == AppointmentStatus.Cancelled =>
            new DomainError("appointment_cancelled", "This appointment has been cancelled.", ErrorKind.Rule),
        RespondToInvitation c when state.Start <= c.Now =>
            new DomainError("appointment_started", "An appointment that has already begun can no longer be answered.", ErrorKind.Rule),
        RespondToInvitation c when state.OtherParentAccepted == c.Accepted => Decision<AppointmentEvent>.Nothing,
        RespondToInvitation c => Decision<AppointmentEvent>.Accept(
            new OtherParentResponded(c.AppointmentId, state.OtherParentClientId!.Value, c.Accepted, c.Now)),

        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown appointment command."),
    };

    private static Decision<AppointmentEvent> Book(BookAppointment c)
    {
        var booked = new AppointmentBooked(c.AppointmentId, c.ClientId, c.AppointmentType, c.Modality, c.Start, c.End,
            c.OccupiedUntil, c.SupervisorId, c.Channel, c.Actor, c.Now);
        return c.OtherParentClientId is { } other
            ? Decision<AppointmentEvent>.Accept(booked, new OtherParentInvited(c.AppointmentId, other, c.Now))
            : Decision<AppointmentEvent>.Accept(booked);
    }
}
