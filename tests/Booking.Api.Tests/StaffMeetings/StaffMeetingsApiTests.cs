// Staff change any meeting through HTTP on a real PostgreSQL: a staff move racing a parent's online booking of the same
// time never gives both; the secretary finds, moves and cancels a joint pair meeting and both parents are emailed; only
// the meeting's own supervisor (or the secretary) may change it; bad input names its field and writes nothing.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.StaffMeetings;

public sealed class StaffMoveRaceTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task A_staff_move_racing_a_parents_online_booking_of_the_same_time_never_gives_both_in_fifty_rounds()
    {
        // Tuesday 21 April 16:00-18:00 is Mikael's alone: the meeting at 16:00 and the target 17:00 are both his.
        var secretary = await app.SignIn("leena");
        var online = app.CreateClient();
        var booked = await online.Book(BookingClient.Request("2026-04-21T16:00", email: "moved.parent@example.fi"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var meetingId = (await booked.Json())["appointmentId"].Text();
        var (moves, parents) = (0, 0);

        for (var round = 0; round < 50; round++)
        {
            using var go = new SemaphoreSlim(0);
            var move = Task.Run(async () =>
            {
                await go.WaitAsync();
                return await secretary.PostAsJsonAsync($"/api/staff/meetings/{meetingId}/move",
                    new { start = "2026-04-21T17:00", reason = "familyAsked" });
            });
            var book = Task.Run(async () =>
            {
                await go.WaitAsync();
                return await online.Book(BookingClient.Request("2026-04-21T17:00", email: $"racer{round}@example.fi"));
            });
            go.Release(2);
            var (moved, parent) = (await move, await book);
            var moveWon = moved.StatusCode == HttpStatusCode.OK;
            var parentWon = parent.StatusCode == HttpStatusCode.Created;
            Assert.False(moveWon && parentWon, $"round {round}: both got 17:00");
            Assert.True(moveWon || parentWon, $"round {round}: {(int)moved.StatusCode} {await moved.Content.ReadAsStringAsync()} / " +
                $"{(int)parent.StatusCode} {await parent.Content.ReadAsStringAsync()}");
            Assert.True(moveWon || moved.StatusCode == HttpStatusCode.Conflict, $"round {round}: move {(int)moved.StatusCode}");
            Assert.True(parentWon || parent.StatusCode == HttpStatusCode.Conflict, $"round {round}: booking {(int)parent.StatusCode}");
            Assert.Equal(1L, await HeldAt(app, "2026-04-21 17:00"));

            // Free 17:00 again for the next round: the meeting goes back, or the parent cancels from the manage link.
            if (moveWon)
            {
                moves++;
                Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsJsonAsync($"/api/staff/meetings/{meetingId}/move",
                    new { start = "2026-04-21T16:00", reason = "familyAsked" })).StatusCode);
            }
            else
            {
                parents++;
                var token = (await parent.Json())["manageToken"].Text();
                Assert.Equal(HttpStatusCode.OK, (await online.PostAsync($"/api/bookings/{token}/cancel", null)).StatusCode);
            }
            Assert.Equal(0L, await HeldAt(app, "2026-04-21 17:00"));
        }
        Assert.Equal(50, moves + parents);
    }

    /// <summary>How many reservations of Mikael's hold the half hour starting at the given Helsinki time.</summary>
    internal static async Task<long> HeldAt(BookingApp app, string helsinki)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select count(*) from staff_reservations
            where staff_id = $1 and during && tstzrange(($2::timestamp at time zone 'Europe/Helsinki'),
                                                          ($2::timestamp at time zone 'Europe/Helsinki') + interval '30 minutes')
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = DemoUnitIds.Mikael });
        command.Parameters.Add(new NpgsqlParameter { Value = helsinki });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class StaffMeetingsApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static async Task<(string FamilyId, Guid Mother)> LogFamily(HttpClient secretary, string name, string email)
    {
        var response = await secretary.PostAsJsonAsync("/api/families", new
        {
            channel = "phone", matter = "agreement-60", parent = "mother",
            details = new { name, email, phone = "040 555 0101", language = "fi" },
            otherParentRole = "father",
            otherParent = new { name = "Isä " + name, email = "other." + email, phone = "+358 50 765 4321", language = "sv" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var family = await response.Json();
        var mother = Guid.Parse(family["parents"]!.AsArray().Single(p => p!["role"].Text() == "mother")!["clientId"].Text());
        return (family["familyId"].Text(), mother);
    }

    private static async Task<JsonObject> BookPair(HttpClient secretary, string familyId, Guid mother, string start)
    {
        var response = await secretary.PostAsJsonAsync($"/api/families/{familyId}/bookings", new
        {
            appointmentType = "pair-meeting", modality = "inPerson", starts = new[] { start }, clientId = mother, joint = true,
            secondProfessional = DemoUnitIds.Riikka,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json())["meetings"]![0]!.AsObject();
    }

    private async Task<long> OutboxRows(string appointmentId, string kind)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(distinct recipient_role) from email_outbox where appointment_id = $1 and kind = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(appointmentId) });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task WaitForOutbox(string appointmentId, string kind, long roles)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await OutboxRows(appointmentId, kind) < roles)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no {kind} email queued for both parents of {appointmentId}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task The_secretary_finds_a_joint_pair_meeting_by_reference_and_name_moves_it_and_both_parents_are_emailed()
    {
        var secretary = await app.SignIn("leena");
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync("/api/staff/offered-hours",
            new { staffId = DemoUnitIds.Riikka, date = "2026-05-13", from = "16:00", to = "19:00" })).StatusCode);
        var (familyId, mother) = await LogFamily(secretary, "Paula Parinen", "paula.parinen@example.fi");
        var meeting = await BookPair(secretary, familyId, mother, "2026-05-13T16:00");
        var id = meeting["appointmentId"].Text();

        var byName = await (await secretary.GetAsync("/api/staff/meetings?q=parinen")).JsonArray();
        var found = Assert.Single(byName)!;
        var reference = found["reference"].Text();
        Assert.Equal(("Paula Parinen", "Isä Paula Parinen"), (found["client"]!["name"].Text(), found["otherParent"]!["name"].Text()));
        Assert.Equal(id, Assert.Single(await (await secretary.GetAsync($"/api/staff/meetings?q={reference.ToLowerInvariant()}")).JsonArray())!
            ["appointmentId"].Text());

        var moved = await secretary.PostAsJsonAsync($"/api/staff/meetings/{id}/move",
            new { start = "2026-05-13T17:00", reason = "familyAsked", note = "Äiti pääsee vasta viideltä." });

        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var after = await moved.Json();
        Assert.Equal("2026-05-13T17:00:00", after["start"].Text());
        Assert.Equal(("Aino Virtanen", "Riikka Salo"), (after["supervisor"]!["name"].Text(), after["secondProfessional"]!["name"].Text()));
        Assert.Equal(1L, await app.CountRows("appointment_change_notes"));
        await WaitForOutbox(id, "moved", 2);
    }

    [Fact]
    public async Task Only_the_secretary_or_the_meetings_own_supervisor_changes_it_and_a_cancel_emails_both_parents()
    {
        var secretary = await app.SignIn("leena");
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync("/api/staff/offered-hours",
            new { staffId = DemoUnitIds.Riikka, date = "2026-05-20", from = "16:00", to = "19:00" })).StatusCode);
        var (familyId, mother) = await LogFamily(secretary, "Kaarina Kumpula", "kaarina.kumpula@example.fi");
        var id = (await BookPair(secretary, familyId, mother, "2026-05-20T16:00"))["appointmentId"].Text();
        var mikael = await app.SignIn("mikael");
        var aino = await app.SignIn("aino");
        var manager = await app.SignIn("pekka");
        var before = await app.CountEvents();

        Assert.Equal(HttpStatusCode.Forbidden, (await mikael.PostAsJsonAsync($"/api/staff/meetings/{id}/cancel", new { reason = "staffAbsent" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mikael.GetAsync($"/api/staff/meetings/{id}")).StatusCode);
        Assert.Empty(await (await mikael.GetAsync("/api/staff/meetings?q=kumpula")).JsonArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/api/staff/meetings/{id}/cancel", new { reason = "staffAbsent" })).StatusCode);
        Assert.Equal(before, await app.CountEvents());
        Assert.Single(await (await aino.GetAsync("/api/staff/meetings?q=kumpula")).JsonArray());

        var cancelled = await aino.PostAsJsonAsync($"/api/staff/meetings/{id}/cancel", new { reason = "staffAbsent" });

        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        Assert.Equal("cancelled", (await cancelled.Json())["status"].Text());
        await WaitForOutbox(id, "cancelled", 2);
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_the_field_and_writes_nothing()
    {
        var secretary = await app.SignIn("leena");
        var booked = await app.CreateClient().Book(BookingClient.Request("2026-04-22T09:00", email: "bad.input@example.fi"));
        var id = (await booked.Json())["appointmentId"].Text();
        var before = await app.CountEvents();

        async Task<(HttpStatusCode, string)> Post(string path, string json)
        {
            var response = await secretary.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        foreach (var (path, json, field) in new[]
                 {
                     ($"/api/staff/meetings/{id}/move", """{"start":"tomorrow","reason":"familyAsked"}""", "start"),
                     ($"/api/staff/meetings/{id}/move", """{"start":"2026-04-22T10:00","reason":"sleepy"}""", "reason"),
                     ($"/api/staff/meetings/{id}/move", """{"start":"2026-04-22T10:00","reason":"5"}""", "reason"),
                     ($"/api/staff/meetings/{id}/move", """{"start":"2026-04-22T10:00","reason":"familyAsked","supervisor":"0b5e7a52-55a1-4c1e-9d0e-000000000201"}""", "supervisor"),
                     ($"/api/staff/meetings/{id}/cancel", """{"reason":"other"}""", "note"),
                     ($"/api/staff/meetings/{id}/cancel", """{"reason":"familyAsked","note":"a\u0001b"}""", "note"),
                     ($"/api/staff/meetings/{id}/reassign", """{"reason":"staffAbsent"}""", "supervisor"),
                 })
        {
            var (status, body) = await Post(path, json);
            Assert.True(status == HttpStatusCode.BadRequest, $"{json}: {(int)status} {body}");
            Assert.Contains(field, body);
        }
        var (wrongType, _) = await Post($"/api/staff/meetings/{id}/move", """{"start":5,"reason":"familyAsked"}""");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.GetAsync("/api/staff/meetings?q=x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync($"/api/staff/meetings/{Guid.NewGuid()}/cancel",
            new { reason = "familyAsked" })).StatusCode);
        Assert.Equal(before, await app.CountEvents());
    }
}
