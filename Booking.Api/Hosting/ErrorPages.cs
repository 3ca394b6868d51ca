// Errors for people: a page request (not /api, not a static file, GET or HEAD) that ends in 4xx without a body is
// re-executed to /error/{code} (a Razor page in the visitor's language); a server error or the database down is written
// here as a small self-contained HTML page that reads nothing from the database. API requests keep problem+json.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Kiosk.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace Booking.Api.Hosting;

public static class ErrorPages
{
    private static readonly string[] NotPages = ["/api", "/swagger", "/_content", "/_framework", "/health", "/openapi", "/live"];

    /// <summary>A request a person's browser made for a page, which should get an HTML answer.</summary>
    public static bool IsPageRequest(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        if (NotPages.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))) return false;
        // A file name with an extension (site.css, kiosk.js, favicon.ico) is an asset, not a page.
        return !Path.HasExtension(request.Path.Value ?? "");
    }

    public static void UseErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(IsPageRequest, pages =>
        {
            pages.UseStatusCodePagesWithReExecute("/error/{0}", queryFormat: null, createScopeForStatusCodePages: true);
            pages.Use(PrepareErrorPage);
        });
        app.UseWhen(c => !IsPageRequest(c), api => api.UseStatusCodePages());
    }

    // The re-executed error page is rendered without waiting for its layout's unfinished reads, so a footer whose unit
    // configuration was not yet cached came out empty. Read it here, just before, so the layout finds it in the cache;
    // and give the page the query the person asked with, so ?lang=sv still chooses the language.
    private static async Task PrepareErrorPage(HttpContext context, Func<Task> next)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            context.Request.QueryString = new QueryString(reExecuted.OriginalQueryString);
            var unit = context.RequestServices.GetRequiredService<CurrentUnit>();
            try { await context.RequestServices.GetRequiredService<IUnitConfigurationSource>().Current(unit.UnitId, context.RequestAborted); }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException) { /* the page shows what it can */ }
        }
        await next();
    }

    /// <summary>The server-error page: 500, or 503 when the database cannot be reached.</summary>
    public static async Task WriteServerError(HttpContext context, bool databaseDown)
    {
        var t = Texts.For(Languages.Resolve(context));
        var title = databaseDown ? t.DatabaseDownTitle : t.ServerErrorTitle;
        var text = databaseDown ? t.DatabaseDownText : t.ServerErrorText;
        var basePath = context.Request.PathBase.Value ?? "";
        var again = E(basePath + context.Request.Path + context.Request.QueryString);
        context.Response.ContentType = "text/html; charset=utf-8";
        // Nothing from the database: the unit's phone is not known here, so the page sends people home or to try again.
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{t.Code}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="robots" content="noindex" />
            <title>{E(title)} – {E(t.ServiceName)}</title>
            <link rel="stylesheet" href="{E(basePath)}/_content/Booking.Kiosk/site.css" /></head>
            <body>
            <header class="site-header"><div class="wrap header-row"><a class="brand" href="{E(basePath)}/"><span class="brand-service">{E(t.ServiceName)}</span></a></div></header>
            <main id="main" class="wrap">
            <h1>{E(title)}</h1>
            <p>{E(text)}</p>
            <p><a class="button" href="{again}">{E(t.TryAgain)}</a></p>
            <p><a href="{E(basePath)}/">{E(t.Home)}</a></p>
            </main>
            <footer class="site-footer"><div class="wrap"><p>{E(t.UnitKind)}</p></div></footer>
            </body>
            </html>
            """);
    }

    // Only the markup characters: WebUtility.HtmlEncode would turn every ä and ö into a numeric entity.
    private static string E(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
