// The unit's configuration as the rules need it: who works when, what can be booked, when the unit is closed.
using System.Text.Json.Serialization;
using Booking.Domain.Calendar;
using NodaTime;

namespace Booking.Domain.Configuration;

public enum StaffRole { ChildSupervisor, Secretary, Manager, PartnerProfessional }

public enum Modality { InPerson, Video, Phone }

public enum Language { Fi, Sv, En }

public enum BookingChannel { Online, Phone, WalkIn, Secretary }

/// <summary>A text in the unit's three languages.</summary>
public sealed record LocalizedText(string Fi, string Sv, string En)
{
    public string In(Language language) => language switch { Language.Sv => Sv, Language.En => En, _ => Fi };
}

/// <summary>A person of the unit or of a partner service (family counselling, child welfare ...). No client data here.</summary>
public sealed record StaffMember(Guid Id, string DisplayName, StaffRole Role, string? PartnerService = null, bool Active = true);

public sealed record AppointmentType(
    string Code,
    LocalizedText Name,
    Duration Length,
    IReadOnlyList<Modality> Modalities,
    bool OnlineBookable,
    Duration BufferAfter)
{
    /// <summary>The staff member's time a meeting of this type takes, buffer included.</summary>
    [JsonIgnore]
    public Duration Occupies => Length + BufferAfter;
}

/// <summary>A block of bookable hours on one weekday for one staff member.</summary>
public sealed record WeeklyHours(Guid StaffId, IsoDayOfWeek Day, LocalTime From, LocalTime To);

/// <summary>Days the unit (StaffId null) or one staff member is not available: training days, absences.</summary>
public sealed record Closure(LocalDate From, LocalDate To, string Reason, Guid? StaffId = null)
{
    public bool Covers(LocalDate date, Guid? staffId) =>
        date >= From && date <= To && (StaffId is null || StaffId == staffId);
}

public sealed record UnitConfiguration(
    Guid UnitId,
    string Name,
    string TimeZoneId,
    IReadOnlyList<StaffMember> Staff,
    IReadOnlyList<AppointmentType> AppointmentTypes,
    IReadOnlyList<WeeklyHours> Hours,
    IReadOnlyList<Closure> Closures,
    int HorizonWeeks = 8,
    int SlotStepMinutes = 30)
{
    [JsonIgnore]
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[TimeZoneId];

    public AppointmentType? Type(string code) => AppointmentTypes.FirstOrDefault(t => t.Code == code);

    public StaffMember? Member(Guid id) => Staff.FirstOrDefault(s => s.Id == id);

    [JsonIgnore]
    public IEnumerable<StaffMember> ChildSupervisors => Staff.Where(s => s.Active && s.Role == StaffRole.ChildSupervisor);

    /// <summary>Why the whole unit is closed that day (a public holiday or a closure), or null when it is open.</summary>
    public string? ClosedBecause(LocalDate date) =>
        FinnishHolidays.On(date)?.NameEn ?? Closures.FirstOrDefault(c => c.StaffId is null && c.Covers(date, null))?.Reason;

    public bool IsAbsent(Guid staffId, LocalDate date) => Closures.Any(c => c.StaffId == staffId && c.Covers(date, staffId));

    /// <summary>The first and last dates a client may book online, seen at <paramref name="today"/>: from the next day
    /// up to the horizon.</summary>
    public (LocalDate First, LocalDate Last) OnlineWindow(LocalDate today) => (today.PlusDays(1), today.PlusWeeks(HorizonWeeks));
}

/// <summary>The unit (tenant) this host serves.</summary>
public sealed record CurrentUnit(Guid UnitId);
