// Sending one composed message: SMTP through System.Net.Mail (MailKit is not in the mirror), or a pickup folder of .eml
// files in development. Failures are sorted into "try again later" and "will never work", with a reason that names
// no address (SmtpFailedRecipientException's message does, so it is never used).
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Net.Sockets;
using System.Text;

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
        using var message = ToMailMessage(email, settings.FromAddress);
        using var client = settings.UsesSmtp
            ? new SmtpClient(settings.SmtpHost, settings.SmtpPort)
            {
                EnableSsl = settings.SmtpEnableSsl,
                Timeout = (int)settings.SmtpTimeout.TotalMilliseconds,
                DeliveryMethod = SmtpDeliveryMethod.Network,
            }
            : new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = Directory.CreateDirectory(settings.PickupDirectory).FullName,
            };
        if (settings.UsesSmtp && !string.IsNullOrEmpty(settings.SmtpUserName))
            client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
        try
        {
            // SmtpClient's own Timeout does not cover every stage of an async send; the token does.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.SmtpTimeout);
            await client.SendMailAsync(message, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new MailTransportException("timeout", permanent: false);
        }
        catch (Exception e) when (e is SmtpException or IOException or SocketException)
        {
            throw Classify(e);
        }
    }

    internal static MailTransportException Classify(Exception e)
    {
        var code = e switch
        {
            SmtpFailedRecipientsException many => many.InnerExceptions.Select(i => i.StatusCode).FirstOrDefault(many.StatusCode),
            SmtpException smtp => smtp.StatusCode,
            _ => SmtpStatusCode.GeneralFailure,
        };
        var number = (int)code;
        if (number is >= 500 and < 600) return new MailTransportException($"SMTP {number} {code}", permanent: true, e);
        if (number is >= 400 and < 500) return new MailTransportException($"SMTP {number} {code}", permanent: false, e);
        var socket = Inner<SocketException>(e);
        if (socket is not null) return new MailTransportException($"connection failed ({socket.SocketErrorCode})", permanent: false, e);
        if (Inner<TimeoutException>(e) is not null || e.Message.Contains("timed out", StringComparison.OrdinalIgnoreCase))
            return new MailTransportException("timeout", permanent: false, e);
        return new MailTransportException($"SMTP failure ({e.GetType().Name})", permanent: false, e);
    }

    private static T? Inner<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }

    public static MailMessage ToMailMessage(ComposedEmail email, string from)
    {
        var message = new MailMessage
        {
            From = new MailAddress(from),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(email.To));
        // A fixed Message-ID per (event, recipient): a resend after a crash is recognisably the same message.
        message.Headers.Add("Message-ID", email.MessageId);
        message.Headers.Add("Content-Language", email.Language);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var plain = AlternateView.CreateAlternateViewFromString(email.PlainText.ReplaceLineEndings("\r\n"), Encoding.UTF8, MediaTypeNames.Text.Plain);
        plain.TransferEncoding = TransferEncoding.QuotedPrintable;
        var html = AlternateView.CreateAlternateViewFromString(email.Html, Encoding.UTF8, MediaTypeNames.Text.Html);
        html.TransferEncoding = TransferEncoding.QuotedPrintable;
        message.AlternateViews.Add(plain);
        message.AlternateViews.Add(html);
        foreach (var a in email.Attachments)
        {
            // The message disposes its attachments, and they their streams.
            var attachment = new Attachment(new MemoryStream(Encoding.UTF8.GetBytes(a.Content)), new ContentType(a.ContentType) { Name = a.FileName });
            attachment.ContentDisposition!.FileName = a.FileName;
            attachment.TransferEncoding = TransferEncoding.Base64;
            message.Attachments.Add(attachment);
        }
        return message;
    }
}
