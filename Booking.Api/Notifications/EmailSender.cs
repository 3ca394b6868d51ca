// Sends what the outbox holds, one instance at a time (a PostgreSQL advisory lock; the others take over when it stops).
// Each message is rendered from the booking's current state just before sending. At-least-once: a crash between the
// send and its record sends the message again, with the same Message-ID, and nothing is ever lost.
using System.Text;
using Booking.Domain;
using Booking.Api.Appointments;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.InfoEvenings;
using NodaTime;
using Npgsql;
using InfoLinksSent = Booking.Domain.Secretary.InfoLinksSent;

namespace Booking.Api.Notifications;

/// <summary>A test seam: lets a test "kill" the sender after a successful send and before it is recorded.</summary>
public sealed class EmailSenderFaults
{
    public Func<OutboxMessage, bool>? CrashAfterSend { get; set; }
}

/// <summary>Thrown by the fault hook; the sender stops as a dead process would, leaving the message pending.</summary>
public sealed class SimulatedCrashException() : Exception("Simulated crash after sending, before recording.");

public sealed class EmailSender(
    NpgsqlDataSource dataSource,
    EmailOutbox outbox,
    ReminderJob reminders,
    IEventStore store,
    IUnitConfigurationSource configurations,
    IManageTokenIssuer tokens,
    InfoLinkUseCases infoLinks,
    IAppointmentNotesSource notes,
    IMailTransport transport,
    EmailSettings settings,
    EmailSenderFaults faults,
    IClock clock,
    Booking.Api.CallBacks.CallBackConfirmations callBackConfirmations,
    Sms.SmsSender sms,
    ILogger<EmailSender> logger) : BackgroundService
{
    internal static readonly long LockKey = LockKeyOf("email_sender");
    private const int BatchSize = 20;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private volatile bool _leader;

    /// <summary>True while this instance holds the sender's lock.</summary>
    public bool IsLeader => _leader;

    /// <summary>Looks at the outbox now instead of at the next poll (after a replay, for instance).</summary>
    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            NpgsqlConnection? connection = null;
            var locked = false;
            try
            {
                connection = await dataSource.OpenConnectionAsync(ct);
                await using (var tryLock = new NpgsqlCommand($"select pg_try_advisory_lock({LockKey})", connection))
                    locked = (bool)(await tryLock.ExecuteScalarAsync(ct))!;
                if (locked)
                {
                    _leader = true;
                    logger.LogInformation("This instance now sends email");
                    while (!ct.IsCancellationRequested)
                    {
                        // The lock lives as long as its connection: if that died, another instance may have taken over.
                        await using (var ping = new NpgsqlCommand("select 1", connection)) await ping.ExecuteScalarAsync(ct);
                        await reminders.EnqueueDue(ct);
                        while (await SendDue(ct) == BatchSize) { }
                        while (await sms.SendDue(ct) == BatchSize) { }
                        await _wake.WaitAsync(settings.PollInterval, ct);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            catch (SimulatedCrashException)
            {
                logger.LogWarning("The email sender stopped (simulated crash)");
                await Release(connection, locked);
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The email sender failed; retrying");
            }
            await Release(connection, locked);
            if (ct.IsCancellationRequested) break;
            try { await Task.Delay(settings.LockRetryInterval, ct); }
            catch (OperationCanceledException) { break; }
        }
    }

    private async Task Release(NpgsqlConnection? connection, bool locked)
    {
        _leader = false;
        if (connection is null) return;
        if (locked)
        {
            try
            {
                await using var unlock = new NpgsqlCommand($"select pg_advisory_unlock({LockKey})", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                logger.LogDebug(e, "Could not release the email sender's lock; the connection is gone");
            }
        }
        await connection.DisposeAsync();
    }

    /// <summary>Sends the messages due now; returns how many it looked at.</summary>
    internal async Task<int> SendDue(CancellationToken ct)
    {
        var due = await outbox.Due(BatchSize, ct);
        foreach (var message in due)
            await Process(message, ct);
        return due.Count;
    }

    private async Task Process(OutboxMessage message, CancellationToken ct)
    {
        ComposedEmail? email;
        try
        {
            var (composed, skip) = await Prepare(message, ct);
            if (skip is not null)
            {
                await outbox.MarkSkipped(message.Id, skip, ct);
                logger.LogInformation("Email {Id} ({Kind}) not sent: {Reason}", message.Id, message.Kind, skip);
                return;
            }
            email = composed!;
        }
        catch (FormatException)
        {
            await outbox.MarkDead(message.Id, "invalid recipient address", ct);
            logger.LogWarning("Email {Id} ({Kind}) dead: invalid recipient address", message.Id, message.Kind);
            return;
        }

        try
        {
            await transport.Send(email, ct);
        }
        catch (MailTransportException e)
        {
            var attempts = message.Attempts + 1;
            if (e.Permanent || attempts >= settings.MaxAttempts)
            {
                var reason = e.Permanent ? e.Reason : $"gave up after {attempts} attempts: {e.Reason}";
                await outbox.MarkDead(message.Id, reason, ct);
                logger.LogWarning("Email {Id} ({Kind}) dead: {Reason}", message.Id, message.Kind, reason);
            }
            else
            {
                var delay = settings.Backoff(attempts, Random.Shared.NextDouble());
                await outbox.RetryLater(message.Id, e.Reason, delay, ct);
                logger.LogInformation("Email {Id} ({Kind}) attempt {Attempt} failed ({Reason}); next try in {Delay}",
                    message.Id, message.Kind, attempts, e.Reason, delay);
            }
            return;
        }

        if (faults.CrashAfterSend?.Invoke(message) == true) throw new SimulatedCrashException();
        await outbox.MarkSent(message.Id, ct);
        logger.LogInformation("Email {Id} ({Kind}) sent", message.Id, message.Kind);
    }

    /// <summary>The message as it should read now, or the reason it should no longer be sent.</summary>
    private async Task<(ComposedEmail? Email, string? Skip)> Prepare(OutboxMessage message, CancellationToken ct)
    {
        if (EveningEmailKinds.IsEvening(message.Kind)) return await PrepareEvening(message, ct);
        if (message.Kind == EmailKinds.InfoLinks) return await PrepareInfoLinks(message, ct);
        if (message.Kind == Booking.Api.CallBacks.CallBackConfirmations.EmailKind) return await PrepareCallBack(message, ct);
        var events = await store.ReadStream(message.UnitId, StreamIds.Appointment(message.AppointmentId), ct);
        var appointment = events.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e.Data));
        if (appointment.Status == AppointmentStatus.None) return (null, "no such appointment");
        var config = await configurations.Current(message.UnitId, ct);
        var now = clock.GetCurrentInstant();
        if (appointment.Start <= now) return (null, "the meeting time has passed");
        if (message.Kind != EmailKinds.Cancelled && appointment.Status == AppointmentStatus.Cancelled)
            return (null, "cancelled before sending");
        if (message.Kind == EmailKinds.Reminder && ReminderJob.DateOf(message.Id) is { } day && appointment.Start.InZone(config.Zone).Date != day)
            return (null, "moved to another day");

        var contact = await Contact(message.UnitId, message.ClientId, ct);
        if (contact is null || string.IsNullOrWhiteSpace(contact.Value.Email)) return (null, "no contact details");
        _ = SmtpMailTransport.Recipient(contact.Value.Email); // throws FormatException for an address SMTP would refuse anyway

        var manageUrl = message.RecipientRole == RecipientRoles.Client
            ? await ManageUrl(message.UnitId, message.AppointmentId, message.ClientId, ct)
            : null;
        var invitationUrl = message.RecipientRole == RecipientRoles.OtherParent
            ? await InvitationUrl(message.UnitId, message.AppointmentId, message.ClientId, ct)
            : null;
        var links = await infoLinks.For(message.UnitId, appointment.AppointmentType, ct);
        // The video link is a staff note (a document, never an event), read now so that a changed link is the one sent.
        var videoLink = appointment.Modality == Modality.Video && message.Kind != EmailKinds.Cancelled
            ? (await notes.For(message.UnitId, [message.AppointmentId], ct)).GetValueOrDefault(message.AppointmentId)?.VideoLink
            : null;
        // A new link changes the calendar entry's LOCATION, so it is a new version of the entry like a move.
        var sequence = events.Count(e => e.Data is AppointmentMoved or AppointmentCancelled or VideoLinkSet);
        var email = EmailComposer.Compose(new EmailContext(message.Kind, contact.Value.Language, contact.Value.Name, contact.Value.Email,
            message.MessageId, appointment, sequence, config, manageUrl, links, now, settings.FromAddress, invitationUrl,
            string.IsNullOrWhiteSpace(videoLink) ? null : videoLink.Trim()));
        return (email, null);
    }

    /// <summary>A call-back's confirmation: the row's appointment id is the call-back's id; no address given, no email.</summary>
    private async Task<(ComposedEmail? Email, string? Skip)> PrepareCallBack(OutboxMessage message, CancellationToken ct)
    {
        var (facts, skip) = await callBackConfirmations.For(message.UnitId, message.AppointmentId, message.ClientId, ct);
        if (skip is not null || facts is null) return (null, skip ?? "nothing to send");
        if (string.IsNullOrWhiteSpace(facts.Email)) return (null, "no email address given");
        _ = SmtpMailTransport.Recipient(facts.Email); // throws FormatException for an address SMTP would refuse anyway
        return (Booking.Api.CallBacks.CallBackConfirmationTexts.Email(facts, message.MessageId), null);
    }

    /// <summary>The info links the secretary sent a parent: the row's appointment id is the family's id, and the matter and
    /// language come from the InfoLinksSent event the row was queued for.</summary>
    private async Task<(ComposedEmail? Email, string? Skip)> PrepareInfoLinks(OutboxMessage message, CancellationToken ct)
    {
        var events = await store.ReadStream(message.UnitId, StreamIds.Family(message.AppointmentId), ct);
        if (events.FirstOrDefault(e => e.Sequence == message.EventSequence)?.Data is not InfoLinksSent sent || sent.ClientId != message.ClientId)
            return (null, "no such info links request");
        var contact = await Contact(message.UnitId, message.ClientId, ct);
        if (contact is null || string.IsNullOrWhiteSpace(contact.Value.Email)) return (null, "no contact details");
        _ = SmtpMailTransport.Recipient(contact.Value.Email); // throws FormatException for an address SMTP would refuse anyway
        var links = await infoLinks.For(message.UnitId, sent.Matter, ct);
        if (links.Count == 0) return (null, "no info links for the matter");
        var config = await configurations.Current(message.UnitId, ct);
        var email = InfoLinksEmailComposer.Compose(new InfoLinksEmailContext(sent.Language, contact.Value.Name, contact.Value.Email,
            message.MessageId, sent.Matter, links, config));
        return (email, null);
    }

    /// <summary>An info evening message as it should read now; the row's appointment id is the evening's id.</summary>
    private async Task<(ComposedEmail? Email, string? Skip)> PrepareEvening(OutboxMessage message, CancellationToken ct)
    {
        var events = await store.ReadStream(message.UnitId, StreamIds.Evening(message.AppointmentId), ct);
        var evening = events.Aggregate(InfoEvening.Initial, (s, e) => InfoEvening.Evolve(s, e.Data));
        if (!evening.Scheduled) return (null, "no such evening");
        var now = clock.GetCurrentInstant();
        if (evening.Start <= now) return (null, "the evening has started");
        if (message.Kind != EveningEmailKinds.Cancelled && evening.Cancelled) return (null, "evening cancelled before sending");
        var registration = evening.Registrations.LastOrDefault(r => r.ClientId == message.ClientId);
        if (registration is null) return (null, "no such registration");
        if (message.Kind != EveningEmailKinds.Cancelled && registration.Status == RegistrationStatus.Cancelled)
            return (null, "registration cancelled before sending");
        // A waiting-list message overtaken by a promotion would give a wrong position: the promotion's message follows.
        if (message.Kind == EveningEmailKinds.Waiting && registration.Status != RegistrationStatus.Waiting) return (null, "promoted before sending");

        var contact = await Contact(message.UnitId, message.ClientId, ct);
        if (contact is null || string.IsNullOrWhiteSpace(contact.Value.Email)) return (null, "no contact details");
        _ = SmtpMailTransport.Recipient(contact.Value.Email); // throws FormatException for an address SMTP would refuse anyway
        var config = await configurations.Current(message.UnitId, ct);
        var manageUrl = await EveningManageUrl(message.UnitId, registration.RegistrationId, ct);
        var email = EveningEmailComposer.Compose(new EveningEmailContext(message.Kind, contact.Value.Language, contact.Value.Name,
            contact.Value.Email, message.MessageId, evening, registration.Seats, evening.WaitingPosition(registration.RegistrationId), config,
            manageUrl, now, settings.FromAddress));
        return (email, null);
    }

    private async Task<string?> EveningManageUrl(Guid unitId, Guid registrationId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select sealed_token from evening_registration_tokens where unit_id = $1 and registration_id = $2 limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = registrationId });
        return await command.ExecuteScalarAsync(ct) is string sealedToken && tokens.Unseal(sealedToken) is { } token
            ? $"{settings.PublicBaseUrl}/evening-registration/{token}"
            : null;
    }

    private async Task<(string Name, string Email, Language Language)?> Contact(Guid unitId, Guid clientId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select name, email, language from client_contacts where unit_id = $1 and client_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = clientId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var language = Enum.TryParse<Language>(reader.GetString(2), ignoreCase: true, out var l) ? l : Language.Fi;
        return (reader.GetString(0), reader.GetString(1), language);
    }

    /// <summary>The other parent's accept-or-decline link, from the sealed copy of their invitation token.</summary>
    private async Task<string?> InvitationUrl(Guid unitId, Guid appointmentId, Guid clientId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select sealed_token from invitation_tokens where unit_id = $1 and appointment_id = $2 and client_id = $3 limit 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = appointmentId });
        command.Parameters.Add(new NpgsqlParameter { Value = clientId });
        return await command.ExecuteScalarAsync(ct) is string sealedToken && tokens.Unseal(sealedToken) is { } token
            ? $"{settings.PublicBaseUrl}/invitation/{token}"
            : null;
    }

    private async Task<string?> ManageUrl(Guid unitId, Guid appointmentId, Guid clientId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select sealed_token from manage_tokens where unit_id = $1 and appointment_id = $2 and client_id = $3 and sealed_token is not null limit 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = appointmentId });
        command.Parameters.Add(new NpgsqlParameter { Value = clientId });
        return await command.ExecuteScalarAsync(ct) is string sealedToken && tokens.Unseal(sealedToken) is { } token
            ? $"{settings.PublicBaseUrl}/booking/{token}"
            : null;
    }

    private static long LockKeyOf(string name)
    {
        // FNV-1a, like the projection daemon's keys: stable across processes and machines.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("booking:" + name))
            hash = (hash ^ b) * 1099511628211UL;
        return unchecked((long)hash);
    }
}
