// A real SMTP server for the email tests: Debian's python3-aiosmtpd running tests/smtp/smtp_server.py on a free
// loopback port. It can be stopped and started again on the same port (a mail server outage), and each message it
// accepted is read back from the JSON the handler writes beside the .eml.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Booking.Testing;

public sealed record ReceivedCalendar(string? FileName, string ContentType, string Content);

public sealed record ReceivedEmail(string File, string MessageId, string Subject, string From, IReadOnlyList<string> To,
    string ContentLanguage, string? Text, string? Html, IReadOnlyList<ReceivedCalendar> Ics);

public sealed class SmtpServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Process? _process;

    public int Port { get; } = FreePort();
    public string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "booking-smtp", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>The distribution's python sees Debian's python3-* packages; a pyenv shim on PATH may not.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static string ScriptFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "tests", "smtp", "smtp_server.py")))
                    return Path.Combine(dir.FullName, "tests", "smtp");
            throw new InvalidOperationException("tests/smtp/smtp_server.py not found above " + AppContext.BaseDirectory);
        }
    }

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync()
    {
        if (IsRunning) return;
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(ScriptFolder, "smtp_server.py"));
        info.ArgumentList.Add(Port.ToString());
        info.ArgumentList.Add(Folder);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the SMTP server.");
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                if (line.Trim() == "ready") { _process = process; return; }
        }
        catch (OperationCanceledException) { }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The SMTP server did not start: " + await errors);
    }

    /// <summary>Kills the server (no goodbye to connected clients), as an outage would.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Lets a "reject..." address through from now on.</summary>
    public void Allow(string address) => File.AppendAllText(Path.Combine(Folder, "allowed.txt"), address + "\n");

    public IReadOnlyList<ReceivedEmail> Messages() =>
        Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<ReceivedEmail>(File.ReadAllText(f), Json)!).ToList();

    public IReadOnlyList<ReceivedEmail> To(string address) =>
        Messages().Where(m => m.To.Any(t => string.Equals(t, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until at least <paramref name="count"/> messages to the address arrived; returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitFor(string address, int count = 1, TimeSpan? timeout = null,
        Func<ReceivedEmail, bool>? where = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = To(address).Where(where ?? (_ => true)).ToList();
            if (found.Count >= count) return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{found.Count} of {count} messages to {address} arrived in time.");
            await Task.Delay(50);
        }
    }

    /// <summary>Runs the strict .ics check (python3-icalendar, dateutil's tzical) and returns what it read.</summary>
    public static async Task<JsonObject> CheckIcs(string content)
    {
        var file = Path.Combine(Path.GetTempPath(), $"booking-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, content, new System.Text.UTF8Encoding(false));
        try
        {
            var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Path.Combine(ScriptFolder, "check_ics.py"));
            info.ArgumentList.Add(file);
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"The .ics was refused: {output} {errors}");
            return JsonNode.Parse(output)!.AsObject();
        }
        finally { File.Delete(file); }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
