// The unit's configuration as the rules need it: who works when, what can be booked, when the unit is closed.
using System.Text.Json.Serialization;
using Booking.Domain.Calendar;
using NodaTime;

namespace Booking.Domain.Configuration;

public enum StaffRole { ChildSupervisor, Secretary, Manager, PartnerProfessional }

public enum Modality { InPerson, Video, Phone }

public enum BookingChannel { Online, Phone, WalkIn, Secretary }

/// <summary>A text in the unit's three languages.</summary>
public sealed record LocalizedText(string Fi, string Sv, string En)
{
    public string In(Language language) => language switch { Language.Sv => Sv, Language.En => En, _ => Fi };
}

/// <summary>A person of the unit or of a partner service (family counselling, child welfare ...). No client data here.</summary>
public sealed record StaffMember(Guid Id, string DisplayName, StaffRole Role, string? PartnerService = null, bool Active = true);

/// <param name="Description">In plain words, for a parent choosing: what the meeting is for, who comes, when to choose it.</param>
public sealed record AppointmentType(
    string Code,
    LocalizedText Name,
    Duration Length,
    IReadOnlyList<Modality> Modalities,
    bool OnlineBookable,
    Duration BufferAfter,
    LocalizedText? Description = null)
{
    /// <summary>The staff member's time a meeting of this type takes, buffer included.</summary>
    [JsonIgnore]
    public Duration Occupies => Length + BufferAfter;
}

/// <summary>A block of bookable hours on one weekday for one staff member.</summary>
public sealed record WeeklyHours(Guid StaffId, IsoDayOfWeek Day, LocalTime From, LocalTime To);

/// <summary>Days the unit (StaffId null) or one staff member is not available: training days, absences; with FromTime and
/// ToTime only those hours of each day (a saved absence of a few hours).</summary>
public sealed record Closure(LocalDate From, LocalDate To, string Reason, Guid? StaffId = null, LocalTime? FromTime = null, LocalTime? ToTime = null)
{
    [JsonIgnore]
    public bool AllDay => FromTime is null || ToTime is null;

    /// <summary>True when the whole day is closed for the staff member (hour closures do not close a day).</summary>
    public bool Covers(LocalDate date, Guid? staffId) =>
        AllDay && date >= From && date <= To && (StaffId is null || StaffId == staffId);
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
    int SlotStepMinutes = 30,
    WalkInSettings? WalkIn = null,
    PhoneHours? PhoneHours = null,
    string? PhoneNumber = null,
    CallBackSettings? CallBacks = null,
    UnitIdentity? Identity = null)
{
    /// <summary>The unit's address and contact details as configured; only the phone when a stored configuration predates them.</summary>
    [JsonIgnore]
    public UnitIdentity IdentityOrDefault => Identity ?? UnitIdentity.Empty(PhoneNumber);

    /// <summary>The number the public pages and messages give: the identity's phone, else the secretary's configured line.</summary>
    [JsonIgnore]
    public string? ContactPhone => Identity is { Phone.Length: > 0 } i ? i.Phone : PhoneNumber;

    /// <summary>The walk-in reception as configured, or the unit's usual one (Thursday 08-12, the first active child
    /// supervisor on duty) when a stored configuration predates the setting.</summary>
    [JsonIgnore]
    public WalkInSettings WalkInOrDefault => WalkIn ?? WalkInSettings.Default(ChildSupervisors.Take(1).Select(s => s.Id).ToList());

    /// <summary>The office secretary's phone hours as configured, or Mon-Thu 09-12.</summary>
    [JsonIgnore]
    public PhoneHours PhoneHoursOrDefault => PhoneHours ?? Configuration.PhoneHours.Default;

    /// <summary>The child supervisors' call-back windows as configured; none when a stored configuration predates them.</summary>
    [JsonIgnore]
    public CallBackSettings CallBacksOrDefault => CallBacks ?? CallBackSettings.None;

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

    /// <summary>The hours of a day the staff member is absent or the unit closed, when that is not the whole day.</summary>
    public IEnumerable<(LocalTime From, LocalTime To)> AbsentHours(Guid staffId, LocalDate date) =>
        Closures.Where(c => !c.AllDay && date >= c.From && date <= c.To && (c.StaffId is null || c.StaffId == staffId))
            .Select(c => (c.FromTime!.Value, c.ToTime!.Value));

    /// <summary>The first and last dates a client may book online, seen at <paramref name="today"/>: from the next day
    /// up to the horizon.</summary>
    public (LocalDate First, LocalDate Last) OnlineWindow(LocalDate today) => (today.PlusDays(1), today.PlusWeeks(HorizonWeeks));
}

/// <summary>The weekly walk-in reception: one weekday's window, who is on duty in which room, how long a visit is expected
/// to take, and how long a called number has to come before a supervisor may mark it a no-show.</summary>
public sealed record WalkInSettings(
    IsoDayOfWeek Day,
    LocalTime From,
    LocalTime To,
    int VisitMinutes,
    IReadOnlyList<Guid> OnDuty,
    IReadOnlyDictionary<Guid, string> Rooms,
    int NoShowGraceMinutes)
{
    /// <summary>The unit's walk-in as the seed describes it: every Thursday 08:00-12:00, 30-minute visits, 5 minutes' grace.</summary>
    public static WalkInSettings Default(IReadOnlyList<Guid>? onDuty = null, IReadOnlyDictionary<Guid, string>? rooms = null) =>
        new(IsoDayOfWeek.Thursday, new LocalTime(8, 0), new LocalTime(12, 0), 30, onDuty ?? [], rooms ?? new Dictionary<Guid, string>(), 5);

    [JsonIgnore]
    public Duration VisitLength => Duration.FromMinutes(VisitMinutes);

    [JsonIgnore]
    public Duration NoShowGrace => Duration.FromMinutes(NoShowGraceMinutes);

    /// <summary>The room a supervisor receives walk-in clients in; empty when none is configured.</summary>
    public string RoomOf(Guid staffId) => Rooms.TryGetValue(staffId, out var room) ? room : "";
}

/// <summary>One block of the office secretary's phone hours.</summary>
public sealed record PhoneHoursBlock(IsoDayOfWeek Day, LocalTime From, LocalTime To);

/// <summary>When the office secretary answers the phone (the seed: three hours a day, Monday to Thursday).</summary>
public sealed record PhoneHours(IReadOnlyList<PhoneHoursBlock> Blocks)
{
    private const int DaysSearched = 366;

    public static PhoneHours Default { get; } = new(
        new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday }
            .Select(d => new PhoneHoursBlock(d, new LocalTime(9, 0), new LocalTime(12, 0))).ToList());

    /// <summary>True when a block covers <paramref name="at"/> (from inclusive, to exclusive) on a day that is not closed.</summary>
    public bool IsOpen(LocalDateTime at, Func<LocalDate, bool>? closed = null) => OpenBlock(at, closed) is not null;

    /// <summary>The block open at <paramref name="at"/>, or null.</summary>
    public PhoneHoursBlock? OpenBlock(LocalDateTime at, Func<LocalDate, bool>? closed = null) =>
        closed?.Invoke(at.Date) == true
            ? null
            : Blocks.FirstOrDefault(b => b.Day == at.DayOfWeek && b.From <= at.TimeOfDay && at.TimeOfDay < b.To);

    /// <summary>The start of the first block at or after <paramref name="after"/> on a day that is not closed;
    /// null when there are no blocks (or none within a year).</summary>
    public LocalDateTime? NextOpening(LocalDateTime after, Func<LocalDate, bool> closed)
    {
        for (var date = after.Date; date <= after.Date.PlusDays(DaysSearched); date = date.PlusDays(1))
        {
            if (closed(date)) continue;
            var first = Blocks.Where(b => b.Day == date.DayOfWeek).Select(b => date.At(b.From)).Where(s => s >= after)
                .OrderBy(s => s).Cast<LocalDateTime?>().FirstOrDefault();
            if (first is not null) return first;
        }
        return null;
    }
}

/// <summary>The unit (tenant) this host serves.</summary>
public sealed record CurrentUnit(Guid UnitId);
