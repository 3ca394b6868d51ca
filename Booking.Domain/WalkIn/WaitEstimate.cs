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
// The draws come from fixed seeds (one per future): the same session state always shows the same waits (no flicker on
// the display). A place far back in a long queue is played with fewer futures (PlacesWithAllFutures), and a figure is
// worked out only when asked for, so an estimate costs about the same with 5 or 300 waiting.
using NodaTime;

namespace Booking.Domain.WalkIn;

/// <summary>The estimated start of the waiting tickets, and of a ticket issued now. Each figure is worked out when it is
/// first asked for (a pass of the futures up to that place in the queue) and then kept: a kiosk answer or a decision
/// needs one figure, not the whole queue's.</summary>
public sealed class QueueEstimate
{
    private readonly Func<int, Duration> _startAt;
    private readonly IReadOnlyDictionary<int, int> _placeOf;
    private readonly int _queueLength;
    private readonly Dictionary<int, Duration> _known = [];

    internal QueueEstimate(Instant now, Duration expectedVisitLength, IReadOnlyDictionary<int, int> placeOf, int queueLength, Func<int, Duration> startAt)
    {
        Now = now;
        ExpectedVisitLength = expectedVisitLength;
        _placeOf = placeOf;
        _queueLength = queueLength;
        _startAt = startAt;
    }

    public Instant Now { get; }

    public Duration ExpectedVisitLength { get; }

    /// <summary>When a ticket issued now would be called.</summary>
    public Instant NewTicketStart => Now + StartAt(_queueLength);

    public Duration NewTicketWait => NewTicketStart - Now;

    /// <summary>The estimated wait of a waiting ticket from now; null when it does not wait.</summary>
    public Duration? WaitOf(int number) => _placeOf.TryGetValue(number, out var place) ? StartAt(place) : null;

    private Duration StartAt(int place)
    {
        if (!_known.TryGetValue(place, out var start)) _known[place] = start = _startAt(place);
        return start;
    }
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

    /// <summary>How many places in the queue get all <see cref="Futures"/> with up to two supervisors on duty: a pass plays
    /// at most Futures × this × 2 supervisor-steps, so further back in the queue, or with more supervisors, it plays fewer
    /// futures. The wait of a place far back is a sum of many cycles, whose median the fewer futures still pin down to a
    /// few minutes of a wait of hours; a kiosk with hundreds waiting then answers about as fast as one with a few.</summary>
    public const int PlacesWithAllFutures = 24;

    /// <summary>The fewest futures a pass plays.</summary>
    public const int FewestFutures = 31;

    /// <summary>The queue played forward from <paramref name="now"/>; null when nobody is on duty (no estimate is honest then).
    /// Each ticket's start is the median over up to <see cref="Futures"/> futures drawn from what the session has
    /// observed: a wait is a sum of skewed visit lengths, and the median of that sum (not the sum of means) is the figure
    /// closest, on average, to the wait that comes. Every future has its own fixed seed, so the same state always shows
    /// the same, and the start of a place does not depend on which other places were asked for: the wait a new ticket is
    /// told is the wait the display shows for it at the same moment once it is issued.</summary>
    public static QueueEstimate? For(WalkInSession session, Instant now)
    {
        if (session.OnDuty.Count == 0) return null;
        var queue = session.Queue;
        var placeOf = new Dictionary<int, int>(queue.Count);
        for (var i = 0; i < queue.Count; i++) placeOf[queue[i].Number] = i;
        var play = new Play(session, now);
        return new QueueEstimate(now, ExpectedVisitLength(session), placeOf, queue.Count, play.StartOf);
    }

    /// <summary>The futures a pass to <paramref name="place"/> plays: all of them within the budget of supervisor-steps
    /// (see <see cref="PlacesWithAllFutures"/>), fewer beyond it, never fewer than <see cref="FewestFutures"/>; always odd.</summary>
    internal static int FuturesFor(int place, int servers) =>
        Math.Clamp(Futures * PlacesWithAllFutures * 2 / ((place + 1) * Math.Max(servers, 2)), FewestFutures, Futures) | 1;

    /// <summary>What the futures start from, worked out once per estimate: each supervisor's present state and the
    /// day's observed lengths.</summary>
    private sealed class Play
    {
        private readonly VisitLengths _visits;
        private readonly double[] _walks;
        private readonly double[] _writeUps;
        private readonly double _noShows;
        private readonly double _grace;
        private readonly double _idleFrom;
        private readonly Server[] _servers;

        /// <summary>A supervisor as the estimate finds them: in a visit for Elapsed minutes, or called a number
        /// SinceCalled minutes ago (SinceFirstCall since it was first called), or idle with a write-up that ends in
        /// WritingUp minutes (null: nothing finished yet).</summary>
        private readonly record struct Server(TicketStatus? Status, double Elapsed, double SinceCalled, double SinceFirstCall, double? WritingUp);

        public Play(WalkInSession session, Instant now)
        {
            _visits = new VisitLengths(session);
            _walks = Minutes(session.ObservedWalks);
            _writeUps = Minutes(session.ObservedWriteUps);
            _noShows = NoShowShare(session);
            _grace = session.NoShowGrace.TotalMinutes;
            _idleFrom = Math.Max((session.Opens - now).TotalMinutes, 0);
            _servers = session.OnDuty.Select(s => session.CurrentTicketOf(s.StaffId) switch
            {
                { Status: TicketStatus.InVisit, StartedAt: { } started } => new Server(TicketStatus.InVisit, (now - started).TotalMinutes, 0, 0, null),
                { Status: TicketStatus.Called, CalledAt: { } called, FirstCalledAt: var first } =>
                    new Server(TicketStatus.Called, 0, (now - called).TotalMinutes, first is { } c ? (now - c).TotalMinutes : 0, null),
                _ => new Server(null, 0, 0, 0, WritingUpFrom(session, s.StaffId) is { } done ? (done - now).TotalMinutes : null),
            }).ToArray();
        }

        /// <summary>The median start (from now) of the ticket at <paramref name="place"/> in the queue (the queue's
        /// length: a ticket issued now).</summary>
        public Duration StartOf(int place)
        {
            var futures = FuturesFor(place, _servers.Length);
            var starts = new double[futures];
            var free = new double[_servers.Length];
            // Future f starts from the f-th output of a generator of seeds: far apart, so no two futures share draws.
            var seeds = new SplitMix(0x5EED);
            for (var f = 0; f < futures; f++)
            {
                var random = new SplitMix(seeds.NextBits());
                for (var s = 0; s < _servers.Length; s++) free[s] = FreeAt(_servers[s], ref random);
                for (var i = 0; ; i++)
                {
                    var s = Earliest(free);
                    if (i == place) { starts[f] = free[s]; break; }
                    free[s] += random.Next() < _noShows
                        ? _grace + Draw(_writeUps, ref random)
                        : Draw(_walks, ref random) + _visits.Draw(ref random) + Draw(_writeUps, ref random);
                }
            }
            return Median(starts);
        }

        private double FreeAt(Server server, ref SplitMix random) => server switch
        {
            { Status: TicketStatus.InVisit } => _visits.Remaining(server.Elapsed, ref random) + Draw(_writeUps, ref random),
            { Status: TicketStatus.Called } when random.Next() < _noShows =>
                Math.Max(_grace - server.SinceCalled, 0) + Draw(_writeUps, ref random),
            { Status: TicketStatus.Called } =>
                Math.Max(Draw(_walks, ref random) - server.SinceFirstCall, 0) + _visits.Draw(ref random) + Draw(_writeUps, ref random),
            { WritingUp: { } writingUp } => Math.Max(writingUp + Draw(_writeUps, ref random), _idleFrom),
            _ => _idleFrom,
        };
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
    /// <see cref="PriorSpread"/>) while fewer than <see cref="PriorWeight"/> visits are seen. The distribution is sampled
    /// once per estimate into a sorted table of <see cref="Samples"/> lengths (from its own fixed seed), and a future
    /// draws from the table: a draw costs an index, not a logarithm and a cosine.</summary>
    private sealed class VisitLengths
    {
        private const int Samples = 1024;
        private readonly double[] _table = new double[Samples];

        public VisitLengths(WalkInSession session)
        {
            var logs = session.ObservedVisitLengths.Where(l => l > Duration.Zero).Select(l => Math.Log(l.TotalMinutes)).ToArray();
            var priorShare = Math.Max(PriorWeight - logs.Length, 0) / (double)PriorWeight;
            var priorMedianLog = Math.Log(Math.Max(session.VisitLength.TotalMinutes, 1)) - PriorSpread * PriorSpread / 2;
            double bandwidth = 0, meanLog = 0, shrink = 1;
            if (logs.Length > 1)
            {
                meanLog = logs.Average();
                var sd = Math.Sqrt(logs.Sum(l => (l - meanLog) * (l - meanLog)) / (logs.Length - 1));
                bandwidth = 1.06 * sd * Math.Pow(logs.Length, -0.2); // Silverman's rule of thumb
                shrink = sd > 0 ? 1 / Math.Sqrt(1 + bandwidth * bandwidth / (sd * sd)) : 1;
            }
            else if (logs.Length == 1) meanLog = logs[0];
            var random = new SplitMix(0x715175);
            for (var i = 0; i < Samples; i++)
                _table[i] = logs.Length == 0 || random.Next() < priorShare
                    ? Math.Exp(priorMedianLog + PriorSpread * random.Normal())
                    : Math.Exp(meanLog + (logs[random.Index(logs.Length)] - meanLog + bandwidth * random.Normal()) * shrink);
            Array.Sort(_table);
        }

        public double Draw(ref SplitMix random) => _table[random.Index(Samples)];

        /// <summary>The remaining minutes of a visit that has lasted <paramref name="elapsed"/>: a length drawn among
        /// those longer than that; 0 when fewer than one in 64 is (the visit has outlasted what is known).</summary>
        public double Remaining(double elapsed, ref SplitMix random)
        {
            int longer = 0, end = Samples; // the first length longer than elapsed
            while (longer < end)
            {
                var middle = (longer + end) / 2;
                if (_table[middle] > elapsed) end = middle; else longer = middle + 1;
            }
            if ((Samples - longer) * 64 < Samples) return 0;
            return _table[longer + random.Index(Samples - longer)] - elapsed;
        }
    }

    /// <summary>A small seeded generator (SplitMix64), so the estimate does not depend on a library's random numbers.</summary>
    private struct SplitMix(ulong seed)
    {
        private ulong _state = seed;

        /// <summary>64 random bits.</summary>
        public ulong NextBits()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double Next() => (NextBits() >> 11) * (1.0 / (1UL << 53));

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
