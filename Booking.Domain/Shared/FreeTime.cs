using NodaTime;

namespace Booking.Domain;

/// <summary>A bookable start: local times for people, the instant for storage, and who is free (never shown to clients).</summary>
public sealed record FreeTime(LocalDateTime Start, LocalDateTime End, Instant StartsAt, Instant EndsAt, IReadOnlyList<Guid> FreeStaff);
