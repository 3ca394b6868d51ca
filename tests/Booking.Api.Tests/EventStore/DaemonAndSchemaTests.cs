using Booking.Api.EventStore;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using static Booking.Api.Tests.EventStore.StoreTestHost;

namespace Booking.Api.Tests.EventStore;

public sealed class DaemonAndSchemaTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    private static void WithProjections(EventStoreBuilder store) => store
        .AddInlineProjection<TestStaffBookingsProjection>()
        .AddAsyncProjection<SeenSequencesProjection>()
        .AddDocumentWriter<TestContact, TestContactWriter>();

    [Fact]
    public async Task Schema_creation_runs_twice_and_from_two_instances_at_once_without_error()
    {
        using var first = Build(database.ConnectionString, WithProjections);
        using var second = Build(database.ConnectionString, WithProjections);

        await Task.WhenAll(
            first.Services.GetRequiredService<EventStoreSchema>().EnsureCreatedAsync(),
            second.Services.GetRequiredService<EventStoreSchema>().EnsureCreatedAsync());
        await first.Services.GetRequiredService<EventStoreSchema>().EnsureCreatedAsync();

        var tables = await Query<string>(database.ConnectionString,
            "select table_name::text from information_schema.tables where table_name like 'es\\_%' or table_name like 'test\\_%' order by 1");
        Assert.Equal(["es_events", "es_progress", "es_streams", "test_contacts", "test_seen", "test_staff_bookings"], tables);
    }

    [Fact]
    public async Task Given_two_instances_When_both_run_the_daemon_Then_only_one_runs_a_projection_and_the_other_takes_over_when_it_stops()
    {
        var first = Build(database.ConnectionString, WithProjections);
        var second = Build(database.ConnectionString, WithProjections);
        try
        {
            await first.StartAsync();
            await Eventually(() => Task.FromResult(first.Daemon().IsLeader(SeenSequencesProjection.ProjectionName)), "the first instance leads");
            await second.StartAsync();
            var attemptsBefore = second.Daemon().LockAttempts(SeenSequencesProjection.ProjectionName);
            await Eventually(() =>
            {
                Assert.False(first.Daemon().IsLeader(SeenSequencesProjection.ProjectionName) && second.Daemon().IsLeader(SeenSequencesProjection.ProjectionName));
                return Task.FromResult(second.Daemon().LockAttempts(SeenSequencesProjection.ProjectionName) >= attemptsBefore + 3);
            }, "the second instance has tried to take the lock three times");
            Assert.False(second.Daemon().IsLeader(SeenSequencesProjection.ProjectionName));

            var sequence = await first.Store().AppendOne($"led-{Guid.NewGuid():N}", 0);
            await first.Daemon().WaitForCatchUp(SeenSequencesProjection.ProjectionName, sequence, Deadline);

            await first.StopAsync();
            first.Dispose();
            await Eventually(() => Task.FromResult(second.Daemon().IsLeader(SeenSequencesProjection.ProjectionName)), "the second instance takes over");

            var later = await second.Store().AppendOne($"led-{Guid.NewGuid():N}", 0);
            await second.Daemon().WaitForCatchUp(SeenSequencesProjection.ProjectionName, later, Deadline);
            var seen = await Query<long>(database.ConnectionString, "select seq from test_seen order by seq");
            Assert.Equal(seen.Distinct(), seen);
            Assert.Contains(sequence, seen);
            Assert.Contains(later, seen);
        }
        finally
        {
            await second.StopAsync();
            second.Dispose();
            first.Dispose();
        }
    }
}
