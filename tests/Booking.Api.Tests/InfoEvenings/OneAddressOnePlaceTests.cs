// The same person registering twice for one evening: an outside tester took every seat with one address. One normalised
// address is one registrant, across concurrent requests too (the domain's lookup first, the unique index behind it).
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.InfoEvenings;

public sealed class OneAddressApp : BookingApp;

public sealed class OneAddressOnePlaceTests(OneAddressApp app) : IClassFixture<OneAddressApp>
{
    [Fact]
    public async Task Twenty_simultaneous_registrations_from_one_address_get_exactly_one_place_and_409_already_registered_for_the_rest()
    {
        var eveningId = await app.Schedule(capacity: 30, title: "Yksi osoite");
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(1, 20).Select(async n =>
        {
            using var http = app.CreateClient();
            await start.WaitAsync();
            // The same address however it is typed.
            var email = n % 2 == 0 ? "sama.vanhempi@example.fi" : " Sama.Vanhempi@EXAMPLE.fi ";
            return await http.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations",
                new { client = new { name = $"Sama vanhempi {n}", email, phone = "", language = "fi" }, seats = 2 });
        }).ToList();
        start.Release(20);
        var responses = await Task.WhenAll(requests);

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal("already_registered", (await refused[0].Json())["code"].Text());

        var evening = await (await app.CreateClient().GetAsync($"/api/evenings/{eveningId}")).Json();
        Assert.Equal(28, evening["seatsFree"]!.GetValue<int>());
        Assert.Equal(1L, await app.CountRows($"evening_registrants where evening_id = '{eveningId}'"));
    }

    [Fact]
    public async Task Another_address_still_registers_and_the_email_is_not_kept_in_the_registrant_index()
    {
        var eveningId = await app.Schedule(capacity: 5, title: "Kaksi osoitetta");
        var http = app.CreateClient();
        var first = await http.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations", EveningClient.Registration(901));
        var second = await http.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations", EveningClient.Registration(902));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(0L, await app.CountRows("evening_registrants where email_hash like '%@%'"));
    }
}
