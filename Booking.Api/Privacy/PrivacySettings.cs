// The retention periods from configuration (Privacy:*, in days), checked at start-up: the retention job applies them and
// the privacy notice states them.
using Booking.Domain.Privacy;
using NodaTime;

namespace Booking.Api.Privacy;

public static class PrivacySettings
{
    public const string ContactsDays = "Privacy:ContactsRetentionDays";
    public const string EveningDays = "Privacy:EveningRegistrationRetentionDays";
    public const string CallBackDays = "Privacy:CallBackRetentionDays";
    public const string ManageLinkDays = "Privacy:ManageLinkDaysAfterMeeting";
    public const string ReadLogDays = "Privacy:ReadLogRetentionDays";
    public const string CheckMinutes = "Privacy:RetentionCheckMinutes";

    public static RetentionPeriods From(IConfiguration c)
    {
        var d = RetentionPeriods.Default;
        return new RetentionPeriods(
            Days(c, ContactsDays, d.ContactsAfterLastMeeting), Days(c, EveningDays, d.EveningRegistrationsAfterEvening),
            Days(c, CallBackDays, d.CallBackNumbersAfterCall), Days(c, ManageLinkDays, d.ManageLinksAfterMeeting),
            Days(c, ReadLogDays, d.ReadLogKept));
    }

    private static Duration Days(IConfiguration c, string key, Duration fallback)
    {
        if (c[key] is not { Length: > 0 } text) return fallback;
        return int.TryParse(text, out var days) && days is >= 1 and <= 3650
            ? Duration.FromDays(days)
            : throw new InvalidOperationException($"{key} must be a whole number of days from 1 to 3650, not '{text}'.");
    }
}
