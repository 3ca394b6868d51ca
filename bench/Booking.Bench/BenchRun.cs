// One run of every measure, in the order that keeps them apart: the floor and the ceiling with nothing else running, then
// the service configured by the manager's API for one contended time, bookings, free times at two store sizes, a burst of
// walk-in numbers and its memory, and at last the wait estimate (no database). Program.cs runs it at full or --quick
// size and writes the report; the test suite runs it at tiny size.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Booking.Api.Configuration;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace Booking.Bench;

/// <param name="ServiceSettings">Extra settings for the service (Key=Value as environment variables), for profiling.</param>
/// <param name="ConnectionOptions">Npgsql options added to every connection string of the run, for profiling.</param>
public sealed record BenchOptions(
    BenchSizes Sizes,
    string RepositoryRoot,
    IReadOnlyDictionary<string, string>? ServiceSettings = null,
    string? ConnectionOptions = null);

public sealed record BenchOutcome(Report Report, Machine Machine, WaitSimulation.Settings WaitModel, TimeSpan Took);

public static class BenchRun
{
    /// <summary>A walk-in wait estimate counts as good when its error is at most this much above the informed estimate's
    /// (what knowing the simulation's own distributions achieves): the rest is the randomness of visits still to come.</summary>
    public const double WaitEstimateTolerance = 1.05;

    public static async Task<BenchOutcome> Run(BenchOptions options)
    {
        var sizes = options.Sizes;
        var clients = sizes.Clients;
        var total = Stopwatch.StartNew();
        var report = new Report();
        var machine = Machine.Describe();
        Console.WriteLine($"Booking bench ({sizes.Name}): {machine.Cpu}, {machine.Cores} cores, {machine.MemoryGb} GB; load average at start {machine.LoadAverage}");

        await using var cluster = await BenchCluster.Start();
        machine = machine with { PostgreSql = await cluster.ServerVersion() };
        Console.WriteLine($"PostgreSQL {machine.PostgreSql} from {cluster.BinDirectory}, data in {cluster.Root}");
        var dll = ServiceProcess.FindServiceDll(options.RepositoryRoot);
        ServiceProcess? running = null;
        var cpu = new CpuMeter(Path.Combine(cluster.Root, "pgdata"), () => running?.Pid);
        var log = Path.Combine(cluster.Root, "service.log");
        var settings = new Dictionary<string, string>
        {
            ["RateLimits__PublicPerMinute"] = "100000000",
            ["RateLimits__BookingsPerMinute"] = "100000000",
            ["RateLimits__KioskPerMinute"] = "100000000",
            ["Demo__Seed"] = "true",
            ["Smtp__PickupDirectory"] = Path.Combine(cluster.Root, "pickup"),
        };
        foreach (var (key, value) in options.ServiceSettings ?? new Dictionary<string, string>()) settings[key] = value;
        string WithOptions(string connectionString) =>
            options.ConnectionOptions is null ? connectionString : $"{connectionString};{options.ConnectionOptions}";

        // (1) The floor, in a database of its own with a table of its own: no service, none of its tables.
        Console.WriteLine($"(1) floor: one event appended to one stream per transaction, {clients} connections ...");
        var floor = await Floor.Run(WithOptions(await cluster.CreateDatabase("floor")), clients, sizes.Warmup, sizes.Bookings, cpu);
        report.Add(new Figure("floor", $"(1) floor: PostgreSQL alone, one event appended per transaction, {clients} connections", floor.PerSecond, "/s",
            Note: $"{floor.Transactions} transactions in {floor.Elapsed.TotalSeconds:0.0} s; median {floor.Latencies.Median:0.00} ms, p99 {floor.Latencies.P99:0.00} ms; " +
                  $"CPU per transaction: PostgreSQL {floor.Cpu.PostgresMs / floor.Transactions:0.00} ms, bench (Npgsql) {floor.Cpu.BenchMs / floor.Transactions:0.00} ms"));
        report.Details["floor"] = new
        {
            transactions = floor.Transactions, seconds = floor.Elapsed.TotalSeconds, latencyMs = floor.Latencies.Summary(),
            cpuPerTransaction = floor.Cpu.Per(floor.Transactions), statement = Floor.Append,
        };

        // (1) The ceiling, in its own database: the service creates the schema there and stops, so nothing else runs meanwhile.
        Console.WriteLine("(1) ceiling: the booking's write transaction straight through Npgsql ...");
        var ceilingDb = WithOptions(await cluster.CreateDatabase("ceiling"));
        await (await ServiceProcess.Start(dll, ceilingDb, log, cluster.ServicePidFile, new Dictionary<string, string>(settings) { ["Demo__Seed"] = "false" }))
            .DisposeAsync();
        var ceiling = await Ceiling.Run(ceilingDb, DemoUnitIds.Unit, clients, sizes.Warmup, sizes.Bookings, cpu);
        report.Add(new Figure("ceiling", $"(1) ceiling: PostgreSQL alone, a booking's transaction, {clients} connections", ceiling.PerSecond, "/s",
            Note: $"{ceiling.Transactions} transactions in {ceiling.Elapsed.TotalSeconds:0.0} s; median {ceiling.Latencies.Median:0.00} ms, p99 {ceiling.Latencies.P99:0.00} ms; " +
                  $"CPU per transaction: PostgreSQL {ceiling.Cpu.PostgresMs / ceiling.Transactions:0.00} ms, bench (Npgsql) {ceiling.Cpu.BenchMs / ceiling.Transactions:0.00} ms"));
        var ceilingShare = 100 * ceiling.PerSecond / floor.PerSecond;
        report.Add(new Figure("ceiling.shareOfFloor", "(1) ... the ceiling as a share of the floor: what a booking's transaction costs", ceilingShare, "%"));
        report.Details["ceiling"] = new
        {
            transactions = ceiling.Transactions, seconds = ceiling.Elapsed.TotalSeconds, latencyMs = ceiling.Latencies.Summary(), Ceiling.BookingsPerStaffDay,
            cpuPerTransaction = ceiling.Cpu.Per(ceiling.Transactions),
        };

        // The service on its own database, configured by the manager through the API.
        var bookingDb = WithOptions(await cluster.CreateDatabase("booking"));
        await using var service = await ServiceProcess.Start(dll, bookingDb, log, cluster.ServicePidFile, settings);
        running = service;
        using var sampler = new MemorySampler(service);
        var today = BenchUnit.Today();
        using (var manager = await BenchUnit.SignInAsManager(service.Address))
            await BenchUnit.Configure(manager, today);
        using var http = HttpLoad.Client(service.Address);
        var from = today.PlusDays(1);
        var to = today.PlusWeeks(8);
        var starts = await FreeStarts(http, from, to);
        Console.WriteLine($"Service pid {service.Pid} at {service.Address}; {BenchUnit.SupervisorCount} supervisors, {starts.Count} free starts {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        report.Details["unit"] = new { supervisors = BenchUnit.SupervisorCount, freeStarts = starts.Count, from = from.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), to = to.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) };
        if (sizes.Settle > TimeSpan.Zero) await Task.Delay(sizes.Settle);
        var idlePeak = service.MemoryMb("VmHWM");
        var idleNow = service.MemoryMb("VmRSS");

        // (3) One time that only one supervisor can take, wanted by many clients at once.
        sampler.Phase("contention");
        var (attempts, concurrency) = (sizes.ContentionAttempts, sizes.ContentionConcurrency);
        Console.WriteLine($"(3) one time, {attempts} attempts, {concurrency} at a time ...");
        var evening = starts.FirstOrDefault(s => s.DayOfWeek == BenchUnit.Evening.Day && s.TimeOfDay == BenchUnit.Evening.From);
        if (evening == default) throw new InvalidOperationException("No free Wednesday evening time to contend for.");
        var contention = await HttpLoad.Run(http, attempts, concurrency, i => BookingRequest(evening, $"contention-{i}"));
        var winners = contention.Count(HttpStatusCode.Created);
        report.Add(new Figure("contention.successes", $"(3) one time, {attempts} attempts, {concurrency} at a time: successes",
            winners, "", "exactly 1", winners == 1 && contention.Count(HttpStatusCode.Conflict) == attempts - 1,
            $"{contention.StatusSummary} (201 booked, 409 slot_taken)"));
        report.Add(new Figure("contention.allAnsweredMs", "(3) ... time until all are answered", contention.Elapsed.TotalMilliseconds, "ms",
            Note: $"latency median {contention.Latencies.Median:0.0} ms, p99 {contention.Latencies.P99:0.0} ms"));
        report.Details["contention"] = new { start = evening.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), statuses = contention.Statuses, latencyMs = contention.Latencies.Summary() };

        // (2) Bookings through HTTP at distinct times, the clients back to back.
        sampler.Phase("bookings");
        Console.WriteLine($"(2) {sizes.Bookings} bookings through HTTP, {clients} clients ...");
        var daytime = starts.Where(s => s.TimeOfDay < BenchUnit.Evening.From).ToList();
        var order = DistinctTimes(daytime, sizes.Warmup + sizes.Bookings, BenchUnit.SupervisorCount);
        await HttpLoad.Run(http, sizes.Warmup, clients, i => BookingRequest(order[i], $"warmup-{i}"));
        await ResetStatementStatistics(bookingDb);
        var beforeLoad = cpu.Sample();
        var load = await HttpLoad.Run(http, sizes.Bookings, clients, i => BookingRequest(order[sizes.Warmup + i], $"booking-{i}"));
        var loadCpu = cpu.Sample().Minus(beforeLoad);
        var booked = load.Count(HttpStatusCode.Created);
        var rate = booked / load.Elapsed.TotalSeconds;
        var share = 100 * rate / ceiling.PerSecond;
        var (missing, statements) = await Ceiling.CompareWithService(bookingDb, booked);
        report.Add(new Figure("bookings.perSecond", $"(2) bookings through HTTP, distinct times, {clients} clients", rate, "/s",
            Note: $"{load.StatusSummary} in {load.Elapsed.TotalSeconds:0.0} s; CPU per booking: service {loadCpu.ServiceMs / sizes.Bookings:0.00} ms, " +
                  $"PostgreSQL {loadCpu.PostgresMs / sizes.Bookings:0.00} ms, bench (HTTP client) {loadCpu.BenchMs / sizes.Bookings:0.00} ms"));
        report.Add(new Figure("bookings.shareOfCeiling", "(2) ... share of the ceiling (1): what the service adds", share, "%", "≥ 50%", share >= 50,
            (missing.Count == 0
                ? $"all {Ceiling.Statements.Count} statements of the ceiling's transaction were found among the service's own (pg_stat_statements)"
                : $"WARNING: the service did not run these statements of the ceiling: {string.Join(", ", missing)}") +
            $"; {100 * rate / floor.PerSecond:0.0} % of the floor"));
        report.Add(new Figure("bookings.medianMs", "(2) booking latency, median", load.Latencies.Median, "ms"));
        report.Add(new Figure("bookings.p99Ms", "(2) booking latency, 99th percentile", load.Latencies.P99, "ms", "≤ 25 ms", load.Latencies.P99 <= 25));
        report.Details["bookings"] = new
        {
            warmup = sizes.Warmup, measured = sizes.Bookings, statuses = load.Statuses, seconds = load.Elapsed.TotalSeconds, latencyMs = load.Latencies.Summary(),
            distinctStarts = daytime.Count, ceilingStatementsMissing = missing, serviceStatements = statements, cpuPerBooking = loadCpu.Per(sizes.Bookings),
        };

        // (4) Free times for 8 weeks and 20 supervisors, with a small and then a large store.
        sampler.Phase("free-times");
        var history = new History(bookingDb, DemoUnitIds.Unit, BenchUnit.Supervisors);
        var freeTimes = new Dictionary<long, (Latencies Latencies, long Events, TimeSpan Fill, CpuSample Cpu)>();
        var drained = await history.Quiesce();
        for (var i = 0; i < sizes.FreeTimesWarmup; i++) (await http.GetAsync(FreeTimesPath(from, to))).Dispose();
        Console.WriteLine($"    the email backlog of the booking run was sent after {drained.TotalSeconds:0.0} s more");
        report.Details["emailBacklogSeconds"] = Math.Round(drained.TotalSeconds, 1);
        foreach (var size in new[] { sizes.SmallStore, sizes.LargeStore })
        {
            Console.WriteLine($"(4) filling the store to {size:N0} events ...");
            var fill = await history.FillTo(size);
            var events = await history.CountEvents();
            Console.WriteLine($"    {events:N0} events (filled in {fill.TotalSeconds:0.0} s); {sizes.FreeTimesQueries} free-times queries ...");
            await history.Quiesce();
            var beforeQueries = cpu.Sample();
            var latencies = await FreeTimesLatency(http, from, to, sizes.FreeTimesQueries);
            freeTimes[size] = (latencies, events, fill, cpu.Sample().Minus(beforeQueries));
        }
        var (small, large) = (freeTimes[sizes.SmallStore], freeTimes[sizes.LargeStore]);
        var ratio = large.Latencies.Median / small.Latencies.Median;
        var queried = sizes.FreeTimesQueries + WarmupPerSize(sizes.FreeTimesQueries);
        foreach (var (size, (latencies, events, _, used)) in freeTimes)
        {
            report.Add(new Figure($"freeTimes.{size}.medianMs", $"(4) free times (8 weeks, 20 supervisors), {events:N0} events: median", latencies.Median, "ms",
                Note: $"CPU per query: service {used.ServiceMs / queried:0.00} ms, PostgreSQL {used.PostgresMs / queried:0.00} ms"));
            report.Add(new Figure($"freeTimes.{size}.p99Ms", $"(4) ... {events:N0} events: 99th percentile", latencies.P99, "ms", "≤ 10 ms", latencies.P99 <= 10));
        }
        report.Add(new Figure("freeTimes.ratio", $"(4) free times, {large.Events:N0} vs {small.Events:N0} events (median)", ratio, "x", "≤ 1.2x", ratio <= 1.2,
            $"p99 ratio {large.Latencies.P99 / small.Latencies.P99:0.00}x"));
        report.Details["freeTimes"] = freeTimes.ToDictionary(f => f.Value.Events.ToString(CultureInfo.InvariantCulture),
            f => (object)new { latencyMs = f.Value.Latencies.Summary(), fillSeconds = Math.Round(f.Value.Fill.TotalSeconds, 1), cpuPerQuery = f.Value.Cpu.Per(queried) });

        // (5) A burst at the kiosk: number requests all at once.
        sampler.Phase("walk-in");
        var burstSize = sizes.WalkInBurst;
        Console.WriteLine($"(5) {burstSize} walk-in number requests at once ...");
        var beforeBurst = cpu.Sample();
        var burst = await HttpLoad.Run(http, burstSize, burstSize,
            _ => HttpLoad.Json(HttpMethod.Post, "/api/walk-in/tickets", """{"matter":"advice","language":"fi"}"""));
        var burstCpu = cpu.Sample().Minus(beforeBurst);
        var waiting = await WaitingOnBoard(http);
        var issued = burst.Count(HttpStatusCode.Created);
        report.Add(new Figure("walkIn.allAnsweredMs", $"(5) {burstSize} walk-in number requests at once: all answered", burst.Elapsed.TotalMilliseconds, "ms",
            Note: $"{burst.StatusSummary} (201 issued, 422 refused); {waiting} waiting on the board; latency median {burst.Latencies.Median:0} ms, p99 {burst.Latencies.P99:0} ms"));
        report.Details["walkIn"] = new { statuses = burst.Statuses, issued, waitingOnBoard = waiting, latencyMs = burst.Latencies.Summary(), cpuPerRequest = burstCpu.Per(burstSize) };

        // (6) The service's memory.
        sampler.Phase("end");
        await Task.Delay(500);
        var loadPeak = service.MemoryMb("VmHWM");
        report.Add(new Figure("rss.idleMb", "(6) service peak RSS, idle (start-up and configuration)", idlePeak, "MB", "≤ 250 MB", idlePeak <= 250,
            $"resident {idleNow:0} MB at rest"));
        report.Add(new Figure("rss.loadMb", "(6) service peak RSS, under load (whole run)", loadPeak, "MB", "≤ 250 MB", loadPeak <= 250,
            "per phase: " + string.Join(", ", sampler.Peaks.Select(p => $"{p.Key} {p.Value:0} MB"))));
        report.Details["memory"] = new { idlePeakMb = idlePeak, idleRssMb = idleNow, loadPeakMb = loadPeak, phasePeakRssMb = sampler.Peaks };

        // (8) The unit report for a year of a busy unit, in a database of its own (ReportBench).
        await ReportBench.Run(WithOptions(await cluster.CreateDatabase("report")), sizes.ReportMeetings, sizes.ReportQueries, report);

        sampler.Dispose();
        await service.DisposeAsync();
        running = null;
        await cluster.DisposeAsync();

        // (7) The walk-in wait estimate against simulated Thursdays.
        Console.WriteLine("(7) wait estimate against simulated Thursdays ...");
        var model = new WaitSimulation.Settings(Thursdays: sizes.Thursdays);
        var simulated = WaitSimulation.Run(model);
        var allowed = WaitEstimateTolerance * simulated.InformedMaeMinutes;
        report.Add(new Figure("waitEstimate.maeMinutes", $"(7) walk-in wait shown vs actual, mean absolute error ({simulated.Measured:N0} tickets)",
            simulated.MaeMinutes, "min", $"≤ informed + 5 % ({allowed:0.00} min)", simulated.MaeMinutes <= allowed,
            $"bias {simulated.BiasMinutes:+0.0;-0.0} min (shown minus actual); mean actual wait {simulated.MeanWaitMinutes:0.0} min; " +
            $"the informed estimate, which knows the simulation's distributions (median of sampled futures), scores {simulated.InformedMaeMinutes:0.00} min; " +
            "by people ahead (domain / informed): " +
            string.Join(", ", simulated.ByPeopleAhead.Select(b => $"{b.PeopleAhead}: {b.MaeMinutes:0.0} / {b.InformedMaeMinutes:0.0} min ({b.Tickets})"))));
        report.Add(new Figure("waitEstimate.informedMaeMinutes", "(7) ... the informed estimate's mean absolute error", simulated.InformedMaeMinutes, "min"));
        report.Details["waitEstimate"] = new { model = model.Describe(), tolerance = WaitEstimateTolerance, simulated };

        total.Stop();
        return new BenchOutcome(report, machine, model, total.Elapsed);
    }

    // Before each store size's measure, a few queries so the plan cache and the runtime see the new data first.
    private static int WarmupPerSize(int queries) => Math.Min(50, queries);

    /// <summary>The repository's root: the nearest folder above this build that holds Booking.sln.</summary>
    public static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Booking.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the bench from inside the repository (Booking.sln not found above it).");
    }

    private static async Task<List<LocalDateTime>> FreeStarts(HttpClient http, LocalDate from, LocalDate to)
    {
        var json = await http.GetStringAsync(FreeTimesPath(from, to));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => LocalDateTimePattern.GeneralIso.Parse(e.GetProperty("start").GetString()!).Value).ToList();
    }

    private static string FreeTimesPath(LocalDate from, LocalDate to) =>
        $"/api/free-times?type=advice&modality=inPerson&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    // Each start offered once per round, shuffled within the round: concurrent requests want different times, and a start
    // comes back only after every other one (up to one round per supervisor).
    private static List<LocalDateTime> DistinctTimes(List<LocalDateTime> starts, int count, int rounds)
    {
        if (count > starts.Count * rounds) throw new InvalidOperationException($"Only {starts.Count * rounds} bookable (start, supervisor) pairs for {count} bookings.");
        var random = new Random(2026);
        var order = new List<LocalDateTime>(count);
        while (order.Count < count) order.AddRange(starts.OrderBy(_ => random.Next()));
        return order.Take(count).ToList();
    }

    private static HttpRequestMessage BookingRequest(LocalDateTime start, string key)
    {
        var n = key.GetHashCode() & 0xffffff;
        var when = start.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var body = "{\"appointmentType\":\"advice\",\"modality\":\"inPerson\",\"start\":\"" + when + "\"," +
                   $"\"client\":{{\"name\":\"Bench Client {n}\",\"email\":\"client{n}@example.fi\",\"phone\":\"+358 40 {n % 10_000_000:0000000}\",\"language\":\"fi\"}}}}";
        var request = HttpLoad.Json(HttpMethod.Post, "/api/bookings", body);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", $"bench-{key}-{Guid.NewGuid():N}");
        return request;
    }

    private static async Task<Latencies> FreeTimesLatency(HttpClient http, LocalDate from, LocalDate to, int count)
    {
        var path = FreeTimesPath(from, to);
        for (var i = 0; i < WarmupPerSize(count); i++) (await http.GetAsync(path)).Dispose();
        var latencies = new Latencies();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        return latencies;
    }

    private static async Task<int> WaitingOnBoard(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/walk-in/board"));
        return document.RootElement.GetProperty("waiting").GetInt32();
    }

    private static async Task ResetStatementStatistics(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("create extension if not exists pg_stat_statements; select pg_stat_statements_reset()", connection);
        await command.ExecuteNonQueryAsync();
    }
}
