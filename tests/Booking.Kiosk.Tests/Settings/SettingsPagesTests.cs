// The manager's settings pages in chromium: evening hours added on the opening-hours page show as free times on the
// parent's booking page; a block that ends before it starts is refused on its row; an edit made on a version someone
// else has since saved says "reload" and writes nothing; the history names who changed which part; axe-core finds
// nothing in Finnish or Swedish. (Who may open the pages: the permission matrix in the API tests.)
// "Now" is Monday 2026-04-20 09:00 in Helsinki; Saturday 2026-04-25 has no bookable hours in the demo unit.
using System.Text.RegularExpressions;
using Booking.Api.Configuration;
using Booking.Domain.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Xunit;

namespace Booking.Kiosk.Tests.Settings;

public sealed class SettingsPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string SaturdayEvening = "a.time[href*='start=2026-04-25T17']";

    [Fact]
    public async Task The_manager_adds_evening_hours_and_the_parents_free_times_change_a_stale_edit_says_reload_and_the_pages_pass_axe()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var parent = await app.NewPhonePage("sv-SE");
        await parent.GotoAsync("/book/times?type=advice&modality=video&week=2026-04-20&lang=sv");
        await BrowserApp.Arrived(parent, "**/book/times**");
        Assert.Equal(0, await parent.Locator(SaturdayEvening).CountAsync());

        var manager = await app.NewSizedPage(1366, 768, "fi-FI");
        await BrowserApp.SignInFromStaff(manager, "pekka", "fi");
        await manager.ClickAsync("nav.staff-nav a[href$='/staff/settings']");
        await BrowserApp.Arrived(manager, "**/staff/settings");
        await Check(manager);
        await manager.ClickAsync("main a[href$='/staff/settings/hours']");
        await BrowserApp.Arrived(manager, "**/staff/settings/hours");
        await Check(manager);

        // The first empty row: Aino on Saturday evening, 17:00-19:00.
        var rows = await manager.Locator("table.settings-table tbody tr").CountAsync();
        var empty = rows - 3;
        await manager.SelectOptionAsync($"#hours-{empty}-staff", DemoUnitIds.Aino.ToString());
        await manager.SelectOptionAsync($"#hours-{empty}-day", "Saturday");
        await manager.FillAsync($"#hours-{empty}-from", "17:00");
        await manager.FillAsync($"#hours-{empty}-to", "19:00");
        await manager.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(manager, "**/staff/settings/hours?saved=1**");
        Assert.Contains("Tallennettu", await manager.Locator("[role=status]").InnerTextAsync());
        Assert.Equal(rows + 1, await manager.Locator("table.settings-table tbody tr").CountAsync());

        await parent.ReloadAsync();
        await BrowserApp.Arrived(parent, "**/book/times**");
        Assert.True(await parent.Locator(SaturdayEvening).CountAsync() >= 1, "Saturday evening is free to book after the manager saved it");
        Assert.Contains(new Intervals(app).Hours, h => h.StaffId == DemoUnitIds.Aino && h.Day == NodaTime.IsoDayOfWeek.Saturday);

        // A block that ends before it starts: refused on its row, nothing saved.
        var version = await new Intervals(app).Version();
        await manager.SelectOptionAsync($"#hours-{empty + 1}-staff", DemoUnitIds.Mikael.ToString());
        await manager.FillAsync($"#hours-{empty + 1}-from", "12:00");
        await manager.FillAsync($"#hours-{empty + 1}-to", "10:00");
        await manager.ClickAsync("main form button[type=submit]");
        await manager.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await manager.GetAttributeAsync($"#hours-{empty + 1}-to", "aria-invalid"));
        Assert.Contains("Lohkon on päätyttävä alkamisensa jälkeen", await manager.Locator(".error-summary").InnerTextAsync());
        Assert.Equal(version, await new Intervals(app).Version());
        await Check(manager);

        // Stale: the hours page was read at one version, then the booking page saved another in a second tab.
        await manager.GotoAsync("/staff/settings/hours?lang=sv");
        await BrowserApp.Arrived(manager, "**/staff/settings/hours?lang=sv");
        var other = await manager.Context.NewPageAsync();
        await other.GotoAsync("/staff/settings/booking?lang=sv");
        await BrowserApp.Arrived(other, "**/staff/settings/booking?lang=sv");
        await other.FillAsync("#horizonWeeks", "0");
        await other.ClickAsync("main form button[type=submit]");
        await other.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await other.GetAttributeAsync("#horizonWeeks", "aria-invalid"));
        await Check(other);
        await other.FillAsync("#horizonWeeks", "9");
        await other.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(other, "**/staff/settings/booking?saved=1**");
        Assert.Equal(9, (await app.Factory.Services.GetRequiredService<UnitConfigurationStore>().ReadFresh(DemoUnitIds.Unit))!.Configuration.HorizonWeeks);

        var beforeStale = await new Intervals(app).Version();
        await manager.CheckAsync("#hours-0-remove");
        await manager.ClickAsync("main form button[type=submit]");
        var stale = manager.Locator(".settings-stale");
        await stale.WaitForAsync();
        Assert.Contains("Någon annan ändrade inställningarna", await stale.InnerTextAsync());
        Assert.Equal(beforeStale, await new Intervals(app).Version());
        await Check(manager);

        await manager.GotoAsync("/staff/settings?lang=sv");
        await BrowserApp.Arrived(manager, "**/staff/settings?lang=sv");
        var history = await manager.Locator("table.settings-history tbody").InnerTextAsync();
        Assert.Matches(@"Pekka Heikkinen\s+bokningsperiod", history);
        Assert.Matches(@"Pekka Heikkinen\s+öppettider", history);
        await Check(manager);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_manager_sees_a_failed_email_by_kind_and_recipient_only_and_sends_it_again()
    {
        var id = $"test-dead-{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                insert into email_outbox (id, unit_id, kind, appointment_id, recipient_role, client_id, message_id, status, attempts, last_error)
                values ($1, $2, 'invitation', $3, 'other_parent', $3, 'm@example.fi', 'dead', 8, '550 toinen.vanhempi@example.fi: no such user')
                """, connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = DemoUnitIds.Unit });
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            await insert.ExecuteNonQueryAsync();
        }
        var violations = new List<string>();
        var manager = await app.NewPhonePage("fi-FI");
        await manager.GotoAsync("/staff/settings/emails?lang=fi");
        await BrowserApp.Arrived(manager, "**/staff/sign-in**");
        await manager.FillAsync("#userName", "pekka");
        await manager.FillAsync("#password", "pekka-demo-2026");
        await manager.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(manager, "**/staff/settings/emails**");
        var table = await manager.Locator("table.failed-emails tbody").InnerTextAsync();
        Assert.Matches(@"Kutsu toiselle vanhemmalle\s+Toinen vanhempi", table);
        Assert.DoesNotContain("@", await manager.Locator("main").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(manager));

        await manager.ClickAsync("table.failed-emails button:has-text('Lähetä uudelleen')");
        await BrowserApp.Arrived(manager, "**/staff/settings/emails?done=replayed**");
        Assert.Contains("lähetysjonossa", await manager.Locator("[role=status]").InnerTextAsync());
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var status = new NpgsqlCommand("select status, attempts from email_outbox where id = $1", connection);
            status.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await status.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.NotEqual("dead", reader.GetString(0));
        }

        await manager.GotoAsync("/staff/settings/emails?lang=sv");
        await BrowserApp.Arrived(manager, "**/staff/settings/emails?lang=sv");
        Assert.Contains("Misslyckade e-postmeddelanden", await manager.Locator("h1").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(manager));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private sealed class Intervals(BrowserApp app)
    {
        private readonly UnitConfigurationStore store = app.Factory.Services.GetRequiredService<UnitConfigurationStore>();

        public IReadOnlyList<WeeklyHours> Hours => store.ReadFresh(DemoUnitIds.Unit).GetAwaiter().GetResult()!.Configuration.Hours;

        public async Task<int> Version() => (await store.ReadFresh(DemoUnitIds.Unit))!.Version;
    }
}
