// A parent books through the public pages in Swedish, on a phone-sized screen, in Debian's chromium.
// "Now" is Monday 2026-04-20 09:00 in Helsinki; every page of the flow is checked with axe-core for WCAG 2.1 AA.
using Microsoft.Playwright;
using Xunit;

namespace Booking.Kiosk.Tests;

public sealed class OnlineBookingPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_parent_books_in_Swedish_and_sees_the_confirmation_and_every_page_passes_axe()
    {
        var page = await app.NewPhonePage("sv-FI");
        var violations = new List<string>();
        async Task Check() => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        await page.GotoAsync("/?lang=sv");
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        var stylesheet = await page.Locator("link[rel=stylesheet]").First.GetAttributeAsync("href");
        Assert.True((await page.APIRequest.GetAsync(stylesheet!)).Ok, $"the stylesheet {stylesheet} is served");
        await Check();

        await page.ClickAsync("a.action-card");
        await BrowserApp.Arrived(page, "**/book**");
        await Check();
        await page.CheckAsync("#type-advice");
        await page.CheckAsync("#modality-video");
        await page.ClickAsync("main button[type=submit]");

        await BrowserApp.Arrived(page, "**/book/times**");
        await Check();
        var firstTime = page.Locator("ul.times a.time").First;
        var chosen = await firstTime.InnerTextAsync();
        await firstTime.ClickAsync();

        await BrowserApp.Arrived(page, "**/book/details**");
        await Check();
        await page.FillAsync("#name", "Astrid Lindholm");
        await page.FillAsync("#email", "astrid@example.fi");
        await page.FillAsync("#phone", "+358 50 765 4321");
        await page.ClickAsync("main form button[type=submit]");

        await BrowserApp.Arrived(page, "**/booking/**");
        var banner = page.Locator(".notice-success");
        Assert.Contains("Din bokning är bekräftad", await banner.InnerTextAsync());
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Rådgivning", main);
        Assert.Contains(chosen.Trim().Split(' ', '\n').Last(), main);
        Assert.DoesNotContain("Mikael", main);
        Assert.DoesNotContain("Aino", main);
        await Check();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Wrong_details_are_explained_beside_each_field_in_Swedish_and_nothing_is_booked()
    {
        var page = await app.NewPhonePage("sv-FI");
        var bookedBefore = await app.CountEvents("appointment_booked");
        await page.GotoAsync("/book/details?type=advice&modality=phone&start=2026-04-21T08:30&lang=sv");
        await page.FillAsync("#name", "");
        await page.FillAsync("#email", "inte-en-adress");
        await page.FillAsync("#phone", "12");
        await page.ClickAsync("main form button[type=submit]");

        var summary = page.Locator("[role=alert]").First;
        await summary.WaitForAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#email", "aria-invalid"));
        var describedBy = await page.GetAttributeAsync("#email", "aria-describedby");
        Assert.False(string.IsNullOrEmpty(describedBy));
        Assert.Equal(bookedBefore, await app.CountEvents("appointment_booked"));
        var violations = await BrowserApp.AccessibilityViolations(page);
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_manage_page_moves_and_cancels_a_booking_and_passes_axe()
    {
        var page = await app.NewPhonePage("fi-FI");
        await page.GotoAsync("/book/details?type=advice&modality=inPerson&start=2026-04-22T13:00&lang=fi");
        await page.FillAsync("#name", "Matti Meikäläinen");
        await page.FillAsync("#email", "matti@example.fi");
        await page.FillAsync("#phone", "040 123 4567");
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, "**/booking/**");
        var manage = page.Url.Split('?')[0];
        var violations = new List<string>(await BrowserApp.AccessibilityViolations(page));

        await page.Locator("main a.button[href$='/move']").ClickAsync();
        await BrowserApp.Arrived(page, "**/move**");
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        await page.Locator("ul.times a.time").Nth(2).ClickAsync();
        await BrowserApp.Arrived(page, "**/move/confirm**");
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, "**moved=1**");
        Assert.Equal(1L, await app.CountEvents("appointment_moved"));

        await page.GotoAsync(manage);
        await page.CheckAsync("#confirm-cancel");
        await page.ClickAsync("section.cancel button[type=submit]");
        await BrowserApp.Arrived(page, "**cancelled=1**");
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        Assert.Equal(1L, await app.CountEvents("appointment_cancelled"));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
