// The minimum strength of a staff password, checked when an account is opened and when the manager resets a password:
// long enough to resist guessing (NIST SP 800-63B: length over composition rules), not one character repeated, not a
// well-known password. The password itself never leaves the use case except as the host's salted hash.
namespace Booking.Domain.Staff;

public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 200;

    private static readonly HashSet<string> WellKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "qwertyuiopas", "password1234", "passwordpassword", "salasana1234", "salasanasalasana",
        "losenord1234", "lösenord1234", "qwerty123456", "letmein12345", "welcome12345", "tervetuloa12", "iloveyou1234",
        "administrator", "000000000000", "111111111111", "abcdefghijkl", "abc123abc123",
    };

    /// <summary>What is wrong with <paramref name="password"/> for a person to read, or null when it is strong enough.</summary>
    public static string? Problem(string? password, string? userName = null)
    {
        if (string.IsNullOrEmpty(password)) return "password is required.";
        if (password.Length < MinimumLength) return $"password must be at least {MinimumLength} characters long.";
        if (password.Length > MaximumLength) return $"password must be at most {MaximumLength} characters long.";
        if (password.Distinct().Count() < 5) return "password must have at least 5 different characters.";
        if (WellKnown.Contains(password)) return "password is a well-known password; choose another.";
        if (userName is { Length: > 0 } && string.Equals(password.Trim(), userName.Trim(), StringComparison.OrdinalIgnoreCase))
            return "password must not be the sign-in name.";
        return null;
    }
}
