// The double must honour what the real store promises, or the use-case tests prove nothing.
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using NodaTime;
using NodaTime.Testing;

namespace Booking.Domain.Tests.Support;

public class InMemoryEventStoreTests
{
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly LocalDate Day = new(2026, 5, 11);
    private readonly InMemoryEventStore store = new(new FakeClock(Instant.FromUtc(2026, 5, 4, 7, 0)));

    private static SlotReserved Reserved(Guid staff) =>
        new(staff, Day, Guid.NewGuid(), Instant.FromUtc(2026, 5, 11, 6, 0), Instant.FromUtc(2026, 5, 11, 7, 0), Instant.FromUtc(2026, 5, 4, 7, 0));

    [Fact]
    public async Task Given_an_empty_stream_When_events_are_appended_at_version_0_Then_they_get_versions_from_1()
    {
        await using var session = store.OpenSession(Unit, "test");
        session.Append("s-1", StreamIds.StaffDayType, 0, [Reserved(Guid.NewGuid()), Reserved(Guid.NewGuid())]);
        await session.SaveChangesAsync();

        var stream = await store.ReadStream(Unit, "s-1");
        Assert.Equal([1L, 2L], stream.Select(e => e.Version));
        Assert.All(stream, e => Assert.Equal("slot_reserved", e.EventName));
    }

    [Fact]
    public async Task Given_a_stream_that_moved_on_When_a_stale_session_saves_Then_ConcurrencyException_and_nothing_of_it_is_written()
    {
        await using (var first = store.OpenSession(Unit, "test"))
        {
            first.Append("s-1", StreamIds.StaffDayType, 0, [Reserved(Guid.NewGuid())]);
            await first.SaveChangesAsync();
        }

        await using var stale = store.OpenSession(Unit, "test");
        stale.Append("s-2", StreamIds.StaffDayType, 0, [Reserved(Guid.NewGuid())]);
        stale.Append("s-1", StreamIds.StaffDayType, 0, [Reserved(Guid.NewGuid())]);
        stale.Store(new IdempotencyRecord(Unit, "k", "f", Guid.NewGuid(), "sealed"));

        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => stale.SaveChangesAsync());
        Assert.Equal("s-1", error.StreamId);
        Assert.Single(store.Events);
        Assert.Empty(store.Documents);
    }

    [Fact]
    public async Task Given_a_stored_idempotency_key_When_it_is_stored_again_Then_ConcurrencyException()
    {
        await using (var first = store.OpenSession(Unit, "test"))
        {
            first.Store(new IdempotencyRecord(Unit, "k", "f", Guid.NewGuid(), "sealed"));
            await first.SaveChangesAsync();
        }
        await using var second = store.OpenSession(Unit, "test");
        second.Store(new IdempotencyRecord(Unit, "k", "f", Guid.NewGuid(), "sealed"));

        await Assert.ThrowsAsync<ConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Given_a_reservation_and_its_release_When_reservations_are_read_Then_only_live_ones_in_the_window_are_returned()
    {
        var staff = Guid.NewGuid();
        var kept = Reserved(staff);
        var released = Reserved(staff) with { AppointmentId = Guid.NewGuid() };
        await using (var s = store.OpenSession(Unit, "test"))
        {
            s.Append("s-1", StreamIds.StaffDayType, 0, [kept, released, new SlotReleased(staff, Day, released.AppointmentId, kept.ReservedAt)]);
            await s.SaveChangesAsync();
        }
        var reservations = new InMemoryReservations(store);

        var inWindow = await reservations.Between(Unit, kept.Start, kept.End);
        var outside = await reservations.Between(Unit, kept.End, kept.End + Duration.FromHours(1));

        Assert.Equal([new Reservation(staff, kept.AppointmentId, kept.Start, kept.End)], inWindow);
        Assert.Empty(outside);
    }
}
