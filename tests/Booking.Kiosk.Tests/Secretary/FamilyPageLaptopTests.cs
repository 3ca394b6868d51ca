// The family page on a 1366×768 laptop: shorter, with sections that open (details/summary). The parents and meetings are
// open, the contact log and the two side forms closed until asked for (or until they come back with an error); the
// booking is reachable without sideways scrolling; a summary opens by keyboard; axe-core passes in Finnish and Swedish.
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using static Booking.Kiosk.Tests.Secretary.ConsoleBrowser;

namespace Booking.Kiosk.Tests.Secretary;

public sealed class FamilyPageLaptopTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_family_page_at_1366x768_opens_its_sections_by_keyboard_reopens_a_form_with_its_error_and_passes_axe()
    {
        var api = await app.SignIn("leena");
        var logged = await api.PostAsJsonAsync("/api/families", new
        {
            channel = "phone", matter = "advice", parent = "mother",
            details = new { name = "Laura Läppäri", email = "laura.lappari@example.fi", phone = "040 222 3333", language = "fi" },
            otherParentRole = "father",
            otherParent = new { name = "Lars Läppäri", email = "lars.lappari@example.fi", phone = "050 444 5555", language = "sv" },
        });
        var family = JsonNode.Parse(await logged.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(logged.IsSuccessStatusCode, family.ToJsonString());
        var familyId = family["familyId"]!.ToString();

        var violations = new List<string>();
        foreach (var lang in new[] { "fi", "sv" })
        {
            var page = await SignedIn(app, "leena", 1366, 768);
            await page.GotoAsync($"/staff/console/family/{familyId}?lang={lang}");
            await BrowserApp.Arrived(page, $"**/staff/console/family/{familyId}?lang={lang}");
            await AssertNoSidewaysScroll(page);

            // Open at first: parents and meetings; closed: the contact log, info links and a later contact.
            Assert.True(await page.Locator("details:has(#parents-heading)").EvaluateAsync<bool>("d => d.open"));
            Assert.True(await page.Locator("details:has(#meetings-heading)").EvaluateAsync<bool>("d => d.open"));
            foreach (var closed in new[] { "#contacts-heading", "#links-heading", "#later-heading" })
                Assert.False(await page.Locator($"details:has({closed})").EvaluateAsync<bool>("d => d.open"), closed);
            Assert.False(await page.Locator("#later-heading ~ *, details:has(#later-heading) form").First.IsVisibleAsync());
            violations.AddRange(await BrowserApp.AccessibilityViolations(page));

            // Shorter: everything open takes more room than the page as it comes.
            var shut = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
            var opened = await page.EvaluateAsync<int>(
                "() => { const d = [...document.querySelectorAll('details.opens')]; const was = d.map(x => x.open); d.forEach(x => x.open = true); " +
                "const h = document.documentElement.scrollHeight; d.forEach((x, i) => x.open = was[i]); return h; }");
            Assert.True(shut < opened, $"{shut} px as it comes, {opened} px all open");

            // By keyboard: the contact log's summary takes focus and Enter opens it; the logged phone call is there.
            var summary = page.Locator("details:has(#contacts-heading) > summary");
            await summary.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            Assert.True(await page.Locator("details:has(#contacts-heading)").EvaluateAsync<bool>("d => d.open"));
            await Expect(page.Locator("details:has(#contacts-heading) table tbody tr")).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Space");
            Assert.False(await page.Locator("details:has(#contacts-heading)").EvaluateAsync<bool>("d => d.open"));

            // A later contact sent with nothing filled in: the page comes back with that section open and its errors.
            await page.Locator("details:has(#later-heading) > summary").ClickAsync();
            await Submit(page, "details:has(#later-heading) form button[type=submit]");
            Assert.True(await page.Locator("details:has(#later-heading)").EvaluateAsync<bool>("d => d.open"), page.Url);
            Assert.True(await page.Locator("details:has(#later-heading) .error-summary").IsVisibleAsync());
            Assert.False(await page.Locator("details:has(#links-heading)").EvaluateAsync<bool>("d => d.open"));
            await AssertNoSidewaysScroll(page);
            violations.AddRange(await BrowserApp.AccessibilityViolations(page));
            await page.Context.CloseAsync();
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
