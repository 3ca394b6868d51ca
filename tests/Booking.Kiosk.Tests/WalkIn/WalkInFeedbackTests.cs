// The walk-in page's feedback QR, in chromium: Aino has served number 1 (Mikael number 2); her page offers the feedback
// code for her own visit only; the code names "walk-in" and the month, nothing else, and the parent's phone page asks the
// three questions (no "agree": a walk-in visit is neither a family's first nor last meeting). axe-core in fi and sv.
// "Now" is Thursday 2026-04-23 09:00 in Helsinki.
using System.Text.RegularExpressions;
using Booking.Api.Configuration;
using Booking.Domain;
using Booking.Domain.Configuration;
using Booking.Domain.WalkIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Booking.Kiosk.Tests.WalkIn;

public sealed class WalkInFeedbackTests(WalkInMorning app) : IClassFixture<WalkInMorning>
{
    [Fact]
    public async Task The_supervisor_shows_the_feedback_QR_for_her_served_visit_and_the_code_names_only_walk_in_and_the_month()
    {
        var walkIn = app.Factory.Services.GetRequiredService<WalkInUseCases>();
        var unit = DemoUnitIds.Unit;
        foreach (var (staff, room, code) in new[] { (DemoUnitIds.Aino, "204", "AAAAAAAAAAAAAAAAAAAAA1"), (DemoUnitIds.Mikael, "205", "AAAAAAAAAAAAAAAAAAAAA2") })
        {
            Assert.True((await walkIn.IssueTicket(unit, WalkInMatter.Advice, Language.Fi, code)).Succeeded);
            Assert.True((await walkIn.AddToDuty(unit, staff, room, "test")).Succeeded);
        }
        foreach (var (staff, number) in new[] { (DemoUnitIds.Aino, 1), (DemoUnitIds.Mikael, 2) })
        {
            var called = await walkIn.CallNext(unit, staff);
            Assert.True(called.Succeeded, called.Refusal?.Error.ToString());
            Assert.Equal(number, called.Value!.Number);
            Assert.True((await walkIn.Start(unit, staff, number)).Succeeded);
            Assert.True((await walkIn.Complete(unit, staff, number, VisitOutcome.AdviceGiven)).Succeeded);
        }
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var aino = await app.NewScreen(1280, 900);
        await aino.GotoAsync("/staff/walk-in?lang=fi");
        await aino.WaitForURLAsync("**/staff/sign-in**");
        await aino.FillAsync("#userName", "aino");
        await aino.FillAsync("#password", "aino-demo-2026");
        await aino.ClickAsync("main form button[type=submit]");
        await aino.WaitForURLAsync(new Regex(@"/staff/walk-in(\?lang=fi)?$"));
        var offered = aino.Locator("section", new() { Has = aino.Locator("#walk-in-feedback-heading") }).Locator("button");
        await Expect(offered).ToHaveCountAsync(1);
        await Expect(offered).ToHaveTextAsync("Näytä palautteen QR-koodi, numero 1");
        await Check(aino);
        await offered.ClickAsync();
        await Expect(aino.Locator("#feedback-qr img")).ToBeVisibleAsync();
        await Check(aino);
        var url = new Uri(await aino.Locator("#feedback-qr a.feedback-url").GetAttributeAsync("href") ?? "");
        Assert.Matches(@"^/feedback/[A-Za-z0-9_-]{22}$", url.AbsolutePath);

        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var issued = new NpgsqlCommand("select data->>'kind', data->>'month', data::text from mt_events where type = 'feedback_code_issued'", connection);
            await using var reader = await issued.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(("walkIn", "2026-04-01"), (reader.GetString(0), reader.GetString(1)));
            Assert.DoesNotContain(DemoUnitIds.Aino.ToString(), reader.GetString(2), StringComparison.OrdinalIgnoreCase);
            Assert.False(await reader.ReadAsync());
        }

        var parent = await app.NewPhonePage("sv-SE");
        var opened = await parent.GotoAsync(url.AbsolutePath + "?lang=sv");
        Assert.Equal(200, opened!.Status);
        await Expect(parent.Locator("fieldset.faces")).ToHaveCountAsync(3);
        await Check(parent);
        await parent.ClickAsync("label[for=heard-5]");
        await parent.ClickAsync("label[for=understood-5]");
        await parent.ClickAsync("label[for=helped-4]");
        await parent.ClickAsync("button:has-text('Skicka')");
        await Expect(parent.Locator("h1")).ToHaveTextAsync("Tack för responsen!");
        Assert.Equal(1, await app.CountEvents("feedback_given"));

        await aino.GotoAsync("/staff/walk-in?lang=sv");
        await Expect(aino.Locator("#walk-in-feedback-heading")).ToHaveTextAsync("Respons på besöket");
        await Check(aino);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
