// The office secretary books a joint meeting from the console while the supervisor who gets it watches her day: the
// meeting appears there without a reload, with both parents. On Wednesday 22 April 2026 from 16.00 only Aino Virtanen
// works in the demo unit (her evening hours), so the impartial choice can only be her. The fixture's clock starts on
// Monday 20 April at 09.00.
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NodaTime;
using Xunit;
using static Microsoft.Playwright.Assertions;
using static Booking.Kiosk.Tests.Secretary.ConsoleBrowser;

namespace Booking.Kiosk.Tests.Secretary;

public sealed class CentralBookingPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly LocatorAssertionsToContainTextOptions WithinFiveSeconds = new() { Timeout = 5000 };

    [Fact]
    public async Task The_secretary_signs_in_logs_a_contact_books_a_joint_meeting_and_the_supervisors_day_shows_it_without_reload()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        // Aino opens her Wednesday on her phone; nothing is booked yet.
        var aino = await SignedIn(app, "aino", 390, 844);
        await aino.GotoAsync("/staff/day?date=2026-04-22");
        await BrowserApp.Arrived(aino, "**/staff/day?date=2026-04-22");
        await WalkIn.WalkInApp.LiveReady(aino);
        await Expect(aino.Locator("#day-meetings")).ToContainTextAsync("Tälle päivälle ei ole tapaamisia");
        Assert.Contains("Päiväni", await aino.Locator("h1").InnerTextAsync());
        await aino.EvaluateAsync("() => { window.notReloaded = true; }");

        // The secretary, on the clerk's wide screen: from the staff start page to the console.
        var leena = await SignedIn(app, "leena");
        await leena.ClickAsync("a[href$='/staff/console']");
        await BrowserApp.Arrived(leena, "**/staff/console");
        await leena.CheckAsync("#contact-channel-Phone");
        await leena.SelectOptionAsync("#contact-matter", "agreement-60");
        await leena.CheckAsync("#contact-parent-Mother");
        await leena.FillAsync("#contact-name", "Maija Mallikas");
        await leena.FillAsync("#contact-phone", "040 123 4567");
        await leena.FillAsync("#contact-email", "maija.mallikas@example.fi");
        await leena.CheckAsync("#contact-otherRole-Father");
        await leena.FillAsync("#contact-otherName", "Matti Mallikas");
        await leena.FillAsync("#contact-otherEmail", "matti.mallikas@example.fi");
        await leena.ClickAsync("form:has(#contact-name) button[type=submit]");
        await BrowserApp.Arrived(leena, "**/staff/console/family/*?done=logged");
        Assert.Contains("Maija Mallikas", await leena.Locator("h1").InnerTextAsync());
        Assert.Contains("Matti Mallikas", await leena.Locator("h1").InnerTextAsync());
        Assert.Contains("tänään", await leena.Locator("#lead-heading + p").InnerTextAsync());

        // Find times from Wednesday for a joint meeting in person; the list says who is free.
        await leena.SelectOptionAsync("#book-type", "agreement-60");
        await leena.CheckAsync("#book-modality-InPerson");
        await leena.FillAsync("#book-from", "2026-04-22");
        await leena.CheckAsync("#book-joint");
        await Submit(leena, "button[name='Booking.Action'][value=find]");
        await Expect(leena.Locator("#times-heading")).ToContainTextAsync("22.4.–28.4.2026");
        var evening = leena.Locator("input[name='Booking.Starts'][value='2026-04-22T16:00']");
        await Expect(leena.Locator("label:has-text('16.00–17.00')").First).ToContainTextAsync("Vapaana: Aino Virtanen");
        await Check(leena);
        await Screenshot(leena, "family-times-1440");
        await ScreenshotAt(leena, "family-times-list-1440", "#times-heading");
        await evening.CheckAsync();
        await leena.FillAsync("#book-note", "Tuovat sopimusluonnoksen.");
        await leena.ClickAsync("button[name='Booking.Action'][value=book]");
        await BrowserApp.Arrived(leena, "**/staff/console/family/*?booked=*");
        var booked = await leena.Locator("#booked").InnerTextAsync();
        Assert.Contains("Tapaaminen varattu", booked);
        Assert.Contains("Lastenvalvoja: Aino Virtanen", booked);
        Assert.Contains("22.4.2026", booked);
        Assert.Contains("yhteinen tapaaminen", await leena.Locator("details:has(#meetings-heading) .table-scroll").InnerTextAsync());
        await Check(leena);
        await Screenshot(leena, "family-booked-1440");

        // Aino's day shows the meeting with both parents, the numbers to call and the note, without a reload.
        var meetings = aino.Locator("#day-meetings");
        await Expect(meetings).ToContainTextAsync("Maija Mallikas", WithinFiveSeconds);
        await Expect(meetings).ToContainTextAsync("Matti Mallikas");
        await Expect(meetings).ToContainTextAsync("16.00–17.00");
        await Expect(meetings).ToContainTextAsync("Tuovat sopimusluonnoksen.");
        await Expect(meetings.Locator("a[href='tel:0401234567']")).ToHaveCountAsync(1);
        await Expect(meetings.Locator("a[href='mailto:matti.mallikas@example.fi']")).ToHaveCountAsync(1);
        Assert.True(await aino.EvaluateAsync<bool>("() => window.notReloaded === true"), "the day page was loaded again");
        await Check(aino);
        await Screenshot(aino, "day-live-390");

        // A colleague sees the time but not the people; once the meeting has begun, Aino marks it held.
        var satu = await SignedIn(app, "satu", 320, 700);
        await satu.GotoAsync($"/staff/day?date=2026-04-22&staff={Aino}");
        await BrowserApp.Arrived(satu, "**/staff/day?*");
        var seen = await satu.Locator("#day-meetings").InnerTextAsync();
        Assert.Contains("16.00–17.00", seen);
        Assert.Contains("Molemmat vanhemmat", seen);
        Assert.DoesNotContain("Mallikas", seen);
        await Expect(satu.Locator("#day-meetings form")).ToHaveCountAsync(0);
        await Check(satu);
        await AssertNoSidewaysScroll(satu);
        await Screenshot(satu, "day-colleague-320");

        app.Clock.Reset(Instant.FromUtc(2026, 4, 22, 13, 5)); // Wednesday 16.05 in Helsinki
        await aino.ReloadAsync();
        await BrowserApp.Arrived(aino, "**/staff/day?date=2026-04-22");
        await aino.ClickAsync("#day-meetings button[value=held]");
        await BrowserApp.Arrived(aino, new Regex(@"/staff/day\?date=2026-04-22&done=held"));
        await Expect(aino.Locator("[role=status]")).ToContainTextAsync("merkittiin pidetyksi");
        await Expect(aino.Locator("#day-meetings")).ToContainTextAsync("Pidetty");
        await Check(aino);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
