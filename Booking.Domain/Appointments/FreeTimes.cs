// Free times: the weekly hours of each child supervisor minus holidays, closures and what is already reserved.
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <summary>A staff member's time held by an appointment (buffer included).</summary>
public sealed record Reservation(Guid StaffId, Guid AppointmentId, Instant Start, Instant End)
{
    public bool Overlaps(Instant start, Instant end) => Start < end && start < End;
}

/// <summary>A bookable start: local times for people, the instant for storage, and who is free (never shown to clients).</summary>
public sealed record FreeTime(LocalDateTime Start, LocalDateTime End, Instant StartsAt, Instant EndsAt, IReadOnlyList<Guid> FreeStaff);

public static class FreeTimes
{
    /// <summary>Every start between <paramref name="from"/> and <paramref name="to"/> (inclusive dates) at which at least
    /// one active child supervisor can take a meeting of <paramref name="type"/>, ordered by time.</summary>
    public static IReadOnlyList<FreeTime> Find(
        UnitConfiguration config, AppointmentType type, LocalDate from, LocalDate to, IReadOnlyList<Reservation> reservations)
    {
        var zone = config.Zone;
        var step = Period.FromMinutes(config.SlotStepMinutes);
        var byStaff = reservations.ToLookup(r => r.StaffId);
        var hoursByDay = config.Hours.ToLookup(h => h.Day);
        var supervisors = config.ChildSupervisors.Select(s => s.Id).ToHashSet();
        var starts = new SortedDictionary<LocalDateTime, List<Guid>>();

        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            if (config.ClosedBecause(date) is not null) continue;
            foreach (var block in hoursByDay[date.DayOfWeek])
            {
                if (!supervisors.Contains(block.StaffId) || config.IsAbsent(block.StaffId, date)) continue;
                var blockEnd = date + block.To;
                for (var start = date + block.From; start < blockEnd; start = start.Plus(step))
                {
                    var occupiedUntil = start.PlusMinutes((long)type.Occupies.TotalMinutes);
                    if (occupiedUntil > blockEnd) break;
                    var startsAt = start.InZoneLeniently(zone).ToInstant();
                    var endsAt = occupiedUntil.InZoneLeniently(zone).ToInstant();
                    if (byStaff[block.StaffId].Any(r => r.Overlaps(startsAt, endsAt))) continue;
                    if (!starts.TryGetValue(start, out var staff)) starts[start] = staff = [];
                    if (!staff.Contains(block.StaffId)) staff.Add(block.StaffId); // overlapping blocks must not count twice
                }
            }
        }

        return starts.Select(s =>
        {
            var end = s.Key.PlusMinutes((long)type.Length.TotalMinutes);
            return new FreeTime(s.Key, end, s.Key.InZoneLeniently(zone).ToInstant(), end.InZoneLeniently(zone).ToInstant(), s.Value);
        }).ToList();
    }

    /// <summary>The bookable blocks of one staff member on one date, as instants: what a staff-day stream may reserve.</summary>
    public static IReadOnlyList<Interval> BookableHours(UnitConfiguration config, Guid staffId, LocalDate date)
    {
        if (config.ClosedBecause(date) is not null || config.IsAbsent(staffId, date)) return [];
        return config.Hours
            .Where(h => h.StaffId == staffId && h.Day == date.DayOfWeek)
            .Select(h => new Interval((date + h.From).InZoneLeniently(config.Zone).ToInstant(),
                                      (date + h.To).InZoneLeniently(config.Zone).ToInstant()))
            .ToList();
    }
}

/// <summary>Central booking is impartial: among those free, the one with the fewest bookings that week; ties at random.</summary>
public static class ImpartialAssignment
{
    /// <param name="pick">Returns a random index below its argument; the caller owns the randomness so the rule stays pure.</param>
    public static Guid? Choose(IReadOnlyList<Guid> free, IReadOnlyDictionary<Guid, int> bookingsThisWeek, Func<int, int> pick)
    {
        if (free.Count == 0) return null;
        var fewest = free.Min(s => bookingsThisWeek.GetValueOrDefault(s));
        var tied = free.Where(s => bookingsThisWeek.GetValueOrDefault(s) == fewest).ToList();
        return tied[pick(tied.Count)];
    }

    /// <summary>The ISO week (Monday to Sunday) a date belongs to, as local dates.</summary>
    public static (LocalDate Monday, LocalDate Sunday) WeekOf(LocalDate date)
    {
        var monday = date.DayOfWeek == IsoDayOfWeek.Monday ? date : date.Previous(IsoDayOfWeek.Monday);
        return (monday, monday.PlusDays(6));
    }
}
