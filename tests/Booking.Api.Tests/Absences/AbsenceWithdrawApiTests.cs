// Withdrawing absences on a real PostgreSQL: the hours come back to the parents' free times and the call-back times (an
// absence of some hours takes only that supervisor's call-back slots, so a colleague's window keeps the time), the open
// work items are marked no longer needed, withdrawing again answers the first withdrawal, two at once write one event,
// an unknown absence is 404, and the standing list leaves a withdrawn absence out.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Absences;

public sealed class AbsenceWithdrawApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static async Task<List<string>> FreeStarts(HttpClient http, string date) =>
        (await (await http.GetAsync($"/api/free-times?type=advice&modality=inPerson&from={date}&to={date}")).JsonArray())
        .Select(f => f!["start"].Text()[..16]).ToList();

    private static async Task<List<string>> PublicCallBackStarts(HttpClient http, string date) =>
        (await (await http.GetAsync($"/api/call-backs/free?from={date}&to={date}")).JsonArray())
        .Select(f => f!["start"].Text()[..16]).ToList();

    /// <summary>Who the secretary's call-back times offer at <paramref name="start"/> (empty when the time is not offered).</summary>
    private static async Task<List<string>> CallBackStaffAt(HttpClient secretary, string start) =>
        (await (await secretary.GetAsync($"/api/staff/call-backs/free?from={start[..10]}&to={start[..10]}")).JsonArray())
        .Where(f => f!["start"].Text().StartsWith(start, StringComparison.Ordinal))
        .SelectMany(f => f!["freeStaff"]!.AsArray().Select(s => s.Text())).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Mikaels_afternoon_absence_takes_his_evening_times_and_call_back_slots_and_withdrawing_it_gives_them_back()
    {
        var online = app.CreateClient();
        var manager = await app.SignIn("pekka");
        var secretary = await app.SignIn("leena");
        string[] both = [.. new[] { DemoUnitIds.Mikael.ToString(), DemoUnitIds.Johanna.ToString() }.Order(StringComparer.Ordinal)];
        Assert.Contains("2026-05-12T17:00", await FreeStarts(online, "2026-05-12"));
        Assert.Equal(both, await CallBackStaffAt(secretary, "2026-05-12T13:00"));

        var saved = await manager.PostAsJsonAsync("/api/staff/absences",
            new { staffId = DemoUnitIds.Mikael, from = "2026-05-12", to = "2026-05-12", fromTime = "13:00", toTime = "18:00" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var id = (await saved.Json())["id"].Text();

        // Johanna's window covers the call-back times with one supervisor instead of two; the public page still offers them.
        Assert.DoesNotContain("2026-05-12T17:00", await FreeStarts(online, "2026-05-12"));
        Assert.Equal([DemoUnitIds.Johanna.ToString()], await CallBackStaffAt(secretary, "2026-05-12T13:45"));
        Assert.Contains("2026-05-12T13:00", await PublicCallBackStarts(online, "2026-05-12"));
        Assert.Contains(await (await secretary.GetAsync("/api/staff/absences")).JsonArray(), a => a!["id"].Text() == id);

        var withdrawn = await manager.PostAsync($"/api/staff/absences/{id}/withdraw", null);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.NotEqual("", (await withdrawn.Json())["withdrawnAt"].Text());
        Assert.Contains("2026-05-12T17:00", await FreeStarts(online, "2026-05-12"));
        Assert.Equal(both, await CallBackStaffAt(secretary, "2026-05-12T13:45"));
        Assert.DoesNotContain(await (await secretary.GetAsync("/api/staff/absences")).JsonArray(), a => a!["id"].Text() == id);
        Assert.Equal(HttpStatusCode.Created, (await online.Book(BookingClient.Request("2026-05-12T17:00", email: "back.again@example.fi"))).StatusCode);
    }

    [Fact]
    public async Task Satus_day_off_closes_her_monday_call_back_times_and_withdrawing_it_opens_them_and_marks_her_call_back_not_needed()
    {
        var online = app.CreateClient();
        var secretary = await app.SignIn("leena");
        var reserved = await online.PostAsJsonAsync("/api/call-backs",
            new { start = "2026-05-11T14:00", matter = "advice", language = "fi", phone = "040 765 4321" });
        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        Assert.Contains("2026-05-11T14:15", await PublicCallBackStarts(online, "2026-05-11"));

        var saved = await (await secretary.PostAsJsonAsync("/api/staff/absences",
            new { staffId = DemoUnitIds.Satu, from = "2026-05-11", to = "2026-05-11" })).Json();
        Assert.Empty(await PublicCallBackStarts(online, "2026-05-11"));
        var callBack = saved["work"]!.AsArray().Single(w => w!["item"]!["kind"].Text() == "callBack")!;
        Assert.Equal(("contactFamily", ""), (callBack["action"].Text(), callBack["done"].Text()));

        var withdrawn = await (await secretary.PostAsync($"/api/staff/absences/{saved["id"].Text()}/withdraw", null)).Json();

        Assert.Contains("2026-05-11T14:15", await PublicCallBackStarts(online, "2026-05-11"));
        Assert.DoesNotContain("2026-05-11T14:00", await PublicCallBackStarts(online, "2026-05-11")); // still the parent's
        Assert.All(withdrawn["work"]!.AsArray().Where(w => w!["action"].Text() != "reassign"), w => Assert.Equal("withdrawn", w!["done"].Text()));
        var onList = (await (await secretary.GetAsync("/api/staff/absences/work")).JsonArray()).Single(a => a!["id"].Text() == saved["id"].Text())!;
        Assert.Equal("withdrawn", onList["work"]!.AsArray().Single(w => w!["item"]!["kind"].Text() == "callBack")!["done"].Text());
    }

    [Fact]
    public async Task Two_withdrawals_at_once_write_one_event_a_third_answers_the_first_and_an_unknown_absence_is_404()
    {
        var manager = await app.SignIn("pekka");
        var secretary = await app.SignIn("leena");
        var id = Guid.NewGuid();
        var saved = await manager.PostAsJsonAsync("/api/staff/absences", new { id, staffId = DemoUnitIds.Aino, from = "2026-05-13", to = "2026-05-14" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var before = await app.CountEvents("absence_withdrawn");

        var answers = await Task.WhenAll(manager.PostAsync($"/api/staff/absences/{id}/withdraw", null),
            secretary.PostAsync($"/api/staff/absences/{id}/withdraw", null));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(before + 1, await app.CountEvents("absence_withdrawn"));
        var first = await answers[0].Json();
        Assert.Equal(first["withdrawnAt"].Text(), (await answers[1].Json())["withdrawnAt"].Text());
        var again = await (await manager.PostAsync($"/api/staff/absences/{id}/withdraw", null)).Json();
        Assert.Equal((first["withdrawnAt"].Text(), first["withdrawnBy"]?["staffId"].Text()),
            (again["withdrawnAt"].Text(), again["withdrawnBy"]?["staffId"].Text()));
        Assert.Equal(before + 1, await app.CountEvents("absence_withdrawn"));

        var unknown = await manager.PostAsync($"/api/staff/absences/{Guid.NewGuid()}/withdraw", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var aino = await app.SignIn("aino");
        Assert.Equal(HttpStatusCode.Forbidden, (await aino.PostAsync($"/api/staff/absences/{id}/withdraw", null)).StatusCode);
    }
}
