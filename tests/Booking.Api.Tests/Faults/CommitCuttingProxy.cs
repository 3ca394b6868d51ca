// A loopback TCP proxy between the service and PostgreSQL that can cut one connection right after the server has
// committed a chosen transaction: the commit is in the database, and the service never hears of it. It reads the
// PostgreSQL wire protocol only as far as message boundaries, so everything else passes through untouched.
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Booking.Api.Tests.Faults;

public sealed class CommitCuttingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly CancellationTokenSource stop = new();
    private readonly List<TcpClient> open = [];
    private byte[]? marker;
    private int cuts;

    private CommitCuttingProxy(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many connections were cut after their commit.</summary>
    public int Cuts => Volatile.Read(ref cuts);

    public static CommitCuttingProxy Start(string targetHost, int targetPort)
    {
        var proxy = new CommitCuttingProxy(targetHost, targetPort);
        proxy.listener.Start();
        _ = proxy.Accept();
        return proxy;
    }

    /// <summary>The next transaction whose statements contain <paramref name="sqlFragment"/> is committed by the server,
    /// and then its connection is closed before the service reads the answer to COMMIT.</summary>
    public void CutAfterCommitOf(string sqlFragment) => Volatile.Write(ref marker, Encoding.UTF8.GetBytes(sqlFragment));

    private async Task Accept()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            var server = new TcpClient();
            try { await server.ConnectAsync(targetHost, targetPort, stop.Token); }
            catch (Exception e) when (e is SocketException or OperationCanceledException) { client.Dispose(); server.Dispose(); continue; }
            lock (open) open.AddRange([client, server]);
            _ = Relay(client, server);
        }
    }

    private async Task Relay(TcpClient client, TcpClient server)
    {
        var marked = new StrongBox<bool>();
        var ct = stop.Token;
        try
        {
            var up = Pump(client.GetStream(), server.GetStream(), startup: true, message =>
            {
                if (Volatile.Read(ref marker) is { } wanted && message.AsSpan().IndexOf(wanted) >= 0
                    && Interlocked.CompareExchange(ref marker, null, wanted) == wanted)
                    marked.Value = true;
                return true;
            }, ct);
            var down = Pump(server.GetStream(), client.GetStream(), startup: false, message =>
            {
                // CommandComplete 'C' with the tag COMMIT: the transaction is committed; the service must not hear it.
                if (!marked.Value || message[0] != (byte)'C' || message.Length < 11 || !Encoding.ASCII.GetString(message, 5, message.Length - 5).StartsWith("COMMIT", StringComparison.Ordinal))
                    return true;
                Interlocked.Increment(ref cuts);
                return false;
            }, ct);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    /// <summary>Forwards whole messages; stops (and so closes both sides) when <paramref name="forward"/> says no.</summary>
    private static async Task Pump(Stream from, Stream to, bool startup, Func<byte[], bool> forward, CancellationToken ct)
    {
        try
        {
            var header = new byte[5];
            if (startup)
            {
                // The startup message has no type byte: a length, then the rest.
                await from.ReadExactlyAsync(header.AsMemory(0, 4), ct);
                var rest = new byte[BinaryPrimitives.ReadInt32BigEndian(header) - 4];
                await from.ReadExactlyAsync(rest, ct);
                await to.WriteAsync(header.AsMemory(0, 4), ct);
                await to.WriteAsync(rest, ct);
            }
            while (true)
            {
                await from.ReadExactlyAsync(header, ct);
                var message = new byte[1 + BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1))];
                header.CopyTo(message, 0);
                await from.ReadExactlyAsync(message.AsMemory(5), ct);
                if (!forward(message)) return;
                await to.WriteAsync(message, ct);
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        lock (open) foreach (var c in open) c.Dispose();
        stop.Dispose();
    }

    private sealed class StrongBox<T> { public T? Value; }
}
