// The manager's configuration door as unfriendly and concurrent clients use it: two managers saving at once, a wrong
// role, bad input naming its field; and the history that records every saved version.
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Configuration;

public sealed class SettingsApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static async Task<(JsonObject Config, string ETag)> Read(HttpClient http)
    {
        var response = await http.GetAsync("/api/config");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.ETag!.Tag);
    }

    private static Task<HttpResponseMessage> Put(HttpClient http, JsonNode config, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/config") { Content = new StringContent(config.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return http.SendAsync(request);
    }

    [Fact]
    public async Task Given_two_managers_save_the_same_version_at_once_Then_exactly_one_wins_and_the_other_gets_412()
    {
        var first = await app.SignIn("pekka");
        var second = await app.SignIn("pekka");
        for (var round = 0; round < 5; round++)
        {
            var (config, etag) = await Read(first);
            var a = config.DeepClone(); a["horizonWeeks"] = 10 + round;
            var b = config.DeepClone(); b["horizonWeeks"] = 30 + round;
            var answers = await Task.WhenAll(Put(first, a, etag), Put(second, b, etag));
            var statuses = answers.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
            var lost = answers.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed);
            Assert.Equal("application/problem+json", lost.Content.Headers.ContentType?.MediaType);
            var winner = answers[0].StatusCode == HttpStatusCode.OK ? 10 + round : 30 + round;

            var (after, newTag) = await Read(first);
            Assert.Equal(winner, (int)after["horizonWeeks"]!);
            Assert.Equal(int.Parse(etag.Trim('"')) + 1, int.Parse(newTag.Trim('"')));
            var history = JsonNode.Parse(await first.GetStringAsync("/api/config/history"))!.AsArray();
            Assert.Single(history, h => (int)h!["version"]! == int.Parse(newTag.Trim('"')));
        }
    }

    [Fact]
    public async Task A_saved_change_is_in_the_history_with_who_and_which_section_and_only_the_manager_reads_it()
    {
        var manager = await app.SignIn("pekka");
        var (config, etag) = await Read(manager);
        config["phoneNumber"] = "+358 9 310 12345";
        var saved = await Put(manager, config, etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var latest = JsonNode.Parse(await manager.GetStringAsync("/api/config/history"))!.AsArray()[0]!;
        Assert.Equal(saved.Headers.ETag!.Tag.Trim('"'), ((int)latest["version"]!).ToString());
        Assert.Equal("Pekka Heikkinen", (string)latest["changedBy"]!);
        Assert.Equal(["phoneNumber"], latest["sections"]!.AsArray().Select(s => (string)s!).ToArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("leena")).GetAsync("/api/config/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("aino")).GetAsync("/api/config/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/config/history")).StatusCode);
    }

    [Fact]
    public async Task A_secretary_or_supervisor_may_not_save_the_configuration()
    {
        foreach (var who in new[] { "leena", "aino" })
        {
            var http = await app.SignIn(who);
            var (config, etag) = await Read(http);
            Assert.Equal(HttpStatusCode.Forbidden, (await Put(http, config, etag)).StatusCode);
        }
    }

    [Theory]
    [InlineData("hours", "to", "hours[0].to")]
    [InlineData("walkIn", "visitMinutes", "walkIn.visitMinutes")]
    [InlineData("walkIn", "to", "walkIn.to")]
    [InlineData("phoneHours", "to", "phoneHours.blocks[0].to")]
    [InlineData("horizonWeeks", "", "horizonWeeks")]
    [InlineData("slotStepMinutes", "", "slotStepMinutes")]
    [InlineData("phoneNumber", "", "phoneNumber")]
    [InlineData("appointmentTypes", "modalities", "appointmentTypes[0].modalities")]
    [InlineData("appointmentTypes", "description", "appointmentTypes[0].description")]
    public async Task Bad_input_answers_400_naming_the_field_and_changes_nothing(string section, string field, string expectedKey)
    {
        var manager = await app.SignIn("pekka");
        var (config, etag) = await Read(manager);
        switch (section, field)
        {
            case ("hours", _): config["hours"]![0]!["to"] = (string)config["hours"]![0]!["from"]!; break;
            case ("walkIn", "visitMinutes"): config["walkIn"] ??= WalkIn(config); config["walkIn"]!["visitMinutes"] = 0; break;
            case ("walkIn", "to"): config["walkIn"] ??= WalkIn(config); config["walkIn"]!["to"] = "07:00:00"; break;
            case ("phoneHours", _): config["phoneHours"] = new JsonObject { ["blocks"] = new JsonArray(new JsonObject { ["day"] = "Monday", ["from"] = "12:00:00", ["to"] = "09:00:00" }) }; break;
            case ("horizonWeeks", _): config["horizonWeeks"] = 0; break;
            case ("slotStepMinutes", _): config["slotStepMinutes"] = 7; break;
            case ("phoneNumber", _): config["phoneNumber"] = "call us"; break;
            case ("appointmentTypes", "description"):
                config["appointmentTypes"]![0]!["description"] = new JsonObject { ["fi"] = "Rivi", ["sv"] = "Rad", ["en"] = new string('x', 601) };
                break;
            case ("appointmentTypes", _): config["appointmentTypes"]![0]!["modalities"] = new JsonArray(); break;
        }
        var response = await Put(manager, config, etag);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![expectedKey]);
        Assert.Equal(etag, (await Read(manager)).ETag);
    }

    private static JsonObject WalkIn(JsonObject config) => new()
    {
        ["day"] = "Thursday", ["from"] = "08:00:00", ["to"] = "12:00:00", ["visitMinutes"] = 30,
        ["onDuty"] = new JsonArray(), ["rooms"] = new JsonObject(), ["noShowGraceMinutes"] = 5,
    };
}
