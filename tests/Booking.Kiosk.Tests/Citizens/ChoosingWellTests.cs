// Choosing well (issue #11, item 8), as a parent on a phone: the matter page says in plain words which meeting fits;
// the times page starts at the first week with a free time and moves a month at a time; after "just taken" choosing one
// of the offered times keeps everything typed, and the parent books it with one more confirmation. axe-core on each.
using System.Net.Http.Json;
using Booking.Testing;
using Microsoft.Playwright;
using NodaTime;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Booking.Kiosk.Tests.Citizens;

public sealed class ChoosingWellTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_matter_page_explains_each_meeting_and_the_times_page_starts_at_the_first_free_week_and_moves_by_month()
    {
        var violations = new List<string>();
        foreach (var (lang, words, guide) in new[]
                 {
                     ("fi", "Molemmat vanhemmat tulevat, ja lastenvalvoja vahvistaa sopimuksen.", "tai soita 09 123 4567."),
                     ("sv", "Båda föräldrarna kommer och barnatillsyningsmannen fastställer avtalet.", "eller ring 09 123 4567."),
                 })
        {
            var page = await app.NewPhonePage($"{lang}-FI");
            await page.GotoAsync($"/book?lang={lang}");
            await Expect(page.Locator("#type-agreement-60-hint")).ToContainTextAsync(words);
            await Expect(page.Locator("#matter-guide")).ToContainTextAsync(guide);
            Assert.Contains("matter-guide", await page.GetAttributeAsync("main fieldset", "aria-describedby") ?? "");
            violations.AddRange(await BrowserApp.AccessibilityViolations(page));
            await BrowserApp.SaveScreenshot(page, $"phone-matter-{lang}");
        }

        // Friday afternoon: nothing can be booked this week any more, so the page opens at next week and says why.
        app.Clock.Reset(Instant.FromUtc(2026, 4, 24, 13, 0));
        try
        {
            var page = await app.NewPhonePage();
            await page.GotoAsync("/book/times?type=advice&modality=inPerson&lang=fi");
            await Expect(page.Locator("main [role=status]")).ToContainTextAsync("ensimmäinen viikko");
            await Expect(page.Locator("#week-heading")).ToContainTextAsync("27.4.");
            Assert.True(await page.Locator("ul.times a.time").CountAsync() > 0);
            violations.AddRange(await BrowserApp.AccessibilityViolations(page));
            await BrowserApp.SaveScreenshot(page, "phone-times-first-free-week-fi");

            await page.Locator("nav.week-nav").First.GetByText("Kuukausi eteenpäin").ClickAsync();
            await BrowserApp.Arrived(page, "**/book/times?**week=2026-05-25**");
            await Expect(page.Locator("#week-heading")).ToContainTextAsync("25.5.");
            // A month back is this week (the first one); a week asked for is shown as it is, even when it is empty.
            await page.Locator("nav.week-nav").First.GetByText("Kuukausi taaksepäin").ClickAsync();
            await BrowserApp.Arrived(page, "**week=2026-04-20**");
            await Expect(page.Locator("main [role=status]")).ToHaveCountAsync(0);
            await Expect(page.Locator("#week-heading")).ToContainTextAsync("20.4.");
        }
        finally
        {
            app.Clock.Reset(BookingApp.DefaultNow);
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task After_just_taken_choosing_an_offered_time_keeps_what_was_typed_and_books_it()
    {
        const string Start = "2026-04-28T09:00";
        var page = await app.NewPhonePage("sv-FI");
        await page.GotoAsync($"/book/details?type=advice&modality=inPerson&start={Start}&lang=sv");
        await page.FillAsync("#name", "Saga Sjöberg");
        await page.FillAsync("#email", "saga.sjoberg@example.fi");
        await page.FillAsync("#phone", "+358 50 222 3344");
        await page.FillAsync("#otherParentEmail", "oskar.sjoberg@example.fi");

        // Meanwhile others take every supervisor's 9.00 on that day.
        var others = app.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            var taken = await others.PostAsJsonAsync("/api/bookings", new
            {
                appointmentType = "advice", modality = "inPerson", start = Start,
                client = new { name = $"Other Parent {i}", email = $"other{i}@example.fi", phone = "040 000 0000", language = "fi" },
            });
            if (taken.StatusCode == System.Net.HttpStatusCode.Conflict) break;
            Assert.True(taken.IsSuccessStatusCode, await taken.Content.ReadAsStringAsync());
        }
        var bookedBefore = await app.CountEvents("appointment_booked");

        await page.ClickAsync("main form button[type=submit]");
        var offered = page.Locator("main [role=alert] ul.times button.time");
        await Expect(offered.First).ToBeVisibleAsync();
        var violations = new List<string>(await BrowserApp.AccessibilityViolations(page));
        await BrowserApp.SaveScreenshot(page, "phone-just-taken-offered-times-sv");
        var newTime = await offered.First.Locator("time").GetAttributeAsync("datetime");

        await offered.First.ClickAsync();
        await BrowserApp.Arrived(page, new System.Text.RegularExpressions.Regex("/book/details\\?.*start="));
        // Nothing booked yet; the details are still there and the new time is the chosen one.
        Assert.Equal(bookedBefore, await app.CountEvents("appointment_booked"));
        Assert.Equal("Saga Sjöberg", await page.InputValueAsync("#name"));
        Assert.Equal("saga.sjoberg@example.fi", await page.InputValueAsync("#email"));
        Assert.Equal("+358 50 222 3344", await page.InputValueAsync("#phone"));
        Assert.Equal("oskar.sjoberg@example.fi", await page.InputValueAsync("#otherParentEmail"));
        Assert.Equal(newTime, await page.Locator("#chosen-time ~ dl time, section.summary time").First.GetAttributeAsync("datetime"));
        await Expect(page.Locator("main [role=alert]")).ToHaveCountAsync(0);
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, "**/booking/**");
        Assert.Contains("Din bokning är bekräftad", await page.Locator(".notice-success").InnerTextAsync());
        Assert.Equal(bookedBefore + 1, await app.CountEvents("appointment_booked"));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
