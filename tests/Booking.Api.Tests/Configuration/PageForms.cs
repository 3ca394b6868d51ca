// Posting a staff page's form as its browser would: signed in with the auth cookie, with the antiforgery token and cookie
// the page handed out and the form's handler name; answers the page's response without following a redirect.
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Configuration;

public sealed partial class PageForms(HttpClient http, string authCookie)
{
    public static async Task<PageForms> SignIn(BookingApp app, string user)
    {
        var http = app.CreateClient();
        var response = await http.PostAsJsonAsync("/api/staff/sign-in", new { userName = user, password = $"{user}-demo-2026" });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        return new PageForms(http, response.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
    }

    public async Task<HttpResponseMessage> Get(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", authCookie);
        return await http.SendAsync(request);
    }

    /// <summary>Opens the page for its antiforgery token, then posts <paramref name="fields"/> to it as form <paramref name="formName"/>.</summary>
    public async Task<HttpResponseMessage> Post(string path, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var page = await Get(path);
        var html = await page.Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, $"{path} answered {(int)page.StatusCode} without an antiforgery token");
        var antiforgery = page.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal))
            : null;
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Prepend(new("__RequestVerificationToken", token.Groups[1].Value)).Prepend(new("_handler", formName))),
        };
        request.Headers.Add("Cookie", antiforgery is null ? authCookie : $"{authCookie}; {antiforgery}");
        return await http.SendAsync(request);
    }

    /// <summary>True when the page marks the field with this id invalid.</summary>
    public static bool Invalid(string html, string id) =>
        Regex.IsMatch(html, $"id=\"{Regex.Escape(id)}\"[^>]*aria-invalid=\"true\"");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
