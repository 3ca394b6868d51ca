// A stream fetched for writing (Marten's IEventStream<T> shape): the state folded from what was read, the version it was
// read at, and the events decided since, which the stream appends on itself when the attempt is saved.
namespace Booking.Domain.EventSourcing;

public sealed class EventStream<TCommand, TState, TEvent> : IPendingStream
    where TEvent : class
{
    private readonly Decider<TCommand, TState, TEvent> decider;
    private readonly List<TEvent> appended = [];

    internal EventStream(Decider<TCommand, TState, TEvent> decider, StreamForWriting<TState> read)
    {
        this.decider = decider;
        StreamId = read.StreamId;
        Version = read.Version;
        State = read.State;
    }

    public string StreamId { get; }

    /// <summary>The version the stream was read at: the save expects it still there.</summary>
    public long Version { get; }

    /// <summary>The state with every event decided so far in this attempt.</summary>
    public TState State { get; private set; }

    /// <summary>True when the stream had no events when read.</summary>
    public bool IsNew => Version == 0;

    public IReadOnlyList<TEvent> Appended => appended;

    /// <summary>Decides <paramref name="command"/> on the current state and, unless refused, appends what it decided.</summary>
    public Decision<TEvent> Decide(TCommand command)
    {
        var decision = decider.Decide(command, State);
        if (!decision.IsError) Append(decision.Events);
        return decision;
    }

    public void Append(IEnumerable<TEvent> events)
    {
        foreach (var e in events)
        {
            appended.Add(e);
            State = decider.Evolve(State, e);
        }
    }

    void IPendingStream.QueueIn(IEventSession session)
    {
        if (appended.Count > 0) session.Append(StreamId, decider.StreamType, Version, appended);
    }

    bool IPendingStream.HasEvents => appended.Count > 0;
}

internal interface IPendingStream
{
    void QueueIn(IEventSession session);
    bool HasEvents { get; }
}
