// Staff sign-in accounts in PostgreSQL beside their event streams: the sign-in name, the password hash (ASP.NET Core's
// PasswordHasher: PBKDF2, salted, versioned), the role and whether the account is enabled; and the counts of wrong
// passwords per account and per address that throttle sign-in.
using Booking.Api.Storage;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using Npgsql;

namespace Booking.Api.Staff;

public sealed class StaffAccounts(NpgsqlDataSource dataSource) : IStaffDirectory, IStaffAccountIndex, IPasswordHashing, IDocumentWriter<StaffCredentials>
{
    public string SchemaSql => """
        create table if not exists staff_accounts (
            unit_id uuid not null,
            staff_id uuid not null,
            user_name text not null,
            password_hash text not null,
            role text not null,
            primary key (unit_id, user_name)
        );
        alter table staff_accounts add column if not exists enabled boolean not null default true;
        create unique index if not exists staff_accounts_staff on staff_accounts (unit_id, staff_id);
        -- The value of the single sign-on claim that signs in as the account: one account per value.
        alter table staff_accounts add column if not exists external_id text;
        create unique index if not exists staff_accounts_external on staff_accounts (unit_id, external_id) where external_id is not null;
        -- The last-manager rule's second guard. The decider refuses to disable or demote the last enabled manager, but two
        -- managers disabling each other at once each count the other as still enabled. Changes that take a manager away
        -- take turns per unit here, and the count after the turn (a fresh snapshot under read committed) sees the other's
        -- committed change; the loser's transaction fails as a serialization failure, so the write path decides again from
        -- fresh reads and the decider gives its own answer.
        create or replace function staff_accounts_keep_a_manager() returns trigger language plpgsql as $keep$
        begin
            perform pg_advisory_xact_lock(hashtextextended('staff_accounts_managers:' || new.unit_id::text, 0));
            if not exists (select 1 from staff_accounts where unit_id = new.unit_id and enabled and role = 'manager') then
                raise exception 'The unit must keep at least one enabled manager account.'
                    using errcode = 'serialization_failure', constraint = 'staff_accounts_keep_a_manager';
            end if;
            return null;
        end
        $keep$;
        drop trigger if exists staff_accounts_keep_a_manager on staff_accounts;
        create trigger staff_accounts_keep_a_manager after update on staff_accounts for each row
            when (old.enabled and old.role = 'manager' and not (new.enabled and new.role = 'manager'))
            execute function staff_accounts_keep_a_manager();
        """;

    private static readonly PasswordHasher<StaffIdentity> Hasher = new();
    private static readonly StaffIdentity Nobody = new(Guid.Empty, Guid.Empty, "", "");

    public string Hash(string password) => Hasher.HashPassword(Nobody, password);

    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffCredentials c, CancellationToken ct)
    {
        // One row per staff member; the unique sign-in name is the database's guard against two accounts taking one name.
        await using var command = new NpgsqlCommand("""
            insert into staff_accounts (unit_id, staff_id, user_name, password_hash, role, enabled, external_id)
            values ($1, $2, $3, coalesce($4, ''), $5, $6, case when $8 then $7 end)
            on conflict (unit_id, staff_id) do update set
                user_name = excluded.user_name, role = excluded.role, enabled = excluded.enabled,
                password_hash = coalesce($4, staff_accounts.password_hash),
                external_id = case when $8 then $7 else staff_accounts.external_id end
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = c.UnitId });
        command.Parameters.Add(new NpgsqlParameter { Value = c.StaffId });
        command.Parameters.Add(new NpgsqlParameter { Value = c.UserName });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = c.PasswordHash, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = c.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = c.Enabled });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = c.ExternalId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = c.SetsExternalId });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<StaffIdentity?> Verify(Guid unitId, string userName, string password, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select staff_id, user_name, password_hash, role, enabled from staff_accounts where unit_id = $1 and user_name = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = StaffAccountUseCases.NormalizedUserName(userName) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            Hasher.VerifyHashedPassword(Nobody, DummyHash, password); // same cost either way
            return null;
        }
        var account = new StaffIdentity(unitId, reader.GetGuid(0), reader.GetString(1), reader.GetString(3));
        var matches = Hasher.VerifyHashedPassword(account, reader.GetString(2), password) != PasswordVerificationResult.Failed;
        return matches && reader.GetBoolean(4) ? account : null;
    }

    /// <summary>The account's role while it is enabled; null when it is disabled or gone (its cookies then stop working).</summary>
    public async Task<string?> EnabledRole(Guid unitId, Guid staffId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select role from staff_accounts where unit_id = $1 and staff_id = $2 and enabled");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = staffId });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public async Task<StaffAccountListing?> ByStaff(Guid unitId, Guid staffId, Instant now, CancellationToken ct = default) =>
        (await Listings(unitId, staffId, now, ct)).FirstOrDefault();

    public Task<IReadOnlyList<StaffAccountListing>> All(Guid unitId, Instant now, CancellationToken ct = default) => Listings(unitId, null, now, ct);

    private async Task<IReadOnlyList<StaffAccountListing>> Listings(Guid unitId, Guid? staffId, Instant now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select a.staff_id, a.user_name, a.role, a.enabled, f.locked_until, a.external_id
            from staff_accounts a
            left join sign_in_failures f on f.unit_id = a.unit_id and f.key = 'account:' || a.user_name and f.locked_until > $3
            where a.unit_id = $1 and ($2::uuid is null or a.staff_id = $2)
            order by a.user_name
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = staffId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        var list = new List<StaffAccountListing>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new StaffAccountListing(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<Instant>(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return list;
    }

    public async Task<Guid?> StaffWithUserName(Guid unitId, string userName, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select staff_id from staff_accounts where unit_id = $1 and user_name = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = StaffAccountUseCases.NormalizedUserName(userName) });
        return await command.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }

    public async Task<Guid?> StaffWithExternalId(Guid unitId, string externalId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select staff_id from staff_accounts where unit_id = $1 and external_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = StaffAccountUseCases.NormalizedExternalId(externalId) });
        return await command.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }

    /// <summary>The account a single sign-on claim's value signs in as, and whether it is enabled; null when none has it.</summary>
    public async Task<(StaffIdentity Account, bool Enabled)?> ByExternalId(Guid unitId, string externalId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select staff_id, user_name, role, enabled from staff_accounts where unit_id = $1 and external_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = StaffAccountUseCases.NormalizedExternalId(externalId) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (new StaffIdentity(unitId, reader.GetGuid(0), reader.GetString(1), reader.GetString(2)), reader.GetBoolean(3));
    }

    public async Task<int> EnabledManagers(Guid unitId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select count(*) from staff_accounts where unit_id = $1 and enabled and role = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = StaffRoles.Manager });
        return (int)(long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static readonly string DummyHash = Hasher.HashPassword(Nobody, "not a password");
}

/// <summary>Wrong passwords counted per key in a fixed window; a key that reaches its limit is locked for a while. Counted
/// in one statement, so that parallel guesses from several instances all count.</summary>
public sealed class SignInThrottle(NpgsqlDataSource dataSource, SignInLimits limits) : ISignInThrottle
{
    public const string SchemaSql = """
        create table if not exists sign_in_failures (
            unit_id uuid not null,
            key text not null,
            failures int not null,
            window_start timestamptz not null,
            locked_until timestamptz,
            primary key (unit_id, key)
        );
        """;

    public async Task<Instant?> LockedUntil(Guid unitId, IReadOnlyList<string> keys, Instant now, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select max(locked_until) from sign_in_failures where unit_id = $1 and key = any($2) and locked_until > $3");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : (Instant)value;
    }

    public async Task RecordFailure(Guid unitId, IReadOnlyList<string> keys, Instant now, CancellationToken ct = default)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var key in keys)
        {
            var limit = key.StartsWith("account:", StringComparison.Ordinal) ? limits.PerAccount : limits.PerAddress;
            var command = new NpgsqlBatchCommand("""
                insert into sign_in_failures as f (unit_id, key, failures, window_start, locked_until)
                values ($1, $2, 1, $3, case when 1 >= $4 then $3 + $6 end)
                on conflict (unit_id, key) do update set
                    failures = case when f.window_start <= $3 - $5 then 1 else f.failures + 1 end,
                    window_start = case when f.window_start <= $3 - $5 then $3 else f.window_start end,
                    locked_until = case
                        when (case when f.window_start <= $3 - $5 then 1 else f.failures + 1 end) >= $4 then $3 + $6
                        else f.locked_until end
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = unitId });
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            command.Parameters.Add(new NpgsqlParameter { Value = limit });
            command.Parameters.Add(new NpgsqlParameter { Value = limits.Window });
            command.Parameters.Add(new NpgsqlParameter { Value = limits.Lockout });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task Clear(Guid unitId, string key, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("delete from sign_in_failures where unit_id = $1 and key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await command.ExecuteNonQueryAsync(ct);
    }
}
