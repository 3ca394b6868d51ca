// The cross-cutting parts of the host: JSON, problem details, auth, antiforgery, rate limits, OpenAPI, headers.
using System.Threading.RateLimiting;
using Booking.Api.Configuration;
using Booking.Api.Errors;
using Booking.Api.Storage;
using Booking.Api.Json;
using Booking.Api.Staff;
using Booking.Domain.Staff;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.Hosting;

public static class BookingHost
{
    public const string PublicPolicy = "public";
    public const string BookingPolicy = "public-booking";
    public const string KioskPolicy = "kiosk";

    public static BookingStoreBuilder AddBookingHost(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(new CurrentUnit(builder.Configuration.GetValue("Unit:Id", DemoUnitIds.Unit)));
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => BookingJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddRequestProblems();
        DatabaseKeyRing.AddTo(services);
        services.AddHttpContextAccessor();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "booking.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/staff/sign-in";
                o.AccessDeniedPath = "/staff/access-denied";
                o.Events.OnValidatePrincipal = StaffAccountsApi.ValidateSession;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                // API callers get status codes, not redirects to the sign-in page.
                o.Events.OnRedirectToLogin = c => Deny(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Deny(c, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.AnyStaff, p => p.RequireRole(StaffRoles.Secretary, StaffRoles.Supervisor, StaffRoles.Manager))
            .AddPolicy(StaffRoles.Manager, p => p.RequireRole(StaffRoles.Manager))
            .AddPolicy(StaffRoles.Secretary, p => p.RequireRole(StaffRoles.Secretary))
            .AddPolicy(StaffRoles.Supervisor, p => p.RequireRole(StaffRoles.Supervisor));
        services.AddAntiforgery();

        var perMinute = builder.Configuration.GetValue("RateLimits:PublicPerMinute", 120);
        var bookingsPerMinute = builder.Configuration.GetValue("RateLimits:BookingsPerMinute", 10);
        // The lobby kiosk is one device: one address takes every number of a busy morning.
        var kioskPerMinute = builder.Configuration.GetValue("RateLimits:KioskPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                await context.HttpContext.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = 429, Title = "Too many requests",
                    Detail = "Too many requests from your address. Please wait a minute and try again.",
                }, options: null, contentType: "application/problem+json", ct);
            };
            o.AddPolicy(PublicPolicy, c => PerClient(c, perMinute));
            o.AddPolicy(BookingPolicy, c => PerClient(c, bookingsPerMinute));
            o.AddPolicy(KioskPolicy, c => PerClient(c, kioskPerMinute));
        });

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(OpenApiSetup.Configure);
        services.AddRazorComponents();

        // In production the schema may be applied by `dotnet Booking.Api.dll db-apply` instead (Database:ApplySchemaOnStart=false).
        var applySchema = builder.Configuration.GetValue("Database:ApplySchemaOnStart", true);
        return services.AddBookingStore(connectionString, typeof(AppointmentBooked).Assembly)
            .Configure(o => o.ApplySchemaOnStart = applySchema);
    }

    public static void UseBookingHost(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteUnexpectedError,
            // What a client sent wrong (a body that is not JSON, a wrong type) is answered 4xx above and is no error of ours:
            // only failures the service answers 5xx are logged as errors.
            SuppressDiagnosticsCallback = c => c.HttpContext.Response.StatusCode is >= 400 and < 500,
        });
        app.UseErrorPages();
        // Routing after the error pages, so that a re-executed request (/error/404) is routed again to its page; before the
        // input checks, which read the page's form model from the endpoint.
        app.UseRouting();
        app.Use(RequestProblems.LimitBodySize);
        app.Use(RequestProblems.RefuseControlCharacters);
        app.Use(SecurityHeaders);
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "Family-law unit booking API");
        app.MapStaticAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
    }

    /// <summary>The public and staff pages (Razor components from Booking.Kiosk), server-rendered.</summary>
    public static void MapBookingPages(this WebApplication app) =>
        app.MapRazorComponents<Booking.Kiosk.App>();

    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // A signed-in person without the role gets the no-access page (status pages re-execute to /error/403), not a redirect.
        if (status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/swagger"))
            headers["Content-Security-Policy"] =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        return next();
    }

    /// <summary>A page's form sent by a browser (not /api): its error is for a person too.</summary>
    private static bool IsFormPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api")
        && context.Request.HasFormContentType;

    /// <summary>The last resort: a problem document that says what happened without leaking internals or personal data.</summary>
    private static async Task WriteUnexpectedError(HttpContext context)
    {
        var failure = context.Features.Get<IExceptionHandlerFeature>();
        var error = failure?.Error;
        if (await RequestProblems.TryWrite(context, error, failure?.Endpoint)) return;
        var unavailable = DatabaseUnavailable.Is(error);
        context.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (unavailable) context.Response.Headers.RetryAfter = "5";
        if (ErrorPages.IsPageRequest(context) || IsFormPost(context))
        {
            await ErrorPages.WriteServerError(context, unavailable);
            return;
        }
        // WriteAsJsonAsync sets its own content type (application/json) unless it is given one.
        await context.Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = context.Response.StatusCode,
            Title = unavailable ? "Service temporarily unavailable" : "Unexpected error",
            Detail = unavailable
                // The connection may have dropped after the database committed: say no more than a retry or a read can tell.
                ? DatabaseUnavailable.Detail(DatabaseUnavailable.AdviceFor(context.Request.Method,
                    context.Request.Headers.ContainsKey(IdempotencyKeyHeader.Name)
                    && DatabaseUnavailable.TakesIdempotencyKey(failure?.Endpoint ?? context.GetEndpoint())))
                : "Something went wrong on our side. Nothing was saved; please try again.",
        }, options: null, contentType: "application/problem+json");
    }
}
