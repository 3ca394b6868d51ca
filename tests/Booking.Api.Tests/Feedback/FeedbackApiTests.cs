// Feedback in the room through HTTP on real PostgreSQL, as an unfriendly client would try it: the meeting's own supervisor
// gets a code, anyone with it answers once, bad input is a 400 naming the field and changes nothing, a used or expired
// code is 410, an unknown one 404; the report counts the answer and the comment table keeps no time and no meeting.
// "Now" is Monday 2026-04-20 09:00 in Helsinki.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Booking.Api.Configuration;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Testing;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Feedback;

public sealed class FeedbackApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    [Fact]
    public async Task The_supervisor_gets_a_code_for_a_held_meeting_and_it_is_answered_once_anonymously_and_counted()
    {
        Guid held = Guid.NewGuid(), notHeld = Guid.NewGuid();
        var start = new LocalDateTime(2026, 3, 10, 9, 0).InZoneStrictly(Helsinki).ToInstant();
        await using (var session = app.Factory.Services.GetRequiredService<IEventStore>().OpenSession(DemoUnitIds.Unit, "test"))
        {
            foreach (var id in new[] { held, notHeld })
                session.Append(StreamIds.Appointment(id), StreamIds.AppointmentType, 0, [
                    new AppointmentBooked(id, Guid.NewGuid(), "agreement", Modality.InPerson, start, start.Plus(Duration.FromMinutes(30)),
                        start.Plus(Duration.FromMinutes(40)), DemoUnitIds.Aino, BookingChannel.Online, "client", start.Minus(Duration.FromDays(3))),
                    .. id == held ? new object[] { new AppointmentCompleted(id, "staff:aino", start.Plus(Duration.FromMinutes(30))) } : []]);
            await session.SaveChangesAsync();
        }
        var aino = await app.SignIn("aino");
        var anyone = app.CreateClient();

        // Who may ask for a code, and for what.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("mikael")).PostAsJsonAsync("/api/staff/feedback-codes", new { appointmentId = held })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("leena")).PostAsJsonAsync("/api/staff/feedback-codes", new { appointmentId = held })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await aino.PostAsJsonAsync("/api/staff/feedback-codes", new { appointmentId = notHeld })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await aino.PostAsJsonAsync("/api/staff/feedback-codes", new { appointmentId = Guid.NewGuid() })).StatusCode);
        await Field(aino.PostAsJsonAsync("/api/staff/feedback-codes", new { }), "appointmentId");
        await Field(aino.PostAsJsonAsync("/api/staff/feedback-codes", new { walkInDate = "2026-04-16" }), "ticketNumber");
        await Field(aino.PostAsync("/api/staff/feedback-codes", Json("{\"appointmentId\": 12}")), "appointmentId");
        Assert.Equal(0, await app.CountEvents("feedback_code_issued"));

        var issued = await aino.PostAsJsonAsync("/api/staff/feedback-codes", new { appointmentId = held });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        var code = (string)body["code"]!;
        Assert.Equal(22, code.Length);
        Assert.EndsWith($"/feedback/{code}", (string)body["url"]!);
        Assert.Equal(("agreement", "2026-03-01"), ((string)body["kind"]!, (string)body["month"]!));

        var status = await anyone.GetAsync($"/api/feedback/{code}");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        // Bad answers name the field and leave the code usable.
        await Field(anyone.PostAsJsonAsync($"/api/feedback/{code}", new { heard = 7, understood = 3, helped = 3 }), "heard");
        await Field(anyone.PostAsJsonAsync($"/api/feedback/{code}", new { heard = 3, understood = 3 }), "helped");
        await Field(anyone.PostAsJsonAsync($"/api/feedback/{code}", new { audience = "dog", heard = 3, understood = 3, helped = 3 }), "audience");
        await Field(anyone.PostAsync($"/api/feedback/{code}", Json("{\"heard\": \"five\", \"understood\": 3, \"helped\": 3}")), "heard");
        await Field(anyone.PostAsJsonAsync($"/api/feedback/{code}", new { heard = 3, understood = 3, helped = 3, comment = new string('x', 1001) }), "comment");
        Assert.Equal(0, await app.CountEvents("feedback_given"));

        var answered = await anyone.PostAsJsonAsync($"/api/feedback/{code}", new { audience = "parent", heard = 5, understood = 4, helped = 4, comment = "Selkeää, kiitos." });
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await anyone.PostAsJsonAsync($"/api/feedback/{code}", new { heard = 1, understood = 1, helped = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await anyone.GetAsync($"/api/feedback/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/feedback/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.PostAsJsonAsync("/api/feedback/short", new { heard = 1, understood = 1, helped = 1 })).StatusCode);
        Assert.Equal(1, await app.CountEvents("feedback_given"));

        // A second code expires after two hours.
        var second = (string)(await (await aino.PostAsJsonAsync("/api/staff/feedback-codes", new { appointmentId = held })).Content.ReadFromJsonAsync<JsonObject>())!["code"]!;
        app.Clock.Advance(Duration.FromHours(2));
        try
        {
            Assert.Equal(HttpStatusCode.Gone, (await anyone.PostAsJsonAsync($"/api/feedback/{second}", new { heard = 3, understood = 3, helped = 3 })).StatusCode);
        }
        finally
        {
            app.Clock.Advance(Duration.FromHours(-2));
        }

        // What is stored: the comment with its month and kind only; the events name no meeting and no one.
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var columns = new NpgsqlCommand(
                "select string_agg(column_name, ',' order by column_name) from information_schema.columns where table_name = 'feedback_comments'", connection);
            Assert.Equal("audience,id,kind,month,text,unit_id", (string)(await columns.ExecuteScalarAsync())!);
            await using var events = new NpgsqlCommand(
                "select count(*) from mt_events where stream_id like 'feedback%' and (data::text ilike @held or data::text ilike @code)", connection);
            events.Parameters.AddWithValue("held", $"%{held:N}%");
            events.Parameters.AddWithValue("code", $"%{code}%");
            Assert.Equal(0L, (long)(await events.ExecuteScalarAsync())!);
        }

        await app.Factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(90));
        var manager = await app.SignIn("pekka");
        var report = (await manager.GetFromJsonAsync<JsonNode>("/api/figures/report?month=2026-03"))!["total"]!["feedback"]!;
        Assert.Equal(1, (int)report["answers"]!);
        Assert.Equal(5.0, (double)report["heard"]!);
        Assert.Equal(1, (int)report["comments"]!);
        Assert.Equal(1, (int)report["answersByKind"]!["agreement"]!);
        var csv = await manager.GetStringAsync("/api/figures/report.csv?month=2026-03");
        Assert.Contains("2026-03-01;2026-03-31;feedback;answers;all;1", csv);

        // One comment in March: the manager sees that there is one, not what it says.
        var comments = (await manager.GetFromJsonAsync<JsonArray>("/api/figures/feedback-comments?month=2026-03"))!;
        Assert.Equal(1, (int)comments[0]!["count"]!);
        Assert.False((bool)comments[0]!["shown"]!);
        Assert.Empty(comments[0]!["texts"]!.AsArray());
        await Field(manager.GetAsync("/api/figures/feedback-comments?month=March"), "month");
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task Field(Task<HttpResponseMessage> sending, string field)
    {
        var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Contains($"\"{field}\"", text);
    }
}
