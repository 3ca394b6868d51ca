// The manager enters Mikael's absence on Tuesday 21 April and sees the meetings it hits and the secretary's work list:
// his evening meeting (his hours alone) needs the family contacted. A closure over Thursday lists the walk-in duty too
// (in Swedish). Field errors name the field. axe-core (WCAG 2.1 AA) passes on every state, in Finnish and Swedish.
using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using static Booking.Kiosk.Tests.Secretary.ConsoleBrowser;

namespace Booking.Kiosk.Tests.Absences;

public sealed class AbsencePreviewPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_manager_adds_an_absence_and_sees_the_affected_meetings_and_the_work_list_in_finnish_and_swedish()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        var booked = await app.CreateClient().PostAsJsonAsync("/api/bookings", new
        {
            appointmentType = "advice", modality = "inPerson", start = "2026-04-21T16:00",
            client = new { name = "Iida Iltanen", email = "iida.iltanen@example.fi", phone = "040 123 0000", language = "fi" },
        });
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());

        var page = await SignedIn(app, "pekka");
        await page.GotoAsync("/staff/absences?lang=fi");
        await BrowserApp.Arrived(page, "**/staff/absences?lang=fi");
        await Check(page);

        // The last day before the first: the field is named.
        await page.SelectOptionAsync("#absence-staff", new SelectOptionValue { Label = "Mikael Lindqvist" });
        await page.FillAsync("#absence-from", "2026-04-22");
        await page.FillAsync("#absence-to", "2026-04-21");
        await Submit(page, "main form button[type=submit]");
        await Expect(page.Locator(".error-summary a[href$='#absence-to']")).ToHaveCountAsync(1);
        Assert.Equal("true", await page.GetAttributeAsync("#absence-to", "aria-invalid"));
        await Check(page);

        await page.FillAsync("#absence-from", "2026-04-21");
        await page.FillAsync("#absence-to", "2026-04-21");
        await Submit(page, "main form button[type=submit]");
        await Expect(page.Locator("#hits-heading")).ToContainTextAsync("Osuu 1 kohtaan");
        var work = page.Locator("#work-list");
        await Expect(work).ToContainTextAsync("Mikael Lindqvist");
        await Expect(work).ToContainTextAsync("Ota yhteyttä perheeseen");
        await Expect(work).ToContainTextAsync("kukaan ei ole vapaana silloin");
        await Expect(work.Locator("a[href*='/staff/meetings/']")).ToHaveCountAsync(1);
        await Check(page);
        await Screenshot(page, "absence-preview");

        // A closure of the whole unit from Tuesday to Thursday, in Swedish: the meeting and Aino's walk-in duty.
        await page.GotoAsync("/staff/absences?lang=sv&staff=&from=2026-04-21&to=2026-04-23");
        await Expect(page.Locator("#hits-heading")).ToContainTextAsync("Träffar 2 poster");
        await Expect(page.Locator("#work-list")).ToContainTextAsync("Pass på den öppna mottagningen");
        await Expect(page.Locator("#work-list")).ToContainTextAsync("Kontakta familjen");
        await Check(page);

        Assert.Empty(violations);
    }
}
