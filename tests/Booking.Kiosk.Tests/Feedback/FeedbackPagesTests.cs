// Outcomes and feedback in the room, in chromium: Aino taps the held meeting's outcomes on her day page and shows the
// feedback QR code; a parent opens its address on a phone in Swedish and answers in a few taps; the same code then no
// longer works; a child answers a second code in the child's version. axe-core finds nothing in Finnish or Swedish.
// "Now" is Monday 2026-04-20 09:00 in Helsinki; the meeting was at 08:00.
using System.Text.RegularExpressions;
using Booking.Api.Configuration;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Booking.Kiosk.Tests.Feedback;

public sealed class FeedbackPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    [Fact]
    public async Task The_supervisor_taps_outcomes_and_shows_the_QR_and_a_parent_and_a_child_answer_on_a_phone()
    {
        var meeting = Guid.NewGuid();
        var start = new LocalDateTime(2026, 4, 20, 8, 0).InZoneStrictly(Helsinki).ToInstant();
        var end = start.Plus(Duration.FromMinutes(30));
        await using (var session = app.Factory.Services.GetRequiredService<IEventStore>().OpenSession(DemoUnitIds.Unit, "test"))
        {
            session.Append(StreamIds.Appointment(meeting), StreamIds.AppointmentType, 0, [
                new AppointmentBooked(meeting, Guid.NewGuid(), "advice", Modality.InPerson, start, end, end.Plus(Duration.FromMinutes(10)),
                    DemoUnitIds.Aino, BookingChannel.Online, "client", start.Minus(Duration.FromDays(4))),
                new AppointmentCompleted(meeting, "staff:aino", end)]);
            session.Append(StreamIds.StaffDay(DemoUnitIds.Aino, new LocalDate(2026, 4, 20)), StreamIds.StaffDayType, 0, [
                new SlotReserved(DemoUnitIds.Aino, new LocalDate(2026, 4, 20), meeting, start, end.Plus(Duration.FromMinutes(10)), start.Minus(Duration.FromDays(4)))]);
            await session.SaveChangesAsync();
        }
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var aino = await app.NewSizedPage(1280, 900);
        await aino.GotoAsync("/staff/day?lang=fi");
        await BrowserApp.Arrived(aino, "**/staff/sign-in**");
        await aino.FillAsync("#userName", "aino");
        await aino.FillAsync("#password", "aino-demo-2026");
        await aino.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(aino, new Regex(@"/staff/day"));

        // A few taps: two agreements confirmed.
        var form = aino.Locator("form.outcome-form");
        await Expect(form.Locator("legend")).ToHaveTextAsync("Mitä tapaamisessa saatiin aikaan?");
        await form.Locator("label", new() { HasText = "huollosta" }).ClickAsync();
        await form.Locator("label", new() { HasText = "asumisesta" }).ClickAsync();
        await Check(aino);
        await form.Locator("button[type=submit]").ClickAsync();
        await BrowserApp.Arrived(aino, new Regex(@"/staff/day\?.*done=outcomes"));
        await Expect(aino.Locator(".notice-success[role=status]")).ToContainTextAsync("Tapaamisen tulokset tallennettiin.");
        Assert.Equal(2, await aino.Locator("form.outcome-form input[type=checkbox]:checked").CountAsync());
        Assert.Equal(1, await app.CountEvents("meeting_outcomes_recorded"));

        // The QR code for the parent's phone.
        await aino.ClickAsync("button:has-text('Näytä palautteen QR-koodi')");
        await Expect(aino.Locator("#feedback-qr img")).ToBeVisibleAsync();
        await Check(aino);
        var url = new Uri(await aino.Locator("#feedback-qr a.feedback-url").GetAttributeAsync("href") ?? "");
        Assert.Matches(@"^/feedback/[A-Za-z0-9_-]{22}$", url.AbsolutePath);

        var parent = await app.NewPhonePage("sv-SE");
        var opened = await parent.GotoAsync(url.AbsolutePath + "?lang=sv");
        Assert.Equal(200, opened!.Status);
        await Expect(parent.Locator("h1")).ToHaveTextAsync("Respons på mötet");
        await Expect(parent.Locator("#comment-hint")).ToContainTextAsync("Skriv inte namn");
        await Check(parent);
        await parent.ClickAsync("label[for=heard-5]");
        await parent.ClickAsync("label[for=understood-4]");
        await parent.ClickAsync("label[for=helped-5]");
        await parent.FillAsync("#comment-1", "Bra bemötande.");
        await parent.ClickAsync("button:has-text('Skicka')");
        await Expect(parent.Locator("h1")).ToHaveTextAsync("Tack för responsen!");
        await Check(parent);
        Assert.Equal(1, await app.CountEvents("feedback_given"));

        var again = await parent.GotoAsync(url.AbsolutePath + "?lang=sv");
        Assert.Equal(410, again!.Status);
        await Expect(parent.Locator("h1")).ToHaveTextAsync("Responskoden fungerar inte längre");

        // A second code for the child, in the child's version in Finnish.
        await aino.ReloadAsync();
        await aino.ClickAsync("button:has-text('Näytä palautteen QR-koodi')");
        var childUrl = new Uri(await aino.Locator("#feedback-qr a.feedback-url").GetAttributeAsync("href") ?? "");
        Assert.NotEqual(url.AbsolutePath, childUrl.AbsolutePath);
        var child = await app.NewPhonePage("fi-FI");
        await child.GotoAsync(childUrl.AbsolutePath + "?lang=fi");
        await child.ClickAsync("a:has-text('Lapsen versio')");
        await Expect(child.Locator("h1")).ToHaveTextAsync("Kerro, miltä käynti tuntui");
        await Expect(child.Locator("legend").First).ToHaveTextAsync("Kuunneltiinko sinua?");
        await Check(child);
        await child.ClickAsync("label[for=heard-4]");
        await child.ClickAsync("label[for=understood-3]");
        await child.ClickAsync("label[for=helped-5]");
        await child.ClickAsync("button:has-text('Lähetä')");
        await Expect(child.Locator("h1")).ToHaveTextAsync("Kiitos palautteesta!");
        Assert.Equal(2, await app.CountEvents("feedback_given"));

        // The meeting's history: who did what, from its events; staff by name, parents only as "the client".
        await aino.GotoAsync($"/staff/meetings/{meeting}?lang=fi");
        var history = aino.Locator("#meeting-history tbody");
        await Expect(history.Locator("tr")).ToHaveCountAsync(3);
        await Expect(history.Locator("tr").Nth(0)).ToContainTextAsync("Varattu");
        await Expect(history.Locator("tr").Nth(1)).ToContainTextAsync("Merkitty pidetyksi");
        await Expect(history.Locator("tr").Nth(2)).ToContainTextAsync("Tulokset kirjattu");
        await Expect(history.Locator("tr").Nth(2)).ToContainTextAsync("Aino Virtanen");
        await Check(aino);
        await aino.GotoAsync($"/staff/meetings/{meeting}?lang=sv");
        await Expect(aino.Locator("#history-heading")).ToHaveTextAsync("Mötets historik");
        await Check(aino);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
