// A PostgreSQL cluster of one test class's own, on its own port and data folder under /tmp, for tests that take the
// database away (stop -m immediate: every backend killed, no checkpoint, crash recovery on the next start). The shared
// server of PostgresServer serves every other test class in parallel and must never be stopped.
using System.Diagnostics;
using Booking.Api.Database;

namespace Booking.Testing;

public sealed class OwnPostgresCluster : IAsyncDisposable
{
    private readonly EmbeddedPostgres _server = new();
    private readonly string _root = Path.Combine("/tmp", $"booking-own-{Guid.NewGuid():N}"[..25]);

    private string Data => Path.Combine(_root, "pgdata");

    /// <summary>Connection string of the cluster's default database.</summary>
    public string ConnectionString => _server.ConnectionString;

    public int Port => _server.Port;

    /// <summary>A folder under the cluster's own, deleted with it (the service's email pickup folder, for instance).</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    public async Task StartAsync()
    {
        // fsync may be off: an immediate stop kills processes, not the machine, so what was written stays in the page
        // cache. synchronous_commit stays on: a commit is answered only once its WAL is written, which is what a
        // booking's 201 must be able to count on.
        _server.ServerSettings["fsync"] = "off";
        _server.ServerSettings["synchronous_commit"] = "on";
        _server.ServerSettings["max_connections"] = "100";
        await _server.StartAsync(Data);
        PostgresServer.StartWatchdog(_root, Data, _server.BinDirectory);
    }

    /// <summary>Stops the server the hard way (pg_ctl stop -m immediate), as a crash would.</summary>
    public Task StopImmediatelyAsync() => PgCtl("stop", "-D", Data, "-m", "immediate", "-w");

    /// <summary>Starts the server again on the same port; it recovers from its WAL first.</summary>
    public Task StartAgainAsync() => _server.StartAsync(Data, _server.Port);

    public async ValueTask DisposeAsync()
    {
        try { await PgCtl("stop", "-D", Data, "-m", "immediate", "-w"); }
        catch (InvalidOperationException) { } // already stopped
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private async Task PgCtl(params string[] args)
    {
        var pgCtl = Path.Combine(_server.BinDirectory, "pg_ctl");
        var asPostgres = Environment.UserName == "root";
        var start = new ProcessStartInfo(asPostgres ? "runuser" : pgCtl)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/",
        };
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", pgCtl }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start pg_ctl.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg_ctl {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await errors}");
    }
}
