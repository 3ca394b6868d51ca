// The one write path, given events / when a use case writes / then what is stored: a lost race decides again from fresh
// reads, a refusal and a repeat write nothing, several streams commit together or not at all, and a write that keeps
// losing answers "busy" without writing.
using Booking.Domain.EventSourcing;
using Booking.Domain.Tests.Support;
using Booking.Domain.Tests.WalkIn;
using NodaTime;
using NodaTime.Testing;
using Tally = Booking.Domain.EventSourcing.Step<Booking.Domain.EventSourcing.DomainError?>;

namespace Booking.Domain.Tests.EventSourcing;

[EventName("test_counted")]
public sealed record Counted(string Counter, int By);

public sealed record Count(string Counter, int By, int Limit = int.MaxValue);

/// <summary>A counter that refuses to pass its limit and treats a count of zero as already done.</summary>
public static class CounterDecider
{
    public static readonly Decider<Count, int, Counted> Definition = new("test_counter", 0,
        (total, e) => e is Counted c ? total + c.By : total, Decide);

    public static Decision<Counted> Decide(Count command, int total) =>
        command.By == 0 ? Decision<Counted>.Nothing
        : total + command.By > command.Limit ? new DomainError("over_limit", "The counter would pass its limit.")
        : Decision<Counted>.Accept(new Counted(command.Counter, command.By));
}

public sealed class WriteRunnerTests
{
    private static readonly Guid Unit = Guid.NewGuid();
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 5, 4, 8, 0));
    private readonly InMemoryEventStore store;
    private readonly WriteRunner runner;
    private readonly WriteRunner otherInstance;

    public WriteRunnerTests()
    {
        store = new InMemoryEventStore(clock);
        runner = new WriteRunner(store, clock, new RetryPolicy(3, _ => TimeSpan.Zero));
        // Another instance of the service: the same database, its own turns.
        otherInstance = new WriteRunner(new YieldingEventStore(store), clock);
    }

    private Task<DomainError?> CountOn(WriteRunner writer, string counter, int by, int limit = int.MaxValue, List<int>? attempts = null) =>
        writer.Run(Unit, "test", async (write, ct) =>
        {
            attempts?.Add(write.Number);
            var stream = await write.Fetch(CounterDecider.Definition, counter, ct);
            return stream.Decide(new Count(counter, by, limit)).Error is { } error ? Tally.Answer(error) : Tally.Save(null);
        }, () => Task.FromResult<DomainError?>(WriteRunner.Busy("busy")));

    private int Total(string counter) => store.Events.Where(e => e.StreamId == counter).Sum(e => ((Counted)e.Data).By);

    [Fact]
    public async Task Given_another_instance_writes_between_read_and_save_When_the_write_saves_Then_it_decides_again_from_fresh_reads_and_both_counts_are_kept()
    {
        await CountOn(runner, "a", 1);
        store.BeforeNextCommit = async () => Assert.Null(await CountOn(otherInstance, "a", 2));
        var attempts = new List<int>();

        var error = await CountOn(runner, "a", 3, attempts: attempts);

        Assert.Null(error);
        Assert.Equal([1, 2], attempts);
        Assert.Equal(6, Total("a"));
        Assert.Equal([1L, 2L, 3L], store.Events.Where(e => e.StreamId == "a").Select(e => e.Version));
    }

    [Fact]
    public async Task Given_the_fresh_read_breaks_the_rule_When_the_retry_decides_Then_it_refuses_and_writes_nothing_of_its_own()
    {
        await CountOn(runner, "a", 4);
        store.BeforeNextCommit = async () => Assert.Null(await CountOn(otherInstance, "a", 4));

        var error = await CountOn(runner, "a", 3, limit: 10);

        Assert.Equal("over_limit", error?.Code);
        Assert.Equal(8, Total("a"));
    }

    [Fact]
    public async Task Given_a_refusal_When_the_write_runs_Then_nothing_is_written_not_even_its_documents()
    {
        var error = await runner.Run(Unit, "test", async (write, ct) =>
        {
            write.Store(new object());
            var stream = await write.Fetch(CounterDecider.Definition, "a", ct);
            return stream.Decide(new Count("a", 5, Limit: 1)).Error is { } refused ? Tally.Answer(refused) : Tally.Save(null);
        }, () => Task.FromResult<DomainError?>(null));

        Assert.Equal("over_limit", error?.Code);
        Assert.Empty(store.Events);
        Assert.Empty(store.Documents);
    }

    [Fact]
    public async Task Given_a_command_already_done_When_it_is_repeated_Then_the_save_writes_nothing()
    {
        await CountOn(runner, "a", 2);
        var before = store.Events.Count;
        var saves = 0;
        store.BeforeNextCommit = () => { saves++; return Task.CompletedTask; };

        var error = await CountOn(runner, "a", 0);

        Assert.Null(error);
        Assert.Equal(before, store.Events.Count);
        Assert.Equal(0, saves);
    }

    [Fact]
    public async Task Given_two_streams_in_one_attempt_When_the_second_moved_on_Then_neither_is_written_by_the_lost_attempt_and_the_retry_writes_both_once()
    {
        var attempts = 0;
        store.BeforeNextCommit = async () => Assert.Null(await CountOn(otherInstance, "b", 1));

        await runner.Run(Unit, "test", async (write, ct) =>
        {
            attempts++;
            (await write.Fetch(CounterDecider.Definition, "a", ct)).Decide(new Count("a", 1));
            (await write.Fetch(CounterDecider.Definition, "b", ct)).Decide(new Count("b", 1));
            return Tally.Save(null);
        }, () => Task.FromResult<DomainError?>(null));

        Assert.Equal(2, attempts);
        Assert.Equal((1, 2), (Total("a"), Total("b")));
        Assert.Single(store.Events, e => e.StreamId == "a");
    }

    [Fact]
    public async Task Given_one_stream_fetched_twice_in_an_attempt_When_both_handles_decide_Then_they_are_one_stream_appended_once_in_order()
    {
        await runner.Run(Unit, "test", async (write, ct) =>
        {
            var first = await write.Fetch(CounterDecider.Definition, "a", ct);
            first.Decide(new Count("a", 1));
            var second = await write.Fetch(CounterDecider.Definition, "a", ct);
            Assert.Same(first, second);
            Assert.Equal(1, second.State);
            second.Decide(new Count("a", 2));
            return Tally.Save(null);
        }, () => Task.FromResult<DomainError?>(null));

        Assert.Equal([(1L, 1), (2L, 2)], store.Events.Select(e => (e.Version, ((Counted)e.Data).By)));
    }

    [Fact]
    public async Task Given_every_attempt_loses_When_the_attempts_run_out_Then_the_answer_is_busy_and_nothing_of_it_is_written()
    {
        var attempts = new List<int>();
        var lostOn = new List<IReadOnlySet<string>>();

        var answer = await runner.Run(Unit, "test", async (write, ct) =>
        {
            attempts.Add(write.Number);
            lostOn.Add(write.LostOn.ToHashSet());
            var stream = await write.Fetch(CounterDecider.Definition, "a", ct);
            stream.Decide(new Count("a", 1));
            store.BeforeNextCommit = async () => Assert.Null(await CountOn(otherInstance, "a", 10));
            return Tally.Save(null);
        }, () => Task.FromResult<DomainError?>(WriteRunner.Busy("Too many at once.")));

        Assert.Equal("busy", answer?.Code);
        Assert.Equal([1, 2, 3], attempts);
        Assert.Empty(lostOn[0]);
        Assert.Contains("a", lostOn[1]);
        Assert.Equal(30, Total("a"));
    }

    [Fact]
    public async Task Given_an_attempt_finds_its_choice_taken_When_it_asks_again_Then_the_next_attempt_knows_where_it_lost_and_nothing_was_written()
    {
        var lostOn = new List<IReadOnlySet<string>>();

        await runner.Run(Unit, "test", async (write, ct) =>
        {
            lostOn.Add(write.LostOn.ToHashSet());
            var stream = await write.Fetch(CounterDecider.Definition, write.Number == 1 ? "first-choice" : "second-choice", ct);
            stream.Decide(new Count(stream.StreamId, 1));
            return write.Number == 1 ? Tally.Again(stream.StreamId) : Tally.Save(null);
        }, () => Task.FromResult<DomainError?>(null));

        Assert.Equal(["first-choice"], lostOn[1]);
        Assert.Equal(["second-choice"], store.Events.Select(e => e.StreamId));
    }

    [Fact]
    public async Task Given_many_writes_on_one_stream_at_once_in_one_instance_When_they_run_Then_they_take_turns_and_none_loses_a_race()
    {
        var attempts = new System.Collections.Concurrent.ConcurrentBag<int>();

        var errors = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => CountOn(runner, "busy", 1, attempts: null))));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            var mine = new List<int>();
            await CountOn(runner, "busy", 1, attempts: mine);
            foreach (var n in mine) attempts.Add(n);
        })));

        Assert.All(errors, Assert.Null);
        Assert.Equal(70, Total("busy"));
        Assert.All(attempts, n => Assert.Equal(1, n));
    }
}
