// A client takes a number at the lobby kiosk in Swedish; the waiting-room display and the client's phone follow the
// queue live while a supervisor calls the number from the walk-in page. Every page is checked with axe-core
// (WCAG 2.1 AA). Near closing the kiosk refuses honestly and offers the alternatives.
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Booking.Kiosk.Tests.WalkIn;

public sealed class WalkInPagesTests(WalkInMorning app) : IClassFixture<WalkInMorning>
{
    private static readonly LocatorAssertionsToContainTextOptions WithinTwoSeconds = new() { Timeout = 2000 };

    [Fact]
    public async Task A_number_taken_at_the_kiosk_in_Swedish_is_called_by_the_supervisor_and_the_display_and_phone_change_live()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        // The kiosk: language, matter, number.
        var kiosk = await app.NewScreen(1920, 1080);
        await kiosk.GotoAsync("/kiosk");
        await Check(kiosk);
        await WalkInApp.Screenshot(kiosk, "kiosk-language-1920x1080");
        await kiosk.ClickAsync("a.kiosk-language[lang=sv]");
        await kiosk.WaitForURLAsync("**/kiosk/matter?lang=sv");
        Assert.Equal("sv", await kiosk.GetAttributeAsync("html", "lang"));
        await Check(kiosk);
        await WalkInApp.Screenshot(kiosk, "kiosk-matter-1920x1080");
        await kiosk.ClickAsync("#matter-advice");
        await Expect(kiosk.Locator("#ticket-number")).ToHaveTextAsync("1");
        var ticket = await kiosk.Locator("#ticket").InnerTextAsync();
        Assert.Contains("Ditt nummer", ticket);
        Assert.Contains("Rådgivning", ticket);
        Assert.Equal("0 kunder", await kiosk.Locator("#ticket-ahead").InnerTextAsync());
        var qr = kiosk.Locator(".ticket-qr img");
        var phoneUrl = await qr.GetAttributeAsync("data-url");
        Assert.Equal(0, await kiosk.Locator("#ticket a").CountAsync());
        Assert.Contains(phoneUrl!.Replace("http://", "").Split('?')[0], await kiosk.Locator("#ticket-link").InnerTextAsync());
        Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"));
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/walk-in/t/[A-Za-z0-9_-]{22}\?lang=sv$", phoneUrl);
        await Expect(kiosk.Locator("button[data-print]")).ToBeVisibleAsync();
        await Check(kiosk);
        await WalkInApp.Screenshot(kiosk, "kiosk-ticket-1920x1080");
        await WalkInApp.PrintScreenshot(kiosk, "kiosk-ticket-print-80mm");

        // The waiting-room display, in another browser: number 1 is next.
        var display = await app.NewScreen(1920, 1080);
        await display.GotoAsync("/display");
        await WalkInApp.LiveReady(display);
        await Expect(display.Locator("#board-next")).ToContainTextAsync("1");
        await Expect(display.Locator("#board-served")).ToContainTextAsync("Inga uppropade nummer");
        // A clock in the unit's time ("klo 9.05" style) and a line for those who read neither Finnish nor Swedish.
        var local = app.Clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/Helsinki"]).TimeOfDay;
        Assert.Equal($"{local.Hour}.{local.Minute:00}", (await display.Locator("#display-clock").InnerTextAsync()).Trim());
        await Expect(display.Locator(".display-en[lang=en]")).ToContainTextAsync("take a number at the kiosk");
        await Check(display);

        // The client's phone, opened from the ticket's QR address: Swedish, waiting, nobody ahead.
        var phone = await app.NewPhonePage("fi-FI");
        await phone.GotoAsync(phoneUrl!);
        await WalkInApp.LiveReady(phone);
        Assert.Equal("sv", await phone.GetAttributeAsync("html", "lang"));
        await Expect(phone.Locator("#ticket-status")).ToContainTextAsync("Du väntar på din tur");
        await Check(phone);
        await WalkInApp.Screenshot(phone, "phone-waiting-390x844");

        // Aino signs in, gives her room and calls the next number.
        var staff = await app.NewScreen(1280, 900);
        await staff.GotoAsync("/staff/walk-in?lang=fi");
        await staff.WaitForURLAsync("**/staff/sign-in**");
        await staff.FillAsync("#userName", "aino");
        await staff.FillAsync("#password", "aino-demo-2026");
        await staff.ClickAsync("main form button[type=submit]");
        await staff.WaitForURLAsync(new Regex(@"/staff/walk-in(\?lang=fi)?$"));
        Assert.Contains("Aino Virtanen", await staff.Locator("#walk-in-session").InnerTextAsync());
        await Expect(staff.Locator("#walk-in-queue")).ToContainTextAsync("Neuvonta");
        await Check(staff);
        await staff.FillAsync("#duty-room", "204");
        await staff.ClickAsync("form:has(#duty-room) button[type=submit]");
        await staff.WaitForURLAsync("**done=duty");
        await Expect(staff.Locator("#walk-in-session")).ToContainTextAsync("Huone 204");
        await staff.ClickAsync("button.walk-in-call-next");
        await staff.WaitForURLAsync("**done=called");

        // Without a reload, within two seconds of the call.
        await Expect(display.Locator("#board-served")).ToContainTextAsync("1", WithinTwoSeconds);
        await Expect(display.Locator("#board-served")).ToContainTextAsync("rum 204", WithinTwoSeconds);
        await Expect(display.Locator("#board-next")).ToContainTextAsync("Ingen står i kö", WithinTwoSeconds);
        await Expect(phone.Locator("#ticket-status")).ToContainTextAsync("Ditt nummer 1 ropas upp till rum 204", WithinTwoSeconds);

        await Expect(staff.Locator(".walk-in-current")).ToContainTextAsync("1");
        await Check(staff);
        await Check(display);
        await Check(phone);
        await WalkInApp.Screenshot(display, "display-called-1920x1080");
        var portraitKiosk = await app.NewScreen(390, 844);
        await portraitKiosk.GotoAsync("/kiosk/matter?lang=fi");
        await WalkInApp.Screenshot(portraitKiosk, "kiosk-matter-390x844");
        await WalkInApp.Screenshot(phone, "phone-called-390x844");
        await WalkInApp.Screenshot(staff, "staff-called-1280x900");

        // A no-show before the grace is over is refused in words; the forms stay.
        await staff.ClickAsync(".walk-in-current button.button-warning");
        await Expect(staff.Locator("#walk-in-problem")).ToContainTextAsync("Odota vielä hetki");
        await Check(staff);

        // The client leaves the queue from the phone (the box must be ticked); the supervisor's page follows by itself.
        await phone.ClickAsync("form button.button-warning");
        await Expect(phone.Locator(".error-summary")).ToContainTextAsync("Bekräfta");
        await Check(phone);
        await phone.CheckAsync("#confirm-leave");
        await phone.ClickAsync("form button.button-warning");
        await Expect(phone.Locator(".notice-success")).ToContainTextAsync("Du har lämnat kön");
        await Expect(staff.Locator("button.walk-in-call-next")).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(staff.Locator("#walk-in-queue")).ToContainTextAsync("Kukaan ei odota", WithinTwoSeconds);
        await Expect(display.Locator("#board-served")).ToContainTextAsync("Inga uppropade nummer", WithinTwoSeconds);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task An_unknown_ticket_code_is_a_404_page()
    {
        using var http = app.CreateClient();
        var response = await http.GetAsync("/walk-in/t/AAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class WalkInKioskRefusalTests(WalkInNearClosing app) : IClassFixture<WalkInNearClosing>
{
    [Fact]
    public async Task Near_closing_the_second_number_is_refused_and_the_kiosk_offers_the_alternatives()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        var kiosk = await app.NewScreen(1920, 1080, "en-GB");

        // 11:50: one visit can still start before 12:00.
        await kiosk.GotoAsync("/kiosk");
        await kiosk.ClickAsync("a.kiosk-language[lang=en]");
        await kiosk.ClickAsync("#matter-advice");
        await Expect(kiosk.Locator("#ticket-number")).ToHaveTextAsync("1");

        // The next client: the first screen already says no numbers are given, and when.
        await kiosk.GotoAsync("/kiosk");
        await Expect(kiosk.Locator(".kiosk-info [lang=en]")).ToContainTextAsync("Numbers are not being given right now");
        await Expect(kiosk.Locator(".kiosk-info [lang=en]")).ToContainTextAsync("Thursday 30 April 2026");
        await Check(kiosk);
        await kiosk.ClickAsync("a.kiosk-language[lang=en]");
        await kiosk.ClickAsync("#matter-agreement");

        await Expect(kiosk.Locator("#refusal-reason")).ToContainTextAsync("Today's queue is full");
        Assert.Equal(0, await kiosk.Locator("#ticket-number").CountAsync());
        Assert.EndsWith("/book?lang=en", await kiosk.Locator("#alt-book img").GetAttributeAsync("data-url"));
        await Expect(kiosk.Locator("#alt-callback")).ToContainTextAsync("/call-back");
        await Expect(kiosk.Locator("#alt-phone")).ToContainTextAsync("open now until 12:00");
        await Expect(kiosk.Locator("#alt-walk-in")).ToContainTextAsync("Thursday 30 April 2026");
        await Check(kiosk);
        await WalkInApp.Screenshot(kiosk, "kiosk-refused-1920x1080");

        Assert.Equal(1, await app.CountEvents("walk_in_ticket_issued"));
        Assert.Equal(1, await app.CountEvents("walk_in_ticket_refused"));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
