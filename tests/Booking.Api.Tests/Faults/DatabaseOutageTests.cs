// PostgreSQL stopped hard (pg_ctl stop -m immediate) and started again, with the service left running.
using System.Net;
using Booking.Api.Tests.Appointments;
using Xunit;

namespace Booking.Api.Tests.Faults;

public sealed class DatabaseOutageTests(OutageApp app) : IClassFixture<OutageApp>
{
    [Fact]
    public async Task While_the_database_is_down_requests_get_a_503_problem_that_says_so_and_once_it_is_back_they_work_again()
    {
        var http = app.CreateClient();
        (await http.GetAsync("/health")).EnsureSuccessStatusCode();
        var before = await app.Scalar<long>("select count(*) from es_events");

        await app.Cluster.StopImmediatelyAsync();
        try
        {
            var booking = await http.Book(BookingClient.Request("2026-05-06T14:00", email: "while.down@example.fi"), "while-down");
            var freeTimes = await http.GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-05-06&to=2026-05-06");
            foreach (var response in new[] { booking, freeTimes })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
                var problem = await response.Json();
                Assert.Equal("Service temporarily unavailable", problem["title"].Text());
                Assert.Contains("cannot reach its database", problem["detail"].Text());
            }
            var health = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("unreachable", (await health.Json())["database"].Text());
        }
        finally
        {
            await app.Cluster.StartAgainAsync();
        }

        await Until(async () => (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK, "the service answering healthy again");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-05-06&to=2026-05-06")).StatusCode);
        Assert.Equal(before, await app.Scalar<long>("select count(*) from es_events"));
    }

    private static async Task Until(Func<Task<bool>> condition, string what, Task[]? workers = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (workers?.FirstOrDefault(w => w.IsFaulted) is { } failed) await failed;
            if (workers is not null && workers.All(w => w.IsCompleted)) throw new InvalidOperationException($"The senders stopped before {what}.");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {what} within a minute.");
            await Task.Delay(50);
        }
    }
}
