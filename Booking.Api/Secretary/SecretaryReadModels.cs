// Read models of the secretary's console and the supervisor's day: offered hours of partner professionals (inline
// projection of the staff-day streams), the family's parents for the search box (inline projection of the family
// streams, joined with client_contacts at read time), the staff-only notes of an appointment (a document), and the
// contacts as read back.
using Booking.Domain;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using Npgsql;
using NodaTime;

namespace Booking.Api.Secretary;

public sealed class OfferedHoursTable(NpgsqlDataSource dataSource) : IInlineProjection, IOfferedHoursSource
{
    public string SchemaSql => """
        create table if not exists staff_offered_hours (
            unit_id uuid not null,
            staff_id uuid not null,
            day date not null,
            during tstzrange not null,
            primary key (unit_id, staff_id, day, during)
        );
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var envelope in events)
            if (envelope.Data is HoursOffered e)
                batch.BatchCommands.Add(Sql.Command("""
                    insert into staff_offered_hours (unit_id, staff_id, day, during) values ($1, $2, $3, $4) on conflict do nothing
                    """, envelope.UnitId, e.StaffId, e.Date, Sql.Range(e.Start, e.End)));
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<OfferedHours>> Between(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            select staff_id, day, lower(during), upper(during) from staff_offered_hours where unit_id = $1 and day between $2 and $3
            order by day, lower(during)
            """);
        Sql.Add(command, unitId, from, to);
        var result = new List<OfferedHours>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(new OfferedHours(reader.GetGuid(0), reader.GetFieldValue<LocalDate>(1),
                new Interval(reader.GetFieldValue<Instant>(2), reader.GetFieldValue<Instant>(3))));
        return result;
    }
}

public sealed class FamilyParentsTable(NpgsqlDataSource dataSource) : IInlineProjection, IFamilySearch
{
    public string SchemaSql => """
        create table if not exists family_parents (
            unit_id uuid not null,
            family_id uuid not null,
            client_id uuid not null,
            role text not null,
            first_contact_at timestamptz,
            primary key (unit_id, family_id, client_id)
        );
        create index if not exists family_parents_client on family_parents (unit_id, client_id);
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var envelope in events)
            if (envelope.Data is ParentAdded e)
                batch.BatchCommands.Add(Sql.Command("""
                    insert into family_parents (unit_id, family_id, client_id, role, first_contact_at) values ($1, $2, $3, $4, $5)
                    on conflict do nothing
                    """, envelope.UnitId, e.FamilyId, e.ClientId, e.Role.ToString(), e.AddedAt));
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Families with a parent whose name or email contains the text, or whose phone number's digits contain the
    /// text's digits (so "040 123" finds "+358 40 123 4567" only when typed as it is stored; "0401234567" finds "040-123 4567").</summary>
    public async Task<IReadOnlyList<Guid>> Search(Guid unitId, string text, int limit, CancellationToken ct = default)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        await using var command = dataSource.CreateCommand("""
            select p.family_id, max(p.first_contact_at) as latest
            from family_parents p join client_contacts c on c.unit_id = p.unit_id and c.client_id = p.client_id
            where p.unit_id = $1
              and (c.name ilike '%' || $2 || '%' or c.email ilike '%' || $2 || '%'
                   or (length($3) >= 4 and regexp_replace(c.phone, '[^0-9]', '', 'g') like '%' || $3 || '%'))
            group by p.family_id order by latest desc limit $4
            """);
        Sql.Add(command, unitId, Escape(text.Trim()), digits, limit);
        var result = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(reader.GetGuid(0));
        return result;
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

public sealed class AppointmentNotesTable(NpgsqlDataSource dataSource) : IDocumentWriter<AppointmentNotes>, IAppointmentNotesSource
{
    public string SchemaSql => """
        create table if not exists appointment_notes (
            unit_id uuid not null,
            appointment_id uuid not null,
            video_link text not null,
            preparation_note text not null,
            keep_reason_note text not null,
            primary key (unit_id, appointment_id)
        );
        """;

    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, AppointmentNotes n, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into appointment_notes (unit_id, appointment_id, video_link, preparation_note, keep_reason_note) values ($1, $2, $3, $4, $5)
            on conflict (unit_id, appointment_id) do update set video_link = excluded.video_link,
                preparation_note = excluded.preparation_note, keep_reason_note = excluded.keep_reason_note
            """, connection, transaction);
        Sql.Add(command, n.UnitId, n.AppointmentId, n.VideoLink, n.PreparationNote, n.KeepReasonNote);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyDictionary<Guid, AppointmentNotes>> For(Guid unitId, IReadOnlyCollection<Guid> appointmentIds, CancellationToken ct = default)
    {
        if (appointmentIds.Count == 0) return new Dictionary<Guid, AppointmentNotes>();
        await using var command = dataSource.CreateCommand("""
            select appointment_id, video_link, preparation_note, keep_reason_note from appointment_notes
            where unit_id = $1 and appointment_id = any($2)
            """);
        Sql.Add(command, unitId, appointmentIds.ToArray());
        var result = new Dictionary<Guid, AppointmentNotes>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[reader.GetGuid(0)] = new AppointmentNotes(unitId, reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
        return result;
    }
}

public sealed class ClientContactsReader(NpgsqlDataSource dataSource) : IClientContacts
{
    public async Task<IReadOnlyDictionary<Guid, ClientContact>> Find(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default)
    {
        if (clientIds.Count == 0) return new Dictionary<Guid, ClientContact>();
        await using var command = dataSource.CreateCommand(
            "select client_id, name, email, phone, language from client_contacts where unit_id = $1 and client_id = any($2)");
        Sql.Add(command, unitId, clientIds.Distinct().ToArray());
        var result = new Dictionary<Guid, ClientContact>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[reader.GetGuid(0)] = new ClientContact(unitId, reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Enum.TryParse<Language>(reader.GetString(4), ignoreCase: true, out var language) ? language : Language.Fi);
        return result;
    }
}

internal static class Sql
{
    // Npgsql.NodaTime binds a NodaTime Interval as tstzrange [start, end).
    public static Interval Range(Instant start, Instant end) => new(start, end);

    public static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    public static void Add(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
    }
}
