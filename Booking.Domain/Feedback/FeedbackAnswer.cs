// What a parent or a child may send: three faces from 1 to 5 and one optional comment. Checked field by field, so a door
// answers 400 naming the field and nothing is written.
using Booking.Domain.Goals;
using NodaTime;

namespace Booking.Domain.Feedback;

/// <param name="Audience">parent or child (null: parent).</param>
/// <param name="Agree">"How well can you now agree on your child's matters" (1–5): asked of a parent at a first or last meeting only.</param>
public sealed record FeedbackAnswerInput(string? Audience, int? Heard, int? Understood, int? Helped, string? Comment, int? Agree = null);

public sealed record FeedbackAnswer(FeedbackAudience Audience, int Heard, int Understood, int Helped, string? Comment, int? Agree = null);

public static class FeedbackAnswers
{
    public const int CommentMax = 1000;
    public static readonly string[] Questions = ["heard", "understood", "helped"];

    public const string AgreeQuestion = "agree";

    /// <summary>Whether the code's meeting asks the "how well can you now agree" question of this audience.</summary>
    public static bool AsksAgree(MeetingStage? stage, FeedbackAudience audience) => stage is not null && audience == FeedbackAudience.Parent;

    /// <summary>The answer, or the fields that break a rule (field → message). <paramref name="stage"/> is the code's: a parent
    /// answering at a first or last meeting also answers "agree"; no one else may.</summary>
    public static (FeedbackAnswer? Answer, Dictionary<string, string[]> Errors) Check(FeedbackAnswerInput input, MeetingStage? stage = null)
    {
        var errors = new Dictionary<string, string[]>();
        var audience = FeedbackAudience.Parent;
        if (input.Audience is not null && !ClientInput.TryEnum(input.Audience, out audience))
            errors["audience"] = [$"audience must be one of: {ClientInput.Choices<FeedbackAudience>()}."];
        int Score(string field, int? value)
        {
            if (value is null) errors[field] = [$"{field} is required: a face from 1 (bad) to 5 (good)."];
            else if (value is < 1 or > 5) errors[field] = [$"{field} must be a whole number from 1 to 5."];
            return value ?? 0;
        }
        var heard = Score("heard", input.Heard);
        var understood = Score("understood", input.Understood);
        var helped = Score("helped", input.Helped);
        int? agree = null;
        if (AsksAgree(stage, audience)) agree = Score(AgreeQuestion, input.Agree);
        else if (input.Agree is not null)
            errors[AgreeQuestion] = ["agree is asked only of a parent at a family's first or last meeting; leave it out."];
        var comment = input.Comment?.Trim();
        if (comment is { Length: > CommentMax }) errors["comment"] = [$"comment must be at most {CommentMax} characters."];
        else if (ClientInput.ControlCharacterProblem(comment, multiline: true) is { } problem) errors["comment"] = [$"comment {problem}"];
        return errors.Count > 0
            ? (null, errors)
            : (new FeedbackAnswer(audience, heard, understood, helped, string.IsNullOrEmpty(comment) ? null : comment, agree), errors);
    }
}

/// <summary>A comment as stored: its month and the kind of meeting, nothing else (no time, no code, no meeting).</summary>
public sealed record FeedbackComment(Guid UnitId, LocalDate Month, string Kind, FeedbackAudience Audience, string Text);

/// <param name="Shown">False while the month is within its delay or has fewer than <see cref="FeedbackCommentRelease.MinimumGroup"/> comments.</param>
/// <param name="Texts">The comments in alphabetical order (never in the order they came); empty unless shown.</param>
public sealed record FeedbackCommentGroup(LocalDate Month, int Count, bool Shown, LocalDate ShownFrom, IReadOnlyList<string> Texts);

/// <summary>When the manager may read the comments: a month's comments together, at the earliest <see cref="DelayDays"/>
/// days after the month has ended, and only when there are at least <see cref="MinimumGroup"/> of them, so that no
/// comment can be matched with a meeting by its day or by being the only one.</summary>
public static class FeedbackCommentRelease
{
    public const int MinimumGroup = 5;
    public const int DelayDays = 14;

    public static LocalDate ShownFrom(LocalDate month) => new LocalDate(month.Year, month.Month, 1).PlusMonths(1).PlusDays(DelayDays);

    public static IReadOnlyList<FeedbackCommentGroup> Groups(IEnumerable<FeedbackComment> comments, LocalDate today) =>
        comments.GroupBy(c => new LocalDate(c.Month.Year, c.Month.Month, 1)).OrderBy(g => g.Key).Select(g =>
        {
            var count = g.Count();
            var shown = today >= ShownFrom(g.Key) && count >= MinimumGroup;
            return new FeedbackCommentGroup(g.Key, count, shown, ShownFrom(g.Key),
                shown ? g.Select(c => c.Text).Order(StringComparer.Ordinal).ToList() : []);
        }).ToList();
}
