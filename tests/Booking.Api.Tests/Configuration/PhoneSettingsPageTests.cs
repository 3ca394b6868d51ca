// The manager's phone page (/staff/settings/phone) posted as a browser posts it, on a real PostgreSQL: a saved change of
// phone hours, number and call-back windows is what parents see on /call-back at once and is in the history; bad rows are
// named on their field and change nothing; an edit of a version someone else has replaced says "reload"; other roles
// are refused. "Now" is Monday 2026-04-20 09:00 in Helsinki; the demo has no call-back window on Thursday.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Domain.Configuration;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.Configuration;

public sealed class PhoneSettingsPageTests(BookingApp app) : IClassFixture<BookingApp>
{
    private const string Page = "/staff/settings/phone";
    private const string Form = "settings-phone";

    private Task<VersionedConfiguration?> Stored() => app.Factory.Services.GetRequiredService<UnitConfigurationStore>().ReadFresh(DemoUnitIds.Unit);

    private static string Time(LocalTime t) => t.ToString("HH':'mm", CultureInfo.InvariantCulture);

    /// <summary>The form as the page fills it from the configuration; <paramref name="edit"/> changes fields before it is posted.</summary>
    private static Dictionary<string, string> Fields(VersionedConfiguration current, Action<Dictionary<string, string>>? edit = null)
    {
        var c = current.Configuration;
        var fields = new Dictionary<string, string>
        {
            ["Form.Version"] = current.Version.ToString(CultureInfo.InvariantCulture),
            ["Form.PhoneNumber"] = c.PhoneNumber ?? "",
            ["Form.SlotMinutes"] = c.CallBacksOrDefault.SlotMinutes.ToString(CultureInfo.InvariantCulture),
            ["Form.RetryMinutes"] = c.CallBacksOrDefault.RetryAfterMinutes.ToString(CultureInfo.InvariantCulture),
        };
        var blocks = c.PhoneHoursOrDefault.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            fields[$"Form.Blocks[{i}].Day"] = blocks[i].Day.ToString();
            fields[$"Form.Blocks[{i}].From"] = Time(blocks[i].From);
            fields[$"Form.Blocks[{i}].To"] = Time(blocks[i].To);
        }
        var windows = c.CallBacksOrDefault.Windows;
        for (var i = 0; i < windows.Count; i++)
        {
            fields[$"Form.Windows[{i}].StaffId"] = windows[i].StaffId.ToString();
            fields[$"Form.Windows[{i}].Day"] = windows[i].Day.ToString();
            fields[$"Form.Windows[{i}].From"] = Time(windows[i].From);
            fields[$"Form.Windows[{i}].To"] = Time(windows[i].To);
        }
        edit?.Invoke(fields);
        return fields;
    }

    private static async Task<string> Html(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_saved_change_shows_on_the_parents_call_back_page_at_once_and_is_in_the_history()
    {
        var manager = await PageForms.SignIn(app, "pekka");
        var current = (await Stored())!;
        var parent = app.CreateClient();
        var before = await Html(await parent.GetAsync("/call-back/times?matter=advice&week=2026-04-20&lang=fi"));
        Assert.DoesNotContain("start=2026-04-23T14", before);
        var windows = current.Configuration.CallBacksOrDefault.Windows.Count;

        var saved = await manager.Post(Page, Form, Fields(current, f =>
        {
            f["Form.PhoneNumber"] = "09 876 5432";
            // Monday's block becomes 10-13; the others are removed.
            f["Form.Blocks[0].From"] = "10:00";
            f["Form.Blocks[0].To"] = "13:00";
            for (var i = 1; i < current.Configuration.PhoneHoursOrDefault.Blocks.Count; i++) f[$"Form.Blocks[{i}].Remove"] = "true";
            // Aino phones clients back on Thursday afternoon.
            f[$"Form.Windows[{windows}].StaffId"] = DemoUnitIds.Aino.ToString();
            f[$"Form.Windows[{windows}].Day"] = "Thursday";
            f[$"Form.Windows[{windows}].From"] = "14:00";
            f[$"Form.Windows[{windows}].To"] = "15:00";
        }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/staff/settings/phone?saved=1", saved.Headers.Location!.ToString());
        var start = await Html(await parent.GetAsync("/call-back?lang=fi"));
        Assert.Contains("09 876 5432", start);
        Assert.Contains("klo 10.00–13.00", start);
        Assert.DoesNotContain("9.00–12.00", start);
        var times = await Html(await parent.GetAsync("/call-back/times?matter=advice&week=2026-04-20&lang=fi"));
        Assert.Contains("start=2026-04-23T14", times);

        var api = await app.SignIn("pekka");
        var latest = (await (await api.GetAsync("/api/config/history")).JsonArray())[0]!;
        Assert.Equal("Pekka Heikkinen", latest["changedBy"].Text());
        Assert.Equal(["callBacks", "phoneHours", "phoneNumber"], latest["sections"]!.AsArray().Select(s => s.Text()).Order().ToArray());
        var index = await Html(await manager.Get("/staff/settings?lang=fi"));
        Assert.Matches(@"Pekka Heikkinen</td>\s*<td>[^<]*puhelinajat", index);
    }

    [Fact]
    public async Task Bad_rows_are_named_on_their_fields_in_the_pages_language_and_nothing_is_saved()
    {
        var manager = await PageForms.SignIn(app, "pekka");
        var current = (await Stored())!;
        var windows = current.Configuration.CallBacksOrDefault.Windows.Count;

        var refused = await manager.Post($"{Page}?lang=sv", Form, Fields(current, f =>
        {
            f["Form.PhoneNumber"] = "ring oss";
            f["Form.Blocks[0].From"] = "12:00";
            f["Form.Blocks[0].To"] = "09:00";
            // Aino's Monday morning is bookable: a call-back window there is refused.
            f[$"Form.Windows[{windows}].StaffId"] = DemoUnitIds.Aino.ToString();
            f[$"Form.Windows[{windows}].Day"] = "Monday";
            f[$"Form.Windows[{windows}].From"] = "10:00";
            f[$"Form.Windows[{windows}].To"] = "11:00";
            f["Form.SlotMinutes"] = "90";
        }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await Html(refused);
        Assert.True(PageForms.Invalid(html, "phoneNumber"), "phone number named");
        Assert.True(PageForms.Invalid(html, "phone-0-to"), "the reversed block named on its end");
        Assert.True(PageForms.Invalid(html, $"window-{windows}-from"), "the window over bookable hours named on its row");
        Assert.True(PageForms.Invalid(html, "callBacks-slot"), "slot length named");
        Assert.Contains("Telefonnumret måste ha 6–15 siffror", html);
        Assert.Contains("Återuppringningstiden överlappar barnatillsyningsmannens bokningsbara tider", html);
        Assert.Contains("Längden måste vara 5–60 minuter", html);
        Assert.Equal(current.Version, (await Stored())!.Version);
    }

    [Fact]
    public async Task An_edit_of_a_version_someone_else_replaced_says_reload_and_keeps_their_change()
    {
        var manager = await PageForms.SignIn(app, "pekka");
        var read = (await Stored())!;
        var other = await app.SignIn("pekka");
        var config = JsonNode.Parse(await other.GetStringAsync("/api/config"))!;
        config["phoneNumber"] = "+358 9 555 0101";
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/config") { Content = JsonContent.Create(config) };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{read.Version}\"");
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(put)).StatusCode);

        var stale = await manager.Post($"{Page}?lang=fi", Form, Fields(read, f => f["Form.PhoneNumber"] = "09 111 2222"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Joku muu muutti asetuksia sillä välin", await Html(stale));
        var after = (await Stored())!;
        Assert.Equal(read.Version + 1, after.Version);
        Assert.Equal("+358 9 555 0101", after.Configuration.PhoneNumber);
    }

    [Fact]
    public async Task A_secretary_or_a_supervisor_does_not_get_the_page_or_save_it()
    {
        foreach (var who in new[] { "leena", "aino" })
        {
            var staff = await PageForms.SignIn(app, who);
            var page = await staff.Get(Page);
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden || page.StatusCode == HttpStatusCode.Redirect, $"{who}: {page.StatusCode}");
            Assert.DoesNotContain("settings-phone", await page.Content.ReadAsStringAsync());
        }
    }
}
