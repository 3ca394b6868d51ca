// Documents written in the booking's transaction: personal data (erasable), manage-link and invitation-link token hashes,
// idempotency keys.
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Npgsql;

namespace Booking.Api.Appointments;

public sealed class ClientContacts : IDocumentWriter<ClientContact>
{
    public string SchemaSql => """
        create table if not exists client_contacts (
            unit_id uuid not null,
            client_id uuid not null,
            name text not null,
            email text not null,
            phone text not null,
            language text not null,
            created_at timestamptz not null default now(),
            primary key (unit_id, client_id)
        );
        """;

    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, ClientContact c, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into client_contacts (unit_id, client_id, name, email, phone, language) values ($1, $2, $3, $4, $5, $6)
            on conflict (unit_id, client_id) do update set name = excluded.name, email = excluded.email,
                phone = excluded.phone, language = excluded.language
            """, connection, transaction);
        foreach (var value in new object[] { c.UnitId, c.ClientId, c.Name, c.Email, c.Phone, c.Language.ToString().ToLowerInvariant() })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A link token's hash, kept with a sealed copy for the email; the manage link and the other parent's invitation
/// link are stored alike, each kind in its own table so that one never opens the other.</summary>
public abstract class AppointmentTokenTable(NpgsqlDataSource dataSource, string table)
{
    protected async Task Insert(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid unitId, string tokenHash, Guid appointmentId, Guid clientId, string sealedToken, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"insert into {table} (unit_id, token_hash, appointment_id, client_id, sealed_token) values ($1, $2, $3, $4, $5)",
            connection, transaction);
        foreach (var value in new object[] { unitId, tokenHash, appointmentId, clientId, sealedToken })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<Guid?> FindAppointment(Guid unitId, string tokenHash, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"select appointment_id from {table} where unit_id = $1 and token_hash = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = tokenHash });
        return await command.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }
}

public sealed class ManageTokens(NpgsqlDataSource dataSource)
    : AppointmentTokenTable(dataSource, "manage_tokens"), IDocumentWriter<ManageToken>, IManageTokens
{
    public string SchemaSql => """
        create table if not exists manage_tokens (
            unit_id uuid not null,
            token_hash text not null,
            appointment_id uuid not null,
            client_id uuid not null,
            sealed_token text,
            primary key (unit_id, token_hash)
        );
        alter table manage_tokens add column if not exists sealed_token text;
        create index if not exists manage_tokens_appointment on manage_tokens (unit_id, appointment_id);
        """;

    public Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, ManageToken t, CancellationToken ct) =>
        Insert(connection, transaction, t.UnitId, t.TokenHash, t.AppointmentId, t.ClientId, t.SealedToken, ct);
}

public sealed class InvitationTokens(NpgsqlDataSource dataSource)
    : AppointmentTokenTable(dataSource, "invitation_tokens"), IDocumentWriter<InvitationToken>, IInvitationTokens
{
    public string SchemaSql => """
        create table if not exists invitation_tokens (
            unit_id uuid not null,
            token_hash text not null,
            appointment_id uuid not null,
            client_id uuid not null,
            sealed_token text not null,
            primary key (unit_id, token_hash)
        );
        create index if not exists invitation_tokens_appointment on invitation_tokens (unit_id, appointment_id);
        """;

    public Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, InvitationToken t, CancellationToken ct) =>
        Insert(connection, transaction, t.UnitId, t.TokenHash, t.AppointmentId, t.ClientId, t.SealedToken, ct);
}

public sealed class IdempotencyKeys(NpgsqlDataSource dataSource) : IDocumentWriter<IdempotencyRecord>, IIdempotencyKeys
{
    public string SchemaSql => """
        create table if not exists idempotency_keys (
            unit_id uuid not null,
            key text not null,
            fingerprint text not null,
            appointment_id uuid not null,
            sealed_token text not null,
            created_at timestamptz not null default now(),
            primary key (unit_id, key)
        );
        """;

    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, IdempotencyRecord r, CancellationToken ct)
    {
        // A plain insert: a concurrent retry with the same key loses on the primary key and finds the winner's booking.
        await using var command = new NpgsqlCommand("""
            insert into idempotency_keys (unit_id, key, fingerprint, appointment_id, sealed_token) values ($1, $2, $3, $4, $5)
            """, connection, transaction);
        foreach (var value in new object[] { r.UnitId, r.Key, r.RequestFingerprint, r.AppointmentId, r.SealedToken })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IdempotencyRecord?> Find(Guid unitId, string key, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select fingerprint, appointment_id, sealed_token from idempotency_keys where unit_id = $1 and key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new IdempotencyRecord(unitId, key, reader.GetString(0), reader.GetGuid(1), reader.GetString(2))
            : null;
    }
}
