// Free times: the weekly hours of each child supervisor minus holidays, closures and what is already reserved.
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <summary>A staff member's time held by an appointment (buffer included).</summary>
public sealed record Reservation(Guid StaffId, Guid AppointmentId, Instant Start, Instant End)
{
    public bool Overlaps(Instant start, Instant end) => Start < end && start < End;
}

public static class FreeTimes
{
    /// <summary>Every start between <paramref name="from"/> and <paramref name="to"/> (inclusive dates) at which at least
    /// one active child supervisor can take a meeting of <paramref name="type"/>, ordered by time.</summary>
    public static IReadOnlyList<FreeTime> Find(
        UnitConfiguration config, AppointmentType type, LocalDate from, LocalDate to, IReadOnlyList<Reservation> reservations)
    {
        var zone = config.Zone;
        var step = config.SlotStepMinutes;
        var occupies = (long)type.Occupies.TotalMinutes;
        var length = (long)type.Length.TotalMinutes;
        // Only what overlaps the asked days can take a start (a caller may pass a wider window, such as a whole week).
        var first = from.AtStartOfDayInZone(zone).ToInstant();
        var last = to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        var held = reservations.Where(r => r.Overlaps(first, last)).GroupBy(r => r.StaffId).ToDictionary(g => g.Key, g => new HeldTimes(g));
        var hoursByDay = config.Hours.ToLookup(h => h.Day);
        var supervisors = config.ChildSupervisors.Select(s => s.Id).ToHashSet();
        var starts = new Dictionary<LocalDateTime, List<Guid>>();
        // Every supervisor shares the same starts: each local time is mapped to an instant once, not once per supervisor.
        var instants = new Dictionary<LocalDateTime, Instant>();
        Instant InstantOf(LocalDateTime local)
        {
            if (!instants.TryGetValue(local, out var instant)) instants[local] = instant = local.InZoneLeniently(zone).ToInstant();
            return instant;
        }

        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            if (config.ClosedBecause(date) is not null) continue;
            foreach (var block in hoursByDay[date.DayOfWeek])
            {
                if (!supervisors.Contains(block.StaffId) || config.IsAbsent(block.StaffId, date)) continue;
                var busy = held.GetValueOrDefault(block.StaffId);
                var absent = config.AbsentHours(block.StaffId, date).Select(h => (From: date + h.From, To: date + h.To)).ToList();
                var blockEnd = date + block.To;
                for (var start = date + block.From; start < blockEnd; start = start.PlusMinutes(step))
                {
                    var occupiedUntil = start.PlusMinutes(occupies);
                    if (occupiedUntil > blockEnd) break;
                    if (busy is not null && busy.Overlaps(InstantOf(start), InstantOf(occupiedUntil))) continue;
                    if (absent.Any(a => a.From < occupiedUntil && start < a.To)) continue;
                    if (!starts.TryGetValue(start, out var staff)) starts[start] = staff = [];
                    if (!staff.Contains(block.StaffId)) staff.Add(block.StaffId); // overlapping blocks must not count twice
                }
            }
        }

        return starts.OrderBy(s => s.Key).Select(s =>
        {
            var end = s.Key.PlusMinutes(length);
            return new FreeTime(s.Key, end, InstantOf(s.Key), InstantOf(end), s.Value);
        }).ToList();
    }

    /// <summary>One staff member's reservations ordered by start, so that finding one that overlaps a time looks only at
    /// those that start late enough to reach into it (weeks of bookings are no longer scanned for every start).</summary>
    private sealed class HeldTimes
    {
        private readonly Reservation[] _byStart;
        private readonly Duration _longest;

        public HeldTimes(IEnumerable<Reservation> reservations)
        {
            _byStart = reservations.OrderBy(r => r.Start).ToArray();
            _longest = _byStart.Select(r => r.End - r.Start).DefaultIfEmpty(Duration.Zero).Max();
        }

        public bool Overlaps(Instant start, Instant end)
        {
            // A reservation reaches into [start, end) only if it starts after start - longest.
            var earliest = start - _longest;
            int low = 0, high = _byStart.Length;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_byStart[middle].Start < earliest) low = middle + 1; else high = middle;
            }
            for (var i = low; i < _byStart.Length && _byStart[i].Start < end; i++)
                if (_byStart[i].Overlaps(start, end)) return true;
            return false;
        }
    }

    /// <summary>The bookable blocks of one staff member on one date, as instants: what a staff-day stream may reserve.</summary>
    public static IReadOnlyList<Interval> BookableHours(UnitConfiguration config, Guid staffId, LocalDate date)
    {
        if (config.ClosedBecause(date) is not null || config.IsAbsent(staffId, date)) return [];
        var absent = config.AbsentHours(staffId, date).OrderBy(a => a.From).ToList();
        return config.Hours
            .Where(h => h.StaffId == staffId && h.Day == date.DayOfWeek)
            .SelectMany(h => WithoutAbsence(h.From, h.To, absent))
            .Select(h => new Interval((date + h.From).InZoneLeniently(config.Zone).ToInstant(),
                                      (date + h.To).InZoneLeniently(config.Zone).ToInstant()))
            .ToList();
    }

    /// <summary>A block of hours with the absent hours cut out (what is left before, between and after them).</summary>
    private static IEnumerable<(LocalTime From, LocalTime To)> WithoutAbsence(LocalTime from, LocalTime to, IReadOnlyList<(LocalTime From, LocalTime To)> absent)
    {
        var start = from;
        foreach (var a in absent)
        {
            if (a.To <= start || a.From >= to) continue;
            if (a.From > start) yield return (start, a.From);
            if (a.To > start) start = a.To;
        }
        if (start < to) yield return (start, to);
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

    /// <summary>Among the free, those on whose day an earlier attempt lost a race are passed over while another is free: a
    /// retry of simultaneous requests then spreads over the team instead of meeting on the same day again.</summary>
    public static IReadOnlyList<Guid> Avoiding(IReadOnlyList<Guid> free, Func<Guid, bool> lost)
    {
        var others = free.Where(s => !lost(s)).ToList();
        return others.Count > 0 ? others : free;
    }

    /// <summary>The ISO week (Monday to Sunday) a date belongs to, as local dates.</summary>
    public static (LocalDate Monday, LocalDate Sunday) WeekOf(LocalDate date)
    {
        var monday = date.DayOfWeek == IsoDayOfWeek.Monday ? date : date.Previous(IsoDayOfWeek.Monday);
        return (monday, monday.PlusDays(6));
    }
}
