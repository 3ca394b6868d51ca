// What the unit records when a family's personal data is erased on request: who and why, never what (no names, no
// numbers, no free text), on the family's own stream, so that a booking made at the same moment meets it there.
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Privacy;

/// <summary>Why the contacts were erased before their retention period ended (a code, never free text).</summary>
public enum ErasureReason { ParentAsked, NotNeeded, Other }

public abstract record PrivacyEvent(Guid FamilyId);

/// <param name="Parents">How many parents' contact details were erased.</param>
/// <param name="Meetings">How many meetings' video links and notes were erased.</param>
[EventName("family_personal_data_erased")]
public sealed record FamilyPersonalDataErased(Guid FamilyId, ErasureReason Reason, int Parents, int Meetings, string ErasedBy, Instant ErasedAt)
    : PrivacyEvent(FamilyId);

/// <summary>A booking made without the secretary (no family): its booker's and invited parent's contacts, its video link
/// and note were erased on request. On the appointment's stream, so that a change of the booking meets it there.</summary>
/// <param name="People">How many people's contact details were erased (the booker and the invited parent).</param>
[EventName("booking_personal_data_erased")]
public sealed record BookingPersonalDataErased(Guid AppointmentId, ErasureReason Reason, int People, string ErasedBy, Instant ErasedAt)
    : Booking.Domain.Appointments.AppointmentEvent(AppointmentId);
