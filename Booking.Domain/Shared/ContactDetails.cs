// Input rules for the client's details, shared by the API and the pages so a rule is written once.
using System.Net.Mail;

namespace Booking.Domain;

public sealed record ContactDetails(string Name, string Email, string Phone, Language Language)
{
    public const int MaxName = 100;

    /// <summary>Field errors keyed by the JSON field name; empty when the details are acceptable.</summary>
    public Dictionary<string, string[]> Validate(string prefix = "client.")
    {
        var errors = new Dictionary<string, string[]>();
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) errors[prefix + "name"] = ["Name is required."];
        else if (name.Length > MaxName) errors[prefix + "name"] = [$"Name must be at most {MaxName} characters."];
        else if (ClientInput.HasControlCharacters(name)) errors[prefix + "name"] = ["Name must not contain control characters."];
        // A name of zero-width spaces is blank on every list; a direction control (U+202E) shows a name reversed.
        else if (!name.Any(char.IsLetter)) errors[prefix + "name"] = ["Name must contain letters."];
        else if (name.Any(ch => ch is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'))
            errors[prefix + "name"] = ["Name must not contain text direction controls."];
        if (!IsEmail(Email)) errors[prefix + "email"] = ["Email must be a valid address such as name@example.fi."];
        if (!IsPhone(Phone)) errors[prefix + "phone"] = ["Phone must have 6 to 15 digits and may start with +."];
        // A form binder reads "5" as a language; only the named ones have texts and emails.
        if (!Enum.IsDefined(Language)) errors[prefix + "language"] = [$"Language must be one of: {ClientInput.Choices<Language>()}."];
        return errors;
    }

    public ContactDetails Normalised() => this with { Name = Name.Trim(), Email = Email.Trim(), Phone = Phone.Trim() };

    public static bool IsEmail(string? value)
    {
        var v = value?.Trim() ?? "";
        if (v.Length is 0 or > 254 || v.Contains(' ') || ClientInput.HasControlCharacters(v)) return false;
        if (!MailAddress.TryCreate(v, out var address) || address.Address != v) return false;
        var at = v.LastIndexOf('@');
        return at > 0 && v.IndexOf('.', at) > at + 1 && !v.EndsWith('.');
    }

    public static bool IsPhone(string? value)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0 || v.Any(ch => !(char.IsAsciiDigit(ch) || ch is ' ' or '-' or '+' or '(' or ')'))) return false;
        if (v.IndexOf('+') > 0 || v.Count(ch => ch == '+') > 1) return false;
        var digits = v.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15;
    }
}
