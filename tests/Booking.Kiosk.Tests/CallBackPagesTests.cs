// Call-backs and phone hours in Debian's chromium: a parent reserves a call-back in Swedish on a phone-sized screen, the
// start page and the kiosk show the phone hours, and a supervisor marks her call-backs on the staff list. Every page is
// checked with axe-core for WCAG 2.1 AA. "Now" is Monday 2026-04-20 09:00 in Helsinki unless a test moves it; the demo
// unit's windows are Satu Monday and Wednesday 14-15, Mikael and Johanna Tuesday 13-14.
using System.Net.Http.Json;
using Booking.Testing;
using Microsoft.Playwright;
using NodaTime;
using Xunit;

namespace Booking.Kiosk.Tests;

public sealed class CallBackPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_parent_reserves_a_call_back_in_Swedish_on_a_phone_and_can_cancel_it_and_every_step_passes_axe()
    {
        app.Clock.Reset(BookingApp.DefaultNow);
        var page = await app.NewPhonePage("sv-FI");
        var violations = new List<string>();
        async Task Check() => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        await page.GotoAsync("/?lang=sv");
        await page.ClickAsync("a.action-card[href*='call-back']");
        await BrowserApp.Arrived(page, "**/call-back**");
        Assert.Contains("Boka en telefontid", await page.Locator("h1").InnerTextAsync());
        await Check();

        await page.ClickAsync("main form button[type=submit]");
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#matter-advice", "aria-invalid"));
        await Check();
        await page.CheckAsync("#matter-agreement");
        await page.ClickAsync("main form button[type=submit]");

        await BrowserApp.Arrived(page, "**/call-back/times**");
        await Check();
        var firstTime = page.Locator("ul.times a.time").First;
        Assert.Contains("13.00", await firstTime.InnerTextAsync());
        await firstTime.ClickAsync();

        await BrowserApp.Arrived(page, "**/call-back/details**");
        Assert.Equal("true", await page.IsCheckedAsync("#language-sv") ? "true" : "false");
        await page.FillAsync("#phone", "12");
        await page.FillAsync("#email", "inte-en-adress");
        await page.ClickAsync("main form button[type=submit]");
        await page.Locator(".error-summary a[href$='#phone']").WaitForAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#phone", "aria-invalid"));
        Assert.Equal("true", await page.GetAttributeAsync("#email", "aria-invalid"));
        await Check();

        await page.FillAsync("#email", "astrid.telefontid@example.fi");
        await page.FillAsync("#phone", "+358 50 765 4321");
        await page.FillAsync("#name", "Astrid");
        await page.ClickAsync("main form button[type=submit]");

        await BrowserApp.Arrived(page, "**/call-back/*?new=1**");
        Assert.Contains("Telefontiden är bokad", await page.Locator(".notice-success").InnerTextAsync());
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Avtal", main);
        Assert.Contains("13.00–13.15", main);
        Assert.Contains("Svenska", main);
        // The optional email was kept with the number, so the confirmation also goes there.
        await using (var connection = new Npgsql.NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("select count(*) from client_contacts where email = 'astrid.telefontid@example.fi'", connection);
            Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
        }
        Assert.DoesNotContain("Mikael", main);
        Assert.DoesNotContain("Johanna", main);
        await Check();

        await page.CheckAsync("#confirm-cancel");
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, "**/call-back/*?cancelled=1**");
        Assert.Contains("Telefontiden är avbokad", await page.Locator(".notice-success").InnerTextAsync());
        Assert.Equal("Avbokad", await page.Locator("#call-back-status").InnerTextAsync());
        await Check();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_start_page_shows_the_phone_hours_open_now_with_the_number_and_passes_axe()
    {
        app.Clock.Reset(BookingApp.DefaultNow);
        var page = await app.NewPhonePage();
        await page.GotoAsync("/?lang=fi");

        var hours = page.Locator("section.phone-hours");
        var text = await hours.InnerTextAsync();
        Assert.Contains("Ma–to klo 9.00–12.00", text);
        Assert.Equal("Avoinna nyt, klo 12.00 asti.", await page.Locator("#phone-status").InnerTextAsync());
        Assert.Equal("tel:091234567", await hours.Locator("a.phone-number").GetAttributeAsync("href"));
        var violations = await BrowserApp.AccessibilityViolations(page);
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));

        // Wednesday 13.00 after closing: Ascension Day (Thu 14.5.) and Friday have no phone hours, so the next opening is Monday.
        app.Clock.Reset(Instant.FromUtc(2026, 5, 13, 10, 0));
        await page.GotoAsync("/?lang=en");
        Assert.Equal("Next open Mon 18 May at 09:00.", await page.Locator("#phone-status").InnerTextAsync());
        app.Clock.Reset(BookingApp.DefaultNow);
    }

    [Fact]
    public async Task The_kiosk_start_shows_the_phone_hours_in_three_languages_and_passes_axe()
    {
        app.Clock.Reset(Instant.FromUtc(2026, 4, 20, 11, 0)); // Monday 14.00: closed, opens tomorrow
        var page = await app.NewPhonePage();
        await page.GotoAsync("/kiosk");

        var lines = page.Locator(".kiosk-phone-hours p");
        Assert.Equal(3, await lines.CountAsync());
        Assert.Contains("huomenna klo 9.00", await page.Locator(".kiosk-phone-hours p[lang=fi]").InnerTextAsync());
        Assert.Contains("i morgon kl. 9.00", await page.Locator(".kiosk-phone-hours p[lang=sv]").InnerTextAsync());
        Assert.Contains("09 123 4567", await page.Locator(".kiosk-phone-hours p[lang=en]").InnerTextAsync());
        var violations = await BrowserApp.AccessibilityViolations(page);
        app.Clock.Reset(BookingApp.DefaultNow);
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task A_supervisor_marks_her_call_back_not_answered_then_reached_and_another_sees_it_without_the_number()
    {
        app.Clock.Reset(BookingApp.DefaultNow);
        using (var leena = app.CreateClient())
        {
            var signIn = await leena.PostAsJsonAsync("/api/staff/sign-in", new { userName = "leena", password = "leena-demo-2026" });
            leena.DefaultRequestHeaders.Add("Cookie", signIn.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
            var reserved = await leena.PostAsJsonAsync("/api/staff/call-backs",
                new { start = "2026-04-20T14:15", matter = "paternity", language = "fi", phone = "040 987 6543", name = "Kalle" });
            Assert.True(reserved.IsSuccessStatusCode, await reserved.Content.ReadAsStringAsync());
        }
        app.Clock.Reset(Instant.FromUtc(2026, 4, 20, 11, 20)); // 14.20

        var page = await SignedIn("satu");
        await page.GotoAsync("/staff/call-backs?lang=fi");
        var row = page.Locator("table.call-backs tbody tr").First;
        Assert.Contains("14.15–14.30", await row.InnerTextAsync());
        Assert.Equal("tel:0409876543", await row.Locator("a.call-back-phone").GetAttributeAsync("href"));
        var violations = new List<string>(await BrowserApp.AccessibilityViolations(page));

        await row.Locator("button", new() { HasText = "Ei vastannut" }).ClickAsync();
        await BrowserApp.Arrived(page, "**/staff/call-backs?*callBack=*");
        Assert.Contains("Ei vastannut – soitetaan vielä kerran", await page.Locator("table.call-backs tbody tr").First.InnerTextAsync());
        Assert.Contains("klo 14.35", await page.Locator("table.call-backs tbody tr").First.InnerTextAsync());
        Assert.Contains("asiakas ei vastannut", await page.Locator("[role=status]").First.InnerTextAsync());

        // The second "no answer" too soon: the domain says so, and nothing is recorded.
        await page.Locator("table.call-backs tbody tr").First.Locator("button", new() { HasText = "Ei vastannut" }).ClickAsync();
        await page.Locator("[role=alert]").WaitForAsync();
        Assert.Contains("yritä uudelleen hieman myöhemmin", await page.Locator("[role=alert]").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        await page.Locator("table.call-backs tbody tr").First.Locator("button", new() { HasText = "Tavoitettu" }).ClickAsync();
        await BrowserApp.Arrived(page, "**/staff/call-backs?*callBack=*.done*");
        Assert.Contains("Soitettu", await page.Locator("table.call-backs tbody tr").First.InnerTextAsync());
        Assert.Equal(0, await page.Locator("table.call-backs button").CountAsync());

        var aino = await SignedIn("aino");
        await aino.GotoAsync("/staff/call-backs?lang=fi");
        var seen = await aino.Locator("main").InnerTextAsync();
        Assert.Contains("Soittoajat – Satu Korhonen", seen);
        Assert.Contains("Näkyy vain omalle lastenvalvojalle", seen);
        Assert.DoesNotContain("987", seen);
        Assert.Equal(0, await aino.Locator("table.call-backs button").CountAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(aino));
        app.Clock.Reset(BookingApp.DefaultNow);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private async Task<IPage> SignedIn(string user)
    {
        var page = await app.NewPhonePage();
        await page.GotoAsync("/staff/sign-in?lang=fi");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", $"{user}-demo-2026");
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, "**/staff**");
        return page;
    }
}
