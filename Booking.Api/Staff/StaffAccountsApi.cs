// The manager's door to staff accounts: list, open, change the role, disable and enable, reset a password, lift a
// sign-in lockout. Every change is an event on the account's stream; sign-in names and hashes stay in the table.
using System.Security.Claims;
using Booking.Domain;
using Booking.Api.Errors;
using Booking.Api.Hosting;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.Staff;

/// <param name="ExternalId">The single sign-on claim's value that signs in as this account (see SingleSignOn:AccountClaim).</param>
public sealed record StaffAccountDto(Guid StaffId, string UserName, string Role, bool Enabled, Instant? LockedUntil, string? Name, string? ExternalId)
{
    public static StaffAccountDto From(StaffAccountListing a, string? name) =>
        new(a.StaffId, a.UserName, a.Role, a.Enabled, a.LockedUntil, name, a.ExternalId);
}

public sealed record ExternalIdDto(string? ExternalId);

public sealed record NewStaffAccountDto(Guid? StaffId, string? UserName, string? Role, string? Password);

public sealed record RoleDto(string? Role);

public sealed record PasswordDto(string? Password);

public static class StaffAccountsApi
{
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services, BookingStoreBuilder store, IConfiguration settings)
    {
        store.AddDocumentWriter<StaffCredentials, StaffAccounts>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<IStaffDirectory>(sp => sp.GetRequiredService<StaffAccounts>());
        services.AddSingleton<IStaffAccountIndex>(sp => sp.GetRequiredService<StaffAccounts>());
        services.AddSingleton<IPasswordHashing>(sp => sp.GetRequiredService<StaffAccounts>());
        var d = SignInLimits.Default;
        services.AddSingleton(new SignInLimits(
            settings.GetValue("SignIn:FailuresPerAccount", d.PerAccount), settings.GetValue("SignIn:FailuresPerAddress", d.PerAddress),
            Duration.FromMinutes(settings.GetValue("SignIn:WindowMinutes", (int)d.Window.TotalMinutes)),
            Duration.FromMinutes(settings.GetValue("SignIn:LockoutMinutes", (int)d.Lockout.TotalMinutes))));
        services.AddSingleton<ISignInThrottle, SignInThrottle>();
        services.AddSingleton(new SchemaPart(SignInThrottle.SchemaSql));
        services.AddSingleton(sp =>
        {
            var configurations = sp.GetRequiredService<Configuration.UnitConfigurationStore>();
            return new StaffAccountUseCases(sp.GetRequiredService<Booking.Domain.EventSourcing.IEventStore>(),
                sp.GetRequiredService<IStaffAccountIndex>(), sp.GetRequiredService<IStaffDirectory>(), sp.GetRequiredService<ISignInThrottle>(),
                sp.GetRequiredService<IPasswordHashing>(), async (unitId, ct) => (await configurations.Read(unitId, ct))?.Configuration,
                sp.GetRequiredService<IClock>());
        });
        services.AddSingleton<NewStaffMemberUseCase>();
        services.AddSingleton<FirstManager>();
        return services;
    }

    public static RouteGroupBuilder MapStaffAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff/accounts").WithTags("Staff accounts").RequireAuthorization(StaffRoles.Manager);
        api.MapGet("", List).WithName("ListStaffAccounts").WithSummary("Every staff account with its role, whether enabled, and any sign-in lockout.");
        api.MapPost("", Open).WithName("OpenStaffAccount")
            .WithSummary("Opens an account for a staff member of the configuration (not a partner professional) with a role and a first password.");
        api.MapPost("/{staffId:guid}/role", ChangeRole).WithName("ChangeStaffRole").WithSummary("Sets the account's role.");
        api.MapPost("/{staffId:guid}/disable", Disable).WithName("DisableStaffAccount")
            .WithSummary("Disables the account: no sign-in, and its open sessions stop working.");
        api.MapPost("/{staffId:guid}/enable", Enable).WithName("EnableStaffAccount").WithSummary("Enables a disabled account again.");
        api.MapPost("/{staffId:guid}/password", ResetPassword).WithName("ResetStaffPassword")
            .WithSummary("Sets a new password (at least 12 characters) and lifts any sign-in lockout of the account.");
        api.MapPost("/{staffId:guid}/external-id", SetExternalId).WithName("SetStaffExternalSignIn")
            .WithSummary("Sets the value of the single sign-on claim (e.g. preferred_username, email or oid) that signs in as this account; empty clears it.");
        api.MapPost("/{staffId:guid}/unlock", Unlock).WithName("LiftStaffSignInLockout")
            .WithSummary("Lifts the lockout after too many wrong passwords.");
        // The staff bar's sign-out form (every staff page has it): a form post with the antiforgery token, back to sign-in.
        app.MapPost("/staff/sign-out", SignOutForm).AllowAnonymous().ExcludeFromDescription();
        return api;
    }

    public static async Task<IResult> SignOutForm(HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Problems.Invalid("__RequestVerificationToken", "The form's antiforgery token is missing or not valid; reload the page.");
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect($"{http.Request.PathBase}/staff/sign-in");
    }

    /// <summary>Cookies of a disabled account, or of one whose role changed, stop working at the next request.</summary>
    public static async Task ValidateSession(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        if (user?.StaffId() is not { } staffId) return;
        var unit = context.HttpContext.RequestServices.GetRequiredService<CurrentUnit>();
        var role = await context.HttpContext.RequestServices.GetRequiredService<StaffAccounts>().EnabledRole(unit.UnitId, staffId, context.HttpContext.RequestAborted);
        if (role is not null && user.IsInRole(role)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    public static async Task<Ok<List<StaffAccountDto>>> List(StaffAccountUseCases accounts, IUnitConfigurationSource configurations, CurrentUnit unit,
        CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        return TypedResults.Ok((await accounts.All(unit.UnitId, ct)).Select(a => StaffAccountDto.From(a, config.Member(a.StaffId)?.DisplayName)).ToList());
    }

    public static async Task<Results<Created<StaffAccountDto>, ProblemHttpResult>> Open([FromBody] NewStaffAccountDto? body,
        StaffAccountUseCases accounts, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with staffId, userName, role and password is required.");
        var outcome = await accounts.Open(unit.UnitId, new NewStaffAccount(body.StaffId, body.UserName, body.Role, body.Password), Actor(user), ct);
        return outcome.Refusal is { } refused ? Problems.From(refused)
            : TypedResults.Created($"/api/staff/accounts/{outcome.Value!.StaffId}", StaffAccountDto.From(outcome.Value, null));
    }

    public static async Task<Results<Ok<StaffAccountDto>, ProblemHttpResult>> ChangeRole(Guid staffId, [FromBody] RoleDto? body,
        StaffAccountUseCases accounts, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await accounts.ChangeRole(unit.UnitId, staffId, body?.Role, user.StaffId()!.Value, Actor(user), ct));

    public static async Task<Results<Ok<StaffAccountDto>, ProblemHttpResult>> Disable(Guid staffId,
        StaffAccountUseCases accounts, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await accounts.Disable(unit.UnitId, staffId, user.StaffId()!.Value, Actor(user), ct));

    public static async Task<Results<Ok<StaffAccountDto>, ProblemHttpResult>> Enable(Guid staffId,
        StaffAccountUseCases accounts, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await accounts.Enable(unit.UnitId, staffId, Actor(user), ct));

    public static async Task<Results<Ok<StaffAccountDto>, ProblemHttpResult>> ResetPassword(Guid staffId, [FromBody] PasswordDto? body,
        StaffAccountUseCases accounts, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await accounts.ResetPassword(unit.UnitId, staffId, body?.Password, Actor(user), ct));

    public static async Task<Results<Ok<StaffAccountDto>, ProblemHttpResult>> SetExternalId(Guid staffId, [FromBody] ExternalIdDto? body,
        StaffAccountUseCases accounts, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct) =>
        body is null ? Problems.Invalid("externalId", "A JSON body with externalId (a string; empty clears it) is required.")
            : Answer(await accounts.SetExternalSignIn(unit.UnitId, staffId, body.ExternalId, Actor(user), ct));

    public static async Task<Results<Ok<StaffAccountDto>, ProblemHttpResult>> Unlock(Guid staffId,
        StaffAccountUseCases accounts, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await accounts.LiftLockout(unit.UnitId, staffId, Actor(user), ct));

    private static Results<Ok<StaffAccountDto>, ProblemHttpResult> Answer(Outcome<StaffAccountListing> outcome) =>
        outcome.Refusal is { } refused ? Problems.From(refused) : TypedResults.Ok(StaffAccountDto.From(outcome.Value!, null));

    private static string Actor(ClaimsPrincipal user) => $"staff:{user.StaffId():N}";
}
