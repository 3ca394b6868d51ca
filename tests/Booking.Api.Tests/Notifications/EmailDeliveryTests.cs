// Email through a real SMTP server (aiosmtpd): what arrives, in which language, with which calendar file, and what
// happens when the server is down or refuses. "Now" is Monday 2026-10-19 09:00 in Helsinki (EmailApp); the tests
// book from 2026-10-26 on (the Monday after summer time ends), except the reminder's, which books for tomorrow.
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Booking.Api.Notifications;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Notifications;

public sealed partial class EmailDeliveryTests(EmailApp app) : IClassFixture<EmailApp>
{
    [GeneratedRegex(@"http://booking\.test/booking/([A-Za-z0-9_-]{43})")]
    private static partial Regex ManageLink();

    [GeneratedRegex(@"http://booking\.test/invitation/([A-Za-z0-9_-]{43})")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task A_confirmation_arrives_in_Finnish_with_a_manage_link_that_opens_the_right_booking()
    {
        var http = app.CreateClient();
        var booked = await (await http.Book(BookingClient.Request("2026-10-27T08:30", email: "maija.fi@example.fi"))).Json();

        var mail = Assert.Single(await app.Smtp.WaitFor("maija.fi@example.fi"));
        Assert.StartsWith("Varausvahvistus: Neuvonta 27.10.2026 klo 8.30", mail.Subject);
        Assert.Equal("fi", mail.ContentLanguage);
        Assert.Contains("Hei Maija Meikäläinen,", mail.Text);
        Assert.Contains("tiistaina 27.10.2026 klo 8.30–9.00", mail.Text);
        Assert.Contains("Mitä ottaa mukaan", mail.Text);
        Assert.Contains("henkilöllisyystodistus", mail.Html);
        Assert.Matches(@"^<\d+\.client\.[0-9a-f]{32}@booking\.local>$", mail.MessageId);

        var token = ManageLink().Match(mail.Text!).Groups[1].Value;
        Assert.Equal(booked["manageToken"].Text(), token);
        Assert.Contains($"href=\"{EmailApp.PublicBaseUrl}/booking/{token}\"", mail.Html);
        var page = await http.GetAsync($"/booking/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var viewed = await (await http.GetAsync($"/api/bookings/{token}")).Json();
        Assert.Equal(booked["appointmentId"].Text(), viewed["appointmentId"].Text());
    }

    [Fact]
    public async Task A_Swedish_booking_gets_Swedish_mail_and_the_other_parent_an_invitation_without_the_manage_link()
    {
        var http = app.CreateClient();
        await http.Book(BookingClient.Request("2026-10-27T09:00", name: "Sara Svensson", email: "sara.sv@example.fi", language: "sv",
            otherParentEmail: "other.sv@example.fi"));

        var confirmation = Assert.Single(await app.Smtp.WaitFor("sara.sv@example.fi"));
        Assert.StartsWith("Bokningsbekräftelse: Rådgivning 27.10.2026 kl. 9.00", confirmation.Subject);
        Assert.Contains("Hej Sara Svensson,", confirmation.Text);
        Assert.Contains("tisdag 27.10.2026 kl. 9.00–9.30", confirmation.Text);
        Assert.Contains("Du kan flytta eller avboka tiden via länken:", confirmation.Text);
        Assert.Matches(ManageLink(), confirmation.Text!);

        var invitation = Assert.Single(await app.Smtp.WaitFor("other.sv@example.fi"));
        Assert.StartsWith("Inbjudan till möte hos barnatillsyningsmannen 27.10.2026 kl. 9.00", invitation.Subject);
        Assert.Contains("Enheten har bjudit in båda föräldrarna.", invitation.Text);
        Assert.DoesNotMatch(ManageLink(), invitation.Text!);
        Assert.Matches(@"^<\d+\.other_parent\.", invitation.MessageId);
        Assert.NotEqual(confirmation.MessageId, invitation.MessageId);
        Assert.Single(invitation.Ics);
        Assert.Contains("Bekräfta gärna om du kan komma:", invitation.Text);
        Assert.Matches(InvitationLink(), invitation.Text!);
    }

    [Fact]
    public async Task The_other_parent_accepts_through_the_invitation_link_which_does_not_open_the_manage_link()
    {
        var http = app.CreateClient();
        var booked = await (await http.Book(BookingClient.Request("2026-10-28T09:00", email: "kutsuja@example.fi", language: "en",
            otherParentEmail: "kutsuttu@example.fi"))).Json();
        var appointmentId = Guid.Parse(booked["appointmentId"].Text());

        var invitation = Assert.Single(await app.Smtp.WaitFor("kutsuttu@example.fi"));
        Assert.Contains("Please confirm whether you can come:", invitation.Text);
        var token = InvitationLink().Match(invitation.Text!).Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Contains($"href=\"{EmailApp.PublicBaseUrl}/invitation/{token}\"", invitation.Html);
        Assert.NotEqual(booked["manageToken"].Text(), token);

        var viewed = await (await http.GetAsync($"/api/invitations/{token}")).Json();
        Assert.Equal(appointmentId.ToString(), viewed["appointmentId"].Text());
        Assert.Null(viewed["accepted"]);

        var accepted = await http.PostAsync($"/api/invitations/{token}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True((await accepted.Json())["accepted"]!.GetValue<bool>());
        Assert.True((await (await http.GetAsync($"/api/invitations/{token}")).Json())["accepted"]!.GetValue<bool>());
        Assert.Equal(["true"], await Responses(appointmentId));

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/bookings/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"/api/bookings/{token}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/invitations/{booked["manageToken"].Text()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"/api/invitations/{new string('x', 43)}/decline", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/invitation/{token}")).StatusCode);
    }

    private async Task<List<string>> Responses(Guid appointmentId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select data->>'accepted' from mt_events where type = 'other_parent_responded' and stream_id = $1 order by version", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = $"appointment-{appointmentId:N}" });
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add(reader.GetString(0));
        return found;
    }

    [Fact]
    public async Task The_calendar_file_passes_a_strict_parser_with_the_local_time_across_the_end_of_summer_time()
    {
        var http = app.CreateClient();
        var booked = await (await http.Book(BookingClient.Request("2026-10-26T12:30", email: "dst@example.fi", language: "en"))).Json();
        var confirmation = Assert.Single(await app.Smtp.WaitFor("dst@example.fi"));
        Assert.StartsWith("Booking confirmation: Advice 26 Oct 2026 12:30", confirmation.Subject);
        var ics = Assert.Single(confirmation.Ics);
        Assert.Equal("invite.ics", ics.FileName);
        Assert.Matches("method=\"?REQUEST", ics.ContentType);
        Assert.Contains("\r\n", ics.Content);

        var calendar = await SmtpServer.CheckIcs(ics.Content);
        Assert.Equal("DTSTART;TZID=Europe/Helsinki:20261026T123000", calendar["dtstartRaw"].Text());
        Assert.Equal("2026-10-26T10:30:00Z", calendar["startUtc"].Text());
        Assert.Equal("2026-10-26T11:00:00Z", calendar["endUtc"].Text());
        Assert.Equal("REQUEST", calendar["method"].Text());
        Assert.Equal("CONFIRMED", calendar["status"].Text());
        Assert.Equal(0, calendar["sequence"]!.GetValue<int>());
        var uid = calendar["uid"].Text();

        // Summer time: the same wall-clock time a week earlier is 09:30Z.
        var token = booked["manageToken"].Text();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/bookings/{token}/move", new { start = "2026-10-23T12:30" })).StatusCode);
        var moved = Assert.Single(await app.Smtp.WaitFor("dst@example.fi", 2), m => m.Subject.StartsWith("Your appointment has been moved"));
        var movedCalendar = await SmtpServer.CheckIcs(Assert.Single(moved.Ics).Content);
        Assert.Equal(uid, movedCalendar["uid"].Text());
        Assert.Equal(1, movedCalendar["sequence"]!.GetValue<int>());
        Assert.Equal("2026-10-23T09:30:00Z", movedCalendar["startUtc"].Text());

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/bookings/{token}/cancel", null)).StatusCode);
        var cancelled = Assert.Single(await app.Smtp.WaitFor("dst@example.fi", 3), m => m.Subject.StartsWith("Your appointment has been cancelled"));
        var cancelledIcs = Assert.Single(cancelled.Ics);
        Assert.Matches("method=\"?CANCEL", cancelledIcs.ContentType);
        var cancelledCalendar = await SmtpServer.CheckIcs(cancelledIcs.Content);
        Assert.Equal("CANCEL", cancelledCalendar["method"].Text());
        Assert.Equal("CANCELLED", cancelledCalendar["status"].Text());
        Assert.Equal(uid, cancelledCalendar["uid"].Text());
        Assert.Equal(2, cancelledCalendar["sequence"]!.GetValue<int>());
        Assert.DoesNotMatch(ManageLink(), cancelled.Text!);
    }

    [Fact]
    public async Task Messages_wait_while_the_mail_server_is_down_and_arrive_once_it_is_back()
    {
        await app.Smtp.StopAsync();
        try
        {
            var booked = await (await app.CreateClient().Book(BookingClient.Request("2026-10-28T08:30", email: "outage@example.fi"))).Json();
            var id = Guid.Parse(booked["appointmentId"].Text());
            var retrying = await app.WaitForOutbox(id, rows => rows.Any(r => r.Attempts >= 2));
            var row = Assert.Single(retrying);
            Assert.Equal("pending", row.Status);
            Assert.StartsWith("connection failed", row.LastError);
        }
        finally { await app.Smtp.StartAsync(); }

        var mail = Assert.Single(await app.Smtp.WaitFor("outage@example.fi"));
        Assert.StartsWith("Varausvahvistus", mail.Subject);
    }

    [Fact]
    public async Task A_booking_cancelled_before_its_confirmation_is_sent_gets_no_confirmation()
    {
        Guid id;
        await app.Smtp.StopAsync();
        try
        {
            var http = app.CreateClient();
            var booked = await (await http.Book(BookingClient.Request("2026-10-28T09:00", email: "changed.mind@example.fi"))).Json();
            id = Guid.Parse(booked["appointmentId"].Text());
            await app.WaitForOutbox(id, rows => rows.Any(r => r.Attempts >= 1));
            await http.PostAsync($"/api/bookings/{booked["manageToken"].Text()}/cancel", null);
            await app.WaitForOutbox(id, rows => rows.Count == 2);
        }
        finally { await app.Smtp.StartAsync(); }

        var rows = await app.WaitForOutbox(id, rows => rows.All(r => r.Status != "pending"));
        Assert.Equal(["confirmation:skipped:cancelled before sending", "cancelled:sent:"],
            rows.Select(r => $"{r.Kind}:{r.Status}:{(r.Status == "skipped" ? r.LastError : "")}"));
        var mail = Assert.Single(app.Smtp.To("changed.mind@example.fi"));
        Assert.StartsWith("Aikasi on peruttu", mail.Subject);
    }

    [Fact]
    public async Task A_contact_erased_before_sending_gets_nothing_because_the_address_is_looked_up_at_send_time()
    {
        Guid id;
        await app.Smtp.StopAsync();
        try
        {
            var booked = await (await app.CreateClient().Book(BookingClient.Request("2026-10-28T10:30", email: "erased@example.fi"))).Json();
            id = Guid.Parse(booked["appointmentId"].Text());
            await app.WaitForOutbox(id, rows => rows.Any(r => r.Attempts >= 1));
            await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var erase = new Npgsql.NpgsqlCommand("delete from client_contacts where email = 'erased@example.fi'", connection);
            Assert.Equal(1, await erase.ExecuteNonQueryAsync());
        }
        finally { await app.Smtp.StartAsync(); }

        var row = Assert.Single(await app.WaitForOutbox(id, rows => rows.All(r => r.Status != "pending")));
        Assert.Equal(("skipped", "no contact details"), (row.Status, row.LastError));
        Assert.Empty(app.Smtp.To("erased@example.fi"));
    }

    [Fact]
    public async Task A_refused_recipient_goes_to_dead_letters_at_once_and_a_replay_delivers_it()
    {
        const string address = "reject.this@example.fi";
        var booked = await (await app.CreateClient().Book(BookingClient.Request("2026-10-28T09:30", email: address))).Json();
        var id = Guid.Parse(booked["appointmentId"].Text());
        var dead = Assert.Single(await app.WaitForOutbox(id, rows => rows.Any(r => r.Status == "dead")));
        Assert.Equal(1, dead.Attempts);

        var manager = await app.SignIn("pekka");
        var listed = await (await manager.GetAsync("/api/notifications/dead-letters")).JsonArray();
        var entry = Assert.Single(listed, l => l!["id"].Text() == dead.Id)!;
        Assert.Equal("confirmation", entry["kind"].Text());
        Assert.Equal("SMTP 550 MailboxUnavailable", entry["reason"].Text());
        Assert.Equal(1, entry["attempts"]!.GetValue<int>());
        Assert.DoesNotContain("@example", listed.ToJsonString());
        Assert.DoesNotContain("Maija", listed.ToJsonString());
        var summary = await (await manager.GetAsync("/api/notifications/outbox/summary")).Json();
        Assert.True(summary["dead"]!.GetValue<long>() >= 1);

        app.Smtp.Allow(address);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/notifications/dead-letters/{dead.Id}/replay", null)).StatusCode);
        var mail = Assert.Single(await app.Smtp.WaitFor(address));
        Assert.Equal(dead.MessageId, mail.MessageId);
        // The message can arrive before the sender records it as sent.
        Assert.Single(await app.WaitForOutbox(id, rows => rows.Count == 1 && rows[0].Status == "sent"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/api/notifications/dead-letters/{dead.Id}/replay", null)).StatusCode);
    }

    [Fact]
    public async Task A_recipient_the_server_keeps_deferring_ends_in_dead_letters_after_the_last_attempt()
    {
        var booked = await (await app.CreateClient().Book(BookingClient.Request("2026-10-28T10:00", email: "busy.always@example.fi"))).Json();
        var id = Guid.Parse(booked["appointmentId"].Text());
        var dead = Assert.Single(await app.WaitForOutbox(id, rows => rows.Any(r => r.Status == "dead"), TimeSpan.FromSeconds(30)));
        Assert.Equal(EmailApp.MaxAttempts, dead.Attempts);
        Assert.StartsWith($"gave up after {EmailApp.MaxAttempts} attempts: SMTP 451", dead.LastError);
        Assert.Empty(app.Smtp.To("busy.always@example.fi"));
    }

    [Fact]
    public async Task The_manager_keeps_the_info_links_and_confirmations_carry_the_ones_for_the_meeting_type()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/info-links")).StatusCode);
        var secretary = await app.SignIn("leena");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/api/info-links")).StatusCode);

        var manager = await app.SignIn("pekka");
        var read = await manager.GetAsync("/api/info-links");
        var links = await read.JsonArray();
        Assert.Contains(links, l => l!["title"]!["fi"].Text() == "Lapsen huolto ja tapaamisoikeus");
        links.Add(System.Text.Json.Nodes.JsonNode.Parse("""
            {"appointmentType":"paternity","title":{"fi":"Isyyden tunnustaminen","sv":"Erkännande av faderskap","en":"Acknowledging paternity"},
             "url":"https://www.example.fi/isyys","note":{"fi":"Ottakaa mukaan neuvolakortti.","sv":"Ta med rådgivningskortet.","en":"Bring the maternity clinic card."}}
            """));
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/info-links") { Content = JsonContent.Create(links) };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await manager.SendAsync(put)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/info-links") { Content = JsonContent.Create(links) };
        stale.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await manager.SendAsync(stale)).StatusCode);

        await app.CreateClient().Book(BookingClient.Request("2026-10-29T13:00", type: "paternity", email: "isa@example.fi", language: "sv"));
        var mail = Assert.Single(await app.Smtp.WaitFor("isa@example.fi"));
        Assert.Contains("Erkännande av faderskap: https://www.example.fi/isyys", mail.Text);
        Assert.Contains("Ta med rådgivningskortet.", mail.Text);
        Assert.DoesNotContain("Avtalsförhandling", mail.Text);
    }

    [Fact]
    public async Task A_reminder_goes_once_the_day_before_from_the_configured_hour()
    {
        var booked = await (await app.CreateClient().Book(BookingClient.Request("2026-10-20T13:00", email: "tomorrow@example.fi"))).Json();
        var id = Guid.Parse(booked["appointmentId"].Text());
        await app.Smtp.WaitFor("tomorrow@example.fi");
        var jobs = app.Factory.Services.GetRequiredService<ReminderJob>();
        Assert.Equal(0, await jobs.EnqueueDue(CancellationToken.None)); // 09:00: before the reminder hour

        app.Clock.AdvanceHours(3); // 12:00 in Helsinki
        var reminder = Assert.Single(await app.Smtp.WaitFor("tomorrow@example.fi", 2), m => m.Subject.StartsWith("Muistutus"));
        Assert.StartsWith("Muistutus: tapaaminen huomenna 20.10.2026 klo 13.00", reminder.Subject);
        Assert.Matches(ManageLink(), reminder.Text!);
        Assert.Equal(0, await jobs.EnqueueDue(CancellationToken.None));
        Assert.Single(await app.Outbox(id), r => r.Kind == "reminder");
    }

}
