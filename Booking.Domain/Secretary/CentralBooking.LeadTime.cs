// The family's lead time as the secretary's console shows it (the API and the page alike): days since the first contact,
// judged by the first meeting that is not cancelled, or else by the earliest free time from today for the meeting being
// searched for (its type, way and pair), or without a search, for the family's matter with anyone.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Secretary;
using NodaTime;

namespace Booking.Domain.Secretary;

/// <param name="From">The first date of the search.</param>
/// <param name="Found">What the search found, in order: its first is the earliest free time when the search starts today.</param>
public sealed record LeadTimeSearch(string AppointmentType, Modality Modality, TeamOptions Options, LocalDate From, IReadOnlyList<FreeTime> Found);

public sealed partial class CentralBooking
{
    /// <summary>Null for a family with no first contact (none yet logged).</summary>
    public async Task<LeadTime?> LeadTimeOf(Guid unitId, Family family, LeadTimeSearch? searching = null, CancellationToken ct = default)
    {
        if (family.FirstContactAt is not { } firstContact) return null;
        var config = await configurations.Current(unitId, ct);
        var today = clock.GetCurrentInstant().InZone(config.Zone).Date;
        LocalDateTime? earliest;
        if (searching is { } s)
            earliest = s.From <= today && s.Found.Count > 0
                ? s.Found[0].Start
                : await EarliestFree(unitId, s.AppointmentType, s.Modality, s.Options, today, ct);
        else
            earliest = config.Type(family.Matter) is { } type
                ? await EarliestFree(unitId, type.Code, type.Modalities[0], new TeamOptions(), today, ct)
                : null;

        LocalDateTime? first = null;
        foreach (var meeting in family.Meetings)
        {
            var appointment = await Load(unitId, meeting.AppointmentId, ct);
            if (appointment.Status == AppointmentStatus.Cancelled) continue;
            var start = appointment.Start.InZone(config.Zone).LocalDateTime;
            if (first is null || start < first) first = start;
        }
        return LeadTime.Assess(firstContact, today, config.Zone, earliest, first);
    }

    /// <summary>The earliest free time within the target week and a little after (enough to say whether the target is met).</summary>
    private async Task<LocalDateTime?> EarliestFree(Guid unitId, string type, Modality modality, TeamOptions options, LocalDate today,
        CancellationToken ct)
    {
        var found = await FreeTimes(unitId, new TeamFreeTimesQuery(type, modality, today, today.PlusDays(LeadTime.TargetDays + 7), options), ct);
        return found.Value?.FirstOrDefault()?.Start;
    }
}
