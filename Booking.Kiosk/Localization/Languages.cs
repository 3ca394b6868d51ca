// Which language a request is served in: ?lang= (remembered in a cookie), else the cookie, else Accept-Language, else Finnish.
using Booking.Domain;
using Booking.Domain.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Booking.Kiosk.Localization;

public static class Languages
{
    public const string CookieName = "lang";
    public const string QueryName = "lang";

    public static readonly IReadOnlyList<Language> All = [Language.Fi, Language.Sv, Language.En];

    public static string CodeOf(Language language) => language switch { Language.Sv => "sv", Language.En => "en", _ => "fi" };

    public static Language? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "fi" => Language.Fi,
        "sv" => Language.Sv,
        "en" => Language.En,
        _ => null,
    };

    /// <summary>Resolves the language and, when the query chose one, remembers it in the cookie for a year.</summary>
    public static Language Resolve(HttpContext http)
    {
        if (Parse(http.Request.Query[QueryName]) is { } chosen)
        {
            if (!http.Response.HasStarted)
                http.Response.Cookies.Append(CookieName, CodeOf(chosen), new CookieOptions
                {
                    Path = string.IsNullOrEmpty(http.Request.PathBase) ? "/" : http.Request.PathBase.Value,
                    MaxAge = TimeSpan.FromDays(365),
                    SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                    HttpOnly = true,
                    Secure = http.Request.IsHttps,
                    IsEssential = true,
                });
            return chosen;
        }
        if (http.Request.Cookies.TryGetValue(CookieName, out var remembered) && Parse(remembered) is { } cookie) return cookie;
        return FromAcceptLanguage(http.Request.Headers.AcceptLanguage.ToString()) ?? Language.Fi;
    }

    /// <summary>The best of fi, sv and en by the browser's quality values; "sv-SE" counts as sv, "en-US" as en.</summary>
    public static Language? FromAcceptLanguage(string header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var values)) return null;
        return values
            .Where(v => v.Quality is null or > 0)
            .Select((v, i) => (Language: Parse(v.Value.Value?.Split('-')[0]), Quality: v.Quality ?? 1, Order: i))
            .Where(v => v.Language is not null)
            .OrderByDescending(v => v.Quality).ThenBy(v => v.Order)
            .Select(v => v.Language)
            .FirstOrDefault();
    }
}
