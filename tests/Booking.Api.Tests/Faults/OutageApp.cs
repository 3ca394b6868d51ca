// The service on a PostgreSQL cluster of its own, so that a test can stop it hard and start it again without touching
// the shared server every other test class uses. Its emails go to a pickup folder deleted with the cluster.
using Booking.Testing;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Booking.Api.Tests.Faults;

public sealed class OutageApp : BookingApp
{
    private string _pickup = "";

    public OwnPostgresCluster Cluster { get; } = new();

    public string PickupFolder => _pickup;

    protected override async Task<string> CreateDatabaseAsync()
    {
        await Cluster.StartAsync();
        _pickup = Cluster.Folder("pickup");
        return Cluster.ConnectionString;
    }

    protected override async Task DropDatabaseAsync() => await Cluster.DisposeAsync();

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Smtp:PickupDirectory", _pickup);
        host.UseSetting("Email:PollIntervalSeconds", "0.2");
        host.UseSetting("Email:LockRetrySeconds", "0.5");
    }

    public async Task<List<T>> Query<T>(string sql)
    {
        // Unpooled: a pooled connection from before an outage would be dead.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(reader.GetFieldValue<T>(0));
        return rows;
    }

    public async Task<T> Scalar<T>(string sql) => (await Query<T>(sql)).Single();
}
