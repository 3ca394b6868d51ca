// The manager saves a closure of the unit on Tuesday 28 April 16-18 from the preview page; the secretary opens the work list,
// sees the evening meeting to be handled (the family to contact, linked to the meeting's page), marks it contacted, and sees it
// done. Then the manager withdraws the closure from the absences page (a tick confirms it): the hours are bookable again and
// the secretary's list says it was withdrawn. axe-core (WCAG 2.1 AA) passes on every state, in Finnish and Swedish.
using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using static Booking.Kiosk.Tests.Secretary.ConsoleBrowser;

namespace Booking.Kiosk.Tests.Absences;

public sealed class AbsenceWorkPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_manager_saves_an_absence_and_the_secretary_works_through_the_list_in_finnish_and_swedish()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        var booked = await app.CreateClient().PostAsJsonAsync("/api/bookings", new
        {
            appointmentType = "advice", modality = "inPerson", start = "2026-04-28T16:00",
            client = new { name = "Ilkka Iltanen", email = "ilkka.iltanen@example.fi", phone = "040 123 0001", language = "fi" },
        });
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());

        var manager = await SignedIn(app, "pekka");
        await manager.GotoAsync("/staff/absences?lang=fi&staff=&from=2026-04-28&to=2026-04-28&fromTime=16:00&toTime=18:00");
        await Expect(manager.Locator("#hits-heading")).ToContainTextAsync("Osuu 1 kohtaan");
        await Check(manager);
        await Submit(manager, "#save-absence");
        await BrowserApp.Arrived(manager, "**/staff/absences/work**");
        await Expect(manager.Locator("[role=status]")).ToContainTextAsync("Poissaolo on tallennettu");
        await Check(manager);

        var secretary = await SignedIn(app, "leena");
        await secretary.GotoAsync("/staff/absences/work?lang=sv");
        var list = secretary.Locator(".absence-work-list");
        await Expect(secretary.Locator(".absence-work h2")).ToContainTextAsync("Enheten stängd");
        await Expect(list).ToContainTextAsync("Kontakta familjen");
        await Expect(list.Locator("a[href*='/staff/meetings/']")).ToHaveCountAsync(1);
        await Check(secretary);

        await secretary.SelectOptionAsync(".absence-work-list select", "contacted");
        await Submit(secretary, ".absence-work-list form button[type=submit]");
        await Expect(list.Locator(".done")).ToContainTextAsync("Familjen kontaktad");
        await Expect(list.Locator("form")).ToHaveCountAsync(0);
        await Check(secretary);
        await Screenshot(secretary, "absence-work-list");

        // The closed hours left the parents' free times.
        var free = await app.CreateClient().GetStringAsync("/api/free-times?type=advice&modality=inPerson&from=2026-04-28&to=2026-04-28");
        Assert.DoesNotContain("2026-04-28T16:30", free);
        Assert.DoesNotContain("2026-04-28T17:00", free);

        // The closure was a mistake: without the tick the field is named, with it the closure is withdrawn.
        await manager.GotoAsync("/staff/absences?lang=fi");
        var standing = manager.Locator(".saved-absences li");
        await Expect(standing).ToHaveCountAsync(1);
        await Expect(standing).ToContainTextAsync("Yksikkö suljettu");
        await Submit(manager, ".withdraw-absence button[type=submit]");
        await Expect(manager.Locator(".error-summary a[href*='#confirm-withdraw-']")).ToHaveCountAsync(1);
        await Check(manager);
        await manager.CheckAsync(".withdraw-absence input[type=checkbox]");
        await Submit(manager, ".withdraw-absence button[type=submit]");
        await Expect(manager.Locator("[role=status]")).ToContainTextAsync("Poissaolo on peruttu");
        await Expect(manager.Locator(".saved-absences li")).ToHaveCountAsync(0);
        await Check(manager);
        Assert.Contains("2026-04-28T17:00",
            await app.CreateClient().GetStringAsync("/api/free-times?type=advice&modality=inPerson&from=2026-04-28&to=2026-04-28"));

        await secretary.GotoAsync("/staff/absences/work?lang=sv");
        await Expect(secretary.Locator(".absence-work .withdrawn")).ToContainTextAsync("Återkallad");
        await Expect(list.Locator(".done")).ToContainTextAsync("Familjen kontaktad");
        await Check(secretary);
        await secretary.GotoAsync("/staff/absences?lang=sv");
        await Expect(secretary.Locator("#saved-absences-heading")).ToContainTextAsync("Gällande frånvaro");
        await Check(secretary);

        Assert.Empty(violations);
    }
}
