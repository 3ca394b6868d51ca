// Closed-loop transactions straight through Npgsql, for the floor and the ceiling: each connection starts its next
// transaction as soon as the last one commits; a warm-up first, then the measured count with latencies and CPU.
using System.Diagnostics;

namespace Booking.Bench;

public sealed record TransactionRate(double PerSecond, int Transactions, TimeSpan Elapsed, Latencies Latencies, CpuSample Cpu);

public static class TransactionLoop
{
    /// <param name="connections">One transaction at a time each, in its own stream of work.</param>
    public static async Task<TransactionRate> Measure(IReadOnlyList<Func<Task>> connections, int warmup, int transactions, CpuMeter cpu)
    {
        await Run(connections, warmup, null);
        var latencies = new Latencies();
        var before = cpu.Sample();
        var clock = Stopwatch.StartNew();
        await Run(connections, transactions, latencies);
        clock.Stop();
        return new TransactionRate(transactions / clock.Elapsed.TotalSeconds, transactions, clock.Elapsed, latencies, cpu.Sample().Minus(before));
    }

    private static async Task Run(IReadOnlyList<Func<Task>> connections, int count, Latencies? latencies)
    {
        var remaining = count;
        await Task.WhenAll(connections.Select(async once =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var started = Stopwatch.GetTimestamp();
                await once();
                latencies?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
    }
}
