// The staff's week of bookings: every booking opens the meeting's page for whoever may change it, and the week narrows to
// a parent's name, phone digits, email or a booking reference, with a clear "none" and a field error; used by keyboard
// only, and axe-core (WCAG 2.1 AA) passes in Finnish and Swedish. A supervisor opens and finds only the meetings they hold.
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Booking.Kiosk.Tests.Secretary;
using Microsoft.Playwright;
using Xunit;
using static Booking.Kiosk.Tests.Secretary.ConsoleBrowser;

namespace Booking.Kiosk.Tests.Staff;

public sealed class WeekPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly (string User, Guid Id)[] Supervisors =
    [
        ("aino", Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000101")),
        ("mikael", Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000102")),
    ];

    private static async Task<JsonObject> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task The_week_opens_each_booking_narrows_to_a_search_says_when_nothing_matches_and_passes_axe_in_finnish_and_swedish()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        // Given: an online booking on Wednesday 22 April, and a family the secretary books with a kept supervisor (another one).
        var online = await Json(await app.CreateClient().PostAsJsonAsync("/api/bookings", new
        {
            appointmentType = "advice", modality = "inPerson", start = "2026-04-22T09:00",
            client = new { name = "Sara Sundström", email = "sara.sundstrom@example.fi", phone = "040 999 8888", language = "sv" },
        }));
        var onlineId = Guid.Parse(online["appointmentId"]!.ToString());
        var api = await app.SignIn("leena");
        var onlineMeeting = await Json(await api.GetAsync($"/api/staff/meetings/{onlineId}"));
        var onlineSupervisor = Guid.Parse(onlineMeeting["supervisor"]!["staffId"]!.ToString());
        var (keptUser, keptId) = Supervisors.First(s => s.Id != onlineSupervisor);
        var family = await Json(await api.PostAsJsonAsync("/api/families", new
        {
            channel = "phone", matter = "advice", parent = "mother",
            details = new { name = "Helmi Hakala", email = "helmi.hakala@example.fi", phone = "040 111 2222", language = "fi" },
        }));
        var mother = family["parents"]!.AsArray().Single(p => p!["role"]!.ToString() == "mother")!["clientId"]!.ToString();
        var kept = await Json(await api.PostAsJsonAsync($"/api/families/{family["familyId"]}/bookings", new
        {
            appointmentType = "advice", modality = "inPerson", starts = new[] { "2026-04-22T13:00" }, clientId = mother,
            keepSupervisor = keptId, keepReason = "ongoingCase",
        }));
        var keptMeeting = kept["meetings"]!.AsArray()[0]!;
        var keptAppointment = Guid.Parse(keptMeeting["appointmentId"]!.ToString());

        // The secretary's week: both bookings, each a link to its meeting page.
        var page = await SignedIn(app, "leena", 1366, 768);
        await page.GotoAsync("/staff?week=2026-04-20&lang=fi");
        await BrowserApp.Arrived(page, "**/staff?week=2026-04-20&lang=fi");
        Assert.Equal(2, await page.Locator("table.week-table tbody tr").CountAsync());
        Assert.Equal(2, await page.Locator("table.week-table tbody a").CountAsync());
        await Check(page);

        // By keyboard: into the search field, a name and Enter; one booking, announced in the status line.
        await page.FocusAsync("#week-q");
        await page.Keyboard.TypeAsync("hakala");
        await page.EvaluateAsync("() => { document.body.dataset.before = 'submit'; }");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("body:not([data-before]) footer.site-footer").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(1, await page.Locator("table.week-table tbody tr").CountAsync());
        Assert.Contains("1 varaus", await page.Locator("#week-count[role=status]").InnerTextAsync());
        await Check(page);

        // Tab from the search to the booking's link and Enter: the meeting's page.
        var link = page.Locator("table.week-table tbody a");
        await link.FocusAsync();
        Assert.True(await link.EvaluateAsync<bool>("a => a === document.activeElement"));
        await page.Keyboard.PressAsync("Enter");
        await BrowserApp.Arrived(page, $"**/staff/meetings/{keptAppointment}**");
        Assert.Contains("Helmi Hakala", await page.Locator("main").InnerTextAsync());

        // By phone digits, by email, and by the reference: each finds its own booking only.
        foreach (var (q, id) in new[] { ("0409998888", onlineId), ("SARA.sundstrom@", onlineId), (Reference(keptAppointment), keptAppointment),
                     (Reference(onlineId)[3..].ToLowerInvariant(), onlineId) })
        {
            await page.GotoAsync($"/staff?week=2026-04-20&lang=fi&q={Uri.EscapeDataString(q)}");
            await BrowserApp.Arrived(page, new Regex(@"/staff\?"));
            var hrefs = await page.Locator("table.week-table tbody a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
            Assert.True(hrefs.Length == 1 && hrefs[0].Contains(id.ToString()), $"{q}: {string.Join(", ", hrefs)}");
        }

        // Nothing matches: said in words, no table; in Swedish too.
        await page.GotoAsync("/staff?week=2026-04-20&lang=sv&q=Ingen%20s%C3%A5dan");
        await BrowserApp.Arrived(page, new Regex(@"/staff\?"));
        Assert.Equal(0, await page.Locator("table.week-table").CountAsync());
        Assert.Contains("gav inga bokningar", await page.Locator("#week-count .no-results").InnerTextAsync());
        await Check(page);
        await page.ClickAsync("a.week-search-clear");
        await BrowserApp.Arrived(page, new Regex(@"/staff\?week=2026-04-20"));
        Assert.Equal(2, await page.Locator("table.week-table tbody tr").CountAsync());
        await Check(page);

        // A control character is refused before the page (a 400 naming the field, never a 500).
        var control = await page.GotoAsync("/staff?week=2026-04-20&lang=fi&q=%01ab");
        Assert.Equal(400, control!.Status);
        Assert.Contains("\"q\"", await control.TextAsync());

        // One character, or 101: the field says what it needs; the week is not shown as "no results".
        foreach (var bad in new[] { "a", new string('x', 101) })
        {
            await page.GotoAsync($"/staff?week=2026-04-20&lang=fi&q={bad}");
            await BrowserApp.Arrived(page, new Regex(@"/staff\?"));
            Assert.Equal("true", await page.GetAttributeAsync("#week-q", "aria-invalid"));
            Assert.Contains("2–100", await page.Locator("#week-q-error").InnerTextAsync());
            Assert.Equal(0, await page.Locator(".no-results").CountAsync());
        }
        await Check(page);

        // The kept supervisor sees both bookings but opens only their own, and a parent's name finds only their own.
        var supervisor = await SignedIn(app, keptUser, 1366, 768);
        await supervisor.GotoAsync("/staff?week=2026-04-20&lang=fi");
        await BrowserApp.Arrived(supervisor, new Regex(@"/staff\?"));
        Assert.Equal(2, await supervisor.Locator("table.week-table tbody tr").CountAsync());
        var theirs = await supervisor.Locator("table.week-table tbody a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.True(theirs.Length == 1 && theirs[0].Contains(keptAppointment.ToString()), string.Join(", ", theirs));
        await supervisor.GotoAsync("/staff?week=2026-04-20&lang=fi&q=sundstr%C3%B6m");
        await BrowserApp.Arrived(supervisor, new Regex(@"/staff\?"));
        Assert.Equal(0, await supervisor.Locator("table.week-table").CountAsync());
        await supervisor.GotoAsync($"/staff?week=2026-04-20&lang=fi&q={Reference(onlineId)}");
        await BrowserApp.Arrived(supervisor, new Regex(@"/staff\?"));
        Assert.Equal(1, await supervisor.Locator("table.week-table tbody tr").CountAsync());
        Assert.Equal(0, await supervisor.Locator("table.week-table tbody a").CountAsync());
        await Check(supervisor);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static string Reference(Guid id) => $"BK-{id.ToString("N")[..8].ToUpperInvariant()}";
}
