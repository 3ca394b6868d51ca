// A unit that ran the service before Marten keeps its history: the old store's events are copied into Marten's tables
// once, with their versions and sequence numbers, and writing goes on from there.
using Booking.Api.Storage;
using Booking.Domain.EventSourcing;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit;
using static Booking.Api.Tests.Storage.StoreTestHost;

namespace Booking.Api.Tests.Storage;

public sealed class OldStoreImportTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Fact]
    public async Task Given_events_in_the_old_store_When_the_service_first_starts_on_Marten_Then_they_are_read_and_appended_after_once()
    {
        await Query<int>(database.ConnectionString, $$"""
            create table es_streams (unit_id uuid not null, stream_id text not null, stream_type text not null, version bigint not null,
                                     created_at timestamptz not null default now(), primary key (unit_id, stream_id));
            create table es_events (seq_id bigserial primary key, unit_id uuid not null, stream_id text not null, stream_type text not null,
                                    version bigint not null, type text not null, data jsonb not null, timestamp timestamptz not null, caused_by text not null);
            create table es_progress (name text primary key, last_seq_id bigint not null default 0, updated_at timestamptz not null default now());
            insert into es_streams values ('{{Unit}}', 'counter-old', 'counter', 2, now());
            insert into es_events (unit_id, stream_id, stream_type, version, type, data, timestamp, caused_by) values
              ('{{Unit}}', 'counter-old', 'counter', 1, 'test_counter_incremented', '{"counterId":"counter-old","by":2,"incrementedAt":"2026-11-24T08:00:00Z"}', now(), 'tester'),
              ('{{Unit}}', 'counter-old', 'counter', 2, 'test_counter_incremented', '{"counterId":"counter-old","by":3,"incrementedAt":"2026-11-24T08:00:00Z"}', now(), 'tester');
            insert into es_progress values ('seen_sequences', 2, now());
            select 1
            """);
        using var host = await BuildWithSchema(database.ConnectionString);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();

        Assert.Equal(2, await OldStoreImport.RunAsync(dataSource, CancellationToken.None));
        Assert.Equal(0, await OldStoreImport.RunAsync(dataSource, CancellationToken.None));

        var store = host.Store();
        await using (var session = store.OpenSession(Unit, "tester"))
        {
            var stream = await session.FetchForWriting("counter-old", 0, (total, e) => e is CounterIncremented c ? total + c.By : total);
            Assert.Equal((2L, 5), (stream.Version, stream.State));
        }
        var next = await store.AppendOne("counter-old", 2, by: 4);
        Assert.Equal(3, next);
        Assert.Equal([2L], await Query<long>(database.ConnectionString, "select last_seq_id from mt_event_progression where name = 'seen_sequences:All'"));
    }
}
