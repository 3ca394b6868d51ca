namespace Booking.Domain.EventSourcing;

/// <summary>What kind of refusal an error is; the HTTP door maps it to a status in one place.</summary>
public enum ErrorKind
{
    /// <summary>The input is malformed (400).</summary>
    Invalid,
    /// <summary>The thing asked for does not exist (404).</summary>
    NotFound,
    /// <summary>Someone else got there first (409).</summary>
    Conflict,
    /// <summary>A rule of the service forbids it (422).</summary>
    Rule,
    /// <summary>The signed-in person may not do this to this thing, such as marking another supervisor's call-back (403).</summary>
    Forbidden,
    /// <summary>It existed but is no longer usable, such as a feedback code used or expired (410).</summary>
    Gone,
}

/// <summary>A rule the command broke. Code is stable (for clients and tests); Message is for a person.</summary>
public sealed record DomainError(string Code, string Message, ErrorKind Kind = ErrorKind.Rule, string? Field = null)
{
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>The result of Decide: the events to append, or the rule that refused the command.
/// An empty event list means the command was already done (a retry), which is not an error.</summary>
public readonly record struct Decision<TEvent>
{
    private Decision(IReadOnlyList<TEvent> events, DomainError? error) => (Events, Error) = (events, error);

    public IReadOnlyList<TEvent> Events { get; }
    public DomainError? Error { get; }
    public bool IsError => Error is not null;

    public static Decision<TEvent> Accept(params TEvent[] events) => new(events, null);
    public static Decision<TEvent> Nothing => new([], null);
    public static implicit operator Decision<TEvent>(DomainError error) => new([], error);
}
