// One PostgreSQL server per test run: the one named by BOOKING_TEST_POSTGRES, a Testcontainers container where a Docker
// engine answers, or a throwaway local cluster (PostgresSourceChoice decides, BOOKING_TEST_POSTGRES_MODE forces).
using Booking.Api.Database;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Booking.Testing;

public sealed class PostgresServer
{
    public const string EnvironmentVariable = "BOOKING_TEST_POSTGRES";

    /// <summary>Set by ./test.sh: a file where each test host notes which PostgreSQL it chose.</summary>
    public const string ChoiceFileVariable = "BOOKING_TEST_POSTGRES_CHOICE_FILE";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(string connectionString) => ConnectionString = connectionString;

    /// <summary>Connection string of the server's default database.</summary>
    public string ConnectionString { get; }

    public static Task<PostgresServer> Instance => Shared.Value;

    /// <summary>Creates a fresh, uniquely named database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var server = await Instance;
        var name = $"{Sanitize(prefix ?? "test")}_{Guid.NewGuid():N}";
        if (name.Length > 63) name = name[^63..];
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Instance;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var choice = PostgresSourceChoice.FromEnvironment();
        await Console.Error.WriteLineAsync(choice.Line);
        // dotnet test shows a test host's output only at normal verbosity; ./test.sh prints this file's lines instead.
        if (Environment.GetEnvironmentVariable(ChoiceFileVariable) is { Length: > 0 } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.AppendAllTextAsync(file, choice.Line + Environment.NewLine);
        }
        return choice.Source switch
        {
            PostgresSource.Server => new PostgresServer(Environment.GetEnvironmentVariable(EnvironmentVariable)!),
            PostgresSource.Container => await StartContainerAsync(),
            _ => await StartLocalClusterAsync(),
        };
    }

    /// <summary>The image docker-compose.yml runs, with the same relaxed durability as the local cluster.</summary>
    private static async Task<PostgresServer> StartContainerAsync()
    {
        var container = new PostgreSqlBuilder("postgres:15")
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300")
            .Build();
        await container.StartAsync();
        // Testcontainers' reaper removes it too if the test host is killed before this runs.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new PostgresServer(container.GetConnectionString());
    }

    private static async Task<PostgresServer> StartLocalClusterAsync()
    {
        // Under /tmp so the postgres user can reach it even when the clone sits in a folder only root may enter.
        var root = Path.Combine("/tmp", $"booking-tests-{Guid.NewGuid():N}"[..28]);
        var embedded = new EmbeddedPostgres();
        // A throwaway cluster needs no durability; skipping fsync keeps the suite fast.
        embedded.ServerSettings["fsync"] = "off";
        embedded.ServerSettings["synchronous_commit"] = "off";
        embedded.ServerSettings["full_page_writes"] = "off";
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { embedded.StopAsync().GetAwaiter().GetResult(); }
            catch (InvalidOperationException) { }
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        };
        await embedded.StartAsync(Path.Combine(root, "pgdata"));
        StartWatchdog(root, Path.Combine(root, "pgdata"), embedded.BinDirectory);
        return new PostgresServer(embedded.ConnectionString);
    }

    // The test host may be killed right after the run, before ProcessExit finishes; a detached shell
    // waits for this process to end and then stops the cluster and deletes its folder.
    internal static void StartWatchdog(string root, string data, string binDirectory)
    {
        var pgCtl = Path.Combine(binDirectory, "pg_ctl");
        var stop = Environment.UserName == "root" ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
                     $"{stop} stop -D '{data}' -m immediate >/dev/null 2>&1; rm -rf '{root}'";
        var start = new System.Diagnostics.ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "/bin/sh")
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (start.FileName.EndsWith("setsid", StringComparison.Ordinal)) start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        System.Diagnostics.Process.Start(start)?.Dispose();
    }

    private static string Sanitize(string prefix) =>
        new(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(24).ToArray());
}
