// The signed-in staff member as claims in the auth cookie: name, role, staff id and unit.
using System.Security.Claims;
using Booking.Domain.Appointments;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Booking.Kiosk.Staff;

public static class StaffPrincipal
{
    public const string StaffIdClaim = "staff_id";
    public const string UnitIdClaim = "unit_id";

    public static async Task<ClaimsPrincipal> Create(StaffIdentity account, IUnitConfigurationSource configurations, CancellationToken ct)
    {
        var config = await configurations.Current(account.UnitId, ct);
        var name = config.Member(account.StaffId)?.DisplayName ?? account.UserName;
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, account.Role),
            new Claim(StaffIdClaim, account.StaffId.ToString()), new Claim(UnitIdClaim, account.UnitId.ToString()),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    public static Guid? StaffId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(StaffIdClaim), out var id) ? id : null;
}
