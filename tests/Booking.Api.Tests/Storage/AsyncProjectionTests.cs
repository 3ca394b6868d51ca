// Our SQL read models on Marten's async daemon: every committed event applied once, whatever rolled back around it,
// and a rebuild with Marten's own rebuild gives the same read model.
using Booking.Api.Storage;
using Booking.Domain.EventSourcing;
using Booking.Testing;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Xunit;
using static Booking.Api.Tests.Storage.StoreTestHost;

namespace Booking.Api.Tests.Storage;

public sealed class AsyncProjectionTests(FreshDatabase database) : IClassFixture<FreshDatabase>, IAsyncLifetime
{
    private IHost _host = null!;
    private IEventStore Store => _host.Store();

    public async Task InitializeAsync()
    {
        _host = await BuildWithSchema(database.ConnectionString, s => s
            .AddAsyncProjection<SeenSequencesProjection>()
            .AddAsyncProjection<CounterTotalsProjection>());
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private Task CaughtUp() => _host.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(Deadline);

    [Fact]
    public async Task Given_appends_that_roll_back_among_concurrent_writers_When_the_daemon_catches_up_Then_it_saw_every_committed_event_once()
    {
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var stream = $"busy-{w}-{Guid.NewGuid():N}";
            for (var version = 0L; version < 10; version++)
            {
                await Store.AppendOne(stream, version);
                if (version % 4 == 0)
                    await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendOne(stream, version)); // stale: rolled back
            }
        })).ToList();
        await Task.WhenAll(writers);
        await CaughtUp();

        await AssertSeenExactlyOnceEach();
    }

    [Fact]
    public async Task Given_a_read_model_kept_live_When_Marten_rebuilds_it_Then_it_is_the_same()
    {
        for (var i = 0; i < 5; i++)
        {
            var stream = $"counter-{i}-{Guid.NewGuid():N}";
            for (var v = 0; v < i + 2; v++) await Store.AppendOne(stream, v, by: v + i);
        }
        await CaughtUp();
        const string readModel = "select counter_id || ':' || total || ':' || increments || ':' || last_at from test_counter_totals order by counter_id";
        var live = await Query<string>(database.ConnectionString, readModel);

        var daemon = _host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync(CounterTotalsProjection.ProjectionName, CancellationToken.None);
        await daemon.RebuildProjectionAsync(SeenSequencesProjection.ProjectionName, CancellationToken.None);
        await CaughtUp();

        Assert.NotEmpty(live);
        Assert.Equal(live, await Query<string>(database.ConnectionString, readModel));
        await AssertSeenExactlyOnceEach();
    }

    private async Task AssertSeenExactlyOnceEach()
    {
        var committed = await Query<long>(database.ConnectionString,
            "select seq_id from mt_events where stream_id <> 'mt_tombstone' and type <> 'tombstone' order by seq_id");
        var seen = await Query<long>(database.ConnectionString, "select seq from test_seen order by seq");
        Assert.Equal(committed, seen);
    }
}
