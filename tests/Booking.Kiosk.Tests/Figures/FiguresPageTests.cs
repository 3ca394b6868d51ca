// The manager's figures page in chromium: opens from the staff home, shows the month's charts with their tables, switches
// month by link and by the month field, downloads the CSV; axe-core finds nothing in Finnish or Swedish. (Who may open
// the page: the permission matrix in the API tests.)
// "Now" is Monday 2026-04-20 09:00 in Helsinki.
using System.Text;
using System.Text.RegularExpressions;
using Booking.Api.Configuration;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Xunit;

namespace Booking.Kiosk.Tests.Figures;

public sealed class FiguresPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    [Fact]
    public async Task The_manager_reads_the_month_switches_month_downloads_the_CSV_and_the_page_passes_axe_in_Finnish_and_Swedish()
    {
        // Held meetings: three in April (one of them online), two in March.
        await Meetings((4, 14, BookingChannel.Online), (4, 15, BookingChannel.Secretary), (4, 16, BookingChannel.Secretary),
            (3, 10, BookingChannel.Online), (3, 11, BookingChannel.WalkIn));
        await app.Factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var manager = await app.NewPhonePage("fi-FI");
        await BrowserApp.SignInFromStaff(manager, "pekka", "fi");
        await manager.ClickAsync("nav.staff-nav a[href$='/staff/figures']");
        await BrowserApp.Arrived(manager, "**/staff/figures");

        Assert.Contains("Huhtikuu 2026", await manager.Locator("h1").InnerTextAsync());
        Assert.Equal(2, await manager.Locator("figure svg[role=img]").CountAsync());
        var byMonth = manager.Locator("figure", new() { Has = manager.Locator("#chart-months-title") });
        Assert.Equal("3", await byMonth.Locator("tbody tr").Last.Locator("td").Nth(1).InnerTextAsync()); // held in April
        var channels = await manager.Locator("figure", new() { Has = manager.Locator("#chart-channels-title") }).Locator("tbody").InnerTextAsync();
        Assert.Matches(@"Verkossa\s+1\s+1", channels);
        Assert.Matches(@"Toimistosihteeri tai puhelin\s+2\s+2", channels);
        await Check(manager);

        await manager.ClickAsync("a:has-text('Edellinen kuukausi')");
        await BrowserApp.Arrived(manager, new Regex(@"/staff/figures\?month=2026-03&lang=fi$"));
        Assert.Contains("Maaliskuu 2026", await manager.Locator("h1").InnerTextAsync());
        Assert.Matches(@"Jatkoaika avovastaanotolta\s+1\s+1",
            await manager.Locator("figure", new() { Has = manager.Locator("#chart-channels-title") }).Locator("tbody").InnerTextAsync());

        await manager.FillAsync("#month", "2026-04");
        await manager.ClickAsync("form button:has-text('Näytä')");
        await BrowserApp.Arrived(manager, new Regex(@"/staff/figures\?lang=fi&month=2026-04$"));
        Assert.Contains("Huhtikuu 2026", await manager.Locator("h1").InnerTextAsync());

        var download = await manager.RunAndWaitForDownloadAsync(() => manager.ClickAsync("a[href*='/api/figures/report.csv']"));
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("period_from;period_to;section;figure;group;value", lines[0]);
        Assert.Contains("2026-04-01;2026-04-30;meetings;held;all;3", lines);

        // A month that is not one: the page says so and shows the current month.
        await manager.GotoAsync("/staff/figures?month=2026-13&lang=fi");
        Assert.Equal("true", await manager.GetAttributeAsync("#month", "aria-invalid"));
        await Check(manager);

        await manager.GotoAsync("/staff/figures?month=2026-04&lang=sv");
        await BrowserApp.Arrived(manager, "**/staff/figures?month=2026-04&lang=sv");
        Assert.Contains("April 2026", await manager.Locator("h1").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Möten per månad", await manager.Locator("main").InnerTextAsync());
        await Check(manager);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private async Task Meetings(params (int Month, int Day, BookingChannel Channel)[] meetings)
    {
        await using var session = app.Factory.Services.GetRequiredService<IEventStore>().OpenSession(DemoUnitIds.Unit, "test");
        foreach (var (month, day, channel) in meetings)
        {
            var id = Guid.NewGuid();
            var start = new LocalDateTime(2026, month, day, 10, 0).InZoneStrictly(Helsinki).ToInstant();
            session.Append(StreamIds.Appointment(id), StreamIds.AppointmentType, 0, [
                new AppointmentBooked(id, Guid.NewGuid(), "advice", Modality.InPerson, start, start.Plus(Duration.FromMinutes(30)),
                    start.Plus(Duration.FromMinutes(40)), DemoUnitIds.Aino, channel, "test", start.Minus(Duration.FromDays(4))),
                new AppointmentCompleted(id, "staff:aino", start.Plus(Duration.FromMinutes(30)))]);
        }
        await session.SaveChangesAsync();
    }
}
