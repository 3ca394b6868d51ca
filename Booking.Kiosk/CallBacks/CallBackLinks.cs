// Matter codes in the call-back pages' addresses, and the phone hours as lines for people.
using Booking.Domain.Configuration;
using Booking.Domain.WalkIn;
using Booking.Kiosk.Localization;
using NodaTime;

namespace Booking.Kiosk.CallBacks;

public static class CallBackLinks
{
    public static string MatterCode(WalkInMatter matter) => matter.ToString().ToLowerInvariant();

    public static WalkInMatter? ParseMatter(string? code) =>
        Enum.GetValues<WalkInMatter>().Where(m => MatterCode(m) == code).Cast<WalkInMatter?>().FirstOrDefault();

    /// <summary>The weekly phone hours as short lines, days with the same hours run together: "ma–to klo 9.00–12.00".</summary>
    public static IReadOnlyList<string> WeeklyLines(PhoneHours hours, Texts t) =>
        hours.Blocks.GroupBy(b => (b.From, b.To)).OrderBy(g => g.Min(b => b.Day)).ThenBy(g => g.Key.From)
            .Select(g => t.PhoneHoursBlock(DayRuns(g.Select(b => b.Day).Distinct().Order().ToList(), t), g.Key.From, g.Key.To))
            .ToList();

    private static string DayRuns(IReadOnlyList<IsoDayOfWeek> days, Texts t)
    {
        var runs = new List<string>();
        for (var i = 0; i < days.Count;)
        {
            var j = i;
            while (j + 1 < days.Count && (int)days[j + 1] == (int)days[j] + 1) j++;
            runs.Add(j - i >= 2 ? $"{t.DayShort(days[i])}–{t.DayShort(days[j])}"
                : j == i ? t.DayShort(days[i]) : $"{t.DayShort(days[i])}, {t.DayShort(days[j])}");
            i = j + 1;
        }
        return string.Join(", ", runs);
    }
}
