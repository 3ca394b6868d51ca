// A feedback code works once and for a short while: the rules, decided without a database.
using Booking.Domain.Goals;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Feedback;

public sealed record FeedbackCode(bool Issued, string Kind, LocalDate Month, Instant ExpiresAt, bool Used, MeetingStage? Stage = null)
{
    public static readonly FeedbackCode Initial = new(false, "", default, Instant.MinValue, false);

    public static FeedbackCode Evolve(FeedbackCode state, object @event) => @event switch
    {
        FeedbackCodeIssued e => state with { Issued = true, Kind = e.Kind, Month = e.Month, ExpiresAt = e.ExpiresAt, Stage = e.Stage },
        FeedbackCodeUsed => state with { Used = true },
        _ => state,
    };
}

public abstract record FeedbackCodeCommand(string CodeHash, Instant Now);

public sealed record IssueFeedbackCode(string CodeHash, string Kind, LocalDate Month, Instant Now, MeetingStage? Stage = null) : FeedbackCodeCommand(CodeHash, Now);

public sealed record UseFeedbackCode(string CodeHash, Instant Now) : FeedbackCodeCommand(CodeHash, Now);

public static class FeedbackCodeDecider
{
    /// <summary>Long enough to answer at the end of the meeting or in the waiting room afterwards; short enough that a
    /// photo of the QR code is of no use the next day.</summary>
    public static readonly Duration Lifetime = Duration.FromHours(2);

    public const string NotFound = "feedback_code_not_found", Used = "feedback_code_used", Expired = "feedback_code_expired";

    public static readonly Decider<FeedbackCodeCommand, FeedbackCode, FeedbackCodeEvent> Definition =
        new(StreamIds.FeedbackCodeType, FeedbackCode.Initial, FeedbackCode.Evolve, Decide);

    public static Decision<FeedbackCodeEvent> Decide(FeedbackCodeCommand command, FeedbackCode state) => command switch
    {
        IssueFeedbackCode c when state.Issued => Decision<FeedbackCodeEvent>.Nothing,
        IssueFeedbackCode c => Decision<FeedbackCodeEvent>.Accept(new FeedbackCodeIssued(c.CodeHash, c.Kind, c.Month, c.Now.Plus(Lifetime), c.Stage)),
        UseFeedbackCode c => Usable(state, c.Now) is { } error ? error : Decision<FeedbackCodeEvent>.Accept(new FeedbackCodeUsed(c.CodeHash, c.Now)),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>Why the code cannot be answered now, or null when it can.</summary>
    public static DomainError? Usable(FeedbackCode state, Instant now)
    {
        if (!state.Issued) return new DomainError(NotFound, "There is no such feedback code.", ErrorKind.NotFound);
        if (state.Used) return new DomainError(Used, "This feedback code has already been used; each code works once.", ErrorKind.Gone);
        if (now >= state.ExpiresAt) return new DomainError(Expired, "This feedback code has expired.", ErrorKind.Gone);
        return null;
    }
}

/// <summary>The month's answers: every answer is accepted (the code decided whether it may be given).</summary>
public sealed record GiveFeedback(FeedbackGiven Answer);

public static class FeedbackMonthDecider
{
    public static readonly Decider<GiveFeedback, int, FeedbackEvent> Definition =
        new(StreamIds.FeedbackMonthType, 0, (count, e) => e is FeedbackGiven ? count + 1 : count,
            (command, _) => Decision<FeedbackEvent>.Accept(command.Answer));
}
