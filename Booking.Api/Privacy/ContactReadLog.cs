// Who looked: every read of clients' contact details on behalf of a signed-in staff member is logged with who, when and
// through which screen or endpoint (its route pattern, never the query or the data). The log sits under the two readers
// every staff screen uses (IClientContacts, IEveningContacts), so a new screen is logged without doing anything.
using System.Security.Claims;
using Booking.Domain.Appointments;
using Booking.Domain.InfoEvenings;
using Booking.Domain.Privacy;
using Booking.Domain.Staff;
using NodaTime;
using Npgsql;

namespace Booking.Api.Privacy;

public sealed class ContactReadLog(NpgsqlDataSource dataSource, IHttpContextAccessor http, IClock clock) : IPersonalDataRecords
{
    public const string SchemaSql = """
        create table if not exists contact_reads (
            id        bigserial   primary key,
            unit_id   uuid        not null,
            read_at   timestamptz not null,
            staff_id  uuid        not null,
            staff     text        not null,
            what      text        not null,
            client_id uuid        not null
        );
        create index if not exists contact_reads_client on contact_reads (unit_id, client_id, read_at);
        create index if not exists contact_reads_staff on contact_reads (unit_id, staff_id, read_at);
        """;

    /// <summary>Logs the read when a staff member's request made it; a parent's own page and the email sender are not staff.</summary>
    public async Task Record(Guid unitId, IEnumerable<Guid> clientIds, CancellationToken ct)
    {
        var context = http.HttpContext;
        var user = context?.User;
        if (context is null || user?.Identity is not { IsAuthenticated: true } identity || user.StaffId() is not { } staffId) return;
        if (!(user.IsInRole(StaffRoles.Secretary) || user.IsInRole(StaffRoles.Supervisor) || user.IsInRole(StaffRoles.Manager))) return;
        var clients = clientIds.Distinct().ToArray();
        if (clients.Length == 0) return;
        var what = context.GetEndpoint() is RouteEndpoint route
            ? $"{context.Request.Method} /{route.RoutePattern.RawText?.Trim('/')}"
            : $"{context.Request.Method} {context.Request.Path}";
        await using var command = dataSource.CreateCommand("""
            insert into contact_reads (unit_id, read_at, staff_id, staff, what, client_id) select $1, $2, $3, $4, $5, unnest($6::uuid[])
            """);
        foreach (var value in new object[] { unitId, clock.GetCurrentInstant(), staffId, identity.Name ?? "", what, clients })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<ContactRead>> Reads(Guid unitId, Guid? familyId, Guid? staffId, int limit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            select r.read_at, r.staff_id, r.staff, r.what, r.client_id, (select p.family_id from family_parents p
                where p.unit_id = r.unit_id and p.client_id = r.client_id limit 1)
            from contact_reads r
            where r.unit_id = $1
              and ($2::uuid is null or r.client_id in (select client_id from family_parents where unit_id = $1 and family_id = $2))
              and ($3::uuid is null or r.staff_id = $3)
            order by r.read_at desc, r.id desc limit $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)familyId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)staffId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var reads = new List<ContactRead>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            reads.Add(new ContactRead(reader.GetFieldValue<Instant>(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetGuid(5)));
        return reads;
    }

    public async Task<IReadOnlyList<SentEmail>> EmailsTo(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            select client_id, kind, status, created_at, sent_at from email_outbox
            where unit_id = $1 and client_id = any($2) order by created_at, id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = clientIds.Distinct().ToArray() });
        var emails = new List<SentEmail>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            emails.Add(new SentEmail(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<Instant>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<Instant>(4)));
        return emails;
    }
}

public sealed class LoggedClientContacts(IClientContacts inner, ContactReadLog log) : IClientContacts
{
    public async Task<IReadOnlyDictionary<Guid, ClientContact>> Find(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default)
    {
        var found = await inner.Find(unitId, clientIds, ct);
        await log.Record(unitId, found.Keys, ct);
        return found;
    }
}

public sealed class LoggedEveningContacts(IEveningContacts inner, ContactReadLog log) : IEveningContacts
{
    public async Task<IReadOnlyDictionary<Guid, ClientContact>> Find(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default)
    {
        var found = await inner.Find(unitId, clientIds, ct);
        await log.Record(unitId, found.Keys, ct);
        return found;
    }

    public Task<Guid?> RegistrantOf(Guid unitId, Guid eveningId, string emailKey, CancellationToken ct = default) =>
        inner.RegistrantOf(unitId, eveningId, emailKey, ct);
}
