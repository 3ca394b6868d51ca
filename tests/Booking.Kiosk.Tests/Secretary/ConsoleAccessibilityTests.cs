// axe-core (WCAG 2.1 AA) on the secretary's console and a family's page in the states a secretary meets: empty, with
// field errors, past the one-week target (the warning), and on the supervisors' days; the narrow pages must also fit
// 320 px without sideways scrolling. The family's first contact is logged on Wednesday 8 April, then the clock moves to
// Monday 20 April: twelve days later the earliest free time cannot meet the target.
using Microsoft.Playwright;
using NodaTime;
using Xunit;
using static Microsoft.Playwright.Assertions;
using static Booking.Kiosk.Tests.Secretary.ConsoleBrowser;

namespace Booking.Kiosk.Tests.Secretary;

public sealed class ConsoleAccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_console_the_family_page_with_errors_and_the_lead_time_warning_and_the_day_pass_axe()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        app.Clock.Reset(Instant.FromUtc(2026, 4, 8, 6, 0)); // Wednesday 8 April, 09.00 in Helsinki

        // The console on a phone-sized screen: empty, then a first contact sent with nothing chosen.
        var narrow = await SignedIn(app, "leena", 320, 700);
        await narrow.GotoAsync("/staff/console");
        await BrowserApp.Arrived(narrow, "**/staff/console");
        await Check(narrow);
        await AssertNoSidewaysScroll(narrow);
        await Screenshot(narrow, "console-320");
        await narrow.FillAsync("#contact-email", "not-an-address");
        await Submit(narrow, "form:has(#contact-name) button[type=submit]");
        var summary = narrow.Locator(".error-summary");
        await Expect(summary).ToContainTextAsync("Valitse asia.");
        await Expect(summary).ToContainTextAsync("Valitse, kuka otti yhteyttä.");
        await Expect(summary).ToContainTextAsync("Kirjoita vanhemman nimi.");
        await Expect(summary.Locator("a[href$='#contact-email']")).ToHaveCountAsync(1);
        Assert.Equal("true", await narrow.GetAttributeAsync("#contact-email", "aria-invalid"));
        await Check(narrow);
        await AssertNoSidewaysScroll(narrow);
        await Screenshot(narrow, "console-errors-320");

        // A search that finds nothing yet, and the first contact logged properly.
        await narrow.GotoAsync("/staff/console?q=Virtanen");
        await Expect(narrow.Locator("#results-heading")).ToContainTextAsync("Löytyi 0 perhettä");
        await narrow.CheckAsync("#contact-channel-Email");
        await narrow.SelectOptionAsync("#contact-matter", "advice");
        await narrow.CheckAsync("#contact-parent-Father");
        await narrow.FillAsync("#contact-name", "Ville Virtanen");
        await narrow.FillAsync("#contact-email", "ville.virtanen@example.fi");
        await narrow.ClickAsync("form:has(#contact-name) button[type=submit]");
        await BrowserApp.Arrived(narrow, "**/staff/console/family/*?done=logged");
        var family = narrow.Url.Split('?')[0];
        await Check(narrow);
        await AssertNoSidewaysScroll(narrow);
        await Screenshot(narrow, "family-320");

        // Twelve days on, on the clerk's wide screen: the family is found, and its page warns that the target is missed.
        app.Clock.Reset(BookingAppNow);
        var wide = await SignedIn(app, "leena");
        await wide.GotoAsync("/staff/console?q=ville");
        await wide.ClickAsync("#search-heading ~ ul a");
        await BrowserApp.Arrived(wide, "**/staff/console/family/*");
        var warning = wide.Locator("#lead-warning");
        await Expect(warning).ToHaveAttributeAsync("role", "alert");
        await Expect(warning).ToContainTextAsync("Viikon tavoite ei täyty");
        await Expect(warning).ToContainTextAsync("tavoitepäivän 15.4.2026 jälkeen");
        Assert.Contains("12 päivää sitten", await wide.Locator("#lead-heading + p").InnerTextAsync());
        await Check(wide);
        await Screenshot(wide, "family-warning-1440");

        // Riikka Salo (family counselling) gave Tuesday afternoon for pair work: with her, only those times are offered.
        await wide.GotoAsync("/staff/console");
        await wide.SelectOptionAsync("#hours-staff", Riikka.ToString());
        await wide.FillAsync("#hours-date", "2026-04-21");
        await wide.FillAsync("#hours-from", "13:00");
        await wide.FillAsync("#hours-to", "15:00");
        await wide.ClickAsync("form:has(#hours-staff) button[type=submit]");
        await BrowserApp.Arrived(wide, "**/staff/console?done=hours");
        await Expect(wide.Locator("#offered-heading + ul")).ToContainTextAsync("Riikka Salo: Tiistai 21.4.2026 klo 13.00–15.00");
        await Check(wide);
        await Screenshot(wide, "console-1440");
        await wide.GotoAsync(family);
        await BrowserApp.Arrived(wide, "**/staff/console/family/*");
        await wide.SelectOptionAsync("#book-second", Riikka.ToString());
        await Submit(wide, "button[name='Booking.Action'][value=find]");
        await Expect(wide.Locator(".time-day h4")).ToHaveTextAsync(["Tiistai 21.4."]);
        var pairTimes = await wide.Locator(".time-choice").AllInnerTextsAsync();
        Assert.Equal(4, pairTimes.Count); // 13.00, 13.30, 14.00 and 14.30, half an hour each
        Assert.Contains("13.00–13.30", pairTimes[0]);
        Assert.Contains("Vapaana: Aino Virtanen, Satu Korhonen", pairTimes[0]);
        Assert.Contains("14.30–15.00", pairTimes[3]);

        // A video meeting with a link that is not https (one may also be left out and added later on the meeting's
        // page): the domain's refusal is shown at the field, linked from the summary.
        await wide.SelectOptionAsync("#book-second", "");
        await wide.CheckAsync("#book-modality-Video");
        await Submit(wide, "button[name='Booking.Action'][value=find]");
        await Expect(wide.Locator("#book-modality-Video")).ToBeCheckedAsync();
        await wide.Locator("input[name='Booking.Starts']").First.CheckAsync();
        await wide.FillAsync("#book-video", "http://meet.example.fi/huone-1");
        await Submit(wide, "button[name='Booking.Action'][value=book]");
        var bookSummary = wide.Locator(".error-summary");
        await Expect(bookSummary).ToContainTextAsync("Linkin pitää olla https://-osoite.");
        await Expect(bookSummary.Locator("a[href$='#book-video']")).ToHaveCountAsync(1);
        Assert.Equal("true", await wide.GetAttributeAsync("#book-video", "aria-invalid"));
        await Expect(wide.Locator("#book-modality-Video")).ToBeCheckedAsync();
        Assert.Equal(1, await wide.Locator("input[name='Booking.Starts']:checked").CountAsync());
        await Check(wide);
        await Screenshot(wide, "family-field-error-1440");
        await ScreenshotAt(wide, "family-field-error-video-1440", "#book-video");

        // The family page at 320 px fits too; so does the supervisors' day as the secretary sees it.
        await narrow.GotoAsync(family);
        await BrowserApp.Arrived(narrow, "**/staff/console/family/*");
        await AssertNoSidewaysScroll(narrow);
        await narrow.GotoAsync($"/staff/day?staff={Aino}");
        await BrowserApp.Arrived(narrow, "**/staff/day?*");
        await Expect(narrow.Locator("#day-read-only")).ToContainTextAsync("Katselet lastenvalvojan päivää");
        await Check(narrow);
        await AssertNoSidewaysScroll(narrow);
        await Screenshot(narrow, "day-secretary-320");

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static readonly Instant BookingAppNow = Booking.Testing.BookingApp.DefaultNow;
    private static readonly Guid Riikka = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000401");
}
