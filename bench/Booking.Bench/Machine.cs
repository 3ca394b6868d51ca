// The machine a run came from, for the report: cores, memory, CPU model, OS, .NET and PostgreSQL versions, load.
using System.Globalization;
using System.Runtime.InteropServices;

namespace Booking.Bench;

public sealed record Machine(int Cores, double MemoryGb, string Cpu, string Os, string Kernel, string DotNet, string LoadAverage, string? PostgreSql = null)
{
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        Math.Round(MemTotalKb() / 1024.0 / 1024.0, 1),
        FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        OsName(),
        Environment.OSVersion.Version.ToString(),
        RuntimeInformation.FrameworkDescription,
        Read("/proc/loadavg") is { } load ? string.Join(' ', load.Split(' ').Take(3)) : "?");

    private static long MemTotalKb() =>
        FirstValue("/proc/meminfo", "MemTotal") is { } v ? long.Parse(v.Split(' ')[0], CultureInfo.InvariantCulture) : 0;

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"') ?? "Linux"
            : RuntimeInformation.OSDescription;

    private static string? FirstValue(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;

    private static string? Read(string file) => File.Exists(file) ? File.ReadAllText(file).Trim() : null;
}

/// <summary>Samples the service's resident memory every 100 ms and keeps the highest value of each phase.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, double> _peaks = [];
    private readonly Lock _gate = new();
    private string _phase = "idle";

    public MemorySampler(ServiceProcess service)
    {
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                if (service.MemoryMb("VmRSS") is { } rss)
                    lock (_gate) _peaks[_phase] = Math.Max(_peaks.GetValueOrDefault(_phase), Math.Round(rss, 1));
                try { await Task.Delay(100, _stop.Token); }
                catch (OperationCanceledException) { }
            }
        });
    }

    public void Phase(string name) { lock (_gate) _phase = name; }

    public IReadOnlyDictionary<string, double> Peaks { get { lock (_gate) return new Dictionary<string, double>(_peaks); } }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested) _stop.Cancel();
    }
}
