// The real service as a child process (the built Booking.Api.dll, Production environment) on a loopback port, so its
// memory can be read from /proc and nothing of the bench shares its heap.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Booking.Bench;

public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _logPath;
    private readonly string? _pidFile;

    private ServiceProcess(Process process, StreamWriter log, string logPath, string? pidFile, Uri address)
    {
        (_process, _log, _logPath, _pidFile, Address) = (process, log, logPath, pidFile, address);
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>The Booking.Api.dll the build made, in the configuration this harness was built in (Release from
    /// ./bench/run.sh and ./test.sh): Booking.Api/bin/{configuration}/net10.0.</summary>
    public static string FindServiceDll(string repositoryRoot)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)));
        if (string.IsNullOrEmpty(configuration)) configuration = "Release";
        var dll = Path.Combine(repositoryRoot, "Booking.Api", "bin", configuration, "net10.0", "Booking.Api.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The service is not built at {dll}; run ./bench/run.sh (it builds Release first).");
    }

    public static async Task<ServiceProcess> Start(string dll, string connectionString, string logPath, string? pidFile,
        IReadOnlyDictionary<string, string> settings)
    {
        var port = FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root (appsettings.json, static web assets manifest) is the current folder.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { dll, "--urls", address.ToString().TrimEnd('/') }) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Booking"] = connectionString;
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the service.");
        if (pidFile is not null) await File.WriteAllTextAsync(pidFile, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, log, logPath, pidFile, address);
        await service.WaitUntilHealthy(TimeSpan.FromSeconds(90));
        return service;
    }

    private async Task WaitUntilHealthy(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode} at start-up:\n{LogTail()}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The service did not answer /health within {timeout}:\n{LogTail()}");
    }

    /// <summary>A field of /proc/PID/status in MB (VmRSS: resident now; VmHWM: the peak resident set).</summary>
    public double? MemoryMb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { }
        return null;
    }

    public string LogTail(int lines = 40)
    {
        try
        {
            lock (_log) _log.Flush();
            return string.Join('\n', File.ReadLines(_logPath).TakeLast(lines));
        }
        catch (IOException) { return "(no log)"; }
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            // SIGTERM first: the host stops gracefully (closes the pool, releases the projections' locks).
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_log) _log.Dispose();
        if (_pidFile is not null) File.Delete(_pidFile);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
