// How long personal data is kept: the unit's promises, read from the service's configuration (Privacy:*) so that the
// privacy notice can state the same figures the retention job applies.
using NodaTime;

namespace Booking.Domain.Privacy;

/// <param name="ContactsAfterLastMeeting">A booking's (or a family's) contacts, video links and notes, after the last meeting
/// or logged contact.</param>
/// <param name="EveningRegistrationsAfterEvening">An info evening's registrations, after the evening.</param>
/// <param name="CallBackNumbersAfterCall">A call-back's number and name, after the call's time.</param>
/// <param name="ManageLinksAfterMeeting">How long a manage link still opens the booking after its meeting ended.</param>
/// <param name="ReadLogKept">How long the log of staff reads of contact details is kept.</param>
public sealed record RetentionPeriods(
    Duration ContactsAfterLastMeeting,
    Duration EveningRegistrationsAfterEvening,
    Duration CallBackNumbersAfterCall,
    Duration ManageLinksAfterMeeting,
    Duration ReadLogKept)
{
    public static readonly RetentionPeriods Default = new(
        Duration.FromDays(90), Duration.FromDays(30), Duration.FromDays(30), Duration.FromDays(30), Duration.FromDays(730));

    /// <summary>A manage link opens its booking until this long after the meeting's end; after that it is no longer valid.</summary>
    public bool ManageLinkValid(Instant meetingEnd, Instant now) => now < meetingEnd + ManageLinksAfterMeeting;
}
