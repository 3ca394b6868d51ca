// One tiny run of the whole bench for the test class: its own throwaway PostgreSQL, the built service as a child process,
// every measure at a few operations each. Started once; the tests read its report.
using Xunit;

namespace Booking.Bench.Tests;

public sealed class TinyBenchRun : IAsyncLifetime
{
    // Tiny sizes take well under a minute on two shared cores; a hang must fail the run, not hold CI.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    public BenchOutcome Outcome { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Outcome = await BenchRun.Run(new BenchOptions(BenchSizes.Tiny, BenchRun.FindRepository())).WaitAsync(Deadline);

    public Task DisposeAsync() => Task.CompletedTask;
}
