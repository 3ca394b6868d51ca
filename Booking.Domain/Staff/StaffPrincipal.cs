// The signed-in staff member as claims in the auth cookie: name, role, staff id and unit. Written once for the API's and
// the pages' sign-in and read by both doors; the host names the authentication scheme.
using System.Security.Claims;
using Booking.Domain.Configuration;

namespace Booking.Domain.Staff;

public static class StaffPrincipal
{
    public const string StaffIdClaim = "staff_id";
    public const string UnitIdClaim = "unit_id";

    public static async Task<ClaimsPrincipal> Create(StaffIdentity account, IUnitConfigurationSource configurations, string authenticationType,
        CancellationToken ct)
    {
        var config = await configurations.Current(account.UnitId, ct);
        var name = config.Member(account.StaffId)?.DisplayName ?? account.UserName;
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, account.Role),
            new Claim(StaffIdClaim, account.StaffId.ToString()), new Claim(UnitIdClaim, account.UnitId.ToString()),
        ], authenticationType);
        return new ClaimsPrincipal(identity);
    }

    public static Guid? StaffId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirst(StaffIdClaim)?.Value, out var id) ? id : null;
}
