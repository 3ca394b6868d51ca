// The demo unit seeded on first run so a newcomer sees a working service: four child supervisors, a secretary,
// a manager, two partner professionals and a realistic week (Thursday mornings are walk-in with Aino on duty in room
// 101, two evenings a week, the secretary's phone hours Monday to Thursday 9-12, call-back times for three supervisors).
using Booking.Domain;
using Booking.Api.Staff;
using Booking.Domain.Staff;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.InfoEvenings;
using NodaTime;
using static NodaTime.IsoDayOfWeek;

namespace Booking.Api.Configuration;

public static class DemoUnitIds
{
    public static readonly Guid Unit = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000001");
    public static readonly Guid Aino = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000101");
    public static readonly Guid Mikael = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000102");
    public static readonly Guid Satu = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000103");
    public static readonly Guid Johanna = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000104");
    public static readonly Guid Leena = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000201");
    public static readonly Guid Pekka = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000301");
    public static readonly Guid Riikka = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000401");
    public static readonly Guid Ahmed = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000402");
    public static readonly Guid InfoEvening = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000501");
}

public sealed class DemoUnit(
    UnitConfigurationStore configurations, StaffAccountUseCases accounts, CurrentUnit unit, IClock clock,
    IConfiguration settings, IHostEnvironment environment, InfoEveningUseCases evenings, ILogger<DemoUnit> logger)
{
    public static readonly (string User, Guid Staff, string Role)[] SignIns =
    [
        ("aino", DemoUnitIds.Aino, StaffRoles.Supervisor), ("mikael", DemoUnitIds.Mikael, StaffRoles.Supervisor),
        ("satu", DemoUnitIds.Satu, StaffRoles.Supervisor), ("johanna", DemoUnitIds.Johanna, StaffRoles.Supervisor),
        ("leena", DemoUnitIds.Leena, StaffRoles.Secretary), ("pekka", DemoUnitIds.Pekka, StaffRoles.Manager),
    ];

    public static string DemoPassword(string user) => $"{user}-demo-2026";

    public async Task SeedIfEmpty(CancellationToken ct)
    {
        if (!settings.GetValue("Demo:Seed", true)) return;
        if (await configurations.Read(unit.UnitId, ct) is null)
        {
            var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Helsinki"]).Date;
            if (await configurations.Save(Configuration(unit.UnitId, today), 0, ct) is not null)
            {
                foreach (var (user, staff, role) in SignIns)
                    if ((await accounts.Open(unit.UnitId, new NewStaffAccount(staff, user, role, DemoPassword(user)), "system:demo", ct)).Refusal is { } no)
                        logger.LogWarning("The demo account {User} was not opened: {Reason}", user, no.Error.Message);
                // A fixed id: scheduling it again is a no-op, so a second seeding never makes a second evening.
                var evening = await evenings.Schedule(unit.UnitId, InfoEvening(today), "system:demo", ct);
                if (evening.Refusal is { } refused) logger.LogWarning("The demo info evening was not scheduled: {Reason}", refused.Error);
                logger.LogInformation("Seeded the demo unit.");
            }
        }
        if (environment.IsDevelopment())
        {
            Console.WriteLine("Demo staff sign-ins (development only), at /staff/sign-in:");
            foreach (var (user, _, role) in SignIns) Console.WriteLine($"  {role,-10} {user,-8} password: {DemoPassword(user)}");
        }
    }

    /// <summary>A bilingual "Vanhempien eron ABC" evening about three weeks ahead, on a Tuesday, registration open from today.</summary>
    public static ScheduleEveningRequest InfoEvening(LocalDate today)
    {
        var day = today.PlusWeeks(3).Next(Tuesday);
        return new ScheduleEveningRequest(DemoUnitIds.InfoEvening,
            "Vanhempien eron ABC / Föräldrarnas skilsmässo-ABC",
            "Ilta eroaville ja eronneille vanhemmille: lapsen huolto, asuminen, tapaamiset ja elatus, ja mistä saa apua. " +
            "En kväll för föräldrar som skiljer sig: vårdnad, boende, umgänge och underhåll, och var man får hjälp.",
            day.At(new LocalTime(18, 0)), day.At(new LocalTime(20, 0)),
            "Kaupungintalo, valtuustosali / Stadshuset, fullmäktigesalen", null, Language.Fi, 30,
            ["Yhden vanhemman perheiden liitto", "Porvoon perheneuvola"],
            today.At(LocalTime.Midnight), day.PlusDays(-1).At(new LocalTime(12, 0)));
    }

    public static UnitConfiguration Configuration(Guid unitId, LocalDate today)
    {
        var morning = (new LocalTime(8, 30), new LocalTime(11, 30));
        var afternoon = (new LocalTime(12, 30), new LocalTime(15, 30));
        var shortAfternoon = (new LocalTime(12, 30), new LocalTime(14, 0));
        WeeklyHours H(Guid s, IsoDayOfWeek d, (LocalTime From, LocalTime To) block) => new(s, d, block.From, block.To);
        Modality[] all = [Modality.InPerson, Modality.Video, Modality.Phone];
        var trainingDay = today.PlusWeeks(3).Next(Friday);

        return new UnitConfiguration(
            unitId,
            "Perheoikeudellinen yksikkö – Familjerättsliga enheten",
            "Europe/Helsinki",
            [
                new(DemoUnitIds.Aino, "Aino Virtanen", StaffRole.ChildSupervisor),
                new(DemoUnitIds.Mikael, "Mikael Lindqvist", StaffRole.ChildSupervisor),
                new(DemoUnitIds.Satu, "Satu Korhonen", StaffRole.ChildSupervisor),
                new(DemoUnitIds.Johanna, "Johanna Nieminen", StaffRole.ChildSupervisor),
                new(DemoUnitIds.Leena, "Leena Mäkinen", StaffRole.Secretary),
                new(DemoUnitIds.Pekka, "Pekka Heikkinen", StaffRole.Manager),
                new(DemoUnitIds.Riikka, "Riikka Salo", StaffRole.PartnerProfessional, "Perheneuvola / Familjerådgivningen"),
                new(DemoUnitIds.Ahmed, "Ahmed Hassan", StaffRole.PartnerProfessional, "Maahanmuuttopalvelut / Invandrartjänster"),
            ],
            [
                new("advice", new("Neuvonta", "Rådgivning", "Advice"), Duration.FromMinutes(30), all, true, Duration.Zero,
                    new("Kysymyksiä lapsen huollosta, asumisesta, tapaamisista tai elatuksesta. Voit tulla yksin, eikä sinun tarvitse vielä tietää, mitä haluat sopia.",
                        "Frågor om barnets vårdnad, boende, umgänge eller underhåll. Du kan komma ensam och behöver inte ännu veta vad ni vill avtala.",
                        "Questions about the child's custody, residence, contact or maintenance. You can come alone, and you need not know yet what you want to agree.")),
                new("agreement-60", new("Sopimusneuvottelu, 60 min", "Avtalsförhandling, 60 min", "Agreement meeting, 60 min"),
                    Duration.FromMinutes(60), [Modality.InPerson, Modality.Video], true, Duration.FromMinutes(15),
                    new("Molemmat vanhemmat tulevat, ja lastenvalvoja vahvistaa sopimuksen. Valitse tämä, kun olette jo pääosin samaa mieltä yhdestä tai kahdesta asiasta.",
                        "Båda föräldrarna kommer och barnatillsyningsmannen fastställer avtalet. Välj detta när ni redan i stort sett är överens om en eller två frågor.",
                        "Both parents come, and the child supervisor confirms the agreement. Choose this when you already mostly agree on one or two matters.")),
                new("agreement-90", new("Sopimusneuvottelu, 90 min", "Avtalsförhandling, 90 min", "Agreement meeting, 90 min"),
                    Duration.FromMinutes(90), [Modality.InPerson, Modality.Video], true, Duration.FromMinutes(15),
                    new("Molemmat vanhemmat tulevat. Valitse 90 minuuttia, kun sovitte kaikesta kerralla (huolto, asuminen, tapaamiset ja elatus), kun jokin on vielä auki tai kun tarvitsette tulkin.",
                        "Båda föräldrarna kommer. Välj 90 minuter när ni avtalar om allt på en gång (vårdnad, boende, umgänge och underhåll), när något ännu är öppet eller när ni behöver tolk.",
                        "Both parents come. Choose 90 minutes when you agree on everything at once (custody, residence, contact and maintenance), when something is still open, or when you need an interpreter.")),
                new("paternity", new("Isyyden ja äitiyden tunnustaminen", "Erkännande av faderskap och moderskap",
                    "Acknowledgement of paternity and maternity"), Duration.FromMinutes(45), [Modality.InPerson, Modality.Video], true, Duration.Zero,
                    new("Kun vanhemmat eivät ole naimisissa: isyyden tai äitiyden tunnustaminen lapsen syntymän jälkeen. Ota mukaan henkilöllisyystodistus.",
                        "När föräldrarna inte är gifta: erkännande av faderskap eller moderskap efter barnets födelse. Ta med identitetsbevis.",
                        "When the parents are not married: acknowledging paternity or maternity after the child's birth. Bring an identity document.")),
                new("pair-meeting", new("Työparitapaaminen", "Möte med två yrkespersoner", "Meeting with two professionals"),
                    Duration.FromMinutes(90), [Modality.InPerson], false, Duration.FromMinutes(15)),
            ],
            [
                H(DemoUnitIds.Aino, Monday, morning), H(DemoUnitIds.Aino, Monday, afternoon), H(DemoUnitIds.Aino, Tuesday, morning),
                H(DemoUnitIds.Aino, Tuesday, afternoon), H(DemoUnitIds.Aino, Wednesday, afternoon),
                H(DemoUnitIds.Aino, Wednesday, (new LocalTime(16, 0), new LocalTime(19, 0))), H(DemoUnitIds.Aino, Friday, morning),
                H(DemoUnitIds.Mikael, Monday, afternoon), H(DemoUnitIds.Mikael, Tuesday, morning),
                H(DemoUnitIds.Mikael, Tuesday, (new LocalTime(16, 0), new LocalTime(18, 0))), H(DemoUnitIds.Mikael, Wednesday, morning),
                H(DemoUnitIds.Mikael, Wednesday, afternoon), H(DemoUnitIds.Mikael, Thursday, afternoon), H(DemoUnitIds.Mikael, Friday, morning),
                H(DemoUnitIds.Satu, Monday, morning), H(DemoUnitIds.Satu, Tuesday, afternoon), H(DemoUnitIds.Satu, Wednesday, morning),
                H(DemoUnitIds.Satu, Thursday, afternoon), H(DemoUnitIds.Satu, Friday, morning), H(DemoUnitIds.Satu, Friday, shortAfternoon),
                H(DemoUnitIds.Johanna, Monday, afternoon), H(DemoUnitIds.Johanna, Tuesday, morning), H(DemoUnitIds.Johanna, Wednesday, afternoon),
                H(DemoUnitIds.Johanna, Thursday, afternoon), H(DemoUnitIds.Johanna, Friday, shortAfternoon),
            ],
            [new Closure(trainingDay, trainingDay, "Unit training day / Yksikön koulutuspäivä")],
            WalkIn: WalkInSettings.Default([DemoUnitIds.Aino], new Dictionary<Guid, string>
            {
                [DemoUnitIds.Aino] = "101", [DemoUnitIds.Mikael] = "102", [DemoUnitIds.Satu] = "103", [DemoUnitIds.Johanna] = "104",
            }),
            PhoneHours: PhoneHours.Default,
            // A made-up number for the demo (09 is the Helsinki area code); a real unit puts its secretary's line here.
            PhoneNumber: "09 123 4567",
            // Call-back times outside each supervisor's bookable hours: Satu Monday and Wednesday 14-15, Mikael and
            // Johanna Tuesday 13-14 (two supervisors at once), 15-minute slots.
            CallBacks: new CallBackSettings(
            [
                new CallBackWindow(DemoUnitIds.Satu, Monday, new LocalTime(14, 0), new LocalTime(15, 0)),
                new CallBackWindow(DemoUnitIds.Satu, Wednesday, new LocalTime(14, 0), new LocalTime(15, 0)),
                new CallBackWindow(DemoUnitIds.Mikael, Tuesday, new LocalTime(13, 0), new LocalTime(14, 0)),
                new CallBackWindow(DemoUnitIds.Johanna, Tuesday, new LocalTime(13, 0), new LocalTime(14, 0)),
            ]),
            Identity: Identity);
    }

    /// <summary>A made-up address in Porvoo (the street does not exist), an example.fi email and the demo logo.</summary>
    public static readonly UnitIdentity Identity = new(
        [
            new VisitingAddress("Perhepolku 4 B, 2. kerros", "06100", "Porvoo",
                new("Bussipysäkki Perhepolku on 100 metrin päässä (linjat 1 ja 3). Asiakaspysäköinti talon pihalla. Ilmoittaudu 2. kerroksen aulassa.",
                    "Busshållplatsen Perhepolku ligger 100 meter bort (linjerna 1 och 3). Kundparkering på gården. Anmäl dig i aulan på andra våningen.",
                    "The Perhepolku bus stop is 100 metres away (lines 1 and 3). Visitor parking in the yard. Report at the 2nd-floor lobby."),
                new("Sisäänkäynti ilman portaita, hissi 2. kerrokseen, esteetön WC aulassa. Huoneissa induktiosilmukka.",
                    "Ingång utan trappor, hiss till andra våningen, tillgänglig toalett i aulan. Hörslinga i rummen.",
                    "Step-free entrance, a lift to the 2nd floor, an accessible toilet in the lobby. Induction loops in the rooms.")),
        ],
        Phone: "09 123 4567",
        Email: "perheoikeus@porvoo.example.fi",
        MunicipalityUrl: "https://www.porvoo.fi/",
        LogoUrl: "_content/Booking.Kiosk/demo-logo.svg",
        Legal: new UnitLegal(
            new("Porvoon kaupunki, sosiaali- ja terveyslautakunta", "Borgå stad, social- och hälsovårdsnämnden",
                "City of Porvoo, social and health committee"),
            "tietosuoja@porvoo.example.fi, 09 123 4500",
            new("Infoillan ilmoittautumislomakkeen päivämääräkenttä ei kerro muotoa ruudunlukijalle tarpeeksi selvästi (korjataan 2027 alussa).",
                "Datumfältet i anmälan till infokvällen anger inte formatet tillräckligt tydligt för skärmläsare (åtgärdas i början av 2027).",
                "The date field of the info evening registration form does not state its format clearly enough to screen readers (to be fixed early 2027)."),
            new LocalDate(2026, 12, 1),
            "saavutettavuus@porvoo.example.fi"));
}
