// A meeting's history for staff: what happened to it, when, and which staff member did it, read from its own event
// stream (the audit trail the events already are). Parents are named only as "the client": no personal data.
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <param name="What">The event's stable name (appointment_booked, appointment_moved…).</param>
/// <param name="StaffId">The staff member who did it; null when a client or the service did.</param>
/// <param name="ByClient">True when a parent did it (through a link or online).</param>
public sealed record MeetingHistoryEntry(Instant At, string What, Guid? StaffId, bool ByClient);

public sealed class MeetingHistory(IEventStore store)
{
    public async Task<IReadOnlyList<MeetingHistoryEntry>> Of(Guid unitId, Guid appointmentId, CancellationToken ct = default) =>
        (await store.ReadStream(unitId, StreamIds.Appointment(appointmentId), ct))
            .OrderBy(e => e.Version)
            .Select(e => new MeetingHistoryEntry(e.Timestamp, e.EventName, StaffOf(e.CausedBy), e.CausedBy.StartsWith("client", StringComparison.Ordinal)))
            .ToList();

    /// <summary>The staff member of an actor written as staff:{id}.</summary>
    public static Guid? StaffOf(string causedBy) =>
        causedBy.StartsWith("staff:", StringComparison.Ordinal) && Guid.TryParse(causedBy["staff:".Length..], out var id) ? id : null;
}
