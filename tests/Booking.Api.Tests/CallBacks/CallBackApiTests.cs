// Call-backs through HTTP against a real PostgreSQL. The demo unit's windows: Satu Monday and Wednesday 14-15, Mikael
// and Johanna Tuesday 13-14, 15-minute slots. "Now" is Monday 2026-04-20 09:00 in Helsinki unless a test moves it.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.CallBacks;

public static class CallBackClient
{
    public static object Request(string start, string phone = "040 123 4567", string matter = "agreement", string language = "sv",
        string? name = null) => new { start, matter, language, phone, name };

    public static Task<HttpResponseMessage> ReserveCallBack(this HttpClient http, object request) => http.PostAsJsonAsync("/api/call-backs", request);

    public static Instant Helsinki(int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(2026, month, day, hour, minute).InZoneStrictly(DateTimeZoneProviders.Tzdb["Europe/Helsinki"]).ToInstant();
}

public sealed class CallBackApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task The_same_reservation_sent_ten_times_at_once_with_one_Idempotency_Key_reserves_once_with_one_cancel_link()
    {
        // A parent's app retrying after a timeout, or a double tap: the same request and key, ten at once.
        app.Clock.Reset(BookingApp.DefaultNow);
        var before = await app.CountEvents("call_back_reserved");
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/call-backs")
            {
                Content = JsonContent.Create(CallBackClient.Request("2026-05-04T14:15", phone: "040 909 1010", name: "Kerttu")),
            };
            request.Headers.Add("Idempotency-Key", "kerttu-app-5d2e");
            var response = await app.CreateClient().SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return (Body: await response.Json(), Replayed: response.Headers.Contains("Idempotent-Replayed"));
        }));

        Assert.Single(answers.Select(a => a.Body["callBackId"].Text()).Distinct());
        var token = Assert.Single(answers.Select(a => a.Body["cancelToken"].Text()).Distinct());
        Assert.Equal(9, answers.Count(a => a.Replayed));
        Assert.Equal(before + 1, await app.CountEvents("call_back_reserved"));
        var view = await (await app.CreateClient().GetAsync($"/api/call-backs/{token}")).Json();
        Assert.Equal(("2026-05-04T14:15:00", "reserved"), (view["start"].Text(), view["status"].Text()));

        // A key a client cannot have meant is named, and nothing is reserved.
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/api/call-backs")
        {
            Content = JsonContent.Create(CallBackClient.Request("2026-05-04T14:30", phone: "040 909 2020")),
        };
        bad.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 101));
        var refused = await app.CreateClient().SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Json())["errors"]!.AsObject().ContainsKey("Idempotency-Key"));
        Assert.Equal(before + 1, await app.CountEvents("call_back_reserved"));
    }

    [Fact]
    public async Task A_parent_reserves_online_and_only_the_supervisor_and_the_secretary_see_the_number()
    {
        app.Clock.Reset(BookingApp.DefaultNow);
        var parent = app.CreateClient();
        var response = await parent.ReserveCallBack(CallBackClient.Request("2026-04-22T14:00", phone: "+358 50 765 4321", name: "Astrid"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(("2026-04-22T14:00:00", "reserved", "agreement", "sv"),
            (body["start"].Text(), body["status"].Text(), body["matter"].Text(), body["language"].Text()));
        Assert.StartsWith("CB-", body["reference"].Text());
        Assert.DoesNotContain(DemoUnitIds.Satu.ToString(), text);
        Assert.DoesNotContain("Satu", text);
        var token = body["cancelToken"].Text();
        Assert.Equal($"/call-back/{token}", body["cancelUrl"].Text());
        Assert.Equal($"/api/call-backs/{token}", response.Headers.Location!.ToString());
        var id = body["callBackId"].Text();

        var satu = await (await (await app.SignIn("satu")).GetAsync("/api/staff/call-backs?date=2026-04-22")).Json();
        var own = satu["callBacks"]!.AsArray().Single(c => c!["callBackId"].Text() == id)!;
        Assert.Equal(("+358 50 765 4321", "Astrid", "true"), (own["phone"].Text(), own["name"].Text(), own["numberShown"].Text()));

        var aino = await (await (await app.SignIn("aino")).GetAsync("/api/staff/call-backs?date=2026-04-22")).Json();
        var others = aino["callBacks"]!.AsArray().Single(c => c!["callBackId"].Text() == id)!;
        Assert.Equal(("", "false", "14:00"), (others["phone"].Text(), others["numberShown"].Text(), others["start"].Text()[11..16]));
        Assert.DoesNotContain("765 4321", aino.ToJsonString()); // the number itself: random ids may hold "765" by chance

        var leena = await (await (await app.SignIn("leena")).GetAsync($"/api/staff/call-backs?date=2026-04-22&staffId={DemoUnitIds.Satu}")).Json();
        Assert.Contains(leena["callBacks"]!.AsArray(), c => c!["phone"].Text() == "+358 50 765 4321");

        var events = await app.CountEvents("call_back_reserved");
        Assert.True(events >= 1);
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select count(*) from mt_events where data::text like '%765 4321%' or data::text like '%Astrid%'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Another_supervisor_gets_403_marking_it_and_the_own_supervisor_marks_not_reached_then_done_on_the_retry()
    {
        app.Clock.Reset(BookingApp.DefaultNow);
        var created = await (await app.CreateClient().ReserveCallBack(CallBackClient.Request("2026-04-22T14:15", phone: "040 222 2222"))).Json();
        var id = created["callBackId"].Text();
        app.Clock.Reset(CallBackClient.Helsinki(4, 22, 14, 17));

        var aino = await app.SignIn("aino");
        var byOther = await aino.PostAsync($"/api/staff/call-backs/{id}/done", null);
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal("not_your_call_back", (await byOther.Json())["code"].Text());
        var leena = await app.SignIn("leena");
        Assert.Equal(HttpStatusCode.Forbidden, (await leena.PostAsync($"/api/staff/call-backs/{id}/done", null)).StatusCode);

        var satu = await app.SignIn("satu");
        var first = await satu.PostAsJsonAsync($"/api/staff/call-backs/{id}/not-reached", new { attempt = 1 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var afterFirst = await first.Json();
        Assert.Equal(("reserved", "1", "2026-04-22T14:32:00"), (afterFirst["status"].Text(), afterFirst["attempts"].Text(), afterFirst["retryFrom"].Text()));
        var again = await satu.PostAsJsonAsync($"/api/staff/call-backs/{id}/not-reached", new { attempt = 1 });
        Assert.Equal("1", (await again.Json())["attempts"].Text());
        var tooSoon = await satu.PostAsJsonAsync($"/api/staff/call-backs/{id}/not-reached", new { attempt = 2 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooSoon.StatusCode);
        Assert.Equal("retry_too_soon", (await tooSoon.Json())["code"].Text());

        app.Clock.Reset(CallBackClient.Helsinki(4, 22, 14, 40));
        var done = await satu.PostAsync($"/api/staff/call-backs/{id}/done", null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("done", (await done.Json())["status"].Text());
        Assert.Equal(HttpStatusCode.NotFound, (await satu.PostAsync($"/api/staff/call-backs/{Guid.NewGuid()}/done", null)).StatusCode);
        app.Clock.Reset(BookingApp.DefaultNow);
    }

    [Theory]
    [InlineData("GET", "/api/staff/call-backs")]
    [InlineData("GET", "/api/staff/call-backs/free")]
    [InlineData("POST", "/api/staff/call-backs")]
    [InlineData("POST", "/api/staff/call-backs/00000000-0000-0000-0000-000000000001/done")]
    [InlineData("POST", "/api/staff/call-backs/00000000-0000-0000-0000-000000000001/not-reached")]
    [InlineData("POST", "/api/staff/call-backs/00000000-0000-0000-0000-000000000001/cancel")]
    [InlineData("GET", "/api/call-backs/figures")]
    public async Task Staff_call_back_endpoints_refuse_anonymous_callers_with_401(string method, string path)
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Roles_are_kept_a_supervisor_cannot_read_figures_nor_reserve_for_a_client_and_the_secretary_cannot_mark()
    {
        var aino = await app.SignIn("aino");
        Assert.Equal(HttpStatusCode.Forbidden, (await aino.GetAsync("/api/call-backs/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await aino.PostAsJsonAsync("/api/staff/call-backs", CallBackClient.Request("2026-04-20T14:30"))).StatusCode);
        var leena = await app.SignIn("leena");
        Assert.Equal(HttpStatusCode.Forbidden, (await leena.PostAsJsonAsync($"/api/staff/call-backs/{Guid.NewGuid()}/not-reached", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignIn("pekka")).GetAsync("/api/call-backs/figures")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_each_field_and_nothing_is_written()
    {
        app.Clock.Reset(BookingApp.DefaultNow);
        var before = await app.CountEvents("call_back_reserved");
        var response = await app.CreateClient().ReserveCallBack(new { start = "tomorrow", matter = "divorce", language = "de", phone = "12", name = new string('x', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json())["errors"]!.AsObject();
        Assert.Equal(["language", "matter", "name", "phone", "start"], errors.Select(e => e.Key).Order());
        Assert.Equal(before, await app.CountEvents("call_back_reserved"));
        Assert.Equal("from", (await (await app.CreateClient().GetAsync("/api/call-backs/free?from=2026-13-01")).Json())["errors"]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task Free_times_show_no_staff_one_entry_per_time_from_tomorrow_and_a_rule_refusal_is_422()
    {
        app.Clock.Reset(BookingApp.DefaultNow);
        var http = app.CreateClient();
        var response = await http.GetAsync("/api/call-backs/free?from=2026-04-20&to=2026-04-21");
        var text = await response.Content.ReadAsStringAsync();
        var free = await response.JsonArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(free, f => f!["start"].Text().StartsWith("2026-04-20"));
        Assert.Equal(4, free.Count);
        Assert.DoesNotContain(DemoUnitIds.Mikael.ToString(), text);
        Assert.DoesNotContain("freeStaff", text);

        var today = await http.ReserveCallBack(CallBackClient.Request("2026-04-20T14:00"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, today.StatusCode);
        Assert.Equal("too_soon", (await today.Json())["code"].Text());
        var offGrid = await http.ReserveCallBack(CallBackClient.Request("2026-04-22T14:05"));
        Assert.Equal(("not_a_call_back_time", "start"), ((await offGrid.Json())["code"].Text(), (await offGrid.Json())["field"].Text()));
    }

    [Fact]
    public async Task The_cancel_link_shows_and_cancels_the_call_back_and_frees_the_slot()
    {
        app.Clock.Reset(BookingApp.DefaultNow);
        var http = app.CreateClient();
        var token = (await (await http.ReserveCallBack(CallBackClient.Request("2026-04-22T14:30", phone: "040 333 3333"))).Json())["cancelToken"].Text();

        Assert.Equal("reserved", (await (await http.GetAsync($"/api/call-backs/{token}")).Json())["status"].Text());
        var cancelled = await http.PostAsync($"/api/call-backs/{token}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(("cancelled", "false"), ((await cancelled.Json())["status"].Text(), (await cancelled.Json())["canCancel"].Text()));
        var free = await (await http.GetAsync("/api/call-backs/free?from=2026-04-22&to=2026-04-22")).JsonArray();
        Assert.Contains(free, f => f!["start"].Text() == "2026-04-22T14:30:00");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/call-backs/not-a-real-token-at-all-0000000000000000000")).StatusCode);
    }

    [Fact]
    public async Task The_secretary_reserves_for_later_today_with_a_chosen_supervisor_and_a_supervisor_without_a_window_is_refused()
    {
        app.Clock.Reset(BookingApp.DefaultNow);
        var leena = await app.SignIn("leena");
        var free = await (await leena.GetAsync("/api/staff/call-backs/free?from=2026-04-20&to=2026-04-20")).JsonArray();
        Assert.Contains(free, f => f!["start"].Text() == "2026-04-20T14:45:00"
            && f["freeStaff"]!.AsArray().Select(s => s.Text()).SequenceEqual([DemoUnitIds.Satu.ToString()]));

        var reserved = await leena.PostAsJsonAsync("/api/staff/call-backs",
            new { start = "2026-04-20T14:45", matter = "paternity", language = "fi", phone = "040 444 4444", staffId = DemoUnitIds.Satu });
        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        var body = await reserved.Json();
        Assert.Equal(("secretary", "040 444 4444", DemoUnitIds.Satu.ToString()), (body["channel"].Text(), body["phone"].Text(), body["staffId"].Text()));

        var wrong = await leena.PostAsJsonAsync("/api/staff/call-backs",
            new { start = "2026-04-22T14:45", matter = "advice", language = "fi", phone = "040 555 5555", staffId = DemoUnitIds.Aino });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal("staffId", (await wrong.Json())["field"].Text());

        var cancelled = await leena.PostAsync($"/api/staff/call-backs/{body["callBackId"].Text()}/cancel", null);
        Assert.Equal("cancelled", (await cancelled.Json())["status"].Text());
    }

    [Fact]
    public async Task A_window_overlapping_a_supervisors_bookable_hours_is_refused_with_400_naming_it()
    {
        var pekka = await app.SignIn("pekka");
        var read = await pekka.GetAsync("/api/config");
        var config = System.Text.Json.Nodes.JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("09 123 4567", config["phoneNumber"].Text());
        var windows = config["callBacks"]!["windows"]!.AsArray();
        // Aino is bookable on Mondays 08:30-11:30.
        windows.Add(new System.Text.Json.Nodes.JsonObject
        {
            ["staffId"] = DemoUnitIds.Aino.ToString(), ["day"] = "monday", ["from"] = "11:00:00", ["to"] = "12:00:00",
        });
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/config") { Content = JsonContent.Create(config) };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);

        var response = await pekka.SendAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"callBacks.windows[{windows.Count - 1}]", (await response.Json())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_live_screen_hears_of_a_new_call_back()
    {
        app.Clock.Reset(BookingApp.DefaultNow);
        using var listener = app.CreateClient();
        using var stream = await listener.GetStreamAsync("/api/live?topics=call_back_day");
        using var reader = new StreamReader(stream);
        Assert.Equal("event: hello", await reader.ReadLineAsync());

        (await app.CreateClient().ReserveCallBack(CallBackClient.Request("2026-04-21T13:45", phone: "040 666 6666"))).EnsureSuccessStatusCode();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        string? line;
        do line = await reader.ReadLineAsync(deadline.Token);
        while (line is not null && line != "event: change");
        Assert.Equal("event: change", line);
    }
}

public sealed class CallBackRaceTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task Twenty_parents_on_two_instances_for_one_slot_get_exactly_one_201_and_409s_with_the_next_free_times()
    {
        await using var second = app.NewInstance();
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 20).Select(async i =>
        {
            using var http = i % 2 == 0 ? app.CreateClient() : second.CreateClient();
            await start.WaitAsync();
            return await http.ReserveCallBack(CallBackClient.Request("2026-04-29T14:15", phone: $"040 700 {i:D4}"));
        }).ToList();
        start.Release(20);
        var responses = await Task.WhenAll(requests);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var problem = await refused[0].Json();
        Assert.Equal("slot_taken", problem["code"].Text());
        Assert.Equal("2026-04-29T14:30:00", problem["nextFreeTimes"]![0]!["start"].Text());
        Assert.Equal(1L, await app.CountEvents("call_back_reserved"));
        Assert.Equal(1L, await app.CountRows("call_backs"));
    }
}

public sealed class CallBackFiguresTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task Figures_count_slots_offered_reservations_and_what_became_of_them()
    {
        var parent = app.CreateClient();
        var leena = await app.SignIn("leena");
        var a = (await (await parent.ReserveCallBack(CallBackClient.Request("2026-04-21T13:00", phone: "040 100 0001"))).Json())["callBackId"].Text();
        var b = (await (await parent.ReserveCallBack(CallBackClient.Request("2026-04-21T13:00", phone: "040 100 0002"))).Json())["callBackId"].Text();
        var c = (await (await parent.ReserveCallBack(CallBackClient.Request("2026-04-22T14:00", phone: "040 100 0003"))).Json())["cancelToken"].Text();
        (await leena.PostAsJsonAsync("/api/staff/call-backs", new { start = "2026-04-20T14:00", matter = "advice", language = "en", phone = "040 100 0004" }))
            .EnsureSuccessStatusCode();
        (await parent.PostAsync($"/api/call-backs/{c}/cancel", null)).EnsureSuccessStatusCode();

        app.Clock.Reset(CallBackClient.Helsinki(4, 21, 13, 5));
        var staff = await (await leena.GetAsync("/api/staff/call-backs?date=2026-04-21")).Json();
        var owners = staff["callBacks"]!.AsArray().ToDictionary(x => x!["callBackId"].Text(), x => x!["staffId"].Text());
        async Task<HttpClient> OwnerOf(string id) => await app.SignIn(owners[id] == DemoUnitIds.Mikael.ToString() ? "mikael" : "johanna");
        (await (await OwnerOf(a)).PostAsync($"/api/staff/call-backs/{a}/done", null)).EnsureSuccessStatusCode();
        var ofB = await OwnerOf(b);
        (await ofB.PostAsync($"/api/staff/call-backs/{b}/not-reached", null)).EnsureSuccessStatusCode();
        app.Clock.Reset(CallBackClient.Helsinki(4, 21, 13, 30));
        (await ofB.PostAsync($"/api/staff/call-backs/{b}/not-reached", null)).EnsureSuccessStatusCode();

        var pekka = await app.SignIn("pekka");
        var figures = await (await pekka.GetAsync("/api/call-backs/figures?from=2026-04-20&to=2026-04-26")).Json();

        // Offered: Satu Mon 4 + Wed 4, Mikael Tue 4, Johanna Tue 4.
        Assert.Equal(("16", "4", "3", "1", "1", "1", "1", "1", "25"), (figures["offered"].Text(), figures["reserved"].Text(),
            figures["reservedOnline"].Text(), figures["reservedBySecretary"].Text(), figures["done"].Text(), figures["notReached"].Text(),
            figures["cancelled"].Text(), figures["open"].Text(), figures["reservedPercent"].Text()));
        var bad = await pekka.GetAsync("/api/call-backs/figures?from=2026-04-26&to=2026-04-20");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
