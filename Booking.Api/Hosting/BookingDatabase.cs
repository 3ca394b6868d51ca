// Where the database comes from: a configured server, or (the embedded default) a local cluster started from the
// installed PostgreSQL binaries and stopped with the service.
using Booking.Api.Database;
using Booking.Api.Storage;

namespace Booking.Api.Hosting;

public static class BookingDatabase
{
    public static async Task<string> AddBookingDatabase(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("Booking");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var dataDirectory = builder.Configuration["Database:DataDirectory"] ?? EmbeddedPostgres.DefaultDataDirectory();
        var port = builder.Configuration.GetValue<int?>("Database:Port");
        EmbeddedPostgres server;
        try
        {
            server = new EmbeddedPostgres();
            await server.StartAsync(dataDirectory, port);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"Cannot start the embedded PostgreSQL: {e.Message}");
            Environment.Exit(1);
            throw;
        }
        Console.WriteLine($"Embedded PostgreSQL is running from {dataDirectory}.");
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        return server.ConnectionString;
    }

    /// <summary>Creates or upgrades the schema and seeds the demo unit, before the app takes requests.</summary>
    public static async Task PrepareDatabase(this WebApplication app)
    {
        if (app.Services.GetRequiredService<BookingStoreOptions>().ApplySchemaOnStart)
            await app.Services.ApplySchemaAsync();
        var imported = await OldStoreImport.RunAsync(app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), CancellationToken.None);
        if (imported > 0) app.Logger.LogInformation("Copied {Count} events of the store before Marten into Marten's tables", imported);
        var filled = await app.Services.GetRequiredService<Figures.UnitReportFacts>().FillMissingSums(CancellationToken.None);
        if (filled > 0) app.Logger.LogInformation("Summed the report figures of {Count} unit(s) kept by an earlier version", filled);
        await app.Services.GetRequiredService<Configuration.DemoUnit>().SeedIfEmpty(CancellationToken.None);
    }

    /// <summary>Stops the embedded cluster when the service stops.</summary>
    private sealed class EmbeddedPostgresLifetime(EmbeddedPostgres server) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public async Task StopAsync(CancellationToken cancellationToken) => await server.StopAsync();
    }
}
