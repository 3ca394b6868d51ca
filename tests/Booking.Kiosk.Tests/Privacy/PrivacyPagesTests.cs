// The privacy pages in chromium, checked with axe-core in Finnish and Swedish: a parent opens their copy from the
// manage page and downloads it; the manager lists who looked at a family's contact details, and sees the family's
// copy-and-erase page.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Booking.Kiosk.Tests.Secretary;
using Microsoft.Playwright;
using Xunit;

namespace Booking.Kiosk.Tests.Privacy;

public sealed class PrivacyPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_parent_downloads_their_copy_from_the_manage_page_in_Finnish_and_Swedish()
    {
        string token;
        using (var http = app.CreateClient())
        {
            var booked = await http.PostAsJsonAsync("/api/bookings", new
            {
                appointmentType = "advice", modality = "phone", start = "2026-04-22T09:00",
                client = new { name = "Kopio Pyytäjä", email = "kopio.pyytaja@example.fi", phone = "040 765 4321", language = "fi" },
            });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            token = JsonNode.Parse(await booked.Content.ReadAsStringAsync())!["manageToken"]!.GetValue<string>();
        }
        var violations = new List<string>();
        foreach (var (lang, locale, heading) in new[] { ("fi", "fi-FI", "Sinusta tallennetut tiedot"), ("sv", "sv-FI", "Uppgifter som sparats om dig") })
        {
            var page = await app.NewPhonePage(locale);
            await page.GotoAsync($"/booking/{token}?lang={lang}");
            await BrowserApp.Arrived(page, $"**/booking/{token}**");
            violations.AddRange(await BrowserApp.AccessibilityViolations(page));
            await page.ClickAsync($"main a[href*='/booking/{token}/copy']");
            await BrowserApp.Arrived(page, $"**/booking/{token}/copy**");
            Assert.Equal(heading, await page.Locator("h1").InnerTextAsync());
            var main = await page.Locator("main").InnerTextAsync();
            Assert.Contains("Kopio Pyytäjä", main);
            Assert.Contains("kopio.pyytaja@example.fi", main);
            violations.AddRange(await BrowserApp.AccessibilityViolations(page));

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("main a[download]"));
            var json = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
            Assert.Equal("Kopio Pyytäjä", json["people"]![0]!["name"]!.GetValue<string>());
            Assert.Single(json["meetings"]!.AsArray());
            await page.Context.CloseAsync();
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_manager_lists_who_looked_at_a_family_in_Finnish_and_Swedish()
    {
        var secretary = await app.SignIn("leena");
        var created = await secretary.PostAsJsonAsync("/api/families", new
        {
            channel = "phone", matter = "advice", parent = "mother",
            details = new { name = "Katsottu Äiti", email = "katsottu@example.fi", phone = "040 111 2233", language = "fi" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var familyId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["familyId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/families/{familyId}")).StatusCode);

        var page = await ConsoleBrowser.SignedIn(app, "pekka");
        var violations = new List<string>();
        await page.ClickAsync("nav.staff-nav a[href$='/staff/privacy/reads']");
        await BrowserApp.Arrived(page, "**/staff/privacy/reads**");
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        await page.FillAsync("#reads-family", familyId);
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, new Regex(@"/staff/privacy/reads\?family="));
        var table = await page.Locator("main table").InnerTextAsync();
        Assert.Contains("Leena Mäkinen", table);
        Assert.Contains("GET /api/families/{familyId:guid}", table);
        Assert.DoesNotContain("Katsottu", table);
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        await page.GotoAsync($"/staff/privacy/reads?family={familyId}&lang=sv");
        await BrowserApp.Arrived(page, "**/staff/privacy/reads**");
        Assert.Equal("Vem såg kontaktuppgifter", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Leena Mäkinen", await page.Locator("main table").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        // A bad family id is named at its field.
        await page.GotoAsync("/staff/privacy/reads?family=nonsense&lang=sv");
        await BrowserApp.Arrived(page, "**/staff/privacy/reads**");
        Assert.Contains("8-4-4-4-12", await page.Locator("#reads-family-error").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        // The family's copy-and-erase page, from a read's link.
        foreach (var lang in new[] { "fi", "sv" })
        {
            await page.GotoAsync($"/staff/privacy/family/{familyId}?lang={lang}");
            await BrowserApp.Arrived(page, "**/staff/privacy/family/**");
            Assert.Contains("Katsottu Äiti", await page.Locator("main").InnerTextAsync());
            violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
