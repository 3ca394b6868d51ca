// A form's field errors keyed by the field's element id, with what each field's markup needs from them.
namespace Booking.Kiosk.Shared;

public sealed class FormErrors(IReadOnlyDictionary<string, string> errors)
{
    public static readonly FormErrors None = new(new Dictionary<string, string>());

    public string? Of(string key) => errors.GetValueOrDefault(key);

    /// <summary>The field's class when it has an error.</summary>
    public string? Invalid(string key) => errors.ContainsKey(key) ? "has-error" : null;

    public string? Aria(string key) => errors.ContainsKey(key) ? "true" : null;

    /// <summary>The id of the field's error message, for aria-describedby.</summary>
    public string? Described(string key, string? errorId = null) => errors.ContainsKey(key) ? errorId ?? $"{key}-error" : null;
}
