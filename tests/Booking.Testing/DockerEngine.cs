// Whether a Docker engine answers, asked the way the Docker CLI would (GET /_ping on DOCKER_HOST, or on the usual unix
// sockets) with a short deadline: on machines without Docker the answer must come at once, not after Testcontainers'
// own retries.
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Booking.Testing;

/// <param name="Answers">True when the engine replied 200 to /_ping.</param>
/// <param name="Endpoint">Where it was asked (unix:///var/run/docker.sock, tcp://host:port).</param>
/// <param name="Detail">What happened, for the line the run prints.</param>
public sealed record DockerProbe(bool Answers, string Endpoint, string Detail);

public static class DockerEngine
{
    private const string DefaultSocket = "/var/run/docker.sock";

    /// <param name="dockerHost">DOCKER_HOST as set (unix:// or tcp://), or null for the default sockets.</param>
    public static DockerProbe Probe(string? dockerHost, TimeSpan timeout)
    {
        if (!string.IsNullOrWhiteSpace(dockerHost)) return Ask(dockerHost.Trim(), timeout);
        // Rootless Docker listens in the user's runtime folder; the system engine on the default socket.
        var rootless = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime
            ? Path.Combine(runtime, "docker.sock")
            : null;
        if (rootless is not null && File.Exists(rootless)) return Ask($"unix://{rootless}", timeout);
        return Ask($"unix://{DefaultSocket}", timeout);
    }

    private static DockerProbe Ask(string endpoint, TimeSpan timeout)
    {
        EndPoint target;
        if (endpoint.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = endpoint["unix://".Length..];
            if (!File.Exists(path)) return new(false, endpoint, "no such socket");
            target = new UnixDomainSocketEndPoint(path);
        }
        else if (endpoint.StartsWith("tcp://", StringComparison.Ordinal) && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            target = new DnsEndPoint(uri.Host, uri.Port > 0 ? uri.Port : 2375);
        }
        else
        {
            return new(false, endpoint, "DOCKER_HOST is neither unix:// nor tcp://");
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return PingAsync(target, deadline.Token).GetAwaiter().GetResult()
                ? new(true, endpoint, "answered /_ping")
                : new(false, endpoint, "it answered, but not as a Docker engine");
        }
        catch (OperationCanceledException) { return new(false, endpoint, $"no answer within {timeout.TotalSeconds:0.#} s"); }
        catch (SocketException e) { return new(false, endpoint, e.SocketErrorCode.ToString()); }
        catch (IOException e) { return new(false, endpoint, e.Message); }
    }

    private static async Task<bool> PingAsync(EndPoint target, CancellationToken ct)
    {
        using var socket = target is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(target, ct);
        await socket.SendAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"), ct);
        var buffer = new byte[256];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
            if (Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n", StringComparison.Ordinal)) break;
        }
        var statusLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        return statusLine.StartsWith("HTTP/1.", StringComparison.Ordinal) && statusLine.Contains(" 200", StringComparison.Ordinal);
    }
}
