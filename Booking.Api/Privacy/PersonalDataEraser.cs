// Erasing clients' personal data, in the caller's transaction: their contact details, the meetings' video links and
// notes, the link tokens and idempotency records that point at them, the evening registrations' address hashes, and
// the emails not yet sent to them. Events, figures and the outbox's rows keep their pseudonymous ids. The copies of sent
// emails and texts in the pickup folders (development) are removed once the transaction has committed.
using Booking.Api.Notifications;
using Booking.Api.Notifications.Sms;
using Booking.Api.Storage;
using Booking.Domain.Privacy;
using Npgsql;

namespace Booking.Api.Privacy;

public sealed class PersonalDataEraser(EmailSettings email, SmsSettings sms, ILogger<PersonalDataEraser> logger) : IDocumentWriter<PersonalDataErasure>
{
    public string SchemaSql => "";

    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, PersonalDataErasure erasure, CancellationToken ct)
    {
        var messages = await Erase(connection, transaction, erasure.UnitId, erasure.ClientIds, erasure.AppointmentIds, ct);
        // Within the transaction: if it rolls back the copies are gone anyway, and they are copies of emails already sent.
        RemovePickupCopies(messages);
    }

    /// <summary>Erases and returns the Message-IDs of the emails queued for these clients (their pickup copies).</summary>
    public static async Task<IReadOnlyList<string>> Erase(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid unitId,
        IReadOnlyCollection<Guid> clientIds, IReadOnlyCollection<Guid> appointmentIds, CancellationToken ct)
    {
        var clients = clientIds.Distinct().ToArray();
        var appointments = appointmentIds.Distinct().ToArray();
        var messages = new List<string>();
        // The SMS outbox's ids name their pickup copies as the Message-IDs name the emails'.
        await using (var find = new NpgsqlCommand("""
                         select message_id from email_outbox where unit_id = $1 and client_id = any($2)
                         union all select id from sms_outbox where unit_id = $1 and client_id = any($2)
                         """, connection, transaction))
        {
            Add(find, unitId, clients);
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) messages.Add(reader.GetString(0));
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in new[]
                 {
                     "delete from client_contacts where unit_id = $1 and client_id = any($2)",
                     "delete from appointment_notes where unit_id = $1 and appointment_id = any($3)",
                     "delete from manage_tokens where unit_id = $1 and (client_id = any($2) or appointment_id = any($3))",
                     "delete from invitation_tokens where unit_id = $1 and (client_id = any($2) or appointment_id = any($3))",
                     "delete from idempotency_keys where unit_id = $1 and appointment_id = any($3)",
                     "delete from call_back_tokens where unit_id = $1 and client_id = any($2)",
                     "delete from evening_registration_tokens where unit_id = $1 and client_id = any($2)",
                     "delete from evening_registrants where unit_id = $1 and client_id = any($2)",
                     // Nothing more goes to them; a dead letter's reason names no address, but it would be sent again on replay.
                     """
                     update email_outbox set status = 'skipped', last_error = 'contact erased', updated_at = now()
                     where unit_id = $1 and client_id = any($2) and status in ('pending', 'dead')
                     """,
                     """
                     update sms_outbox set status = 'skipped', last_error = 'contact erased', updated_at = now()
                     where unit_id = $1 and client_id = any($2) and status in ('pending', 'dead')
                     """,
                 })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = unitId });
            command.Parameters.Add(new NpgsqlParameter { Value = clients });
            command.Parameters.Add(new NpgsqlParameter { Value = appointments });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
        return messages;
    }

    public void RemovePickupCopies(IEnumerable<string> messageIds)
    {
        var ids = messageIds.ToList();
        if (!sms.UsesGateway && Directory.Exists(sms.PickupDirectory))
            foreach (var id in ids)
            {
                try { File.Delete(Path.Combine(sms.PickupDirectory, PickupSmsTransport.FileName(id))); }
                catch (IOException e) { logger.LogWarning(e, "Could not remove an erased client's text message copy from the pickup folder"); }
            }
        if (email.UsesSmtp || !Directory.Exists(email.PickupDirectory)) return;
        foreach (var id in ids)
        {
            var file = Path.Combine(email.PickupDirectory, SmtpMailTransport.PickupFileName(id));
            try { File.Delete(file); }
            catch (IOException e) { logger.LogWarning(e, "Could not remove an erased client's email copy from the pickup folder"); }
        }
    }

    private static void Add(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
    }
}
