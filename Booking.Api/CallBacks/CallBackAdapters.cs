// The call-back ports on PostgreSQL: the index of call-backs by id and day (an inline projection of the day streams),
// the cancel-link tokens (a document written with the reservation) and the clients' phone numbers (client_contacts).
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;
using Npgsql;

namespace Booking.Api.CallBacks;

public sealed class CallBackIndex(NpgsqlDataSource dataSource) : IInlineProjection, ICallBackIndex
{
    public string SchemaSql => """
        create table if not exists call_backs (
            unit_id uuid not null,
            call_back_id uuid not null,
            day date not null,
            staff_id uuid not null,
            primary key (unit_id, call_back_id)
        );
        create index if not exists call_backs_day on call_backs (unit_id, day);
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var envelope in events)
        {
            if (envelope.Data is not CallBackReserved e) continue;
            var command = new NpgsqlBatchCommand("""
                insert into call_backs (unit_id, call_back_id, day, staff_id) values ($1, $2, $3, $4)
                on conflict (unit_id, call_back_id) do nothing
                """);
            foreach (var value in new object[] { envelope.UnitId, e.CallBackId, e.Date, e.StaffId })
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<LocalDate?> DayOf(Guid unitId, Guid callBackId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select day from call_backs where unit_id = $1 and call_back_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = callBackId });
        return await command.ExecuteScalarAsync(ct) is LocalDate day ? day : null;
    }

    public async Task<IReadOnlyList<LocalDate>> DaysWithCallBacks(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select distinct day from call_backs where unit_id = $1 and day between $2 and $3 order by day");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        var days = new List<LocalDate>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) days.Add(reader.GetFieldValue<LocalDate>(0));
        return days;
    }
}

public sealed class CallBackTokens(NpgsqlDataSource dataSource) : IDocumentWriter<CallBackToken>, ICallBackTokens
{
    public string SchemaSql => """
        create table if not exists call_back_tokens (
            unit_id uuid not null,
            token_hash text not null,
            call_back_id uuid not null,
            client_id uuid not null,
            sealed_token text not null,
            primary key (unit_id, token_hash)
        );
        create index if not exists call_back_tokens_call_back on call_back_tokens (unit_id, call_back_id);
        """;

    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, CallBackToken t, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into call_back_tokens (unit_id, token_hash, call_back_id, client_id, sealed_token) values ($1, $2, $3, $4, $5)
            """, connection, transaction);
        foreach (var value in new object[] { t.UnitId, t.TokenHash, t.CallBackId, t.ClientId, t.SealedToken })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<Guid?> Find(Guid unitId, string tokenHash, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select call_back_id from call_back_tokens where unit_id = $1 and token_hash = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = tokenHash });
        return await command.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }

    public async Task<string?> SealedTokenOf(Guid unitId, Guid callBackId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select sealed_token from call_back_tokens where unit_id = $1 and call_back_id = $2 limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = callBackId });
        return await command.ExecuteScalarAsync(ct) as string;
    }
}

