// The one write path: open a session, let the use case fetch its streams and decide from fresh reads, save everything it
// appended and stored in one transaction, and on a lost race run the whole decision again from new reads. This is the
// only place that catches ConcurrencyException.
using NodaTime;

namespace Booking.Domain.EventSourcing;

/// <param name="MaxAttempts">How often to decide before answering "busy".</param>
/// <param name="Pause">The pause before attempt n + 1 after attempt n lost a race; the host adds the jitter.</param>
public sealed record RetryPolicy(int MaxAttempts, Func<int, TimeSpan> Pause)
{
    // Writes from this process take turns per stream, so lost races come from other instances or from a choice that went
    // stale; a few quick attempts settle them.
    public static readonly RetryPolicy Default = new(10, attempt => TimeSpan.FromMilliseconds(2 * attempt));
}

/// <summary>What one attempt decided: save what it appended and stored, answer without writing (a refusal or a repeat),
/// or decide again from fresh reads because what it read was already out of date.</summary>
public readonly struct Step<T>
{
    private Step(StepKind kind, T? value, string? lostOn) => (Kind, Value, LostOn) = (kind, value, lostOn);

    internal StepKind Kind { get; }
    internal T? Value { get; }
    internal string? LostOn { get; }

    public static Step<T> Save(T value) => new(StepKind.Save, value, null);
    public static Step<T> Answer(T value) => new(StepKind.Answer, value, null);

    /// <param name="streamId">The stream whose state refused what the earlier reads promised (the next attempt may avoid it).</param>
    public static Step<T> Again(string streamId) => new(StepKind.Again, default, streamId);
}

internal enum StepKind { Save, Answer, Again }

/// <summary>What a single-stream write did: the state after it (null when refused), the events written (none for a
/// repeat), or the refusal.</summary>
public sealed record StreamWrite<TState, TEvent>(Instant Now, TState? State, IReadOnlyList<TEvent> Events, DomainError? Error)
    where TState : class;

public sealed class WriteRunner(IEventStore store, IClock clock, RetryPolicy? retries = null)
{
    private readonly RetryPolicy policy = retries ?? RetryPolicy.Default;

    /// <summary>The answer after the last lost race: someone else kept changing the same thing.</summary>
    public static DomainError Busy(string message) => new("busy", message, ErrorKind.Conflict);
    private readonly StreamTurns turns = StreamTurns.Of(store);

    // The attempt running in this flow, if any: a write started inside another's attempt (a hook, a nested use case) must
    // not wait for a turn that its own caller may hold.
    private static readonly AsyncLocal<WriteAttempt?> Outer = new();

    /// <summary>Runs <paramref name="attempt"/> until it answers or its save commits; after the last lost race,
    /// answers <paramref name="whenBusy"/>. Nothing is written by an attempt that answers, asks again, or loses.</summary>
    public async Task<T> Run<T>(Guid unitId, string actor, Func<WriteAttempt, CancellationToken, Task<Step<T>>> attempt,
        Func<Task<T>> whenBusy, CancellationToken ct = default)
    {
        var lostOn = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; ; number++)
        {
            await using (var session = store.OpenSession(unitId, actor))
            {
                var write = new WriteAttempt(session, turns, unitId, number, clock.GetCurrentInstant(), lostOn, mayWait: Outer.Value is null);
                var outer = Outer.Value;
                Outer.Value = write;
                try
                {
                    var step = await attempt(write, ct);
                    switch (step.Kind)
                    {
                        case StepKind.Answer:
                            return step.Value!;
                        case StepKind.Save:
                            await write.Save(ct);
                            return step.Value!;
                        default:
                            lostOn.Add(step.LostOn!);
                            break;
                    }
                }
                catch (ConcurrencyException lost)
                {
                    lostOn.Add(lost.StreamId);
                }
                finally
                {
                    Outer.Value = outer;
                    write.LeaveTurns();
                }
            }
            if (number >= policy.MaxAttempts) return await whenBusy();
            await Task.Delay(policy.Pause(number), ct);
        }
    }

    /// <summary>The common single-stream case: fetch the stream, build the command from what was read, decide, and append
    /// (with <paramref name="alsoStore"/>'s documents when events are written). A repeat writes nothing.</summary>
    public Task<StreamWrite<TState, TEvent>> Decide<TCommand, TState, TEvent>(Guid unitId, string actor,
        Decider<TCommand, TState, TEvent> decider, string streamId, Func<TState, Instant, Task<TCommand>> command,
        Action<WriteAttempt>? alsoStore, string busyMessage, CancellationToken ct = default)
        where TState : class where TEvent : class
    {
        var busyAt = clock.GetCurrentInstant();
        return Run(unitId, actor, async (write, token) =>
        {
            var stream = await write.Fetch(decider, streamId, token);
            var decision = stream.Decide(await command(stream.State, write.Now));
            if (decision.Error is { } error)
                return Step<StreamWrite<TState, TEvent>>.Answer(new(write.Now, null, [], error));
            var done = new StreamWrite<TState, TEvent>(write.Now, stream.State, stream.Appended, null);
            if (stream.Appended.Count == 0) return Step<StreamWrite<TState, TEvent>>.Answer(done);
            alsoStore?.Invoke(write);
            return Step<StreamWrite<TState, TEvent>>.Save(done);
        }, () => Task.FromResult(new StreamWrite<TState, TEvent>(busyAt, null, [], Busy(busyMessage))), ct);
    }
}

/// <summary>One attempt's unit of work: the streams it fetched (each once) and the documents it stored, saved together.</summary>
public sealed class WriteAttempt
{
    private readonly IEventSession session;
    private readonly StreamTurns turns;
    private readonly Guid unitId;
    private readonly Dictionary<string, object> fetched = new(StringComparer.Ordinal);
    private readonly List<IPendingStream> pending = [];
    private readonly List<IDisposable> held = [];
    private readonly bool mayWait;
    private bool stored;

    internal WriteAttempt(IEventSession session, StreamTurns turns, Guid unitId, int number, Instant now, IReadOnlySet<string> lostOn,
        bool mayWait)
    {
        this.mayWait = mayWait;
        this.session = session;
        this.turns = turns;
        this.unitId = unitId;
        Number = number;
        Now = now;
        LostOn = lostOn;
    }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; }

    /// <summary>The clock read once at the start of the attempt; commands carry it.</summary>
    public Instant Now { get; }

    /// <summary>Streams (or database guards) on which earlier attempts lost: a choice between equals may avoid them.</summary>
    public IReadOnlySet<string> LostOn { get; }

    /// <summary>Loads a stream for writing; a second fetch of the same stream in one attempt returns the same handle.</summary>
    // The first stream fetched is the one the attempt waits its turn for (writers from this process then meet it one after
    // another instead of racing); later streams are taken only when free, so that two attempts never wait on each other.
    // Without its turn a write is still safe: the expected version decides, and the runner retries.
    public async Task<EventStream<TCommand, TState, TEvent>> Fetch<TCommand, TState, TEvent>(Decider<TCommand, TState, TEvent> decider,
        string streamId, CancellationToken ct = default)
        where TEvent : class
    {
        if (fetched.TryGetValue(streamId, out var known)) return (EventStream<TCommand, TState, TEvent>)known;
        if (await turns.Take(unitId, streamId, wait: mayWait && fetched.Count == 0, ct) is { } turn) held.Add(turn);
        var stream = new EventStream<TCommand, TState, TEvent>(decider, await session.FetchForWriting(streamId, decider.Initial, decider.Evolve, ct));
        fetched[streamId] = stream;
        pending.Add(stream);
        return stream;
    }

    /// <summary>Queues a document (personal data, tokens, idempotency records) saved in the same transaction.</summary>
    public void Store<TDocument>(TDocument document) where TDocument : class
    {
        session.Store(document);
        stored = true;
    }

    internal async Task Save(CancellationToken ct)
    {
        foreach (var stream in pending) stream.QueueIn(session);
        if (stored || pending.Any(s => s.HasEvents)) await session.SaveChangesAsync(ct);
    }

    internal void LeaveTurns()
    {
        foreach (var turn in held) turn.Dispose();
        held.Clear();
    }
}

/// <summary>In-process turn-taking per stream, shared by every runner on the same store.</summary>
internal sealed class StreamTurns
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IEventStore, StreamTurns> ByStore = new();
    private readonly Dictionary<string, Turn> turns = new(StringComparer.Ordinal);

    public static StreamTurns Of(IEventStore store) => ByStore.GetValue(store, _ => new StreamTurns());

    public async Task<IDisposable?> Take(Guid unitId, string streamId, bool wait, CancellationToken ct)
    {
        var key = $"{unitId:N}/{streamId}";
        Turn turn;
        lock (turns)
        {
            if (!turns.TryGetValue(key, out turn!)) turns[key] = turn = new Turn(this, key);
            turn.Users++;
        }
        var got = false;
        try
        {
            if (wait) { await turn.Gate.WaitAsync(ct); got = true; }
            else got = turn.Gate.Wait(0);
        }
        finally
        {
            if (!got) Leave(turn);
        }
        return got ? turn.Holding() : null;
    }

    private void Leave(Turn turn)
    {
        lock (turns)
            if (--turn.Users == 0) turns.Remove(turn.Key);
    }

    private sealed class Turn(StreamTurns owner, string key)
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public readonly StreamTurns Owner = owner;
        public readonly string Key = key;
        public int Users;

        public IDisposable Holding() => new Held(this);

        private sealed class Held(Turn turn) : IDisposable
        {
            private int released;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref released, 1) == 1) return;
                turn.Gate.Release();
                turn.Owner.Leave(turn);
            }
        }
    }
}
