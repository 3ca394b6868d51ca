// The outbox's dead letters behind the manager's failed-emails page: kind, recipient role, attempts and time only.
using Booking.Domain.Configuration;
using NodaTime;
using Npgsql;

namespace Booking.Api.Notifications;

public sealed class FailedEmails(NpgsqlDataSource dataSource, EmailOutbox outbox, EmailSender sender) : IFailedEmails
{
    public async Task<IReadOnlyList<FailedEmail>> List(Guid unitId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            select id, kind, recipient_role, attempts, updated_at from email_outbox
            where unit_id = $1 and status = 'dead' order by updated_at desc, id limit 500
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var failed = new List<FailedEmail>();
        while (await reader.ReadAsync(ct))
            failed.Add(new FailedEmail(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetFieldValue<Instant>(4)));
        return failed;
    }

    public async Task<bool> Replay(Guid unitId, string id, CancellationToken ct = default)
    {
        if (!await outbox.Replay(unitId, id, ct)) return false;
        sender.Wake();
        return true;
    }
}
