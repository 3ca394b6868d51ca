// The shapes of the secretary's console and the supervisor's day. Inputs are strings where a bad value must be answered
// field by field.
using Booking.Api.Appointments;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Secretary;
using NodaTime;

namespace Booking.Api.Secretary;

public sealed record ParentDetailsDto(string? Name, string? Email, string? Phone, string? Language);

/// <param name="Parent">Which parent made the contact: mother, father or otherParent.</param>
public sealed record ContactRequestDto(string? Channel, string? Matter, string? Parent, ParentDetailsDto? Details,
    string? OtherParentRole = null, ParentDetailsDto? OtherParent = null);

public sealed record StaffRefDto(Guid StaffId, string Name, string Role, string? PartnerService)
{
    public static StaffRefDto? From(UnitConfiguration config, Guid? id) =>
        id is { } staffId && config.Member(staffId) is { } m ? new(m.Id, m.DisplayName, Wire.Name(m.Role), m.PartnerService) : null;
}

public sealed record ParentDto(Guid ClientId, string Role, string Name, string Email, string Phone, string Language);

public sealed record ContactDto(string Channel, string Matter, string Parent, LocalDateTime At);

public sealed record FamilyMeetingDto(Guid AppointmentId, string AppointmentType, string Modality, LocalDateTime Start, string Status,
    StaffRefDto? Supervisor, StaffRefDto? SecondProfessional, bool Joint);

public sealed record LeadTimeDto(int DaysSinceFirstContact, LocalDate FirstContactDate, LocalDate TargetDate, LocalDateTime? EarliestFree,
    LocalDateTime? FirstMeeting, bool MissesTarget, string Message)
{
    public static LeadTimeDto From(LeadTime t) => new(t.DaysSinceFirstContact, t.FirstContactDate, t.TargetDate, t.EarliestFree, t.FirstMeeting,
        t.MissesTarget, t switch
        {
            { FirstMeeting: { } met, MissesTarget: false } => $"First meeting on {met:yyyy-MM-dd}, within the 7-day target.",
            { FirstMeeting: { } met } => $"First meeting on {met:yyyy-MM-dd}, after the 7-day target ({t.TargetDate:yyyy-MM-dd}).",
            { MissesTarget: true, EarliestFree: { } earliest } =>
                $"The earliest free time ({earliest:yyyy-MM-dd HH:mm}) misses the target of a first meeting by {t.TargetDate:yyyy-MM-dd}.",
            { MissesTarget: true } => $"No free time before the target date {t.TargetDate:yyyy-MM-dd}.",
            _ => $"A first meeting by {t.TargetDate:yyyy-MM-dd} meets the 7-day target.",
        });
}

public sealed record FamilyDto(Guid FamilyId, string Matter, IReadOnlyList<ParentDto> Parents, IReadOnlyList<ContactDto> Contacts,
    IReadOnlyList<FamilyMeetingDto> Meetings, LeadTimeDto? LeadTime);

public sealed record FamilySummaryDto(Guid FamilyId, string Matter, IReadOnlyList<ParentDto> Parents, LocalDateTime FirstContact);

public sealed record TeamFreeTimeDto(LocalDateTime Start, LocalDateTime End, Instant StartsAt, IReadOnlyList<StaffRefDto> Free);

public sealed record TeamFreeTimesDto(IReadOnlyList<TeamFreeTimeDto> Times, LeadTimeDto? LeadTime);

/// <param name="Starts">1 to 5 local start times (a series keeps one supervisor).</param>
/// <param name="Joint">Invite the family's other parent (or <paramref name="OtherParentClientId"/>).</param>
public sealed record CentralBookingDto(string? AppointmentType, string? Modality, IReadOnlyList<string>? Starts, Guid? ClientId,
    bool Joint = false, Guid? OtherParentClientId = null, Guid? KeepSupervisor = null, string? KeepReason = null, string? KeepReasonNote = null,
    Guid? SecondProfessional = null, string? VideoLink = null, string? PreparationNote = null);

public sealed record CentralBookedDto(IReadOnlyList<FamilyMeetingDto> Meetings, StaffRefDto Supervisor, StaffRefDto? SecondProfessional,
    Guid? SeriesId);

public sealed record InfoLinksRequestDto(Guid? ClientId, string? Matter, string? Language);

public sealed record InfoLinksSentDto(Guid FamilyId, Guid ClientId, string Matter, string Language, Instant SentAt);

public sealed record OfferHoursDto(Guid? StaffId, string? Date, string? From, string? To);

public sealed record OfferedHoursDto(Guid StaffId, LocalDate Date, LocalDateTime From, LocalDateTime To);

public sealed record DayContactDto(string Name, string Phone, string Email, string Language)
{
    public static DayContactDto? From(ClientContact? c) => c is null ? null : new(c.Name, c.Phone, c.Email, Wire.Name(c.Language));
}

public sealed record DayMeetingDto(Guid AppointmentId, LocalDateTime Start, LocalDateTime End, string AppointmentType, LocalizedText? TypeName,
    string Modality, string Status, bool Leads, StaffRefDto? Partner, bool Joint, bool? OtherParentAccepted, string? VideoLink,
    string? PreparationNote, string? KeptReason, DayContactDto? Client, DayContactDto? OtherParent, bool CanMark,
    bool VideoLinkMissing = false, bool SeparateMeetings = false);

public sealed record DayWalkInDto(LocalTime From, LocalTime To, string Room);

public sealed record SupervisorDayDto(StaffRefDto Staff, LocalDate Date, bool ContactsShown, DayWalkInDto? WalkIn, IReadOnlyList<DayMeetingDto> Meetings);
