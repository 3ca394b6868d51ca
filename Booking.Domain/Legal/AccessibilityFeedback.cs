// The accessibility statement's feedback channel (law 306/2019): anyone may tell the unit what they could not use; the
// manager answers within 14 days. A message is free text and maybe a contact, so it is a document, not an event.
using Booking.Domain.Configuration;
using Booking.Domain;
using NodaTime;

namespace Booking.Domain.Legal;

public sealed record AccessibilityFeedbackInput(string? Message, string? Page, string? Contact, Language Language);

public sealed record AccessibilityFeedback(
    Guid Id, Guid UnitId, Instant ReceivedAt, Language Language, string Message, string? Page, string? Contact)
{
    /// <summary>The day the law's 14-day answer is due.</summary>
    public LocalDate AnswerDue(DateTimeZone zone) => ReceivedAt.InZone(zone).Date.PlusDays(14);
}

public interface IAccessibilityFeedbackStore
{
    Task Add(AccessibilityFeedback feedback, CancellationToken ct = default);
    Task<IReadOnlyList<AccessibilityFeedback>> Latest(Guid unitId, int count, CancellationToken ct = default);
}

public sealed class AccessibilityFeedbackUseCases(IAccessibilityFeedbackStore store)
{
    public const int MessageMax = 4000;
    public const int PageMax = 300;
    public const int ContactMax = 200;

    /// <summary>The fields that break a rule (field → message), empty when the feedback can be stored.</summary>
    public static Dictionary<string, string[]> Check(AccessibilityFeedbackInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var message = input.Message?.Trim() ?? "";
        if (message.Length == 0) errors["message"] = ["message is required: tell what you could not use."];
        else if (message.Length > MessageMax) errors["message"] = [$"message must be at most {MessageMax} characters."];
        else if (ClientInput.ControlCharacterProblem(message, multiline: true) is { } m) errors["message"] = [$"message {m}"];
        if (input.Page is { Length: > PageMax }) errors["page"] = [$"page must be at most {PageMax} characters."];
        else if (ClientInput.ControlCharacterProblem(input.Page) is { } p) errors["page"] = [$"page {p}"];
        if (input.Contact is { Length: > ContactMax }) errors["contact"] = [$"contact must be at most {ContactMax} characters."];
        else if (ClientInput.ControlCharacterProblem(input.Contact) is { } c) errors["contact"] = [$"contact {c}"];
        return errors;
    }

    public async Task<Outcome<AccessibilityFeedback>> Send(Guid unitId, Guid id, AccessibilityFeedbackInput input, Instant now,
        CancellationToken ct = default)
    {
        var errors = Check(input);
        if (errors.Count > 0) return Refusal.Invalid(errors);
        var feedback = new AccessibilityFeedback(id, unitId, now, input.Language, input.Message!.Trim(),
            string.IsNullOrWhiteSpace(input.Page) ? null : input.Page.Trim(),
            string.IsNullOrWhiteSpace(input.Contact) ? null : input.Contact.Trim());
        await store.Add(feedback, ct);
        return feedback;
    }

    public Task<IReadOnlyList<AccessibilityFeedback>> Latest(Guid unitId, CancellationToken ct = default) => store.Latest(unitId, 200, ct);
}
