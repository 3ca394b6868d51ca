// (7) How right is the wait printed on a walk-in ticket? Simulated Thursdays are replayed through the real domain
// (WalkInDecider.Decide, WalkInSession.Evolve, WaitEstimate.For) with a simulated clock: clients arrive, take a number,
// are called, walk to the room, are received, the supervisor writes up and calls the next. The wait shown on each ticket
// (what the kiosk prints: WaitEstimate of the new ticket right after it was issued) is compared with the actual wait
// (issued -> first called). Every random draw comes from seeded generators, so a run is repeatable.
//
// For scale, each ticket also gets an "informed" estimate: the median of 200 futures sampled from the simulation's own
// distributions, starting from the same session state the domain sees (who is in a visit since when, who was called,
// who waits). The median is the best guess under absolute error, so no estimate from that state can do much better
// than this one: what it misses is the randomness of the visits still to come, not a fault of the formula.
using Booking.Domain;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.WalkIn;
using NodaTime;

namespace Booking.Bench;

public static class WaitSimulation
{
    /// <param name="ArrivalsPerHourPerSupervisor">Poisson arrivals between opening and closing, per supervisor on duty.</param>
    /// <param name="AtTheDoorMean">Clients already waiting when the kiosk opens (Poisson mean), per supervisor on duty.</param>
    /// <param name="VisitMedianMinutes">Visit length (in the room, started -> completed): log-normal with this median...</param>
    /// <param name="VisitSigma">...and this sigma of its logarithm.</param>
    /// <param name="WalkMinutes">From the call to the client in the room (uniform).</param>
    /// <param name="WriteUpMinutes">From the end of a visit to the supervisor's next call (uniform).</param>
    public sealed record Settings(
        int Thursdays = 2000,
        int Seed = 20260423,
        double ArrivalsPerHourPerSupervisor = 1.6,
        double AtTheDoorMean = 1.5,
        double VisitMedianMinutes = 25,
        double VisitSigma = 0.45,
        double NoShowShare = 0.05,
        double WithdrawShare = 0.03,
        (double Min, double Max) WalkMinutes = default,
        (double Min, double Max) WriteUpMinutes = default,
        double TwoOnDutyShare = 0.3)
    {
        public (double Min, double Max) Walk => WalkMinutes == default ? (0.5, 2) : WalkMinutes;
        public (double Min, double Max) WriteUp => WriteUpMinutes == default ? (0, 3) : WriteUpMinutes;

        public double VisitMeanMinutes => VisitMedianMinutes * Math.Exp(VisitSigma * VisitSigma / 2);

        public string Describe() =>
            $"{Thursdays} Thursdays 08-12 (seed {Seed}); 1 supervisor on duty, 2 on {TwoOnDutyShare:P0} of days; " +
            $"arrivals Poisson {ArrivalsPerHourPerSupervisor}/h per supervisor plus Poisson({AtTheDoorMean}) per supervisor at the door at 08:00; " +
            $"visits log-normal (median {VisitMedianMinutes} min, sigma {VisitSigma}: mean {VisitMeanMinutes:0.0} min); " +
            $"walk to the room U({Walk.Min},{Walk.Max}) min; write-up before the next call U({WriteUp.Min},{WriteUp.Max}) min; " +
            $"no-shows {NoShowShare:P0} (marked after the 5-min grace); {WithdrawShare:P0} withdraw while waiting (after U(10,60) min)";
    }

    public sealed record Bucket(string PeopleAhead, int Tickets, double MaeMinutes, double BiasMinutes, double InformedMaeMinutes);

    public sealed record Outcome(
        int Days, int Issued, int Refused, int Measured, double MaeMinutes, double BiasMinutes, double MedianAbsMinutes,
        double P90AbsMinutes, double MeanWaitMinutes, double InformedMaeMinutes, IReadOnlyList<Bucket> ByPeopleAhead);

    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
    private static readonly Guid[] Staff = [Guid.Parse("51a70000-0000-4000-8000-000000000001"), Guid.Parse("51a70000-0000-4000-8000-000000000002")];

    private sealed record Sample(int PeopleAhead, double ShownMinutes, double ActualMinutes, double InformedMinutes);

    public static Outcome Run(Settings settings)
    {
        var random = new Random(settings.Seed);
        var sampler = new Random(settings.Seed + 1);
        var samples = new List<Sample>();
        int issued = 0, refused = 0;
        var date = new LocalDate(2030, 1, 3); // a Thursday
        for (var day = 0; day < settings.Thursdays; day++, date = date.PlusWeeks(1))
        {
            var onDuty = random.NextDouble() < settings.TwoOnDutyShare ? 2 : 1;
            var result = new Thursday(settings, random, sampler, date, Staff.Take(onDuty).ToArray()).Run();
            issued += result.Issued;
            refused += result.Refused;
            samples.AddRange(result.Samples);
        }

        var errors = samples.Select(s => s.ShownMinutes - s.ActualMinutes).ToList();
        var absolute = errors.Select(Math.Abs).Order().ToList();
        var buckets = samples.GroupBy(s => Math.Min(s.PeopleAhead, 4)).OrderBy(g => g.Key).Select(g => new Bucket(
            g.Key == 4 ? "4+" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count(),
            Math.Round(g.Average(s => Math.Abs(s.ShownMinutes - s.ActualMinutes)), 2),
            Math.Round(g.Average(s => s.ShownMinutes - s.ActualMinutes), 2),
            Math.Round(g.Average(s => Math.Abs(s.InformedMinutes - s.ActualMinutes)), 2))).ToList();
        return new Outcome(settings.Thursdays, issued, refused, samples.Count, absolute.Average(), errors.Average(),
            absolute[absolute.Count / 2], absolute[(int)(absolute.Count * 0.9)], samples.Average(s => s.ActualMinutes),
            samples.Average(s => Math.Abs(s.InformedMinutes - s.ActualMinutes)), buckets);
    }

    private sealed record DayResult(int Issued, int Refused, IReadOnlyList<Sample> Samples);

    /// <summary>One simulated morning: a discrete-event loop over the real decider's state.</summary>
    private sealed class Thursday(Settings settings, Random random, Random sampler, LocalDate date, Guid[] onDuty)
    {
        private readonly PriorityQueue<Action, (Instant At, long Order)> _agenda = new();
        private readonly Dictionary<Guid, bool> _busy = onDuty.ToDictionary(s => s, _ => false);
        private readonly Dictionary<int, (Instant IssuedAt, int Ahead, Duration Shown, bool NoShow, double Informed)> _issued = [];
        private readonly HashSet<string> _leavers = [];
        private WalkInSession _state = WalkInSession.Initial;
        private long _order;
        private int _refused;

        public DayResult Run()
        {
            var opens = date.At(new LocalTime(8, 0)).InZoneLeniently(Zone).ToInstant();
            var closes = date.At(new LocalTime(12, 0)).InZoneLeniently(Zone).ToInstant();
            Apply(new OpenWalkIn(date, WalkInSettings.Default(onDuty), Zone, null, opens - Duration.FromMinutes(5)));

            var clients = 0;
            var atTheDoor = Poisson(settings.AtTheDoorMean * onDuty.Length);
            for (var i = 0; i < atTheDoor; i++) Arrive(opens + Duration.FromSeconds(20 * i), clients++);
            var rate = settings.ArrivalsPerHourPerSupervisor * onDuty.Length;
            for (var t = opens + Minutes(Exponential(60 / rate)); t < closes; t += Minutes(Exponential(60 / rate)))
                Arrive(t, clients++);

            while (_agenda.TryDequeue(out var step, out _)) step();

            var samples = new List<Sample>();
            foreach (var ticket in _state.Tickets)
                if (ticket.FirstCalledAt is { } called && _issued.TryGetValue(ticket.Number, out var i))
                    samples.Add(new Sample(i.Ahead, i.Shown.TotalMinutes, (called - i.IssuedAt).TotalMinutes, i.Informed));
            return new DayResult(_issued.Count, _refused, samples);
        }

        private void Arrive(Instant at, int client)
        {
            var code = $"{date:yyyyMMdd}-{client}";
            var noShow = random.NextDouble() < settings.NoShowShare;
            var leaves = random.NextDouble() < settings.WithdrawShare;
            var patience = Minutes(10 + random.NextDouble() * 50);
            At(at, () =>
            {
                var events = Apply(new IssueTicket(WalkInMatter.Advice, Language.Fi, code, at));
                if (events.OfType<TicketRefused>().Any()) { _refused++; return; }
                var ticket = _state.TicketByCode(code)!;
                // What the kiosk prints (WalkInUseCases.IssueTicket): the new ticket's place in the queue played forward.
                var shown = WaitEstimate.For(_state, at)?.WaitOf(ticket.Number) ?? Duration.Zero;
                _issued[ticket.Number] = (at, _state.PeopleAheadOf(ticket.Number) ?? 0, shown, noShow, Informed(ticket.Number, at));
                if (leaves) At(at + patience, () => Withdraw(code, at + patience));
                foreach (var staff in onDuty.Where(s => !_busy[s])) { _busy[staff] = true; At(at, () => Free(staff, at)); }
            });
        }

        private void Free(Guid staff, Instant at)
        {
            if (_state.Queue.Count == 0) { _busy[staff] = false; return; }
            Apply(new CallNext(staff, at));
            var number = _state.CurrentTicketOf(staff)!.Number;
            if (_issued[number].NoShow)
            {
                var after = at + _state.NoShowGrace;
                At(after, () => { Apply(new MarkNoShow(number, staff, after)); Free(staff, after); });
                return;
            }
            var started = at + Minutes(Uniform(settings.Walk));
            At(started, () =>
            {
                Apply(new StartVisit(number, staff, started));
                var completed = started + Minutes(LogNormal(settings.VisitMedianMinutes, settings.VisitSigma));
                At(completed, () =>
                {
                    Apply(new CompleteVisit(number, staff, VisitOutcome.AdviceGiven, completed));
                    var next = completed + Minutes(Uniform(settings.WriteUp));
                    At(next, () => Free(staff, next));
                });
            });
        }

        /// <summary>The median of sampled waits of ticket <paramref name="number"/> from the state at <paramref name="now"/>,
        /// drawing every unknown (remaining visit lengths, walks, write-ups, no-shows, withdrawals) from the model.</summary>
        private double Informed(int number, Instant now)
        {
            const int Futures = 200;
            var ahead = _state.Queue.Where(t => t.Number < number).ToList();
            var waits = new double[Futures];
            var free = new double[onDuty.Length];
            for (var f = 0; f < Futures; f++)
            {
                for (var s = 0; s < onDuty.Length; s++) free[s] = FreeIn(onDuty[s], now);
                foreach (var t in ahead)
                {
                    var s = Array.IndexOf(free, free.Min());
                    // A waiting client may give up before being called (then the supervisor calls the one after).
                    if (sampler.NextDouble() < settings.WithdrawShare)
                    {
                        var leavesIn = (t.IssuedAt - now).TotalMinutes + 10 + sampler.NextDouble() * 50;
                        if (leavesIn > 0 && leavesIn < free[s]) continue;
                    }
                    free[s] += sampler.NextDouble() < settings.NoShowShare
                        ? _state.NoShowGrace.TotalMinutes
                        : Draw(settings.Walk) + LogNormal(sampler, settings.VisitMedianMinutes, settings.VisitSigma) + Draw(settings.WriteUp);
                }
                waits[f] = free.Min();
            }
            Array.Sort(waits);
            return waits[Futures / 2];
        }

        /// <summary>Minutes from now until a supervisor can call the next number, sampled given what the session shows.</summary>
        private double FreeIn(Guid staff, Instant now)
        {
            switch (_state.CurrentTicketOf(staff))
            {
                case { Status: TicketStatus.InVisit, StartedAt: { } started }:
                    var elapsed = (now - started).TotalMinutes;
                    double length;
                    var tries = 0;
                    do length = LogNormal(sampler, settings.VisitMedianMinutes, settings.VisitSigma);
                    while (length <= elapsed && ++tries < 10_000);
                    return Math.Max(length - elapsed, 0) + Draw(settings.WriteUp);
                case { Status: TicketStatus.Called, CalledAt: { } called }:
                    var since = (now - called).TotalMinutes;
                    if (sampler.NextDouble() < settings.NoShowShare) return Math.Max(_state.NoShowGrace.TotalMinutes - since, 0);
                    return Math.Max(Draw(settings.Walk) - since, 0) + LogNormal(sampler, settings.VisitMedianMinutes, settings.VisitSigma)
                           + Draw(settings.WriteUp);
                default:
                    // Between visits: the write-up after the last visit may still be going on.
                    if (!_busy[staff]) return 0;
                    var finished = _state.Tickets.Where(t => t.StaffId == staff && t.Status == TicketStatus.Done && t.FinishedAt is not null)
                        .Select(t => t.FinishedAt!.Value).DefaultIfEmpty(now).Max();
                    var writingFor = (now - finished).TotalMinutes;
                    if (writingFor >= settings.WriteUp.Max) return 0;
                    double writeUp;
                    do writeUp = Draw(settings.WriteUp);
                    while (writeUp < writingFor);
                    return writeUp - writingFor;
            }
        }

        private double Draw((double Min, double Max) range) => range.Min + sampler.NextDouble() * (range.Max - range.Min);


        private void Withdraw(string code, Instant at)
        {
            if (_state.TicketByCode(code) is { Status: TicketStatus.Waiting }) Apply(new Booking.Domain.WalkIn.Withdraw(code, at));
        }

        private IReadOnlyList<WalkInEvent> Apply(WalkInCommand command)
        {
            var decision = WalkInDecider.Decide(command, _state);
            if (decision.Error is { } error) throw new InvalidOperationException($"The simulation broke a rule at {command}: {error.Code} {error.Message}");
            _state = decision.Events.Aggregate(_state, (s, e) => WalkInSession.Evolve(s, e));
            return decision.Events;
        }

        private void At(Instant at, Action step) => _agenda.Enqueue(step, (at, _order++));

        private static Duration Minutes(double minutes) => Duration.FromSeconds(Math.Round(minutes * 60));

        private double Uniform((double Min, double Max) range) => range.Min + random.NextDouble() * (range.Max - range.Min);

        private double Exponential(double mean) => -mean * Math.Log(1 - random.NextDouble());

        private double LogNormal(double median, double sigma) => LogNormal(random, median, sigma);

        private static double LogNormal(Random random, double median, double sigma)
        {
            // Box-Muller
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            return median * Math.Exp(sigma * normal);
        }

        private int Poisson(double mean)
        {
            var limit = Math.Exp(-mean);
            var k = 0;
            for (var p = random.NextDouble(); p > limit; p *= random.NextDouble()) k++;
            return k;
        }
    }
}
