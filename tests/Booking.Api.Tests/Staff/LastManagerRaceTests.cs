// Two managers disabling (or demoting) each other at the same moment on real PostgreSQL: each decides from a read in which
// the other is still an enabled manager, so only the database's guard keeps the unit from being left without one.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Configuration;
using Booking.Testing;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Staff;

public sealed class LastManagerRaceTests(LastManagerRaceTests.App app) : IClassFixture<LastManagerRaceTests.App>
{
    public sealed class App : BookingApp;

    private async Task<HttpClient> SignIn(string user)
    {
        var http = app.CreateClient();
        var response = await http.PostAsJsonAsync("/api/staff/sign-in", new { userName = user, password = $"{user}-demo-2026" });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        http.DefaultRequestHeaders.Add("Cookie", response.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
        return http;
    }

    private async Task<(string User, string Role, bool Enabled)[]> Managers()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select user_name, role, enabled from staff_accounts where user_name in ('pekka', 'aino') order by user_name", connection);
        var rows = new List<(string, string, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        return [.. rows];
    }

    [Fact]
    public async Task Two_managers_disabling_or_demoting_each_other_at_once_never_leave_the_unit_without_an_enabled_manager()
    {
        using (var pekka = await SignIn("pekka"))
            Assert.Equal(HttpStatusCode.OK, (await pekka.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Aino}/role", new { role = "manager" })).StatusCode);

        var bothWon = 0;
        for (var round = 0; round < 30; round++)
        {
            using var pekka = await SignIn("pekka");
            using var aino = await SignIn("aino");
            // Even rounds: each disables the other; odd rounds: Pekka demotes Aino while she disables him.
            var byPekka = round % 2 == 0
                ? pekka.PostAsync($"/api/staff/accounts/{DemoUnitIds.Aino}/disable", null)
                : pekka.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Aino}/role", new { role = "supervisor" });
            var byAino = aino.PostAsync($"/api/staff/accounts/{DemoUnitIds.Pekka}/disable", null);
            var answers = await Task.WhenAll(byPekka, byAino);

            var managers = (await Managers()).Where(m => m.Role == "manager" && m.Enabled).ToArray();
            Assert.True(managers.Length >= 1, $"round {round}: no enabled manager left ({string.Join(", ", answers.Select(a => (int)a.StatusCode))})");
            if (answers.All(a => a.StatusCode == HttpStatusCode.OK)) bothWon++;
            // The refused one hears the rule, not an error or "busy"; or, when the other's change landed before its own request
            // was let in, it is no longer a signed-in manager (401/403), and the other's change is what happened.
            for (var i = 0; i < 2; i++)
            {
                if (answers[i].StatusCode == HttpStatusCode.OK) continue;
                var body = await answers[i].Content.ReadAsStringAsync();
                if (answers[i].StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    Assert.True(answers[1 - i].StatusCode == HttpStatusCode.OK, $"round {round}: {(int)answers[i].StatusCode} while the other was {(int)answers[1 - i].StatusCode}");
                else
                    Assert.True(body.Contains("\"last_manager\"", StringComparison.Ordinal), $"round {round}: {(int)answers[i].StatusCode} {body}");
            }

            // The one left a manager puts the other back for the next round.
            var survivor = managers[0].User == "pekka" ? pekka : aino;
            var other = managers[0].User == "pekka" ? DemoUnitIds.Aino : DemoUnitIds.Pekka;
            Assert.Equal(HttpStatusCode.OK, (await survivor.PostAsync($"/api/staff/accounts/{other}/enable", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await survivor.PostAsJsonAsync($"/api/staff/accounts/{other}/role", new { role = "manager" })).StatusCode);
        }
        Assert.Equal(0, bothWon);
    }
}
