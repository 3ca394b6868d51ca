// The tailored information the office secretary sends a parent (InfoLinksSent on the family's stream): the catalogue's
// links and preparation notes for the family's matter and the "all" entries, in the language the secretary chose,
// as plain text and HTML. No meeting, so no .ics and no manage link.
using Booking.Domain;
using System.Text;
using Booking.Domain.Configuration;

namespace Booking.Api.Notifications;

public sealed record InfoLinksEmailContext(
    Language Language,
    string? Name,
    string To,
    string MessageId,
    string Matter,
    IReadOnlyList<InfoLink> Links,
    UnitConfiguration Unit);

public sealed record InfoLinksWords(string Subject, string Intro, string Matter, string ReadMore, string Questions)
{
    public static InfoLinksWords For(Language language) => language switch { Language.Sv => Swedish, Language.En => English, _ => Finnish };

    public static readonly InfoLinksWords Finnish = new(
        "Tietoa tapaamiseenne valmistautumiseen",
        "Lähetämme sinulle tietoa, joka auttaa valmistautumaan lastenvalvojan tapaamiseen.",
        "Asia", "Linkit ja valmistautumisohjeet",
        "Jos sinulla on kysyttävää, soita toimistosihteerille puhelinaikana.");

    public static readonly InfoLinksWords Swedish = new(
        "Information för att förbereda ert möte",
        "Vi skickar dig information som hjälper dig att förbereda mötet hos barnatillsyningsmannen.",
        "Ärende", "Länkar och förberedelser",
        "Om du har frågor kan du ringa byråsekreteraren under telefontiden.");

    public static readonly InfoLinksWords English = new(
        "Information to help you prepare for your meeting",
        "Here is information to help you prepare for the meeting with a child supervisor.",
        "Matter", "Links and preparation notes",
        "If you have questions, please call the office secretary during the phone hours.");
}

public static class InfoLinksEmailComposer
{
    public static ComposedEmail Compose(InfoLinksEmailContext c)
    {
        var w = InfoLinksWords.For(c.Language);
        var mail = EmailWords.For(c.Language);
        var matter = c.Unit.Type(c.Matter)?.Name.In(c.Language) ?? c.Matter;
        var greeting = string.IsNullOrWhiteSpace(c.Name) ? mail.GreetingNoName : string.Format(mail.Greeting, c.Name);

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n").Append(w.Intro).Append("\n\n");
        text.Append(w.Matter).Append(": ").Append(matter).Append("\n\n");
        text.Append(w.ReadMore).Append('\n');
        foreach (var l in c.Links)
        {
            text.Append("- ").Append(l.Title.In(c.Language)).Append(": ").Append(l.Url).Append('\n');
            if (l.Note.In(c.Language) is { Length: > 0 } note) text.Append("  ").Append(note).Append('\n');
        }
        text.Append('\n').Append(w.Questions).Append("\n\n");
        text.Append(mail.Closing).Append('\n').Append(UnitSignature.Text(c.Unit, c.Language)).Append("\n\n").Append(mail.Automatic).Append('\n');

        static string H(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{EmailComposer.LanguageTag(c.Language)}\"><head><meta charset=\"utf-8\"><title>{H(w.Subject)}</title></head><body>");
        html.Append($"<p>{H(greeting)}</p><p>{H(w.Intro)}</p>");
        html.Append($"<table><tr><th scope=\"row\" align=\"left\">{H(w.Matter)}</th><td>{H(matter)}</td></tr></table>");
        html.Append($"<h2>{H(w.ReadMore)}</h2><ul>");
        foreach (var l in c.Links)
        {
            html.Append($"<li><a href=\"{H(l.Url)}\">{H(l.Title.In(c.Language))}</a>");
            if (l.Note.In(c.Language) is { Length: > 0 } note) html.Append($"<br>{H(note)}");
            html.Append("</li>");
        }
        html.Append($"</ul><p>{H(w.Questions)}</p>");
        html.Append($"<p>{H(mail.Closing)}<br>{UnitSignature.Html(c.Unit, c.Language, H)}</p><p><small>{H(mail.Automatic)}</small></p></body></html>");

        return new ComposedEmail(c.To, w.Subject, text.ToString(), html.ToString(), c.MessageId, EmailComposer.LanguageTag(c.Language), []);
    }
}
