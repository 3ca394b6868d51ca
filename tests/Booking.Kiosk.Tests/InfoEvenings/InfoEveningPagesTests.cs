// The manager schedules an info evening through the staff pages; a parent finds it on the public list and registers in
// Finnish on a phone-sized screen; the manager sees them on the roster. Every page is checked with axe-core (WCAG 2.1
// AA), the evening page also with its field errors showing. "Now" is Monday 2026-04-20 09:00 in Helsinki.
using System.Text.RegularExpressions;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.InfoEvenings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Xunit;

namespace Booking.Kiosk.Tests.InfoEvenings;

public sealed class InfoEveningPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_manager_schedules_an_evening_a_parent_registers_in_Finnish_and_every_page_passes_axe()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        const string title = "Vanhempien eron ABC – kevät";

        // The manager signs in on the way to the evenings page and schedules an evening.
        var manager = await SignedInManager();
        await manager.ClickAsync("nav.staff-nav a[href$='/staff/evenings']");
        await BrowserApp.Arrived(manager, "**/staff/evenings");
        await Check(manager);

        await manager.FillAsync("#title", "");
        await manager.ClickAsync("form button:has-text('Ajasta ilta')");
        await manager.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await manager.GetAttributeAsync("#title", "aria-invalid"));
        await Check(manager);

        await manager.FillAsync("#title", title);
        await manager.FillAsync("#description", "Lastenvalvoja ja perheneuvola kertovat, mitä erossa sovitaan lapsen asioista.\n\nKahvitarjoilu.");
        await manager.FillAsync("#date", "2026-05-12");
        await manager.FillAsync("#start", "17:30");
        await manager.FillAsync("#end", "19:30");
        await manager.FillAsync("#place", "Perhekeskus, Kauppakatu 1, sali 2");
        await manager.CheckAsync("#evening-language-fi");
        await manager.FillAsync("#capacity", "20");
        await manager.FillAsync("#partners", "Perheneuvola, Ensi- ja turvakotien liitto");
        await manager.FillAsync("#opens", "2026-04-20T08:00");
        await manager.FillAsync("#closes", "2026-05-11T16:00");
        await manager.ClickAsync("form button:has-text('Ajasta ilta')");
        await BrowserApp.Arrived(manager, new Regex(@"/staff/evenings/[0-9a-f-]{36}\?done=scheduled$"));
        var rosterUrl = manager.Url.Split('?')[0];
        Assert.Contains("Ilta on ajastettu", await manager.Locator("[role=status]").InnerTextAsync());
        Assert.Contains("Perheneuvola", await manager.Locator("main").InnerTextAsync());
        await Check(manager);

        // A parent finds the evening on the public list, in Finnish.
        var parent = await app.NewPhonePage("fi-FI");
        await parent.GotoAsync("/?lang=fi");
        await parent.ClickAsync("a[href$='/evenings']");
        await BrowserApp.Arrived(parent, "**/evenings");
        var card = parent.Locator("li.evening-card", new() { HasText = title });
        var cardText = await card.InnerTextAsync();
        Assert.Contains("Tiistai 12.5.2026 klo 17.30–19.30", cardText);
        Assert.Contains("20 paikkaa jäljellä", cardText);
        Assert.Contains("Perhekeskus, Kauppakatu 1, sali 2", cardText);
        Assert.Contains("Suomeksi", cardText);
        await Check(parent);

        await card.Locator("a.button").ClickAsync();
        await BrowserApp.Arrived(parent, new Regex(@"/evenings/[0-9a-f-]{36}$"));
        Assert.Equal(title, (await parent.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Kahvitarjoilu.", await parent.Locator("main").InnerTextAsync());
        await Check(parent);

        // Wrong details are explained beside the fields, and nothing is registered.
        await parent.FillAsync("#name", "");
        await parent.FillAsync("#email", "ei-osoite");
        await parent.ClickAsync("main form button[type=submit]");
        await parent.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await parent.GetAttributeAsync("#name", "aria-invalid"));
        Assert.Equal("true", await parent.GetAttributeAsync("#email", "aria-invalid"));
        Assert.Contains("Kirjoita nimesi.", await parent.Locator("#name-error").InnerTextAsync());
        Assert.StartsWith("Virhe:", await parent.TitleAsync());
        await Check(parent);

        // A name without letters is told so (not that it is too long).
        await parent.FillAsync("#name", "12345 !!!");
        await parent.FillAsync("#email", "maija@example.fi");
        await parent.ClickAsync("main form button[type=submit]");
        await parent.Locator("#name-error:has-text('kirjaimin')").WaitForAsync();
        Assert.Contains("Kirjoita nimi kirjaimin", await parent.Locator("#name-error").InnerTextAsync());
        Assert.DoesNotContain("enintään", await parent.Locator("#name-error").InnerTextAsync());

        await parent.FillAsync("#name", "Maija Meikäläinen");
        await parent.FillAsync("#email", "maija@example.fi");
        await parent.FillAsync("#phone", "");
        await parent.CheckAsync("#seats-2");
        await parent.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(parent, new Regex(@"/evening-registration/[^/?]+\?new=1$"));
        Assert.Contains("Olet ilmoittautunut iltaan", await parent.Locator(".notice-success").InnerTextAsync());
        var main = await parent.Locator("main").InnerTextAsync();
        Assert.Contains(title, main);
        Assert.Contains("Ilmoittautunut", main);
        Assert.Contains("2 paikkaa", main);
        await Check(parent);

        // The manager's roster shows her, with the places taken.
        await manager.GotoAsync(rosterUrl);
        var roster = await manager.Locator("main").InnerTextAsync();
        Assert.Contains("Maija Meikäläinen", roster);
        Assert.Contains("maija@example.fi", roster);
        Assert.Contains("2/20", roster);
        var csv = await manager.Locator("a[href$='/roster.csv']").GetAttributeAsync("href");
        Assert.Matches(@"/api/evenings/[0-9a-f-]{36}/roster\.csv$", csv);
        await Check(manager);

        // The evenings list counts her places.
        await manager.GotoAsync("/staff/evenings");
        Assert.Contains("2/20", await manager.Locator("tr", new() { HasText = title }).InnerTextAsync());

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task A_full_evening_puts_a_parent_on_the_waiting_list_and_the_parent_cancels_from_the_link()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        var eveningId = await Schedule("Full evening", capacity: 1, new LocalDateTime(2026, 5, 5, 18, 0), Language.En);
        await RegisterDirectly(eveningId, "Someone First", "first@example.fi");

        var parent = await app.NewPhonePage("en-GB");
        await parent.GotoAsync($"/evenings/{eveningId}?lang=en");
        Assert.Contains("Full — join the waiting list", await parent.Locator("main").InnerTextAsync());
        await Check(parent);
        await parent.FillAsync("#name", "Alex Second");
        await parent.FillAsync("#email", "alex@example.fi");
        await parent.FillAsync("#phone", "040 765 4321");
        await parent.ClickAsync("main form button:has-text('Join the waiting list')");
        await BrowserApp.Arrived(parent, new Regex(@"/evening-registration/[^/?]+\?new=1$"));
        Assert.Contains("You are on the waiting list at number 1", await parent.Locator("[role=status]").InnerTextAsync());
        await Check(parent);

        await parent.ClickAsync("main form button:has-text('Cancel registration')");
        await parent.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await parent.GetAttributeAsync("#confirm-cancel", "aria-invalid"));
        await Check(parent);
        await parent.CheckAsync("#confirm-cancel");
        await parent.ClickAsync("main form button:has-text('Cancel registration')");
        await BrowserApp.Arrived(parent, new Regex(@"\?cancelled=1$"));
        Assert.Contains("Your registration has been cancelled", await parent.Locator("[role=status]").InnerTextAsync());
        Assert.Equal(0, await parent.Locator("#confirm-cancel").CountAsync());
        await Check(parent);

        // An unknown link is a 404.
        var unknown = await parent.GotoAsync("/evening-registration/not-a-real-token");
        Assert.Equal(404, unknown!.Status);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_manager_marks_attendance_at_the_door_and_the_figures_count_it()
    {
        // Starts at 09:30 today: attendance may be marked from an hour before.
        var eveningId = await Schedule("Aamupäivän infotilaisuus", capacity: 10, new LocalDateTime(2026, 4, 20, 9, 30), Language.Fi,
            opens: new LocalDateTime(2026, 4, 19, 8, 0), closes: new LocalDateTime(2026, 4, 20, 9, 30));
        await RegisterDirectly(eveningId, "Ville Vanhempi", "ville@example.fi");

        var manager = await SignedInManager();
        await manager.GotoAsync($"/staff/evenings/{eveningId}");
        Assert.Contains("Ei merkitty", await manager.Locator("table.roster").InnerTextAsync());
        await manager.ClickAsync("table.roster button:has-text('Paikalla')");
        await BrowserApp.Arrived(manager, new Regex(@"\?done=attendance$"));
        Assert.Contains("Kyllä", await manager.Locator("table.roster td").Nth(3).InnerTextAsync());
        var figures = await manager.Locator(".evening-figures").InnerTextAsync();
        Assert.Matches(@"Osallistui\s+1", figures);
        var violations = await BrowserApp.AccessibilityViolations(manager);

        // Cancelling needs a reason and the confirm box.
        await manager.ClickAsync("main form button:has-text('Peru ilta')");
        await manager.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await manager.GetAttributeAsync("#cancel-reason", "aria-invalid"));
        violations = [.. violations, .. await BrowserApp.AccessibilityViolations(manager)];
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
    }

    private async Task<IPage> SignedInManager()
    {
        var manager = await app.NewPhonePage("fi-FI");
        await BrowserApp.SignInFromStaff(manager, "pekka", "fi");
        return manager;
    }

    private async Task<Guid> Schedule(string title, int capacity, LocalDateTime start, Language language,
        LocalDateTime? opens = null, LocalDateTime? closes = null)
    {
        using var scope = app.Factory.Services.CreateScope();
        var evenings = scope.ServiceProvider.GetRequiredService<InfoEveningUseCases>();
        var unit = scope.ServiceProvider.GetRequiredService<CurrentUnit>();
        var id = Guid.NewGuid();
        var outcome = await evenings.Schedule(unit.UnitId, new ScheduleEveningRequest(id, title, "Tietoa erosta.", start, start.PlusHours(2),
            "Perhekeskus", null, language, capacity, ["Perheneuvola"], opens ?? new LocalDateTime(2026, 4, 1, 8, 0),
            closes ?? start.PlusDays(-1)), "test");
        Assert.True(outcome.Succeeded, outcome.Refusal?.ToString());
        return id;
    }

    private async Task RegisterDirectly(Guid eveningId, string name, string email)
    {
        using var scope = app.Factory.Services.CreateScope();
        var evenings = scope.ServiceProvider.GetRequiredService<InfoEveningUseCases>();
        var unit = scope.ServiceProvider.GetRequiredService<CurrentUnit>();
        var token = scope.ServiceProvider.GetRequiredService<IManageTokenIssuer>().Issue();
        var outcome = await evenings.Register(unit.UnitId, new EveningRegistrationRequest(eveningId, Guid.NewGuid(), Guid.NewGuid(),
            new ContactDetails(name, email, "", Language.Fi), 1, token.Hash, token.Sealed));
        Assert.True(outcome.Succeeded, outcome.Refusal?.ToString());
    }
}
