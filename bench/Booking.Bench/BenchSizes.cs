// How much each measure does: the full run the README's figures come from, --quick, and the tiny run the test suite
// makes so that a change that breaks the harness fails CI (its figures mean nothing, only that each was produced).
namespace Booking.Bench;

/// <param name="Clients">Connections of the floor and the ceiling, and HTTP clients of the booking run.</param>
/// <param name="SmallStore">Events in the store for the first free-times measure (the history fills up to it).</param>
/// <param name="LargeStore">Events in the store for the second.</param>
/// <param name="FreeTimesWarmup">Queries sent before the first measure so the service's code is optimised (tiered JIT).</param>
/// <param name="Settle">Rest after configuration before the idle memory is read.</param>
public sealed record BenchSizes(
    string Name,
    int Clients,
    int Warmup,
    int Bookings,
    int ContentionAttempts,
    int ContentionConcurrency,
    int FreeTimesWarmup,
    int FreeTimesQueries,
    long SmallStore,
    long LargeStore,
    int WalkInBurst,
    int Thursdays,
    TimeSpan Settle)
{
    /// <summary>Meetings in the unit report's year (8): the busy unit has 100,000.</summary>
    public int ReportMeetings { get; init; } = 100_000;

    /// <summary>Reports computed for the unit report's measure (8).</summary>
    public int ReportQueries { get; init; } = 100;

    public static BenchSizes Full { get; } = new("full", 16, 500, 4000, 1000, 64, 300, 1000, 10_000, 1_000_000, 300, 5000, TimeSpan.FromSeconds(3));

    public static BenchSizes Quick { get; } = Full with
    {
        Name = "quick", Warmup = 200, Bookings = 1000, FreeTimesQueries = 200, LargeStore = 200_000, Thursdays = 500,
    };

    public static BenchSizes Tiny { get; } = new("tiny", 4, 8, 40, 20, 8, 5, 10, 2_000, 3_000, 20, 20, TimeSpan.Zero)
    {
        ReportMeetings = 300, ReportQueries = 3,
    };
}
