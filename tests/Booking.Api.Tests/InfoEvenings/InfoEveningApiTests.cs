// The info evenings through HTTP against a real PostgreSQL. "Now" is Monday 2026-04-20 09:00 in Helsinki; the evenings
// are scheduled by the demo manager (pekka) for Tuesday 2026-05-12 18:00-20:00, registration open until the day before.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.InfoEvenings;

public static class EveningClient
{
    public static object Evening(int capacity, string title = "Vanhempien eron ABC", string day = "2026-05-12", string opens = "2026-04-20") => new
    {
        eveningId = Guid.NewGuid(), title, description = "Mitä ero tarkoittaa lapselle", start = $"{day}T18:00",
        end = $"{day}T20:00", place = "Kaupungintalo, sali 2", language = "fi", capacity,
        partners = new[] { "Yhden vanhemman perheiden liitto" }, registrationOpens = $"{opens}T00:00", registrationCloses = $"{day}T12:00",
    };

    public static object Registration(int n, string language = "fi", int seats = 1) =>
        new { client = new { name = $"Vanhempi {n}", email = $"vanhempi{n}@example.fi", phone = "", language }, seats };


    public static async Task<Guid> Schedule(this BookingApp app, int capacity, string day = "2026-05-12", string opens = "2026-04-20",
        string title = "Vanhempien eron ABC")
    {
        var manager = await app.SignIn("pekka");
        var response = await manager.PostAsJsonAsync("/api/evenings", Evening(capacity, title, day, opens));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.Json())["eveningId"].Text());
    }

    /// <summary>The registration ids of an evening's Waitlisted events, in the order they were appended.</summary>
    public static async Task<List<Guid>> WaitlistedInOrder(this BookingApp app, Guid eveningId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select data->>'registrationId' from mt_events where type = 'info_evening_waitlisted' and stream_id = $1 order by version", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = $"infoevening-{eveningId:N}" });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }
}

public sealed class EveningBurstApp : BookingApp;

public sealed class InfoEveningBurstTests(EveningBurstApp app) : IClassFixture<EveningBurstApp>
{
    [Fact]
    public async Task A_hundred_concurrent_registrations_for_thirty_seats_give_thirty_seats_and_seventy_waiting_in_arrival_order_and_a_cancellation_promotes_the_first()
    {
        var eveningId = await app.Schedule(capacity: 30);
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(1, 100).Select(async n =>
        {
            using var http = app.CreateClient();
            await start.WaitAsync();
            return await http.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations", EveningClient.Registration(n));
        }).ToList();
        start.Release(100);
        var responses = await Task.WhenAll(requests);

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var r in responses) bodies.Add(await r.Json());
        Assert.Equal(30, bodies.Count(b => b["status"].Text() == "registered"));
        var waiting = bodies.Where(b => b["status"].Text() == "waiting").ToList();
        Assert.Equal(70, waiting.Count);

        // Arrival order is the order of the Waitlisted events; each answer's position is its place in that order.
        var arrival = await app.WaitlistedInOrder(eveningId);
        Assert.Equal(70, arrival.Count);
        Assert.Equal(arrival, waiting.OrderBy(b => b["waitingPosition"]!.GetValue<int>()).Select(b => Guid.Parse(b["registrationId"].Text())));

        var evening = await (await app.CreateClient().GetAsync($"/api/evenings/{eveningId}")).Json();
        Assert.Equal((0, 70), (evening["seatsFree"]!.GetValue<int>(), evening["waiting"]!.GetValue<int>()));
        Assert.Equal(30L, await app.CountEvents("info_evening_registered"));

        // A registered client cancels from the link: the first on the waiting list gets the seat.
        var leaving = bodies.First(b => b["status"].Text() == "registered");
        var first = waiting.Single(b => Guid.Parse(b["registrationId"].Text()) == arrival[0]);
        var client = app.CreateClient();
        var cancelled = await client.PostAsync($"/api/evening-registrations/{leaving["manageToken"].Text()}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Json())["status"].Text());
        var promoted = await (await client.GetAsync($"/api/evening-registrations/{first["manageToken"].Text()}")).Json();
        Assert.Equal("registered", promoted["status"].Text());
        Assert.Equal(1L, await app.CountEvents("info_evening_promoted_from_waitlist"));
        var second = waiting.Single(b => Guid.Parse(b["registrationId"].Text()) == arrival[1]);
        Assert.Equal(1, (await (await client.GetAsync($"/api/evening-registrations/{second["manageToken"].Text()}")).Json())["waitingPosition"]!.GetValue<int>());
    }
}

public sealed class EveningApp : BookingApp;

public sealed class InfoEveningApiTests(EveningApp app) : IClassFixture<EveningApp>
{
    [Fact]
    public async Task One_registration_sent_ten_times_at_once_with_one_Idempotency_Key_takes_one_seat_and_answers_one_manage_link()
    {
        var eveningId = await app.Schedule(capacity: 5, title: "Avain kerran");
        var registered = await app.CountEvents("info_evening_registered");
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/evenings/{eveningId}/registrations")
            {
                Content = JsonContent.Create(EveningClient.Registration(77, seats: 2)),
            };
            request.Headers.Add("Idempotency-Key", "vanhempi-77-app");
            var response = await app.CreateClient().SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return (Body: await response.Json(), Replayed: response.Headers.Contains("Idempotent-Replayed"));
        }));

        var token = Assert.Single(answers.Select(a => a.Body["manageToken"].Text()).Distinct());
        Assert.Equal(9, answers.Count(a => a.Replayed));
        Assert.Equal(registered + 1, await app.CountEvents("info_evening_registered"));
        var evening = await (await app.CreateClient().GetAsync($"/api/evenings/{eveningId}")).Json();
        Assert.Equal(3, evening["seatsFree"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/api/evening-registrations/{token}")).StatusCode);

        // The same person with another key is the same registrant: already registered.
        using var again = new HttpRequestMessage(HttpMethod.Post, $"/api/evenings/{eveningId}/registrations")
        {
            Content = JsonContent.Create(EveningClient.Registration(77)),
        };
        again.Headers.Add("Idempotency-Key", "vanhempi-77-web");
        var refused = await app.CreateClient().SendAsync(again);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("already_registered", (await refused.Json())["code"].Text());
    }

    [Fact]
    public async Task The_demo_unit_lists_its_ABC_evening_three_weeks_ahead_with_thirty_free_seats_and_its_partners()
    {
        var list = await (await app.CreateClient().GetAsync("/api/evenings")).JsonArray();
        var demo = Assert.Single(list, e => e!["eveningId"].Text() == "0b5e7a52-55a1-4c1e-9d0e-000000000501")!;
        Assert.Equal("Vanhempien eron ABC / Föräldrarnas skilsmässo-ABC", demo["title"].Text());
        Assert.Equal("2026-05-12T18:00:00", demo["start"].Text());
        Assert.Equal((30, true), (demo["seatsFree"]!.GetValue<int>(), demo["registrationOpen"]!.GetValue<bool>()));
        Assert.Equal(["Yhden vanhemman perheiden liitto", "Porvoon perheneuvola"], demo["partners"]!.AsArray().Select(p => p.Text()));
        Assert.Equal(1L, await app.CountEvents("info_evening_scheduled") - await OtherEvenings());
    }

    private async Task<long> OtherEvenings()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from mt_events where type = 'info_evening_scheduled' and data->>'by' <> 'system:demo'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_registration_with_bad_fields_answers_400_naming_each_field_and_writes_nothing()
    {
        var eveningId = await app.Schedule(capacity: 5);
        var before = await app.CountEvents();
        var response = await app.CreateClient().PostAsJsonAsync($"/api/evenings/{eveningId}/registrations",
            new { client = new { name = "", email = "nope", phone = "12", language = "fi" }, seats = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json())["errors"]!.AsObject();
        Assert.Equal(["client.email", "client.name", "client.phone", "seats"], errors.Select(e => e.Key).Order());
        Assert.Equal(before, await app.CountEvents());
    }

    [Fact]
    public async Task A_schedule_form_with_bad_fields_answers_400_naming_each_field()
    {
        var manager = await app.SignIn("pekka");
        var response = await manager.PostAsJsonAsync("/api/evenings", new
        {
            title = "", start = "2026-05-12T18:00", end = "2026-05-12T17:00", capacity = 0, language = "xx",
            registrationOpens = "2026-04-20T00:00", registrationCloses = "tomorrow",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json())["errors"]!.AsObject();
        Assert.Equal(["capacity", "end", "language", "place", "registrationCloses", "title"], errors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task An_unknown_evening_is_404_and_a_made_up_token_is_404()
    {
        var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/evenings/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync($"/api/evenings/{Guid.NewGuid()}/registrations", EveningClient.Registration(1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/evening-registrations/not-a-token")).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/evenings")]
    [InlineData("GET", "/api/evenings/all")]
    [InlineData("POST", "/api/evenings/00000000-0000-0000-0000-000000000001/cancel")]
    [InlineData("GET", "/api/evenings/00000000-0000-0000-0000-000000000001/roster")]
    [InlineData("GET", "/api/evenings/00000000-0000-0000-0000-000000000001/roster.csv")]
    [InlineData("POST", "/api/evenings/00000000-0000-0000-0000-000000000001/registrations/00000000-0000-0000-0000-000000000002/attendance")]
    public async Task Manager_endpoints_answer_401_to_anonymous_callers_and_403_to_a_supervisor(string method, string path)
    {
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().SendAsync(Request())).StatusCode);
        var supervisor = await app.SignIn("aino");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.SendAsync(Request())).StatusCode);
    }

    [Fact]
    public async Task The_roster_csv_has_the_header_and_a_row_per_registrant_in_utf8_with_bom_and_no_phone_numbers()
    {
        var eveningId = await app.Schedule(capacity: 1);
        var client = app.CreateClient();
        (await client.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations",
            new { client = new { name = "Äijä Öhman", email = "aija@example.fi", phone = "+358 40 765 4321", language = "sv" }, seats = 1 }))
            .EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations",
            new { client = new { name = "=HYPERLINK(\"x\")", email = "b@example.fi", language = "en" }, seats = 2 })).EnsureSuccessStatusCode();

        var manager = await app.SignIn("pekka");
        var response = await manager.GetAsync($"/api/evenings/{eveningId}/roster.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name;email;seats;status;registered at;attended", lines[0]);
        Assert.Equal("Äijä Öhman;aija@example.fi;1;registered;2026-04-20 09:00;", lines[1]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\";b@example.fi;2;waiting;2026-04-20 09:00;", lines[2]);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain("765", Encoding.UTF8.GetString(bytes));

        var roster = await (await manager.GetAsync($"/api/evenings/{eveningId}/roster")).Json();
        Assert.Equal("Äijä Öhman", roster["registered"]![0]!["name"].Text());
        Assert.Equal(1, roster["figures"]!["waitingPeak"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_cancelled_evening_leaves_the_public_list_and_refuses_registrations_with_422()
    {
        var eveningId = await app.Schedule(capacity: 5);
        var manager = await app.SignIn("pekka");
        var cancelled = await manager.PostAsJsonAsync($"/api/evenings/{eveningId}/cancel", new { reason = "Puhuja sairastui" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.True((await cancelled.Json())["cancelled"]!.GetValue<bool>());

        var list = await (await app.CreateClient().GetAsync("/api/evenings")).JsonArray();
        Assert.DoesNotContain(list, e => e!["eveningId"].Text() == eveningId.ToString());
        var refused = await app.CreateClient().PostAsJsonAsync($"/api/evenings/{eveningId}/registrations", EveningClient.Registration(1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("evening_cancelled", (await refused.Json())["code"].Text());
    }
}
