// The info evening ports on PostgreSQL: the catalogue of a unit's evenings (an inline projection of the evening
// streams), the registration tokens (a document written with the registration) and the registrants' contacts.
using Booking.Domain;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.InfoEvenings;
using Npgsql;

namespace Booking.Api.InfoEvenings;

public sealed class InfoEveningCatalogue(NpgsqlDataSource dataSource) : IInlineProjection, IInfoEveningCatalogue
{
    public string SchemaSql => """
        create table if not exists info_evenings (
            unit_id uuid not null,
            evening_id uuid not null,
            starts_at timestamptz not null,
            cancelled boolean not null default false,
            primary key (unit_id, evening_id)
        );
        create index if not exists info_evenings_start on info_evenings (unit_id, starts_at);
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var envelope in events)
        {
            switch (envelope.Data)
            {
                case EveningScheduled e:
                    batch.BatchCommands.Add(Command("""
                        insert into info_evenings (unit_id, evening_id, starts_at) values ($1, $2, $3)
                        on conflict (unit_id, evening_id) do update set starts_at = excluded.starts_at
                        """, envelope.UnitId, e.EveningId, e.Start));
                    break;
                case EveningCancelled e:
                    batch.BatchCommands.Add(Command("update info_evenings set cancelled = true where unit_id = $1 and evening_id = $2",
                        envelope.UnitId, e.EveningId));
                    break;
            }
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<Guid>> EveningIds(Guid unitId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select evening_id from info_evenings where unit_id = $1 order by starts_at, evening_id");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}

public sealed class EveningRegistrationTokens(NpgsqlDataSource dataSource) : IDocumentWriter<EveningRegistrationToken>, IEveningRegistrationTokens
{
    public string SchemaSql => """
        create table if not exists evening_registration_tokens (
            unit_id uuid not null,
            token_hash text not null,
            evening_id uuid not null,
            registration_id uuid not null,
            client_id uuid not null,
            sealed_token text not null,
            primary key (unit_id, token_hash)
        );
        create index if not exists evening_registration_tokens_registration on evening_registration_tokens (unit_id, evening_id, client_id);
        """;

    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, EveningRegistrationToken t, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into evening_registration_tokens (unit_id, token_hash, evening_id, registration_id, client_id, sealed_token)
            values ($1, $2, $3, $4, $5, $6)
            """, connection, transaction);
        foreach (var value in new object[] { t.UnitId, t.TokenHash, t.EveningId, t.RegistrationId, t.ClientId, t.SealedToken })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<(Guid EveningId, Guid RegistrationId)?> Find(Guid unitId, string tokenHash, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select evening_id, registration_id from evening_registration_tokens where unit_id = $1 and token_hash = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = tokenHash });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetGuid(0), reader.GetGuid(1)) : null;
    }

    /// <summary>The sealed token of a client's registration for an evening, for the manage link in emails.</summary>
    public async Task<(Guid RegistrationId, string SealedToken)?> OfClient(Guid unitId, Guid eveningId, Guid clientId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            select registration_id, sealed_token from evening_registration_tokens
            where unit_id = $1 and evening_id = $2 and client_id = $3 limit 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = eveningId });
        command.Parameters.Add(new NpgsqlParameter { Value = clientId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetGuid(0), reader.GetString(1)) : null;
    }
}

public sealed class EveningContacts(NpgsqlDataSource dataSource) : IEveningContacts
{
    public async Task<IReadOnlyDictionary<Guid, ClientContact>> Find(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select client_id, name, email, phone, language from client_contacts where unit_id = $1 and client_id = any($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = clientIds.ToArray() });
        var found = new Dictionary<Guid, ClientContact>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var language = Enum.TryParse<Language>(reader.GetString(4), ignoreCase: true, out var l) ? l : Language.Fi;
            found[reader.GetGuid(0)] = new ClientContact(unitId, reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), language);
        }
        return found;
    }

    public async Task<Guid?> RegistrantOf(Guid unitId, Guid eveningId, string emailKey, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select client_id from evening_registrants where unit_id = $1 and evening_id = $2 and email_hash = $3");
        foreach (var value in new object[] { unitId, eveningId, EveningRegistrants.Hash(emailKey) })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteScalarAsync(ct) is Guid clientId ? clientId : null;
    }
}

/// <summary>Which client id registered for an evening under which address. The address is kept only as a hash: the row
/// answers "has this address registered?" and nothing else; the contact itself stays in client_contacts, erasable.</summary>
public sealed class EveningRegistrants : IDocumentWriter<EveningRegistrant>
{
    public string SchemaSql => """
        create table if not exists evening_registrants (
            unit_id uuid not null,
            evening_id uuid not null,
            client_id uuid not null,
            email_hash text not null,
            primary key (unit_id, evening_id, client_id)
        );
        create unique index if not exists evening_registrants_one_per_address on evening_registrants (unit_id, evening_id, email_hash);
        """;

    /// <remarks>The same client registering again (after cancelling) changes nothing; another client id for an address
    /// already registered breaks the unique index, the store reports a concurrency conflict, and the retry finds the first.</remarks>
    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, EveningRegistrant r, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into evening_registrants (unit_id, evening_id, client_id, email_hash) values ($1, $2, $3, $4)
            on conflict (unit_id, evening_id, client_id) do nothing
            """, connection, transaction);
        foreach (var value in new object[] { r.UnitId, r.EveningId, r.ClientId, Hash(r.EmailKey) })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public static string Hash(string emailKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(emailKey)));
}
