// The real service on a fresh database, with a fake clock so that dates (a holiday, the week summer time ends) are
// within reach. Each test class gets its own: class fixtures derive from this and pick their "now".
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Xunit;

namespace Booking.Testing;

public class BookingApp : IAsyncLifetime
{
    /// <summary>Monday 2026-04-20 09:00 in Helsinki: Ascension Day (Thursday 2026-05-14) is within the 8-week horizon.</summary>
    public static readonly Instant DefaultNow = Instant.FromUtc(2026, 4, 20, 6, 0);

    public FakeClock Clock { get; }
    public string ConnectionString { get; private set; } = "";
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public BookingApp() : this(DefaultNow) { }

    protected BookingApp(Instant now) => Clock = new FakeClock(now);

    /// <summary>Starts a real Kestrel server on a loopback port (for browser tests) instead of the in-memory one.</summary>
    protected virtual bool UseKestrel => false;

    /// <summary>The application name of the first instance's database connections (pg_stat_activity), if it needs one.</summary>
    protected virtual string? ApplicationName => null;

    /// <summary>The address of the real server (with <see cref="UseKestrel"/>), for a browser.</summary>
    public Uri ServerAddress => AddressOf(Factory);

    /// <summary>The loopback address of an instance started with UseKestrel and StartServer.</summary>
    public static Uri AddressOf(WebApplicationFactory<Program> instance) =>
        new(instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "127.0.0.1").Replace("localhost", "127.0.0.1"));

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        var factory = NewInstance(ApplicationName);
        if (UseKestrel)
        {
            factory.UseKestrel(0);
            factory.StartServer();
        }
        Factory = factory;
        using var warmUp = CreateClient();
        (await warmUp.GetAsync("/health")).EnsureSuccessStatusCode();
    }

    /// <summary>The fixture's empty database (on the shared test server unless a fixture brings its own); returns its connection string.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync(GetType().Name);

    protected virtual Task DropDatabaseAsync() => PostgresServer.DropDatabaseAsync(ConnectionString);

    /// <summary>Another instance of the service on the same database, the way the unit scales out. The caller disposes it.
    /// An application name tells its connections apart from other instances' in pg_stat_activity.</summary>
    public WebApplicationFactory<Program> NewInstance(string? applicationName = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:Booking", applicationName is null
                ? ConnectionString
                : new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = applicationName }.ConnectionString);
            host.UseSetting("RateLimits:PublicPerMinute", "1000000");
            host.UseSetting("RateLimits:BookingsPerMinute", "1000000");
            host.UseSetting("RateLimits:KioskPerMinute", "1000000");
            host.ConfigureServices(services => services.AddSingleton<IClock>(Clock));
            // Emails of tests without an SMTP server go to a throwaway pickup folder, not into the source tree.
            host.UseSetting("Smtp:PickupDirectory", Path.Combine(Path.GetTempPath(), "booking-tests-pickup", GetType().Name));
            ConfigureHost(host);
            // A free loopback port, so that several test classes can each run a real server at once.
            if (UseKestrel) host.UseUrls("http://127.0.0.1:0");
        });

    /// <summary>More settings or services for a fixture's instances (every instance, NewInstance included).</summary>
    protected virtual void ConfigureHost(IWebHostBuilder host) { }

    public HttpClient CreateClient() => UseKestrel
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = ServerAddress }
        : Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as a demo staff member (password "{user}-demo-2026"), carrying the auth cookie.</summary>
    public async Task<HttpClient> SignIn(string user)
    {
        var http = CreateClient();
        var response = await http.PostAsJsonAsync("/api/staff/sign-in", new { userName = user, password = $"{user}-demo-2026" });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        http.DefaultRequestHeaders.Add("Cookie", response.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
        return http;
    }

    public async Task<long> CountEvents(string? type = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            type is null ? "select count(*) from mt_events" : "select count(*) from mt_events where type = $1", connection);
        if (type is not null) command.Parameters.Add(new NpgsqlParameter { Value = type });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> CountRows(string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await DropDatabaseAsync();
    }
}
