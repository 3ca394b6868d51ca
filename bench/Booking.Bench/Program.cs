// The benchmark run: one command (./bench/run.sh) measures, in one run, what PostgreSQL does at all (the floor), the
// database's ceiling for a booking's transaction, bookings through HTTP, one contended time, free-times latency at 10,000
// and 1,000,000 events, a burst of walk-in numbers, the service's memory and the walk-in wait estimate's accuracy; prints
// a table and writes JSON. The measures themselves are in BenchRun.
using System.Text.Json;
using Booking.Bench;

// --tiny is the test suite's size, to see what the test runs; its figures mean nothing.
var sizes = args.Contains("--tiny") ? BenchSizes.Tiny : args.Contains("--quick") ? BenchSizes.Quick : BenchSizes.Full;
// --warmup N: bookings (and floor/ceiling transactions) sent before measuring, for a longer warm-up than the size's.
if (ArgumentAfter("--warmup") is { } warmup) sizes = sizes with { Warmup = int.Parse(warmup, System.Globalization.CultureInfo.InvariantCulture) };
var repository = BenchRun.FindRepository();
var output = ArgumentAfter("--out") ?? Path.Combine(repository, "bench", "results", sizes == BenchSizes.Full ? "latest.json" : $"{sizes.Name}.json");

if (args.Contains("--wait-only"))
{
    var model = new WaitSimulation.Settings(Thursdays: sizes.Thursdays);
    var only = WaitSimulation.Run(model);
    Console.WriteLine(model.Describe());
    Console.WriteLine(JsonSerializer.Serialize(only, new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}

// --report-only: only the unit report's measure (8), with a PostgreSQL of its own; --report-json FILE also writes the
// last report's JSON (to compare the figures of two versions).
if (args.Contains("--report-only"))
{
    await using var reportCluster = await BenchCluster.Start();
    var reportOnly = new Report();
    await ReportBench.Run(await reportCluster.CreateDatabase("report"), sizes.ReportMeetings, sizes.ReportQueries, reportOnly,
        ArgumentAfter("--report-json"));
    reportOnly.PrintTable(Console.Out);
    return 0;
}

// For profiling experiments: --set Key=Value (service setting, repeatable), --connection "Npgsql option=value;..."
// (added to the connection strings of the floor, the ceiling and the service).
var settings = args.Select((a, i) => (a, i)).Where(x => x.a == "--set").Select(x => args[x.i + 1])
    .ToDictionary(pair => pair[..pair.IndexOf('=')], pair => pair[(pair.IndexOf('=') + 1)..]);

var started = DateTimeOffset.Now;
var outcome = await BenchRun.Run(new BenchOptions(sizes, repository, settings, ArgumentAfter("--connection")));
var machine = outcome.Machine;
Console.WriteLine();
Console.WriteLine($"Results ({machine.Cpu}, {machine.Cores} cores, {machine.MemoryGb} GB, PostgreSQL {machine.PostgreSql}; {outcome.Took.TotalMinutes:0.0} min):");
outcome.Report.PrintTable(Console.Out);
Console.WriteLine($"Wait model: {outcome.WaitModel.Describe()}");
await outcome.Report.WriteJson(output, machine, started, outcome.Took);
Console.WriteLine($"Wrote {Path.GetRelativePath(Environment.CurrentDirectory, output)}");
return 0;

string? ArgumentAfter(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
