// How long a walk-in client will wait: the honest-intake rule and the numbers on the display and the phone both come from here.
//
// The queue has c servers (the supervisors on duty). Instead of dividing the queue by c, it plays the queue forward:
//
//   L          = expected visit length: the mean of the session's observed visit lengths (started -> completed) once there
//                are at least 3 of them, else the configured length. The mean, not the median, because a wait is a sum of
//                visits and the expectation of a sum is the sum of the means.
//   free_s     = when supervisor s is free, seen at now:
//                  idle                        -> max(now, opens)
//                  has called a number         -> now + L (the visit has not begun yet)
//                  in a visit for e (elapsed)  -> now + R(e), where R(e) is the expected remaining time of a visit that has
//                                                 already lasted e: with observations, the mean of (l - e) over the observed
//                                                 lengths l > e (0 when the visit outlasted every one seen); without, max(L - e, 0)
//   then for each waiting ticket in number order (first come, first served):
//                start(ticket) = min_s free_s;  free_(that s) += L
//   a new ticket would start at min_s free_s after all waiting tickets are placed; its wait is that minus now.
//
// With one supervisor this is "remaining of the current visit + people ahead x L"; with two it roughly halves.
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
        return Duration.FromTicks(observed.Sum(d => d.BclCompatibleTicks) / observed.Count);
    }

    /// <summary>The expected time left of a visit that has already lasted <paramref name="elapsed"/>.</summary>
    public static Duration ExpectedRemaining(WalkInSession session, Duration elapsed)
    {
        var observed = session.ObservedVisitLengths;
        if (observed.Count < ObservationsNeeded)
            return session.VisitLength > elapsed ? session.VisitLength - elapsed : Duration.Zero;
        var longer = observed.Where(l => l > elapsed).Select(l => (l - elapsed).BclCompatibleTicks).ToList();
        return longer.Count == 0 ? Duration.Zero : Duration.FromTicks(longer.Sum() / longer.Count);
    }

    /// <summary>The queue played forward from <paramref name="now"/>; null when nobody is on duty (no estimate is honest then).</summary>
    public static QueueEstimate? For(WalkInSession session, Instant now)
    {
        if (session.OnDuty.Count == 0) return null;
        var length = ExpectedVisitLength(session);
        var idleFrom = now > session.Opens ? now : session.Opens;
        var free = session.OnDuty.Select(s => session.CurrentTicketOf(s.StaffId) switch
        {
            { Status: TicketStatus.InVisit, StartedAt: { } started } => now + ExpectedRemaining(session, now - started),
            { Status: TicketStatus.Called } => now + length,
            _ => idleFrom,
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

    private static int Earliest(Instant[] free)
    {
        var best = 0;
        for (var i = 1; i < free.Length; i++) if (free[i] < free[best]) best = i;
        return best;
    }
}
