// Single sign-on's doors through HTTP: with password sign-in switched off the API's password route refuses even the right
// password with a problem that says so, and the sign-in page offers only the single sign-on button; the manager links an
// account to a provider's claim value, with wrong input named by field and one account per value.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace Booking.Api.Tests.Staff;

public sealed class PasswordSignInOffTests(PasswordSignInOffTests.App app) : IClassFixture<PasswordSignInOffTests.App>
{
    public sealed class App : BookingApp
    {
        // The provider is never reached here: the handler reads its metadata only when someone starts a sign-in.
        protected override void ConfigureHost(IWebHostBuilder host)
        {
            host.UseSetting("SingleSignOn:Authority", "https://login.example.invalid/tenant/v2.0");
            host.UseSetting("SingleSignOn:ClientId", "booking");
            host.UseSetting("SignIn:PasswordsEnabled", "false");
        }
    }

    [Fact]
    public async Task The_right_password_is_refused_with_a_problem_that_points_to_single_sign_on_and_the_page_shows_only_the_button()
    {
        var answer = await app.CreateClient().PostAsJsonAsync("/api/staff/sign-in", new { userName = "pekka", password = "pekka-demo-2026" });
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.Content.ReadAsStringAsync();
        Assert.Contains("password_sign_in_off", problem);
        Assert.Contains("/staff/sso", problem);
        Assert.False(answer.Headers.Contains("Set-Cookie"));

        var page = await app.CreateClient().GetStringAsync("/staff/sign-in?lang=sv");
        Assert.Contains("Logga in med kommunens konto", page);
        Assert.DoesNotContain("type=\"password\"", page);
    }
}

public sealed class ExternalSignInLinkTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task The_manager_links_an_account_to_one_claim_value_and_wrong_input_is_named_and_changes_nothing()
    {
        var manager = await app.SignIn("pekka");
        var events = await app.CountEvents("staff_external_sign_in_set");

        var spaces = await manager.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Aino}/external-id", new { externalId = "aino virtanen" });
        Assert.Equal(HttpStatusCode.BadRequest, spaces.StatusCode);
        Assert.Contains("externalId", await spaces.Content.ReadAsStringAsync());
        var wrongType = await manager.PostAsync($"/api/staff/accounts/{DemoUnitIds.Aino}/external-id",
            new StringContent("{\"externalId\": 5}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);

        var linked = await manager.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Aino}/external-id", new { externalId = " Aino@Kunta.example " });
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal("aino@kunta.example", (string)(await linked.Json())["externalId"]!);
        var again = await manager.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Aino}/external-id", new { externalId = "aino@kunta.example" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var taken = await manager.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Satu}/external-id", new { externalId = "AINO@kunta.example" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("external_id_taken", await taken.Content.ReadAsStringAsync());

        var supervisor = await app.SignIn("aino");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await supervisor.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Aino}/external-id", new { externalId = "x" })).StatusCode);

        // One event for the one change, and the value is in the accounts table only.
        Assert.Equal(events + 1, await app.CountEvents("staff_external_sign_in_set"));
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select count(*) from mt_events where data::text ilike '%kunta.example%'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);

        var cleared = await manager.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Aino}/external-id", new { externalId = "" });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null((string?)(await cleared.Json())["externalId"]);
    }
}
