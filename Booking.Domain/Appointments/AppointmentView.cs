using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <summary>What a client sees of their booking: no staff names (the unit assigns impartially).</summary>
public sealed record AppointmentView(
    Guid AppointmentId,
    string AppointmentType,
    Modality Modality,
    LocalDateTime Start,
    LocalDateTime End,
    Instant StartsAt,
    AppointmentStatus Status,
    bool CanChange,
    bool? OtherParentAccepted = null,
    bool CanMove = false,
    bool OtherParentInvited = false,
    bool SeparateMeetings = false)
{
    public static AppointmentView From(Appointment a, DateTimeZone zone, Instant now) => new(
        a.Id, a.AppointmentType, a.Modality,
        a.Start.InZone(zone).LocalDateTime, a.End.InZone(zone).LocalDateTime, a.Start,
        a.Status, a.Status == AppointmentStatus.Booked && a.Start > now, a.OtherParentAccepted,
        // A meeting with two professionals is moved through the office secretary (both people's times change together).
        CanMove: a.Status == AppointmentStatus.Booked && a.Start > now && a.SecondProfessionalId is null,
        OtherParentInvited: a.OtherParentClientId is not null, SeparateMeetings: a.SeparateMeetings);
}

/// <summary>A booking just made (or found again by its Idempotency-Key): the view and the manage token's sealed form.</summary>
/// <param name="ManageToken">The manage link's token in clear, for the one who booked (null when a repeat's sealed copy
/// can no longer be opened).</param>
public sealed record BookedAppointment(AppointmentView View, string SealedToken, bool Replayed, string? ManageToken = null);
