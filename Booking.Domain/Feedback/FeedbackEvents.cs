// Feedback in the room: a code the supervisor shows (QR) and the parent's or child's answers. Anonymous by construction:
// the code's stream carries the kind of meeting and its month, never the meeting, the family or who showed it; the
// answer's stream is the month's, and carries no code. Comments are free text, so they are documents, not events.
using Booking.Domain.Goals;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Feedback;

/// <summary>Who answers: the parent's questions, or the child's version in simpler words with pictures.</summary>
public enum FeedbackAudience { Parent, Child }

public abstract record FeedbackCodeEvent(string CodeHash);

/// <param name="Kind">The appointment type's code (advice, agreement…) or <see cref="FeedbackCodes.WalkInKind"/>.</param>
/// <param name="Month">The first day of the local month of the meeting or visit.</param>
/// <param name="Stage">Whether the meeting was a family's first or last (its goals recorded or reviewed); null otherwise.</param>
[EventName("feedback_code_issued")]
public sealed record FeedbackCodeIssued(string CodeHash, string Kind, LocalDate Month, Instant ExpiresAt, MeetingStage? Stage = null)
    : FeedbackCodeEvent(CodeHash);

[EventName("feedback_code_used")]
public sealed record FeedbackCodeUsed(string CodeHash, Instant UsedAt) : FeedbackCodeEvent(CodeHash);

public abstract record FeedbackEvent;

/// <summary>One answer: three 1–5 faces (heard, understood, helped) and whether a comment was left (its text is a document).</summary>
/// <param name="Stage">A first or last meeting's answer (from the code; never the family).</param>
/// <param name="Agree">At a first or last meeting, the parent's 1–5 for "how well can you now agree on your child's matters".</param>
[EventName("feedback_given")]
public sealed record FeedbackGiven(string Kind, LocalDate Month, FeedbackAudience Audience, int Heard, int Understood, int Helped, bool Commented,
    MeetingStage? Stage = null, int? Agree = null)
    : FeedbackEvent;
