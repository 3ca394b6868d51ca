// The call-back times (soittoajat) as the unit configures them: weekly windows per child supervisor, cut into slots of
// the configured length. Part of the unit's configuration (the slots they give are in CallBacks/CallBackSlots.cs).
using System.Text.Json.Serialization;
using NodaTime;

namespace Booking.Domain.Configuration;

/// <summary>A weekly window in which one child supervisor phones clients back.</summary>
public sealed record CallBackWindow(Guid StaffId, IsoDayOfWeek Day, LocalTime From, LocalTime To);

/// <param name="SlotMinutes">The length of one call-back slot (15 by default).</param>
/// <param name="RetryAfterMinutes">How long after a first unanswered call the supervisor may record the second (and last)
/// unanswered call: the client is offered one retry later, not two calls in a row.</param>
public sealed record CallBackSettings(IReadOnlyList<CallBackWindow> Windows, int SlotMinutes = 15, int RetryAfterMinutes = 15)
{
    /// <summary>Two calls: the reserved one and one retry. After the second unanswered call the call-back closes.</summary>
    public const int MaxAttempts = 2;

    public static CallBackSettings None { get; } = new([]);

    [JsonIgnore]
    public Duration SlotLength => Duration.FromMinutes(SlotMinutes);

    [JsonIgnore]
    public Duration RetryAfter => Duration.FromMinutes(RetryAfterMinutes);

    /// <summary>Field errors for the manager's configuration (keys under "callBacks."); empty when acceptable.</summary>
    public static Dictionary<string, string[]> Validate(UnitConfiguration config)
    {
        var errors = new Dictionary<string, string[]>();
        if (config.CallBacks is not { } settings) return errors;
        if (settings.SlotMinutes is < 5 or > 60) errors["callBacks.slotMinutes"] = ["slotMinutes must be between 5 and 60."];
        if (settings.RetryAfterMinutes is < 0 or > 240) errors["callBacks.retryAfterMinutes"] = ["retryAfterMinutes must be between 0 and 240."];
        var supervisors = config.Staff.Where(s => s.Role == StaffRole.ChildSupervisor).Select(s => s.Id).ToHashSet();
        foreach (var (w, i) in (settings.Windows ?? []).Select((w, i) => (w, i)))
        {
            var field = $"callBacks.windows[{i}]";
            if (!supervisors.Contains(w.StaffId)) errors[$"{field}.staffId"] = ["staffId must name a child supervisor of the unit."];
            if (w.From >= w.To) errors[$"{field}.to"] = ["A window must end after it starts."];
            // Call-back time is the supervisor's own: it must not be time clients can also book for a meeting.
            else if (config.Hours.FirstOrDefault(h => h.StaffId == w.StaffId && h.Day == w.Day && h.From < w.To && w.From < h.To) is { } hours)
                errors[field] = [$"The window overlaps that supervisor's bookable hours {hours.From:HH':'mm}-{hours.To:HH':'mm} on {w.Day}."];
            // Two windows of one supervisor at once would offer the same time twice, as if two people could call.
            else if ((settings.Windows ?? []).Take(i).Any(o => o.StaffId == w.StaffId && o.Day == w.Day && o.From < w.To && w.From < o.To))
                errors[$"{field}.from"] = ["The window overlaps another call-back window of the same supervisor."];
        }
        return errors;
    }
}
