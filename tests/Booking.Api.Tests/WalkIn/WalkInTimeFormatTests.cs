// Times in the walk-in API are whole seconds: a clock reading with ticks (the real clock always has them) never shows
// as "08:11:00.875161".
using System.Net.Http.Json;
using Booking.Api.Tests.Appointments;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.WalkIn;

public sealed class WalkInTimeFormatTests(WalkInOpening app) : IClassFixture<WalkInOpening>
{
    [Fact]
    public async Task The_ticket_s_estimated_start_and_the_queue_s_times_carry_no_fractional_seconds()
    {
        app.Clock.Reset(Instant.FromUtc(2026, 4, 23, 5, 11).PlusTicks(8_751_610));
        var kiosk = app.CreateClient();
        var ticket = await (await kiosk.PostAsJsonAsync("/api/walk-in/tickets", new { matter = "advice", language = "fi" })).Json();
        Assert.Equal("08:11:00", ticket["estimatedStart"].Text());

        var staff = await app.SignIn("aino");
        var queue = await staff.GetStringAsync("/api/walk-in/queue");
        Assert.DoesNotMatch(@"\d\d:\d\d:\d\d\.\d", queue);
    }
}
