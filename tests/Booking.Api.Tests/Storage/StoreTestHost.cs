// Builds a host around the event store the way the API will, with short timings so tests stay fast.
using Booking.Api.Storage;
using Booking.Domain.EventSourcing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace Booking.Api.Tests.Storage;

public static class StoreTestHost
{
    public static readonly Guid Unit = Guid.Parse("6c1f4a4e-4d7e-4b7a-9d61-6f6f2a1d0001");
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public static IHost Build(string connectionString, Action<BookingStoreBuilder>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 11, 24, 8, 0), Duration.FromSeconds(1)));
        var store = builder.Services.AddBookingStore(connectionString, typeof(StoreTestHost).Assembly)
            .Configure(o =>
            {
                o.LeadershipPollingTime = TimeSpan.FromMilliseconds(200);
                o.MaxReconnectDelay = TimeSpan.FromMilliseconds(500);
            });
        configure?.Invoke(store);
        return builder.Build();
    }

    /// <summary>A host whose schema exists but whose background services do not run (tests drive catch-up themselves).</summary>
    public static async Task<IHost> BuildWithSchema(string connectionString, Action<BookingStoreBuilder>? configure = null)
    {
        var host = Build(connectionString, configure);
        await host.Services.ApplySchemaAsync();
        return host;
    }

    public static IEventStore Store(this IHost host) => host.Services.GetRequiredService<IEventStore>();

    public static async Task<long> AppendOne(this IEventStore store, string streamId, long expectedVersion, int by = 1)
    {
        await using var session = store.OpenSession(Unit, "tester");
        session.Append(streamId, "counter", expectedVersion, [new CounterIncremented(streamId, by, Instant.FromUtc(2026, 11, 24, 8, 0))]);
        await session.SaveChangesAsync();
        var events = await store.ReadStream(Unit, streamId);
        return events[^1].Sequence;
    }

    public static async Task<List<T>> Query<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(reader.GetFieldValue<T>(0));
        return rows;
    }

    /// <summary>Polls a condition until it holds or the deadline passes; no blind sleeps.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }
}
