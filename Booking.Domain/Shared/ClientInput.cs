// The rules every door applies to text a client or staff member typed, written once: which enum names are accepted,
// and which characters no field may hold (PostgreSQL refuses NUL in text, and control characters only hide in a roster).
namespace Booking.Domain;

public static class ClientInput
{
    /// <summary>The years a client may name in a date: 0000-01-01 and 9999-12-31 parse, but a week or range around
    /// them runs off the calendar (an overflow, a 500); nobody books or reports outside these years.</summary>
    public const int FirstYear = 2000, LastYear = 2999;

    public static bool IsServiceYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>Reads one of the enum's documented names (any case; "in-person" and "in_person" read as InPerson).
    /// Numbers and comma lists are not names: Enum.TryParse would take "5" or "fi,sv" and quietly store something else.</summary>
    public static bool TryEnum<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        var cleaned = Squeeze(text);
        if (cleaned.Length == 0) return false;
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (!string.Equals(Squeeze(candidate.ToString()), cleaned, StringComparison.OrdinalIgnoreCase)) continue;
            value = candidate;
            return true;
        }
        return false;
    }

    /// <summary>Whether the text is one of the enum type's names, by the rule of <see cref="TryEnum{TEnum}"/>; for callers that
    /// know the type only at run time (a page's form model).</summary>
    public static bool IsNameOf(Type enumType, string? text)
    {
        var cleaned = Squeeze(text);
        return cleaned.Length > 0 && Enum.GetNames(enumType).Any(n => string.Equals(Squeeze(n), cleaned, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The accepted names of an enum as the wire spells them (camelCase), for an error message.</summary>
    public static string Choices<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));

    /// <summary>The message for a field holding a control character or a broken surrogate pair, or null when the text is
    /// clean. Line breaks and tabs are allowed only where <paramref name="multiline"/> says the field is free text.</summary>
    public static string? ControlCharacterProblem(string? text, bool multiline = false)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (multiline && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c)) return "must not contain control characters.";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return "must not contain broken characters.";
        }
        return null;
    }

    public static bool HasControlCharacters(string? text, bool multiline = false) => ControlCharacterProblem(text, multiline) is not null;

    private static string Squeeze(string? text) => (text ?? "").Trim().Replace("-", "").Replace("_", "");
}
