// The manager's info-link page (/staff/settings/info-links) posted as a browser posts it, on a real PostgreSQL with a
// real SMTP server: a link added and one removed change the links a family is sent, and the history says who added and
// removed which; a bad address or a title of two lines is named on its field and changes nothing; a control character
// answers 400 naming the field; a stale version says "reload". "Now" is Monday 2026-10-19 09:00 in Helsinki (EmailApp).
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Domain.Configuration;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Booking.Api.Tests.Configuration;

public sealed class InfoLinksSettingsPageTests(EmailApp app) : IClassFixture<EmailApp>
{
    private const string Page = "/staff/settings/info-links";
    private const string Form = "settings-info-links";

    private Task<VersionedInfoLinks> Stored() => app.Factory.Services.GetRequiredService<InfoLinkUseCases>().Read(DemoUnitIds.Unit);

    /// <summary>The form as the page fills it from the catalogue (its links, then the empty section); <paramref name="edit"/>
    /// changes fields before it is posted.</summary>
    private static Dictionary<string, string> Fields(VersionedInfoLinks current, Action<Dictionary<string, string>>? edit = null)
    {
        var fields = new Dictionary<string, string> { ["Form.Version"] = current.Version.ToString() };
        for (var i = 0; i <= current.Links.Count; i++)
        {
            var l = i < current.Links.Count ? current.Links[i] : null;
            fields[$"Form.Links[{i}].Matter"] = l?.AppointmentType ?? "all";
            fields[$"Form.Links[{i}].TitleFi"] = l?.Title.Fi ?? "";
            fields[$"Form.Links[{i}].TitleSv"] = l?.Title.Sv ?? "";
            fields[$"Form.Links[{i}].TitleEn"] = l?.Title.En ?? "";
            fields[$"Form.Links[{i}].Url"] = l?.Url ?? "";
            fields[$"Form.Links[{i}].NoteFi"] = l?.Note.Fi ?? "";
            fields[$"Form.Links[{i}].NoteSv"] = l?.Note.Sv ?? "";
            fields[$"Form.Links[{i}].NoteEn"] = l?.Note.En ?? "";
        }
        edit?.Invoke(fields);
        return fields;
    }

    private static void NewLink(Dictionary<string, string> f, int i, string url = "https://www.example.fi/perheoikeus/sovittelu")
    {
        f[$"Form.Links[{i}].Matter"] = "agreement-60";
        f[$"Form.Links[{i}].TitleFi"] = "Sopimusneuvottelun kulku";
        f[$"Form.Links[{i}].TitleSv"] = "Så går avtalsförhandlingen till";
        f[$"Form.Links[{i}].TitleEn"] = "How the agreement meeting goes";
        f[$"Form.Links[{i}].Url"] = url;
        f[$"Form.Links[{i}].NoteSv"] = "Tänk på barnets vardag.\r\nTa med tidigare avtal.";
    }

    private static async Task<string> Html(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_link_added_and_one_removed_change_what_a_family_is_sent_and_the_history_says_who_did_which()
    {
        var manager = await PageForms.SignIn(app, "pekka");
        var current = await Stored();
        var removed = current.Links.First(l => l.AppointmentType == "all");
        var removedAt = current.Links.ToList().IndexOf(removed);

        var saved = await manager.Post(Page, Form, Fields(current, f =>
        {
            f[$"Form.Links[{removedAt}].Remove"] = "true";
            NewLink(f, current.Links.Count);
        }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/staff/settings/info-links?saved=1", saved.Headers.Location!.ToString());
        var after = await Stored();
        Assert.Equal(current.Version + 1, after.Version);
        Assert.Contains(after.Links, l => l.Title.Sv == "Så går avtalsförhandlingen till" && l.Note.Sv == "Tänk på barnets vardag.\nTa med tidigare avtal.");
        Assert.DoesNotContain(after.Links, l => l.Title == removed.Title && l.Url == removed.Url && l.AppointmentType == "all");

        // The family's email: the secretary sends the matter's links in Swedish.
        var secretary = await app.SignIn("leena");
        var family = await (await secretary.PostAsJsonAsync("/api/families", new
        {
            channel = "phone", matter = "agreement-60", parent = "mother",
            details = new { name = "Stina Sjöberg", email = "stina.links@example.fi", phone = "+358 40 765 1111", language = "sv" },
        })).Json();
        var mother = family["parents"]![0]!["clientId"].Text();
        Assert.Equal(HttpStatusCode.Accepted,
            (await secretary.PostAsJsonAsync($"/api/families/{family["familyId"].Text()}/info-links", new { clientId = mother, language = "sv" })).StatusCode);
        var mail = Assert.Single(await app.Smtp.WaitFor("stina.links@example.fi"));
        Assert.Contains("Så går avtalsförhandlingen till: https://www.example.fi/perheoikeus/sovittelu", mail.Text);
        Assert.DoesNotContain($"{removed.Title.Sv}: {removed.Url}", mail.Text);

        var api = await app.SignIn("pekka");
        var latest = (await (await api.GetAsync("/api/info-links/history")).JsonArray())[0]!;
        Assert.Equal(after.Version, (int)latest["version"]!);
        Assert.Equal("Pekka Heikkinen", latest["changedBy"].Text());
        var changes = latest["changes"]!.AsArray().Select(c => (c!["kind"].Text(), c["title"]!["fi"].Text())).ToList();
        Assert.Contains(("removed", removed.Title.Fi), changes.Select(c => (c.Item1.ToLowerInvariant(), c.Item2)));
        Assert.Contains(("added", "Sopimusneuvottelun kulku"), changes.Select(c => (c.Item1.ToLowerInvariant(), c.Item2)));
        var index = await Html(await manager.Get("/staff/settings?lang=sv"));
        Assert.Matches(@"Pekka Heikkinen</td>\s*<td>informationslänkar: [^<]*tillagd ”Så går avtalsförhandlingen till”", index);
    }

    [Fact]
    public async Task A_bad_address_and_a_title_of_two_lines_are_named_on_their_fields_and_nothing_is_saved()
    {
        var manager = await PageForms.SignIn(app, "pekka");
        var current = await Stored();
        var last = current.Links.Count;

        var refused = await manager.Post($"{Page}?lang=fi", Form, Fields(current, f =>
        {
            NewLink(f, last, url: "www.example.fi/sovittelu");
            f["Form.Links[0].TitleSv"] = "Två\nrader";
        }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await Html(refused);
        Assert.True(PageForms.Invalid(html, $"link-{last}-url"), "the address named");
        Assert.True(PageForms.Invalid(html, "link-0-titleSv"), "the Swedish title named");
        Assert.Contains("Anna koko osoite, joka alkaa https:// tai http://", html);
        Assert.Contains("Kirjoita otsikko yhdelle riville", html);
        Assert.Equal(current, await Stored(), new SameCatalogue());
    }

    [Fact]
    public async Task A_control_character_in_a_note_answers_400_naming_the_field_and_nothing_is_saved()
    {
        var manager = await PageForms.SignIn(app, "pekka");
        var current = await Stored();

        var refused = await manager.Post(Page, Form, Fields(current, f => f["Form.Links[0].NoteFi"] = "Ota mukaan\u0007"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!["Form.Links[0].NoteFi"]);
        Assert.Equal(current, await Stored(), new SameCatalogue());
    }

    [Fact]
    public async Task An_edit_of_a_version_someone_else_replaced_says_reload_and_writes_nothing()
    {
        var manager = await PageForms.SignIn(app, "pekka");
        var read = await Stored();
        var other = await app.SignIn("pekka");
        var links = JsonNode.Parse(await other.GetStringAsync("/api/info-links"))!;
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/info-links") { Content = JsonContent.Create(links) };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{read.Version}\"");
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(put)).StatusCode);
        var theirs = await Stored();

        var stale = await manager.Post($"{Page}?lang=sv", Form, Fields(read, f => NewLink(f, read.Links.Count)));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Någon annan ändrade inställningarna under tiden", await Html(stale));
        Assert.Equal(theirs, await Stored(), new SameCatalogue());
    }

    [Fact]
    public async Task A_secretary_or_a_supervisor_does_not_get_the_page()
    {
        foreach (var who in new[] { "leena", "aino" })
        {
            var page = await (await PageForms.SignIn(app, who)).Get(Page);
            Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{who}: {page.StatusCode}");
            Assert.DoesNotContain("settings-info-links", await page.Content.ReadAsStringAsync());
        }
    }

    private sealed class SameCatalogue : IEqualityComparer<VersionedInfoLinks>
    {
        public bool Equals(VersionedInfoLinks? x, VersionedInfoLinks? y) =>
            x is not null && y is not null && x.Version == y.Version && x.Links.SequenceEqual(y.Links);

        public int GetHashCode(VersionedInfoLinks obj) => obj.Version;
    }
}
