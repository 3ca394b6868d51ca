// Two guards against double booking: the staff-day stream's version and the exclusion constraint.
using System.Net;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Appointments;

public sealed class ConcurrentBookingTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task Two_hundred_parents_asking_for_the_same_time_at_once_get_one_booking_and_199_conflicts()
    {
        // Tuesday 2026-04-21 17:00 lies in Mikael's evening block: he is the only one who can take it.
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            using var http = app.CreateClient();
            await start.WaitAsync();
            return await http.Book(BookingClient.Request("2026-04-21T17:00", email: $"parent{i}@example.fi"));
        }).ToList();
        start.Release(200);
        var responses = await Task.WhenAll(requests);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(199, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1L, await app.CountEvents("appointment_booked"));
        Assert.Equal(1L, await app.CountEvents("slot_reserved"));
        Assert.Equal(1L, await app.CountRows("client_contacts"));

        var conflict = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Json();
        Assert.Equal("slot_taken", conflict["code"].Text());
        var next = conflict["nextFreeTimes"]!.AsArray();
        Assert.NotEmpty(next);
        Assert.All(next, f => Assert.True(string.CompareOrdinal(f!["start"].Text(), "2026-04-21T17:00:00") > 0));
    }
}

// Its own database: the count of bookings above must see only its own.
public sealed class ConcurrentDistinctBookingTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task Eighty_parents_asking_for_eighty_different_free_times_at_once_all_get_their_time()
    {
        // The first eighty free times: advice takes one 30-minute step, so no two of them compete for one supervisor's
        // time, and they crowd onto a few days, where simultaneous impartial choices meet on the same supervisors' days.
        var free = await (await app.CreateClient().GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-04-22&to=2026-05-20"))
            .JsonArray();
        var times = free.Select(f => f!["start"].Text()[..16]).Distinct().Order(StringComparer.Ordinal).Take(80).ToList();
        Assert.Equal(80, times.Count);
        var before = await app.CountEvents("appointment_booked");

        using var go = new SemaphoreSlim(0);
        var requests = times.Select(async (time, i) =>
        {
            using var http = app.CreateClient();
            await go.WaitAsync();
            var response = await http.Book(BookingClient.Request(time, email: $"parent80.{i}@example.fi"));
            return (time, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        go.Release(times.Count);
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, $"{(int)a.StatusCode} for {a.time}: {a.Body}"));
        Assert.Equal(before + 80, await app.CountEvents("appointment_booked"));
    }
}
