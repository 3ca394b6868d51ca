// Video links and the other parent's answer through HTTP, against a real PostgreSQL and a real SMTP server (aiosmtpd):
// a parent books a video meeting online, the day shows "link missing", the meeting's own supervisor sets the link (a
// colleague and the manager may not, bad links are 400 naming videoLink), both parents are emailed it in their language,
// and the booking's manage link shows it; no event holds it. A parent may ask for separate meetings (nobody is invited),
// and every invitation carries its answer link and the unit's phone number. "Now" is Monday 2026-10-19 09:00 (EmailApp).
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Notifications;

public sealed class VideoLinkApiTests(EmailApp app) : IClassFixture<EmailApp>
{
    private const string Link = "https://meet.example.fi/perheoikeus/room-8842";

    [Fact]
    public async Task The_meetings_own_supervisor_sets_the_link_both_parents_get_it_in_Swedish_and_the_manage_link_shows_it()
    {
        var http = app.CreateClient();
        var start = await FirstFree(http, "2026-10-21");
        var booked = await http.Book(new
        {
            appointmentType = "advice", modality = "video", start,
            client = new { name = "Sofia Video", email = "sofia.video@example.fi", phone = "0401112222", language = "sv" },
            otherParentEmail = "oskar.video@example.fi",
        });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var body = await booked.Json();
        var (id, token) = (Guid.Parse(body["appointmentId"].Text()), body["manageToken"].Text());

        var confirmation = Assert.Single(await app.Smtp.WaitFor("sofia.video@example.fi"));
        Assert.Contains("Videomöte – du får länken till mötet före mötet.", confirmation.Text);

        var secretary = await app.SignIn("leena");
        var meeting = await (await secretary.GetAsync($"/api/staff/meetings/{id}")).Json();
        var holder = Guid.Parse(meeting["supervisor"]!["staffId"].Text());
        var date = start[..10];
        Assert.True(DayMeeting(await (await secretary.GetAsync($"/api/staff/day?staffId={holder}&date={date}")).Json(), id)["videoLinkMissing"]!
            .GetValue<bool>());

        var own = await app.SignIn(DemoUnit.SignIns.First(s => s.Staff == holder).User);
        var colleague = await app.SignIn(DemoUnit.SignIns.First(s => s.Role == "supervisor" && s.Staff != holder).User);
        var manager = await app.SignIn("pekka");
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PutAsJsonAsync(Path(id), new { videoLink = Link })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync(Path(id), new { videoLink = Link })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PutAsJsonAsync(Path(id), new { videoLink = Link })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.PutAsJsonAsync(Path(Guid.NewGuid()), new { videoLink = Link })).StatusCode);
        foreach (var bad in new object?[] { "http://meet.example.fi/a", "https://meet.example.fi/a\u0001b", "https://meet.example.fi/" + new string('x', 500),
                     "", null, 42, "javascript:alert(1)" })
        {
            var refused = await own.PutAsync(Path(id), new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new { videoLink = bad }), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await refused.Json())["errors"]?["videoLink"]);
        }
        Assert.Equal(0L, await app.CountEvents("video_link_set"));

        var set = await own.PutAsJsonAsync(Path(id), new { videoLink = $" {Link} " });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(Link, (await set.Json())["videoLink"].Text());
        Assert.Equal(HttpStatusCode.OK, (await own.PutAsJsonAsync(Path(id), new { videoLink = Link })).StatusCode); // the same again: nothing new
        Assert.Equal(1L, await app.CountEvents("video_link_set"));

        foreach (var parent in new[] { "sofia.video@example.fi", "oskar.video@example.fi" })
        {
            var mail = Assert.Single(await app.Smtp.WaitFor(parent, where: m => m.Subject!.StartsWith("Länk till videomötet")));
            Assert.Equal("sv", mail.ContentLanguage);
            Assert.Contains($"Delta i videomötet via länken:\n{Link}\n", mail.Text!.ReplaceLineEndings("\n"));
            Assert.Equal(Link, (await SmtpServer.CheckIcs(Assert.Single(mail.Ics).Content))["location"].Text());
        }
        Assert.Equal(Link, (await (await http.GetAsync($"/api/bookings/{token}")).Json())["videoLink"].Text());
        Assert.False(DayMeeting(await (await own.GetAsync($"/api/staff/day?date={date}")).Json(), id)["videoLinkMissing"]!.GetValue<bool>());
        Assert.Equal(0L, await EventsContaining("meet.example.fi"));
    }

    [Fact]
    public async Task The_secretary_changes_a_link_but_an_in_person_meeting_has_none()
    {
        var http = app.CreateClient();
        var start = await FirstFree(http, "2026-10-22", modality: "inPerson");
        var booked = await http.Book(BookingClient.Request(start, email: "ines.person@example.fi"));
        var id = Guid.Parse((await booked.Json())["appointmentId"].Text());
        var secretary = await app.SignIn("leena");

        var refused = await secretary.PutAsJsonAsync(Path(id), new { videoLink = Link });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("not_a_video_meeting", (await refused.Json())["code"].Text());
    }

    [Fact]
    public async Task A_parent_asking_for_separate_meetings_invites_nobody_and_the_supervisors_day_shows_the_request()
    {
        var http = app.CreateClient();
        var start = await FirstFree(http, "2026-10-23", modality: "inPerson");
        object Request(object? separate, string? other) => new
        {
            appointmentType = "advice", modality = "inPerson", start,
            client = new { name = "Tiina Turva", email = "tiina.turva@example.fi", phone = "0403334444", language = "fi" },
            otherParentEmail = other, separateMeetings = separate,
        };

        var both = await http.Book(Request(true, "toinen.turva@example.fi"));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.NotNull((await both.Json())["errors"]?["separateMeetings"]);
        var wrongType = await http.Book(Request("yes", null));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.NotNull((await wrongType.Json())["errors"]?["separateMeetings"]);

        var booked = await http.Book(Request(true, null));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var body = await booked.Json();
        var id = Guid.Parse(body["appointmentId"].Text());
        Assert.True(body["separateMeetings"]!.GetValue<bool>());

        var rows = await app.WaitForOutbox(id, r => r.Count > 0 && r.All(x => x.Status != "pending"));
        Assert.Equal(["confirmation"], rows.Select(r => r.Kind).ToArray());
        var secretary = await app.SignIn("leena");
        var holder = (await (await secretary.GetAsync($"/api/staff/meetings/{id}")).Json())["supervisor"]!["staffId"].Text();
        var meeting = DayMeeting(await (await secretary.GetAsync($"/api/staff/day?staffId={holder}&date={start[..10]}")).Json(), id);
        Assert.True(meeting["separateMeetings"]!.GetValue<bool>());
        Assert.False(meeting["joint"]!.GetValue<bool>());
        Assert.Equal(1L, await app.CountEvents("separate_meetings_requested"));
    }

    [Fact]
    public async Task The_invitation_carries_its_answer_link_and_the_units_phone_and_the_booker_sees_the_decline()
    {
        var http = app.CreateClient();
        var start = await FirstFree(http, "2026-10-26", modality: "inPerson");
        var booked = await http.Book(new
        {
            appointmentType = "advice", modality = "inPerson", start,
            client = new { name = "Anni Kutsuja", email = "anni.kutsuja@example.fi", phone = "0405556666", language = "fi" },
            otherParentEmail = "olli.kutsuttu@example.fi",
        });
        var token = (await booked.Json())["manageToken"].Text();

        var invitation = Assert.Single(await app.Smtp.WaitFor("olli.kutsuttu@example.fi"));
        var text = invitation.Text!.ReplaceLineEndings("\n");
        Assert.Contains("Jos et pääse tulemaan, vastaa alla olevasta linkistä. Voit myös soittaa yksikköön: 09 123 4567.", text);
        var answerLink = System.Text.RegularExpressions.Regex.Match(text, $@"{EmailApp.PublicBaseUrl}/invitation/(\S+)");
        Assert.True(answerLink.Success, text);

        var declined = await http.PostAsync($"/api/invitations/{answerLink.Groups[1].Value}/decline", null);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);

        Assert.False((await (await http.GetAsync($"/api/bookings/{token}")).Json())["otherParentAccepted"]!.GetValue<bool>());
    }

    private static string Path(Guid id) => $"/api/staff/meetings/{id}/video-link";

    private static async Task<string> FirstFree(HttpClient http, string date, string modality = "video")
    {
        var free = await (await http.GetAsync($"/api/free-times?type=advice&modality={modality}&from={date}&to={date}")).JsonArray();
        return free.Select(f => f!["start"].Text()[..16]).Last();
    }

    private static System.Text.Json.Nodes.JsonNode DayMeeting(System.Text.Json.Nodes.JsonObject day, Guid id) =>
        day["meetings"]!.AsArray().Single(m => m!["appointmentId"].Text() == id.ToString())!;

    private async Task<long> EventsContaining(string text)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from mt_events where data::text like '%' || $1 || '%'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = text });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
