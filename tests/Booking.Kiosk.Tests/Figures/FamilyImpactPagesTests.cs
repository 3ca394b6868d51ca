// What changed for the family, in chromium: Aino taps a held meeting's goals on her day page (Finnish) and shows the
// feedback QR; the parent's phone (Swedish) asks the fourth question, how well they can now agree; Aino records the last
// meeting's review in Swedish; the manager's figures page shows the before/after by month and the comments only as the
// release rule allows (a month of five, past its delay; not a month of two). axe-core finds nothing in Finnish or Swedish.
// "Now" is Monday 2026-04-20 09:00 in Helsinki; the meetings were at 07:00 and 08:00.
using Booking.Domain.Goals;
using System.Text.RegularExpressions;
using Booking.Api.Configuration;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Feedback;
using Booking.Domain.Figures;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Npgsql;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Booking.Kiosk.Tests.Figures;

public sealed class FamilyImpactPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
    private static readonly LocalDate Today = new(2026, 4, 20);

    [Fact]
    public async Task The_supervisor_records_goals_and_the_review_the_parent_answers_the_agree_question_and_the_manager_reads_the_change()
    {
        await Seed();
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var aino = await app.NewSizedPage(1280, 900);
        await SignIn(aino, "/staff/day?lang=fi", "aino");
        await BrowserApp.Arrived(aino, new Regex(@"/staff/day"));

        // The first meeting: two of the family's goals, a few taps.
        var first = aino.Locator("article", new() { Has = aino.Locator("time", new() { HasText = "7.00" }) });
        var goals = first.Locator("form.goals-form");
        await Expect(goals.Locator("legend")).ToHaveTextAsync("Perheen tavoitteet (ensimmäinen tapaaminen)");
        var none = await aino.RunAndWaitForResponseAsync(() => goals.Locator("button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/staff/day"));
        Assert.Equal(400, none.Status);
        await Expect(aino.Locator("#day-problem")).ToBeVisibleAsync();
        Assert.Equal(0, await app.CountEvents("family_goals_recorded"));
        await goals.Locator("label", new() { HasText = "Sopia huollosta" }).ClickAsync();
        await goals.Locator("label", new() { HasText = "Sopia tapaamisista" }).ClickAsync();
        await Check(aino);
        await goals.Locator("button[type=submit]").ClickAsync();
        await BrowserApp.Arrived(aino, new Regex(@"/staff/day\?.*done=goals"));
        await Expect(aino.Locator(".notice-success[role=status]")).ToContainTextAsync("Perheen tavoitteet tallennettiin.");
        Assert.Equal(2, await first.Locator("form.goals-form input[type=checkbox]:checked").CountAsync());
        Assert.Equal(1, await app.CountEvents("family_goals_recorded"));
        await Check(aino);

        // Its feedback asks the parent the fourth question.
        await first.Locator("button:has-text('Näytä palautteen QR-koodi')").ClickAsync();
        var url = new Uri(await aino.Locator("#feedback-qr a.feedback-url").GetAttributeAsync("href") ?? "");
        var parent = await app.NewPhonePage("sv-SE");
        await parent.GotoAsync(url.AbsolutePath + "?lang=sv");
        await Expect(parent.Locator("legend").Nth(3)).ToHaveTextAsync("Hur väl kan ni nu komma överens om barnets ärenden?");
        await Expect(parent.Locator("main")).ToContainTextAsync("Fyra frågor, under en minut.");
        await Check(parent);
        await parent.ClickAsync("label[for=heard-4]");
        await parent.ClickAsync("label[for=understood-4]");
        await parent.ClickAsync("label[for=helped-4]");
        await parent.ClickAsync("label[for=agree-2]");
        await parent.ClickAsync("button:has-text('Skicka')");
        await Expect(parent.Locator("h1")).ToHaveTextAsync("Tack för responsen!");
        Assert.Equal(11, await app.CountEvents("feedback_given")); // the ten of March seeded, and this one

        // The last meeting, in Swedish: met, and an agreement. Leaving a choice out says what is missing and writes nothing.
        await aino.GotoAsync("/staff/day?lang=sv");
        var last = aino.Locator("article", new() { Has = aino.Locator("time", new() { HasText = "8.00" }) });
        var review = last.Locator("form.review-form");
        await Expect(review.Locator("legend").First).ToHaveTextAsync("Sista mötet: uppnåddes familjens mål?");
        await review.Locator("label", new() { HasText = "Uppnåddes" }).First.ClickAsync();
        var refused = await aino.RunAndWaitForResponseAsync(() => review.Locator("button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/staff/day"));
        Assert.Equal(400, refused.Status);
        await Expect(aino.Locator("#day-problem")).ToContainTextAsync("Välj om målen uppnåddes");
        Assert.Equal(0, await app.CountEvents("family_goals_reviewed"));
        // The page shown again keeps the choice made; adding the missing answer saves from the same page.
        await Expect(review.Locator("input[name=GoalsMet]:checked")).ToHaveCountAsync(1);
        await review.Locator("label", new() { HasText = "Ja" }).ClickAsync();
        await Check(aino);
        await review.Locator("button[type=submit]").ClickAsync();
        await BrowserApp.Arrived(aino, new Regex(@"/staff/day\?.*done=review"));
        await Expect(aino.Locator(".notice-success[role=status]")).ToContainTextAsync("Uppgifterna om sista mötet sparades.");
        Assert.Equal(1, await app.CountEvents("family_goals_reviewed"));
        await Check(aino);

        // The manager: March's five first and five last answers give a change; the comments of February (five, past the
        // delay) are shown, March's two are not.
        await app.Factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var manager = await app.NewSizedPage(1280, 900);
        await SignIn(manager, "/staff/figures?month=2026-04&lang=fi", "pekka");
        await BrowserApp.Arrived(manager, "**/staff/figures**");
        var march = manager.Locator("#impact-table tbody tr", new() { HasText = "Maaliskuu 2026" });
        Assert.Matches(@"2,0[\s\S]*4,2[\s\S]*\+2,2", await march.InnerTextAsync());
        var april = await manager.Locator("#impact-table tbody tr", new() { HasText = "Huhtikuu 2026" }).InnerTextAsync();
        Assert.Contains("ei näytetä (alle 5)", april);
        Assert.DoesNotContain("2,0", april); // the one answer of April is withheld
        var comments = manager.Locator("section", new() { Has = manager.Locator("#comments-heading") });
        Assert.Equal(5, await comments.Locator("ul.feedback-comments li").CountAsync());
        await Expect(comments).ToContainTextAsync("Helmikuun kommentti 3");
        await Expect(comments).ToContainTextAsync("Liian vähän kommentteja näytettäväksi.");
        await Expect(comments).Not.ToContainTextAsync("Maaliskuun kommentti");
        await Check(manager);
        await manager.GotoAsync("/staff/figures?month=2026-04&lang=sv");
        await Expect(manager.Locator("#impact-heading")).ToHaveTextAsync("Vad förändrades för familjerna");
        await Expect(comments).ToContainTextAsync("För få kommentarer för att visas.");
        await Check(manager);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static async Task SignIn(IPage page, string path, string user)
    {
        await page.GotoAsync(path);
        await BrowserApp.Arrived(page, "**/staff/sign-in**");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", $"{user}-demo-2026");
        await page.ClickAsync("main form button[type=submit]");
    }

    /// <summary>Two held meetings of Aino's today; March's answers at first and last meetings; comments for February and March.</summary>
    private async Task Seed()
    {
        await using (var session = app.Factory.Services.GetRequiredService<IEventStore>().OpenSession(DemoUnitIds.Unit, "test"))
        {
            var slots = new List<object>();
            foreach (var hour in new[] { 7, 8 })
            {
                var id = Guid.NewGuid();
                var start = Today.At(new LocalTime(hour, 0)).InZoneStrictly(Helsinki).ToInstant();
                var end = start.Plus(Duration.FromMinutes(30));
                session.Append(StreamIds.Appointment(id), StreamIds.AppointmentType, 0, [
                    new AppointmentBooked(id, Guid.NewGuid(), "agreement", Modality.InPerson, start, end, end.Plus(Duration.FromMinutes(10)),
                        DemoUnitIds.Aino, BookingChannel.Online, "client", start.Minus(Duration.FromDays(4))),
                    new AppointmentCompleted(id, "staff:aino", end)]);
                slots.Add(new SlotReserved(DemoUnitIds.Aino, Today, id, start, end.Plus(Duration.FromMinutes(10)), start.Minus(Duration.FromDays(4))));
            }
            session.Append(StreamIds.StaffDay(DemoUnitIds.Aino, Today), StreamIds.StaffDayType, 0, slots);
            var marchMonth = new LocalDate(2026, 3, 1);
            session.Append(StreamIds.FeedbackMonth(marchMonth), StreamIds.FeedbackMonthType, 0, [
                .. Enumerable.Repeat(2, 5).Select(a => (object)new FeedbackGiven("agreement", marchMonth, FeedbackAudience.Parent, 4, 4, 4, false, MeetingStage.First, a)),
                .. new[] { 4, 4, 4, 5, 4 }.Select(a => (object)new FeedbackGiven("agreement", marchMonth, FeedbackAudience.Parent, 4, 4, 4, false, MeetingStage.Last, a))]);
            await session.SaveChangesAsync();
        }
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        foreach (var (month, text) in Enumerable.Range(1, 5).Select(i => (new DateOnly(2026, 2, 1), $"Helmikuun kommentti {i}"))
                     .Concat(Enumerable.Range(1, 2).Select(i => (new DateOnly(2026, 3, 1), $"Maaliskuun kommentti {i}"))))
        {
            await using var insert = new NpgsqlCommand(
                "insert into feedback_comments (unit_id, month, kind, audience, text) values ($1, $2, 'agreement', 'parent', $3)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = DemoUnitIds.Unit });
            insert.Parameters.Add(new NpgsqlParameter { Value = month });
            insert.Parameters.Add(new NpgsqlParameter { Value = text });
            await insert.ExecuteNonQueryAsync();
        }
    }
}
