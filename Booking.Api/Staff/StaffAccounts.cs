// Staff sign-in accounts; passwords hashed with ASP.NET Core's password hasher (PBKDF2, salted, versioned).
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Booking.Api.Staff;

public sealed class StaffAccounts(NpgsqlDataSource dataSource) : IStaffDirectory
{
    public const string SchemaSql = """
        create table if not exists staff_accounts (
            unit_id uuid not null,
            staff_id uuid not null,
            user_name text not null,
            password_hash text not null,
            role text not null,
            primary key (unit_id, user_name)
        );
        """;

    private static readonly PasswordHasher<StaffIdentity> Hasher = new();

    public async Task Create(Guid unitId, Guid staffId, string userName, string password, string role, CancellationToken ct)
    {
        var account = new StaffIdentity(unitId, staffId, userName.ToLowerInvariant(), role);
        await using var command = dataSource.CreateCommand("""
            insert into staff_accounts (unit_id, staff_id, user_name, password_hash, role) values ($1, $2, $3, $4, $5)
            on conflict (unit_id, user_name) do nothing
            """);
        foreach (var value in new object[] { unitId, staffId, account.UserName, Hasher.HashPassword(account, password), role })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<StaffIdentity?> Verify(Guid unitId, string userName, string password, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select staff_id, user_name, password_hash, role from staff_accounts where unit_id = $1 and user_name = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = userName.Trim().ToLowerInvariant() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            Hasher.VerifyHashedPassword(new StaffIdentity(unitId, Guid.Empty, "", ""), DummyHash, password); // same cost either way
            return null;
        }
        var account = new StaffIdentity(unitId, reader.GetGuid(0), reader.GetString(1), reader.GetString(3));
        return Hasher.VerifyHashedPassword(account, reader.GetString(2), password) == PasswordVerificationResult.Failed ? null : account;
    }

    private static readonly string DummyHash = Hasher.HashPassword(new StaffIdentity(Guid.Empty, Guid.Empty, "", ""), "not a password");
}
