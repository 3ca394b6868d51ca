// The run's figures: each with its unit, its target (if the issue sets one) and whether it was met; printed as a table
// and written as JSON.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Booking.Bench;

/// <param name="Target">The target as text ("≥ 50% of the ceiling"); null when the figure has none.</param>
/// <param name="Met">Whether the target was met; null when there is no target or the figure could not be measured.</param>
public sealed record Figure(string Id, string Name, double? Value, string Unit, string? Target = null, bool? Met = null, string? Note = null);

public sealed class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public List<Figure> Figures { get; } = [];

    /// <summary>Everything else worth keeping from the run (settings, counts, breakdowns), by section.</summary>
    public Dictionary<string, object> Details { get; } = [];

    public Figure Add(Figure figure)
    {
        Figures.Add(figure);
        Console.WriteLine($"  {figure.Name}: {Format(figure)}{(figure.Met is { } met ? met ? "  (met)" : "  (NOT met)" : "")}");
        return figure;
    }

    public static string Format(Figure f) => f.Value is not { } v
        ? "not measured"
        : f.Unit switch
        {
            "%" => v.ToString("0.0", CultureInfo.InvariantCulture) + " %",
            "x" => v.ToString("0.00", CultureInfo.InvariantCulture) + "x",
            "ms" => v.ToString(v < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms",
            "min" => v.ToString("0.00", CultureInfo.InvariantCulture) + " min",
            "MB" => v.ToString("0.0", CultureInfo.InvariantCulture) + " MB",
            "/s" => v.ToString("0", CultureInfo.InvariantCulture) + " /s",
            "s" => v.ToString("0.00", CultureInfo.InvariantCulture) + " s",
            _ => v.ToString("0.##", CultureInfo.InvariantCulture) + (f.Unit.Length > 0 ? " " + f.Unit : ""),
        };

    public void PrintTable(TextWriter output)
    {
        var rows = Figures.Select(f => (f.Name, Value: Format(f), Target: f.Target ?? "",
            Met: f.Met switch { true => "met", false => "NOT MET", null => "" })).ToList();
        var w1 = Math.Max(7, rows.Max(r => r.Name.Length));
        var w2 = Math.Max(5, rows.Max(r => r.Value.Length));
        var w3 = Math.Max(6, rows.Max(r => r.Target.Length));
        var line = new string('-', w1 + w2 + w3 + 16);
        output.WriteLine(line);
        output.WriteLine($"{"measure".PadRight(w1)}  {"value".PadLeft(w2)}  {"target".PadRight(w3)}  result");
        output.WriteLine(line);
        foreach (var r in rows) output.WriteLine($"{r.Name.PadRight(w1)}  {r.Value.PadLeft(w2)}  {r.Target.PadRight(w3)}  {r.Met}");
        output.WriteLine(line);
        foreach (var f in Figures.Where(f => f.Note is not null)) output.WriteLine($"* {f.Name}: {f.Note}");
    }

    public async Task WriteJson(string path, object machine, DateTimeOffset started, TimeSpan took)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var document = new
        {
            command = "./bench/run.sh",
            startedAt = started,
            durationSeconds = Math.Round(took.TotalSeconds, 1),
            machine,
            figures = Figures,
            details = Details,
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json) + "\n");
    }
}

/// <summary>Latencies of one measurement, in milliseconds; percentiles by nearest rank.</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];
    private readonly Lock _gate = new();

    public void Add(double milliseconds)
    {
        lock (_gate) _ms.Add(milliseconds);
    }

    public int Count { get { lock (_gate) return _ms.Count; } }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_ms.Count == 0) return double.NaN;
            var sorted = _ms.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }

    public double Median => Percentile(50);
    public double P99 => Percentile(99);
    public double Max => Percentile(100);
    public double Mean { get { lock (_gate) return _ms.Count == 0 ? double.NaN : _ms.Average(); } }

    public object Summary() => new
    {
        count = Count, mean = Round(Mean), median = Round(Median), p90 = Round(Percentile(90)), p99 = Round(P99), max = Round(Max),
    };

    private static double Round(double v) => Math.Round(v, 2);
}
