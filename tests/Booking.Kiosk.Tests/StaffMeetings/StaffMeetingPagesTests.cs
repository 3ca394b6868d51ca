// The office secretary changes meetings from her pages: she finds a joint pair meeting by the family's name and moves it
// (Aino and Riikka both free at the new time), and in Swedish finds an online booking by the parent's email and cancels
// it; a form sent without a reason names the field. axe-core (WCAG 2.1 AA) passes on every state, in Finnish and Swedish.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using static Booking.Kiosk.Tests.Secretary.ConsoleBrowser;

namespace Booking.Kiosk.Tests.StaffMeetings;

public sealed class StaffMeetingPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly Guid Riikka = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000401");

    private static async Task<JsonObject> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task The_secretary_moves_a_pair_meeting_and_cancels_another_and_the_pages_pass_axe_in_finnish_and_swedish()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        // Given: a joint pair meeting on Wednesday 13 May at 16.00 (Aino's evening, Riikka's offered hours), and an online booking.
        var api = await app.SignIn("leena");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/staff/offered-hours",
            new { staffId = Riikka, date = "2026-05-13", from = "16:00", to = "19:00" })).StatusCode);
        var family = await Json(await api.PostAsJsonAsync("/api/families", new
        {
            channel = "phone", matter = "agreement-60", parent = "mother",
            details = new { name = "Helmi Hakala", email = "helmi.hakala@example.fi", phone = "040 111 2222", language = "fi" },
            otherParentRole = "father",
            otherParent = new { name = "Henrik Hakala", email = "henrik.hakala@example.fi", phone = "050 333 4444", language = "sv" },
        }));
        var mother = family["parents"]!.AsArray().Single(p => p!["role"]!.ToString() == "mother")!["clientId"]!.ToString();
        await Json(await api.PostAsJsonAsync($"/api/families/{family["familyId"]}/bookings", new
        {
            appointmentType = "pair-meeting", modality = "inPerson", starts = new[] { "2026-05-13T16:00" }, clientId = mother, joint = true,
            secondProfessional = Riikka,
        }));
        await Json(await app.CreateClient().PostAsJsonAsync("/api/bookings", new
        {
            appointmentType = "advice", modality = "inPerson", start = "2026-04-22T09:00",
            client = new { name = "Sara Sundström", email = "sara.sundstrom@example.fi", phone = "040 999 8888", language = "sv" },
        }));

        // The pair meeting is found by the family's name and moved to 17.00.
        var page = await SignedIn(app, "leena");
        await page.GotoAsync("/staff/meetings?lang=fi");
        await BrowserApp.Arrived(page, "**/staff/meetings?lang=fi");
        await Check(page);
        await page.FillAsync("#meeting-q", "hakala");
        await Submit(page, "form[role=search] button[type=submit]");
        await Expect(page.Locator("#results-heading")).ToContainTextAsync("Löytyi 1 tapaaminen");
        await Check(page);
        await page.ClickAsync(".meeting-results a");
        await BrowserApp.Arrived(page, "**/staff/meetings/*");
        await Expect(page.Locator("#meeting-facts")).ToContainTextAsync("Riikka Salo");
        await Expect(page.Locator("#meeting-facts")).ToContainTextAsync("Henrik Hakala");
        await Check(page);

        // Sent without a reason, the form names the field and nothing moves.
        await page.FillAsync("#move-start", "2026-05-13T17:00");
        await Submit(page, "form:has(#move-start) button[type=submit]");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Valitse syy.");
        Assert.Equal("true", await page.GetAttributeAsync("#move-reason", "aria-invalid"));
        await Check(page);

        await page.FillAsync("#move-start", "2026-05-13T17:00");
        await page.SelectOptionAsync("#move-reason", "FamilyAsked");
        await page.FillAsync("#move-note", "Äiti pääsee vasta viideltä.");
        await page.ClickAsync("form:has(#move-start) button[type=submit]");
        await BrowserApp.Arrived(page, "**/staff/meetings/*?done=moved");
        await Expect(page.Locator("#meeting-done")).ToContainTextAsync("Tapaaminen siirrettiin");
        await Expect(page.Locator("h1")).ToContainTextAsync("klo 17.00–18.30");
        await Check(page);
        await Screenshot(page, "meeting-moved");

        // In Swedish: the online booking found by the parent's email and cancelled.
        await page.GotoAsync("/staff/meetings?lang=sv&q=sara.sundstrom");
        await Expect(page.Locator("#results-heading")).ToContainTextAsync("1 möte hittades");
        await Check(page);
        await page.ClickAsync(".meeting-results a");
        await BrowserApp.Arrived(page, "**/staff/meetings/*");
        await Check(page);
        await page.SelectOptionAsync("#cancel-reason", "StaffAbsent");
        await page.ClickAsync("form:has(#cancel-reason) button[type=submit]");
        await BrowserApp.Arrived(page, "**/staff/meetings/*?done=cancelled");
        await Expect(page.Locator("#meeting-done")).ToContainTextAsync("Mötet avbokades");
        await Expect(page.Locator("#meeting-status")).ToContainTextAsync("Avbokad");
        await Check(page);

        Assert.Empty(violations);
        var found = JsonNode.Parse(await api.GetStringAsync("/api/staff/meetings?q=hakala"))!.AsArray();
        Assert.Equal("2026-05-13T17:00:00", Assert.Single(found)!["start"]!.ToString());
    }
}
