using System.Net;
using Microsoft.AspNetCore.Hosting;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests;

public sealed class HostTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task The_health_endpoint_reports_the_database_up()
    {
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"up\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_booking_endpoints_with_their_shapes()
    {
        var document = await (await app.CreateClient().GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync();
        Assert.Contains("/api/bookings", document);
        Assert.Contains("/api/free-times", document);
        Assert.Contains("BookingRequestDto", document);
        Assert.Contains("BookingDto", document);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await app.CreateClient().GetAsync("/api/appointment-types");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_public_list_of_meeting_types_has_only_online_bookable_ones_in_three_languages()
    {
        var types = await (await app.CreateClient().GetAsync("/api/appointment-types")).Content.ReadAsStringAsync();
        Assert.Contains("\"advice\"", types);
        Assert.Contains("Rådgivning", types);
        Assert.Contains("Neuvonta", types);
        Assert.DoesNotContain("pair-meeting", types);
    }
}

/// <summary>The service with a public limit of two requests a minute per address.</summary>
public sealed class RateLimitedApp : BookingApp
{
    protected override void ConfigureHost(IWebHostBuilder host) => host.UseSetting("RateLimits:PublicPerMinute", "2");
}

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task The_request_over_the_limit_gets_a_429_problem_that_says_to_wait()
    {
        var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/appointment-types")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/appointment-types")).StatusCode);

        var refused = await http.GetAsync("/api/appointment-types");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("wait a minute", await refused.Content.ReadAsStringAsync());
    }
}
