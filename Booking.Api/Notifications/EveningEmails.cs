// The info evening emails: registration confirmed, a waiting-list place (with the position), promotion from the waiting
// list, and the evening cancelled. Rendered from the evening's CURRENT state in the registrant's language (fi/sv/en),
// with the registration's manage link; a seat held gets an .ics for the calendar.
using Booking.Domain;
using System.Text;
using Booking.Domain.Configuration;
using Booking.Domain.InfoEvenings;
using NodaTime;

namespace Booking.Api.Notifications;

public static class EveningEmailKinds
{
    public const string Registered = "evening_registered";
    public const string Waiting = "evening_waiting";
    public const string Promoted = "evening_promoted";
    public const string Cancelled = "evening_cancelled";

    public static bool IsEvening(string kind) => kind.StartsWith("evening_", StringComparison.Ordinal);
}

public sealed record EveningEmailContext(
    string Kind,
    Language Language,
    string? Name,
    string To,
    string MessageId,
    InfoEvening Evening,
    int Seats,
    int? WaitingPosition,
    UnitConfiguration Unit,
    string? ManageUrl,
    Instant Now,
    string From);

public sealed record EveningWords(
    string What, string When, string Where, string Partners, string Seats, string Manage,
    Func<string, string, string> RegisteredSubject, string RegisteredIntro,
    Func<string, string, string> WaitingSubject, Func<int, string> WaitingIntro,
    Func<string, string, string> PromotedSubject, string PromotedIntro,
    Func<string, string, string> CancelledSubject, string CancelledIntro, string Reason,
    string Online)
{
    public static EveningWords For(Language language) => language switch { Language.Sv => Swedish, Language.En => English, _ => Finnish };

    public static readonly EveningWords Finnish = new(
        "Tilaisuus", "Milloin", "Missä", "Yhteistyössä", "Paikkoja", "Voit perua ilmoittautumisesi tästä linkistä:",
        (t, w) => $"Ilmoittautuminen vahvistettu: {t} {w}", "Ilmoittautumisesi infoiltaan on vastaanotettu. Paikkasi on varattu.",
        (t, w) => $"Olet varasijalla: {t} {w}", n => $"Infoilta on täynnä. Olet varasijalla numero {n}. Saat viestin, jos paikka vapautuu.",
        (t, w) => $"Sait paikan infoiltaan: {t} {w}", "Infoillasta vapautui paikka, ja se on nyt sinun. Tervetuloa!",
        (t, w) => $"Infoilta on peruttu: {t} {w}", "Valitettavasti infoilta on peruttu. Ilmoitamme uusista infoilloista verkkosivuillamme.",
        "Syy", "Verkossa: {0}");

    public static readonly EveningWords Swedish = new(
        "Tillställning", "När", "Var", "I samarbete med", "Platser", "Du kan avboka din anmälan via länken:",
        (t, w) => $"Anmälan bekräftad: {t} {w}", "Din anmälan till infokvällen har tagits emot. Din plats är reserverad.",
        (t, w) => $"Du står på reservlistan: {t} {w}", n => $"Infokvällen är full. Du är nummer {n} på reservlistan. Du får ett meddelande om en plats blir ledig.",
        (t, w) => $"Du har fått en plats på infokvällen: {t} {w}", "En plats på infokvällen blev ledig och den är nu din. Välkommen!",
        (t, w) => $"Infokvällen är inställd: {t} {w}", "Tyvärr har infokvällen ställts in. Vi meddelar nya infokvällar på vår webbplats.",
        "Orsak", "På nätet: {0}");

    public static readonly EveningWords English = new(
        "Event", "When", "Where", "Organised with", "Seats", "You can cancel your registration here:",
        (t, w) => $"Registration confirmed: {t} {w}", "We have received your registration for the info evening. Your seat is reserved.",
        (t, w) => $"You are on the waiting list: {t} {w}", n => $"The info evening is full. You are number {n} on the waiting list. We will email you if a seat becomes free.",
        (t, w) => $"You have a seat at the info evening: {t} {w}", "A seat became free at the info evening and it is now yours. Welcome!",
        (t, w) => $"The info evening is cancelled: {t} {w}", "Unfortunately the info evening has been cancelled. New evenings are announced on our website.",
        "Reason", "Online: {0}");
}

public static class EveningEmailComposer
{
    public static ComposedEmail Compose(EveningEmailContext c)
    {
        var w = EveningWords.For(c.Language);
        var mail = EmailWords.For(c.Language);
        var zone = c.Unit.Zone;
        var start = c.Evening.Start.InZone(zone).LocalDateTime;
        var end = c.Evening.End.InZone(zone).LocalDateTime;
        var when = mail.Time(start, end);
        var shortWhen = mail.ShortTime(start);
        var title = c.Evening.Title;
        var where = string.Join(" / ", new[] { c.Evening.Place, c.Evening.OnlineLink is { } link ? string.Format(w.Online, link) : null }
            .Where(s => !string.IsNullOrWhiteSpace(s)));

        var (subject, intro) = c.Kind switch
        {
            EveningEmailKinds.Registered => (w.RegisteredSubject(title, shortWhen), w.RegisteredIntro),
            EveningEmailKinds.Waiting => (w.WaitingSubject(title, shortWhen), w.WaitingIntro(c.WaitingPosition ?? 1)),
            EveningEmailKinds.Promoted => (w.PromotedSubject(title, shortWhen), w.PromotedIntro),
            EveningEmailKinds.Cancelled => (w.CancelledSubject(title, shortWhen), w.CancelledIntro),
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Kind, "Unknown evening email kind."),
        };
        var cancelled = c.Kind == EveningEmailKinds.Cancelled;
        var manage = cancelled ? null : c.ManageUrl;
        var greeting = string.IsNullOrWhiteSpace(c.Name) ? mail.GreetingNoName : string.Format(mail.Greeting, c.Name);
        var rows = new List<(string Label, string Value)> { (w.What, title), (w.When, when), (w.Where, where) };
        if (c.Evening.Partners.Count > 0) rows.Add((w.Partners, string.Join(", ", c.Evening.Partners)));
        if (!cancelled) rows.Add((w.Seats, c.Seats.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (cancelled && !string.IsNullOrWhiteSpace(c.Evening.CancelReason)) rows.Add((w.Reason, c.Evening.CancelReason));

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n").Append(intro).Append("\n\n");
        foreach (var (label, value) in rows) text.Append(label).Append(": ").Append(value).Append('\n');
        text.Append('\n');
        if (!string.IsNullOrWhiteSpace(c.Evening.Description) && !cancelled) text.Append(c.Evening.Description).Append("\n\n");
        if (manage is not null) text.Append(w.Manage).Append('\n').Append(manage).Append("\n\n");
        text.Append(mail.Closing).Append('\n').Append(UnitSignature.Text(c.Unit, c.Language)).Append("\n\n").Append(mail.Automatic).Append('\n');

        static string H(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{EmailComposer.LanguageTag(c.Language)}\"><head><meta charset=\"utf-8\"><title>{H(subject)}</title></head><body>");
        html.Append($"<p>{H(greeting)}</p><p>{H(intro)}</p><table>");
        foreach (var (label, value) in rows) html.Append($"<tr><th scope=\"row\" align=\"left\">{H(label)}</th><td>{H(value)}</td></tr>");
        html.Append("</table>");
        if (!string.IsNullOrWhiteSpace(c.Evening.Description) && !cancelled) html.Append($"<p>{H(c.Evening.Description)}</p>");
        if (manage is not null) html.Append($"<p>{H(w.Manage)}<br><a href=\"{H(manage)}\">{H(manage)}</a></p>");
        html.Append($"<p>{H(mail.Closing)}<br>{UnitSignature.Html(c.Unit, c.Language, H)}</p><p><small>{H(mail.Automatic)}</small></p></body></html>");

        var attachments = new List<EmailAttachment>();
        if (c.Kind is EveningEmailKinds.Registered or EveningEmailKinds.Promoted)
        {
            var ics = IcsWriter.Write(new CalendarEvent($"{c.Evening.EveningId:N}@booking.local", 0, c.Now, start, end,
                $"{title} – {c.Unit.Name}", where, manage is null ? null : $"{w.Manage}\n{manage}", false, c.Unit.Name, c.From), zone);
            attachments.Add(new EmailAttachment("invite.ics", "text/calendar; method=REQUEST; charset=utf-8", ics));
        }
        return new ComposedEmail(c.To, subject, text.ToString(), html.ToString(), c.MessageId, EmailComposer.LanguageTag(c.Language), attachments);
    }
}
