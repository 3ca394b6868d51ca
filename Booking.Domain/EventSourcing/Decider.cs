// The one decider shape every feature declares (Chassaing's pattern): where its streams start, how an event changes the
// state, what a command decides, and the stream type it is stored under. The runner works with this shape only.
namespace Booking.Domain.EventSourcing;

public sealed record Decider<TCommand, TState, TEvent>(
    string StreamType,
    TState Initial,
    Func<TState, object, TState> Evolve,
    Func<TCommand, TState, Decision<TEvent>> Decide)
    where TEvent : class
{
    /// <summary>The state after <paramref name="events"/>; Evolve never refuses.</summary>
    public TState Fold(TState state, IEnumerable<object> events) => events.Aggregate(state, Evolve);

    /// <summary>The state of a stream read back from the store.</summary>
    public TState Fold(IEnumerable<EventEnvelope> events) => Fold(Initial, events.Select(e => e.Data));
}
