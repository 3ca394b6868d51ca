using Booking.Domain.EventSourcing;

namespace Booking.Domain;

/// <summary>Why a use case refused: the rule, the fields at fault (for 400), and for a taken time the next free ones.</summary>
public sealed record Refusal(DomainError Error, IReadOnlyDictionary<string, string[]>? Fields = null, IReadOnlyList<FreeTime>? NextFreeTimes = null)
{
    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> fields) =>
        new(new DomainError("invalid_input", "Some fields are not valid.", ErrorKind.Invalid), fields);

    public static Refusal InvalidField(string field, string message) =>
        new(new DomainError("invalid_input", message, ErrorKind.Invalid, field), new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A use case's answer: a value, or the refusal.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static Outcome<T> Of(T value) => new(value, null);
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
    public static implicit operator Outcome<T>(DomainError error) => new(default, new Refusal(error));
}
