// A small unit as the rules need it: two child supervisors (one with an evening block), a secretary and a retired supervisor
// whose hours must never show, a partner service's professional with no weekly hours (pair work inside the hours they
// offer), and the three meeting types of the brief.
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.Tests.Support;

public static class TestUnit
{
    public static readonly Guid UnitId = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    public static readonly Guid Anna = Guid.Parse("11111111-0000-0000-0000-000000000001");
    public static readonly Guid Bertil = Guid.Parse("11111111-0000-0000-0000-000000000002");
    public static readonly Guid Sirpa = Guid.Parse("11111111-0000-0000-0000-000000000003");
    public static readonly Guid Retired = Guid.Parse("11111111-0000-0000-0000-000000000004");
    public static readonly Guid Partner = Guid.Parse("11111111-0000-0000-0000-000000000005");

    public static readonly AppointmentType Advice = new("advice", new("Neuvonta", "Rådgivning", "Advice"), Duration.FromMinutes(30),
        [Modality.InPerson, Modality.Video, Modality.Phone], OnlineBookable: true, Duration.Zero);

    public static readonly AppointmentType Agreement = new("agreement", new("Sopimus", "Avtal", "Agreement"), Duration.FromMinutes(60),
        [Modality.InPerson, Modality.Video], OnlineBookable: true, Duration.FromMinutes(15));

    public static readonly AppointmentType Paternity = new("paternity", new("Isyys", "Faderskap", "Paternity"), Duration.FromMinutes(45),
        [Modality.InPerson], OnlineBookable: true, Duration.Zero);

    public static readonly AppointmentType SecretaryOnly = new("complex", new("Laaja", "Omfattande", "Complex"), Duration.FromMinutes(90),
        [Modality.InPerson], OnlineBookable: false, Duration.Zero);

    /// <summary>
    /// Anna: Mon 09-12, Tue 09-12, Thu 09-16, Fri 09-12. Bertil: Mon 09-12, Tue 16-19 (evening), Wed 12-16, Thu 09-12, Fri 09-12.
    /// The secretary and the retired supervisor have Monday hours that must never become free times.
    /// </summary>
    public static UnitConfiguration Config(IReadOnlyList<Closure>? closures = null, int slotStepMinutes = 30) => new(
        UnitId,
        "Perheoikeudellinen yksikkö",
        "Europe/Helsinki",
        [
            new StaffMember(Anna, "Anna", StaffRole.ChildSupervisor),
            new StaffMember(Bertil, "Bertil", StaffRole.ChildSupervisor),
            new StaffMember(Sirpa, "Sirpa", StaffRole.Secretary),
            new StaffMember(Retired, "Raili", StaffRole.ChildSupervisor, Active: false),
            new StaffMember(Partner, "Riikka", StaffRole.PartnerProfessional, PartnerService: "Perheneuvola"),
        ],
        [Advice, Agreement, Paternity, SecretaryOnly],
        [
            new WeeklyHours(Anna, IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0)),
            new WeeklyHours(Anna, IsoDayOfWeek.Tuesday, new LocalTime(9, 0), new LocalTime(12, 0)),
            new WeeklyHours(Anna, IsoDayOfWeek.Thursday, new LocalTime(9, 0), new LocalTime(16, 0)),
            new WeeklyHours(Anna, IsoDayOfWeek.Friday, new LocalTime(9, 0), new LocalTime(12, 0)),
            new WeeklyHours(Bertil, IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0)),
            new WeeklyHours(Bertil, IsoDayOfWeek.Tuesday, new LocalTime(16, 0), new LocalTime(19, 0)),
            new WeeklyHours(Bertil, IsoDayOfWeek.Wednesday, new LocalTime(12, 0), new LocalTime(16, 0)),
            new WeeklyHours(Bertil, IsoDayOfWeek.Thursday, new LocalTime(9, 0), new LocalTime(12, 0)),
            new WeeklyHours(Bertil, IsoDayOfWeek.Friday, new LocalTime(9, 0), new LocalTime(12, 0)),
            new WeeklyHours(Sirpa, IsoDayOfWeek.Monday, new LocalTime(7, 0), new LocalTime(9, 0)),
            new WeeklyHours(Retired, IsoDayOfWeek.Monday, new LocalTime(13, 0), new LocalTime(15, 0)),
        ],
        closures ?? [],
        HorizonWeeks: 8,
        SlotStepMinutes: slotStepMinutes);

    public static Instant Helsinki(LocalDateTime local) =>
        local.InZoneStrictly(DateTimeZoneProviders.Tzdb["Europe/Helsinki"]).ToInstant();

    public static LocalDateTime L(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute);
}
