// Which PostgreSQL the tests use, decided without Docker: these machines and CI have none, so the engine's answers are
// played by a socket of the test's own (one that answers as an engine would, one that never answers) or by no socket.
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Database;

public sealed class TestPostgresSourceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);
    private readonly string _folder = Directory.CreateTempSubdirectory("booking-docker-probe-").FullName;

    private string NoEngine => $"unix://{Path.Combine(_folder, "no-docker.sock")}";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Given_no_Docker_engine_When_the_mode_is_auto_Then_the_local_cluster_is_used_at_once()
    {
        var clock = Stopwatch.StartNew();
        var choice = PostgresSourceChoice.Choose("auto", null, () => DockerEngine.Probe(NoEngine, Timeout));

        Assert.Equal(PostgresSource.LocalCluster, choice.Source);
        Assert.Contains("local throwaway cluster", choice.Line);
        Assert.Contains("no Docker engine", choice.Line);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Given_no_mode_set_Then_it_is_auto()
    {
        Assert.Equal(PostgresSource.LocalCluster, PostgresSourceChoice.Choose(null, null, () => DockerEngine.Probe(NoEngine, Timeout)).Source);
    }

    [Fact]
    public void Given_no_Docker_engine_When_the_container_is_forced_Then_the_run_stops_with_a_message_that_names_the_way_out()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            PostgresSourceChoice.Choose("container", null, () => DockerEngine.Probe(NoEngine, Timeout)));

        Assert.Contains("BOOKING_TEST_POSTGRES_MODE=container", error.Message);
        Assert.Contains("no Docker engine answers at " + NoEngine, error.Message);
        Assert.Contains("BOOKING_TEST_POSTGRES_MODE=local", error.Message);
    }

    [Fact]
    public async Task Given_a_Docker_engine_that_answers_When_the_mode_is_auto_Then_a_container_is_chosen()
    {
        var socket = Path.Combine(_folder, "docker.sock");
        using var engine = Listen(socket);
        var answering = AnswerOnce(engine, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");

        var choice = PostgresSourceChoice.Choose("auto", null, () => DockerEngine.Probe($"unix://{socket}", TimeSpan.FromSeconds(5)));

        Assert.Equal(PostgresSource.Container, choice.Source);
        Assert.Contains("Testcontainers", choice.Line);
        await answering;
    }

    [Fact]
    public void Given_a_socket_that_never_answers_When_the_mode_is_auto_Then_the_local_cluster_is_used_after_the_short_deadline()
    {
        var socket = Path.Combine(_folder, "silent.sock");
        using var silent = Listen(socket);

        var clock = Stopwatch.StartNew();
        var choice = PostgresSourceChoice.Choose("auto", null, () => DockerEngine.Probe($"unix://{socket}", Timeout));

        Assert.Equal(PostgresSource.LocalCluster, choice.Source);
        Assert.Contains("no answer within", choice.Line);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Given_the_local_mode_Then_Docker_is_not_asked()
    {
        var choice = PostgresSourceChoice.Choose("local", null, () => throw new InvalidOperationException("Docker was asked"));

        Assert.Equal(PostgresSource.LocalCluster, choice.Source);
    }

    [Fact]
    public void Given_a_connection_string_Then_that_server_is_used_whatever_the_mode()
    {
        foreach (var mode in new[] { "auto", "container", "local", null })
            Assert.Equal(PostgresSource.Server,
                PostgresSourceChoice.Choose(mode, "Host=db.example;Username=x", () => throw new InvalidOperationException("Docker was asked")).Source);
    }

    [Fact]
    public void Given_an_unknown_mode_Then_the_run_stops_naming_the_modes()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresSourceChoice.Choose("docker", null, () => new DockerProbe(true, "x", "")));

        Assert.Contains("container, local or auto", error.Message);
    }

    private static Socket Listen(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen(1);
        return socket;
    }

    private static async Task AnswerOnce(Socket listener, string response)
    {
        using var connection = await listener.AcceptAsync();
        var buffer = new byte[1024];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await connection.ReceiveAsync(buffer);
            if (n == 0) break;
            request.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        Assert.StartsWith("GET /_ping ", request.ToString());
        await connection.SendAsync(Encoding.ASCII.GetBytes(response));
    }
}
