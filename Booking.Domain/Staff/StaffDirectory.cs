// Who may sign in, as the pages and the API need it; passwords are checked by the host (hashed, never stored in clear).
namespace Booking.Domain.Staff;

public static class StaffRoles
{
    public const string Secretary = "secretary";
    public const string Supervisor = "supervisor";
    public const string Manager = "manager";
    /// <summary>The authorization policy every staff role satisfies.</summary>
    public const string AnyStaff = "staff";

    public static readonly string[] All = [Secretary, Supervisor, Manager];
}

public sealed record StaffIdentity(Guid UnitId, Guid StaffId, string UserName, string Role);

public interface IStaffDirectory
{
    /// <summary>The staff member when the password matches; null otherwise (the caller does not learn which part was wrong).</summary>
    Task<StaffIdentity?> Verify(Guid unitId, string userName, string password, CancellationToken ct = default);
}
