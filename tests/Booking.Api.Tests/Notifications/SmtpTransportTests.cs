// The transport on its own against a real SMTP server (aiosmtpd), no database: what MimeKit builds, how MailKit
// connects (STARTTLS never falls back to plain text, sign-in, timeouts), and the pickup folder without a server.
using System.Net;
using System.Net.Sockets;
using Booking.Api.Notifications;
using Booking.Testing;
using MailKit.Security;
using MimeKit;
using Xunit;

namespace Booking.Api.Tests.Notifications;

public sealed class SmtpTransportTests
{
    private static ComposedEmail Email(string to, string messageId = "<42.client.0123456789abcdef0123456789abcdef@booking.local>") => new(
        to, "Varausvahvistus: Neuvonta 27.10.2026 klo 8.30", "Hei Äiti,\n\ntervetuloa.\n", "<p>Hei Äiti,</p><p>tervetuloa.</p>", messageId, "fi",
        [new EmailAttachment("invite.ics", "text/calendar; method=REQUEST; charset=utf-8", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")]);

    private static EmailSettings Smtp(SmtpServer server, SecureSocketOptions security, string? user = null, string? password = null) => new()
    {
        SmtpHost = "127.0.0.1",
        SmtpPort = server.Port,
        SmtpSecurity = security,
        SmtpUserName = user,
        SmtpPassword = password,
        FromAddress = "perheoikeus@booking.test",
        SmtpConnectTimeout = TimeSpan.FromSeconds(5),
        SmtpSendTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task A_message_arrives_with_its_Message_ID_language_text_HTML_and_calendar_file()
    {
        await using var server = new SmtpServer();
        await server.StartAsync();

        await new SmtpMailTransport(Smtp(server, SecureSocketOptions.StartTlsWhenAvailable)).Send(Email("aiti@example.fi"), CancellationToken.None);

        var mail = Assert.Single(server.To("aiti@example.fi"));
        Assert.Equal("<42.client.0123456789abcdef0123456789abcdef@booking.local>", mail.MessageId);
        Assert.Equal("Varausvahvistus: Neuvonta 27.10.2026 klo 8.30", mail.Subject);
        Assert.Equal("fi", mail.ContentLanguage);
        Assert.Contains("perheoikeus@booking.test", mail.From);
        Assert.Contains("Hei Äiti,", mail.Text);
        Assert.Contains("<p>Hei Äiti,</p>", mail.Html);
        var ics = Assert.Single(mail.Ics);
        Assert.Equal("invite.ics", ics.FileName);
        Assert.Matches("method=\"?REQUEST", ics.ContentType);
        Assert.Equal("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", ics.Content);
    }

    [Fact]
    public async Task With_STARTTLS_required_a_server_without_it_gets_nothing_and_the_message_waits()
    {
        await using var server = new SmtpServer();
        await server.StartAsync();

        var error = await Assert.ThrowsAsync<MailTransportException>(() =>
            new SmtpMailTransport(Smtp(server, SecureSocketOptions.StartTls)).Send(Email("salainen@example.fi"), CancellationToken.None));

        Assert.Equal(("the server does not offer STARTTLS", false), (error.Reason, error.Permanent));
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task A_server_that_wants_a_sign_in_takes_the_message_from_the_configured_user()
    {
        await using var server = new SmtpServer();
        await server.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(server.Folder, "users.txt"), "booking:s3cret\n");

        await new SmtpMailTransport(Smtp(server, SecureSocketOptions.None, "booking", "s3cret")).Send(Email("kirjautunut@example.fi"), CancellationToken.None);

        Assert.Single(server.To("kirjautunut@example.fi"));
    }

    [Fact]
    public async Task A_refused_sign_in_or_none_where_one_is_needed_waits_for_the_settings_to_be_fixed()
    {
        await using var server = new SmtpServer();
        await server.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(server.Folder, "users.txt"), "booking:s3cret\n");

        var wrong = await Assert.ThrowsAsync<MailTransportException>(() =>
            new SmtpMailTransport(Smtp(server, SecureSocketOptions.None, "booking", "wrong")).Send(Email("a@example.fi"), CancellationToken.None));
        Assert.Equal(("SMTP sign-in refused", false), (wrong.Reason, wrong.Permanent));

        var none = await Assert.ThrowsAsync<MailTransportException>(() =>
            new SmtpMailTransport(Smtp(server, SecureSocketOptions.None)).Send(Email("a@example.fi"), CancellationToken.None));
        Assert.Equal(("the server wants a sign-in", false), (none.Reason, none.Permanent));
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task A_server_that_accepts_the_connection_but_never_greets_is_a_connect_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var settings = new EmailSettings
        {
            SmtpHost = "127.0.0.1",
            SmtpPort = ((IPEndPoint)silent.LocalEndpoint).Port,
            SmtpSecurity = SecureSocketOptions.None,
            SmtpConnectTimeout = TimeSpan.FromMilliseconds(300),
            SmtpSendTimeout = TimeSpan.FromSeconds(5),
        };

        var error = await Assert.ThrowsAsync<MailTransportException>(() => new SmtpMailTransport(settings).Send(Email("a@example.fi"), CancellationToken.None));

        Assert.Equal(("connect timeout", false), (error.Reason, error.Permanent));
    }

    [Fact]
    public async Task Without_an_SMTP_host_the_message_is_one_7_bit_CRLF_eml_file_per_Message_ID_and_a_resend_replaces_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "booking-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var transport = new SmtpMailTransport(new EmailSettings { PickupDirectory = folder, FromAddress = "perheoikeus@booking.test" });
            await transport.Send(Email("aiti@example.fi"), CancellationToken.None);
            await transport.Send(Email("aiti@example.fi"), CancellationToken.None);
            await transport.Send(Email("isa@example.fi", "<43.other_parent.0123456789abcdef0123456789abcdef@booking.local>"), CancellationToken.None);

            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["42.client.0123456789abcdef0123456789abcdef@booking.local.eml", "43.other_parent.0123456789abcdef0123456789abcdef@booking.local.eml"],
                files.Select(Path.GetFileName));
            var raw = await File.ReadAllBytesAsync(files[0]);
            Assert.All(raw, b => Assert.True(b < 0x80, "an 8-bit byte in the .eml"));
            Assert.DoesNotContain("\n", System.Text.Encoding.ASCII.GetString(raw).Replace("\r\n", ""));
            using var message = await MimeMessage.LoadAsync(files[0]);
            Assert.Equal("42.client.0123456789abcdef0123456789abcdef@booking.local", message.MessageId);
            Assert.Equal("aiti@example.fi", Assert.Single(message.To.Mailboxes).Address);
            Assert.Contains("Hei Äiti,", message.TextBody);
            Assert.Contains("<p>Hei Äiti,</p>", message.HtmlBody);
            Assert.Equal("invite.ics", Assert.Single(message.Attachments.OfType<MimePart>()).FileName);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("maija@example.fi")]
    [InlineData("Maija Meikäläinen <maija@example.fi>")]
    public void A_recipient_address_is_read_as_the_message_will_carry_it(string address)
    {
        Assert.Equal("maija@example.fi", SmtpMailTransport.Recipient(address).Address);
    }

    [Theory]
    [InlineData("maija")]
    [InlineData("maija@")]
    [InlineData("maija@example.fi, kalle@example.fi")]
    public void An_address_no_SMTP_server_would_take_is_refused_before_sending(string address)
    {
        Assert.ThrowsAny<FormatException>(() => SmtpMailTransport.Recipient(address));
    }

    [Fact]
    public async Task A_message_the_server_accepted_counts_as_sent_even_if_the_connection_drops_at_goodbye()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = AcceptsOneMessageThenHangsUpOnQuit(listener);
        var settings = new EmailSettings
        {
            SmtpHost = "127.0.0.1",
            SmtpPort = ((IPEndPoint)listener.LocalEndpoint).Port,
            SmtpSecurity = SecureSocketOptions.None,
            SmtpConnectTimeout = TimeSpan.FromSeconds(5),
            SmtpSendTimeout = TimeSpan.FromSeconds(5),
        };

        await new SmtpMailTransport(settings).Send(Email("aiti@example.fi"), CancellationToken.None);

        Assert.Contains("Message-Id: <42.client.", await server, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A scripted SMTP server: takes one message with 250s, then closes the connection instead of answering QUIT
    /// (MailKit ignores a failed QUIT, so the transport needs no code of its own for it).</summary>
    private static async Task<string> AcceptsOneMessageThenHangsUpOnQuit(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        async Task Say(string line) => await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(line + "\r\n"));
        await Say("220 scripted ESMTP");
        var data = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Split(' ')[0].ToUpperInvariant();
            if (command == "QUIT") break;
            if (command == "EHLO") await Say("250 scripted");
            else if (command == "DATA")
            {
                await Say("354 go on");
                while (await reader.ReadLineAsync() is { } body && body != ".") data.AppendLine(body);
                await Say("250 accepted");
            }
            else await Say("250 OK");
        }
        return data.ToString();
    }
}
