// Info evening email through a real SMTP server: the waiting-list place, the promotion and the cancelled evening, each
// in the registrant's language with the registration's manage link. "Now" is Monday 2026-10-19 09:00 (EmailApp); the
// evenings are on Tuesday 2026-11-10 18:00-20:00.
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.InfoEvenings;

public sealed partial class EveningEmailTests(EmailApp app) : IClassFixture<EmailApp>
{
    [GeneratedRegex(@"http://booking\.test/evening-registration/([A-Za-z0-9_-]{43})")]
    private static partial Regex ManageLink();

    private static object Registration(string name, string email, string language) =>
        new { client = new { name, email, language }, seats = 1 };

    [Fact]
    public async Task A_Swedish_registrant_on_the_waiting_list_gets_her_place_in_Swedish_and_then_the_promotion_with_her_manage_link()
    {
        var eveningId = await app.Schedule(capacity: 1, day: "2026-11-10", opens: "2026-10-19", title: "Föräldrarnas skilsmässo-ABC");
        var http = app.CreateClient();
        var first = await (await http.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations",
            Registration("Matti Virtanen", "matti.ev@example.fi", "fi"))).Json();
        var second = await http.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations", Registration("Sara Svensson", "sara.ev@example.fi", "sv"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var sara = await second.Json();
        Assert.Equal(("waiting", "1"), (sara["status"].Text(), sara["waitingPosition"].Text()));

        var confirmed = Assert.Single(await app.Smtp.WaitFor("matti.ev@example.fi"));
        Assert.StartsWith("Ilmoittautuminen vahvistettu: Föräldrarnas skilsmässo-ABC 10.11.2026 klo 18.00", confirmed.Subject);
        Assert.Equal(first["manageToken"].Text(), ManageLink().Match(confirmed.Text!).Groups[1].Value);

        var waiting = Assert.Single(await app.Smtp.WaitFor("sara.ev@example.fi"));
        Assert.Equal("sv", waiting.ContentLanguage);
        Assert.StartsWith("Du står på reservlistan:", waiting.Subject);
        Assert.Contains("Du är nummer 1 på reservlistan.", waiting.Text);

        (await http.PostAsync($"/api/evening-registrations/{first["manageToken"].Text()}/cancel", null)).EnsureSuccessStatusCode();

        var mails = await app.Smtp.WaitFor("sara.ev@example.fi", count: 2);
        var promoted = mails.Single(m => m.MessageId != waiting.MessageId);
        Assert.Equal("sv", promoted.ContentLanguage);
        Assert.StartsWith("Du har fått en plats på infokvällen: Föräldrarnas skilsmässo-ABC 10.11.2026 kl. 18.00", promoted.Subject);
        Assert.Contains("Hej Sara Svensson,", promoted.Text);
        Assert.Contains("tisdag 10.11.2026 kl. 18.00–20.00", promoted.Text);
        Assert.Contains("Du kan avboka din anmälan via länken:", promoted.Text);
        Assert.Equal(sara["manageToken"].Text(), ManageLink().Match(promoted.Text!).Groups[1].Value);
        Assert.Equal("registered", (await (await http.GetAsync($"/api/evening-registrations/{sara["manageToken"].Text()}")).Json())["status"].Text());
    }

    [Fact]
    public async Task A_cancelled_evening_is_told_to_everyone_registered_or_waiting_each_in_their_language()
    {
        var eveningId = await app.Schedule(capacity: 1, day: "2026-11-10", opens: "2026-10-19");
        var http = app.CreateClient();
        (await http.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations", Registration("Aino A", "aino.cancel@example.fi", "fi"))).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations", Registration("Eve E", "eve.cancel@example.fi", "en"))).EnsureSuccessStatusCode();
        await app.Smtp.WaitFor("eve.cancel@example.fi");

        var manager = await app.SignIn("pekka");
        (await manager.PostAsJsonAsync($"/api/evenings/{eveningId}/cancel", new { reason = "Puhuja sairastui" })).EnsureSuccessStatusCode();

        var eve = (await app.Smtp.WaitFor("eve.cancel@example.fi", count: 2)).Single(m => m.Subject.StartsWith("The info evening is cancelled"));
        Assert.StartsWith("The info evening is cancelled: Vanhempien eron ABC 10 Nov 2026 18:00", eve.Subject);
        Assert.Contains("Reason: Puhuja sairastui", eve.Text);
        Assert.DoesNotMatch(ManageLink(), eve.Text!);
        Assert.Single(await app.Smtp.WaitFor("aino.cancel@example.fi", count: 2), m => m.Subject.StartsWith("Infoilta on peruttu: Vanhempien eron ABC"));
    }
}
