// Free times as the office secretary sees them: which supervisors are free at each start, optionally only the family's
// own supervisor, and for pair work only the starts at which the second professional is free too. A partner service's
// professional is free inside the hours they gave the secretary (and any weekly hours the unit keeps for them).
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <summary>Hours a professional told the secretary they are free (kept in their staff-day stream).</summary>
public sealed record OfferedHours(Guid StaffId, LocalDate Date, Interval During);

/// <param name="Supervisor">Only this supervisor (the family keeps its supervisor).</param>
/// <param name="SecondProfessional">Pair work: this professional must be free for the whole meeting too.</param>
public sealed record TeamOptions(Guid? Supervisor = null, Guid? SecondProfessional = null);

public static class TeamFreeTimes
{
    public static IReadOnlyList<FreeTime> Find(UnitConfiguration config, AppointmentType type, LocalDate from, LocalDate to,
        IReadOnlyList<Reservation> reservations, IReadOnlyList<OfferedHours> offered, TeamOptions options)
    {
        var found = FreeTimes.Find(config, type, from, to, reservations);
        var result = new List<FreeTime>(found.Count);
        foreach (var time in found)
        {
            IEnumerable<Guid> staff = time.FreeStaff;
            if (options.Supervisor is { } kept) staff = staff.Where(s => s == kept);
            if (options.SecondProfessional is { } second)
            {
                if (!IsFree(config, second, time.Start.Date, time.StartsAt, time.StartsAt + type.Occupies, reservations, offered)) continue;
                staff = staff.Where(s => s != second);
            }
            var free = staff.ToList();
            if (free.Count > 0) result.Add(time with { FreeStaff = free });
        }
        return result;
    }

    /// <summary>True when the professional has bookable or offered hours covering the whole time and nothing reserved in it.</summary>
    public static bool IsFree(UnitConfiguration config, Guid staffId, LocalDate date, Instant start, Instant end,
        IReadOnlyList<Reservation> reservations, IReadOnlyList<OfferedHours> offered)
    {
        if (config.ClosedBecause(date) is not null || config.IsAbsent(staffId, date)) return false;
        var hours = FreeTimes.BookableHours(config, staffId, date)
            .Concat(offered.Where(o => o.StaffId == staffId && o.Date == date).Select(o => o.During));
        return hours.Any(h => h.Start <= start && end <= h.End)
               && !reservations.Any(r => r.StaffId == staffId && r.Overlaps(start, end));
    }
}
