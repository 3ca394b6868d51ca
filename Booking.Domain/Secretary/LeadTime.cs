// The unit's target: a family's first meeting within a week of its first contact. The secretary sees, while booking,
// how many days have passed and whether the earliest free time still meets the target.
using NodaTime;

namespace Booking.Domain.Secretary;

/// <param name="DaysSinceFirstContact">Whole calendar days from the first contact's date to today.</param>
/// <param name="TargetDate">The last date on which a first meeting meets the target.</param>
/// <param name="EarliestFree">The earliest free time found for the family's meeting, if any.</param>
/// <param name="MissesTarget">True when the family has no meeting yet and the earliest free time (or, with none, every
/// time) is after the target date.</param>
public sealed record LeadTime(int DaysSinceFirstContact, LocalDate FirstContactDate, LocalDate TargetDate, LocalDateTime? EarliestFree,
    LocalDateTime? FirstMeeting, bool MissesTarget)
{
    public const int TargetDays = 7;

    public static LeadTime Assess(Instant firstContact, LocalDate today, DateTimeZone zone, LocalDateTime? earliestFree,
        LocalDateTime? firstMeeting = null)
    {
        var contactDate = firstContact.InZone(zone).Date;
        var target = contactDate.PlusDays(TargetDays);
        var days = Period.Between(contactDate, today, PeriodUnits.Days).Days;
        var misses = firstMeeting is { } met
            ? met.Date > target
            : earliestFree is not { } earliest || earliest.Date > target;
        return new LeadTime(days, contactDate, target, earliestFree, firstMeeting, misses);
    }
}
