// The unit's signature at the end of every email: its name, visiting address, phone and email, so that a parent
// always knows where to come and whom to call. Also the place of an in-person meeting for the text and the .ics LOCATION.
using Booking.Domain;
using System.Text;
using Booking.Domain.Configuration;

namespace Booking.Api.Notifications;

public static class UnitSignature
{
    private static string Phone(Language l) => l switch { Language.Sv => "Telefon", Language.En => "Phone", _ => "Puhelin" };
    private static string Email(Language l) => l switch { Language.Sv => "E-post", Language.En => "Email", _ => "Sähköposti" };
    private static string Address(Language l) => l switch { Language.Sv => "Besöksadress", Language.En => "Visiting address", _ => "Käyntiosoite" };

    /// <summary>"Unit name, Street 1, 06100 Porvoo" or just the name when no address is configured.</summary>
    public static string Place(UnitConfiguration unit) =>
        unit.IdentityOrDefault.MainAddress is { } a ? $"{unit.Name}, {a.OneLine}" : unit.Name;

    public static IEnumerable<string> Lines(UnitConfiguration unit, Language language)
    {
        var id = unit.IdentityOrDefault;
        yield return unit.Name;
        foreach (var a in id.Addresses) yield return $"{Address(language)}: {a.OneLine}";
        if (unit.ContactPhone is { Length: > 0 } phone) yield return $"{Phone(language)}: {phone}";
        if (id.Email is { Length: > 0 } email) yield return $"{Email(language)}: {email}";
    }

    public static string Text(UnitConfiguration unit, Language language) => string.Join('\n', Lines(unit, language));

    public static string Html(UnitConfiguration unit, Language language, Func<string, string> encode)
    {
        var html = new StringBuilder();
        html.Append(string.Join("<br>", Lines(unit, language).Select(encode)));
        return html.ToString();
    }

    /// <summary>The directions and accessibility notes of the main address, for a message about an in-person meeting.</summary>
    public static string? Directions(UnitConfiguration unit, Language language) =>
        unit.IdentityOrDefault.MainAddress is { } a
            ? string.Join(' ', new[] { a.Directions.In(language), a.Accessibility.In(language) }.Where(s => s.Length > 0)) is { Length: > 0 } s ? s : null
            : null;
}
