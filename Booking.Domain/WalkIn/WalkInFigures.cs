// A session's figures for the unit and for regional and national reporting, computed from its events alone.
using NodaTime;

namespace Booking.Domain.WalkIn;

/// <summary>Count, median, 90th percentile and mean of some durations; the statistics are null when there are none.
/// The median of an even count is the mean of the middle two; the 90th percentile is the nearest rank (the smallest value
/// that at least 90 % of the values do not exceed), so it is always a wait someone actually had.</summary>
public sealed record DurationFigures(int Count, Duration? Median, Duration? Percentile90, Duration? Mean)
{
    public static DurationFigures Of(IEnumerable<Duration> durations)
    {
        var sorted = durations.OrderBy(d => d).ToList();
        if (sorted.Count == 0) return new DurationFigures(0, null, null, null);
        var n = sorted.Count;
        var median = n % 2 == 1 ? sorted[n / 2] : Duration.FromTicks((sorted[n / 2 - 1].BclCompatibleTicks + sorted[n / 2].BclCompatibleTicks) / 2);
        var p90 = sorted[(int)Math.Ceiling(0.9 * n) - 1];
        var mean = Duration.FromTicks(sorted.Sum(d => d.BclCompatibleTicks) / n);
        return new DurationFigures(n, median, p90, mean);
    }
}

/// <param name="Served">Visits completed.</param>
/// <param name="RefusedByReason">Numbers not issued, by the code the kiosk answered (queue_full, intake_closed), each
/// present even when zero.</param>
/// <param name="IntakeClosedAt">When staff closed the intake, if they did.</param>
/// <param name="FirstRefusedAt">When the kiosk first turned someone away: in practice, when the day was full.</param>
/// <param name="Waits">From the number being issued to its first call, for every number called.</param>
/// <param name="VisitLengths">From the visit's start to its completion.</param>
public sealed record WalkInFigures(
    LocalDate? Date,
    int Issued,
    int Served,
    int NoShows,
    int Withdrawn,
    int Refused,
    IReadOnlyDictionary<string, int> RefusedByReason,
    Instant? IntakeClosedAt,
    Instant? FirstRefusedAt,
    IReadOnlyDictionary<WalkInMatter, int> IssuedByMatter,
    IReadOnlyDictionary<VisitOutcome, int> Outcomes,
    DurationFigures Waits,
    DurationFigures VisitLengths)
{
    public static WalkInFigures From(IEnumerable<object> events)
    {
        var list = events.ToList();
        var issued = list.OfType<TicketIssued>().ToList();
        var refused = list.OfType<TicketRefused>().ToList();
        var issuedAt = issued.ToDictionary(e => e.Number, e => e.IssuedAt);
        var firstCall = new Dictionary<int, Instant>();
        foreach (var called in list.OfType<TicketCalled>()) firstCall.TryAdd(called.Number, called.CalledAt);
        var started = new Dictionary<int, Instant>();
        foreach (var start in list.OfType<VisitStarted>()) started.TryAdd(start.Number, start.StartedAt);
        var completed = list.OfType<VisitCompleted>().ToList();

        return new WalkInFigures(
            list.OfType<WalkInOpened>().FirstOrDefault()?.Date,
            issued.Count,
            completed.Count,
            list.OfType<TicketNoShow>().Count(),
            list.OfType<TicketWithdrawn>().Count(),
            refused.Count,
            RefusedByAnswer(refused),
            list.OfType<IntakeClosed>().FirstOrDefault()?.At,
            refused.Count == 0 ? null : refused.Min(e => e.RefusedAt),
            issued.GroupBy(e => e.Matter).ToDictionary(g => g.Key, g => g.Count()),
            completed.GroupBy(e => e.Outcome).ToDictionary(g => g.Key, g => g.Count()),
            DurationFigures.Of(firstCall.Where(c => issuedAt.ContainsKey(c.Key)).Select(c => c.Value - issuedAt[c.Key])),
            DurationFigures.Of(completed.Where(c => started.ContainsKey(c.Number)).Select(c => c.CompletedAt - started[c.Number])));
    }

    private static Dictionary<string, int> RefusedByAnswer(IEnumerable<TicketRefused> refused)
    {
        var counts = new Dictionary<string, int> { [RefusalReasons.QueueFullAnswer] = 0, [RefusalReasons.IntakeClosedAnswer] = 0 };
        foreach (var r in refused) counts[RefusalReasons.AsAnswered(r.Reason)] = counts.GetValueOrDefault(RefusalReasons.AsAnswered(r.Reason)) + 1;
        return counts;
    }
}
