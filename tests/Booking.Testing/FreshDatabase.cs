using Xunit;

namespace Booking.Testing;

/// <summary>An xunit class fixture: each test class gets its own empty database on the shared server.</summary>
public class FreshDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    protected virtual string Prefix => GetType().Name;

    public async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync(Prefix);

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(ConnectionString);
}
