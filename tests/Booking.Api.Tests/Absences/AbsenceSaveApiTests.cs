// Saving absences and closures on a real PostgreSQL: the absent hours leave the parents' free times, a meeting a free
// colleague can take is given to them (and the parents' email is queued), the rest are on the secretary's work list until
// she marks them done; bad input names the field and writes nothing; and a parent booking a time while the closure of that
// hour is being saved either is refused or is on the work list, never silently left in the closed hour.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Absences;

public sealed class AbsenceSaveApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static async Task<string> Book(HttpClient http, string start, string email)
    {
        var response = await http.Book(BookingClient.Request(start, email: email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json())["appointmentId"].Text();
    }

    private static async Task<List<string>> FreeStarts(HttpClient http, string date) =>
        (await (await http.GetAsync($"/api/free-times?type=advice&modality=inPerson&from={date}&to={date}")).JsonArray())
        .Select(f => f!["start"].Text()[..16]).ToList();

    [Fact]
    public async Task Mikaels_evening_absence_takes_his_times_off_the_parents_list_and_puts_his_meeting_on_the_work_list_until_done()
    {
        var online = app.CreateClient();
        var evening = await Book(online, "2026-04-28T16:00", "evening.absence@example.fi");
        Assert.Contains("2026-04-28T17:00", await FreeStarts(online, "2026-04-28"));
        var manager = await app.SignIn("pekka");
        var secretary = await app.SignIn("leena");

        var saved = await manager.PostAsJsonAsync("/api/staff/absences",
            new { staffId = DemoUnitIds.Mikael, from = "2026-04-28", to = "2026-04-28", fromTime = "16:00", toTime = "18:00" });

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.DoesNotContain(await FreeStarts(online, "2026-04-28"), s => string.CompareOrdinal(s, "2026-04-28T16:00") >= 0
                                                                            && string.CompareOrdinal(s, "2026-04-28T18:00") < 0);
        Assert.NotEqual(HttpStatusCode.Created, (await online.Book(BookingClient.Request("2026-04-28T17:00", email: "late@example.fi"))).StatusCode);

        var work = await (await secretary.GetAsync("/api/staff/absences/work")).JsonArray();
        var absence = work.Single(a => a!["staff"]?["staffId"].Text() == DemoUnitIds.Mikael.ToString())!;
        var item = Assert.Single(absence["work"]!.AsArray())!;
        Assert.Equal((evening, "contactFamily", ""), (item["item"]!["id"].Text(), item["action"].Text(), item["done"].Text()));

        var bad = await secretary.PostAsJsonAsync($"/api/staff/absences/{absence["id"].Text()}/work/{item["number"].Text()}/done", new { how = "forgot" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("how", (await bad.Json())["errors"]!.AsObject().Select(e => e.Key));
        var done = await secretary.PostAsJsonAsync($"/api/staff/absences/{absence["id"].Text()}/work/{item["number"].Text()}/done", new { how = "contacted" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("contacted", (await done.Json())["work"]![0]!["done"].Text());
    }

    [Fact]
    public async Task A_morning_meeting_goes_to_a_free_colleague_and_its_parent_gets_the_email()
    {
        var online = app.CreateClient();
        var morning = await Book(online, "2026-04-29T09:00", "morning.absence@example.fi");
        var secretary = await app.SignIn("leena");
        var supervisor = (await (await secretary.GetAsync($"/api/staff/meetings/{morning}")).Json())["supervisor"]!["staffId"].Text();

        var saved = await (await secretary.PostAsJsonAsync("/api/staff/absences",
            new { staffId = supervisor, from = "2026-04-29", to = "2026-04-29" })).Json();

        var item = saved["work"]!.AsArray().Single(w => w!["item"]!["id"].Text() == morning)!;
        Assert.Equal(("reassign", "reassigned"), (item["action"].Text(), item["done"].Text()));
        var now = (await (await secretary.GetAsync($"/api/staff/meetings/{morning}")).Json())["supervisor"]!["staffId"].Text();
        Assert.Equal(item["reassignedTo"]!["staffId"].Text(), now);
        Assert.NotEqual(supervisor, now);
        Assert.Equal(1L, await app.CountEvents("appointment_reassigned"));
        // The outbox is an asynchronous projection: wait for it, with a deadline.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await app.CountRows("email_outbox where kind = 'reassigned'") == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.True(await app.CountRows("email_outbox where kind = 'reassigned'") >= 1);
    }

    [Fact]
    public async Task Bad_input_names_the_field_writes_nothing_and_a_supervisor_may_not_save()
    {
        var manager = await app.SignIn("pekka");
        var before = await app.CountEvents();
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { from = "2026-04-21", to = "x" }, "to"),
                     (new { from = "2026-04-22", to = "2026-04-21" }, "to"),
                     (new { from = "2026-04-21", to = "2026-04-21", toTime = "10:00" }, "fromTime"),
                     (new { from = "2026-04-21", to = "2026-04-21", fromTime = "12:00", toTime = "10:00" }, "toTime"),
                     (new { staffId = Guid.NewGuid(), from = "2026-04-21", to = "2026-04-21" }, "staffId"),
                 })
        {
            var response = await manager.PostAsJsonAsync("/api/staff/absences", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            Assert.Contains(field, JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key));
        }
        Assert.Equal(before, await app.CountEvents());
        var aino = await app.SignIn("aino");
        Assert.Equal(HttpStatusCode.Forbidden, (await aino.PostAsJsonAsync("/api/staff/absences", new { from = "2026-04-21", to = "2026-04-21" })).StatusCode);
    }
}

// Its own database: every round closes a different half hour.
public sealed class AbsenceRaceTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task Thirty_rounds_of_a_parent_booking_a_time_while_its_closure_is_saved_never_leave_a_meeting_without_a_work_item()
    {
        var free = await (await app.CreateClient().GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-05-04&to=2026-06-05")).JsonArray();
        var times = free.Select(f => f!["start"].Text()[..16]).Distinct().Order(StringComparer.Ordinal)
            .GroupBy(t => t[..13]).Select(g => g.First()).Take(30).ToList();
        Assert.Equal(30, times.Count);
        var manager = await app.SignIn("pekka");
        var (booked, refused) = (0, 0);

        foreach (var (time, round) in times.Select((t, i) => (t, i)))
        {
            var date = time[..10];
            var end = $"{int.Parse(time[11..13]):00}:{time[14..16]}";
            var until = DateTime.Parse(time).AddMinutes(30).ToString("HH:mm");
            using var parent = app.CreateClient();
            using var go = new SemaphoreSlim(0);
            var booking = Task.Run(async () => { await go.WaitAsync(); return await parent.Book(BookingClient.Request(time, email: $"race{round}@example.fi")); });
            var closing = Task.Run(async () =>
            {
                await go.WaitAsync();
                return await manager.PostAsJsonAsync("/api/staff/absences", new { from = date, to = date, fromTime = end, toTime = until });
            });
            go.Release(2);
            var (bookedAnswer, closedAnswer) = (await booking, await closing);

            Assert.True(closedAnswer.StatusCode == HttpStatusCode.Created, await closedAnswer.Content.ReadAsStringAsync());
            var work = (await closedAnswer.Json())["work"]!.AsArray().Where(w => w!["item"]!["kind"].Text() == "meeting")
                .Select(w => w!["item"]!["id"].Text()).ToList();
            if (bookedAnswer.StatusCode == HttpStatusCode.Created)
            {
                booked++;
                Assert.Contains((await bookedAnswer.Json())["appointmentId"].Text(), work);
            }
            else
            {
                refused++;
                Assert.True(bookedAnswer.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity,
                    await bookedAnswer.Content.ReadAsStringAsync());
                Assert.Empty(work);
            }
        }
        Assert.Equal(30, booked + refused);
    }
}
