// Read sides the central booking and the family use cases need, fed from what the in-memory store holds: the hours
// partner professionals offered (from their staff-day streams) and the parents' contact details (from the documents).
using Booking.Domain.Appointments;
using Booking.Domain.Secretary;
using NodaTime;

namespace Booking.Domain.Tests.Support;

/// <summary>The projection of HoursOffered events in the staff-day streams.</summary>
public sealed class InMemoryOfferedHours(InMemoryEventStore store) : IOfferedHoursSource
{
    public Task<IReadOnlyList<OfferedHours>> Between(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<OfferedHours>>(store.Snapshot()
            .Where(x => x.Envelope.UnitId == unitId && x.StreamType == StreamIds.StaffDayType)
            .Select(x => x.Envelope.Data).OfType<HoursOffered>()
            .Where(h => h.Date >= from && h.Date <= to)
            .Select(h => new OfferedHours(h.StaffId, h.Date, new Interval(h.Start, h.End)))
            .ToList());
}

/// <summary>The client_contacts table: the latest stored ClientContact document per client.</summary>
public sealed class InMemoryClientContacts(InMemoryEventStore store) : IClientContacts
{
    public Task<IReadOnlyDictionary<Guid, ClientContact>> Find(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default)
    {
        var found = new Dictionary<Guid, ClientContact>();
        foreach (var contact in store.DocumentSnapshot().Where(d => d.UnitId == unitId).Select(d => d.Document).OfType<ClientContact>())
            if (clientIds.Contains(contact.ClientId)) found[contact.ClientId] = contact;
        return Task.FromResult<IReadOnlyDictionary<Guid, ClientContact>>(found);
    }
}
