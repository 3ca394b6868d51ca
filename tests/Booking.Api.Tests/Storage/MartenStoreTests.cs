// The event store on Marten as the domain's ports see it: folding, expected versions, one transaction for many streams,
// the database's guards (exclusion constraint, unique documents) as concurrency errors, stable names, the unit as tenant.
using Booking.Api.Storage;
using Booking.Domain.EventSourcing;
using Booking.Testing;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Xunit;
using static Booking.Api.Tests.Storage.StoreTestHost;

namespace Booking.Api.Tests.Storage;

public sealed class MartenStoreTests(FreshDatabase database) : IClassFixture<FreshDatabase>, IAsyncLifetime
{
    private IHost _host = null!;
    private IEventStore Store => _host.Store();
    private static readonly Instant Eight = Instant.FromUtc(2026, 11, 24, 8, 0);

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
        session.Append(fresh, "counter", 0, [new CounterIncremented(fresh, 1, Eight)]);
        session.Append(existing, "counter", 0, [new CounterIncremented(existing, 1, Eight)]);
        session.Store(contact);
        await Assert.ThrowsAsync<ConcurrencyException>(() => session.SaveChangesAsync());

        Assert.Empty(await Store.ReadStream(Unit, fresh));
        Assert.Single(await Store.ReadStream(Unit, existing));
        Assert.Empty(await Query<string>(database.ConnectionString, $"select id from mt_streams where id = '{fresh}'"));
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

        // The versions pass (a new stream), so only the second guard, in PostgreSQL, stands between the two.
        await using var clash = Store.OpenSession(Unit, "tester");
        clash.Append(second, "appointment", 0, [new TestSlotReserved(staff, nine + Duration.FromMinutes(30), nine + Duration.FromMinutes(90))]);
        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => clash.SaveChangesAsync());

        Assert.Equal("test_staff_bookings_no_overlap", error.StreamId);
        Assert.Empty(await Store.ReadStream(Unit, second));
        Assert.Empty(await Query<string>(database.ConnectionString, $"select id from mt_streams where id = '{second}'"));
        Assert.Equal([1L], await Query<long>(database.ConnectionString, $"select count(*) from test_staff_bookings where staff_id = '{staff}'"));
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
        duplicate.Append(stream, "counter", 0, [new CounterIncremented(stream, 1, Eight)]);
        duplicate.Store(new TestContact(Guid.NewGuid(), email));
        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => duplicate.SaveChangesAsync());

        Assert.Equal("test_contacts_email_unique", error.StreamId);
        Assert.Empty(await Store.ReadStream(Unit, stream));
    }

    [Fact]
    public async Task Events_are_stored_under_their_event_name_with_the_unit_as_tenant_and_the_actor_and_read_back_equal()
    {
        var stream = $"staffday-{Guid.NewGuid():N}";
        var staff = Guid.NewGuid();
        var slot = new TestSlotReserved(staff, Instant.FromUtc(2026, 12, 1, 7, 0), Instant.FromUtc(2026, 12, 1, 7, 30));
        await using (var session = Store.OpenSession(Unit, "secretary-1"))
        {
            session.Append(stream, "staff_day", 0, [slot]);
            await session.SaveChangesAsync();
        }

        var stored = await Query<string>(database.ConnectionString,
            $"select type || '|' || tenant_id || '|' || user_name from mt_events where stream_id = '{stream}'");
        var envelope = Assert.Single(await Store.ReadStream(Unit, stream));

        Assert.Equal([$"test_slot_reserved|{Unit}|secretary-1"], stored);
        Assert.Equal(slot, envelope.Data);
        Assert.Equal((Unit, "staff_day", 1L, "secretary-1"), (envelope.UnitId, envelope.StreamType, envelope.Version, envelope.CausedBy));
    }

    [Fact]
    public async Task Given_two_units_When_each_writes_a_stream_of_the_same_id_Then_neither_sees_the_other()
    {
        var otherUnit = Guid.NewGuid();
        var stream = $"counter-{Guid.NewGuid():N}";
        await Store.AppendOne(stream, 0, by: 7);

        await using (var session = Store.OpenSession(otherUnit, "tester"))
        {
            var seen = await session.FetchForWriting(stream, 0, (total, e) => e is CounterIncremented c ? total + c.By : total);
            Assert.True(seen.IsNew);
            session.Append(stream, "counter", 0, [new CounterIncremented(stream, 100, Eight)]);
            await session.SaveChangesAsync();
        }

        Assert.Equal([7], (await Store.ReadStream(Unit, stream)).Select(e => ((CounterIncremented)e.Data).By));
        Assert.Equal([100], (await Store.ReadStream(otherUnit, stream)).Select(e => ((CounterIncremented)e.Data).By));
    }

    [Fact]
    public async Task A_class_without_an_event_name_cannot_be_appended()
    {
        await using var session = Store.OpenSession(Unit, "tester");
        var error = Assert.Throws<InvalidOperationException>(() => session.Append($"x-{Guid.NewGuid():N}", "x", 0, ["not an event"]));
        Assert.Contains("[EventName]", error.Message);
    }
}
