// A call-back's confirmation reaches the client by SMS through an HTTP SMS gateway (a local HTTP server started here that
// records what it receives) and, when an address was given, by email through a real SMTP server; the booking's
// add-to-calendar file; bad input. "Now" is Monday 2026-10-19 09:00 in Helsinki (EmailApp): Satu's call-back window is
// Monday and Wednesday 14-15, so Wednesday 2026-10-21 is the first day a client may reserve online.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.CallBacks;

/// <summary>An SMS gateway on a loopback port: it records each request (headers and JSON body) and answers 202, or 503 for
/// as many requests as <see cref="FailNext"/> says.</summary>
public sealed class RecordingSmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Received(string? Authorization, JsonObject Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int FailNext;

    public Uri Url { get; }

    public RecordingSmsGateway()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/api/sms/send", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            if (Interlocked.Decrement(ref FailNext) >= 0) return Results.StatusCode(503);
            Requests.Enqueue(new Received(request.Headers.Authorization.ToString(), body));
            return Results.Accepted();
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = new Uri(new Uri(_app.Urls.Single()), "/api/sms/send");
    }

    public async Task<Received> WaitFor(string to, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Requests.FirstOrDefault(r => r.Body["to"]?.GetValue<string>() == to) is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No SMS to {to} reached the gateway.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed class SmsGatewayApp : EmailApp, IDisposable
{
    public RecordingSmsGateway Gateway { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        base.ConfigureHost(host);
        host.UseSetting("Sms:GatewayUrl", Gateway.Url.ToString());
        host.UseSetting("Sms:UserName", "booking");
        host.UseSetting("Sms:Password", "gateway-secret");
        host.UseSetting("Sms:SenderId", "Perheoik");
        host.UseSetting("Sms:TimeoutSeconds", "5");
    }

    public void Dispose() => Gateway.DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async Task<List<(string Status, string? LastError)>> SmsRows(Guid callBackId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select status, last_error from sms_outbox where subject_id = $1 order by id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = callBackId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string?)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return rows;
    }
}

public sealed class CallBackConfirmationTests(SmsGatewayApp app) : IClassFixture<SmsGatewayApp>
{
    private static object Request(string start, string phone, string language, string? email, string? name = null) =>
        new { start, matter = "advice", language, phone, name, email };

    [Fact]
    public async Task A_call_back_confirmation_reaches_the_SMS_gateway_and_the_email_server_with_the_time_the_number_and_the_cancel_link()
    {
        app.Gateway.FailNext = 1; // the gateway's first answer is 503: the SMS is sent again, not lost
        var http = app.CreateClient();
        var response = await http.PostAsJsonAsync("/api/call-backs",
            Request("2026-10-21T14:00", "040 765 1122", "sv", "astrid.cb@example.fi", "Astrid"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        var reference = body["reference"].Text();
        var cancelUrl = $"{EmailApp.PublicBaseUrl}/call-back/{body["cancelToken"].Text()}";

        var sms = await app.Gateway.WaitFor("+358407651122");
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("booking:gateway-secret")), sms.Authorization);
        Assert.Equal("Perheoik", sms.Body["from"]!.GetValue<string>());
        var text = sms.Body["text"]!.GetValue<string>();
        Assert.Contains("Telefontid", text);
        Assert.Contains("21.10.2026 kl. 14.00", text);
        Assert.Contains("040 765 1122", text);
        Assert.Contains(reference, text);
        Assert.Contains(cancelUrl, text);
        Assert.Single(app.Gateway.Requests, r => r.Body["to"]!.GetValue<string>() == "+358407651122");

        var mail = Assert.Single(await app.Smtp.WaitFor("astrid.cb@example.fi"));
        Assert.StartsWith("Telefontid bokad: ", mail.Subject);
        Assert.Equal("sv", mail.ContentLanguage);
        Assert.Contains("Hej Astrid,", mail.Text);
        Assert.Contains("onsdag 21.10.2026 kl. 14.00–14.15", mail.Text);
        Assert.Contains("Vi ringer till numret: 040 765 1122", mail.Text);
        Assert.Contains(reference, mail.Text);
        Assert.Contains($"href=\"{cancelUrl}\"", mail.Html);

        var id = Guid.Parse(body["callBackId"].Text());
        Assert.Equal([("sent", (string?)null)], await app.SmsRows(id));
    }

    [Fact]
    public async Task Without_an_email_address_the_confirmation_goes_by_SMS_only()
    {
        var http = app.CreateClient();
        var body = await (await http.PostAsJsonAsync("/api/call-backs", Request("2026-10-21T14:15", "+358 50 111 2233", "fi", null))).Json();
        var sms = await app.Gateway.WaitFor("+358501112233");
        Assert.Contains("Soittoaika", sms.Body["text"]!.GetValue<string>());
        var rows = await app.WaitForOutbox(Guid.Parse(body["callBackId"].Text()), r => r.Count == 1 && r[0].Status != "pending");
        Assert.Equal(("skipped", "no email address given"), (rows[0].Status, rows[0].LastError));
    }

    [Theory]
    [InlineData("040 12", "somebody@example.fi", "phone")]
    [InlineData("040 123 4567\u0007", "somebody@example.fi", "phone")]
    [InlineData("040 123 4567", "not an address", "email")]
    public async Task A_call_back_with_a_malformed_phone_or_email_is_a_400_naming_the_field_and_nothing_is_queued(string phone, string email,
        string field)
    {
        var before = await app.CountRows("sms_outbox");
        var events = await app.CountEvents("call_back_reserved");
        var response = await app.CreateClient().PostAsJsonAsync("/api/call-backs", Request("2026-10-21T14:30", phone, "fi", email));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(events, await app.CountEvents("call_back_reserved"));
        Assert.Equal(before, await app.CountRows("sms_outbox"));
    }

    [Fact]
    public async Task A_booking_can_be_added_to_a_calendar_with_the_reference_the_secretary_searches_by()
    {
        var http = app.CreateClient();
        var booked = await (await http.Book(BookingClient.Request("2026-10-27T10:00", email: "ics.download@example.fi"))).Json();
        var token = booked["manageToken"].Text();
        var reference = "BK-" + booked["appointmentId"].Text().Replace("-", "")[..8].ToUpperInvariant();

        var response = await http.GetAsync($"/api/bookings/{token}/calendar.ics?lang=sv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{reference}.ics", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var calendar = await SmtpServer.CheckIcs(await response.Content.ReadAsStringAsync());
        Assert.Equal("2026-10-27T08:00:00Z", calendar["startUtc"].Text());
        Assert.StartsWith("Rådgivning", calendar["summary"].Text());
        Assert.Contains("Porvoo", calendar["location"].Text());
        Assert.Contains(reference, calendar["description"].Text());

        // The same meeting as the email's attachment: one UID, so importing both leaves one calendar entry.
        var mail = Assert.Single(await app.Smtp.WaitFor("ics.download@example.fi"));
        Assert.Equal((await SmtpServer.CheckIcs(Assert.Single(mail.Ics).Content))["uid"].Text(), calendar["uid"].Text());

        // The secretary finds the booking by that reference.
        var secretary = await app.SignIn("leena");
        var found = await secretary.GetAsync($"/api/staff/meetings?q={reference}");
        Assert.Contains(booked["appointmentId"].Text(), await found.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/bookings/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar.ics")).StatusCode);
        var badLanguage = await http.GetAsync($"/api/bookings/{token}/calendar.ics?lang=xx");
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        Assert.NotNull((await badLanguage.Json())["errors"]!["lang"]);
    }
}
