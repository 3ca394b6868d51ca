// What the privacy use cases need from the outside world; Booking.Api implements these on PostgreSQL.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.Privacy;

/// <summary>A document whose writer erases the clients' contact details, the meetings' video links and notes, their link
/// tokens and idempotency records, and the copies of emails sent to them; saved with the erasure's event.</summary>
public sealed record PersonalDataErasure(Guid UnitId, IReadOnlyList<Guid> ClientIds, IReadOnlyList<Guid> AppointmentIds);

/// <summary>An email the unit queued for a client (what kind, whether it went), without its text or address.</summary>
public sealed record SentEmail(Guid ClientId, string Kind, string Status, Instant QueuedAt, Instant? SentAt);

/// <summary>One staff read of clients' contact details: who, when, through which screen or endpoint; never the data.</summary>
public sealed record ContactRead(Instant At, Guid StaffId, string StaffName, string What, Guid ClientId, Guid? FamilyId);

public interface IPersonalDataRecords
{
    Task<IReadOnlyList<SentEmail>> EmailsTo(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default);

    /// <summary>Reads of the family's parents' contacts (familyId), or by one staff member (staffId), newest first.</summary>
    Task<IReadOnlyList<ContactRead>> Reads(Guid unitId, Guid? familyId, Guid? staffId, int limit, CancellationToken ct = default);
}

/// <summary>A person in a copy of the data held: their own contact details as the unit keeps them.</summary>
public sealed record CopyPerson(Guid ClientId, string? Role, string Name, string Email, string Phone, Language Language);

public sealed record CopyMeeting(Guid AppointmentId, string AppointmentType, Modality Modality, Instant Start, Instant End,
    AppointmentStatus Status, string? VideoLink, string? PreparationNote);

/// <summary>Everything the unit holds about a booking or a family (the right of access): contacts, meetings, emails sent.</summary>
public sealed record PersonalDataCopy(Instant MadeAt, IReadOnlyList<CopyPerson> People, IReadOnlyList<CopyMeeting> Meetings,
    IReadOnlyList<SentEmail> Emails);

/// <summary>What erasing a family's (FamilyId) or an online booking's (AppointmentId) data would do: whose contacts and
/// which meetings' notes go, and the meetings that stop it.</summary>
public sealed record ErasurePlan(Guid? FamilyId, Guid? AppointmentId, IReadOnlyList<CopyPerson> Parents, IReadOnlyList<CopyMeeting> Meetings,
    IReadOnlyList<CopyMeeting> FutureMeetings, int Emails)
{
    public bool MayErase => FutureMeetings.Count == 0;
}

/// <summary>The authorization policy of erasing and copying a family's data: the office secretary or the unit manager.</summary>
public static class PrivacyPolicies
{
    public const string SecretaryOrManager = "secretary-or-manager";
}
