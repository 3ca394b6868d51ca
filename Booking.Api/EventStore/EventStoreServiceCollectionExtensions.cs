// One call wires the event store into a host: data source, store, registry, schema, daemon and notifications.
using System.Reflection;
using Booking.Domain.EventSourcing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Npgsql;

namespace Booking.Api.EventStore;

public static class EventStoreServiceCollectionExtensions
{
    public static EventStoreBuilder AddEventStore(this IServiceCollection services, string connectionString, params Assembly[] eventAssemblies)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        // Built now, so a duplicate event name stops the start-up instead of the first request.
        var registry = new EventTypeRegistry(eventAssemblies);
        var options = new EventStoreOptions();

        services.AddLogging();
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(registry);
        services.AddSingleton(options);
        services.AddSingleton<PostgresEventStore>();
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<PostgresEventStore>());
        services.AddSingleton<EventStoreSchema>();
        services.AddSingleton<StoreNotifications>();
        services.AddSingleton<AsyncProjectionDaemon>();
        // Order matters: the schema exists before the listener and the daemon start.
        services.AddHostedService<EventStoreSchemaInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreNotifications>());
        services.AddHostedService(sp => sp.GetRequiredService<AsyncProjectionDaemon>());
        return new EventStoreBuilder(services, options);
    }
}

public sealed class EventStoreBuilder(IServiceCollection services, EventStoreOptions options)
{
    public IServiceCollection Services { get; } = services;

    public EventStoreBuilder Configure(Action<EventStoreOptions> configure)
    {
        configure(options);
        return this;
    }

    public EventStoreBuilder AddInlineProjection<T>() where T : class, IInlineProjection
    {
        Services.AddSingleton<IInlineProjection, T>();
        return this;
    }

    public EventStoreBuilder AddAsyncProjection<T>() where T : class, IAsyncProjection
    {
        Services.AddSingleton<IAsyncProjection, T>();
        return this;
    }

    public EventStoreBuilder AddDocumentWriter<TDocument, TWriter>()
        where TDocument : class
        where TWriter : class, IDocumentWriter<TDocument>
    {
        Services.AddSingleton<IDocumentWriter<TDocument>, TWriter>();
        Services.AddSingleton(sp => new SchemaPart(sp.GetRequiredService<IDocumentWriter<TDocument>>().SchemaSql));
        return this;
    }
}

internal sealed class EventStoreSchemaInitializer(EventStoreSchema schema, EventStoreOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.CreateSchemaOnStart ? schema.EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
