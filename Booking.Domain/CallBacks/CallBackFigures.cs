// How much the call-back times are used: the pilot saw little use, so the unit wants to see offered against reserved.
namespace Booking.Domain.CallBacks;

/// <param name="Offered">Slots in the configured windows on open days (holidays, closures and absences left out).</param>
/// <param name="Reserved">Call-backs reserved for these dates, cancelled ones included.</param>
/// <param name="DoneOnRetry">Of <paramref name="Done"/>, those reached only on the retry.</param>
/// <param name="NotReached">Closed after the retry also went unanswered.</param>
/// <param name="Open">Still to be called (or not yet marked).</param>
/// <param name="ReservedPercent">Reserved of offered, rounded; null when nothing was offered.</param>
public sealed record CallBackFigures(
    NodaTime.LocalDate From,
    NodaTime.LocalDate To,
    int Offered,
    int Reserved,
    int ReservedOnline,
    int ReservedBySecretary,
    int Done,
    int DoneOnRetry,
    int NotReached,
    int Cancelled,
    int Open,
    int? ReservedPercent)
{
    public static CallBackFigures Of(NodaTime.LocalDate from, NodaTime.LocalDate to, int offered, IEnumerable<CallBack> callBacks)
    {
        var all = callBacks.Where(c => c.Date >= from && c.Date <= to).ToList();
        return new CallBackFigures(from, to, offered, all.Count,
            all.Count(c => c.Channel == CallBackChannel.Online),
            all.Count(c => c.Channel == CallBackChannel.Secretary),
            all.Count(c => c.Status == CallBackStatus.Done),
            all.Count(c => c.Status == CallBackStatus.Done && c.Attempts > 0),
            all.Count(c => c.Status == CallBackStatus.NotReached),
            all.Count(c => c.Status == CallBackStatus.Cancelled),
            all.Count(c => c.Status == CallBackStatus.Reserved),
            offered > 0 ? (int)Math.Round(100.0 * all.Count / offered, MidpointRounding.AwayFromZero) : null);
    }
}
