using Booking.Api.EventStore;
using Booking.Domain.EventSourcing;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Xunit;
using static Booking.Api.Tests.EventStore.StoreTestHost;

namespace Booking.Api.Tests.EventStore;

public sealed class AsyncProjectionTests(FreshDatabase database) : IClassFixture<FreshDatabase>, IAsyncLifetime
{
    private IHost _host = null!;
    private readonly SlowAppendGate _gate = new();
    private IEventStore Store => _host.Store();
    private AsyncProjectionDaemon Daemon => _host.Daemon();

    // The tests of this class share one database and run one after another, so each starts by catching up.
    public async Task InitializeAsync()
    {
        _host = await BuildWithSchema(database.ConnectionString, s =>
        {
            s.Services.AddSingleton(_gate);
            s.AddInlineProjection<SlowAppendProjection>()
                .AddAsyncProjection<SeenSequencesProjection>()
                .AddAsyncProjection<CounterTotalsProjection>();
        });
        await Daemon.CatchUpOnce(SeenSequencesProjection.ProjectionName);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Given_a_rolled_back_append_left_a_gap_When_the_projection_catches_up_Then_it_sees_every_committed_event_once()
    {
        var before = await Store.AppendOne($"gap-a-{Guid.NewGuid():N}", 0);
        var stale = $"gap-c-{Guid.NewGuid():N}";
        await Store.AppendOne(stale, 0);
        await using (var session = Store.OpenSession(Unit, "tester"))
        {
            // "gap-b" sorts before "gap-c": its event takes a sequence number, then the stale stream rolls it all back.
            session.Append($"gap-b-{Guid.NewGuid():N}", "counter", 0, [new CounterIncremented("b", 1, Instant.FromUtc(2026, 11, 24, 8, 0))]);
            session.Append(stale, "counter", 0, [new CounterIncremented(stale, 1, Instant.FromUtc(2026, 11, 24, 8, 0))]);
            await Assert.ThrowsAsync<ConcurrencyException>(() => session.SaveChangesAsync());
        }
        var after = await Store.AppendOne($"gap-d-{Guid.NewGuid():N}", 0);

        await Daemon.CatchUpOnce(SeenSequencesProjection.ProjectionName);
        await Daemon.CatchUpOnce(SeenSequencesProjection.ProjectionName);

        var stored = await Query<long>(database.ConnectionString, $"select seq_id from es_events where seq_id >= {before} order by seq_id");
        Assert.Equal(3, stored.Count);
        Assert.True(after - before + 1 > stored.Count, $"expected a gap between {before} and {after}");
        await AssertSeenExactlyOnceEach();
    }

    [Fact]
    public async Task Given_concurrent_writers_some_failing_When_the_projection_catches_up_while_they_write_Then_nothing_is_skipped_or_repeated()
    {
        using var writing = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var stream = $"busy-{w}-{Guid.NewGuid():N}";
            for (var version = 0L; version < 15; version++)
            {
                await Store.AppendOne(stream, version);
                if (version % 4 == 0)
                    await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendOne(stream, version)); // stale: rolled back
            }
        })).ToList();
        var catchingUp = Task.Run(async () =>
        {
            while (!writers.All(w => w.IsCompleted))
                await Daemon.CatchUpOnce(SeenSequencesProjection.ProjectionName);
        });

        await Task.WhenAll(writers);
        await catchingUp;
        await Daemon.CatchUpOnce(SeenSequencesProjection.ProjectionName);

        await AssertSeenExactlyOnceEach();
    }

    [Fact]
    public async Task Given_a_slow_append_holding_a_lower_sequence_When_a_later_one_commits_first_Then_catch_up_waits_and_sees_both_once()
    {
        var slowStream = $"slow-{Guid.NewGuid():N}";
        var slow = Task.Run(() => Store.AppendOne(slowStream, 0));
        await _gate.Entered.Task.WaitAsync(Deadline); // its sequence number is taken, its transaction is open
        var fastSequence = await Store.AppendOne($"fast-{Guid.NewGuid():N}", 0);

        var catchUp = Daemon.CatchUpOnce(SeenSequencesProjection.ProjectionName);
        await Eventually(async () => (await Query<long>(database.ConnectionString,
            "select count(*) from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())")).Single() > 0,
            "the catch-up waits for the in-flight append");
        Assert.False(catchUp.IsCompleted);
        Assert.Empty(await Query<long>(database.ConnectionString, $"select seq from test_seen where seq = {fastSequence}"));

        _gate.Release.SetResult();
        var slowSequence = await slow;
        await catchUp.WaitAsync(Deadline);
        await Daemon.CatchUpOnce(SeenSequencesProjection.ProjectionName);

        Assert.True(slowSequence < fastSequence);
        var seen = await Query<long>(database.ConnectionString, $"select seq from test_seen where seq in ({slowSequence}, {fastSequence}) order by seq");
        Assert.Equal([slowSequence, fastSequence], seen);
        await AssertSeenExactlyOnceEach();
    }

    [Fact]
    public async Task Given_a_read_model_kept_live_When_it_is_rebuilt_Then_it_is_the_same()
    {
        for (var i = 0; i < 5; i++)
        {
            var stream = $"counter-{i}-{Guid.NewGuid():N}";
            for (var v = 0; v < i + 2; v++)
            {
                await Store.AppendOne(stream, v, by: v + i);
                if (v % 2 == 0) await Daemon.CatchUpOnce(CounterTotalsProjection.ProjectionName); // live, in several steps
            }
        }
        await Daemon.CatchUpOnce(CounterTotalsProjection.ProjectionName);
        const string readModel = "select counter_id || ':' || total || ':' || increments || ':' || last_at from test_counter_totals order by counter_id";
        var live = await Query<string>(database.ConnectionString, readModel);
        var seenLive = await Query<long>(database.ConnectionString, "select seq from test_seen order by seq");

        await Daemon.RebuildAsync(CounterTotalsProjection.ProjectionName);
        await Daemon.RebuildAsync(SeenSequencesProjection.ProjectionName);

        Assert.NotEmpty(live);
        Assert.Equal(live, await Query<string>(database.ConnectionString, readModel));
        var seenRebuilt = await Query<long>(database.ConnectionString, "select seq from test_seen order by seq");
        Assert.True(seenRebuilt.Count >= seenLive.Count);
        await AssertSeenExactlyOnceEach();
    }

    private async Task AssertSeenExactlyOnceEach()
    {
        var checkpoint = await Daemon.CatchUpOnce(SeenSequencesProjection.ProjectionName);
        var committed = await Query<long>(database.ConnectionString, $"select seq_id from es_events where seq_id <= {checkpoint} order by seq_id");
        var seen = await Query<long>(database.ConnectionString, $"select seq from test_seen where seq <= {checkpoint} order by seq");
        Assert.Equal(committed, seen);
    }
}
