// A real OpenID Connect provider for the tests: OpenIddict's server (degraded mode, no database) on a loopback port,
// authorization code flow with PKCE, one client, and a login form where a test user types who they are. Reached as
// http://localhost:PORT while the service under test is at 127.0.0.1, so the browser crosses sites as it does with a
// municipality's provider.
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Booking.Kiosk.Tests.SingleSignOn;

public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "booking-staff";

    private readonly WebApplication app;

    private TestOidcProvider(WebApplication app) => this.app = app;

    /// <summary>The issuer as browsers and the service reach it.</summary>
    public Uri Authority { get; private set; } = null!;

    /// <summary>Starts the provider; <paramref name="redirectUris"/> are the callbacks it accepts for the client.</summary>
    public static async Task<TestOidcProvider> StartAsync(Func<IReadOnlyList<string>> redirectUris)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            // No application or token store: the client is checked by the two handlers below, the codes are self-contained.
            o.EnableDegradedMode();
            o.UseAspNetCore().DisableTransportSecurityRequirement().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough();
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                else if (!redirectUris().Contains(context.RedirectUri))
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered for this client.");
                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "Unknown client.");
                return default;
            }));
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)Authorize);
        app.MapPost("/connect/token", (Delegate)Token);
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return new TestOidcProvider(app) { Authority = new Uri($"http://localhost:{port}/") };
    }

    /// <summary>Without a user: the login form (carrying the request's parameters). With one: the code for that user, whose
    /// preferred_username and email are what was typed.</summary>
    private static async Task<IResult> Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()!;
        var user = http.Request.HasFormContentType ? http.Request.Form["test_user"].ToString() : "";
        if (string.IsNullOrWhiteSpace(user))
        {
            var fields = string.Concat(request.GetParameters().Select(p =>
                $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode((string?)p.Value)}\">"));
            return Results.Content($"""
                <!doctype html><html lang="en"><head><title>Test provider</title></head><body><main>
                <h1>Test provider</h1>
                <form method="post" action="/connect/authorize">{fields}
                <label for="test_user">User</label> <input id="test_user" name="test_user">
                <button type="submit">Sign in</button></form></main></body></html>
                """, "text/html");
        }
        var identity = new ClaimsIdentity("test-provider", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, "sub-" + user.Trim()).SetClaim(Claims.PreferredUsername, user.Trim())
            .SetClaim(Claims.Email, user.Trim()).SetClaim(Claims.Name, user.Trim());
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        await Task.CompletedTask;
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(HttpContext http)
    {
        var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return code.Principal is { } principal
            ? Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
