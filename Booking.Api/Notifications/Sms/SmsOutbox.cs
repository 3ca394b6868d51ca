// The SMS outbox: one row per (event, recipient), queued by the email outbox's projection in the daemon's transaction, so
// each text is queued exactly once. A row holds no personal data: the number is read when sending, so an erased client
// gets nothing (PersonalDataEraser skips the rows and removes the pickup copies).
using Npgsql;
using NpgsqlTypes;

namespace Booking.Api.Notifications.Sms;

public sealed record SmsOutboxMessage(string Id, Guid UnitId, string Kind, Guid SubjectId, Guid ClientId, int Attempts);

public sealed class SmsOutbox(NpgsqlDataSource dataSource)
{
    public const string CallBackConfirmation = "call_back_confirmation";

    public const string SchemaSql = """
        create table if not exists sms_outbox (
            id              text        primary key,
            unit_id         uuid        not null,
            kind            text        not null,
            subject_id      uuid        not null,
            client_id       uuid        not null,
            status          text        not null default 'pending',
            attempts        int         not null default 0,
            next_attempt_at timestamptz not null default now(),
            last_error      text,
            created_at      timestamptz not null default now(),
            updated_at      timestamptz not null default now(),
            sent_at         timestamptz
        );
        create index if not exists sms_outbox_due on sms_outbox (next_attempt_at) where status = 'pending';
        create index if not exists sms_outbox_client on sms_outbox (unit_id, client_id);
        """;

    internal static async Task Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, SmsOutboxMessage m, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into sms_outbox (id, unit_id, kind, subject_id, client_id) values ($1, $2, $3, $4, $5) on conflict (id) do nothing
            """, connection, transaction);
        foreach (var value in new object[] { m.Id, m.UnitId, m.Kind, m.SubjectId, m.ClientId })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<SmsOutboxMessage>> Due(int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select id, unit_id, kind, subject_id, client_id, attempts from sms_outbox
            where status = 'pending' and next_attempt_at <= now() order by next_attempt_at, id limit $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var due = new List<SmsOutboxMessage>();
        while (await reader.ReadAsync(ct))
            due.Add(new SmsOutboxMessage(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetGuid(3), reader.GetGuid(4),
                reader.GetInt32(5)));
        return due;
    }

    public Task MarkSent(string id, CancellationToken ct) => Update(id, """
        update sms_outbox set status = 'sent', attempts = attempts + 1, sent_at = now(), updated_at = now(), last_error = null
        where id = $1 and status = 'pending'
        """, null, null, ct);

    public Task MarkSkipped(string id, string reason, CancellationToken ct) => Update(id, """
        update sms_outbox set status = 'skipped', updated_at = now(), last_error = $2 where id = $1 and status = 'pending'
        """, reason, null, ct);

    public Task MarkDead(string id, string reason, CancellationToken ct) => Update(id, """
        update sms_outbox set status = 'dead', attempts = attempts + 1, updated_at = now(), last_error = $2 where id = $1 and status = 'pending'
        """, reason, null, ct);

    public Task RetryLater(string id, string reason, TimeSpan after, CancellationToken ct) => Update(id, """
        update sms_outbox set attempts = attempts + 1, last_error = $2, updated_at = now(), next_attempt_at = now() + $3
        where id = $1 and status = 'pending'
        """, reason, after, ct);

    private async Task Update(string id, string sql, string? reason, TimeSpan? after, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        if (reason is not null) command.Parameters.Add(new NpgsqlParameter { Value = reason });
        if (after is { } a) command.Parameters.Add(new NpgsqlParameter { Value = a, NpgsqlDbType = NpgsqlDbType.Interval });
        await command.ExecuteNonQueryAsync(ct);
    }
}
