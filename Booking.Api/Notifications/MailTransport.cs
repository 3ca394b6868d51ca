// Sending one composed message: MimeKit builds it (text and HTML alternatives, the .ics attached), MailKit's SmtpClient
// sends it, or MimeKit writes it to the pickup folder as an .eml in development. Failures are sorted into "try again
// later" and "will never work", with a reason that names no address (the server's own text may, so it is never used).
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Booking.Api.Notifications;

public sealed record EmailAttachment(string FileName, string ContentType, string Content);

public sealed record ComposedEmail(string To, string Subject, string PlainText, string Html, string MessageId, string Language,
    IReadOnlyList<EmailAttachment> Attachments);

public sealed class MailTransportException(string reason, bool permanent, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason { get; } = reason;
    public bool Permanent { get; } = permanent;
}

public interface IMailTransport
{
    /// <summary>Sends or throws <see cref="MailTransportException"/>.</summary>
    Task Send(ComposedEmail email, CancellationToken ct);
}

public sealed class SmtpMailTransport(EmailSettings settings) : IMailTransport
{
    public async Task Send(ComposedEmail email, CancellationToken ct)
    {
        MimeMessage message;
        try { message = ToMimeMessage(email, settings.FromAddress); }
        catch (ParseException e) { throw new MailTransportException("invalid address", permanent: true, e); }
        using var _ = message;
        if (!settings.UsesSmtp)
        {
            await WriteToPickup(message, email.MessageId, ct);
            return;
        }
        var stage = "connect";
        try
        {
            using var client = new SmtpClient { Timeout = (int)settings.SmtpSendTimeout.TotalMilliseconds };
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connecting.CancelAfter(settings.SmtpConnectTimeout);
                await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.SmtpSecurity, connecting.Token);
            }
            stage = "send";
            // The client's Timeout covers each read and write; the token bounds the whole conversation.
            using var sending = CancellationTokenSource.CreateLinkedTokenSource(ct);
            sending.CancelAfter(settings.SmtpSendTimeout);
            if (settings.SignsIn) await client.AuthenticateAsync(settings.SmtpUserName!, settings.SmtpPassword!, sending.Token);
            await client.SendAsync(message, sending.Token);
            await client.DisconnectAsync(quit: true, sending.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new MailTransportException($"{stage} timeout", permanent: false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not MailTransportException)
        {
            throw Classify(e);
        }
    }

    internal static MailTransportException Classify(Exception e)
    {
        switch (e)
        {
            case SmtpCommandException command:
                var number = (int)command.StatusCode;
                // 5xx will not change on a retry, 4xx (mailbox busy, greylisting) may; a sign-in the server wants is the
                // unit's settings, not the message, so it waits for them to be fixed.
                var permanent = number is >= 500 and < 600
                    && command.StatusCode is not (SmtpStatusCode.AuthenticationRequired or SmtpStatusCode.AuthenticationInvalidCredentials);
                return new MailTransportException($"SMTP {number} {command.StatusCode}", permanent, e);
            case ServiceNotAuthenticatedException:
                return new MailTransportException("the server wants a sign-in", permanent: false, e);
            case AuthenticationException:
                // The unit's own settings are wrong, not the message: it waits (and can be replayed) until they are fixed.
                return new MailTransportException("SMTP sign-in refused", permanent: false, e);
            case SslHandshakeException:
                return new MailTransportException("TLS handshake failed", permanent: false, e);
            case NotSupportedException when e.Message.Contains("STARTTLS", StringComparison.OrdinalIgnoreCase):
                // Security StartTls never falls back to plain text.
                return new MailTransportException("the server does not offer STARTTLS", permanent: false, e);
            case NotSupportedException when e.Message.Contains("authentication", StringComparison.OrdinalIgnoreCase):
                return new MailTransportException("the server does not offer sign-in", permanent: false, e);
        }
        if (Inner<SocketException>(e) is { } socket)
            return new MailTransportException($"connection failed ({socket.SocketErrorCode})", permanent: false, e);
        if (Inner<TimeoutException>(e) is not null) return new MailTransportException("timeout", permanent: false, e);
        return new MailTransportException($"SMTP failure ({e.GetType().Name})", permanent: false, e);
    }

    private static T? Inner<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }

    /// <summary>The pickup file of a message (erasing a client's data removes the copies of the emails sent to them).</summary>
    public static string PickupFileName(string messageId) =>
        string.Concat(messageId.Trim('<', '>').Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_')) + ".eml";

    /// <summary>One file per Message-ID, written whole and then renamed: a resend replaces it, a reader never sees half.</summary>
    private async Task WriteToPickup(MimeMessage message, string messageId, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(settings.PickupDirectory).FullName;
        var file = Path.Combine(folder, PickupFileName(messageId));
        var temporary = file + ".tmp";
        // What the SMTP client would do on the wire: 7-bit transfer encodings and CRLF line ends, so any mail reader opens it.
        message.Prepare(EncodingConstraint.SevenBit);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, temporary, ct);
        File.Move(temporary, file, overwrite: true);
    }

    private static readonly ParserOptions StrictAddresses = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
    };

    /// <summary>The recipient as the message will carry it; throws a <see cref="FormatException"/> (MimeKit's
    /// ParseException) for an address no SMTP server would take, so it is never tried.</summary>
    public static MailboxAddress Recipient(string address) => MailboxAddress.Parse(StrictAddresses, address);

    public static MimeMessage ToMimeMessage(ComposedEmail email, string from)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            // A fixed Message-ID per (event, recipient): a resend after a crash is recognisably the same message.
            MessageId = email.MessageId.Trim('<', '>'),
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(Recipient(email.To));
        message.Headers.Add("Content-Language", email.Language);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = email.PlainText, HtmlBody = email.Html };
        foreach (var a in email.Attachments)
        {
            var attachment = (MimePart)body.Attachments.Add(a.FileName, System.Text.Encoding.UTF8.GetBytes(a.Content), ContentType.Parse(a.ContentType));
            attachment.ContentTransferEncoding = ContentEncoding.Base64;
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
