// An account kept from before accounts had streams (its sign-in row alone, as older versions wrote it) cannot be
// changed by the manager until the service starts again; then its stream is opened through the one write path, on
// real PostgreSQL, and the manager disables it like any other.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Configuration;
using Booking.Api.Json;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Booking.Api.Tests.Staff;

public sealed class EarlierAccountsApiTests(EarlierAccountsApiTests.App app) : IClassFixture<EarlierAccountsApiTests.App>
{
    public sealed class App : BookingApp;

    private static readonly Guid Kaisa = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000107");
    private const string Password = "vanha tili ilman virtaa";

    private static async Task<HttpStatusCode> SignIn(HttpClient http) =>
        (await http.PostAsJsonAsync("/api/staff/sign-in", new { userName = "kaisa", password = Password })).StatusCode;

    [Fact]
    public async Task A_sign_in_row_without_a_stream_gets_its_stream_when_the_service_starts_and_the_manager_can_then_disable_it()
    {
        var manager = await app.SignIn("pekka");
        var read = await manager.GetAsync("/api/config");
        var config = (await read.Content.ReadFromJsonAsync<UnitConfiguration>(BookingJson.Options))!;
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/api/config")
        {
            Content = JsonContent.Create(config with { Staff = [.. config.Staff, new StaffMember(Kaisa, "Kaisa Aiempi", StaffRole.ChildSupervisor)] },
                options: BookingJson.Options),
        })
        {
            put.Headers.IfMatch.Add(read.Headers.ETag!);
            Assert.Equal(HttpStatusCode.OK, (await manager.SendAsync(put)).StatusCode);
        }
        var services = app.Factory.Services;
        await using (var session = services.GetRequiredService<IEventStore>().OpenSession(DemoUnitIds.Unit, "test:older-version"))
        {
            session.Store(new StaffCredentials(DemoUnitIds.Unit, Kaisa, "kaisa", services.GetRequiredService<IPasswordHashing>().Hash(Password),
                StaffRoles.Supervisor, true));
            await session.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.NoContent, await SignIn(app.CreateClient()));
        var opened = await app.CountEvents("staff_account_opened");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/api/staff/accounts/{Kaisa}/disable", null)).StatusCode);

        // The service starts again (a second instance on the same database runs the start-up work).
        await using var restarted = app.NewInstance();
        var afterStart = restarted.CreateClient();
        Assert.Equal(opened + 1, await app.CountEvents("staff_account_opened"));
        var pekka = await afterStart.PostAsJsonAsync("/api/staff/sign-in", new { userName = "pekka", password = "pekka-demo-2026" });
        afterStart.DefaultRequestHeaders.Add("Cookie", pekka.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await afterStart.PostAsync($"/api/staff/accounts/{Kaisa}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignIn(restarted.CreateClient()));

        // Another start finds every account with its stream and writes nothing.
        var events = await app.CountEvents();
        await using (var again = app.NewInstance()) again.CreateClient().Dispose();
        Assert.Equal(events, await app.CountEvents());
    }
}
