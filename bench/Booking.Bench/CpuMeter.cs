// CPU time used by the service, by PostgreSQL (the postmaster, its live backends and the ones that have exited) and by
// the bench itself, from /proc. Other work on a shared machine stretches wall-clock times; CPU per operation does not
// move much with it, so it is the figure to profile by.
using System.Diagnostics;
using System.Globalization;

namespace Booking.Bench;

public sealed record CpuSample(double ServiceMs, double PostgresMs, double BenchMs)
{
    public CpuSample Minus(CpuSample earlier) =>
        new(ServiceMs - earlier.ServiceMs, PostgresMs - earlier.PostgresMs, BenchMs - earlier.BenchMs);

    /// <summary>CPU milliseconds per operation, for the report.</summary>
    public object Per(double operations) => new
    {
        serviceMs = Math.Round(ServiceMs / operations, 3),
        postgresMs = Math.Round(PostgresMs / operations, 3),
        benchMs = Math.Round(BenchMs / operations, 3),
    };
}

public sealed class CpuMeter(string postgresDataDirectory, Func<int?> servicePid)
{
    private static readonly double TicksPerMs = 100 / 1000.0; // USER_HZ is 100 on Linux

    public CpuSample Sample()
    {
        var postmaster = Postmaster();
        var postgres = 0.0;
        if (postmaster is { } pm)
        {
            postgres = Ticks(pm, children: true);
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
                if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != pm && ParentOf(pid) == pm)
                    postgres += Ticks(pid, children: true);
        }
        var service = servicePid() is { } sp ? Ticks(sp, children: false) : 0;
        return new CpuSample(service / TicksPerMs, postgres / TicksPerMs, Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    }

    private int? Postmaster()
    {
        var file = Path.Combine(postgresDataDirectory, "postmaster.pid");
        try { return File.Exists(file) && int.TryParse(File.ReadLines(file).First(), out var pid) ? pid : null; }
        catch (IOException) { return null; }
    }

    // /proc/PID/stat: after the ")" that ends the command, field 4 is the parent, 14/15 utime/stime, 16/17 cutime/cstime.
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static int? ParentOf(int pid) => Stat(pid) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : null;

    private static double Ticks(int pid, bool children)
    {
        if (Stat(pid) is not { } f) return 0;
        double Field(int n) => double.Parse(f[n - 3], CultureInfo.InvariantCulture);
        return Field(14) + Field(15) + (children ? Field(16) + Field(17) : 0);
    }
}
