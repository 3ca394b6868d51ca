// What the info evening use cases need from the outside world; Booking.Api implements these on PostgreSQL.
using Booking.Domain.Appointments;

namespace Booking.Domain.InfoEvenings;

/// <summary>The unit's evenings, read from the inline projection of the evening streams.</summary>
public interface IInfoEveningCatalogue
{
    /// <summary>Every evening of the unit (past and cancelled ones too), earliest start first.</summary>
    Task<IReadOnlyList<Guid>> EveningIds(Guid unitId, CancellationToken ct = default);
}

/// <summary>Finds a registration by the hash of the token in its manage link.</summary>
public interface IEveningRegistrationTokens
{
    Task<(Guid EveningId, Guid RegistrationId)?> Find(Guid unitId, string tokenHash, CancellationToken ct = default);

    /// <summary>The sealed manage token of a client's registration for an evening (for emails and for a repeated request).</summary>
    Task<(Guid RegistrationId, string SealedToken)?> OfClient(Guid unitId, Guid eveningId, Guid clientId, CancellationToken ct = default);
}

/// <summary>The registrants' contacts for the staff roster; a client erased under GDPR is simply missing.</summary>
public interface IEveningContacts
{
    Task<IReadOnlyDictionary<Guid, ClientContact>> Find(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default);

    /// <summary>The client id under which this email address (an <see cref="EveningRegistrant.KeyOf"/> key) registered for the
    /// evening before, cancelled or not; null for a new address.</summary>
    Task<Guid?> RegistrantOf(Guid unitId, Guid eveningId, string emailKey, CancellationToken ct = default);
}

/// <summary>Who registered for an evening under which address, written with the registration. The events know the client
/// id only; this row lets a second registration from the same address find that id, and its unique (evening, address)
/// index refuses a second id for one address when two registrations race.</summary>
public sealed record EveningRegistrant(Guid UnitId, Guid EveningId, string EmailKey, Guid ClientId)
{
    /// <summary>One address however it is typed: " Maija@Example.fi " and "maija@example.fi" are one registrant.</summary>
    public static string KeyOf(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>The hash of the unguessable token in a registrant's manage link; the token itself is kept only sealed (encrypted
/// by the host), so that the emails can carry the link.</summary>
public sealed record EveningRegistrationToken(Guid UnitId, Guid EveningId, Guid RegistrationId, Guid ClientId, string TokenHash, string SealedToken);
