// Marten, configured in one place: string stream keys, the unit as conjoined tenant, stable event names, our tables as
// schema objects, the SQL read models as inline or async projections, and the async daemon in hot/cold mode (one
// instance runs each projection; another takes over when it stops).
using System.Reflection;
using Booking.Api.Json;
using Booking.Domain.EventSourcing;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Weasel.Core;

namespace Booking.Api.Storage;

/// <summary>Timings of the store's background work; tests shorten them.</summary>
public sealed class BookingStoreOptions
{
    /// <summary>Create or upgrade the schema when the service starts (otherwise: `dotnet Booking.Api.dll db-apply`).</summary>
    public bool ApplySchemaOnStart { get; set; } = true;

    /// <summary>How often an instance that runs no projections checks whether it should take them over.</summary>
    public TimeSpan LeadershipPollingTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest wait between reconnect attempts of the LISTEN connection.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}

public static class BookingStore
{
    /// <summary>The advisory lock of Marten's async daemon: the instance holding it runs every asynchronous projection.</summary>
    public const int DaemonLockId = 0x626B6E67; // "bkng"

    public static BookingStoreBuilder AddBookingStore(this IServiceCollection services, string connectionString, params Assembly[] eventAssemblies)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        // Built now, so a duplicate event name stops the start-up instead of the first request.
        var registry = new EventTypeRegistry(eventAssemblies);
        var options = new BookingStoreOptions();
        var builder = new BookingStoreBuilder(services, options);

        services.AddLogging();
        // NodaTime types bind and read as they are (Instant for timestamptz, LocalDate for date, Interval for tstzrange).
        services.TryAddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).UseNodaTime().Build());
        services.AddSingleton(options);
        services.AddSingleton(registry);
        services.AddSingleton<MartenEventStore>();
        services.AddSingleton<Booking.Domain.EventSourcing.IEventStore>(sp => sp.GetRequiredService<MartenEventStore>());
        services.AddSingleton<StoreNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreNotifications>());

        services.AddMarten(sp => Configure(sp, registry, options, builder))
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.HotCold);
        return builder;
    }

    private static StoreOptions Configure(IServiceProvider services, EventTypeRegistry registry, BookingStoreOptions options, BookingStoreBuilder builder)
    {
        var marten = new StoreOptions();
        marten.Connection(services.GetRequiredService<NpgsqlDataSource>());
        // Without the schema applied at start-up, the service changes no table at run time either.
        marten.AutoCreateSchemaObjects = options.ApplySchemaOnStart ? AutoCreate.CreateOrUpdate : AutoCreate.None;
        marten.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, BookingJson.Configure);

        marten.Events.StreamIdentity = StreamIdentity.AsString;
        marten.Events.TenancyStyle = TenancyStyle.Conjoined;
        // One function call per stream: the events are numbered and the expected version checked in the database.
        marten.Events.AppendMode = EventAppendMode.Quick;
        marten.Policies.AllDocumentsAreMultiTenanted();
        marten.Events.MetadataConfig.UserNameEnabled = true;
        foreach (var (name, type) in registry.Events)
            marten.Events.MapEventType(type, name);

        marten.Projections.DaemonLockId = DaemonLockId;
        marten.Projections.LeadershipPollingTime = (int)options.LeadershipPollingTime.TotalMilliseconds;
        // A gap in the event numbers is skipped by the async daemon once it is this old, so a write whose transaction
        // stayed open longer than that after numbering its events would be passed over by the email outbox and the
        // figures. Marten's default is 3 s; a booking's transaction takes milliseconds (p99 well under a second in the
        // bench), 10 s leaves room for a machine under heavy load. The cost: a gap left by a rolled-back write (a lost
        // race caught by a unique or exclusion guard) delays the asynchronous projections by up to that much.
        marten.Projections.StaleSequenceThreshold = TimeSpan.FromSeconds(10);
        foreach (var type in builder.InlineProjections)
            marten.Projections.Add(new SqlProjection(sp => ((IInlineProjection)sp.GetRequiredService(type)).Apply, null, services),
                ProjectionLifecycle.Inline, type.Name);
        // The name is the one in Marten's progress table and in its rebuild command.
        foreach (var projection in builder.AsyncProjections.Select(t => (IAsyncProjection)services.GetRequiredService(t)))
            marten.Projections.Add(new SqlProjection(_ => projection.Apply, projection.Reset, services), ProjectionLifecycle.Async, projection.Name);

        marten.Storage.ExtendedSchemaObjects.Add(new Weasel.Postgresql.Extension("btree_gist"));
        foreach (var part in builder.SchemaScripts(services))
            marten.Storage.ExtendedSchemaObjects.Add(new SqlTables(part));
        return marten;
    }

    /// <summary>Creates or upgrades Marten's tables and ours (under Marten's migration lock, so instances may start together).</summary>
    public static Task ApplySchemaAsync(this IServiceProvider services) =>
        services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
}

public sealed class BookingStoreBuilder(IServiceCollection services, BookingStoreOptions options)
{
    internal List<Type> InlineProjections { get; } = [];
    internal List<Type> AsyncProjections { get; } = [];
    private readonly List<Type> _documentWriters = [];

    public IServiceCollection Services { get; } = services;

    public BookingStoreBuilder Configure(Action<BookingStoreOptions> configure)
    {
        configure(options);
        return this;
    }

    public BookingStoreBuilder AddInlineProjection<T>() where T : class, IInlineProjection
    {
        Services.TryAddSingleton<T>();
        Services.AddSingleton<IInlineProjection>(sp => sp.GetRequiredService<T>());
        InlineProjections.Add(typeof(T));
        return this;
    }

    public BookingStoreBuilder AddAsyncProjection<T>() where T : class, IAsyncProjection
    {
        Services.TryAddSingleton<T>();
        Services.AddSingleton<IAsyncProjection>(sp => sp.GetRequiredService<T>());
        AsyncProjections.Add(typeof(T));
        return this;
    }

    public BookingStoreBuilder AddDocumentWriter<TDocument, TWriter>()
        where TDocument : class
        where TWriter : class, IDocumentWriter<TDocument>
    {
        Services.AddSingleton<IDocumentWriter<TDocument>, TWriter>();
        _documentWriters.Add(typeof(IDocumentWriter<TDocument>));
        return this;
    }

    internal IEnumerable<string> SchemaScripts(IServiceProvider services) =>
        InlineProjections.Select(t => ((IInlineProjection)services.GetRequiredService(t)).SchemaSql)
            .Concat(AsyncProjections.Select(t => ((IAsyncProjection)services.GetRequiredService(t)).SchemaSql))
            .Concat(_documentWriters.Select(t => services.GetRequiredService(t)).Select(w => (string)w.GetType().GetProperty("SchemaSql")!.GetValue(w)!))
            .Concat(services.GetServices<SchemaPart>().Select(p => p.Sql))
            .Where(sql => !string.IsNullOrWhiteSpace(sql));
}

/// <summary>Runs one of our SQL read models as a Marten projection: its writes join the transaction Marten commits
/// (the append's for an inline one, the daemon's with its progress for an async one). An async read model is emptied
/// in the transaction of the batch that starts at the store's first event: that is where Marten's rebuild (its
/// `projections --rebuild` command or the daemon's RebuildProjectionAsync) starts, so a rebuild never counts twice.</summary>
internal sealed class SqlProjection(
    Func<IServiceProvider, Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<EventEnvelope>, CancellationToken, Task>> resolve,
    Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>? reset,
    IServiceProvider services) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return Task.CompletedTask;
        if (operations is not ITransactionParticipantRegistrar registrar)
            throw new InvalidOperationException($"Marten gave the projection a {operations.GetType().Name}, which cannot join its transaction.");
        registrar.AddTransactionParticipant(new Participant(resolve(services), reset, events));
        return Task.CompletedTask;
    }

    // The envelopes are made at commit time: by then Marten has given every event its sequence and version.
    private sealed class Participant(
        Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<EventEnvelope>, CancellationToken, Task> apply,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>? reset,
        IReadOnlyList<IEvent> events) : ITransactionParticipant
    {
        public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
        {
            if (reset is not null && await StartsAtTheFirstEvent(connection, transaction, events[0].Sequence, token))
                await reset(connection, transaction, token);
            await apply(connection, transaction, [.. events.Select(MartenEventStore.Envelope)], token);
        }

        public Task AfterCommitAsync(CancellationToken token) => Task.CompletedTask;

        private static async Task<bool> StartsAtTheFirstEvent(NpgsqlConnection connection, NpgsqlTransaction transaction, long first, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(
                "select not exists (select 1 from mt_events where seq_id < $1 and type <> 'tombstone' and stream_id <> 'mt_tombstone')",
                connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = first });
            return (bool)(await command.ExecuteScalarAsync(ct))!;
        }
    }
}
