// The rules a unit's configuration must keep, field by field; the API's PUT /api/config and the manager's settings pages
// both ask here, so a rule is stated once.
using NodaTime;

namespace Booking.Domain.Configuration;

public static class ConfigurationRules
{
    /// <summary>Field errors keyed by the JSON path of the field (e.g. "hours[2].to"); empty when the configuration is acceptable.</summary>
    public static Dictionary<string, string[]> Validate(UnitConfiguration c)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(c.TimeZoneId ?? "") is null) Add("timeZoneId", "timeZoneId must be a TZDB zone such as Europe/Helsinki.");
        if (c.HorizonWeeks is < 1 or > 52) Add("horizonWeeks", "horizonWeeks must be between 1 and 52.");
        if (c.SlotStepMinutes is < 5 or > 120 || 60 % c.SlotStepMinutes != 0 && c.SlotStepMinutes % 60 != 0)
            Add("slotStepMinutes", "slotStepMinutes must divide an hour (5, 10, 15, 20, 30 or 60).");
        var staff = (c.Staff ?? []).Select(s => s.Id).ToHashSet();
        if ((c.Staff ?? []).Count != staff.Count) Add("staff", "Every staff member needs a distinct id.");
        foreach (var (s, i) in (c.Staff ?? []).Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(s.DisplayName)) Add($"staff[{i}].displayName", "displayName is required.");
            else if (!IsShortText(s.DisplayName, MaxNameLength))
                Add($"staff[{i}].displayName", $"displayName is one line of at most {MaxNameLength} characters without control characters.");
            if (s.PartnerService is { } service && !IsShortText(service, MaxNameLength))
                Add($"staff[{i}].partnerService", $"partnerService is left out or one line of at most {MaxNameLength} characters.");
            if (!Enum.IsDefined(s.Role)) Add($"staff[{i}].role", "role must be ChildSupervisor, Secretary, Manager or PartnerProfessional.");
        }
        foreach (var (t, i) in (c.AppointmentTypes ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(t.Code)) Add($"appointmentTypes[{i}].code", "code is required.");
            else if (!IsCode(t.Code)) Add($"appointmentTypes[{i}].code", "code has 2 to 40 lower-case letters a-z, digits or hyphens (it goes into addresses).");
            if (t.Name is null) Add($"appointmentTypes[{i}].name", "name is required in Finnish, Swedish and English.");
            else
                foreach (var (text, language) in new[] { (t.Name.Fi, "fi"), (t.Name.Sv, "sv"), (t.Name.En, "en") })
                    if (!IsShortText(text, MaxNameLength))
                        Add($"appointmentTypes[{i}].name.{language}", $"name.{language} is required: at most {MaxNameLength} characters without control characters.");
            if (t.Length < Duration.FromMinutes(15) || t.Length > Duration.FromMinutes(240))
                Add($"appointmentTypes[{i}].length", "length must be between 15 minutes and 4 hours.");
            if (t.BufferAfter < Duration.Zero || t.BufferAfter > Duration.FromMinutes(60))
                Add($"appointmentTypes[{i}].bufferAfter", "bufferAfter must be between 0 and 60 minutes.");
            if (t.Modalities is null || t.Modalities.Count == 0) Add($"appointmentTypes[{i}].modalities", "At least one modality is required.");
            if (t.Description is { } d && new[] { d.Fi, d.Sv, d.En }.Any(text => !IsShortText(text, 600)))
                Add($"appointmentTypes[{i}].description", "description needs fi, sv and en, each at most 600 characters without control characters.");
        }
        if ((c.AppointmentTypes ?? []).GroupBy(t => t.Code).Any(g => g.Count() > 1)) Add("appointmentTypes", "Type codes must be unique.");
        foreach (var (h, i) in (c.Hours ?? []).Select((h, i) => (h, i)))
        {
            if (!staff.Contains(h.StaffId)) Add($"hours[{i}].staffId", "staffId must name a staff member of the unit.");
            if (h.From >= h.To) Add($"hours[{i}].to", "A block must end after it starts.");
        }
        foreach (var (closure, i) in (c.Closures ?? []).Select((x, i) => (x, i)))
        {
            if (closure.To < closure.From) Add($"closures[{i}].to", "A closure must not end before it starts.");
            if (closure.StaffId is { } s && !staff.Contains(s)) Add($"closures[{i}].staffId", "staffId must name a staff member of the unit.");
            if (!IsShortText(closure.Reason, MaxReasonLength))
                Add($"closures[{i}].reason", $"reason is required: at most {MaxReasonLength} characters without control characters.");
            if ((closure.FromTime is null) != (closure.ToTime is null))
                Add($"closures[{i}].{(closure.FromTime is null ? "fromTime" : "toTime")}", "fromTime and toTime go together: both for some hours of each day, neither for whole days.");
            else if (closure.FromTime >= closure.ToTime) Add($"closures[{i}].toTime", "The closed hours must end after they start.");
        }
        if (c.WalkIn is { } walkIn)
        {
            if (walkIn.From >= walkIn.To) Add("walkIn.to", "The walk-in window must end after it starts.");
            if (walkIn.VisitMinutes is < 5 or > 120) Add("walkIn.visitMinutes", "visitMinutes must be between 5 and 120.");
            if (walkIn.NoShowGraceMinutes is < 0 or > 60) Add("walkIn.noShowGraceMinutes", "noShowGraceMinutes must be between 0 and 60.");
            foreach (var (id, i) in (walkIn.OnDuty ?? []).Select((x, i) => (x, i)))
                if (!staff.Contains(id)) Add($"walkIn.onDuty[{i}]", "onDuty must name staff members of the unit.");
            foreach (var (id, room) in walkIn.Rooms ?? new Dictionary<Guid, string>())
            {
                if (!staff.Contains(id)) Add("walkIn.rooms", "rooms must be keyed by staff members of the unit.");
                if (room is { Length: > 0 } && !IsShortText(room, MaxRoomLength))
                    Add("walkIn.rooms", $"A room name is one line of at most {MaxRoomLength} characters without control characters.");
            }
        }
        var phoneBlocks = c.PhoneHours?.Blocks ?? [];
        foreach (var (b, i) in phoneBlocks.Select((b, i) => (b, i)))
            if (b.From >= b.To) Add($"phoneHours.blocks[{i}].to", "A block must end after it starts.");
            // Overlapping blocks would read twice on the public pages ("9-12, 11-13"): one block per stretch of time.
            else if (phoneBlocks.Take(i).Any(o => o.Day == b.Day && o.From < b.To && b.From < o.To))
                Add($"phoneHours.blocks[{i}].from", "The block overlaps another phone-hours block on the same weekday.");
        if (c.PhoneNumber is { Length: > 0 } phone && !ContactDetails.IsPhone(phone))
            Add("phoneNumber", "phoneNumber must have 6 to 15 digits and may start with +, or be left out.");
        foreach (var (field, messages) in CallBackSettings.Validate(c with { Staff = c.Staff ?? [], Hours = c.Hours ?? [] }))
            foreach (var message in messages) Add(field, message);
        return errors;
    }

    public const int MaxReasonLength = 200;
    public const int MaxNameLength = 80;
    public const int MaxRoomLength = 40;

    private static bool IsCode(string code) =>
        code.Length is >= 2 and <= 40 && code.All(ch => ch is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    /// <summary>A one-line text a person typed: present, not too long, no control characters (a line break included).</summary>
    public static bool IsShortText(string? text, int max) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= max && !text.Any(char.IsControl);
}
