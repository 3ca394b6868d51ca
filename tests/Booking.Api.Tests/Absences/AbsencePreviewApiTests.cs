// The preview of an absence or a closure on a real PostgreSQL: the meetings, walk-in duties it hits and the work list; a
// meeting with a free colleague at the same time is to be given to them, Mikael's evening meeting (his alone) needs the
// family contacted; bad input names the field, a supervisor may not ask, and nothing is written.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Absences;

public sealed class AbsencePreviewApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static async Task<string> Book(HttpClient http, string start, string email)
    {
        var response = await http.Book(BookingClient.Request(start, email: email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json())["appointmentId"].Text();
    }

    private static async Task<Guid> SupervisorOf(HttpClient secretary, string appointmentId) =>
        Guid.Parse((await (await secretary.GetAsync($"/api/staff/meetings/{appointmentId}")).Json())["supervisor"]!["staffId"].Text());

    [Fact]
    public async Task The_manager_sees_what_an_absence_or_a_closure_hits_and_the_work_list_it_would_make()
    {
        var online = app.CreateClient();
        var evening = await Book(online, "2026-04-21T16:00", "evening@example.fi");
        var morning = await Book(online, "2026-04-21T09:00", "morning@example.fi");
        var secretary = await app.SignIn("leena");
        var manager = await app.SignIn("pekka");
        var morningSupervisor = await SupervisorOf(secretary, morning);
        var before = await app.CountEvents();

        var mikael = await (await manager.PostAsJsonAsync("/api/staff/absences/preview",
            new { staffId = DemoUnitIds.Mikael, from = "2026-04-21", to = "2026-04-21", fromTime = "16:00", toTime = "18:00" })).Json();
        var item = Assert.Single(mikael["work"]!.AsArray())!;
        Assert.Equal((evening, "contactFamily", "nobody_free"), (item["item"]!["id"].Text(), item["action"].Text(), item["why"].Text()));

        var absent = await (await secretary.PostAsJsonAsync("/api/staff/absences/preview",
            new { staffId = morningSupervisor, from = "2026-04-21", to = "2026-04-21" })).Json();
        var given = absent["work"]!.AsArray().Single(w => w!["item"]!["id"].Text() == morning)!;
        Assert.Equal("reassign", given["action"].Text());
        Assert.NotEqual(morningSupervisor, Guid.Parse(given["reassignTo"]!["staffId"].Text()));

        var closure = await (await manager.PostAsJsonAsync("/api/staff/absences/preview", new { from = "2026-04-21", to = "2026-04-23" })).Json();
        Assert.Equal(["meeting", "meeting", "walkInDuty"], closure["hits"]!.AsArray().Select(h => h!["kind"].Text()).ToList());
        Assert.All(closure["work"]!.AsArray().Where(w => w!["item"]!["kind"].Text() == "meeting"), w => Assert.Equal("unit_closed", w!["why"].Text()));
        Assert.Equal("coverDuty", closure["work"]!.AsArray().Single(w => w!["item"]!["kind"].Text() == "walkInDuty")!["action"].Text());
        Assert.Equal(before, await app.CountEvents());
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_a_supervisor_may_not_ask()
    {
        var manager = await app.SignIn("pekka");
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { from = "x", to = "2026-04-21" }, "from"),
                     (new { from = "2026-04-22", to = "2026-04-21" }, "to"),
                     (new { from = "2026-04-21", to = "2026-04-21", fromTime = "10:00" }, "toTime"),
                     (new { from = "2026-04-21", to = "2026-04-21", fromTime = "25:00", toTime = "12:00" }, "fromTime"),
                     (new { staffId = Guid.NewGuid(), from = "2026-04-21", to = "2026-04-21" }, "staffId"),
                 })
        {
            var response = await manager.PostAsJsonAsync("/api/staff/absences/preview", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            Assert.Contains(field, JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key));
        }
        var aino = await app.SignIn("aino");
        Assert.Equal(HttpStatusCode.Forbidden, (await aino.PostAsJsonAsync("/api/staff/absences/preview",
            new { from = "2026-04-21", to = "2026-04-21" })).StatusCode);
    }
}
