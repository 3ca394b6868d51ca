// Staff sign in through the page and see who is booked; anonymous visitors are sent to sign in.
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Booking.Kiosk.Tests;

public sealed class StaffPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_secretary_signs_in_and_sees_which_supervisor_is_booked_and_the_pages_pass_axe()
    {
        using (var http = app.CreateClient())
        {
            var booked = await http.PostAsJsonAsync("/api/bookings", new
            {
                appointmentType = "advice", modality = "phone", start = "2026-04-21T16:00",
                client = new { name = "Kalle Testinen", email = "kalle@example.fi", phone = "0401234567", language = "fi" },
            });
            Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());
        }

        var page = await app.NewPhonePage();
        await page.GotoAsync("/staff?lang=fi");
        await BrowserApp.Arrived(page, "**/staff/sign-in**");
        var violations = new List<string>(await BrowserApp.AccessibilityViolations(page));

        await page.FillAsync("#userName", "leena");
        await page.FillAsync("#password", "wrong");
        await page.ClickAsync("main form button[type=submit]");
        await page.Locator("[role=alert]").WaitForAsync();
        Assert.Contains("ei ole oikein", await page.Locator("[role=alert]").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        await page.FillAsync("#userName", "leena");
        await page.FillAsync("#password", "leena-demo-2026");
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, new Regex(@"/staff(\?lang=fi)?$"));
        Assert.Contains("Leena Mäkinen", await page.Locator(".staff-who").InnerTextAsync());
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Mikael Lindqvist", main);
        Assert.Contains("16.00–16.30", main); // Finnish writes times with a point
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        await page.ClickAsync(".staff-sign-out");
        await BrowserApp.Arrived(page, "**/staff/sign-in**");
        await page.GotoAsync("/staff");
        await BrowserApp.Arrived(page, "**/staff/sign-in**");

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
