// Closures, kinds of meeting, staff and walk-in through PUT /api/config as an unfriendly client sends them: wrong types, control
// characters, empty and reversed values each answer 400 naming the field and change nothing; a closure saved is in the
// history; a stale version answers 412.
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Configuration;

public sealed class ClosuresAndMeetingKindsApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static async Task<(JsonObject Config, string ETag)> Read(HttpClient http)
    {
        var response = await http.GetAsync("/api/config");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.ETag!.Tag);
    }

    private static Task<HttpResponseMessage> Put(HttpClient http, string json, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/config") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return http.SendAsync(request);
    }

    private static JsonObject Closure(string from, string to, string reason) => new() { ["from"] = from, ["to"] = to, ["reason"] = reason };

    [Fact]
    public async Task A_closure_saved_is_in_the_configuration_and_the_history_and_a_stale_save_answers_412()
    {
        var manager = await app.SignIn("pekka");
        var (config, etag) = await Read(manager);
        config["closures"]!.AsArray().Add(Closure("2026-05-06", "2026-05-07", "Koulutuspäivät"));
        var saved = await Put(manager, config.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var (after, _) = await Read(manager);
        Assert.Contains(after["closures"]!.AsArray(), c => (string)c!["reason"]! == "Koulutuspäivät" && (string)c["to"]! == "2026-05-07");
        var latest = JsonNode.Parse(await manager.GetStringAsync("/api/config/history"))!.AsArray()[0]!;
        Assert.Equal(["closures"], latest["sections"]!.AsArray().Select(s => (string)s!).ToArray());
        Assert.Equal("Pekka Heikkinen", (string)latest["changedBy"]!);

        config["closures"] = new JsonArray();
        var stale = await Put(manager, config.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Single((await Read(manager)).Config["closures"]!.AsArray(), c => (string)c!["reason"]! == "Koulutuspäivät");
    }

    [Theory]
    [InlineData("""{"from":"2026-05-06","to":"2026-05-06","reason":""}""", "closures[0].reason")]
    [InlineData("""{"from":"2026-05-06","to":"2026-05-06","reason":null}""", "closures[0].reason")]
    [InlineData("""{"from":"2026-05-06","to":"2026-05-06","reason":"Koulutus\nrivi"}""", "closures[0].reason")]
    [InlineData("""{"from":"2026-05-06","to":"2026-05-06","reason":"Koulutus\u0000"}""", "closures[0].reason")]
    [InlineData("""{"from":"2026-05-06","to":"2026-05-06","reason":7}""", "closures[0].reason")]
    [InlineData("""{"from":5,"to":"2026-05-06","reason":"Koulutus"}""", "closures[0].from")]
    [InlineData("""{"from":"2026-05-06","to":"6.5.2026","reason":"Koulutus"}""", "closures[0].to")]
    [InlineData("""{"from":"2026-05-06","to":"2026-05-05","reason":"Koulutus"}""", "closures[0].to")]
    [InlineData("""{"from":"2026-05-06","to":"2026-05-06","reason":"Koulutus","fromTime":"12:00:00"}""", "closures[0].toTime")]
    [InlineData("""{"from":"2026-05-06","to":"2026-05-06","reason":"Koulutus","fromTime":"12:00:00","toTime":"11:00:00"}""", "closures[0].toTime")]
    [InlineData("""{"from":"2026-05-06","to":"2026-05-06","reason":"Koulutus","staffId":"00000000-0000-0000-0000-000000000001"}""", "closures[0].staffId")]
    [InlineData("""{"from":"2026-05-06","to":"2026-05-06","reason":"Koulutus","staffId":"aino"}""", "closures[0].staffId")]
    public async Task A_bad_closure_answers_400_naming_its_field_and_changes_nothing(string closure, string field)
    {
        var manager = await app.SignIn("pekka");
        var (config, etag) = await Read(manager);
        config["closures"] = new JsonArray();
        var json = config.ToJsonString().Replace("\"closures\":[]", $"\"closures\":[{closure}]", StringComparison.Ordinal);
        var response = await Put(manager, json, etag);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(problem["errors"]?[field] is not null, $"{field} in {problem.ToJsonString()}");
        Assert.Equal(etag, (await Read(manager)).ETag);
    }

    [Theory]
    [InlineData("code", "\"Sovittelu\"", "appointmentTypes[0].code")]
    [InlineData("code", "\"\"", "appointmentTypes[0].code")]
    [InlineData("name", """{"fi":"Neuvonta","sv":"","en":"Advice"}""", "appointmentTypes[0].name.sv")]
    [InlineData("name", """{"fi":"Neuvonta","sv":"Rådgivning","en":"Ad\tvice"}""", "appointmentTypes[0].name.en")]
    [InlineData("length", "\"0:05:00\"", "appointmentTypes[0].length")]
    [InlineData("length", "\"half an hour\"", "appointmentTypes[0].length")]
    [InlineData("bufferAfter", "\"2:00:00\"", "appointmentTypes[0].bufferAfter")]
    [InlineData("modalities", "[\"Carrier pigeon\"]", "appointmentTypes[0].modalities[0]")]
    [InlineData("onlineBookable", "\"yes\"", "appointmentTypes[0].onlineBookable")]
    public async Task A_bad_kind_of_meeting_answers_400_naming_its_field_and_changes_nothing(string property, string value, string field)
    {
        var manager = await app.SignIn("pekka");
        var (config, etag) = await Read(manager);
        var type = config["appointmentTypes"]![0]!.AsObject();
        type[property] = JsonNode.Parse(value);
        var response = await Put(manager, config.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(problem["errors"]?[field] is not null, $"{field} in {problem.ToJsonString()}");
        Assert.Equal(etag, (await Read(manager)).ETag);
    }

    [Theory]
    [InlineData("displayName", "\"\"", "staff[0].displayName")]
    [InlineData("displayName", "\"Aino\\nKoskinen\"", "staff[0].displayName")]
    [InlineData("displayName", "\"Aino\\u0000\"", "staff[0].displayName")]
    [InlineData("displayName", "5", "staff[0].displayName")]
    [InlineData("role", "\"Boss\"", "staff[0].role")]
    [InlineData("partnerService", "\"\\t\"", "staff[0].partnerService")]
    [InlineData("active", "\"no\"", "staff[0].active")]
    public async Task A_bad_staff_member_answers_400_naming_its_field_and_changes_nothing(string property, string value, string field)
    {
        var manager = await app.SignIn("pekka");
        var (config, etag) = await Read(manager);
        config["staff"]![0]!.AsObject()[property] = JsonNode.Parse(value);
        var response = await Put(manager, config.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(problem["errors"]?[field] is not null, $"{field} in {problem.ToJsonString()}");
        Assert.Equal(etag, (await Read(manager)).ETag);
    }

    [Fact]
    public async Task Taking_out_a_staff_member_who_has_weekly_hours_is_refused_on_the_hours_and_changes_nothing()
    {
        var manager = await app.SignIn("pekka");
        var (config, etag) = await Read(manager);
        var first = (string)config["staff"]![0]!["id"]!;
        Assert.Contains(config["hours"]!.AsArray(), h => (string)h!["staffId"]! == first);
        config["staff"]!.AsArray().RemoveAt(0);
        var response = await Put(manager, config.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.StartsWith("hours[", StringComparison.Ordinal) && e.Key.EndsWith("].staffId", StringComparison.Ordinal));
        Assert.Equal(etag, (await Read(manager)).ETag);
    }

    [Theory]
    [InlineData("day", "\"Thorsday\"", "walkIn.day")]
    [InlineData("from", "8", "walkIn.from")]
    [InlineData("to", "\"07:00:00\"", "walkIn.to")]
    [InlineData("onDuty", "[\"aino\"]", "walkIn.onDuty[0]")]
    [InlineData("onDuty", "[\"00000000-0000-0000-0000-000000000001\"]", "walkIn.onDuty[0]")]
    [InlineData("rooms", "{\"00000000-0000-0000-0000-000000000001\":\"101\"}", "walkIn.rooms")]
    [InlineData("rooms", "ROOM_WITH_A_LINE_BREAK", "walkIn.rooms")]
    [InlineData("rooms", "ROOM_WITH_A_BELL", "walkIn.rooms")]
    public async Task A_bad_walk_in_answers_400_naming_its_field_and_changes_nothing(string property, string value, string field)
    {
        var manager = await app.SignIn("pekka");
        var (config, etag) = await Read(manager);
        var walkIn = config["walkIn"]!.AsObject();
        var firstOnDuty = (string)walkIn["onDuty"]![0]!;
        walkIn[property] = value switch
        {
            "ROOM_WITH_A_LINE_BREAK" => new JsonObject { [firstOnDuty] = "1\n01" },
            "ROOM_WITH_A_BELL" => new JsonObject { [firstOnDuty] = "101\u0007" },
            _ => JsonNode.Parse(value),
        };
        var response = await Put(manager, config.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.StartsWith(field, StringComparison.Ordinal)), $"{field} in {problem.ToJsonString()}");
        Assert.Equal(etag, (await Read(manager)).ETag);
    }
}
