// Lets the app (and the tests) run with no database set up: starts a private PostgreSQL cluster from the
// server binaries on this machine, keeping its data between runs.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Booking.Api.Database;

public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string SuperUser = "booking";
    public const string DatabaseName = "booking";

    private readonly string _binDirectory;
    private readonly bool _asPostgresUser = Environment.UserName == "root";
    private string? _dataDirectory;

    public EmbeddedPostgres(string? binDirectory = null) => _binDirectory = binDirectory ?? FindBinaries();

    /// <summary>Extra server settings (<c>-c name=value</c>), e.g. fsync=off for throwaway test clusters.</summary>
    public IDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string> { ["max_connections"] = "300" };

    /// <summary>The folder of the server binaries in use (pg_ctl, initdb).</summary>
    public string BinDirectory => _binDirectory;

    public int Port { get; private set; }
    public string ConnectionString { get; private set; } = "";
    public bool IsRunning => _dataDirectory is not null;

    /// <summary>$XDG_DATA_HOME or ~/.local/share; as root /var/lib, since the postgres user cannot enter root's home.</summary>
    public static string DefaultDataDirectory()
    {
        if (Environment.UserName == "root") return "/var/lib/family-law-booking/pgdata";
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "family-law-booking", "pgdata");
    }

    /// <summary>The newest /usr/lib/postgresql/*/bin, else the folder of pg_ctl on PATH.</summary>
    public static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var newest = Directory.GetDirectories(root)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: double.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(x => File.Exists(Path.Combine(x.Dir, "pg_ctl")) && File.Exists(Path.Combine(x.Dir, "initdb")))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Dir)
                .FirstOrDefault();
            if (newest is not null) return newest;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")))
                return dir;
        throw new InvalidOperationException(
            "No PostgreSQL server found (looked in /usr/lib/postgresql/*/bin and for pg_ctl on PATH). " +
            "Install it with `sudo apt-get install postgresql` on Debian/Ubuntu (or `brew install postgresql` on macOS), " +
            "or set a connection string to an existing PostgreSQL server.");
    }

    public async Task StartAsync(string dataDirectory, int? port = null, CancellationToken ct = default)
    {
        var data = Path.GetFullPath(dataDirectory);
        var parent = Path.GetDirectoryName(data)!;
        var name = Path.GetFileName(data);
        var passwordFile = Path.Combine(parent, name + ".password");
        var portFile = Path.Combine(parent, name + ".port");
        var socketDirectory = Path.Combine(parent, name + ".run");

        Directory.CreateDirectory(parent);
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(socketDirectory);
        PrivateMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        PrivateMode(socketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (_asPostgresUser)
            await Run("chown", ["-R", "postgres:postgres", data, socketDirectory], asPostgres: false, ct);

        var password = await EnsurePassword(passwordFile, ct);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
            await InitDb(data, socketDirectory, password, ct);

        var runningPort = await RunningPort(data, ct);
        if (runningPort is { } alive && (port is null || port == alive))
        {
            Port = alive; // a previous run left it running: reuse it
        }
        else
        {
            if (runningPort is not null)
                await Run(Tool("pg_ctl"), ["stop", "-D", data, "-m", "fast", "-w"], _asPostgresUser, ct);
            Port = port ?? ReadPort(portFile) ?? FreeLoopbackPort();
            var settings = string.Join(' ', ServerSettings.Select(s => $"-c {s.Key}={s.Value}")
                .Prepend($"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories='{socketDirectory}'"));
            await Run(Tool("pg_ctl"), ["start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(data, "server.log"), "-o", settings],
                _asPostgresUser, ct);
        }
        await File.WriteAllTextAsync(portFile, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        _dataDirectory = data;

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = SuperUser, Password = password, Database = DatabaseName,
        };
        ConnectionString = builder.ConnectionString;
        await CreateDatabaseAsync(DatabaseName, ct);
    }

    /// <summary>Creates a database if it does not exist; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct = default)
    {
        if (!IsRunning) throw new InvalidOperationException("Start the server first.");
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"create database \"{name.Replace("\"", "\"\"")}\" encoding 'UTF8'", connection);
            try { await command.ExecuteNonQueryAsync(ct); }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_dataDirectory is not { } data) return;
        _dataDirectory = null;
        NpgsqlConnection.ClearAllPools();
        await Run(Tool("pg_ctl"), ["stop", "-D", data, "-m", "fast", "-w"], _asPostgresUser, ct);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private string Tool(string name) => Path.Combine(_binDirectory, name);

    private async Task InitDb(string data, string socketDirectory, string password, CancellationToken ct)
    {
        // initdb reads the password from a file the postgres user can read; it lives only for this call.
        var pwfile = Path.Combine(socketDirectory, "initdb.pw");
        await File.WriteAllTextAsync(pwfile, password, ct);
        PrivateMode(pwfile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            if (_asPostgresUser) await Run("chown", ["postgres:postgres", pwfile], asPostgres: false, ct);
            await Run(Tool("initdb"),
                ["-D", data, "-U", SuperUser, $"--pwfile={pwfile}", "-E", "UTF8", "--locale=C",
                 "--auth-local=trust", "--auth-host=scram-sha-256"], _asPostgresUser, ct);
        }
        finally { File.Delete(pwfile); }
    }

    private static async Task<string> EnsurePassword(string passwordFile, CancellationToken ct)
    {
        if (File.Exists(passwordFile)) return (await File.ReadAllTextAsync(passwordFile, ct)).Trim();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(passwordFile, options))
        await using (var writer = new StreamWriter(stream))
            await writer.WriteAsync(password);
        return password;
    }

    private static void PrivateMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
    }

    // The port of a server still running on this data folder (postmaster.pid line 4), or null.
    private async Task<int?> RunningPort(string data, CancellationToken ct)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var (exitCode, _) = await TryRun(Tool("pg_ctl"), ["status", "-D", data], _asPostgresUser, ct);
        if (exitCode != 0) return null;
        var lines = await File.ReadAllLinesAsync(pidFile, ct);
        return lines.Length > 3 && int.TryParse(lines[3], out var p) ? p : null;
    }

    private static int? ReadPort(string portFile) =>
        File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile).Trim(), out var p) && IsFree(p) ? p : null;

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException) { return false; }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Run(string file, string[] args, bool asPostgres, CancellationToken ct)
    {
        var (exitCode, output) = await TryRun(file, args, asPostgres, ct);
        if (exitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({exitCode}): {output}");
    }

    private static async Task<(int ExitCode, string Output)> TryRun(string file, string[] args, bool asPostgres, CancellationToken ct)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/",
        };
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
