// Finland leaves summer time on Sunday 2026-10-25 at 04:00 local time (UTC+3 → UTC+2).
using Booking.Testing;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.Appointments;

public sealed class WeekSummerTimeEnds() : BookingApp(Instant.FromUtc(2026, 10, 19, 6, 0));

public sealed class SummerTimeEndsTests(WeekSummerTimeEnds app) : IClassFixture<WeekSummerTimeEnds>
{
    [Fact]
    public async Task Free_times_keep_their_local_clock_times_across_the_change()
    {
        var free = await (await app.CreateClient().GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-10-23&to=2026-10-26")).JsonArray();

        var friday = free.Single(f => f!["start"].Text() == "2026-10-23T08:30:00");
        Assert.Equal("2026-10-23T05:30:00Z", friday!["startsAt"].Text());
        var monday = free.Single(f => f!["start"].Text() == "2026-10-26T08:30:00");
        Assert.Equal("2026-10-26T06:30:00Z", monday!["startsAt"].Text());
        Assert.DoesNotContain(free, f => f!["start"].Text().StartsWith("2026-10-24") || f!["start"].Text().StartsWith("2026-10-25"));
    }

    [Fact]
    public async Task A_booking_after_the_change_is_stored_at_the_right_instant()
    {
        var response = await app.CreateClient().Book(BookingClient.Request("2026-10-26T12:30", email: "dst@example.fi"));
        var body = await response.Json();
        Assert.Equal("2026-10-26T10:30:00Z", body["startsAt"].Text());
        Assert.Equal("2026-10-26T12:30:00", body["start"].Text());
    }
}
