// The sign-in page is throttled like the API's door: five wrong passwords lock the account even for the right one, in
// the person's language, until the manager lifts it. A supervisor sent to a page for another role lands on a page that
// says so in their language (403). Both pages pass axe in Finnish and Swedish.
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Booking.Api.Configuration;
using Xunit;

namespace Booking.Kiosk.Tests;

public sealed class StaffAccountPagesTests(StaffAccountPagesTests.App app) : IClassFixture<StaffAccountPagesTests.App>
{
    public sealed class App : BrowserApp;

    [Fact]
    public async Task Five_wrong_passwords_on_the_sign_in_page_lock_the_account_until_the_manager_lifts_it()
    {
        var page = await app.NewPhonePage("sv-FI");
        await page.GotoAsync("/staff/sign-in?lang=sv");
        var violations = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await page.FillAsync("#userName", "satu");
            await page.FillAsync("#password", $"fel lösenord {i}");
            await page.ClickAsync("main form button[type=submit]");
            await page.Locator("[role=alert]").WaitForAsync();
            Assert.Contains("lösenordet är fel", await page.Locator("[role=alert]").InnerTextAsync());
        }
        await page.FillAsync("#userName", "satu");
        await page.FillAsync("#password", "satu-demo-2026");
        await page.ClickAsync("main form button[type=submit]");
        await page.Locator("[role=alert]").WaitForAsync();
        Assert.Contains("För många felaktiga lösenord", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.EndsWith("/staff/sign-in?lang=sv", page.Url);
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        using (var manager = await app.SignIn("pekka"))
        {
            var lifted = await manager.PostAsync($"/api/staff/accounts/{DemoUnitIds.Satu}/unlock", null);
            Assert.Equal(System.Net.HttpStatusCode.OK, lifted.StatusCode);
        }
        await page.FillAsync("#userName", "satu");
        await page.FillAsync("#password", "satu-demo-2026");
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, new Regex(@"/staff(\?lang=sv)?$"));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task A_supervisor_sent_to_the_secretarys_console_gets_a_page_in_their_language_that_says_they_have_no_access()
    {
        var page = await app.NewPhonePage();
        await page.GotoAsync("/staff/sign-in?lang=fi");
        await page.FillAsync("#userName", "aino");
        await page.FillAsync("#password", "aino-demo-2026");
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, new Regex(@"/staff(\?lang=fi)?$"));

        var response = await page.GotoAsync("/staff/console");
        Assert.Equal(403, response!.Status);
        // The no-access page is shown at the address asked for (the status page), not after a redirect.
        Assert.EndsWith("/staff/console", page.Url);
        Assert.Equal("Ei käyttöoikeutta", await page.Locator("h1").InnerTextAsync());
        var violations = new List<string>(await BrowserApp.AccessibilityViolations(page));

        await page.GotoAsync("/staff/access-denied?lang=sv");
        Assert.Equal("Ingen behörighet", await page.Locator("h1").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        await page.ClickAsync("main a.button");
        await BrowserApp.Arrived(page, new Regex(@"/staff$"));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private async Task<Microsoft.Playwright.IPage> SignedIn(string user, string lang)
    {
        var page = await app.NewPhonePage();
        await page.GotoAsync($"/staff/sign-in?lang={lang}");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", $"{user}-demo-2026");
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, new Regex($@"/staff(\?lang={lang})?$"));
        return page;
    }

    [Fact]
    public async Task Every_staff_page_has_a_bar_with_the_pages_of_the_role_the_name_and_sign_out()
    {
        var violations = new List<string>();
        var leena = await SignedIn("leena", "fi");
        await leena.GotoAsync("/staff/day");
        var bar = leena.Locator("nav.staff-nav");
        Assert.Equal(1, await bar.Locator("a[href$='/staff/console']").CountAsync());
        Assert.Equal(0, await bar.Locator("a[href$='/staff/evenings']").CountAsync());
        Assert.Equal("Päivä", await bar.Locator("a[aria-current=page]").InnerTextAsync());
        Assert.Contains("Leena Mäkinen", await leena.Locator(".staff-who").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(leena));

        var pekka = await SignedIn("pekka", "sv");
        await pekka.GotoAsync("/staff/walk-in?lang=sv");
        bar = pekka.Locator("nav.staff-nav");
        Assert.Equal(0, await bar.Locator("a[href$='/staff/console']").CountAsync());
        Assert.Equal("Öppen mottagning", await bar.Locator("a[aria-current=page]").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(pekka));
        await bar.Locator("a[href$='/staff/evenings']").ClickAsync();
        await BrowserApp.Arrived(pekka, "**/staff/evenings");
        await pekka.ClickAsync(".staff-who button[type=submit]");
        await BrowserApp.Arrived(pekka, "**/staff/sign-in");
        await pekka.GotoAsync("/staff/evenings");
        await BrowserApp.Arrived(pekka, "**/staff/sign-in**");
        Assert.Equal(0, await pekka.Locator("nav.staff-nav").CountAsync());
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_supervisors_day_prints_on_one_A4_page_without_the_staff_bar_or_forms()
    {
        using (var http = app.CreateClient())
            foreach (var start in new[] { "2026-04-21T08:30", "2026-04-21T09:00", "2026-04-21T09:30", "2026-04-21T10:00", "2026-04-21T10:30" })
            {
                var booked = await http.PostAsJsonAsync("/api/bookings", new
                {
                    appointmentType = "advice", modality = "phone", start,
                    client = new { name = "Kalle Testinen", email = "kalle@example.fi", phone = "0401234567", language = "fi" },
                });
                // The unit picks the supervisor: some of these land on Aino's day, which is what is printed.
                Assert.True((int)booked.StatusCode is 201 or 200 or 409, await booked.Content.ReadAsStringAsync());
            }
        var aino = await SignedIn("aino", "fi");
        await aino.GotoAsync("/staff/day?date=2026-04-21");
        await aino.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.False(await aino.Locator("nav.staff-nav").IsVisibleAsync());
        Assert.False(await aino.Locator(".day-team").IsVisibleAsync());
        // Printed, the day is its print sheet (the page's title on it), not the screen's heading and forms.
        Assert.True(await aino.Locator(".day-print-title").IsVisibleAsync());
        Assert.False(await aino.Locator("form").First.IsVisibleAsync());
        var pdf = await aino.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        var pages = Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.Equal(1, pages);
    }
}
