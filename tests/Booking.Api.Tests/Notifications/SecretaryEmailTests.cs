// The email side of the office secretary's console, through a real SMTP server (aiosmtpd): the info links a parent is
// sent, the confirmation of a meeting the secretary booked (with the video link from the staff notes, never from an
// event), and a parent with only a phone number, whose messages are skipped rather than dead. "Now" is Monday
// 2026-10-19 09:00 in Helsinki (EmailApp).
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Notifications;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Notifications;

public sealed class SecretaryEmailTests(EmailApp app) : IClassFixture<EmailApp>
{
    private const string VideoLink = "https://meet.example.fi/perheoikeus/4711-2026";

    [Fact]
    public async Task Info_links_sent_in_Swedish_arrive_with_the_catalogues_Swedish_links_and_notes_for_the_matter()
    {
        var secretary = await app.SignIn("leena");
        var (familyId, mother, _) = await FirstContact(secretary,
            new { name = "Sara Sundström", email = "sara.info@example.fi", phone = "+358 40 765 4321", language = "sv" });

        var sent = await secretary.PostAsJsonAsync($"/api/families/{familyId}/info-links", new { clientId = mother, language = "sv" });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);

        var mail = Assert.Single(await app.Smtp.WaitFor("sara.info@example.fi"));
        Assert.Equal("Information för att förbereda ert möte", mail.Subject);
        Assert.Equal("sv", mail.ContentLanguage);
        Assert.Contains("Hej Sara Sundström,", mail.Text);
        Assert.Contains("Ärende: Avtalsförhandling, 60 min", mail.Text);
        Assert.Contains("Vad du ska ta med dig: https://www.example.fi/perheoikeus/valmistautuminen", mail.Text);
        Assert.Contains("Familjerättsliga enhetens sidor: https://www.example.fi/perheoikeus\n", mail.Text!.ReplaceLineEndings("\n"));
        Assert.Contains("Fundera i förväg på hur barnets vardag, boende, umgänge och underhåll ska ordnas.", mail.Text);
        var expected = InfoLinkCatalogue.Demo.Where(l => l.AppointmentType is "agreement-60" or InfoLinkCatalogue.All).ToList();
        Assert.Equal(3, expected.Count);
        foreach (var link in expected)
        {
            Assert.Contains($"{link.Title.Sv}: {link.Url}", mail.Text);
            Assert.Contains(link.Note.Sv, mail.Text);
            Assert.Contains($"<a href=\"{link.Url}\">{link.Title.Sv}</a>", mail.Html);
            Assert.Contains(link.Note.Sv, mail.Html);
        }
        Assert.DoesNotContain("Mitä ottaa mukaan", mail.Text);
        Assert.Empty(mail.Ics);

        // The row is keyed by the event and the parent's role, holds the family's id, and no name or address. (The
        // message can arrive before the sender records it as sent.)
        var row = Assert.Single(await app.WaitForOutbox(familyId, rows => rows.Count > 0 && rows.All(r => r.Status != "pending")));
        Assert.Equal(("info_links", "parent", "sent"), (row.Kind, row.Role, row.Status));
        Assert.Equal(row.MessageId, mail.MessageId);
        Assert.Matches(@"^<\d+\.parent\.[0-9a-f]{32}@booking\.local>$", mail.MessageId);
        var stored = await OutboxRowText(row.Id);
        Assert.DoesNotContain("sara", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example", stored);
    }

    [Fact]
    public async Task Info_links_for_a_parent_erased_before_sending_are_skipped_and_a_phone_only_parent_cannot_be_sent_any()
    {
        var secretary = await app.SignIn("leena");
        var (familyId, mother, father) = await FirstContact(secretary,
            new { name = "Eeva Erased", email = "eeva.erased@example.fi", phone = "", language = "fi" },
            other: new { name = "Pertti Puhelin", email = "", phone = "040 111 2222", language = "fi" });

        var phoneOnly = await secretary.PostAsJsonAsync($"/api/families/{familyId}/info-links", new { clientId = father, language = "fi" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, phoneOnly.StatusCode);

        await app.Smtp.StopAsync();
        try
        {
            var sent = await secretary.PostAsJsonAsync($"/api/families/{familyId}/info-links", new { clientId = mother, language = "fi" });
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            await app.WaitForOutbox(familyId, rows => rows.Any(r => r.Attempts >= 1));
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var erase = new NpgsqlCommand("delete from client_contacts where client_id = $1", connection);
            erase.Parameters.Add(new NpgsqlParameter { Value = mother });
            Assert.Equal(1, await erase.ExecuteNonQueryAsync());
        }
        finally { await app.Smtp.StartAsync(); }

        // One row: the mother's (the refused request for the father queued nothing, and rows are queued in event order).
        var row = Assert.Single(await app.WaitForOutbox(familyId, rows => rows.All(r => r.Status != "pending")));
        Assert.Equal(("info_links", "skipped", "no contact details"), (row.Kind, row.Status, row.LastError));
        Assert.Empty(app.Smtp.To("eeva.erased@example.fi"));
    }

    [Fact]
    public async Task A_joint_video_meeting_booked_by_the_secretary_is_confirmed_with_the_video_link_which_no_event_holds()
    {
        var secretary = await app.SignIn("leena");
        var (familyId, mother, _) = await FirstContact(secretary,
            new { name = "Maija Video", email = "maija.video@example.fi", phone = "+358 40 222 3333", language = "fi" },
            other: new { name = "John Video", email = "john.video@example.fi", phone = "", language = "en" });

        var booked = await secretary.PostAsJsonAsync($"/api/families/{familyId}/bookings", new
        {
            appointmentType = "agreement-60", modality = "video", starts = new[] { "2026-10-27T08:30" }, clientId = mother, joint = true,
            videoLink = VideoLink,
        });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var confirmation = Assert.Single(await app.Smtp.WaitFor("maija.video@example.fi"));
        Assert.StartsWith("Varausvahvistus: Sopimusneuvottelu, 60 min 27.10.2026 klo 8.30", confirmation.Subject);
        Assert.Contains("Miten: Videotapaaminen – liittymislinkki on alla.", confirmation.Text);
        Assert.Contains($"Liity videotapaamiseen tästä linkistä:\n{VideoLink}\n", confirmation.Text!.ReplaceLineEndings("\n"));
        Assert.Contains($"<a href=\"{VideoLink}\">{VideoLink}</a>", confirmation.Html);
        Assert.Contains($"{EmailApp.PublicBaseUrl}/booking/", confirmation.Text);
        var calendar = await SmtpServer.CheckIcs(Assert.Single(confirmation.Ics).Content);
        Assert.Equal(VideoLink, calendar["location"].Text());
        Assert.Equal(VideoLink, calendar["url"].Text());
        Assert.Contains(VideoLink, calendar["description"].Text());
        Assert.Equal("2026-10-27T06:30:00Z", calendar["startUtc"].Text());

        var invitation = Assert.Single(await app.Smtp.WaitFor("john.video@example.fi"));
        Assert.StartsWith("Invitation to a meeting with a child supervisor 27 Oct 2026 08:30", invitation.Subject);
        Assert.Contains($"Join the video meeting here:\n{VideoLink}\n", invitation.Text!.ReplaceLineEndings("\n"));
        Assert.DoesNotContain($"{EmailApp.PublicBaseUrl}/booking/", invitation.Text);

        Assert.Equal(0, await EventsContaining("meet.example.fi"));
    }

    [Fact]
    public async Task A_meeting_booked_for_a_parent_with_only_a_phone_number_sends_nothing_and_leaves_nothing_dead()
    {
        var secretary = await app.SignIn("leena");
        var (familyId, mother, _) = await FirstContact(secretary,
            new { name = "Pirjo Puhelin", email = "", phone = "+358 50 987 6543", language = "fi" }, matter: "advice");

        var booked = await secretary.PostAsJsonAsync($"/api/families/{familyId}/bookings", new
        {
            appointmentType = "advice", modality = "phone", starts = new[] { "2026-10-28T09:00" }, clientId = mother,
        });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointmentId = Guid.Parse((await booked.Json())["meetings"]![0]!["appointmentId"].Text());

        var row = Assert.Single(await app.WaitForOutbox(appointmentId, rows => rows.Count > 0 && rows.All(r => r.Status != "pending")));
        Assert.Equal(("confirmation", "client", "skipped", "no contact details", 0), (row.Kind, row.Role, row.Status, row.LastError, row.Attempts));
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.MessageId == row.MessageId);
        var manager = await app.SignIn("pekka");
        Assert.DoesNotContain(await (await manager.GetAsync("/api/notifications/dead-letters")).JsonArray(),
            d => d!["appointmentId"].Text() == appointmentId.ToString());
    }

    /// <summary>Logs a family's first contact by phone: the mother, and the father when given. Returns the ids.</summary>
    private static async Task<(Guid FamilyId, Guid Mother, Guid? Father)> FirstContact(HttpClient secretary, object details,
        object? other = null, string matter = "agreement-60")
    {
        var response = await secretary.PostAsJsonAsync("/api/families", new
        {
            channel = "phone", matter, parent = "mother", details, otherParentRole = other is null ? null : "father", otherParent = other,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var family = await response.Json();
        var parents = family["parents"]!.AsArray();
        Guid? Parent(string role) => parents.FirstOrDefault(p => p!["role"].Text() == role) is { } p ? Guid.Parse(p["clientId"].Text()) : null;
        return (Guid.Parse(family["familyId"].Text()), Parent("mother")!.Value, Parent("father"));
    }

    private async Task<string> OutboxRowText(string id)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select row_to_json(o)::text from email_outbox o where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> EventsContaining(string text)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from mt_events where data::text like '%' || $1 || '%'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = text });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
