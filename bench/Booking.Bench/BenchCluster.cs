// A throwaway PostgreSQL cluster for one bench run, under /tmp, with the server's default durability (fsync and
// synchronous commit on, as in production) and pg_stat_statements loaded so the run can see what the service executes.
// A detached watchdog stops it (and the service) if the bench is killed before it cleans up.
using System.Diagnostics;
using Booking.Api.Database;
using Npgsql;

namespace Booking.Bench;

public sealed class BenchCluster : IAsyncDisposable
{
    private readonly EmbeddedPostgres _server;

    private BenchCluster(string root, EmbeddedPostgres server) => (Root, _server) = (root, server);

    /// <summary>The run's folder: the cluster's data, the service's log and pickup folder.</summary>
    public string Root { get; }

    public string BinDirectory => _server.BinDirectory;

    /// <summary>Where the service writes its process id, so the watchdog can stop it too.</summary>
    public string ServicePidFile => Path.Combine(Root, "service.pid");

    public static async Task<BenchCluster> Start()
    {
        // Under /tmp so the postgres user can reach it when the bench runs as root.
        var root = Path.Combine("/tmp", $"booking-bench-{Guid.NewGuid():N}"[..26]);
        Directory.CreateDirectory(root);
        var server = new EmbeddedPostgres();
        server.ServerSettings["shared_preload_libraries"] = "pg_stat_statements";
        server.ServerSettings["max_connections"] = "200";
        // Planning time too, so the statements' breakdown shows what preparing them would save.
        server.ServerSettings["pg_stat_statements.track_planning"] = "on";
        var cluster = new BenchCluster(root, server);
        cluster.StartWatchdog();
        await server.StartAsync(Path.Combine(root, "pgdata"));
        return cluster;
    }

    public Task<string> CreateDatabase(string name) => _server.CreateDatabaseAsync(name);

    public async Task<string> ServerVersion()
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("show server_version", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        try { await _server.StopAsync(); }
        catch (InvalidOperationException e) { Console.Error.WriteLine($"Stopping PostgreSQL: {e.Message}"); }
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private void StartWatchdog()
    {
        var data = Path.Combine(Root, "pgdata");
        var pgCtl = Path.Combine(_server.BinDirectory, "pg_ctl");
        var stop = Environment.UserName == "root" ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
                     $"[ -f '{ServicePidFile}' ] && kill -9 $(cat '{ServicePidFile}') 2>/dev/null; " +
                     $"{stop} stop -D '{data}' -m immediate >/dev/null 2>&1; rm -rf '{Root}'";
        var start = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "/bin/sh")
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (start.FileName.EndsWith("setsid", StringComparison.Ordinal)) start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        Process.Start(start)?.Dispose();
    }
}
