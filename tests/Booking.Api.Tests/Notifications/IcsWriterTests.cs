// The .ics writer on its own: framing (CRLF, 75-octet folding that never splits a UTF-8 character), TEXT escaping and
// the time zone's rules; the layout of the lines inside a component is Ical.Net's.
using System.Text;
using Booking.Api.Notifications;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.Notifications;

public sealed class IcsWriterTests
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    private static string Write(string summary, string? description = null, bool cancelled = false, string? url = null) => IcsWriter.Write(
        new CalendarEvent("abc@booking.local", 3, Instant.FromUtc(2026, 10, 19, 6, 0), new LocalDateTime(2026, 10, 26, 12, 30),
            new LocalDateTime(2026, 10, 26, 13, 0), summary, "Perheoikeudellinen yksikkö – Familjerättsliga enheten", description, cancelled,
            "Yksikkö, Enhet", "unit@booking.local", url), Helsinki);

    private static List<string> Component(string ics, string name)
    {
        var lines = ics.Replace("\r\n ", "").Split("\r\n").ToList();
        var begin = lines.IndexOf("BEGIN:" + name);
        Assert.True(begin >= 0, $"no {name} in the calendar");
        return lines[(begin + 1)..lines.IndexOf("END:" + name, begin)];
    }

    private static string[] RuleParts(List<string> component) =>
        Assert.Single(component, l => l.StartsWith("RRULE:"))["RRULE:".Length..].Split(';').Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Lines_end_in_CRLF_and_fold_at_75_octets_without_splitting_a_character()
    {
        var ics = Write(string.Concat(Enumerable.Repeat("Äitiys ja isyys – ", 12)));
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        var lines = ics.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains(lines, l => l.StartsWith(' '));
        var unfolded = ics.Replace("\r\n ", "");
        Assert.Contains("SUMMARY:" + string.Concat(Enumerable.Repeat("Äitiys ja isyys – ", 12)).Replace(",", "\\,"), unfolded);
    }

    [Fact]
    public void Text_values_escape_backslashes_semicolons_commas_and_newlines()
    {
        Assert.Contains(@"SUMMARY:a\\b\;c\,d\ne" + "\r\n", Write("a\\b;c,d\ne"));
        var unfolded = Write("Neuvonta", "Linkki:\nhttps://x.test/booking/a,b").Replace("\r\n ", "");
        Assert.Contains(@"DESCRIPTION:Linkki:\nhttps://x.test/booking/a\,b", unfolded);
        Assert.Contains("ORGANIZER;CN=\"Yksikkö, Enhet\":mailto:unit@booking.local", unfolded);
    }

    [Fact]
    public void The_event_has_local_times_a_Helsinki_time_zone_and_its_status()
    {
        var ics = Write("Neuvonta");
        Assert.Contains("METHOD:REQUEST\r\n", ics);
        Assert.Contains("DTSTART;TZID=Europe/Helsinki:20261026T123000\r\n", ics);
        Assert.Contains("DTEND;TZID=Europe/Helsinki:20261026T130000\r\n", ics);
        Assert.Contains("DTSTAMP:20261019T060000Z\r\n", ics);
        Assert.Contains("SEQUENCE:3\r\n", ics);
        // Summer time from the last Sunday of March at 03:00 local, back on the last Sunday of October at 04:00 local.
        var summer = Component(ics, "DAYLIGHT");
        Assert.Contains("TZOFFSETFROM:+0200", summer);
        Assert.Contains("TZOFFSETTO:+0300", summer);
        Assert.Matches(@"^DTSTART:\d{4}03\d\dT030000$", Assert.Single(summer, l => l.StartsWith("DTSTART")));
        Assert.Equal(["BYDAY=-1SU", "BYMONTH=3", "FREQ=YEARLY"], RuleParts(summer));
        var winter = Component(ics, "STANDARD");
        Assert.Contains("TZOFFSETFROM:+0300", winter);
        Assert.Contains("TZOFFSETTO:+0200", winter);
        Assert.Matches(@"^DTSTART:\d{4}10\d\dT040000$", Assert.Single(winter, l => l.StartsWith("DTSTART")));
        Assert.Equal(["BYDAY=-1SU", "BYMONTH=10", "FREQ=YEARLY"], RuleParts(winter));
        Assert.Contains("STATUS:CONFIRMED\r\n", ics);

        var cancelled = Write("Neuvonta", cancelled: true);
        Assert.Contains("METHOD:CANCEL\r\n", cancelled);
        Assert.Contains("STATUS:CANCELLED\r\n", cancelled);
    }

    [Fact]
    public void A_video_link_goes_in_as_a_URL_unescaped_and_an_address_that_could_inject_lines_is_left_out()
    {
        var unfolded = Write("Videotapaaminen", url: "https://meet.example.fi/j/123;pwd=a,b").Replace("\r\n ", "");
        Assert.Contains("\r\nURL:https://meet.example.fi/j/123;pwd=a,b\r\n", unfolded);

        var injected = Write("Videotapaaminen", url: "https://meet.example.fi/j/1\r\nATTENDEE:mailto:x@example.fi");
        Assert.DoesNotContain("URL:", injected);
        Assert.DoesNotContain("ATTENDEE", injected);
        Assert.DoesNotContain("URL:", Write("Neuvonta"));
    }
}
