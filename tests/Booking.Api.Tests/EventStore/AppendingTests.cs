using Booking.Api.EventStore;
using Booking.Domain.EventSourcing;
using Booking.Testing;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Xunit;
using static Booking.Api.Tests.EventStore.StoreTestHost;

namespace Booking.Api.Tests.EventStore;

public sealed class AppendingTests(FreshDatabase database) : IClassFixture<FreshDatabase>, IAsyncLifetime
{
    private IHost _host = null!;
    private IEventStore Store => _host.Store();

    public async Task InitializeAsync() =>
        _host = await BuildWithSchema(database.ConnectionString, s => s
            .AddInlineProjection<TestStaffBookingsProjection>()
            .AddDocumentWriter<TestContact, TestContactWriter>());

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Given_a_stream_When_it_is_fetched_for_writing_Then_its_events_are_folded_and_its_version_is_known()
    {
        var stream = $"counter-{Guid.NewGuid():N}";
        await Store.AppendOne(stream, 0, by: 2);
        await Store.AppendOne(stream, 1, by: 3);

        await using var session = Store.OpenSession(Unit, "tester");
        var fetched = await session.FetchForWriting(stream, 0, (total, e) => e is CounterIncremented c ? total + c.By : total);
        var unknown = await session.FetchForWriting("nobody-" + Guid.NewGuid(), 0, (total, _) => total + 1);

        Assert.Equal((2L, 5), (fetched.Version, fetched.State));
        Assert.True(unknown.IsNew);
        Assert.Equal(0, unknown.State);
    }

    [Fact]
    public async Task Given_twenty_writers_with_the_same_expected_version_When_they_append_at_once_Then_exactly_one_wins()
    {
        foreach (var expected in new long[] { 0, 1 })
        {
            var stream = $"race-{Guid.NewGuid():N}";
            if (expected == 1) await Store.AppendOne(stream, 0);

            var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store.AppendOne(stream, expected))).ToList();
            var outcomes = await Task.WhenAll(attempts.Select(async t =>
            {
                try { await t; return null; }
                catch (ConcurrencyException e) { return e; }
            }));

            Assert.Equal(1, outcomes.Count(o => o is null));
            Assert.All(outcomes.OfType<ConcurrencyException>(), e => Assert.Equal(stream, e.StreamId));
            Assert.Equal(19, outcomes.Count(o => o is not null));
            Assert.Equal(expected + 1, (await Store.ReadStream(Unit, stream)).Count);
        }
    }

    [Fact]
    public async Task Given_one_stale_stream_in_a_multi_stream_append_When_saved_Then_nothing_is_written_in_any_stream()
    {
        var existing = $"b-existing-{Guid.NewGuid():N}";
        await Store.AppendOne(existing, 0);
        var fresh = $"a-fresh-{Guid.NewGuid():N}";
        var contact = new TestContact(Guid.NewGuid(), $"{Guid.NewGuid():N}@example.org");

        await using var session = Store.OpenSession(Unit, "tester");
        session.Append(fresh, "counter", 0, [new CounterIncremented(fresh, 1, Instant.FromUtc(2026, 11, 24, 8, 0))]);
        session.Append(existing, "counter", 0, [new CounterIncremented(existing, 1, Instant.FromUtc(2026, 11, 24, 8, 0))]);
        session.Store(contact);
        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => session.SaveChangesAsync());

        Assert.Equal(existing, error.StreamId);
        Assert.Empty(await Store.ReadStream(Unit, fresh));
        Assert.Single(await Store.ReadStream(Unit, existing));
        Assert.Empty(await Query<string>(database.ConnectionString, $"select stream_id from es_streams where stream_id = '{fresh}'"));
        Assert.Empty(await Query<Guid>(database.ConnectionString, $"select id from test_contacts where id = '{contact.Id}'"));
    }

    [Fact]
    public async Task Given_a_booked_time_When_another_stream_books_an_overlapping_time_Then_the_exclusion_constraint_refuses_it_and_no_event_is_kept()
    {
        var staff = Guid.NewGuid();
        var nine = Instant.FromUtc(2026, 11, 24, 9, 0);
        var first = $"staffday-{Guid.NewGuid():N}";
        var second = $"appointment-{Guid.NewGuid():N}";

        await using (var session = Store.OpenSession(Unit, "tester"))
        {
            session.Append(first, "staff_day", 0, [new TestSlotReserved(staff, nine, nine + Duration.FromMinutes(60))]);
            await session.SaveChangesAsync();
        }

        await using var clash = Store.OpenSession(Unit, "tester");
        clash.Append(second, "appointment", 0, [new TestSlotReserved(staff, nine + Duration.FromMinutes(30), nine + Duration.FromMinutes(90))]);
        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => clash.SaveChangesAsync());

        Assert.Equal("test_staff_bookings_no_overlap", error.StreamId);
        Assert.Empty(await Store.ReadStream(Unit, second));
        Assert.Empty(await Query<string>(database.ConnectionString, $"select stream_id from es_streams where stream_id = '{second}'"));
    }

    [Fact]
    public async Task Given_a_stored_document_When_another_breaks_its_unique_key_Then_it_is_a_concurrency_error_and_the_events_roll_back()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        var stream = $"contact-{Guid.NewGuid():N}";
        await using (var session = Store.OpenSession(Unit, "tester"))
        {
            session.Store(new TestContact(Guid.NewGuid(), email));
            await session.SaveChangesAsync();
        }

        await using var duplicate = Store.OpenSession(Unit, "tester");
        duplicate.Append(stream, "counter", 0, [new CounterIncremented(stream, 1, Instant.FromUtc(2026, 11, 24, 8, 0))]);
        duplicate.Store(new TestContact(Guid.NewGuid(), email));
        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => duplicate.SaveChangesAsync());

        Assert.Equal("test_contacts_email_unique", error.StreamId);
        Assert.Empty(await Store.ReadStream(Unit, stream));
    }

    [Fact]
    public async Task Events_are_stored_under_their_event_name_with_metadata_and_read_back_equal()
    {
        var stream = $"named-{Guid.NewGuid():N}";
        var staff = Guid.NewGuid();
        var slot = new TestSlotReserved(staff, Instant.FromUtc(2026, 12, 1, 7, 0), Instant.FromUtc(2026, 12, 1, 7, 30));
        await using (var session = Store.OpenSession(Unit, "secretary-1"))
        {
            session.Append(stream, "staff_day", 0, [slot]);
            await session.SaveChangesAsync();
        }

        var types = await Query<string>(database.ConnectionString, $"select type from es_events where stream_id = '{stream}'");
        var envelope = Assert.Single(await Store.ReadStream(Unit, stream));

        Assert.Equal(["test_slot_reserved"], types);
        Assert.Equal(slot, envelope.Data);
        Assert.Equal((Unit, "staff_day", 1L, "secretary-1"), (envelope.UnitId, envelope.StreamType, envelope.Version, envelope.CausedBy));
        Assert.Empty(await Store.ReadStream(Guid.NewGuid(), stream)); // another unit does not see it
    }

    [Fact]
    public async Task Given_a_stored_event_name_no_class_claims_When_the_stream_is_read_Then_the_error_names_it()
    {
        var stream = $"unknown-{Guid.NewGuid():N}";
        await Query<long>(database.ConnectionString, $$"""
            insert into es_events (unit_id, stream_id, stream_type, version, type, data, timestamp, caused_by)
            values ('{{Unit}}', '{{stream}}', 'x', 1, 'renamed_long_ago', '{}', now(), 'tester') returning seq_id
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ReadStream(Unit, stream));

        Assert.Contains("'renamed_long_ago'", error.Message);
    }
}
