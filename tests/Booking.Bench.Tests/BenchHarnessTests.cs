// The bench cannot rot: its configuration step and each of its measures run here at tiny size, and each must yield its
// figure. The values are not judged (a tiny run on a shared machine says nothing about speed), only that they exist.
using System.Text.Json;
using Xunit;

namespace Booking.Bench.Tests;

public sealed class BenchHarnessTests(TinyBenchRun run) : IClassFixture<TinyBenchRun>
{
    private Report Report => run.Outcome.Report;

    private JsonElement Details(string section) =>
        JsonSerializer.SerializeToElement(Report.Details[section], new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void Given_the_demo_unit_When_the_bench_configures_it_through_the_managers_API_Then_its_supervisors_offer_free_times()
    {
        var unit = Details("unit");
        Assert.Equal(BenchUnit.SupervisorCount, unit.GetProperty("supervisors").GetInt32());
        Assert.True(unit.GetProperty("freeStarts").GetInt32() > 0, "the configured unit offered no free times");
    }

    [Theory]
    [InlineData("floor")]
    [InlineData("ceiling")]
    [InlineData("ceiling.shareOfFloor")]
    [InlineData("bookings.perSecond")]
    [InlineData("bookings.shareOfCeiling")]
    [InlineData("bookings.medianMs")]
    [InlineData("bookings.p99Ms")]
    [InlineData("contention.allAnsweredMs")]
    [InlineData("freeTimes.ratio")]
    [InlineData("walkIn.allAnsweredMs")]
    [InlineData("rss.idleMb")]
    [InlineData("rss.loadMb")]
    [InlineData("waitEstimate.maeMinutes")]
    [InlineData("waitEstimate.informedMaeMinutes")]
    [InlineData("report.year.medianMs")]
    [InlineData("report.year.p99Ms")]
    public void Given_a_tiny_run_Then_the_measure_produced_a_figure(string id)
    {
        var figure = Assert.Single(Report.Figures, f => f.Id == id);
        Assert.True(figure.Value is { } v && double.IsFinite(v) && v > 0, $"{id} has no figure: {figure.Value}");
    }

    [Fact]
    public void Given_a_tiny_run_Then_free_times_were_measured_at_both_store_sizes()
    {
        var sizes = BenchSizes.Tiny;
        foreach (var size in new[] { sizes.SmallStore, sizes.LargeStore })
        foreach (var figure in new[] { "medianMs", "p99Ms" })
            Assert.True(Report.Figures.Single(f => f.Id == $"freeTimes.{size}.{figure}").Value > 0, $"free times at {size} events: no {figure}");
        Assert.Equal(sizes.LargeStore, Details("freeTimes").EnumerateObject().Select(p => long.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)).Max());
    }

    [Fact]
    public void Given_a_tiny_run_Then_every_booking_was_made_and_the_contended_time_went_to_exactly_one_client()
    {
        var statuses = Details("bookings").GetProperty("statuses");
        Assert.Equal(BenchSizes.Tiny.Bookings, statuses.GetProperty("201").GetInt32());
        var contention = Report.Figures.Single(f => f.Id == "contention.successes");
        Assert.Equal(1, contention.Value);
        Assert.True(contention.Met, contention.Note);
    }

    // On a public holiday there is no walk-in session, so every request is refused (422) rather than given a number.
    [Fact]
    public void Given_a_tiny_run_Then_every_walk_in_number_request_was_answered_with_a_number_or_a_refusal()
    {
        var statuses = Details("walkIn").GetProperty("statuses").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.All(statuses.Keys, status => Assert.Contains(status, new[] { "201", "422" }));
        Assert.Equal(BenchSizes.Tiny.WalkInBurst, statuses.Values.Sum());
    }

    [Fact]
    public void Given_the_wait_estimate_When_judged_Then_its_target_is_the_informed_estimate_plus_five_percent()
    {
        var estimate = Report.Figures.Single(f => f.Id == "waitEstimate.maeMinutes");
        var informed = Report.Figures.Single(f => f.Id == "waitEstimate.informedMaeMinutes").Value!.Value;
        Assert.Equal(estimate.Value <= 1.05 * informed, estimate.Met);
        Assert.Contains("informed + 5 %", estimate.Target);
    }

    [Fact]
    public async Task Given_a_run_When_its_report_is_written_Then_the_table_and_the_json_show_the_floor_beside_the_ceiling()
    {
        var table = new StringWriter();
        Report.PrintTable(table);
        Assert.Contains("(1) floor", table.ToString());
        Assert.Contains("(1) ceiling", table.ToString());

        var path = Path.Combine(Path.GetTempPath(), $"bench-report-{Guid.NewGuid():N}.json");
        try
        {
            await Report.WriteJson(path, run.Outcome.Machine, DateTimeOffset.Now, run.Outcome.Took);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var ids = json.RootElement.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
            Assert.Contains("floor", ids);
            Assert.Contains("ceiling", ids);
            Assert.True(json.RootElement.GetProperty("details").GetProperty("floor").GetProperty("transactions").GetInt32() > 0);
        }
        finally { File.Delete(path); }
    }
}
