// What changed for the family through HTTP on real PostgreSQL: the meeting's own supervisor records the family's goals and,
// at the last meeting, their review; bad input is a 400 naming the field and writes nothing; the feedback code of a first or
// last meeting asks the parent how well they can agree; the report's before/after equals a count made straight from the
// events in mt_events (not through the report's code).
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Booking.Api.Configuration;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Feedback;
using Booking.Domain.Figures;
using Booking.Testing;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.Figures;

public sealed class FamilyImpactApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    private async Task<Guid[]> HeldMeetings(int count, int day, bool held = true)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await using var session = app.Factory.Services.GetRequiredService<IEventStore>().OpenSession(DemoUnitIds.Unit, "test");
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var start = new LocalDateTime(2026, 2, day, 8, 0).PlusMinutes(45 * i).InZoneStrictly(Helsinki).ToInstant();
            session.Append(StreamIds.Appointment(id), StreamIds.AppointmentType, 0, [
                new AppointmentBooked(id, Guid.NewGuid(), "agreement", Modality.InPerson, start, start.Plus(Duration.FromMinutes(30)),
                    start.Plus(Duration.FromMinutes(40)), DemoUnitIds.Aino, BookingChannel.Online, "client", start.Minus(Duration.FromDays(3))),
                .. held ? new object[] { new AppointmentCompleted(id, "staff:aino", start.Plus(Duration.FromMinutes(30))) } : []]);
        }
        await session.SaveChangesAsync();
        return ids;
    }

    [Fact]
    public async Task Goals_and_their_review_are_recorded_by_the_meetings_supervisor_and_the_before_and_after_equals_a_count_from_the_events()
    {
        var firsts = await HeldMeetings(6, 2);
        var lasts = await HeldMeetings(5, 23);
        var notHeld = (await HeldMeetings(1, 24, held: false))[0];
        var aino = await app.SignIn("aino");
        var first = firsts[0];

        // As an unfriendly client would try it: nothing is written.
        await Field(aino.PostAsJsonAsync($"/api/staff/appointments/{first}/goals", new { goals = new[] { "agreeOnCustody", "divorce" } }), "goals");
        await Field(aino.PostAsJsonAsync($"/api/staff/appointments/{first}/goals", new { goals = Array.Empty<string>() }), "goals");
        await Field(aino.PostAsync($"/api/staff/appointments/{first}/goals", Json("{\"goals\": \"agreeOnCustody\"}")), "goals");
        await Field(aino.PostAsync($"/api/staff/appointments/{first}/goals", Json("{\"goals\": [\"agreeOnCustody\", \"\\u0007\"]}")), "goals[1]");
        await Field(aino.PostAsJsonAsync($"/api/staff/appointments/{lasts[0]}/goals-review", new { goalsMet = "mostly", agreement = true }), "goalsMet");
        await Field(aino.PostAsJsonAsync($"/api/staff/appointments/{lasts[0]}/goals-review", new { goalsMet = "met" }), "agreement");
        await Field(aino.PostAsync($"/api/staff/appointments/{lasts[0]}/goals-review", Json("{\"goalsMet\": \"met\", \"agreement\": \"yes\"}")), "agreement");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("mikael")).PostAsJsonAsync($"/api/staff/appointments/{first}/goals",
            new { goals = new[] { "agreeOnCustody" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("pekka")).PostAsJsonAsync($"/api/staff/appointments/{first}/goals",
            new { goals = new[] { "agreeOnCustody" } })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await aino.PostAsJsonAsync($"/api/staff/appointments/{notHeld}/goals",
            new { goals = new[] { "agreeOnCustody" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await aino.PostAsJsonAsync($"/api/staff/appointments/{Guid.NewGuid()}/goals-review",
            new { goalsMet = "met", agreement = true })).StatusCode);
        Assert.Equal(0L, await app.CountEvents("family_goals_recorded") + await app.CountEvents("family_goals_reviewed"));

        var recorded = await aino.PostAsJsonAsync($"/api/staff/appointments/{first}/goals", new { goals = new[] { "agreeOnResidence", "agreeOnCustody" } });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var body = (await recorded.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.Equal("first", (string?)body["stage"]);
        Assert.Equal(["agreeOnCustody", "agreeOnResidence"], body["goals"]!.AsArray().Select(g => (string)g!));
        foreach (var (id, i) in firsts.Skip(1).Select((id, i) => (id, i)))
            Assert.Equal(HttpStatusCode.OK, (await aino.PostAsJsonAsync($"/api/staff/appointments/{id}/goals",
                new { goals = new[] { i % 2 == 0 ? "agreeOnContact" : "agreeOnCustody" } })).StatusCode);
        foreach (var (id, i) in lasts.Select((id, i) => (id, i)))
            Assert.Equal(HttpStatusCode.OK, (await aino.PostAsJsonAsync($"/api/staff/appointments/{id}/goals-review",
                new { goalsMet = i < 3 ? "met" : "partlyMet", agreement = i != 4 })).StatusCode);

        // The codes: a first meeting's asks "agree" (the API says so), answered once; the parent who leaves it out gets a 400.
        var anyone = app.CreateClient();
        var code = await Code(aino, first);
        Assert.True((bool)(await anyone.GetFromJsonAsync<JsonNode>($"/api/feedback/{code}"))!["asksAgree"]!);
        await Field(anyone.PostAsJsonAsync($"/api/feedback/{code}", new { heard = 4, understood = 4, helped = 4 }), "agree");
        await Field(anyone.PostAsJsonAsync($"/api/feedback/{code}", new { heard = 4, understood = 4, helped = 4, agree = 0 }), "agree");
        Assert.Equal(HttpStatusCode.Created, (await anyone.PostAsJsonAsync($"/api/feedback/{code}", new { heard = 4, understood = 4, helped = 4, agree = 2 })).StatusCode);
        // The rest answered through the same use case (the public door is rate-limited).
        var codes = app.Factory.Services.GetRequiredService<FeedbackCodes>();
        var agreeFirst = new[] { 2, 1, 3, 2, 2, 4 };
        foreach (var (id, i) in firsts.Select((id, i) => (id, i)).Skip(1))
            Assert.True((await codes.Give(DemoUnitIds.Unit, await Code(aino, id), new FeedbackAnswerInput(null, 3, 3, 3, null, agreeFirst[i]))).Succeeded);
        var agreeLast = new[] { 4, 5, 4, 3, 4 };
        foreach (var (id, i) in lasts.Select((id, i) => (id, i)))
            Assert.True((await codes.Give(DemoUnitIds.Unit, await Code(aino, id), new FeedbackAnswerInput(null, 3, 3, 3, null, agreeLast[i]))).Succeeded);
        // A child's answer at a last meeting is not asked the question.
        Assert.True((await codes.Give(DemoUnitIds.Unit, await Code(aino, lasts[0]), new FeedbackAnswerInput("child", 5, 5, 5, null))).Succeeded);

        await app.Factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(90));
        var manager = await app.SignIn("pekka");
        var impact = (await manager.GetFromJsonAsync<JsonNode>("/api/figures/report?month=2026-02"))!["total"]!["impact"]!;

        // The direct count: the events as stored, read with SQL, counted here.
        var given = await Rows("select data->>'stage', (data->>'agree')::int from mt_events where type = 'feedback_given' and data->>'agree' is not null");
        var before = given.Where(r => Is(r.Item1, "first")).Select(r => r.Item2).ToList();
        var after = given.Where(r => Is(r.Item1, "last")).Select(r => r.Item2).ToList();
        Assert.Equal((6, 5), (before.Count, after.Count));
        var goals = await Rows("select data->>'appointmentId', jsonb_array_length(data->'goals') from mt_events where type = 'family_goals_recorded'");
        var reviews = await Rows("select data->>'met', case when (data->>'agreement')::boolean then 1 else 0 end from mt_events where type = 'family_goals_reviewed'");
        Assert.Equal(goals.Count, (int)impact["firstMeetings"]!);
        Assert.Equal(reviews.Count, (int)impact["lastMeetings"]!);
        Assert.Equal(reviews.Count(r => Is(r.Item1, "met")), (int)impact["goalsMet"]!);
        Assert.Equal(reviews.Count(r => Is(r.Item1, "partlyMet")), (int)impact["goalsPartlyMet"]!);
        Assert.Equal(reviews.Sum(r => r.Item2), (int)impact["endedInAgreement"]!);
        Assert.Equal(before.Count, (int)impact["answersBefore"]!);
        Assert.Equal(Math.Round(before.Average(), 1, MidpointRounding.AwayFromZero), (double)impact["agreeBefore"]!);
        Assert.Equal(Math.Round(after.Average(), 1, MidpointRounding.AwayFromZero), (double)impact["agreeAfter"]!);
        Assert.Equal(2.3, (double)impact["agreeBefore"]!);
        Assert.Equal(4.0, (double)impact["agreeAfter"]!);
        Assert.Equal(1.7, (double)impact["agreeChange"]!);
        Assert.Equal(3, (int)impact["byGoal"]!["agreeOnCustody"]!);

        var csv = await manager.GetStringAsync("/api/figures/report.csv?month=2026-02");
        Assert.Contains("2026-02-01;2026-02-28;impact;agree_average;before;2.3", csv);
        Assert.Contains("2026-02-01;2026-02-28;impact;agree_change;all;1.7", csv);
        // Nothing in the goals' events but codes, the meeting and the supervisor: no family, no free text.
        Assert.All(await Rows("select data::text, 0 from mt_events where type like 'family_goals%'"),
            r => Assert.DoesNotContain("client", r.Item1, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<string> Code(HttpClient supervisor, Guid appointmentId)
    {
        var response = await supervisor.PostAsJsonAsync("/api/staff/feedback-codes", new { appointmentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["code"]!;
    }

    private async Task<List<(string, int)>> Rows(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        var rows = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt32(1)));
        return rows;
    }

    private static bool Is(string stored, string wire) => string.Equals(stored, wire, StringComparison.OrdinalIgnoreCase);

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task Field(Task<HttpResponseMessage> sending, string field)
    {
        var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.True(text.Contains($"\"{field}\"", StringComparison.Ordinal), text);
    }
}
