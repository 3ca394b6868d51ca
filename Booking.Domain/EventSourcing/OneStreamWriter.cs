// Decide-and-append on one stream with retries, for features whose writes meet on one stream (an evening, a day of
// call-backs). Writes from this process take turns: a burst then costs one read and one append each, not a storm of
// lost races; other instances are kept honest by the stream's expected version and the retries.
using NodaTime;

namespace Booking.Domain.EventSourcing;

/// <summary>What a write did: the state after it (null when refused), the events written (none for a repeat), or the refusal.</summary>
public sealed record StreamWrite<TState, TEvent>(Instant Now, TState? State, IReadOnlyList<TEvent> Events, DomainError? Error)
    where TState : class;

/// <param name="pause">The pause before retry number n after a lost race; the host adds the jitter.</param>
/// <param name="maxAttempts">How often to try before answering "busy".</param>
public sealed class OneStreamWriter(IEventStore store, IClock clock, Func<int, TimeSpan> pause, int maxAttempts)
{
    private readonly SemaphoreSlim writes = new(1, 1);

    /// <summary>Loads the stream, decides from what was read, appends (with <paramref name="alsoStore"/>'s documents when
    /// events are written), and retries a lost race. Nothing is written when the decider refuses.</summary>
    public async Task<StreamWrite<TState, TEvent>> Run<TState, TEvent>(Guid unitId, string actor, string streamId, string streamType,
        TState initial, Func<TState, object, TState> evolve, Func<TState, Instant, Task<Decision<TEvent>>> decide,
        Action<IEventSession>? alsoStore, string busyMessage, CancellationToken ct)
        where TState : class where TEvent : class
    {
        await writes.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var now = clock.GetCurrentInstant();
                await using var session = store.OpenSession(unitId, actor);
                var stream = await session.FetchForWriting(streamId, initial, evolve, ct);
                var decision = await decide(stream.State, now);
                if (decision.Error is { } error) return new StreamWrite<TState, TEvent>(now, null, [], error);
                var state = decision.Events.Aggregate(stream.State, (s, e) => evolve(s, e));
                if (decision.Events.Count == 0) return new StreamWrite<TState, TEvent>(now, state, [], null);

                session.Append(stream.StreamId, streamType, stream.Version, decision.Events);
                alsoStore?.Invoke(session);
                try
                {
                    await session.SaveChangesAsync(ct);
                    return new StreamWrite<TState, TEvent>(now, state, decision.Events, null);
                }
                catch (ConcurrencyException)
                {
                    if (attempt >= maxAttempts)
                        return new StreamWrite<TState, TEvent>(now, null, [], new DomainError("busy", busyMessage, ErrorKind.Conflict));
                    await Task.Delay(pause(attempt), ct);
                }
            }
        }
        finally { writes.Release(); }
    }
}
