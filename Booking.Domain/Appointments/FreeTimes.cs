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
    /// <remarks>Runs for every free-times page and every booking, over weeks of 20 supervisors' hours, so it counts in
    /// ticks from each day's local midnight and maps them to instants through <see cref="DayClock"/> (one addition on a
    /// day without a clock change) instead of building and hashing a LocalDateTime per start.</remarks>
    public static IReadOnlyList<FreeTime> Find(
        UnitConfiguration config, AppointmentType type, LocalDate from, LocalDate to, IReadOnlyList<Reservation> reservations)
    {
        var zone = config.Zone;
        var step = config.SlotStepMinutes * NodaConstants.TicksPerMinute;
        var occupies = (long)type.Occupies.TotalMinutes * NodaConstants.TicksPerMinute;
        var length = (long)type.Length.TotalMinutes * NodaConstants.TicksPerMinute;
        // Only what overlaps the asked days can take a start (a caller may pass a wider window, such as a whole week).
        var first = from.AtStartOfDayInZone(zone).ToInstant();
        var last = to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        var held = reservations.Where(r => r.Overlaps(first, last)).GroupBy(r => r.StaffId).ToDictionary(g => g.Key, g => new HeldTimes(g));
        var hoursByDay = config.Hours.ToLookup(h => h.Day);
        var supervisors = config.ChildSupervisors.Select(s => s.Id).ToHashSet();
        var found = new List<FreeTime>();
        var starts = new Dictionary<long, List<Guid>>(); // one day's starts, ticks from midnight

        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            if (config.ClosedBecause(date) is not null) continue;
            var clock = new DayClock(zone, date);
            starts.Clear();
            foreach (var block in hoursByDay[date.DayOfWeek])
            {
                if (!supervisors.Contains(block.StaffId) || config.IsAbsent(block.StaffId, date)) continue;
                var busy = held.GetValueOrDefault(block.StaffId);
                var absent = config.AbsentHours(block.StaffId, date).Select(h => (From: h.From.TickOfDay, To: h.To.TickOfDay)).ToArray();
                var blockEnd = block.To.TickOfDay;
                for (var start = block.From.TickOfDay; start < blockEnd; start += step)
                {
                    var occupiedUntil = start + occupies;
                    if (occupiedUntil > blockEnd) break;
                    if (busy is not null && busy.Overlaps(clock.UnixTicks(start), clock.UnixTicks(occupiedUntil))) continue;
                    if (Array.Exists(absent, a => a.From < occupiedUntil && start < a.To)) continue;
                    if (!starts.TryGetValue(start, out var staff)) starts[start] = staff = [];
                    if (!staff.Contains(block.StaffId)) staff.Add(block.StaffId); // overlapping blocks must not count twice
                }
            }
            foreach (var (start, staff) in starts.OrderBy(s => s.Key))
                found.Add(new FreeTime(clock.Local(start), clock.Local(start + length), clock.InstantAt(start), clock.InstantAt(start + length), staff));
        }
        return found;
    }

    /// <summary>Local times of one date, counted in ticks from its midnight (past 24 hours: the next day), and the instants
    /// they map to as the rest of the service maps them (leniently: a time skipped by a clock change moves forward, a
    /// repeated one takes the earlier). While one offset holds, which is all of a day without a clock change, that is
    /// midnight's instant plus the ticks.</summary>
    private readonly struct DayClock
    {
        private readonly DateTimeZone _zone;
        private readonly LocalDateTime _midnight;
        private readonly long _midnightUnixTicks;
        private readonly long _sameOffsetUntil; // ticks from midnight

        public DayClock(DateTimeZone zone, LocalDate date)
        {
            _zone = zone;
            _midnight = date.AtMidnight();
            var mapping = zone.MapLocal(_midnight);
            if (mapping.Count == 1)
            {
                var instant = mapping.Single().ToInstant();
                _midnightUnixTicks = instant.ToUnixTimeTicks();
                _sameOffsetUntil = mapping.EarlyInterval.HasEnd ? (mapping.EarlyInterval.End - instant).BclCompatibleTicks : long.MaxValue;
            }
            else _sameOffsetUntil = -1; // midnight itself skipped or repeated: every time the slow way
        }

        public long UnixTicks(long ticks) =>
            ticks >= 0 && ticks < _sameOffsetUntil ? _midnightUnixTicks + ticks : Slow(ticks).ToUnixTimeTicks();

        public Instant InstantAt(long ticks) =>
            ticks >= 0 && ticks < _sameOffsetUntil ? NodaTime.Instant.FromUnixTimeTicks(_midnightUnixTicks + ticks) : Slow(ticks);

        public LocalDateTime Local(long ticks) =>
            ticks < NodaConstants.TicksPerDay ? _midnight.Date + LocalTime.FromTicksSinceMidnight(ticks) : _midnight.PlusTicks(ticks);

        private Instant Slow(long ticks) => _midnight.PlusTicks(ticks).InZoneLeniently(_zone).ToInstant();
    }

    /// <summary>One staff member's reservations ordered by start (as Unix ticks), with the latest end among each one and
    /// those before it: whether any reservation reaches into a time is then two lookups, however many weeks are held.</summary>
    private sealed class HeldTimes
    {
        private readonly long[] _starts;
        private readonly long[] _latestEnd;

        public HeldTimes(IEnumerable<Reservation> reservations)
        {
            var list = reservations as IList<Reservation> ?? reservations.ToList();
            _starts = new long[list.Count];
            _latestEnd = new long[list.Count];
            for (var i = 0; i < list.Count; i++) (_starts[i], _latestEnd[i]) = (list[i].Start.ToUnixTimeTicks(), list[i].End.ToUnixTimeTicks());
            Array.Sort(_starts, _latestEnd);
            for (var i = 1; i < _latestEnd.Length; i++) _latestEnd[i] = Math.Max(_latestEnd[i], _latestEnd[i - 1]);
        }

        /// <summary>Whether a reservation overlaps [start, end): one that starts before end and ends after start.</summary>
        public bool Overlaps(long start, long end)
        {
            int low = 0, high = _starts.Length; // the first reservation starting at or after end
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_starts[middle] < end) low = middle + 1; else high = middle;
            }
            return low > 0 && _latestEnd[low - 1] > start;
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
