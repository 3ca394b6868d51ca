// What the appointment use cases need from the outside world; Booking.Api implements these on PostgreSQL.
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <summary>Reserved staff time, read from the inline projection of the staff-day streams.</summary>
public interface IReservations
{
    Task<IReadOnlyList<Reservation>> Between(Guid unitId, Instant from, Instant to, CancellationToken ct = default);
}

public interface IManageTokens
{
    Task<Guid?> FindAppointment(Guid unitId, string tokenHash, CancellationToken ct = default);
}

/// <summary>Finds the appointment behind the other parent's invitation link (by the token's hash).</summary>
public interface IInvitationTokens
{
    Task<Guid?> FindAppointment(Guid unitId, string tokenHash, CancellationToken ct = default);
}

public interface IIdempotencyKeys
{
    Task<IdempotencyRecord?> Find(Guid unitId, string key, CancellationToken ct = default);
}

/// <summary>A client's personal data: kept outside the events so that it can be erased.</summary>
public sealed record ClientContact(Guid UnitId, Guid ClientId, string Name, string Email, string Phone, Language Language);

/// <summary>Reads clients' contact details back (the secretary's console, the supervisor's day, call-backs).</summary>
public interface IClientContacts
{
    Task<IReadOnlyDictionary<Guid, ClientContact>> Find(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default);
}

/// <summary>The hash of the unguessable token in a client's manage link, by which the link is looked up; the token is kept
/// only sealed (encrypted by the host), so that the confirmation email can carry the link.</summary>
public sealed record ManageToken(Guid UnitId, Guid AppointmentId, Guid ClientId, string TokenHash, string SealedToken);

/// <summary>The hash of the unguessable token in the invited other parent's link (accept or decline); sealed like a
/// manage token so that the invitation email can carry the link. It does not open the client's manage link.</summary>
public sealed record InvitationToken(Guid UnitId, Guid AppointmentId, Guid ClientId, string TokenHash, string SealedToken);

/// <summary>Remembers a POST by its Idempotency-Key so a retry returns the same booking.
/// SealedToken is the manage token encrypted by the host, so the retry can show the same link.</summary>
public sealed record IdempotencyRecord(Guid UnitId, string Key, string RequestFingerprint, Guid AppointmentId, string SealedToken);

/// <summary>Makes the unguessable token of a manage link, hashes it for storage and seals it for idempotent replays.</summary>
public interface IManageTokenIssuer
{
    IssuedToken Issue();
    string HashOf(string token);
    string? Unseal(string sealedToken);
}

public sealed record IssuedToken(string Token, string Hash, string Sealed);

/// <summary>Free hours entered for professionals (partner services), read from the projection of the staff-day streams.</summary>
public interface IOfferedHoursSource
{
    Task<IReadOnlyList<OfferedHours>> Between(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct = default);
}

/// <summary>What the supervisors need to prepare, kept with the appointment for staff only: the video meeting's link, the
/// secretary's note, and the explanation when the family kept its supervisor. Free text may hold personal data, so it is
/// a document (erasable), never an event.</summary>
public sealed record AppointmentNotes(Guid UnitId, Guid AppointmentId, string VideoLink, string PreparationNote, string KeepReasonNote);
