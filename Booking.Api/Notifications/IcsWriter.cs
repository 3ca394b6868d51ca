// A small RFC 5545 writer for one meeting: CRLF lines folded at 75 octets, escaped TEXT, local times with a VTIMEZONE
// (Ical.Net is not in the package mirror). UID is stable per booking; SEQUENCE grows with each change.
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Booking.Api.Notifications;

public sealed record CalendarEvent(
    string Uid,
    int Sequence,
    Instant Stamp,
    LocalDateTime Start,
    LocalDateTime End,
    string Summary,
    string? Location,
    string? Description,
    bool Cancelled,
    string OrganizerName,
    string OrganizerEmail,
    string? Url = null);

public static class IcsWriter
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    public static string Write(CalendarEvent e, DateTimeZone zone)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "PRODID:-//Family-law unit booking//Booking 1.0//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            e.Cancelled ? "METHOD:CANCEL" : "METHOD:REQUEST",
        };
        lines.AddRange(TimeZone(zone, e.Start.Year));
        lines.Add("BEGIN:VEVENT");
        lines.Add("UID:" + Text(e.Uid));
        lines.Add("SEQUENCE:" + e.Sequence);
        lines.Add("DTSTAMP:" + Utc.Format(e.Stamp));
        lines.Add($"DTSTART;TZID={zone.Id}:{Local.Format(e.Start)}");
        lines.Add($"DTEND;TZID={zone.Id}:{Local.Format(e.End)}");
        lines.Add("SUMMARY:" + Text(e.Summary));
        if (!string.IsNullOrWhiteSpace(e.Location)) lines.Add("LOCATION:" + Text(e.Location));
        if (!string.IsNullOrWhiteSpace(e.Description)) lines.Add("DESCRIPTION:" + Text(e.Description));
        // URL is a URI value, not TEXT: nothing is escaped, so only a well-formed absolute address goes in.
        if (Uri.IsWellFormedUriString(e.Url, UriKind.Absolute)) lines.Add("URL:" + e.Url);
        lines.Add($"ORGANIZER;CN={Parameter(e.OrganizerName)}:mailto:{e.OrganizerEmail}");
        lines.Add(e.Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        lines.Add("TRANSP:OPAQUE");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");

        var ics = new StringBuilder();
        foreach (var line in lines) Fold(ics, line);
        return ics.ToString();
    }

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    // A parameter value with : ; , must be quoted, and may not contain a double quote.
    private static string Parameter(string value)
    {
        var clean = value.Replace("\"", "'");
        return clean.IndexOfAny([':', ';', ',']) >= 0 ? $"\"{clean}\"" : clean;
    }

    /// <summary>Folds at 75 octets (continuations begin with a space), never inside a UTF-8 character; CRLF after each line.</summary>
    public static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 1;
            }
            output.Append(rune.ToString());
            octets += size;
        }
        output.Append("\r\n");
    }

    // The zone's standard and summer offsets for the year, with the EU rule (last Sunday of March and October at 01:00 UTC)
    // that Finland follows; a zone without summer time gets a single STANDARD part.
    private static IEnumerable<string> TimeZone(DateTimeZone zone, int year)
    {
        var winter = zone.GetZoneInterval(Instant.FromUtc(year, 1, 15, 12, 0));
        var summer = zone.GetZoneInterval(Instant.FromUtc(year, 7, 15, 12, 0));
        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + zone.Id;
        if (winter.WallOffset == summer.WallOffset)
        {
            yield return "BEGIN:STANDARD";
            yield return "DTSTART:19700101T000000";
            yield return "TZOFFSETFROM:" + Offset(winter.WallOffset);
            yield return "TZOFFSETTO:" + Offset(winter.WallOffset);
            yield return "TZNAME:" + winter.Name;
            yield return "END:STANDARD";
        }
        else
        {
            // The change happens at 01:00 UTC, written in the local time of the observance it ends.
            var springLocal = new LocalTime(1, 0).PlusSeconds(winter.WallOffset.Seconds);
            var autumnLocal = new LocalTime(1, 0).PlusSeconds(summer.WallOffset.Seconds);
            yield return "BEGIN:DAYLIGHT";
            yield return "TZOFFSETFROM:" + Offset(winter.WallOffset);
            yield return "TZOFFSETTO:" + Offset(summer.WallOffset);
            yield return "TZNAME:" + summer.Name;
            yield return $"DTSTART:{Local.Format(LastSunday(1970, 3).At(springLocal))}";
            yield return "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU";
            yield return "END:DAYLIGHT";
            yield return "BEGIN:STANDARD";
            yield return "TZOFFSETFROM:" + Offset(summer.WallOffset);
            yield return "TZOFFSETTO:" + Offset(winter.WallOffset);
            yield return "TZNAME:" + winter.Name;
            yield return $"DTSTART:{Local.Format(LastSunday(1970, 10).At(autumnLocal))}";
            yield return "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU";
            yield return "END:STANDARD";
        }
        yield return "END:VTIMEZONE";
    }

    private static LocalDate LastSunday(int year, int month) =>
        new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Sunday));

    private static string Offset(Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds < 0 ? "-" : "+";
        seconds = Math.Abs(seconds);
        return $"{sign}{seconds / 3600:00}{seconds / 60 % 60:00}";
    }
}
