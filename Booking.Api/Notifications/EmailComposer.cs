// Renders one message from the booking's CURRENT state (a moved booking shows its new time), in the recipient's
// language, as plain text and HTML, with an .ics for every message that changes the recipient's calendar. A video
// meeting's link (the secretary's, from the appointment's notes) is in the text and in the .ics (LOCATION, URL).
using Booking.Domain;
using System.Text;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Api.Notifications;

public sealed record EmailContext(
    string Kind,
    Language Language,
    string? Name,
    string To,
    string MessageId,
    Appointment Appointment,
    int Sequence,
    UnitConfiguration Unit,
    string? ManageUrl,
    IReadOnlyList<InfoLink> Links,
    Instant Now,
    string From,
    string? InvitationUrl = null,
    string? VideoLink = null);

public static class EmailComposer
{
    public static ComposedEmail Compose(EmailContext c)
    {
        var w = EmailWords.For(c.Language);
        var zone = c.Unit.Zone;
        var start = c.Appointment.Start.InZone(zone).LocalDateTime;
        var end = c.Appointment.End.InZone(zone).LocalDateTime;
        var typeName = c.Unit.Type(c.Appointment.AppointmentType)?.Name.In(c.Language) ?? c.Appointment.AppointmentType;
        var when = w.Time(start, end);
        var shortWhen = w.ShortTime(start);
        var cancelled = c.Kind == EmailKinds.Cancelled;
        var video = cancelled || c.Appointment.Modality != Modality.Video ? null : c.VideoLink;
        var how = video is null ? w.Modality(c.Appointment.Modality, UnitSignature.Place(c.Unit)) : w.VideoWithLink;

        var (subject, intro, extra) = c.Kind switch
        {
            EmailKinds.Confirmation => (w.ConfirmationSubject(typeName, shortWhen), w.ConfirmationIntro, (string?)null),
            // The other parent can always answer: through the link below, or by calling the unit.
            EmailKinds.Invitation => (w.InvitationSubject(shortWhen), w.InvitationIntro,
                c.Unit.ContactPhone is { Length: > 0 } phone ? w.InvitationCall!(phone) : w.InvitationChange),
            EmailKinds.Moved => (w.MovedSubject(shortWhen), w.MovedIntro, null),
            EmailKinds.Cancelled => (w.CancelledSubject(shortWhen), w.CancelledIntro, null),
            EmailKinds.Reminder => (w.ReminderSubject(shortWhen), w.ReminderIntro, null),
            EmailKinds.VideoLink => (w.VideoLinkSubject!(shortWhen), w.VideoLinkIntro, null),
            EmailKinds.Reassigned => (string.Format(w.ReassignedSubject, shortWhen), w.ReassignedIntro, null),
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Kind, "Unknown email kind."),
        };
        var manage = cancelled ? null : c.ManageUrl;
        var links = cancelled ? [] : c.Links;
        var respond = cancelled ? null : c.InvitationUrl;
        var greeting = string.IsNullOrWhiteSpace(c.Name) ? w.GreetingNoName : string.Format(w.Greeting, c.Name);
        var withCalendar = c.Kind != EmailKinds.Reminder;

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n").Append(intro).Append("\n\n");
        text.Append(w.What).Append(": ").Append(typeName).Append('\n');
        text.Append(w.When).Append(": ").Append(when).Append('\n');
        text.Append(w.Where).Append(": ").Append(how).Append("\n\n");
        var directions = cancelled || c.Appointment.Modality != Modality.InPerson ? null : UnitSignature.Directions(c.Unit, c.Language);
        if (directions is not null) text.Append(directions).Append("\n\n");
        if (video is not null) text.Append(w.VideoJoin).Append('\n').Append(video).Append("\n\n");
        if (extra is not null) text.Append(extra).Append("\n\n");
        if (respond is not null) text.Append(w.InvitationRespond).Append('\n').Append(respond).Append("\n\n");
        if (manage is not null) text.Append(w.Manage).Append('\n').Append(manage).Append("\n\n");
        if (links.Count > 0)
        {
            text.Append(w.Preparation).Append('\n');
            foreach (var l in links)
            {
                text.Append("- ").Append(l.Title.In(c.Language)).Append(": ").Append(l.Url).Append('\n');
                if (l.Note.In(c.Language) is { Length: > 0 } note) text.Append("  ").Append(note).Append('\n');
            }
            text.Append('\n');
        }
        if (withCalendar) text.Append(w.CalendarFile).Append("\n\n");
        text.Append(w.Closing).Append('\n').Append(UnitSignature.Text(c.Unit, c.Language)).Append("\n\n").Append(w.Automatic).Append('\n');

        // Only the markup characters: WebUtility.HtmlEncode would turn every ä and ö into a numeric entity.
        static string H(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{LanguageTag(c.Language)}\"><head><meta charset=\"utf-8\"><title>{H(subject)}</title></head><body>");
        html.Append($"<p>{H(greeting)}</p><p>{H(intro)}</p><table>");
        html.Append($"<tr><th scope=\"row\" align=\"left\">{H(w.What)}</th><td>{H(typeName)}</td></tr>");
        html.Append($"<tr><th scope=\"row\" align=\"left\">{H(w.When)}</th><td>{H(when)}</td></tr>");
        html.Append($"<tr><th scope=\"row\" align=\"left\">{H(w.Where)}</th><td>{H(how)}</td></tr></table>");
        if (directions is not null) html.Append($"<p>{H(directions)}</p>");
        if (video is not null) html.Append($"<p>{H(w.VideoJoin)}<br><a href=\"{H(video)}\">{H(video)}</a></p>");
        if (extra is not null) html.Append($"<p>{H(extra)}</p>");
        if (respond is not null) html.Append($"<p>{H(w.InvitationRespond)}<br><a href=\"{H(respond)}\">{H(respond)}</a></p>");
        if (manage is not null) html.Append($"<p>{H(w.Manage)}<br><a href=\"{H(manage)}\">{H(manage)}</a></p>");
        if (links.Count > 0)
        {
            html.Append($"<h2>{H(w.Preparation)}</h2><ul>");
            foreach (var l in links)
            {
                html.Append($"<li><a href=\"{H(l.Url)}\">{H(l.Title.In(c.Language))}</a>");
                if (l.Note.In(c.Language) is { Length: > 0 } note) html.Append($"<br>{H(note)}");
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        if (withCalendar) html.Append($"<p>{H(w.CalendarFile)}</p>");
        html.Append($"<p>{H(w.Closing)}<br>{UnitSignature.Html(c.Unit, c.Language, H)}</p><p><small>{H(w.Automatic)}</small></p></body></html>");

        var attachments = new List<EmailAttachment>();
        if (withCalendar)
        {
            var ics = IcsWriter.Write(new CalendarEvent(
                Uid: $"{c.Appointment.Id:N}@booking.local",
                Sequence: c.Sequence,
                Stamp: c.Now,
                Start: start,
                End: end,
                Summary: $"{typeName} – {c.Unit.Name}",
                // An in-person meeting's LOCATION is the address a phone's map can find; a video meeting's is its link.
                Location: video ?? (c.Appointment.Modality == Modality.InPerson ? UnitSignature.Place(c.Unit) : how),
                Description: Description(video is null ? null : $"{w.VideoJoin}\n{video}", manage is null ? null : $"{w.Manage}\n{manage}"),
                Cancelled: cancelled,
                OrganizerName: c.Unit.Name,
                OrganizerEmail: c.From,
                Url: video), zone);
            attachments.Add(new EmailAttachment(cancelled ? "cancel.ics" : "invite.ics",
                $"text/calendar; method={(cancelled ? "CANCEL" : "REQUEST")}; charset=utf-8", ics));
        }
        return new ComposedEmail(c.To, subject, text.ToString(), html.ToString(), c.MessageId, LanguageTag(c.Language), attachments);
    }

    private static string? Description(params string?[] parts) =>
        parts.Any(p => p is not null) ? string.Join("\n\n", parts.Where(p => p is not null)) : null;

    public static string LanguageTag(Language language) => language switch { Language.Sv => "sv", Language.En => "en", _ => "fi" };
}
