// What the settings pages share: times and dates as the forms show and parse them (browsers may post seconds).
using System.Text.RegularExpressions;
using Booking.Domain;
using NodaTime;
using NodaTime.Text;

namespace Booking.Kiosk.Settings;

public static partial class SettingsForms
{
    private static readonly LocalTimePattern Pattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static string Time(LocalTime time) => Pattern.Format(time);

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static LocalDate? ParseDate(string? value) =>
        value is null ? null : LocalDatePattern.Iso.Parse(value.Trim()) is { Success: true } r && ClientInput.IsServiceYear(r.Value.Year) ? r.Value : null;

    public static LocalTime? ParseTime(string? value) =>
        value is null ? null : Pattern.Parse(Seconds().Replace(value.Trim(), "$1")) is { Success: true } r ? r.Value : null;

    [GeneratedRegex(@"^(\d\d:\d\d):\d\d(\.\d+)?$")]
    private static partial Regex Seconds();
}
