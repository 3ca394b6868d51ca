// Single sign-on end to end in chromium against a real OpenID Connect provider (OpenIddict, started by the fixture): a
// supervisor whose provider user name the manager linked to her account signs in through the provider and lands on her
// day, in Finnish and in Swedish; someone with no linked account and someone whose account is disabled are refused on a
// page in their language and get no staff session. Our pages on the way pass axe in both languages.
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Booking.Api.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Xunit;

namespace Booking.Kiosk.Tests.SingleSignOn;

public sealed class SingleSignOnPagesTests(SingleSignOnPagesTests.App app) : IClassFixture<SingleSignOnPagesTests.App>
{
    public sealed class App : BrowserApp
    {
        public TestOidcProvider Provider { get; private set; } = null!;

        // The provider must be running before the service starts (its settings name it): start it first.
        protected override async Task<string> CreateDatabaseAsync()
        {
            Provider = await TestOidcProvider.StartAsync(() => [new Uri(ServerAddress, "/staff/sso/callback").ToString()]);
            return await base.CreateDatabaseAsync();
        }

        protected override void ConfigureHost(IWebHostBuilder host)
        {
            host.UseSetting("SingleSignOn:Authority", Provider.Authority.ToString());
            host.UseSetting("SingleSignOn:ClientId", TestOidcProvider.ClientId);
            host.UseSetting("SingleSignOn:AccountClaim", "preferred_username");
            host.UseSetting("SingleSignOn:RequireHttpsMetadata", "false");
        }

        protected override async Task DropDatabaseAsync()
        {
            await Provider.DisposeAsync();
            await base.DropDatabaseAsync();
        }
    }

    private async Task Link(Guid staffId, string externalId)
    {
        using var manager = await app.SignIn("pekka");
        var set = await manager.PostAsJsonAsync($"/api/staff/accounts/{staffId}/external-id", new { externalId });
        Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
    }

    /// <summary>From the sign-in page (checked with axe) through the provider's login form as <paramref name="user"/>.</summary>
    private static async Task ThroughTheProvider(IPage page, string user, List<string> violations)
    {
        await page.Locator("#sso").WaitForAsync();
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        // The first sign-in also fetches the provider's metadata: on a busy test machine that takes a while.
        await page.ClickAsync("#sso", new() { Timeout = 90_000 });
        await page.WaitForURLAsync(new Regex("^http://localhost:\\d+/connect/authorize"), new() { Timeout = 90_000 });
        await page.FillAsync("#test_user", user);
        await page.ClickAsync("button[type=submit]");
    }

    [Theory]
    [InlineData("fi", "Kirjautunut: Aino Virtanen")]
    [InlineData("sv", "Inloggad: Aino Virtanen")]
    public async Task A_supervisor_linked_by_the_manager_signs_in_through_the_provider_and_lands_on_her_day(string lang, string signedIn)
    {
        await Link(DemoUnitIds.Aino, "Aino.Virtanen@kunta.example");
        var page = await app.NewSizedPage(1366, 768);
        var violations = new List<string>();
        await page.GotoAsync($"/staff/sign-in?lang={lang}");
        await page.GotoAsync("/staff/day");
        await BrowserApp.Arrived(page, new Regex(@"/staff/sign-in\?ReturnUrl=%2Fstaff%2Fday$"));

        // The provider's user name is compared without case.
        await ThroughTheProvider(page, "aino.virtanen@KUNTA.example", violations);

        await BrowserApp.Arrived(page, new Regex(@"^http://127\.0\.0\.1:\d+/staff/day$"));
        Assert.Contains(signedIn, await page.Locator(".staff-who").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        // The session is the same as a password sign-in's: the API knows her and her role.
        var me = await page.APIRequest.GetAsync("/api/staff/me");
        Assert.Equal(200, me.Status);
        Assert.Contains("\"role\":\"supervisor\"", await me.TextAsync());
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Someone_with_no_linked_account_and_someone_whose_account_is_disabled_are_refused_in_their_language()
    {
        var violations = new List<string>();
        var stranger = await app.NewPhonePage();
        await stranger.GotoAsync("/staff/sign-in?lang=fi");
        await ThroughTheProvider(stranger, "ulkopuolinen@kunta.example", violations);
        await BrowserApp.Arrived(stranger, new Regex(@"/staff/sso/refused\?reason=unknown&lang=fi$"));
        Assert.Equal("Kirjautuminen ei onnistunut", await stranger.Locator("h1").InnerTextAsync());
        Assert.Contains("ei ole liitetty", await stranger.Locator("[role=alert]").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(stranger));
        Assert.Equal(401, (await stranger.APIRequest.GetAsync("/api/staff/me")).Status);

        await Link(DemoUnitIds.Satu, "satu.korhonen@kunta.example");
        using (var manager = await app.SignIn("pekka"))
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/staff/accounts/{DemoUnitIds.Satu}/disable", null)).StatusCode);
        try
        {
            var disabled = await app.NewPhonePage("sv-FI");
            await disabled.GotoAsync("/staff/sign-in?lang=sv");
            await ThroughTheProvider(disabled, "satu.korhonen@kunta.example", violations);
            await BrowserApp.Arrived(disabled, new Regex(@"/staff/sso/refused\?reason=disabled&lang=sv$"));
            Assert.Equal("Inloggningen lyckades inte", await disabled.Locator("h1").InnerTextAsync());
            Assert.Contains("avstängt", await disabled.Locator("[role=alert]").InnerTextAsync());
            violations.AddRange(await BrowserApp.AccessibilityViolations(disabled));
            Assert.Equal(401, (await disabled.APIRequest.GetAsync("/api/staff/me")).Status);
            await disabled.GotoAsync("/staff/day");
            await BrowserApp.Arrived(disabled, new Regex(@"/staff/sign-in\?ReturnUrl=%2Fstaff%2Fday$"));
        }
        finally
        {
            using var manager = await app.SignIn("pekka");
            await manager.PostAsync($"/api/staff/accounts/{DemoUnitIds.Satu}/enable", null);
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
