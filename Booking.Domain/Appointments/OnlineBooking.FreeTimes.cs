// Free times a client can book online: from the next day up to the horizon, no staff names.
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <param name="Moving">When a client looks for a new time for this booking: its own reservation does not block times,
/// and its current time is not offered.</param>
public sealed record FreeTimesQuery(string AppointmentType, Modality Modality, LocalDate From, LocalDate To, Guid? Moving = null);

public sealed partial class OnlineBooking
{
    public async Task<Outcome<IReadOnlyList<FreeTime>>> FreeTimes(Guid unitId, FreeTimesQuery query, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (CheckType(config, query.AppointmentType, query.Modality, BookingChannel.Online) is { } refused) return refused;
        if (query.To < query.From) return Refusal.InvalidField("to", "The end date must not be before the start date.");

        var today = clock.GetCurrentInstant().InZone(config.Zone).Date;
        var (first, last) = config.OnlineWindow(today);
        var from = query.From < first ? first : query.From;
        var to = query.To > last ? last : query.To;
        if (to < from) return Outcome<IReadOnlyList<FreeTime>>.Of([]);
        var found = await Find(unitId, config, config.Type(query.AppointmentType)!, from, to, ct, query.Moving);
        if (query.Moving is { } moving && await Load(unitId, moving, ct) is { Status: AppointmentStatus.Booked } current)
            found = found.Where(f => f.StartsAt != current.Start
                                     && (BoundSupervisor(current) is not { } bound || f.FreeStaff.Contains(bound))).ToList();
        return Outcome<IReadOnlyList<FreeTime>>.Of(found);
    }
}
