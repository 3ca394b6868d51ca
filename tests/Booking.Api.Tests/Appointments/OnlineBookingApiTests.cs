// Online booking through HTTP against a real PostgreSQL. "Now" is Monday 2026-04-20 09:00 in Helsinki (BookingApp).
// In the demo week Tuesday 16:00-18:00 is Mikael's evening alone, and Wednesday mornings have two supervisors.
using System.Net;
using System.Net.Http.Json;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Appointments;

public sealed class OnlineBookingApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task A_parent_books_views_moves_and_cancels_a_meeting()
    {
        var http = app.CreateClient();

        var free = await (await http.GetAsync("/api/free-times?type=advice&modality=video&from=2026-04-22&to=2026-04-22")).JsonArray();
        Assert.Contains(free, f => f!["start"].Text() == "2026-04-22T08:30:00");
        Assert.DoesNotContain(free, f => f!.ToJsonString().Contains("staff", StringComparison.OrdinalIgnoreCase));

        var booked = await http.Book(BookingClient.Request("2026-04-22T08:30", modality: "video", email: "parent.a@example.fi"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var body = await booked.Json();
        var token = body["manageToken"].Text();
        Assert.Equal(43, token.Length);
        Assert.Equal("booked", body["status"].Text());
        Assert.Equal("2026-04-22T08:30:00", body["start"].Text());
        Assert.Equal("2026-04-22T09:00:00", body["end"].Text());
        Assert.Equal("2026-04-22T05:30:00Z", body["startsAt"].Text());
        Assert.Equal($"/booking/{token}", body["manageUrl"].Text());

        var viewed = await (await http.GetAsync($"/api/bookings/{token}")).Json();
        Assert.Equal("video", viewed["modality"].Text());
        Assert.Null(viewed["manageToken"]?.GetValue<string>());

        var moved = await http.PostAsJsonAsync($"/api/bookings/{token}/move", new { start = "2026-04-22T10:00" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("2026-04-22T10:00:00", (await moved.Json())["start"].Text());
        Assert.Equal("2026-04-22T10:00:00", (await (await http.GetAsync($"/api/bookings/{token}")).Json())["start"].Text());

        var cancelled = await http.PostAsync($"/api/bookings/{token}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Json())["status"].Text());
        Assert.False((await (await http.GetAsync($"/api/bookings/{token}")).Json())["canChange"]!.GetValue<bool>());

        var movedAfterCancel = await http.PostAsJsonAsync($"/api/bookings/{token}/move", new { start = "2026-04-22T10:30" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, movedAfterCancel.StatusCode);
        Assert.Equal("appointment_cancelled", (await movedAfterCancel.Json())["code"].Text());
    }

    [Fact]
    public async Task A_booking_moved_to_an_earlier_day_holds_the_new_time_and_frees_the_old()
    {
        var http = app.CreateClient();
        // Tuesday evenings are Mikael's alone, so the move keeps him and touches two of his days in one save.
        var booked = await (await http.Book(BookingClient.Request("2026-04-28T16:00", email: "earlier@example.fi"))).Json();
        var moved = await http.PostAsJsonAsync($"/api/bookings/{booked["manageToken"].Text()}/move", new { start = "2026-04-21T16:00" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var free = await (await http.GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-04-21&to=2026-04-28")).JsonArray();
        Assert.DoesNotContain(free, f => f!["start"].Text() == "2026-04-21T16:00:00");
        Assert.Contains(free, f => f!["start"].Text() == "2026-04-28T16:00:00");
        var someoneElse = await http.Book(BookingClient.Request("2026-04-21T16:00", email: "late@example.fi"));
        Assert.Equal(HttpStatusCode.Conflict, someoneElse.StatusCode);
    }

    [Fact]
    public async Task A_cancelled_time_is_offered_again()
    {
        var http = app.CreateClient();
        // Tuesday 16:30 is Mikael's alone: once booked it disappears from the free times, once cancelled it is back.
        var booked = await (await http.Book(BookingClient.Request("2026-04-21T16:30", email: "evening@example.fi"))).Json();
        var afterBooking = await (await http.GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-04-21&to=2026-04-21")).JsonArray();
        Assert.DoesNotContain(afterBooking, f => f!["start"].Text() == "2026-04-21T16:30:00");

        await http.PostAsync($"/api/bookings/{booked["manageToken"].Text()}/cancel", null);
        var afterCancel = await (await http.GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-04-21&to=2026-04-21")).JsonArray();
        Assert.Contains(afterCancel, f => f!["start"].Text() == "2026-04-21T16:30:00");
    }

    [Theory]
    [InlineData("appointmentType", """{"modality":"inPerson","start":"2026-04-23T12:30","client":{"name":"A","email":"a@example.fi","phone":"0401234567","language":"fi"}}""")]
    [InlineData("modality", """{"appointmentType":"advice","modality":"telepathy","start":"2026-04-23T12:30","client":{"name":"A","email":"a@example.fi","phone":"0401234567","language":"fi"}}""")]
    [InlineData("start", """{"appointmentType":"advice","modality":"inPerson","start":"next tuesday","client":{"name":"A","email":"a@example.fi","phone":"0401234567","language":"fi"}}""")]
    [InlineData("client", """{"appointmentType":"advice","modality":"inPerson","start":"2026-04-23T12:30"}""")]
    [InlineData("client.name", """{"appointmentType":"advice","modality":"inPerson","start":"2026-04-23T12:30","client":{"name":" ","email":"a@example.fi","phone":"0401234567","language":"fi"}}""")]
    [InlineData("client.email", """{"appointmentType":"advice","modality":"inPerson","start":"2026-04-23T12:30","client":{"name":"A","email":"not-an-address","phone":"0401234567","language":"fi"}}""")]
    [InlineData("client.phone", """{"appointmentType":"advice","modality":"inPerson","start":"2026-04-23T12:30","client":{"name":"A","email":"a@example.fi","phone":"12","language":"fi"}}""")]
    [InlineData("client.language", """{"appointmentType":"advice","modality":"inPerson","start":"2026-04-23T12:30","client":{"name":"A","email":"a@example.fi","phone":"0401234567","language":"de"}}""")]
    [InlineData("otherParentEmail", """{"appointmentType":"advice","modality":"inPerson","start":"2026-04-23T12:30","client":{"name":"A","email":"a@example.fi","phone":"0401234567","language":"fi"},"otherParentEmail":"a@example.fi"}""")]
    [InlineData("appointmentType", """{"appointmentType":"haircut","modality":"inPerson","start":"2026-04-23T12:30","client":{"name":"A","email":"a@example.fi","phone":"0401234567","language":"fi"}}""")]
    public async Task An_invalid_field_answers_400_naming_the_field_and_writes_nothing(string field, string json)
    {
        var http = app.CreateClient();
        var before = await app.CountEvents();
        var contactsBefore = await app.CountRows("client_contacts");

        var response = await http.PostAsync("/api/bookings", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json();
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"errors should name {field}: {problem.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace(problem["errors"]![field]![0].Text()));
        Assert.Equal(before, await app.CountEvents());
        Assert.Equal(contactsBefore, await app.CountRows("client_contacts"));
    }

    [Theory]
    [InlineData("2026-04-20T08:30", "time_in_past")]  // earlier today
    [InlineData("2026-04-20T12:30", "too_soon")]      // later today: online booking starts tomorrow
    [InlineData("2026-05-14T12:30", "unit_closed")]   // Ascension Day, a Thursday
    [InlineData("2026-06-16T08:30", "beyond_horizon")] // more than 8 weeks ahead
    [InlineData("2026-04-25T10:00", "not_a_bookable_time")] // a Saturday
    public async Task A_time_the_rules_forbid_answers_422_and_writes_nothing(string start, string code)
    {
        var http = app.CreateClient();
        var before = await app.CountEvents();

        var response = await http.Book(BookingClient.Request(start, email: $"{code}@example.fi"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(code, problem["code"].Text());
        Assert.Equal("start", problem["field"].Text());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"].Text()));
        Assert.Equal(before, await app.CountEvents());
    }

    [Fact]
    public async Task A_meeting_type_booked_only_by_the_secretary_is_refused_online()
    {
        var response = await app.CreateClient().Book(BookingClient.Request("2026-04-22T08:30", type: "pair-meeting"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("not_bookable_online", (await response.Json())["code"].Text());
    }

    [Fact]
    public async Task A_retried_post_with_the_same_Idempotency_Key_returns_the_same_booking()
    {
        var http = app.CreateClient();
        var request = BookingClient.Request("2026-04-24T08:30", email: "retry@example.fi");
        var bookedBefore = await app.CountEvents("appointment_booked");

        var first = await http.Book(request, "key-retry-1");
        var second = await http.Book(request, "key-retry-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var a = await first.Json();
        var b = await second.Json();
        Assert.Equal(a["appointmentId"].Text(), b["appointmentId"].Text());
        Assert.Equal(a["manageToken"].Text(), b["manageToken"].Text());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(bookedBefore + 1, await app.CountEvents("appointment_booked"));

        var reused = await http.Book(BookingClient.Request("2026-04-24T09:00", email: "retry@example.fi"), "key-retry-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", (await reused.Json())["code"].Text());
    }

    [Fact]
    public async Task A_retry_that_reaches_another_instance_returns_the_same_manage_link()
    {
        await using var other = app.NewInstance();
        var request = BookingClient.Request("2026-04-24T10:30", email: "two-instances@example.fi");

        var first = await (await app.CreateClient().Book(request, "key-two-instances")).Json();
        var retried = await other.CreateClient().Book(request, "key-two-instances");

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(first["manageToken"].Text(), (await retried.Json())["manageToken"].Text());
        Assert.True(await app.CountRows("data_protection_keys") >= 1, "the key ring is shared through the database");
    }

    [Fact]
    public async Task Inviting_the_other_parent_records_the_invitation_without_their_address_in_the_events()
    {
        var http = app.CreateClient();
        var response = await http.Book(BookingClient.Request("2026-04-24T09:30", email: "mother@example.fi", otherParentEmail: "father@example.fi"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await app.CountEvents("other_parent_invited") >= 1);

        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select count(*) from mt_events where data::text ilike '%example.fi%' or data::text ilike '%Meikäläinen%' or data::text ilike '%123 4567%'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task An_unknown_manage_link_answers_404()
    {
        var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/bookings/" + new string('x', 43))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/bookings/short")).StatusCode);
    }

    [Fact]
    public async Task Free_times_never_include_today_a_holiday_or_a_weekend()
    {
        var http = app.CreateClient();
        var free = await (await http.GetAsync("/api/free-times?type=advice&modality=phone&from=2026-04-20&to=2026-05-17")).JsonArray();
        var days = free.Select(f => f!["start"].Text()[..10]).Distinct().ToList();
        Assert.NotEmpty(days);
        Assert.DoesNotContain("2026-04-20", days);
        Assert.DoesNotContain("2026-05-14", days);
        Assert.DoesNotContain(days, d => DateTime.Parse(d).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public async Task Free_times_with_a_bad_query_answer_400_naming_the_field()
    {
        var response = await app.CreateClient().GetAsync("/api/free-times?type=advice&modality=carrier-pigeon&from=tomorrow");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("modality"));
        Assert.True(errors.ContainsKey("from"));
    }
}
