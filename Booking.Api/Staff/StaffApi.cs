// Staff sign-in (cookie) and the staff's view of bookings: staff see who is booked, clients never do.
using System.Security.Claims;
using Booking.Domain;
using Booking.Api.Errors;
using Booking.Api.Appointments;
using Booking.Api.Hosting;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.Staff;

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record StaffMeDto(Guid StaffId, string Name, string Role);

public sealed record StaffBookingDto(Guid AppointmentId, Guid StaffId, string StaffName, LocalDateTime Start, LocalDateTime OccupiedUntil);

public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff").WithTags("Staff");
        api.MapPost("/sign-in", SignIn).WithName("StaffSignIn").RequireRateLimiting(BookingHost.BookingPolicy)
            .WithSummary("Signs a staff member in with a cookie.");
        api.MapPost("/sign-out", (Delegate)SignOut).WithName("StaffSignOut").WithSummary("Signs out.");
        api.MapGet("/me", Me).WithName("StaffMe").RequireAuthorization(StaffRoles.AnyStaff).WithSummary("Who is signed in.");
        api.MapGet("/bookings", Bookings).WithName("StaffBookings").RequireAuthorization(StaffRoles.AnyStaff)
            .WithSummary("Booked staff time between two dates, with the staff member's name.");
        return api;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SignIn(
        [FromBody] SignInRequest? body, StaffAccountUseCases accounts, IUnitConfigurationSource configurations, CurrentUnit unit,
        IClock clock, HttpContext http, SignInOptions options, CancellationToken ct)
    {
        if (!options.PasswordsEnabled)
            return TypedResults.Problem(
                "Password sign-in is switched off for this unit (SignIn:PasswordsEnabled=false): staff sign in with the municipality's single sign-on at /staff/sso.",
                statusCode: StatusCodes.Status403Forbidden, title: "Password sign-in is switched off",
                extensions: new Dictionary<string, object?> { ["code"] = "password_sign_in_off" });
        if (string.IsNullOrWhiteSpace(body?.UserName) || string.IsNullOrEmpty(body.Password))
            return Problems.From(Refusal.Invalid(new Dictionary<string, string[]>
            {
                ["userName"] = ["userName and password are required."],
            }));
        var outcome = await accounts.SignIn(unit.UnitId, body.UserName, body.Password, http.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome.LockedUntil is { } until)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((until - clock.GetCurrentInstant()).TotalSeconds)).ToString();
            return TypedResults.Problem("Too many wrong passwords for this account or from this address. Try again later, or ask the unit's manager to lift the lockout.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in locked for a while");
        }
        if (outcome.Account is not { } account)
            return TypedResults.Problem("The user name or password is not right.", statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in failed");
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, await StaffPrincipal.Create(account, configurations, CookieAuthenticationDefaults.AuthenticationScheme, ct));
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SignOut(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static Ok<StaffMeDto> Me(ClaimsPrincipal user) => TypedResults.Ok(new StaffMeDto(
        Guid.Parse(user.FindFirstValue(StaffPrincipal.StaffIdClaim)!), user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!));

    public static async Task<Results<Ok<List<StaffBookingDto>>, ProblemHttpResult>> Bookings(
        string? from, string? to, IReservations reservations, IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        if (!Wire.TryLocalDate(from, out var first)) return Problems.Invalid("from", "from must be a date like 2026-11-24.");
        if (!Wire.TryLocalDate(to, out var last) || last < first || last > first.PlusDays(62))
            return Problems.Invalid("to", "to must be a date like 2026-11-30, not before from and at most 62 days after it.");
        var config = await configurations.Current(unit.UnitId, ct);
        var held = await reservations.Between(unit.UnitId, first.AtStartOfDayInZone(config.Zone).ToInstant(),
            last.PlusDays(1).AtStartOfDayInZone(config.Zone).ToInstant(), ct);
        return TypedResults.Ok(held.OrderBy(r => r.Start).Select(r => new StaffBookingDto(r.AppointmentId, r.StaffId,
            config.Member(r.StaffId)?.DisplayName ?? "?", r.Start.InZone(config.Zone).LocalDateTime, r.End.InZone(config.Zone).LocalDateTime)).ToList());
    }
}
