// The outbox: an asynchronous projection turns appointment, info evening and family events into one row per (event,
// recipient), committed with the daemon's checkpoint, so each message is queued exactly once. The key comes from the
// event's sequence and the recipient's role, so a rebuild queues nothing twice and a resend carries the same Message-ID.
// appointment_id names the stream the message is about: an appointment, an info evening, or a family (info links).
// A row holds no personal data: the address is looked up when sending, so an erased contact gets nothing.
using Booking.Api.CallBacks;
using Booking.Api.Notifications.Sms;
using Booking.Api.Storage;
using Booking.Domain.CallBacks;
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using Booking.Domain.InfoEvenings;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Api.Notifications;

public static class EmailKinds
{
    public const string Confirmation = "confirmation";
    public const string Invitation = "invitation";
    public const string Moved = "moved";
    public const string Cancelled = "cancelled";
    public const string Reminder = "reminder";
    /// <summary>Staff set or changed a video meeting's link (VideoLinkSet): both parents get the link.</summary>
    public const string VideoLink = "video_link";
    /// <summary>The meeting keeps its time with another supervisor because its own was absent or the unit closed.</summary>
    public const string Reassigned = "reassigned";
    /// <summary>The info links and preparation notes the secretary sent a parent (InfoLinksSent); the row's appointment_id
    /// holds the family's id, as an evening's rows hold the evening's id.</summary>
    public const string InfoLinks = "info_links";
}

public static class RecipientRoles
{
    public const string Client = "client";
    public const string OtherParent = "other_parent";
    /// <summary>Someone registered (or waiting) for an info evening; the row's appointment_id holds the evening's id.</summary>
    public const string Registrant = "registrant";
    /// <summary>A family's parent the secretary sent info links to; the row's appointment_id holds the family's id.</summary>
    public const string Parent = "parent";
}

public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    /// <summary>Nothing to send any more: the booking was cancelled first, its time has passed, or the contact was erased.</summary>
    public const string Skipped = "skipped";
    public const string Dead = "dead";
}

/// <summary>One queued message, as the sender reads it.</summary>
public sealed record OutboxMessage(string Id, Guid UnitId, string Kind, long? EventSequence, Guid AppointmentId,
    string RecipientRole, Guid ClientId, string MessageId, int Attempts);

public sealed class EmailOutboxProjection : IAsyncProjection
{
    public const string ProjectionName = "email_outbox";

    public string Name => ProjectionName;

    public string SchemaSql => """
        create table if not exists email_outbox (
            id              text        primary key,
            unit_id         uuid        not null,
            kind            text        not null,
            event_seq       bigint,
            appointment_id  uuid        not null,
            recipient_role  text        not null,
            client_id       uuid        not null,
            message_id      text        not null,
            status          text        not null default 'pending',
            attempts        int         not null default 0,
            next_attempt_at timestamptz not null default now(),
            last_error      text,
            created_at      timestamptz not null default now(),
            updated_at      timestamptz not null default now(),
            sent_at         timestamptz
        );
        create index if not exists email_outbox_due on email_outbox (next_attempt_at) where status = 'pending';
        create table if not exists email_recipients (
            unit_id        uuid not null,
            appointment_id uuid not null,
            recipient_role text not null,
            client_id      uuid not null,
            primary key (unit_id, appointment_id, recipient_role)
        );
        """ + SmsOutbox.SchemaSql + """
        create table if not exists evening_email_recipients (
            unit_id         uuid not null,
            evening_id      uuid not null,
            registration_id uuid not null,
            client_id       uuid not null,
            primary key (unit_id, evening_id, registration_id)
        );
        """;

    public static string MessageIdFor(string key, Guid unitId) => $"<{key}.{unitId:N}@booking.local>";

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case AppointmentBooked booked:
                    await Remember(connection, transaction, e.UnitId, booked.AppointmentId, RecipientRoles.Client, booked.ClientId, ct);
                    await Enqueue(connection, transaction, e, EmailKinds.Confirmation, booked.AppointmentId, RecipientRoles.Client, booked.ClientId, ct);
                    break;
                case OtherParentInvited invited:
                    await Remember(connection, transaction, e.UnitId, invited.AppointmentId, RecipientRoles.OtherParent, invited.OtherParentClientId, ct);
                    await Enqueue(connection, transaction, e, EmailKinds.Invitation, invited.AppointmentId, RecipientRoles.OtherParent,
                        invited.OtherParentClientId, ct);
                    break;
                case AppointmentMoved moved:
                    await EnqueueForEveryone(connection, transaction, e, EmailKinds.Moved, moved.AppointmentId, ct);
                    break;
                case VideoLinkSet linkSet:
                    await EnqueueForEveryone(connection, transaction, e, EmailKinds.VideoLink, linkSet.AppointmentId, ct);
                    break;
                case AppointmentCancelled cancelled:
                    await EnqueueForEveryone(connection, transaction, e, EmailKinds.Cancelled, cancelled.AppointmentId, ct);
                    break;
                case AppointmentReassigned { Reason: ChangeReason.StaffAbsent or ChangeReason.UnitClosed } reassigned:
                    await EnqueueForEveryone(connection, transaction, e, EmailKinds.Reassigned, reassigned.AppointmentId, ct);
                    break;
                case InfoEveningEvent evening:
                    await ApplyEvening(connection, transaction, e, evening, ct);
                    break;
                case CallBackReserved reserved:
                    // The confirmation goes by email (skipped at send time when no address was given) and by SMS.
                    await Enqueue(connection, transaction, e, CallBackConfirmations.EmailKind, reserved.CallBackId, RecipientRoles.Client,
                        reserved.ClientId, ct);
                    await SmsOutbox.Insert(connection, transaction, new SmsOutboxMessage($"{e.Sequence}.{RecipientRoles.Client}.sms", e.UnitId,
                        SmsOutbox.CallBackConfirmation, reserved.CallBackId, reserved.ClientId, 0), ct);
                    break;
                case InfoLinksSent sent:
                    // The matter and language stay in the event; the sender reads them (and the address) at send time.
                    await Enqueue(connection, transaction, e, EmailKinds.InfoLinks, sent.FamilyId, RecipientRoles.Parent, sent.ClientId, ct);
                    break;
            }
        }
    }

    // The outbox survives a rebuild on purpose: replaying the log finds the same keys and queues nothing again.
    public async Task Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("delete from email_recipients; delete from evening_email_recipients", connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    // Info evenings: the registrants still registered or waiting are remembered, so a cancelled evening reaches them all.
    private static async Task ApplyEvening(NpgsqlConnection connection, NpgsqlTransaction transaction, EventEnvelope e, InfoEveningEvent evening,
        CancellationToken ct)
    {
        switch (evening)
        {
            case Registered r:
                await RememberRegistrant(connection, transaction, e.UnitId, r.EveningId, r.RegistrationId, r.ClientId, ct);
                await Enqueue(connection, transaction, e, EveningEmailKinds.Registered, r.EveningId, RecipientRoles.Registrant, r.ClientId, ct);
                break;
            case Waitlisted w:
                await RememberRegistrant(connection, transaction, e.UnitId, w.EveningId, w.RegistrationId, w.ClientId, ct);
                await Enqueue(connection, transaction, e, EveningEmailKinds.Waiting, w.EveningId, RecipientRoles.Registrant, w.ClientId, ct);
                break;
            case PromotedFromWaitlist p:
                foreach (var (registration, client) in await Registrants(connection, transaction, e.UnitId, p.EveningId, ct))
                    if (registration == p.RegistrationId)
                        await Enqueue(connection, transaction, e, EveningEmailKinds.Promoted, p.EveningId, RecipientRoles.Registrant, client, ct);
                break;
            case RegistrationCancelled c:
                await using (var forget = new NpgsqlCommand(
                    "delete from evening_email_recipients where unit_id = $1 and evening_id = $2 and registration_id = $3", connection, transaction))
                {
                    foreach (var value in new object[] { e.UnitId, c.EveningId, c.RegistrationId })
                        forget.Parameters.Add(new NpgsqlParameter { Value = value });
                    await forget.ExecuteNonQueryAsync(ct);
                }
                break;
            case EveningCancelled cancelled:
                // One event, many recipients: the key names the client so each gets exactly one message.
                foreach (var (_, client) in await Registrants(connection, transaction, e.UnitId, cancelled.EveningId, ct))
                {
                    var key = $"{e.Sequence}.{RecipientRoles.Registrant}.{client:N}";
                    await EmailOutbox.Insert(connection, transaction, new OutboxMessage(key, e.UnitId, EveningEmailKinds.Cancelled, e.Sequence,
                        cancelled.EveningId, RecipientRoles.Registrant, client, MessageIdFor(key, e.UnitId), 0), ct);
                }
                break;
        }
    }

    private static async Task RememberRegistrant(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid unitId, Guid eveningId,
        Guid registrationId, Guid clientId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into evening_email_recipients (unit_id, evening_id, registration_id, client_id) values ($1, $2, $3, $4)
            on conflict (unit_id, evening_id, registration_id) do nothing
            """, connection, transaction);
        foreach (var value in new object[] { unitId, eveningId, registrationId, clientId })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<(Guid Registration, Guid Client)>> Registrants(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid unitId, Guid eveningId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select registration_id, client_id from evening_email_recipients where unit_id = $1 and evening_id = $2 order by registration_id",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = eveningId });
        var found = new List<(Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add((reader.GetGuid(0), reader.GetGuid(1)));
        return found;
    }

    private static async Task EnqueueForEveryone(NpgsqlConnection connection, NpgsqlTransaction transaction, EventEnvelope e, string kind,
        Guid appointmentId, CancellationToken ct)
    {
        var recipients = new List<(string Role, Guid Client)>();
        await using (var command = new NpgsqlCommand(
            "select recipient_role, client_id from email_recipients where unit_id = $1 and appointment_id = $2 order by recipient_role",
            connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = e.UnitId });
            command.Parameters.Add(new NpgsqlParameter { Value = appointmentId });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) recipients.Add((reader.GetString(0), reader.GetGuid(1)));
        }
        foreach (var (role, client) in recipients)
            await Enqueue(connection, transaction, e, kind, appointmentId, role, client, ct);
    }

    private static async Task Remember(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid unitId, Guid appointmentId,
        string role, Guid clientId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into email_recipients (unit_id, appointment_id, recipient_role, client_id) values ($1, $2, $3, $4)
            on conflict (unit_id, appointment_id, recipient_role) do update set client_id = excluded.client_id
            """, connection, transaction);
        foreach (var value in new object[] { unitId, appointmentId, role, clientId })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static Task Enqueue(NpgsqlConnection connection, NpgsqlTransaction transaction, EventEnvelope e, string kind,
        Guid appointmentId, string role, Guid clientId, CancellationToken ct)
    {
        var key = $"{e.Sequence}.{role}";
        return EmailOutbox.Insert(connection, transaction,
            new OutboxMessage(key, e.UnitId, kind, e.Sequence, appointmentId, role, clientId, MessageIdFor(key, e.UnitId), 0), ct);
    }
}

/// <summary>The sender's and the manager's access to the outbox rows.</summary>
public sealed class EmailOutbox(NpgsqlDataSource dataSource)
{
    internal static async Task<bool> Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, OutboxMessage m, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into email_outbox (id, unit_id, kind, event_seq, appointment_id, recipient_role, client_id, message_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (id) do nothing
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = m.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = m.UnitId });
        command.Parameters.Add(new NpgsqlParameter { Value = m.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)m.EventSequence ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = m.AppointmentId });
        command.Parameters.Add(new NpgsqlParameter { Value = m.RecipientRole });
        command.Parameters.Add(new NpgsqlParameter { Value = m.ClientId });
        command.Parameters.Add(new NpgsqlParameter { Value = m.MessageId });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> Enqueue(OutboxMessage message, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Insert(connection, null, message, ct);
    }

    public async Task<IReadOnlyList<OutboxMessage>> Due(int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select id, unit_id, kind, event_seq, appointment_id, recipient_role, client_id, message_id, attempts
            from email_outbox where status = 'pending' and next_attempt_at <= now()
            order by next_attempt_at, coalesce(event_seq, 0), id limit $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var due = new List<OutboxMessage>();
        while (await reader.ReadAsync(ct))
            due.Add(new OutboxMessage(reader.GetString(0), reader.GetGuid(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetGuid(4), reader.GetString(5), reader.GetGuid(6),
                reader.GetString(7), reader.GetInt32(8)));
        return due;
    }

    public Task MarkSent(string id, CancellationToken ct) => Update(id, """
        update email_outbox set status = 'sent', attempts = attempts + 1, sent_at = now(), updated_at = now(), last_error = null
        where id = $1 and status = 'pending'
        """, null, ct);

    public Task MarkSkipped(string id, string reason, CancellationToken ct) => Update(id, """
        update email_outbox set status = 'skipped', updated_at = now(), last_error = $2 where id = $1 and status = 'pending'
        """, reason, ct);

    public Task MarkDead(string id, string reason, CancellationToken ct) => Update(id, """
        update email_outbox set status = 'dead', attempts = attempts + 1, updated_at = now(), last_error = $2
        where id = $1 and status = 'pending'
        """, reason, ct);

    public async Task RetryLater(string id, string reason, TimeSpan after, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            update email_outbox set attempts = attempts + 1, last_error = $2, updated_at = now(),
                next_attempt_at = now() + $3 where id = $1 and status = 'pending'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = reason });
        command.Parameters.Add(new NpgsqlParameter { Value = after, NpgsqlDbType = NpgsqlDbType.Interval });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<DeadLetterDto>> DeadLetters(Guid unitId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select id, kind, event_seq, appointment_id, attempts, coalesce(last_error, ''), updated_at
            from email_outbox where unit_id = $1 and status = 'dead' order by updated_at desc, id limit 500
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var dead = new List<DeadLetterDto>();
        while (await reader.ReadAsync(ct))
            dead.Add(new DeadLetterDto(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetGuid(3), reader.GetInt32(4), reader.GetString(5),
                reader.GetFieldValue<NodaTime.Instant>(6)));
        return dead;
    }

    /// <summary>Puts a dead letter back in the queue with its attempts reset; false when no such dead letter.</summary>
    public async Task<bool> Replay(Guid unitId, string id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            update email_outbox set status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
            where unit_id = $1 and id = $2 and status = 'dead'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<Dictionary<string, long>> Summary(Guid unitId, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>
        {
            [OutboxStatus.Pending] = 0, [OutboxStatus.Sent] = 0, [OutboxStatus.Skipped] = 0, [OutboxStatus.Dead] = 0,
        };
        await using var command = dataSource.CreateCommand("select status, count(*) from email_outbox where unit_id = $1 group by status");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private async Task Update(string id, string sql, string? reason, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        if (reason is not null) command.Parameters.Add(new NpgsqlParameter { Value = reason });
        await command.ExecuteNonQueryAsync(ct);
    }
}

public sealed record DeadLetterDto(string Id, string Kind, long? Event, Guid AppointmentId, int Attempts, string Reason, NodaTime.Instant When);
