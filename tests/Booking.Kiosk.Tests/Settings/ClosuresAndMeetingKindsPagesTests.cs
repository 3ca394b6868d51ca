// The manager's closures and kinds-of-meeting pages in chromium: a closure of the whole unit takes that day's free times
// away from the parents' booking page; a closure without a reason or ending before it starts is refused on its fields;
// a kind of meeting added (or taken off the web) shows (or stops showing) on the parents' first page; bad length and
// code are refused on their fields; an edit of a version someone else has since saved says "reload" and writes nothing;
// a partner professional added and a person left out on the staff page; the walk-in moved to another day with another
// supervisor in a room, a reversed window named; the history names who changed which part;
// axe-core finds nothing in Finnish or Swedish.
// "Now" is Monday 2026-04-20 09:00 in Helsinki; Wednesday 2026-04-22 has free advice times in the demo unit.
using System.Text.RegularExpressions;
using Booking.Api.Configuration;
using Booking.Domain.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Booking.Kiosk.Tests.Settings;

public sealed class ClosuresAndMeetingKindsPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Wednesday = "a.time[href*='start=2026-04-22T']";

    private async Task<IPage> SignedInManager(string locale, string lang, string path)
    {
        var manager = await app.NewSizedPage(1366, 768, locale);
        await manager.GotoAsync($"{path}?lang={lang}");
        await BrowserApp.Arrived(manager, "**/staff/sign-in**");
        await manager.FillAsync("#userName", "pekka");
        await manager.FillAsync("#password", "pekka-demo-2026");
        await manager.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(manager, $"**{path}**");
        return manager;
    }

    private async Task<VersionedConfiguration> Stored() =>
        (await app.Factory.Services.GetRequiredService<UnitConfigurationStore>().ReadFresh(DemoUnitIds.Unit))!;

    [Fact]
    public async Task The_manager_closes_the_unit_for_a_day_and_the_parents_free_times_of_that_day_are_gone()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var parent = await app.NewPhonePage("fi-FI");
        await parent.GotoAsync("/book/times?type=advice&modality=video&week=2026-04-20&lang=fi");
        await BrowserApp.Arrived(parent, "**/book/times**");
        Assert.True(await parent.Locator(Wednesday).CountAsync() > 0, "Wednesday has free times before the closure");

        var manager = await SignedInManager("fi-FI", "fi", "/staff/settings");
        await manager.ClickAsync("main a[href$='/staff/settings/closures']");
        await BrowserApp.Arrived(manager, "**/staff/settings/closures");
        await Check(manager);

        // The first empty row: the whole unit, Wednesday 22 April (the last day left empty: the same day).
        var rows = await manager.Locator("table.settings-table tbody tr").CountAsync();
        var empty = rows - 3;
        await manager.FillAsync($"#closures-{empty}-from", "2026-04-22");
        await manager.FillAsync($"#closures-{empty}-reason", "Yksikön kehittämispäivä");
        await manager.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(manager, "**/staff/settings/closures?saved=1**");
        Assert.Contains("Tallennettu", await manager.Locator("[role=status]").InnerTextAsync());
        Assert.Equal(rows + 1, await manager.Locator("table.settings-table tbody tr").CountAsync());
        Assert.Contains((await Stored()).Configuration.Closures,
            c => c.From == new NodaTime.LocalDate(2026, 4, 22) && c.To == c.From && c.StaffId is null && c.Reason == "Yksikön kehittämispäivä");

        await parent.ReloadAsync();
        await BrowserApp.Arrived(parent, "**/book/times**");
        Assert.Equal(0, await parent.Locator(Wednesday).CountAsync());
        Assert.True(await parent.Locator("a.time[href*='start=2026-04-21T']").CountAsync() > 0, "Tuesday stays bookable");

        // No reason, and a last day before the first: both fields named, nothing saved.
        var version = (await Stored()).Version;
        await manager.SelectOptionAsync($"#closures-{empty + 1}-staff", DemoUnitIds.Mikael.ToString());
        await manager.FillAsync($"#closures-{empty + 1}-from", "2026-04-24");
        await manager.FillAsync($"#closures-{empty + 1}-to", "2026-04-23");
        await manager.FillAsync($"#closures-{empty + 1}-fromTime", "12:00");
        await manager.ClickAsync("main form button[type=submit]");
        await manager.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await manager.GetAttributeAsync($"#closures-{empty + 1}-to", "aria-invalid"));
        Assert.Equal("true", await manager.GetAttributeAsync($"#closures-{empty + 1}-reason", "aria-invalid"));
        Assert.Equal("true", await manager.GetAttributeAsync($"#closures-{empty + 1}-toTime", "aria-invalid"));
        var summary = await manager.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("Viimeinen päivä ei voi olla ennen ensimmäistä", summary);
        Assert.Contains("Kirjoita syy yhdelle riville", summary);
        Assert.Equal(version, (await Stored()).Version);
        await Check(manager);

        // Stale, in Swedish: the page was read at one version, then someone else saved another.
        await manager.GotoAsync("/staff/settings/closures?lang=sv");
        await BrowserApp.Arrived(manager, "**/staff/settings/closures?lang=sv");
        await Check(manager);
        await SaveMeanwhile();
        var beforeStale = (await Stored()).Version;
        await manager.CheckAsync($"#closures-{empty}-remove");
        await manager.ClickAsync("main form button[type=submit]");
        var stale = manager.Locator(".settings-stale");
        await stale.WaitForAsync();
        Assert.Contains("Någon annan ändrade inställningarna", await stale.InnerTextAsync());
        Assert.Equal(beforeStale, (await Stored()).Version);
        Assert.Contains((await Stored()).Configuration.Closures, c => c.Reason == "Yksikön kehittämispäivä");
        await Check(manager);

        await manager.GotoAsync("/staff/settings?lang=sv");
        await BrowserApp.Arrived(manager, "**/staff/settings?lang=sv");
        Assert.Matches(@"Pekka Heikkinen\s+stängda dagar", await manager.Locator("table.settings-history tbody").InnerTextAsync());
        await Check(manager);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_manager_adds_a_kind_of_meeting_and_takes_one_off_the_web_and_the_parents_first_page_follows()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var parent = await app.NewPhonePage("sv-FI");
        await parent.GotoAsync("/book?lang=sv");
        await BrowserApp.Arrived(parent, "**/book?lang=sv");
        Assert.Equal(0, await parent.Locator("#type-mediation").CountAsync());
        Assert.Equal(1, await parent.Locator("#type-paternity").CountAsync());

        var manager = await SignedInManager("sv-FI", "sv", "/staff/settings/kinds");
        await Check(manager);
        var kinds = await manager.Locator("fieldset.settings-kind").CountAsync();
        var fresh = kinds - 1;
        var paternity = (await Stored()).Configuration.AppointmentTypes.ToList().FindIndex(t => t.Code == "paternity");

        // A code that cannot go into an address and a length too short: both named on their fields, nothing saved.
        var version = (await Stored()).Version;
        await manager.FillAsync($"#kinds-{fresh}-code", "Medling X");
        await manager.FillAsync($"#kinds-{fresh}-nameFi", "Sovittelu");
        await manager.FillAsync($"#kinds-{fresh}-nameSv", "Medling");
        await manager.FillAsync($"#kinds-{fresh}-nameEn", "Mediation");
        await manager.FillAsync($"#kinds-{fresh}-length", "5");
        await manager.ClickAsync("main form button[type=submit]");
        await manager.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await manager.GetAttributeAsync($"#kinds-{fresh}-code", "aria-invalid"));
        Assert.Equal("true", await manager.GetAttributeAsync($"#kinds-{fresh}-length", "aria-invalid"));
        var summary = await manager.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("Längden måste vara 15–240 minuter", summary);
        Assert.Contains("Koden har 2–40 små bokstäver", summary);
        Assert.Equal(version, (await Stored()).Version);
        await Check(manager);

        await manager.FillAsync($"#kinds-{fresh}-code", "mediation");
        await manager.FillAsync($"#kinds-{fresh}-length", "60");
        await manager.FillAsync($"#kinds-{fresh}-buffer", "10");
        await manager.FillAsync($"#kinds-{fresh}-descriptionFi", "Sovittelussa vanhemmat etsivät ratkaisua yhdessä.");
        await manager.FillAsync($"#kinds-{fresh}-descriptionSv", "I medling söker föräldrarna en lösning tillsammans.");
        await manager.FillAsync($"#kinds-{fresh}-descriptionEn", "In mediation the parents look for a solution together.");
        await manager.CheckAsync($"#kinds-{fresh}-Video");
        await manager.CheckAsync($"#kinds-{fresh}-online");
        await manager.UncheckAsync($"#kinds-{paternity}-online");
        await manager.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(manager, "**/staff/settings/kinds?saved=1**");
        Assert.Contains("Sparat", await manager.Locator("[role=status]").InnerTextAsync());
        var added = (await Stored()).Configuration.Type("mediation");
        Assert.NotNull(added);
        Assert.Equal(NodaTime.Duration.FromMinutes(60), added.Length);
        Assert.Equal(NodaTime.Duration.FromMinutes(10), added.BufferAfter);
        Assert.Equal([Modality.InPerson, Modality.Video], added.Modalities);
        Assert.Equal("Medling", added.Name.Sv);
        Assert.False((await Stored()).Configuration.Type("paternity")!.OnlineBookable);

        await parent.ReloadAsync();
        await BrowserApp.Arrived(parent, "**/book?lang=sv");
        Assert.Contains("Medling", await parent.Locator("label[for='type-mediation']").InnerTextAsync());
        Assert.Equal(0, await parent.Locator("#type-paternity").CountAsync());
        await Check(parent);

        // Stale, in Finnish.
        await manager.GotoAsync("/staff/settings/kinds?lang=fi");
        await BrowserApp.Arrived(manager, "**/staff/settings/kinds?lang=fi");
        await Check(manager);
        await SaveMeanwhile();
        var beforeStale = (await Stored()).Version;
        await manager.FillAsync("#kinds-0-length", "45");
        await manager.ClickAsync("main form button[type=submit]");
        var stale = manager.Locator(".settings-stale");
        await stale.WaitForAsync();
        Assert.Contains("Joku muu muutti asetuksia", await stale.InnerTextAsync());
        Assert.Equal(beforeStale, (await Stored()).Version);
        await Check(manager);

        await manager.GotoAsync("/staff/settings?lang=fi");
        await BrowserApp.Arrived(manager, "**/staff/settings?lang=fi");
        Assert.Matches(@"Pekka Heikkinen\s+tapaamislajit", await manager.Locator("table.settings-history tbody").InnerTextAsync());
        await Check(manager);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_manager_adds_a_partner_professional_and_leaves_one_out_a_name_left_empty_is_named_and_a_stale_edit_says_reload()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var manager = await SignedInManager("fi-FI", "fi", "/staff/settings/staff");
        await Check(manager);
        var rows = await manager.Locator("table.settings-table tbody tr").CountAsync();
        var empty = rows - 3;
        var ahmed = (await Stored()).Configuration.Staff.ToList().FindIndex(s => s.Id == DemoUnitIds.Ahmed);

        // A name emptied: named on its row, nothing saved.
        var version = (await Stored()).Version;
        await manager.FillAsync("#staff-0-name", "");
        await manager.ClickAsync("main form button[type=submit]");
        await manager.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await manager.GetAttributeAsync("#staff-0-name", "aria-invalid"));
        Assert.Contains("Kirjoita nimi yhdelle riville", await manager.Locator(".error-summary").InnerTextAsync());
        Assert.Equal(version, (await Stored()).Version);
        await Check(manager);

        await manager.FillAsync("#staff-0-name", "Aino Koskinen-Lahti");
        await manager.FillAsync($"#staff-{empty}-name", "Laura Virtanen");
        await manager.SelectOptionAsync($"#staff-{empty}-role", "PartnerProfessional");
        await manager.FillAsync($"#staff-{empty}-service", "Perheneuvola / Familjerådgivningen");
        await manager.UncheckAsync($"#staff-{ahmed}-active");
        await manager.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(manager, "**/staff/settings/staff?saved=1**");
        var staff = (await Stored()).Configuration.Staff;
        Assert.Equal(rows - 3 + 1, staff.Count);
        Assert.Contains(staff, s => s.DisplayName == "Laura Virtanen" && s.Role == StaffRole.PartnerProfessional && s.Active
            && s.PartnerService == "Perheneuvola / Familjerådgivningen");
        Assert.False(staff.Single(s => s.Id == DemoUnitIds.Ahmed).Active);
        Assert.Equal("Aino Koskinen-Lahti", staff[0].DisplayName);

        // Stale, in Swedish.
        await manager.GotoAsync("/staff/settings/staff?lang=sv");
        await BrowserApp.Arrived(manager, "**/staff/settings/staff?lang=sv");
        await Check(manager);
        await SaveMeanwhile();
        var beforeStale = (await Stored()).Version;
        await manager.CheckAsync($"#staff-{ahmed}-active");
        await manager.ClickAsync("main form button[type=submit]");
        await manager.Locator(".settings-stale").WaitForAsync();
        Assert.Equal(beforeStale, (await Stored()).Version);
        Assert.False((await Stored()).Configuration.Member(DemoUnitIds.Ahmed)!.Active);
        await Check(manager);

        await manager.GotoAsync("/staff/settings?lang=sv");
        await BrowserApp.Arrived(manager, "**/staff/settings?lang=sv");
        Assert.Matches(@"Pekka Heikkinen\s+personal", await manager.Locator("table.settings-history tbody").InnerTextAsync());

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_manager_moves_the_walk_in_to_friday_with_another_supervisor_in_a_room_and_a_reversed_window_is_named()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var manager = await SignedInManager("sv-FI", "sv", "/staff/settings/walk-in");
        await Check(manager);
        var version = (await Stored()).Version;
        await manager.FillAsync("#walkIn-from", "12:00");
        await manager.FillAsync("#walkIn-to", "09:00");
        await manager.ClickAsync("main form button[type=submit]");
        await manager.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await manager.GetAttributeAsync("#walkIn-to", "aria-invalid"));
        Assert.Contains("Mottagningen måste sluta efter att den börjar", await manager.Locator(".error-summary").InnerTextAsync());
        Assert.Equal(version, (await Stored()).Version);
        await Check(manager);

        var satu = await manager.Locator("table.settings-table tbody tr").Filter(new() { HasText = "Satu" }).Locator("input[type=checkbox]").GetAttributeAsync("id");
        await manager.SelectOptionAsync("#walkIn-day", "Friday");
        await manager.FillAsync("#walkIn-from", "09:00");
        await manager.FillAsync("#walkIn-to", "11:00");
        await manager.FillAsync("#walkIn-visit", "20");
        await manager.CheckAsync($"#{satu}");
        await manager.FillAsync($"#{satu!.Replace("-duty", "-room", StringComparison.Ordinal)}", "B 203");
        await manager.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(manager, "**/staff/settings/walk-in?saved=1**");
        var walkIn = (await Stored()).Configuration.WalkIn!;
        Assert.Equal(NodaTime.IsoDayOfWeek.Friday, walkIn.Day);
        Assert.Equal(new NodaTime.LocalTime(11, 0), walkIn.To);
        Assert.Equal(20, walkIn.VisitMinutes);
        Assert.Contains(DemoUnitIds.Satu, walkIn.OnDuty);
        Assert.Equal("B 203", walkIn.RoomOf(DemoUnitIds.Satu));

        await manager.GotoAsync("/staff/settings/walk-in?lang=fi");
        await BrowserApp.Arrived(manager, "**/staff/settings/walk-in?lang=fi");
        await Check(manager);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>Another manager saves a version (no change) while the page is open.</summary>
    private async Task SaveMeanwhile()
    {
        var current = await Stored();
        var saved = await app.Factory.Services.GetRequiredService<UnitSettingsUseCases>()
            .Save(DemoUnitIds.Unit, current.Configuration, current.Version, "Toinen esihenkilö");
        Assert.IsType<SettingsSaved.Saved>(saved);
    }
}
