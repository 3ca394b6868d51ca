// One meeting as an iCalendar file, written by Ical.Net (escaping, 75-octet folding, the zone's VTIMEZONE from TZDB).
// Times are local with the unit's TZID, so a calendar shows the wall-clock time across DST changes. UID is stable per
// booking; SEQUENCE grows with each change, so a calendar replaces the old entry instead of adding one.
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

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
    public static string Write(CalendarEvent e, DateTimeZone zone)
    {
        var calendar = new IcalCalendar
        {
            ProductId = "-//Family-law unit booking//Booking 1.0//EN",
            Scale = "GREGORIAN",
            Method = e.Cancelled ? "CANCEL" : "REQUEST",
        };
        // The rules in force from a year before the meeting: enough for any calendar to place it, without history.
        var timeZone = calendar.AddTimeZone(zone.Id, e.Start.Date.PlusYears(-1).ToDateTimeUnspecified(), includeHistoricalData: false);
        // Legal, but strict readers of VTIMEZONE (dateutil's tzical) refuse the extension; TZID says the same.
        timeZone.Properties.Remove("X-LIC-LOCATION");
        calendar.Events.Add(new IcalEvent
        {
            Uid = e.Uid,
            Sequence = e.Sequence,
            DtStamp = new CalDateTime(e.Stamp.ToDateTimeUtc(), CalDateTime.UtcTzId),
            DtStart = Local(e.Start, zone),
            DtEnd = Local(e.End, zone),
            Summary = e.Summary,
            Location = string.IsNullOrWhiteSpace(e.Location) ? null : e.Location,
            Description = string.IsNullOrWhiteSpace(e.Description) ? null : e.Description,
            // URL is a URI value, not TEXT: nothing is escaped, so only a well-formed absolute address goes in.
            Url = Uri.IsWellFormedUriString(e.Url, UriKind.Absolute) ? new Uri(e.Url!) : null,
            Organizer = new Organizer("mailto:" + e.OrganizerEmail) { CommonName = e.OrganizerName.Replace("\"", "'") },
            Status = e.Cancelled ? "CANCELLED" : "CONFIRMED",
            Transparency = "OPAQUE",
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Local(LocalDateTime time, DateTimeZone zone) =>
        new(time.Year, time.Month, time.Day, time.Hour, time.Minute, time.Second, zone.Id);
}
