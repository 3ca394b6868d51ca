// The database down, seen by a person and by a program: a page request gets an HTML page in the visitor's language
// that needs nothing from the database (503, with the way to try again and home); an API request keeps problem+json.
using System.Net;
using Xunit;

namespace Booking.Api.Tests.Faults;

public sealed class ErrorPagesOutageTests(OutageApp app) : IClassFixture<OutageApp>
{
    [Fact]
    public async Task With_the_database_down_a_page_answers_a_Swedish_503_page_and_the_api_a_problem()
    {
        var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/book?lang=sv")).StatusCode);
        await app.Cluster.StopImmediatelyAsync();
        try
        {
            var page = await Eventually(() => http.GetAsync("/book?lang=sv"));
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"sv\">", html);
            Assert.Contains("Tjänsten är tillfälligt ur bruk", html);
            Assert.Contains("href=\"/book?lang=sv\"", html);
            Assert.DoesNotContain("Npgsql", html);

            var api = await Eventually(() => http.GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-04-21&to=2026-04-28"));
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        }
        finally { await app.Cluster.StartAgainAsync(); }
    }

    /// <summary>The pool may hold a connection that has not yet noticed the server went away: ask again until 503.</summary>
    private static async Task<HttpResponseMessage> Eventually(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable) return response;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still {(int)response.StatusCode} after 30 s.");
            await Task.Delay(200);
        }
    }
}
