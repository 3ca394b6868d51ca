// A family's contacts with the unit, as the secretary logs them: the first one starts the lead-time clock (target: the
// first meeting within a week). Events carry ids, codes and times; the parents' names and numbers live in client_contacts.
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Secretary;

/// <summary>How the family reached the unit.</summary>
public enum ContactChannel { Phone, Email, WalkIn, Referral }

/// <summary>Which parent a contact came from (the other parent may join later).</summary>
public enum ParentRole { Mother, Father, OtherParent }

public abstract record FamilyEvent(Guid FamilyId);

[EventName("family_parent_added")]
public sealed record ParentAdded(Guid FamilyId, Guid ClientId, ParentRole Role, string AddedBy, Instant AddedAt) : FamilyEvent(FamilyId);

/// <param name="Matter">An appointment type code: what the family needs (the info links are chosen by it).</param>
[EventName("family_contact_logged")]
public sealed record ContactLogged(Guid FamilyId, ContactChannel Channel, string Matter, ParentRole Parent, string LoggedBy, Instant LoggedAt)
    : FamilyEvent(FamilyId);

[EventName("family_meeting_booked")]
public sealed record FamilyMeetingBooked(Guid FamilyId, Guid AppointmentId, Instant Start, string BookedBy, Instant BookedAt)
    : FamilyEvent(FamilyId);

/// <summary>The secretary sent a parent the info links and preparation notes for a matter (the email outbox sends it).</summary>
[EventName("family_info_links_sent")]
public sealed record InfoLinksSent(Guid FamilyId, Guid ClientId, string Matter, Booking.Domain.Language Language, string SentBy, Instant SentAt)
    : FamilyEvent(FamilyId);
