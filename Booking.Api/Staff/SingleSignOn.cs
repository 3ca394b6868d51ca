// The municipality's single sign-on with OpenID Connect (Entra ID or any provider), configured by settings only and off
// when not configured. The provider's claim named by SingleSignOn:AccountClaim must equal the external id the manager set
// on an enabled staff account; the staff cookie then carries the same claims as a password sign-in. Anyone else lands on
// a page that says why, in their language. Password sign-in can be switched off (SignIn:PasswordsEnabled=false).
using Booking.Api.Hosting;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Booking.Api.Staff;

public sealed record SingleSignOnSettings(string? Authority, string? ClientId, string? ClientSecret, string AccountClaim, string[] Scopes,
    bool RequireHttpsMetadata)
{
    public bool Configured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public static SingleSignOnSettings From(IConfiguration settings) => new(
        settings["SingleSignOn:Authority"], settings["SingleSignOn:ClientId"], settings["SingleSignOn:ClientSecret"],
        settings["SingleSignOn:AccountClaim"] is { Length: > 0 } claim ? claim : "preferred_username",
        (settings["SingleSignOn:Scopes"] is { Length: > 0 } scopes ? scopes : "openid profile email")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        settings.GetValue("SingleSignOn:RequireHttpsMetadata", true));
}

public static class SingleSignOn
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/staff/sso/callback";
    private const string LanguageItem = "lang";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration settings)
    {
        var sso = SingleSignOnSettings.From(settings);
        var passwords = settings.GetValue("SignIn:PasswordsEnabled", true);
        if (!passwords && !sso.Configured)
            throw new InvalidOperationException(
                "SignIn:PasswordsEnabled=false needs single sign-on (SingleSignOn:Authority and SingleSignOn:ClientId); otherwise nobody could sign in.");
        services.AddSingleton(sso);
        services.AddSingleton(new SignInOptions(passwords, sso.Configured));
        if (!sso.Configured) return services;

        services.AddAuthentication().AddOpenIdConnect(Scheme, o =>
        {
            o.Authority = sso.Authority;
            o.ClientId = sso.ClientId;
            if (!string.IsNullOrEmpty(sso.ClientSecret)) o.ClientSecret = sso.ClientSecret;
            o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back in the query of a top-level GET: the correlation and nonce cookies can then be SameSite=Lax
            // (a form post from the provider's site would need SameSite=None, which needs HTTPS even on a test machine).
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Scope.Clear();
            foreach (var scope in sso.Scopes.Append("openid").Distinct()) o.Scope.Add(scope);
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.DisableTelemetry = true;
            o.Events.OnTokenValidated = context => MapToStaffAccount(context, sso);
            o.Events.OnRemoteFailure = context =>
            {
                // The failure's message may quote the provider's answer: log only its kind, never who tried.
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
                    .LogWarning("Single sign-on failed: {Kind}", context.Failure?.GetType().Name);
                context.HandleResponse();
                context.Response.Redirect(Refused(context.Request, "failed", context.Properties));
                return Task.CompletedTask;
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/sso", Challenge).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Sends the browser to the provider; back from it, the continue page takes the person to where they were going.
    /// When the provider's metadata cannot be fetched, answers 503 with a page in the person's language (the status page
    /// for /staff/sso: try again shortly, or use a password where the unit has them on).</summary>
    public static async Task<IResult> Challenge(HttpContext http, SingleSignOnSettings sso, ILoggerFactory logs, string? returnUrl, string? lang)
    {
        if (!sso.Configured) return Results.NotFound();
        var properties = new AuthenticationProperties
        {
            RedirectUri = $"{http.Request.PathBase}/staff/sso/continue?to={Uri.EscapeDataString(LocalPath(returnUrl) ?? $"{http.Request.PathBase}/staff")}",
        };
        if (lang is "fi" or "sv" or "en") properties.Items[LanguageItem] = lang;
        try
        {
            await http.ChallengeAsync(Scheme, properties);
            return Results.Empty;
        }
        catch (Exception e) when (ProviderUnreachable(e) && !http.Response.HasStarted)
        {
            // Only the kinds of failure: the provider's address is in the settings, and nobody has said who they are yet.
            logs.CreateLogger(typeof(SingleSignOn)).LogWarning("Single sign-on could not fetch the provider's metadata: {Kind} ({Cause})",
                e.GetType().Name, e.InnerException?.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "30";
            return Results.Empty;
        }
    }

    /// <summary>The provider's metadata (or the network to it) failed: a refused connection, a timeout, an HTTP error.</summary>
    private static bool ProviderUnreachable(Exception? e) => e switch
    {
        null => false,
        HttpRequestException or IOException or System.Net.Sockets.SocketException or TaskCanceledException => true,
        _ => ProviderUnreachable(e.InnerException),
    };

    /// <summary>Only a local path: a crafted address must not send a signed-in person elsewhere.</summary>
    public static string? LocalPath(string? url) =>
        url is { Length: > 1 } r && r.StartsWith('/') && !r.StartsWith("//") && !r.StartsWith("/\\") && !r.Any(char.IsControl) ? r : null;

    private static async Task MapToStaffAccount(TokenValidatedContext context, SingleSignOnSettings sso)
    {
        var services = context.HttpContext.RequestServices;
        var unit = services.GetRequiredService<CurrentUnit>();
        var ct = context.HttpContext.RequestAborted;
        var value = context.Principal?.FindFirst(sso.AccountClaim)?.Value;
        var found = string.IsNullOrWhiteSpace(value) ? null : await services.GetRequiredService<StaffAccounts>().ByExternalId(unit.UnitId, value, ct);
        if (found is not { Enabled: true } match)
        {
            context.HandleResponse();
            context.Response.Redirect(Refused(context.Request, found is null ? "unknown" : "disabled", context.Properties));
            return;
        }
        context.Principal = await StaffPrincipal.Create(match.Account, services.GetRequiredService<IUnitConfigurationSource>(),
            CookieAuthenticationDefaults.AuthenticationScheme, ct);
    }

    private static string Refused(HttpRequest request, string reason, AuthenticationProperties? properties) =>
        $"{request.PathBase}/staff/sso/refused?reason={reason}"
        + (properties?.Items.TryGetValue(LanguageItem, out var lang) == true && lang is { Length: > 0 } ? $"&lang={lang}" : "");
}
