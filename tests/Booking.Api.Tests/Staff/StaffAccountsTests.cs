// The manager's staff accounts through HTTP on real PostgreSQL: open for a staff member of the configuration (never a
// partner professional), weak passwords and wrong input named by field, disable (open sessions stop at once) and enable,
// a role change, a password reset; sign-in locked after five wrong passwords for one account and lifted by the manager.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Configuration;
using Booking.Api.Json;
using Booking.Api.Tests.Appointments;
using Booking.Domain.Configuration;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Staff;

public sealed class StaffAccountsTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static readonly Guid Ville = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000105");

    private async Task<HttpClient> SignIn(string user, string password)
    {
        var http = app.CreateClient();
        var response = await http.PostAsJsonAsync("/api/staff/sign-in", new { userName = user, password });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        http.DefaultRequestHeaders.Add("Cookie", response.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
        return http;
    }

    private async Task<HttpStatusCode> TrySignIn(string user, string password) =>
        (await app.CreateClient().PostAsJsonAsync("/api/staff/sign-in", new { userName = user, password })).StatusCode;

    private async Task AddVilleToTheConfiguration(HttpClient manager)
    {
        var read = await manager.GetAsync("/api/config");
        var config = (await read.Content.ReadFromJsonAsync<UnitConfiguration>(BookingJson.Options))!;
        if (config.Member(Ville) is not null) return;
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/config")
        {
            Content = JsonContent.Create(config with { Staff = [.. config.Staff, new StaffMember(Ville, "Ville Koskinen", StaffRole.ChildSupervisor)] },
                options: BookingJson.Options),
        };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await manager.SendAsync(put)).StatusCode);
    }

    [Fact]
    public async Task The_manager_opens_an_account_for_a_new_supervisor_who_then_signs_in_and_the_event_holds_no_sign_in_name()
    {
        var manager = await app.SignIn("pekka");
        await AddVilleToTheConfiguration(manager);

        var opened = await manager.PostAsJsonAsync("/api/staff/accounts",
            new { staffId = Ville, userName = "Ville.Koskinen@kunta.fi", role = "supervisor", password = "kolme karhua metsässä" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var me = await (await (await SignIn("ville.koskinen@kunta.fi", "kolme karhua metsässä")).GetAsync("/api/staff/me")).Json();
        Assert.Equal(("Ville Koskinen", "supervisor"), ((string)me["name"]!, (string)me["role"]!));

        var list = await (await manager.GetAsync("/api/staff/accounts")).JsonArray();
        Assert.Contains(list, a => (string)a!["userName"]! == "ville.koskinen@kunta.fi" && (bool)a["enabled"]! && (string)a["name"]! == "Ville Koskinen");
        Assert.Equal(7, list.Count); // the six demo accounts and Ville's

        var again = await manager.PostAsJsonAsync("/api/staff/accounts",
            new { staffId = Ville, userName = "ville2", role = "supervisor", password = "kolme karhua metsässä" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(0, await CountEventsContaining("koskinen"));
        Assert.Equal(0, await CountEventsContaining("kunta.fi"));
    }

    private async Task<long> CountEventsContaining(string text)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select count(*) from mt_events where data::text ilike '%' || $1 || '%'", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = text });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Wrong_input_is_named_by_field_and_changes_nothing()
    {
        var manager = await app.SignIn("pekka");
        var before = await app.CountEvents();
        async Task Refused(object body, HttpStatusCode status, string field)
        {
            var response = await manager.PostAsJsonAsync("/api/staff/accounts", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {text}");
            Assert.Contains(field, text);
        }
        await Refused(new { staffId = DemoUnitIds.Riikka, userName = "riikka", role = "supervisor", password = "kolme karhua metsässä" },
            HttpStatusCode.UnprocessableEntity, "partner_without_sign_in");
        await Refused(new { staffId = Guid.NewGuid(), userName = "nobody", role = "supervisor", password = "kolme karhua metsässä" },
            HttpStatusCode.NotFound, "staff_not_found");
        await Refused(new { staffId = DemoUnitIds.Ahmed, userName = "ahmed", role = "supervisor", password = "short" }, HttpStatusCode.BadRequest, "password");
        await Refused(new { staffId = DemoUnitIds.Ahmed, userName = "ahmed", role = "root", password = "kolme karhua metsässä" }, HttpStatusCode.BadRequest, "role");
        await Refused(new { staffId = DemoUnitIds.Ahmed, userName = "a b", role = "secretary", password = "kolme karhua metsässä" }, HttpStatusCode.BadRequest, "userName");
        await Refused(new { staffId = "not-a-guid", userName = "ahmed", role = "secretary", password = "kolme karhua metsässä" }, HttpStatusCode.BadRequest, "staffId");
        var weakReset = await manager.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Aino}/password", new { password = "aaaaaaaaaaaaaaaa" });
        Assert.Equal(HttpStatusCode.BadRequest, weakReset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/api/staff/accounts/{Guid.NewGuid()}/disable", null)).StatusCode);
        var own = await manager.PostAsync($"/api/staff/accounts/{DemoUnitIds.Pekka}/disable", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("own_account", await own.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.CountEvents());
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_open_session_stops_at_once_until_the_manager_enables_it()
    {
        var manager = await app.SignIn("pekka");
        var satu = await app.SignIn("satu");
        Assert.Equal(HttpStatusCode.OK, (await satu.GetAsync("/api/staff/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/staff/accounts/{DemoUnitIds.Satu}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/staff/accounts/{DemoUnitIds.Satu}/disable", null)).StatusCode);
        Assert.Equal(1, await app.CountEvents("staff_account_disabled"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await satu.GetAsync("/api/staff/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await TrySignIn("satu", "satu-demo-2026"));

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/staff/accounts/{DemoUnitIds.Satu}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, await TrySignIn("satu", "satu-demo-2026"));
    }

    [Fact]
    public async Task A_role_change_ends_the_old_session_and_the_next_sign_in_has_the_new_role()
    {
        var manager = await app.SignIn("pekka");
        var johanna = await app.SignIn("johanna");
        var changed = await manager.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Johanna}/role", new { role = "secretary" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await johanna.GetAsync("/api/staff/me")).StatusCode);
        var again = await app.SignIn("johanna");
        Assert.Equal("secretary", (string)(await (await again.GetAsync("/api/staff/me")).Json())["role"]!);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/families?q=nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Johanna}/role", new { role = "boss" })).StatusCode);
        await manager.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Johanna}/role", new { role = "supervisor" });
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one_until_the_manager_lifts_it_or_resets_the_password()
    {
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, await TrySignIn("mikael", $"guess number {i}"));
        var locked = await app.CreateClient().PostAsJsonAsync("/api/staff/sign-in", new { userName = "mikael", password = "mikael-demo-2026" });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        // Another account from the same address still signs in: the address limit is higher.
        Assert.Equal(HttpStatusCode.NoContent, await TrySignIn("leena", "leena-demo-2026"));

        var manager = await app.SignIn("pekka");
        var list = await (await manager.GetAsync("/api/staff/accounts")).JsonArray();
        Assert.NotNull(list.Single(a => (string)a!["userName"]! == "mikael")!["lockedUntil"]);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/staff/accounts/{DemoUnitIds.Mikael}/unlock", null)).StatusCode);
        Assert.Equal(1, await app.CountEvents("staff_sign_in_lockout_lifted"));
        Assert.Equal(HttpStatusCode.NoContent, await TrySignIn("mikael", "mikael-demo-2026"));

        for (var i = 0; i < 5; i++) await TrySignIn("mikael", $"guess again {i}");
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrySignIn("mikael", "mikael-demo-2026"));
        var reset = await manager.PostAsJsonAsync($"/api/staff/accounts/{DemoUnitIds.Mikael}/password", new { password = "uusi pitkä salasana 7" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await TrySignIn("mikael", "mikael-demo-2026"));
        Assert.Equal(HttpStatusCode.NoContent, await TrySignIn("mikael", "uusi pitkä salasana 7"));
        Assert.Equal(1, await app.CountEvents("staff_password_reset"));
    }

    [Fact]
    public async Task The_staff_bars_sign_out_form_without_its_antiforgery_token_is_refused_and_signs_nobody_out()
    {
        var leena = await app.SignIn("leena");
        var forged = await leena.PostAsync("/staff/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leena.GetAsync("/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task A_locked_out_name_that_has_no_account_answers_as_a_real_one_would()
    {
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, await TrySignIn("nosuchperson", $"guess {i}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrySignIn("nosuchperson", "anything at all"));
    }
}

/// <summary>Its own service, so that its address's wrong passwords do not lock the other tests' address.</summary>
public sealed class SignInAddressThrottleTests(SignInAddressThrottleTests.App app) : IClassFixture<SignInAddressThrottleTests.App>
{
    public sealed class App : BookingApp;

    [Fact]
    public async Task Twenty_wrong_passwords_from_one_address_for_different_names_lock_that_address_even_for_a_right_password()
    {
        var http = app.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            var wrong = await http.PostAsJsonAsync("/api/staff/sign-in", new { userName = $"name{i}", password = "wrong password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var locked = await http.PostAsJsonAsync("/api/staff/sign-in", new { userName = "leena", password = "leena-demo-2026" });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        // After the lockout the address may try again.
        app.Clock.Advance(NodaTime.Duration.FromMinutes(16));
        var later = await http.PostAsJsonAsync("/api/staff/sign-in", new { userName = "leena", password = "leena-demo-2026" });
        Assert.Equal(HttpStatusCode.NoContent, later.StatusCode);
    }
}
