// The manager's accounts page in chromium: from Settings, the manager adds a child supervisor with a first password; a
// form sent with nothing in it names its fields; the supervisor then signs in and lands on her day. The page passes axe
// in Finnish and in Swedish, with and without errors. (Each rule and action in detail: the API tests of the page.)
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Booking.Kiosk.Tests.Settings;

public sealed class AccountsSettingsPageTests(AccountsSettingsPageTests.App app) : IClassFixture<AccountsSettingsPageTests.App>
{
    public sealed class App : BrowserApp;

    [Fact]
    public async Task The_manager_adds_a_supervisor_who_then_signs_in_and_lands_on_her_day()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var manager = await app.NewSizedPage(1366, 768, "fi-FI");
        await BrowserApp.SignInFromStaff(manager, "pekka", "fi");
        await manager.ClickAsync("nav.staff-nav a[href$='/staff/settings']");
        await BrowserApp.Arrived(manager, "**/staff/settings");
        await manager.ClickAsync("main a[href$='/staff/settings/accounts']");
        await BrowserApp.Arrived(manager, "**/staff/settings/accounts");
        Assert.Equal("Käyttäjätilit", await manager.Locator("h1").InnerTextAsync());
        await Check(manager);

        // Sent empty in Swedish: every field at fault is named, next to it and in the summary.
        await manager.GotoAsync("/staff/settings/accounts?lang=sv");
        await BrowserApp.Arrived(manager, "**/staff/settings/accounts?lang=sv");
        await manager.ClickAsync("section.account-new button[type=submit]");
        await manager.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await manager.GetAttributeAsync("#new-name", "aria-invalid"));
        Assert.Equal("true", await manager.GetAttributeAsync("#new-role", "aria-invalid"));
        Assert.Contains("Välj en roll", await manager.Locator("#new-role-error").InnerTextAsync());
        await Check(manager);

        await manager.FillAsync("#new-name", "Ville Koskinen");
        await manager.SelectOptionAsync("#new-role", "supervisor");
        await manager.FillAsync("#new-user-name", "ville");
        await manager.FillAsync("#new-password", "kolme karhua metsässä");
        await manager.ClickAsync("section.account-new button[type=submit]");
        await BrowserApp.Arrived(manager, new Regex(@"/staff/settings/accounts\?account=[0-9a-f-]+&done=created$"));
        Assert.Contains("Användarkontot är öppnat", await manager.Locator("[role=status]").InnerTextAsync());
        var row = manager.Locator("table.accounts-table tbody tr", new() { HasText = "Ville Koskinen" });
        Assert.Contains("barnatillsyningsman", await row.InnerTextAsync());
        Assert.Contains("I bruk", await row.InnerTextAsync());
        Assert.Equal(0, await manager.Locator("input[type=password][value]").CountAsync());
        await Check(manager);
        await manager.GotoAsync(manager.Url.Replace("?", "?lang=fi&"));
        await BrowserApp.Arrived(manager, new Regex(@"/staff/settings/accounts\?lang=fi&account=[0-9a-f-]+&done=created$"));
        Assert.Contains("Ville Koskinen", await manager.Locator("#change-heading").InnerTextAsync());
        await Check(manager);

        var ville = await app.NewPhonePage();
        await ville.GotoAsync("/staff/day?lang=fi");
        await BrowserApp.Arrived(ville, new Regex(@"/staff/sign-in\?ReturnUrl=%2Fstaff%2Fday(%3Flang%3Dfi)?$"));
        await ville.FillAsync("#userName", "ville");
        await ville.FillAsync("#password", "kolme karhua metsässä");
        await ville.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(ville, new Regex(@"/staff/day(\?lang=fi)?$"));
        Assert.Contains("Kirjautunut: Ville Koskinen (lastenvalvoja)", await ville.Locator(".staff-who").InnerTextAsync());
        Assert.Equal("Päivä", await ville.Locator("nav.staff-nav a[aria-current=page]").InnerTextAsync());
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
