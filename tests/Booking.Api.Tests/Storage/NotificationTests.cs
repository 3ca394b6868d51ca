using Booking.Api.Storage;
using Booking.Domain.EventSourcing;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Booking.Api.Tests.Storage.StoreTestHost;

namespace Booking.Api.Tests.Storage;

public sealed class NotificationTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Fact]
    public async Task Given_a_listener_When_one_append_rolls_back_and_one_commits_Then_only_the_commit_is_notified()
    {
        using var host = Build(database.ConnectionString);
        await host.StartAsync();
        var notifications = host.Services.GetRequiredService<StoreNotifications>();
        await notifications.Listening.WaitAsync(Deadline);
        using var stop = new CancellationTokenSource(Deadline);
        await using var listener = notifications.Listen(stop.Token).GetAsyncEnumerator(stop.Token);
        var first = listener.MoveNextAsync().AsTask(); // subscribes now, before anything is written

        var stream = $"notified-{Guid.NewGuid():N}";
        await host.Store().AppendOne(stream, 0);
        var sequenceBeforeRollback = (await host.Store().ReadStream(Unit, stream))[^1].Sequence;
        await Assert.ThrowsAsync<ConcurrencyException>(() => host.Store().AppendOne(stream, 0));
        var committed = await host.Store().AppendOne(stream, 1);

        Assert.True(await first);
        Assert.Equal((Unit, sequenceBeforeRollback, false), (listener.Current.UnitId, listener.Current.LastSequence, listener.Current.Resync));
        Assert.Equal(["counter"], listener.Current.StreamTypes);
        Assert.True(await listener.MoveNextAsync());
        Assert.Equal(committed, listener.Current.LastSequence); // the rolled-back append sent nothing in between
        Assert.False(listener.Current.Resync);
        await host.StopAsync();
    }
}
