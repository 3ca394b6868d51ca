// How long a walk-in client will wait: the honest-intake rule and the numbers on the display and the phone both come from here.
//
// The queue has c servers (the supervisors on duty). Instead of dividing the queue by c, it plays the queue forward.
// What a waiting client waits for is the next call, and a supervisor's calls follow each other by a whole cycle: the
// walk of the called client to the room, the visit, and the write-up before the next call; a number that does not come
// costs the no-show grace instead of walk and visit. The session observes each part (WalkInSession.ObservedWalks,
// ObservedVisitLengths, ObservedWriteUps, its no-shows), so the cycle is learnt from the first visits of the day:
//
//   V          = expected visit length: the mean of the observed visit lengths once there are at least 3, else the
//                configured length
//   W, U       = the mean observed walk and write-up (0 until one is seen)
//   p          = the share of called numbers that were no-shows (0 until 3 called numbers have finished)
//   C          = expected cycle = (1 - p) (W + V) + p grace + U. Means, not medians, because a wait is a sum of cycles
//                and the expectation of a sum is the sum of the means.
//   free_s     = when supervisor s calls next, seen at now:
//                  idle                        -> max(now, opens, the end of their last visit + U)
//                  has called a number e ago   -> now + max(W - e, 0) + V + U (the visit has not begun yet)
//                  in a visit for e            -> now + R(e) + U, where R(e) is the expected remaining time of a visit
//                                                 that has already lasted e: with observations, the median of (l - e)
//                                                 over the observed lengths l > e (0 when the visit outlasted every one
//                                                 seen); without, max(V - e, 0). A median, because the shown wait is
//                                                 judged by its distance from the real one (the median has the smallest
//                                                 mean absolute error) and one visit's remaining time is skewed.
//   then for each waiting ticket in number order (first come, first served):
//                start(ticket) = min_s free_s;  free_(that s) += C
//   a new ticket would start at min_s free_s after all waiting tickets are placed; its wait is that minus now.
//
// With one supervisor this is "remaining of the current cycle + people ahead x C"; with two it roughly halves.
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

    /// <summary>The expected time from one call of a supervisor to their next while clients wait.</summary>
    public static Duration ExpectedCycle(WalkInSession session)
    {
        var (walk, visit, writeUp, noShows) = Parts(session);
        return Duration.FromTicks((long)Math.Round((1 - noShows) * (walk + visit).BclCompatibleTicks + noShows * session.NoShowGrace.BclCompatibleTicks))
            + writeUp;
    }

    /// <summary>The expected time left of a visit that has already lasted <paramref name="elapsed"/>.</summary>
    public static Duration ExpectedRemaining(WalkInSession session, Duration elapsed)
    {
        var observed = session.ObservedVisitLengths;
        if (observed.Count < ObservationsNeeded)
            return session.VisitLength > elapsed ? session.VisitLength - elapsed : Duration.Zero;
        var longer = observed.Where(l => l > elapsed).Select(l => l - elapsed).Order().ToList();
        if (longer.Count == 0) return Duration.Zero;
        var middle = longer.Count / 2;
        return longer.Count % 2 == 1 ? longer[middle] : Duration.FromTicks((longer[middle - 1].BclCompatibleTicks + longer[middle].BclCompatibleTicks) / 2);
    }

    private static (Duration Walk, Duration Visit, Duration WriteUp, double NoShows) Parts(WalkInSession session)
    {
        var finished = session.Tickets.Count(t => t.Status is TicketStatus.Done or TicketStatus.NoShow);
        var noShows = finished >= ObservationsNeeded ? (double)session.Tickets.Count(t => t.Status == TicketStatus.NoShow) / finished : 0;
        return (MeanOrZero(session.ObservedWalks), ExpectedVisitLength(session), MeanOrZero(session.ObservedWriteUps), noShows);
    }

    private static Duration MeanOrZero(IReadOnlyCollection<Duration> durations) => durations.Count == 0 ? Duration.Zero : Mean(durations);

    /// <summary>The queue played forward from <paramref name="now"/>; null when nobody is on duty (no estimate is honest then).</summary>
    public static QueueEstimate? For(WalkInSession session, Instant now)
    {
        if (session.OnDuty.Count == 0) return null;
        var (walk, visit, writeUp, _) = Parts(session);
        var length = ExpectedCycle(session);
        var idleFrom = now > session.Opens ? now : session.Opens;
        var free = session.OnDuty.Select(s => session.CurrentTicketOf(s.StaffId) switch
        {
            { Status: TicketStatus.InVisit, StartedAt: { } started } => now + ExpectedRemaining(session, now - started) + writeUp,
            { Status: TicketStatus.Called, FirstCalledAt: { } called } =>
                now + (walk > now - called ? walk - (now - called) : Duration.Zero) + visit + writeUp,
            { Status: TicketStatus.Called } => now + walk + visit + writeUp,
            _ => WritingUpUntil(session, s.StaffId, writeUp) is { } done && done > idleFrom ? done : idleFrom,
        }).ToArray();

        var starts = new Dictionary<int, Instant>();
        foreach (var ticket in session.Queue)
        {
            var s = Earliest(free);
            starts[ticket.Number] = free[s];
            free[s] += length;
        }
        return new QueueEstimate(now, length, starts, free[Earliest(free)]);
    }

    /// <summary>When a supervisor who has just finished a visit (or a no-show) is expected to call next: the end of
    /// their write-up. Null when they have finished nothing yet.</summary>
    private static Instant? WritingUpUntil(WalkInSession session, Guid staffId, Duration writeUp) =>
        session.Tickets.LastOrDefault(t => t.StaffId == staffId && t.FinishedAt is not null && t.Status is TicketStatus.Done or TicketStatus.NoShow)
            is { FinishedAt: { } finished } ? finished + writeUp : null;

    private static Duration Mean(IReadOnlyCollection<Duration> durations) =>
        Duration.FromTicks(durations.Sum(d => d.BclCompatibleTicks) / durations.Count);

    private static int Earliest(Instant[] free)
    {
        var best = 0;
        for (var i = 1; i < free.Length; i++) if (free[i] < free[best]) best = i;
        return best;
    }
}
