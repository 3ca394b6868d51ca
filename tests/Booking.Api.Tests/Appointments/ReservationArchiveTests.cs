// Finished days leave the hot reservations table (which every free-times search and every booking's exclusion check
// reads), and are still there for whoever looks back at them.
using System.Net;
using Booking.Api.Appointments;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.Appointments;

public sealed class ReservationArchiveApp : BookingApp;

public sealed class ReservationArchiveTests(ReservationArchiveApp app) : IClassFixture<ReservationArchiveApp>
{
    [Fact]
    public async Task Given_a_meeting_whose_day_is_over_When_the_archive_runs_Then_it_leaves_the_hot_table_and_is_still_read_for_that_day()
    {
        using var http = app.CreateClient();
        var booked = await http.Book(BookingClient.Request("2026-04-21T09:00", email: "archived@example.fi"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var later = await http.Book(BookingClient.Request("2026-05-05T09:00", email: "later@example.fi"));
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);

        app.Clock.Advance(Duration.FromDays(5));
        var moved = await app.Factory.Services.GetRequiredService<StaffReservationsArchive>().RunOnce(CancellationToken.None);

        Assert.Equal(1, moved);
        Assert.Equal(1L, await app.CountRows("staff_reservations"));
        Assert.Equal(1L, await app.CountRows("staff_reservations_past"));
        var unit = app.Factory.Services.GetRequiredService<CurrentUnit>().UnitId;
        var reservations = app.Factory.Services.GetRequiredService<IReservations>();
        var thatDay = await reservations.Between(unit, Instant.FromUtc(2026, 4, 20, 21, 0), Instant.FromUtc(2026, 4, 21, 21, 0));
        Assert.Single(thatDay);
        Assert.Single(await reservations.Between(unit, Instant.FromUtc(2026, 5, 4, 21, 0), Instant.FromUtc(2026, 5, 5, 21, 0)));

        // Running again moves nothing twice.
        Assert.Equal(0, await app.Factory.Services.GetRequiredService<StaffReservationsArchive>().RunOnce(CancellationToken.None));
    }
}
