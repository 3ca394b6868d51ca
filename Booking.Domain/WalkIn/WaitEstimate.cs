// How long a walk-in client will wait: the honest-intake rule and the numbers on the display and the phone both come from here.
//
// The queue has c servers (the supervisors on duty), and a supervisor's calls follow each other by a whole cycle: the
// walk of the called client to the room, the visit, and the write-up before the next call; a number that does not come
// costs the no-show grace instead. A wait is a sum of such cycles, and visit lengths are skewed (a few run long), so the
// sum of mean cycles is not the typical wait (the median of a sum of skewed lengths lies below it). Instead the queue
// is played forward through many futures, each drawing from what the session has observed (WalkInSession.ObservedWalks,
// ObservedVisitLengths, ObservedWriteUps, its no-shows):
//   - a supervisor in a visit for e: a visit length drawn among those longer than e, minus e, then a write-up;
//   - a supervisor who has called a number: the walk still ahead, a visit, a write-up (or the rest of the grace);
//   - an idle one: now (or the opening), or the end of the write-up after their last visit;
//   - then each waiting ticket in number order goes to whoever frees first (the k-th free supervisor), who is busy a
//     cycle longer.
// Each ticket's estimated start is the median of its start over the futures: the median is the figure with the smallest
// mean distance to the wait that comes. Visit lengths are the day's observed ones smoothed in log space, mixed with a
// prior around the configured length until PriorWeight visits are seen; walks and write-ups count 0 until one is seen.
// The draws come from a fixed seed: the same session state always shows the same waits (no flicker on the display).
using NodaTime;

namespace Booking.Domain.WalkIn;

/// <summary>The estimated start of every waiting ticket, and of a ticket issued now.</summary>
public sealed record QueueEstimate(Instant Now, Duration ExpectedVisitLength, IReadOnlyDictionary<int, Instant> StartOf, Instant NewTicketStart)
{
    public Duration NewTicketWait => NewTicketStart - Now;

    /// <summary>The estimated wait of a waiting ticket from now; null when it does not wait.</summary>
    public Duration? WaitOf(int number) => StartOf.TryGetValue(number, out var start) ? start - Now : null;
}

public static class WaitEstimate
{
    /// <summary>How many observed visits the session needs before they replace the configured length.</summary>
    public const int ObservationsNeeded = 3;

    public static Duration ExpectedVisitLength(WalkInSession session)
    {
        var observed = session.ObservedVisitLengths;
        if (observed.Count < ObservationsNeeded) return session.VisitLength;
        return Mean(observed);
    }

    /// <summary>The share of called numbers that were no-shows (0 until 3 called numbers have finished).</summary>
    private static double NoShowShare(WalkInSession session)
    {
        var finished = session.Tickets.Count(t => t.Status is TicketStatus.Done or TicketStatus.NoShow);
        return finished >= ObservationsNeeded ? (double)session.Tickets.Count(t => t.Status == TicketStatus.NoShow) / finished : 0;
    }

    /// <summary>How many futures the queue is played through; odd, so the median is one of them.</summary>
    public const int Futures = 801;

    /// <summary>Observed visits needed before the day's own lengths alone make the distribution; until then each draw
    /// comes from the prior with the share of the visits still missing.</summary>
    public const int PriorWeight = 12;

    /// <summary>The spread assumed before visits are seen (sd of the logarithm): a visit of the configured length is
    /// taken to vary by a factor of about 1.5 either way. A round guess, not a measured figure.</summary>
    public const double PriorSpread = 0.4;

    /// <summary>The queue played forward from <paramref name="now"/>; null when nobody is on duty (no estimate is honest then).
    /// Each ticket's start is the median over <see cref="Futures"/> futures drawn from what the session has observed: a
    /// wait is a sum of skewed visit lengths, and the median of that sum (not the sum of means) is the figure closest,
    /// on average, to the wait that comes. The draws come from a fixed seed, so the same state always shows the same.</summary>
    public static QueueEstimate? For(WalkInSession session, Instant now)
    {
        if (session.OnDuty.Count == 0) return null;
        var visits = new VisitLengths(session);
        var walks = Minutes(session.ObservedWalks);
        var writeUps = Minutes(session.ObservedWriteUps);
        var noShows = NoShowShare(session);
        var grace = session.NoShowGrace.TotalMinutes;
        var idleFrom = Math.Max((session.Opens - now).TotalMinutes, 0);
        var queue = session.Queue.Select(t => t.Number).ToArray();
        var servers = session.OnDuty.Count;

        var random = new SplitMix(0x5EED);
        var starts = new double[queue.Length + 1][];
        for (var i = 0; i < starts.Length; i++) starts[i] = new double[Futures];
        var free = new double[servers];
        for (var f = 0; f < Futures; f++)
        {
            for (var s = 0; s < servers; s++)
            {
                var staff = session.OnDuty[s].StaffId;
                free[s] = session.CurrentTicketOf(staff) switch
                {
                    { Status: TicketStatus.InVisit, StartedAt: { } started } =>
                        visits.Remaining((now - started).TotalMinutes, ref random) + Draw(writeUps, ref random),
                    { Status: TicketStatus.Called, CalledAt: { } called } when random.Next() < noShows =>
                        Math.Max(grace - (now - called).TotalMinutes, 0) + Draw(writeUps, ref random),
                    { Status: TicketStatus.Called, FirstCalledAt: var first } =>
                        Math.Max(Draw(walks, ref random) - (first is { } c ? (now - c).TotalMinutes : 0), 0)
                            + visits.Draw(ref random) + Draw(writeUps, ref random),
                    _ => WritingUpFrom(session, staff) is { } done
                        ? Math.Max((done - now).TotalMinutes + Draw(writeUps, ref random), idleFrom)
                        : idleFrom,
                };
            }
            for (var i = 0; i <= queue.Length; i++)
            {
                var s = Earliest(free);
                starts[i][f] = free[s];
                if (i == queue.Length) break;
                free[s] += random.Next() < noShows
                    ? grace + Draw(writeUps, ref random)
                    : Draw(walks, ref random) + visits.Draw(ref random) + Draw(writeUps, ref random);
            }
        }

        var medians = new Dictionary<int, Instant>();
        for (var i = 0; i < queue.Length; i++) medians[queue[i]] = now + Median(starts[i]);
        return new QueueEstimate(now, ExpectedVisitLength(session), medians, now + Median(starts[queue.Length]));
    }

    /// <summary>The end of the last visit (or no-show) of a supervisor; null when they have finished nothing yet.</summary>
    private static Instant? WritingUpFrom(WalkInSession session, Guid staffId) =>
        session.Tickets.LastOrDefault(t => t.StaffId == staffId && t.FinishedAt is not null && t.Status is TicketStatus.Done or TicketStatus.NoShow)
            ?.FinishedAt;

    private static double[] Minutes(IReadOnlyCollection<Duration> durations) => durations.Select(d => d.TotalMinutes).ToArray();

    /// <summary>One of the observed values, or 0 when none is observed yet.</summary>
    private static double Draw(double[] observed, ref SplitMix random) =>
        observed.Length == 0 ? 0 : observed[random.Index(observed.Length)];

    private static Duration Median(double[] minutes)
    {
        Array.Sort(minutes);
        return Duration.FromSeconds(Math.Round(minutes[minutes.Length / 2] * 60));
    }

    /// <summary>The visit lengths a future draws: the day's observed lengths smoothed in log space (so a length between or
    /// beyond those seen can come), mixed with the prior (the configured length as the mean, spread by
    /// <see cref="PriorSpread"/>) while fewer than <see cref="PriorWeight"/> visits are seen.</summary>
    private sealed class VisitLengths
    {
        private readonly double[] _logs;
        private readonly double _bandwidth;
        private readonly double _priorShare;
        private readonly double _priorMedianLog;
        private readonly double _meanLog;
        private readonly double _shrink = 1;

        public VisitLengths(WalkInSession session)
        {
            _logs = session.ObservedVisitLengths.Where(l => l > Duration.Zero).Select(l => Math.Log(l.TotalMinutes)).ToArray();
            _priorShare = Math.Max(PriorWeight - _logs.Length, 0) / (double)PriorWeight;
            _priorMedianLog = Math.Log(Math.Max(session.VisitLength.TotalMinutes, 1)) - PriorSpread * PriorSpread / 2;
            if (_logs.Length > 1)
            {
                var mean = _logs.Average();
                var sd = Math.Sqrt(_logs.Sum(l => (l - mean) * (l - mean)) / (_logs.Length - 1));
                _bandwidth = 1.06 * sd * Math.Pow(_logs.Length, -0.2); // Silverman's rule of thumb
                _meanLog = mean;
                _shrink = sd > 0 ? 1 / Math.Sqrt(1 + _bandwidth * _bandwidth / (sd * sd)) : 1;
            }
        }

        public double Draw(ref SplitMix random) =>
            _logs.Length == 0 || random.Next() < _priorShare
                ? Math.Exp(_priorMedianLog + PriorSpread * random.Normal())
                : Math.Exp(_meanLog + (_logs[random.Index(_logs.Length)] - _meanLog + _bandwidth * random.Normal()) * _shrink);

        /// <summary>The remaining minutes of a visit that has lasted <paramref name="elapsed"/>: a length drawn among
        /// those longer than that; 0 when hardly any drawn length is (the visit has outlasted what is known).</summary>
        public double Remaining(double elapsed, ref SplitMix random)
        {
            for (var tries = 0; tries < 64; tries++)
                if (Draw(ref random) is var length && length > elapsed) return length - elapsed;
            return 0;
        }
    }

    /// <summary>A small seeded generator (SplitMix64), so the estimate does not depend on a library's random numbers.</summary>
    private struct SplitMix(ulong seed)
    {
        private ulong _state = seed;

        /// <summary>Uniform in [0, 1).</summary>
        public double Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }

        public int Index(int count) => Math.Min((int)(Next() * count), count - 1);

        /// <summary>Standard normal (Box-Muller).</summary>
        public double Normal() => Math.Sqrt(-2 * Math.Log(1 - Next())) * Math.Cos(2 * Math.PI * Next());
    }

    private static Duration Mean(IReadOnlyCollection<Duration> durations) =>
        Duration.FromTicks(durations.Sum(d => d.BclCompatibleTicks) / durations.Count);

    private static int Earliest(double[] free)
    {
        var best = 0;
        for (var i = 1; i < free.Length; i++) if (free[i] < free[best]) best = i;
        return best;
    }
}
