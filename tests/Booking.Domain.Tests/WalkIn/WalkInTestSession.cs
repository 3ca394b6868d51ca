// Shared givens for the walk-in tests: Thursday 2026-11-26, 08:00-12:00 in Helsinki (UTC+2), 30-minute visits, 5 minutes' grace.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.WalkIn;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.WalkIn;

public static class WalkInTestSession
{
    public static readonly LocalDate Day = new(2026, 11, 26);
    public const string RoomA = "A 101";
    public const string RoomB = "B 202";

    public static Instant At(int hour, int minute = 0, int second = 0) => Helsinki(L(2026, 11, 26, hour, minute)) + Duration.FromSeconds(second);

    public static WalkInOpened Opened(params Guid[] onDuty) =>
        new(Day, At(8), At(12), Duration.FromMinutes(30),
            (onDuty.Length == 0 ? [Anna] : onDuty).Select(id => new SupervisorOnDuty(id, id == Bertil ? RoomB : RoomA)).ToList(),
            Duration.FromMinutes(5), At(7, 55));

    public static TicketIssued Issued(int number, Instant at, WalkInMatter matter = WalkInMatter.Advice) =>
        new(number, $"code-{number}", matter, Language.Fi, 0, Duration.Zero, at);

    /// <summary>Ticket <paramref name="number"/> served by <paramref name="staff"/> from <paramref name="start"/> for <paramref name="minutes"/>.</summary>
    public static WalkInEvent[] Served(int number, Guid staff, Instant start, int minutes, VisitOutcome outcome = VisitOutcome.AdviceGiven) =>
    [
        new TicketCalled(number, staff, staff == Bertil ? RoomB : RoomA, start),
        new VisitStarted(number, staff, start),
        new VisitCompleted(number, staff, outcome, start + Duration.FromMinutes(minutes)),
    ];

    public static WalkInSession Given(params WalkInEvent[] events) =>
        events.Aggregate(WalkInSession.Initial, (s, e) => WalkInSession.Evolve(s, e));

    public static WalkInSettings Settings(params Guid[] onDuty) =>
        WalkInSettings.Default(onDuty.Length == 0 ? [Anna] : onDuty, new Dictionary<Guid, string> { [Anna] = RoomA, [Bertil] = RoomB });

    public static void AssertError(Decision<WalkInEvent> decision, string code)
    {
        Assert.True(decision.IsError, $"expected {code}, got {decision.Events.Count} event(s)");
        Assert.Equal(code, decision.Error!.Code);
        Assert.Empty(decision.Events);
    }

    public static T Single<T>(Decision<WalkInEvent> decision) where T : WalkInEvent
    {
        Assert.False(decision.IsError, decision.Error?.ToString());
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }

    public static void AssertNothing(Decision<WalkInEvent> decision)
    {
        Assert.False(decision.IsError, decision.Error?.ToString());
        Assert.Empty(decision.Events);
    }
}

/// <summary>Wraps an event store so that every save first gives way to other tasks: concurrent requests then really
/// interleave between their fetch and their save, as they do against PostgreSQL.</summary>
public sealed class YieldingEventStore(IEventStore inner) : IEventStore
{
    public IEventSession OpenSession(Guid unitId, string causedBy) => new Session(inner.OpenSession(unitId, causedBy));

    public Task<IReadOnlyList<EventEnvelope>> ReadStream(Guid unitId, string streamId, CancellationToken ct = default) =>
        inner.ReadStream(unitId, streamId, ct);

    private sealed class Session(IEventSession inner) : IEventSession
    {
        public Task<StreamForWriting<TState>> FetchForWriting<TState>(string streamId, TState initial, Func<TState, object, TState> evolve,
            CancellationToken ct = default) => inner.FetchForWriting(streamId, initial, evolve, ct);

        public void Append(string streamId, string streamType, long expectedVersion, IReadOnlyList<object> events) =>
            inner.Append(streamId, streamType, expectedVersion, events);

        public void Store<TDocument>(TDocument document) where TDocument : class => inner.Store(document);

        public async Task SaveChangesAsync(CancellationToken ct = default)
        {
            await Task.Delay(1, ct);
            await inner.SaveChangesAsync(ct);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
