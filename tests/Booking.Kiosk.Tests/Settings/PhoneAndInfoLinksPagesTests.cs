// The manager's phone page and info-link page in chromium: a call-back window added for Aino on Thursday afternoon and
// the phone hours moved show on the parents' call-back pages at once; a window over her bookable hours is named on its
// row; the info-link page refuses an address without https:// on its field and saves a link once corrected; the history
// names both changes; axe-core finds nothing in Finnish or Swedish.
// "Now" is Monday 2026-04-20 09:00 in Helsinki; the demo unit has no call-back window on Thursday.
using Booking.Api.Configuration;
using Booking.Domain.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Booking.Kiosk.Tests.Settings;

public sealed class PhoneAndInfoLinksPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ThursdayAfternoon = "a.time[href*='start=2026-04-23T14']";

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
    public async Task The_manager_adds_a_call_back_window_and_moves_the_phone_hours_and_the_parents_call_back_pages_change()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var parent = await app.NewPhonePage("sv-FI");
        await parent.GotoAsync("/call-back/times?matter=advice&week=2026-04-20&lang=sv");
        await BrowserApp.Arrived(parent, "**/call-back/times**");
        Assert.Equal(0, await parent.Locator(ThursdayAfternoon).CountAsync());

        var manager = await SignedInManager("fi-FI", "fi", "/staff/settings");
        await manager.ClickAsync("main a[href$='/staff/settings/phone']");
        await BrowserApp.Arrived(manager, "**/staff/settings/phone");
        await Check(manager);

        // A window over Aino's bookable Monday morning: named on its row, nothing saved.
        var version = (await Stored()).Version;
        var windows = await manager.Locator("table.call-back-windows tbody tr").CountAsync();
        var empty = windows - 3;
        await manager.SelectOptionAsync($"#window-{empty}-staff", DemoUnitIds.Aino.ToString());
        await manager.SelectOptionAsync($"#window-{empty}-day", "Monday");
        await manager.FillAsync($"#window-{empty}-from", "10:00");
        await manager.FillAsync($"#window-{empty}-to", "11:00");
        await manager.ClickAsync("main form button[type=submit]");
        await manager.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await manager.GetAttributeAsync($"#window-{empty}-from", "aria-invalid"));
        Assert.Contains("Soittoaika osuu lastenvalvojan varattavien aikojen päälle", await manager.Locator(".error-summary").InnerTextAsync());
        Assert.Equal(version, (await Stored()).Version);
        await Check(manager);

        // Thursday 14-15 instead, and Monday's phone hours from 10 to 13.
        await manager.SelectOptionAsync($"#window-{empty}-day", "Thursday");
        await manager.FillAsync($"#window-{empty}-from", "14:00");
        await manager.FillAsync($"#window-{empty}-to", "15:00");
        await manager.FillAsync("#phone-0-from", "10:00");
        await manager.FillAsync("#phone-0-to", "13:00");
        await manager.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(manager, "**/staff/settings/phone?saved=1**");
        Assert.Contains("Tallennettu", await manager.Locator("[role=status]").InnerTextAsync());
        Assert.Contains((await Stored()).Configuration.CallBacksOrDefault.Windows,
            w => w.StaffId == DemoUnitIds.Aino && w.Day == NodaTime.IsoDayOfWeek.Thursday);

        await parent.ReloadAsync();
        await BrowserApp.Arrived(parent, "**/call-back/times**");
        // Four 15-minute call-backs: 14.00, 14.15, 14.30 and 14.45.
        Assert.Equal(4, await parent.Locator(ThursdayAfternoon).CountAsync());
        await parent.GotoAsync("/call-back?lang=sv");
        await BrowserApp.Arrived(parent, "**/call-back?lang=sv");
        Assert.Contains("kl. 10.00–13.00", await parent.Locator(".phone-hours").InnerTextAsync());

        await manager.GotoAsync("/staff/settings/phone?lang=sv");
        await BrowserApp.Arrived(manager, "**/staff/settings/phone?lang=sv");
        Assert.Contains("Telefontider och återuppringningstider", await manager.Locator("h1").InnerTextAsync());
        await Check(manager);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_manager_adds_an_info_link_after_correcting_its_address_and_the_history_names_it()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var manager = await SignedInManager("sv-FI", "sv", "/staff/settings/info-links");
        await Check(manager);
        var sections = await manager.Locator("fieldset.settings-info-link").CountAsync();
        var added = sections - 1;
        await manager.SelectOptionAsync($"#link-{added}-matter", "paternity");
        await manager.FillAsync($"#link-{added}-titleFi", "Isyyden tunnustaminen");
        await manager.FillAsync($"#link-{added}-titleSv", "Erkännande av faderskap");
        await manager.FillAsync($"#link-{added}-titleEn", "Acknowledging paternity");
        await manager.FillAsync($"#link-{added}-url", "www.example.fi/isyys");
        await manager.FillAsync($"#link-{added}-noteSv", "Ta med rådgivningskortet.");
        await manager.ClickAsync("main form button[type=submit]");
        await manager.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await manager.GetAttributeAsync($"#link-{added}-url", "aria-invalid"));
        Assert.Contains("Ange hela adressen som börjar med https://", await manager.Locator(".error-summary").InnerTextAsync());
        await Check(manager);

        await manager.FillAsync($"#link-{added}-url", "https://www.example.fi/isyys");
        await manager.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(manager, "**/staff/settings/info-links?saved=1**");
        Assert.Contains("Sparat", await manager.Locator("[role=status]").InnerTextAsync());
        var links = await app.Factory.Services.GetRequiredService<InfoLinkUseCases>().For(DemoUnitIds.Unit, "paternity");
        Assert.Contains(links, l => l.Url == "https://www.example.fi/isyys" && l.Note.Sv == "Ta med rådgivningskortet.");

        await manager.GotoAsync("/staff/settings?lang=fi");
        await BrowserApp.Arrived(manager, "**/staff/settings?lang=fi");
        Assert.Matches(@"Pekka Heikkinen\s+tietolinkit: lisätty ”Isyyden tunnustaminen”",
            await manager.Locator("table.settings-history tbody").InnerTextAsync());
        await manager.GotoAsync("/staff/settings/info-links?lang=fi");
        await BrowserApp.Arrived(manager, "**/staff/settings/info-links?lang=fi");
        await Check(manager);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
