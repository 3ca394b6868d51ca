// Sends what the SMS outbox holds. It runs inside the email sender's loop, under the same advisory lock, so one instance
// sends and the others wait. At-least-once, like the emails: the row is marked after the gateway said yes.
using Booking.Api.CallBacks;
using Booking.Domain.CallBacks;

namespace Booking.Api.Notifications.Sms;

public sealed class SmsSender(SmsOutbox outbox, CallBackConfirmations confirmations, ISmsTransport transport, SmsSettings settings,
    EmailSettings timings, ILogger<SmsSender> logger)
{
    private const int BatchSize = 20;

    /// <summary>Sends the texts due now; returns how many it looked at.</summary>
    public async Task<int> SendDue(CancellationToken ct)
    {
        var due = await outbox.Due(BatchSize, ct);
        foreach (var message in due) await Process(message, ct);
        return due.Count;
    }

    private async Task Process(SmsOutboxMessage message, CancellationToken ct)
    {
        if (message.Kind != SmsOutbox.CallBackConfirmation)
        {
            await outbox.MarkDead(message.Id, "unknown kind", ct);
            return;
        }
        var (facts, skip) = await confirmations.For(message.UnitId, message.SubjectId, message.ClientId, ct);
        if (skip is not null || facts is null)
        {
            await outbox.MarkSkipped(message.Id, skip ?? "nothing to send", ct);
            logger.LogInformation("SMS {Id} ({Kind}) not sent: {Reason}", message.Id, message.Kind, skip);
            return;
        }
        if (CallBackConfirmation.InternationalNumber(facts.Phone, settings.CountryCode) is not { } to)
        {
            await outbox.MarkDead(message.Id, "invalid phone number", ct);
            logger.LogWarning("SMS {Id} ({Kind}) dead: invalid phone number", message.Id, message.Kind);
            return;
        }
        try
        {
            await transport.Send(new SmsMessage(message.Id, to, CallBackConfirmationTexts.Sms(facts)), ct);
        }
        catch (SmsTransportException e)
        {
            var attempts = message.Attempts + 1;
            if (e.Permanent || attempts >= settings.MaxAttempts)
            {
                var reason = e.Permanent ? e.Reason : $"gave up after {attempts} attempts: {e.Reason}";
                await outbox.MarkDead(message.Id, reason, ct);
                logger.LogWarning("SMS {Id} ({Kind}) dead: {Reason}", message.Id, message.Kind, reason);
            }
            else
            {
                var delay = timings.Backoff(attempts, Random.Shared.NextDouble());
                await outbox.RetryLater(message.Id, e.Reason, delay, ct);
                logger.LogInformation("SMS {Id} ({Kind}) attempt {Attempt} failed ({Reason}); next try in {Delay}",
                    message.Id, message.Kind, attempts, e.Reason, delay);
            }
            return;
        }
        await outbox.MarkSent(message.Id, ct);
        logger.LogInformation("SMS {Id} ({Kind}) sent", message.Id, message.Kind);
    }
}
