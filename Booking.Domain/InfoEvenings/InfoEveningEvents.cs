// The info evening stream ("Vanhempien eron ABC" evenings with partner organisations): one per evening. Registrations
// carry a client id only; the name and email live in the erasable contacts. Title and description are the organiser's
// text, not personal data.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.InfoEvenings;

public abstract record InfoEveningEvent(Guid EveningId);

[EventName("info_evening_scheduled")]
public sealed record EveningScheduled(Guid EveningId, string Title, string Description, Instant Start, Instant End, string? Place,
    string? OnlineLink, Language Language, int Capacity, IReadOnlyList<string> Partners, Instant RegistrationOpens,
    Instant RegistrationCloses, string By, Instant At) : InfoEveningEvent(EveningId);

[EventName("info_evening_cancelled")]
public sealed record EveningCancelled(Guid EveningId, string Reason, string By, Instant At) : InfoEveningEvent(EveningId);

[EventName("info_evening_registered")]
public sealed record Registered(Guid EveningId, Guid RegistrationId, Guid ClientId, int Seats, Instant At) : InfoEveningEvent(EveningId);

[EventName("info_evening_waitlisted")]
public sealed record Waitlisted(Guid EveningId, Guid RegistrationId, Guid ClientId, int Seats, Instant At) : InfoEveningEvent(EveningId);

[EventName("info_evening_promoted_from_waitlist")]
public sealed record PromotedFromWaitlist(Guid EveningId, Guid RegistrationId, Instant At) : InfoEveningEvent(EveningId);

[EventName("info_evening_registration_cancelled")]
public sealed record RegistrationCancelled(Guid EveningId, Guid RegistrationId, Instant At) : InfoEveningEvent(EveningId);

[EventName("info_evening_attendance_marked")]
public sealed record AttendanceMarked(Guid EveningId, Guid RegistrationId, bool Attended, string By, Instant At) : InfoEveningEvent(EveningId);
