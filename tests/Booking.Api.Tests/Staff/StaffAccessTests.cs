using System.Net;
using System.Net.Http.Json;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Staff;

public sealed class StaffAccessTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Theory]
    [InlineData("GET", "/api/staff/me")]
    [InlineData("GET", "/api/staff/bookings?from=2026-04-21&to=2026-04-22")]
    [InlineData("GET", "/api/config")]
    [InlineData("PUT", "/api/config")]
    public async Task Staff_endpoints_refuse_anonymous_callers_with_401(string method, string path)
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_a_right_one_signs_in()
    {
        var http = app.CreateClient();
        var wrong = await http.PostAsJsonAsync("/api/staff/sign-in", new { userName = "leena", password = "guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var signedIn = await app.SignIn("leena");
        var me = await (await signedIn.GetAsync("/api/staff/me")).Json();
        Assert.Equal("Leena Mäkinen", me["name"].Text());
        Assert.Equal("secretary", me["role"].Text());
    }

    [Fact]
    public async Task Staff_see_which_supervisor_is_booked_and_clients_do_not()
    {
        var booking = await app.CreateClient().Book(BookingClient.Request("2026-04-21T16:00", email: "staffview@example.fi"));
        Assert.Equal(HttpStatusCode.Created, booking.StatusCode);
        Assert.DoesNotContain("Mikael", await booking.Content.ReadAsStringAsync());

        var secretary = await app.SignIn("leena");
        var bookings = await (await secretary.GetAsync("/api/staff/bookings?from=2026-04-21&to=2026-04-21")).JsonArray();
        Assert.Contains(bookings, b => b!["staffName"].Text() == "Mikael Lindqvist" && b["start"].Text() == "2026-04-21T16:00:00");
    }

    [Fact]
    public async Task Only_the_manager_changes_the_configuration_and_a_stale_version_answers_412()
    {
        var secretary = await app.SignIn("leena");
        var read = await secretary.GetAsync("/api/config");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var version = read.Headers.ETag!.Tag;
        var config = await read.Content.ReadAsStringAsync();

        var bySecretary = new HttpRequestMessage(HttpMethod.Put, "/api/config") { Content = new StringContent(config, System.Text.Encoding.UTF8, "application/json") };
        bySecretary.Headers.TryAddWithoutValidation("If-Match", version);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.SendAsync(bySecretary)).StatusCode);

        var manager = await app.SignIn("pekka");
        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/config") { Content = new StringContent(config, System.Text.Encoding.UTF8, "application/json") };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await manager.SendAsync(stale)).StatusCode);

        var fresh = new HttpRequestMessage(HttpMethod.Put, "/api/config") { Content = new StringContent(config, System.Text.Encoding.UTF8, "application/json") };
        fresh.Headers.TryAddWithoutValidation("If-Match", version);
        var saved = await manager.SendAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(version, saved.Headers.ETag!.Tag);
    }

}
