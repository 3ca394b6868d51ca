// The folded state of recently written streams, kept in memory so that a write reads only the events appended since.
// A walk-in session grows to hundreds of events in a morning, and every number, call and visit used to read and fold the
// whole day again. A stream's state at version v depends only on its first v events, and every decider's state is
// immutable (records with immutable collections), so a state folded once can be continued by any later request; events
// appended by another instance are read as the delta. A write refused for a conflict forgets the streams it read, so
// a state that went wrong in any way is read whole on the next attempt.
using System.Collections.Concurrent;

namespace Booking.Api.Storage;

public sealed class FoldedStreams
{
    /// <summary>How many streams are kept; past it the cache starts again (a day's streams are a few hundred).</summary>
    public const int MaxStreams = 4096;

    private readonly ConcurrentDictionary<(Guid Unit, string Stream), Folded> _byStream = new();

    private sealed record Folded(Delegate Evolve, object? Initial, long Version, object? State);

    /// <summary>The state and version kept for a stream folded by the same evolve function from the same initial state.</summary>
    public bool TryGet<TState>(Guid unitId, string streamId, Func<TState, object, TState> evolve, TState initial, out long version, out TState state)
    {
        if (_byStream.TryGetValue((unitId, streamId), out var folded) && ReferenceEquals(folded.Evolve, evolve)
            && Equals(folded.Initial, initial) && folded.State is TState kept)
        {
            (version, state) = (folded.Version, kept);
            return true;
        }
        (version, state) = (0, initial);
        return false;
    }

    public void Keep<TState>(Guid unitId, string streamId, Func<TState, object, TState> evolve, TState initial, long version, TState state)
    {
        if (version == 0) return;
        if (_byStream.Count >= MaxStreams) _byStream.Clear();
        _byStream[(unitId, streamId)] = new Folded(evolve, initial, version, state);
    }

    public void Forget(Guid unitId, string streamId) => _byStream.TryRemove((unitId, streamId), out _);
}
