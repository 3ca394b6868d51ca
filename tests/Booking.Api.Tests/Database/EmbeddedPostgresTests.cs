using Booking.Api.Database;
using Booking.Api.Storage;
using Booking.Api.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Database;

public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine("/tmp", $"booking-embedded-{Guid.NewGuid():N}"[..32]);
    private string Data => Path.Combine(_root, "pgdata");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Given_a_cluster_that_was_stopped_When_it_starts_again_Then_it_keeps_its_data_port_and_password_and_screens_are_told_to_resync()
    {
        await using var server = new EmbeddedPostgres { ServerSettings = { ["fsync"] = "off" } };
        await server.StartAsync(Data);
        var firstConnectionString = server.ConnectionString;
        await Execute(server.ConnectionString, "create table kept (id int); insert into kept values (42)");

        using var host = StoreTestHost.Build(server.ConnectionString);
        await host.StartAsync();
        var notifications = host.Services.GetRequiredService<StoreNotifications>();
        await notifications.Listening.WaitAsync(StoreTestHost.Deadline);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var listener = notifications.Listen(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = listener.MoveNextAsync().AsTask();

        await server.StopAsync();
        await using var again = new EmbeddedPostgres();
        await again.StartAsync(Data);

        Assert.Equal(firstConnectionString, again.ConnectionString);
        Assert.Equal(42, await Scalar(again.ConnectionString, "select id from kept"));
        Assert.True(await next);
        Assert.True(listener.Current.Resync);
        Assert.True(File.Exists(Data + ".password"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Data + ".password"));
        await host.StopAsync();
    }

    [Fact]
    public async Task Given_a_cluster_left_running_When_started_again_Then_it_is_reused()
    {
        var first = new EmbeddedPostgres();
        await first.StartAsync(Data); // not stopped: as if the previous run crashed
        await using var second = new EmbeddedPostgres();
        await second.StartAsync(Data);

        Assert.Equal(first.Port, second.Port);
        Assert.Equal(1, await Scalar(await second.CreateDatabaseAsync("other"), "select 1"));
        await second.StopAsync();
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
