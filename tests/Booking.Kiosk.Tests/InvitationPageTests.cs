// The other parent answers the invitation from the link in their email, in Finnish; the page passes axe.
using System.Net.Http.Json;
using Booking.Domain.Appointments;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Booking.Kiosk.Tests;

public sealed class InvitationPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_invited_parent_accepts_on_the_invitation_page_and_the_page_passes_axe()
    {
        using (var http = app.CreateClient())
        {
            var booked = await http.PostAsJsonAsync("/api/bookings", new
            {
                appointmentType = "advice", modality = "inPerson", start = "2026-04-22T08:30",
                client = new { name = "Liisa Testi", email = "liisa@example.fi", phone = "0401234567", language = "fi" },
                otherParentEmail = "pekka.toinen@example.fi",
            });
            Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());
        }

        // The link's token travels only by email; the test unseals it the way the email sender does.
        string sealedToken;
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select sealed_token from invitation_tokens", connection);
            sealedToken = (string)(await command.ExecuteScalarAsync())!;
        }
        var token = app.Factory.Services.GetRequiredService<IManageTokenIssuer>().Unseal(sealedToken)!;

        var page = await app.NewPhonePage();
        await page.GotoAsync($"/invitation/{token}?lang=fi");
        var violations = new List<string>(await BrowserApp.AccessibilityViolations(page));
        var main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Mikael", main);
        Assert.DoesNotContain("Satu", main);

        await page.Locator("main form button.button").First.ClickAsync();
        await page.Locator("main [role=status]").Filter(new() { HasText = "Olet ilmoittanut tulevasi" }).WaitForAsync();
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        Assert.Equal(1L, await app.CountEvents("other_parent_responded"));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
