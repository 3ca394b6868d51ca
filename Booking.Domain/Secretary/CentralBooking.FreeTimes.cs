// Free times for the secretary: across the team, with who is free at each.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using NodaTime;

namespace Booking.Domain.Secretary;

public sealed partial class CentralBooking
{
    /// <summary>Free times for staff: from now (the secretary may book later today) to the horizon, with who is free.</summary>
    public async Task<Outcome<IReadOnlyList<FreeTime>>> FreeTimes(Guid unitId, TeamFreeTimesQuery query, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (OnlineBooking.CheckType(config, query.AppointmentType, query.Modality, BookingChannel.Secretary) is { } refused) return refused;
        if (CheckOptions(config, query.Options) is { } badOptions) return badOptions;
        if (query.To < query.From) return Refusal.InvalidField("to", "The end date must not be before the start date.");
        var now = clock.GetCurrentInstant();
        var today = now.InZone(config.Zone).Date;
        var last = config.OnlineWindow(today).Last;
        var from = query.From < today ? today : query.From;
        var to = query.To > last ? last : query.To;
        if (to < from) return Outcome<IReadOnlyList<FreeTime>>.Of([]);
        var found = await Find(unitId, config, config.Type(query.AppointmentType)!, from, to, query.Options, ct);
        return Outcome<IReadOnlyList<FreeTime>>.Of(found.Where(f => f.StartsAt > now).ToList());
    }
}
