// The manager's accounts page (/staff/settings/accounts) through HTTP on real PostgreSQL, posting its forms as a browser
// does (antiforgery token included): a person added there signs in; disabling refuses sign-in until enabled again; a
// reset password replaces the old; a sign-in block is lifted there; wrong input is named next to its field in the
// person's language and changes nothing; nobody disables or demotes their own account and the unit keeps a manager;
// other roles cannot open the page or post its forms.
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Staff;

public sealed class AccountsSettingsPageTests(BookingApp app) : IClassFixture<BookingApp>
{
    private const string Page = "/staff/settings/accounts";
    private const string GoodPassword = "kolme karhua metsässä";

    private static async Task<string> Token(HttpClient http, string url)
    {
        var page = await http.GetStringAsync(url);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {url}");
        return token;
    }

    /// <summary>Posts one of the page's forms as the browser would: its name, its fields and the antiforgery token.</summary>
    private static async Task<HttpResponseMessage> Post(HttpClient http, string form, Dictionary<string, string> fields, string url = Page)
    {
        fields["_handler"] = form;
        fields["__RequestVerificationToken"] = await Token(http, url);
        return await http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static Task<HttpResponseMessage> Change(HttpClient http, string form, string prefix, Guid staffId, string? value = null) =>
        Post(http, form, new Dictionary<string, string> { [$"{prefix}.StaffId"] = staffId.ToString(), [$"{prefix}.Value"] = value ?? "" },
            $"{Page}?account={staffId}");

    private static async Task Done(HttpResponseMessage response, string done)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Contains($"done={done}", response.Headers.Location!.ToString());
    }

    /// <summary>The page's HTML with character references decoded (the renderer may encode ä, ö, å and dashes).</summary>
    private static async Task<string> Html(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static async Task<string> Html(HttpClient http, string url) => WebUtility.HtmlDecode(await http.GetStringAsync(url));

    /// <summary>The words of the error shown next to the field with this id (its FieldError), or null when it has none.</summary>
    private static string? ErrorNextTo(string page, string id) =>
        Regex.Match(page, $"id=\"{id}-error\"><span class=\"visually-hidden\">[^<]*</span>([^<]*)</p>") is { Success: true } m ? m.Groups[1].Value : null;

    private async Task<HttpStatusCode> TrySignIn(string user, string password) =>
        (await app.CreateClient().PostAsJsonAsync("/api/staff/sign-in", new { userName = user, password })).StatusCode;

    private async Task<long> ConfigurationVersions() => await app.CountRows("unit_configuration_change");

    [Fact]
    public async Task A_supervisor_added_on_the_page_signs_in_with_the_first_password_and_no_name_goes_into_an_event()
    {
        var manager = await app.SignIn("pekka");
        var added = await Post(manager, "account-new", new()
        {
            ["Creation.Person"] = "new", ["Creation.Name"] = "Ville Koskinen", ["Creation.Role"] = "supervisor",
            ["Creation.UserName"] = "Ville.Koskinen@kunta.example", ["Creation.Password"] = GoodPassword,
        });
        await Done(added, "created");

        Assert.Equal(HttpStatusCode.NoContent, await TrySignIn("ville.koskinen@kunta.example", GoodPassword));
        var listing = await Html(manager, added.Headers.Location!.ToString());
        Assert.Contains("Käyttäjätili avattu", listing);
        Assert.Contains("Ville Koskinen", listing);
        Assert.Contains("ville.koskinen@kunta.example", listing);
        Assert.DoesNotContain("karhua", listing);
        var accounts = await (await manager.GetAsync("/api/staff/accounts")).JsonArray();
        Assert.Contains(accounts, a => (string)a!["name"]! == "Ville Koskinen" && (string)a["role"]! == "supervisor" && (bool)a["enabled"]!);

        // A partner professional is added for meetings, with no account.
        var partner = await Post(manager, "account-new", new()
        {
            ["Creation.Person"] = "new", ["Creation.Name"] = "Outi Perheneuvoja", ["Creation.Role"] = "partner",
            ["Creation.UserName"] = "", ["Creation.Password"] = "",
        });
        await Done(partner, "partner");
        var config = await (await manager.GetAsync("/api/config")).Json();
        Assert.Contains(config["staff"]!.AsArray(), s => (string)s!["displayName"]! == "Outi Perheneuvoja" && string.Equals((string)s["role"]!, "PartnerProfessional", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(accounts.Count, (await (await manager.GetAsync("/api/staff/accounts")).JsonArray()).Count);

        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select count(*) from mt_events where data::text ilike '%koskinen%' or data::text ilike '%karhua%'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_same_person_sent_twenty_times_at_once_is_added_once_with_one_account_and_nobody_without_one()
    {
        var manager = await app.SignIn("pekka");
        var token = await Token(manager, Page);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => manager.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "account-new", ["__RequestVerificationToken"] = token, ["Creation.Person"] = "new",
            ["Creation.Name"] = "Kaisa Kiireinen", ["Creation.Role"] = "supervisor", ["Creation.UserName"] = "kaisa", ["Creation.Password"] = GoodPassword,
        }))));

        Assert.DoesNotContain(answers, a => (int)a.StatusCode >= 500);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var config = await (await manager.GetAsync("/api/config")).Json();
        Assert.Single(config["staff"]!.AsArray(), s => (string)s!["displayName"]! == "Kaisa Kiireinen");
        Assert.Single(await (await manager.GetAsync("/api/staff/accounts")).JsonArray(), a => (string)a!["userName"]! == "kaisa");
    }

    [Fact]
    public async Task Wrong_input_is_named_next_to_its_field_in_the_persons_language_and_changes_nothing()
    {
        var manager = await app.SignIn("pekka");
        var events = await app.CountEvents();
        var versions = await ConfigurationVersions();

        var refused = await Post(manager, "account-new", new()
        {
            ["Creation.Person"] = "new", ["Creation.Name"] = "", ["Creation.Role"] = "supervisor",
            ["Creation.UserName"] = "two words", ["Creation.Password"] = "shortpass",
        }, $"{Page}?lang=sv");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html(refused);
        Assert.StartsWith("Skriv namnet på en rad", ErrorNextTo(page, "new-name"));
        Assert.StartsWith("Användarnamnet har 2–100 tecken", ErrorNextTo(page, "new-user-name"));
        Assert.StartsWith("Lösenordet duger inte", ErrorNextTo(page, "new-password"));
        Assert.Null(ErrorNextTo(page, "new-role"));
        Assert.DoesNotContain("shortpass", page);

        var taken = await Post(manager, "account-new", new()
        {
            ["Creation.Person"] = "new", ["Creation.Name"] = "Toinen Aino", ["Creation.Role"] = "secretary",
            ["Creation.UserName"] = "AINO", ["Creation.Password"] = GoodPassword,
        }, $"{Page}?lang=fi");
        page = await Html(taken);
        Assert.StartsWith("Toinen käyttäjätili käyttää jo", ErrorNextTo(page, "new-user-name"));
        Assert.DoesNotContain("Toinen Aino</th>", page);

        var weakReset = await Change(manager, "account-password", "PasswordReset", DemoUnitIds.Aino, "aaaaaaaaaaaaaaaa");
        Assert.Equal(HttpStatusCode.OK, weakReset.StatusCode);
        Assert.StartsWith("Salasana ei kelpaa", ErrorNextTo(await Html(weakReset), "reset-password"));
        var spaces = await Change(manager, "account-external", "ExternalSignIn", DemoUnitIds.Aino, "aino virtanen");
        Assert.StartsWith("Enintään 200 merkkiä", ErrorNextTo(await Html(spaces), "external-id"));
        var role = await Change(manager, "account-role", "RoleChange", DemoUnitIds.Aino, "boss");
        Assert.Equal("Valitse rooli.", ErrorNextTo(await Html(role), "role"));

        Assert.Equal(events, await app.CountEvents());
        Assert.Equal(versions, await ConfigurationVersions());
        Assert.Equal(HttpStatusCode.NoContent, await TrySignIn("aino", "aino-demo-2026"));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_until_the_manager_enables_it_again_on_the_page()
    {
        var manager = await app.SignIn("pekka");
        await Done(await Change(manager, "account-enabled", "Enabling", DemoUnitIds.Satu, "disable"), "disabled");
        Assert.Equal(HttpStatusCode.Unauthorized, await TrySignIn("satu", "satu-demo-2026"));
        Assert.Contains("Poistettu käytöstä", await Html(manager, $"{Page}?account={DemoUnitIds.Satu}"));

        await Done(await Change(manager, "account-enabled", "Enabling", DemoUnitIds.Satu, "enable"), "enabled");
        Assert.Equal(HttpStatusCode.NoContent, await TrySignIn("satu", "satu-demo-2026"));
    }

    [Fact]
    public async Task A_password_reset_on_the_page_lets_the_new_password_in_and_not_the_old()
    {
        var manager = await app.SignIn("pekka");
        await Done(await Change(manager, "account-password", "PasswordReset", DemoUnitIds.Mikael, "uusi pitkä salasana 7"), "password");
        Assert.Equal(HttpStatusCode.Unauthorized, await TrySignIn("mikael", "mikael-demo-2026"));
        Assert.Equal(HttpStatusCode.NoContent, await TrySignIn("mikael", "uusi pitkä salasana 7"));
        Assert.Equal(1, await app.CountEvents("staff_password_reset"));
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_page_shows_the_block_and_lifting_it_lets_the_right_password_in()
    {
        for (var i = 0; i < 5; i++) await TrySignIn("johanna", $"wrong guess {i}");
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrySignIn("johanna", "johanna-demo-2026"));
        var manager = await app.SignIn("pekka");
        var page = await Html(manager, $"{Page}?account={DemoUnitIds.Johanna}");
        Assert.Contains("Estetty", page);
        Assert.Contains("id=\"unlock\"", page);

        await Done(await Post(manager, "account-unlock", new() { ["Unlocking.StaffId"] = DemoUnitIds.Johanna.ToString() },
            $"{Page}?account={DemoUnitIds.Johanna}"), "unlocked");
        Assert.Equal(HttpStatusCode.NoContent, await TrySignIn("johanna", "johanna-demo-2026"));
        Assert.DoesNotContain("id=\"unlock\"", await Html(manager, $"{Page}?account={DemoUnitIds.Johanna}"));
    }

    [Fact]
    public async Task Nobody_disables_or_demotes_their_own_account_on_the_page_so_the_unit_keeps_its_manager()
    {
        var pekka = await app.SignIn("pekka");
        var events = await app.CountEvents();
        var disable = await Change(pekka, "account-enabled", "Enabling", DemoUnitIds.Pekka, "disable");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.StartsWith("Omaa tiliä ei voi", ErrorNextTo(await Html(disable), "enabled"));
        var demote = await Change(pekka, "account-role", "RoleChange", DemoUnitIds.Pekka, "supervisor");
        Assert.StartsWith("Omaa tiliä ei voi", ErrorNextTo(await Html(demote), "role"));
        Assert.Equal(events, await app.CountEvents());
        Assert.Equal("manager", (string)(await (await pekka.GetAsync("/api/staff/me")).Json())["role"]!);

        // With a second manager added on the page, either may disable the other, never the last one left: themself.
        await Done(await Post(pekka, "account-new", new()
        {
            ["Creation.Person"] = "new", ["Creation.Name"] = "Maija Esihenkilö", ["Creation.Role"] = "manager",
            ["Creation.UserName"] = "maija", ["Creation.Password"] = GoodPassword,
        }), "created");
        var maija = app.CreateClient();
        var signedIn = await maija.PostAsJsonAsync("/api/staff/sign-in", new { userName = "maija", password = GoodPassword });
        maija.DefaultRequestHeaders.Add("Cookie", signedIn.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
        await Done(await Change(maija, "account-enabled", "Enabling", DemoUnitIds.Pekka, "disable"), "disabled");
        var last = await Change(maija, "account-enabled", "Enabling", (Guid)(await (await maija.GetAsync("/api/staff/me")).Json())["staffId"]!, "disable");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.StartsWith("Omaa tiliä ei voi", ErrorNextTo(await Html(last), "enabled"));
        Assert.Equal(1, await CountEnabledManagers());
        await Done(await Change(maija, "account-enabled", "Enabling", DemoUnitIds.Pekka, "enable"), "enabled");
    }

    private async Task<long> CountEnabledManagers()
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select count(*) from staff_accounts where enabled and role = 'manager'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_supervisor_or_a_secretary_cannot_open_the_page_or_post_its_forms()
    {
        var events = await app.CountEvents();
        foreach (var user in new[] { "aino", "leena" })
        {
            var http = await app.SignIn(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Page)).StatusCode);
            // A valid antiforgery token from a page they may open does not open this one's forms.
            var fields = new Dictionary<string, string>
            {
                ["_handler"] = "account-enabled", ["Enabling.StaffId"] = DemoUnitIds.Satu.ToString(), ["Enabling.Value"] = "disable",
                ["__RequestVerificationToken"] = await Token(http, "/staff/day"),
            };
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync(Page, new FormUrlEncodedContent(fields))).StatusCode);
        }
        var anonymous = await app.CreateClient().GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/staff/sign-in", anonymous.Headers.Location!.ToString());
        Assert.Equal(events, await app.CountEvents());
    }
}
