// (8) The unit report for a year of a busy unit: the report's facts and sums per day as the async projection keeps them
// (100,000 meetings, their families, call-backs, walk-in numbers and refusals, info evenings, feedback) in a database of
// their own, then the report door's own work timed per request: read the year's sums and the facts read whole from
// PostgreSQL, compute the report (12 months and the total), write it as JSON. HTTP and sign-in are left out (the other
// measures show what they add).
using Booking.Domain.Goals;
using System.Diagnostics;
using System.Text.Json;
using Booking.Api.Figures;
using Booking.Api.Json;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.Feedback;
using Booking.Domain.Figures;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace Booking.Bench;

public static class ReportBench
{
    public const double TargetP99Ms = 200;

    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
    private static readonly LocalDate From = new(2025, 1, 1), To = new(2025, 12, 31);

    /// <param name="jsonOut">Where to write the last report's JSON (--report-json), to compare two versions' figures.</param>
    public static async Task Run(string connectionString, int meetings, int queries, Report report, string? jsonOut = null)
    {
        Console.WriteLine($"(8) the unit report for a year, {meetings:N0} meetings: filling the facts ...");
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNodaTime(); // the facts' months are LocalDate parameters, as in the service
        await using var dataSource = builder.Build();
        var unit = Guid.NewGuid();
        var facts = new UnitReportFacts(dataSource, null!); // For() reads only; the configuration is for the projection's writes
        await using (var schema = dataSource.CreateCommand(facts.SchemaSql)) await schema.ExecuteNonQueryAsync();
        var filled = Stopwatch.StartNew();
        var rows = Year(new Random(2025), meetings).ToList();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            foreach (var chunk in rows.Chunk(5000))
                await UnitReportFacts.Upsert(connection, null, unit, [.. chunk.Select(r => r.Key)], [.. chunk.Select(r => r.Fact)], Helsinki,
                    CancellationToken.None);
            // The sums per day and per month the projection keeps beside the facts, as the recount sums them.
            foreach (var chunk in ReportSums.Sum([.. rows.Select(r => r.Fact)], Helsinki).Chunk(20000))
                await UnitReportFacts.AddSums(connection, null, unit, chunk, CancellationToken.None);
        }
        await using (var analyze = dataSource.CreateCommand("analyze unit_report_facts; analyze unit_report_sums; analyze unit_report_month_sums")) await analyze.ExecuteNonQueryAsync();
        var factCount = rows.Count;
        Console.WriteLine($"    {factCount:N0} facts in {filled.Elapsed.TotalSeconds:0.0} s; {queries} reports ...");
        // The bench's own copy of the year is not the service's heap: let it go before timing.
        rows = null!;
        GC.Collect();

        var json = Json();
        var latencies = new Latencies();
        var bytes = 0;
        UnitReport? last = null;
        // Where the time goes: reading from PostgreSQL, and computing the report with its JSON.
        var reading = new Latencies();
        var cpu = TimeSpan.Zero;
        for (var i = -Math.Min(5, queries); i < queries; i++)
        {
            var processor = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            var read = await facts.For(unit, From, To, CancellationToken.None);
            var readMs = watch.Elapsed.TotalMilliseconds;
            var computed = last = UnitReport.Compute(read, From, To, Helsinki, (_, _) => 0);
            bytes = JsonSerializer.SerializeToUtf8Bytes(computed, json).Length;
            watch.Stop();
            if (i < 0) continue;
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            reading.Add(readMs);
            cpu += Environment.CpuUsage.TotalTime - processor;
        }
        var cpuMs = queries == 0 ? 0 : cpu.TotalMilliseconds / queries;
        Console.WriteLine($"    median {latencies.Median:0.0} ms, of it reading {reading.Median:0.0} ms; the bench's own CPU {cpuMs:0.0} ms per report");
        if (jsonOut is not null && last is not null) await File.WriteAllBytesAsync(jsonOut, JsonSerializer.SerializeToUtf8Bytes(last, json));
        report.Add(new Figure("report.year.medianMs", $"(8) unit report, a year of a busy unit ({meetings:N0} meetings): median", latencies.Median, "ms"));
        report.Add(new Figure("report.year.p99Ms", $"(8) ... 99th percentile", latencies.P99, "ms", $"< {TargetP99Ms:0} ms", latencies.P99 < TargetP99Ms,
            $"{factCount:N0} facts kept; each report reads the year's sums per month, each walk-in day's sums and the evenings and feedback from PostgreSQL, computes and writes JSON ({bytes / 1024.0:0} kB), in the bench's process"));
        report.Details["report"] = new { meetings, facts = factCount, jsonBytes = bytes, latencyMs = latencies.Summary(),
            readingMs = reading.Summary(), benchCpuMsPerReport = cpuMs };
    }

    private static JsonSerializerOptions Json()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowOutOfOrderMetadataProperties = true };
        BookingJson.Configure(o);
        return o;
    }

    /// <summary>A busy unit's year as report facts, each with the key, kind and month the projection gives it.</summary>
    private static IEnumerable<(string Key, string Kind, LocalDate? Month, ReportFact Fact)> Year(Random random, int meetings)
    {
        Instant At(LocalDate date, int minute) => date.At(LocalTime.Midnight.PlusMinutes(minute)).InZoneLeniently(Helsinki).ToInstant();
        LocalDate AnyDay() => From.PlusDays(random.Next(365));
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var statuses = new[] { AppointmentStatus.Completed, AppointmentStatus.Completed, AppointmentStatus.Completed, AppointmentStatus.NoShow, AppointmentStatus.Cancelled };
        var families = Enumerable.Range(0, meetings / 3).Select(_ => Guid.NewGuid()).ToArray();

        foreach (var family in families)
            yield return ($"family:{family:N}", "family", null, new FamilyFact(family, At(AnyDay(), random.Next(8 * 60, 16 * 60))));
        for (var m = 0; m < meetings; m++)
        {
            var id = Guid.NewGuid();
            var start = At(AnyDay(), 8 * 60 + 30 * random.Next(20));
            var status = Pick(statuses);
            var fact = new MeetingFact(id, Guid.NewGuid(), Pick(families), Pick(["advice", "agreement", "paternity"]), Pick(Enum.GetValues<Modality>()),
                Pick(Enum.GetValues<BookingChannel>()), random.Next(7) == 0, start, start.Minus(Duration.FromDays(random.Next(1, 20))), status,
                status == AppointmentStatus.Completed ? Enum.GetValues<ThlOutcome>().Where(_ => random.Next(5) == 0).ToList() : [],
                random.Next(4) == 0 ? [Pick(Enum.GetValues<FamilyGoal>())] : null,
                random.Next(5) == 0 ? new GoalReview(Pick(Enum.GetValues<GoalsMet>()), random.Next(2) == 0) : null);
            yield return ($"meeting:{id:N}", "meeting", ReportFact.MonthOf(start.InZone(Helsinki).Date), fact);
        }
        for (var c = 0; c < meetings / 10; c++)
        {
            var id = Guid.NewGuid();
            var date = AnyDay();
            yield return ($"callback:{id:N}", "call_back", ReportFact.MonthOf(date), new CallBackFact(id, Guid.NewGuid(), date,
                At(date, 9 * 60).Minus(Duration.FromDays(3)), Pick(Enum.GetValues<CallBackChannel>()), Pick(Enum.GetValues<CallBackStatus>()), random.Next(3)));
        }
        for (var thursday = new LocalDate(2025, 1, 2); thursday <= To; thursday = thursday.PlusWeeks(1))
        {
            for (var n = 1; n <= 40; n++)
            {
                var issued = At(thursday, 8 * 60 + 5 * n);
                yield return ($"ticket:{LocalDatePattern.Iso.Format(thursday)}:{n}", "ticket", ReportFact.MonthOf(thursday),
                    new TicketFact(thursday, n, issued, issued.Plus(Duration.FromMinutes(random.Next(90))), Pick(Enum.GetValues<TicketEnd>())));
            }
            for (var r = 0; r < 3; r++)
                yield return ($"refusal:{LocalDatePattern.Iso.Format(thursday)}:r{r}", "refusal", ReportFact.MonthOf(thursday),
                    new RefusalFact(thursday, $"r{r}", Pick(["queue_full", "intake_closed"])));
        }
        for (var e = 0; e < 24; e++)
        {
            var id = Guid.NewGuid();
            var start = At(From.PlusDays(15 * e), 17 * 60);
            yield return ($"evening:{id:N}", "evening", ReportFact.MonthOf(start.InZone(Helsinki).Date), new EveningFact(id, start, 40, false,
                [.. Enumerable.Range(0, 45).Select(i => new EveningRegistration(Guid.NewGuid(), i >= 40, false, i < 40 ? random.Next(5) > 0 : null))], 5));
        }
        for (var month = From; month <= To; month = month.PlusMonths(1))
            foreach (var kind in new[] { "advice", "agreement", "paternity", FeedbackCodes.WalkInKind })
                foreach (var audience in Enum.GetValues<FeedbackAudience>())
                    yield return ($"feedback:{LocalDatePattern.Iso.Format(month)}:{kind}:{UnitReport.Wire(audience)}", "feedback", month,
                        new FeedbackFact(month, kind, audience, 50, 200, 210, 190, 10, 8, 20, 9, 36));
    }
}
