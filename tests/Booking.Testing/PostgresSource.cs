// Which PostgreSQL the test run uses: a server named by BOOKING_TEST_POSTGRES, a Testcontainers container where a Docker
// engine answers, or the local throwaway cluster (these machines and CI have no Docker). BOOKING_TEST_POSTGRES_MODE
// forces container or local; auto (the default) asks the engine once, briefly, and falls back at once when none answers.
namespace Booking.Testing;

public enum PostgresSource
{
    /// <summary>The server whose connection string is in BOOKING_TEST_POSTGRES.</summary>
    Server,

    /// <summary>A PostgreSQL container started through Testcontainers.</summary>
    Container,

    /// <summary>A throwaway cluster from the installed server binaries, under /tmp.</summary>
    LocalCluster,
}

/// <param name="Line">The one line the run prints: which server, and why.</param>
public sealed record PostgresChoice(PostgresSource Source, string Line);

public static class PostgresSourceChoice
{
    public const string ModeVariable = "BOOKING_TEST_POSTGRES_MODE";

    /// <summary>How long auto mode waits for a Docker engine's answer before it takes the local cluster.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The choice for this process's environment.</summary>
    public static PostgresChoice FromEnvironment() =>
        Choose(Environment.GetEnvironmentVariable(ModeVariable), Environment.GetEnvironmentVariable(PostgresServer.EnvironmentVariable),
            () => DockerEngine.Probe(Environment.GetEnvironmentVariable("DOCKER_HOST"), ProbeTimeout));

    /// <param name="mode">container, local, auto; empty means auto.</param>
    /// <param name="connectionString">An explicit server: used whatever the mode, since someone chose it by name.</param>
    /// <param name="probe">Asked only when the mode leaves the choice to whether Docker answers.</param>
    public static PostgresChoice Choose(string? mode, string? connectionString, Func<DockerProbe> probe)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new(PostgresSource.Server, $"PostgreSQL for the tests: the server in {PostgresServer.EnvironmentVariable}");

        switch (string.IsNullOrWhiteSpace(mode) ? "auto" : mode.Trim().ToLowerInvariant())
        {
            case "local":
                return new(PostgresSource.LocalCluster, $"PostgreSQL for the tests: a local throwaway cluster ({ModeVariable}=local)");
            case "container":
            {
                var docker = probe();
                if (!docker.Answers)
                    throw new InvalidOperationException(
                        $"{ModeVariable}=container, but no Docker engine answers at {docker.Endpoint} ({docker.Detail}). " +
                        $"Start Docker or set DOCKER_HOST, or use the local cluster: {ModeVariable}=local (or auto).");
                return new(PostgresSource.Container, $"PostgreSQL for the tests: a Testcontainers container ({ModeVariable}=container; Docker at {docker.Endpoint})");
            }
            case "auto":
            {
                var docker = probe();
                return docker.Answers
                    ? new(PostgresSource.Container, $"PostgreSQL for the tests: a Testcontainers container (Docker answers at {docker.Endpoint}; {ModeVariable}=local forces the local cluster)")
                    : new(PostgresSource.LocalCluster, $"PostgreSQL for the tests: a local throwaway cluster (no Docker engine at {docker.Endpoint}: {docker.Detail})");
            }
            default:
                throw new InvalidOperationException($"{ModeVariable}={mode} is not a mode: use container, local or auto (the default).");
        }
    }
}
