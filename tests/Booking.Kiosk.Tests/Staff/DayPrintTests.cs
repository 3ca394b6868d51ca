// The supervisor's day on paper: a full day (every free time of Aino's long Wednesday booked) prints on one A4 page with
// times, kinds, how and where, and booking references, without navigation, forms or contacts; in Finnish and Swedish.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Booking.Kiosk.Tests.Secretary.ConsoleBrowser;

namespace Booking.Kiosk.Tests.Staff;

public sealed class DayPrintTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task<JsonObject> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The pages of a PDF as Chromium writes it (each page an object of type /Page).</summary>
    private static int Pages(byte[] pdf) => Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![s\w])").Count;

    [Fact]
    public async Task A_full_day_prints_on_one_A4_page_with_times_kinds_places_and_references_and_no_navigation()
    {
        // Given: every start of Aino's Wednesday that is still free is booked for her (meetings of 30 minutes and their buffers).
        var api = await app.SignIn("leena");
        var family = await Json(await api.PostAsJsonAsync("/api/families", new
        {
            channel = "phone", matter = "advice", parent = "mother",
            details = new { name = "Pirjo Paperi", email = "pirjo.paperi@example.fi", phone = "040 555 1212", language = "fi" },
        }));
        var mother = family["parents"]!.AsArray().Single(p => p!["role"]!.ToString() == "mother")!["clientId"]!.ToString();
        var free = await Json(await api.GetAsync($"/api/staff/free-times?type=advice&modality=inPerson&from=2026-04-22&to=2026-04-22&supervisor={Aino}"));
        var booked = new List<string>();
        foreach (var start in free["times"]!.AsArray().Select(t => t!["start"]!.ToString()[..16]))
        {
            var answer = await api.PostAsJsonAsync($"/api/families/{family["familyId"]}/bookings", new
            {
                appointmentType = "advice", modality = booked.Count % 3 == 0 ? "phone" : "inPerson", starts = new[] { start }, clientId = mother,
                keepSupervisor = Aino, keepReason = "ongoingCase",
            });
            if (answer.StatusCode == HttpStatusCode.Created) booked.Add(start);
            else Assert.True((int)answer.StatusCode is 409 or 422, await answer.Content.ReadAsStringAsync());
        }
        Assert.True(booked.Count >= 12, $"only {booked.Count} meetings: not a full day");

        var violations = new List<string>();
        foreach (var lang in new[] { "fi", "sv" })
        {
            var page = await SignedIn(app, "aino", 1366, 768);
            await page.GotoAsync($"/staff/day?date=2026-04-22&lang={lang}");
            await page.Locator("footer.site-footer").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            // On screen: the day as it always was, the sheet hidden (axe reads the screen).
            Assert.False(await page.Locator(".day-print-sheet").IsVisibleAsync());
            Assert.Equal(booked.Count, await page.Locator("ol.day-meetings > li").CountAsync());
            violations.AddRange(await BrowserApp.AccessibilityViolations(page));

            // On paper: one A4 page.
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
            Assert.Equal(1, Pages(pdf));

            // What is on it: every meeting with its time, kind, how or where and reference; no navigation, forms or contacts.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            Assert.True(await page.Locator(".day-print-sheet").IsVisibleAsync());
            foreach (var hidden in new[] { "nav.staff-nav", ".site-header", ".site-footer", ".day-page", "form" })
                Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), $"{hidden} is printed");
            var rows = page.Locator("table.day-print tbody tr");
            Assert.Equal(booked.Count, await rows.CountAsync());
            var first = await rows.First.InnerTextAsync();
            var firstStart = booked[0][11..].TrimStart('0');
            Assert.Matches(Regex.Escape(firstStart).Replace(":", "[.:]") + "–", first);
            Assert.Matches(@"BK-[0-9A-F]{8}", first);
            var sheet = await page.Locator(".day-print-sheet").InnerTextAsync();
            Assert.Contains(lang == "fi" ? "Puhelin" : "Telefon", sheet);
            Assert.DoesNotContain("Pirjo", sheet);
            Assert.DoesNotContain("040 555", sheet);
            await page.Context.CloseAsync();
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
