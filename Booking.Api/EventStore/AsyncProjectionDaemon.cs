// Runs asynchronous projections behind the exact high-water mark, one instance per projection (advisory lock),
// with each batch's read-model writes and checkpoint committed together.
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Booking.Api.EventStore;

public sealed class AsyncProjectionDaemon : BackgroundService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventTypeRegistry _registry;
    private readonly StoreNotifications _notifications;
    private readonly EventStoreOptions _options;
    private readonly ILogger<AsyncProjectionDaemon> _logger;
    private readonly Dictionary<string, Runner> _runners;

    public AsyncProjectionDaemon(NpgsqlDataSource dataSource, EventTypeRegistry registry, IEnumerable<IAsyncProjection> projections,
        StoreNotifications notifications, EventStoreOptions options, ILogger<AsyncProjectionDaemon> logger)
    {
        (_dataSource, _registry, _notifications, _options, _logger) = (dataSource, registry, notifications, options, logger);
        _runners = new Dictionary<string, Runner>(StringComparer.Ordinal);
        foreach (var projection in projections)
            if (!_runners.TryAdd(projection.Name, new Runner(projection)))
                throw new InvalidOperationException($"Two asynchronous projections are named '{projection.Name}'.");
    }

    public IReadOnlyCollection<string> ProjectionNames => _runners.Keys;

    /// <summary>True while this instance holds the projection's advisory lock and so is the one running it.</summary>
    public bool IsLeader(string name) => Get(name).LockConnection is not null;

    /// <summary>How many times this instance tried to take the projection's lock (lets tests see a follower keep trying).</summary>
    public int LockAttempts(string name) => Volatile.Read(ref Get(name).LockAttempts);

    /// <summary>Runs one catch-up pass now, up to the current high-water mark; returns the checkpoint reached.</summary>
    public async Task<long> CatchUpOnce(string name, CancellationToken ct = default)
    {
        var runner = Get(name);
        await runner.Gate.WaitAsync(ct);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(ct);
            return await CatchUp(runner.Projection, connection, ct);
        }
        finally { runner.Gate.Release(); }
    }

    /// <summary>Empties the read model, sets its checkpoint to 0 and replays every event, under the projection's lock.</summary>
    public async Task RebuildAsync(string name, CancellationToken ct = default)
    {
        var runner = Get(name);
        await runner.Gate.WaitAsync(ct);
        NpgsqlConnection? ownConnection = null;
        try
        {
            var connection = runner.LockConnection;
            if (connection is null)
            {
                ownConnection = await _dataSource.OpenConnectionAsync(ct);
                while (!await TryLock(ownConnection, runner.Projection.Name, ct))
                    await Task.Delay(_options.LockRetryInterval, ct);
                connection = ownConnection;
            }

            await using (var transaction = await connection.BeginTransactionAsync(ct))
            {
                await LockCheckpoint(connection, transaction, name, ct);
                await runner.Projection.Reset(connection, transaction, ct);
                await SetCheckpoint(connection, transaction, name, 0, ct);
                await transaction.CommitAsync(ct);
            }
            await CatchUp(runner.Projection, connection, ct);
        }
        finally
        {
            if (ownConnection is not null)
            {
                await Unlock(ownConnection, name);
                await ownConnection.DisposeAsync();
            }
            runner.Gate.Release();
        }
    }

    /// <summary>Waits until the projection's stored checkpoint reaches <paramref name="sequence"/>, or throws TimeoutException.</summary>
    public async Task WaitForCatchUp(string name, long sequence, TimeSpan timeout)
    {
        Get(name);
        var deadline = DateTime.UtcNow + timeout;
        long checkpoint;
        while (true)
        {
            await using (var command = _dataSource.CreateCommand("select coalesce((select last_seq_id from es_progress where name = $1), 0)"))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = name });
                checkpoint = (long)(await command.ExecuteScalarAsync())!;
            }
            if (checkpoint >= sequence) return;
            if (DateTime.UtcNow >= deadline) break;
            await Task.Delay(25);
        }
        throw new TimeoutException($"Projection '{name}' reached sequence {checkpoint}, not {sequence}, within {timeout}.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_runners.Count == 0) return;
        var wakeUps = PumpNotifications(stoppingToken);
        await Task.WhenAll(_runners.Values.Select(r => Run(r, stoppingToken)).Append(wakeUps));
    }

    private async Task PumpNotifications(CancellationToken ct)
    {
        try
        {
            await foreach (var _ in _notifications.Listen(ct))
                foreach (var runner in _runners.Values)
                    runner.Wake();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private async Task Run(Runner runner, CancellationToken ct)
    {
        var name = runner.Projection.Name;
        while (!ct.IsCancellationRequested)
        {
            NpgsqlConnection? connection = null;
            var leader = false;
            try
            {
                connection = await _dataSource.OpenConnectionAsync(ct);
                Interlocked.Increment(ref runner.LockAttempts);
                if (await TryLock(connection, name, ct))
                {
                    leader = true;
                    runner.LockConnection = connection;
                    _logger.LogInformation("This instance now runs projection {Projection}", name);
                    while (!ct.IsCancellationRequested)
                    {
                        var pass = System.Diagnostics.Stopwatch.StartNew();
                        await runner.Gate.WaitAsync(ct);
                        try { await CatchUp(runner.Projection, connection, ct); }
                        finally { runner.Gate.Release(); }
                        await runner.WaitForWake(_options.PollInterval, ct);
                        if (pass.Elapsed < _options.MinimumPassInterval) await Task.Delay(_options.MinimumPassInterval - pass.Elapsed, ct);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            catch (Exception e)
            {
                _logger.LogError(e, "Projection {Projection} failed; retrying", name);
            }
            finally
            {
                runner.LockConnection = null;
                if (connection is not null)
                {
                    if (leader) await Unlock(connection, name);
                    await connection.DisposeAsync();
                }
            }
            if (ct.IsCancellationRequested) break;
            try { await Task.Delay(_options.LockRetryInterval, ct); }
            catch (OperationCanceledException) { break; }
        }
    }

    private async Task<long> CatchUp(IAsyncProjection projection, NpgsqlConnection connection, CancellationToken ct)
    {
        var highWaterMark = await HighWaterMark(connection, ct);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            // The row lock makes concurrent passes (CatchUpOnce, a rebuild) take turns, so none applies a batch twice.
            var checkpoint = await LockCheckpoint(connection, transaction, projection.Name, ct);
            if (checkpoint >= highWaterMark)
            {
                await transaction.CommitAsync(ct);
                return checkpoint;
            }

            List<Booking.Domain.EventSourcing.EventEnvelope> events;
            await using (var read = new NpgsqlCommand(
                $"select {PostgresEventStore.EnvelopeColumns} from es_events where seq_id > $1 and seq_id <= $2 order by seq_id limit $3",
                connection, transaction))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = checkpoint });
                read.Parameters.Add(new NpgsqlParameter { Value = highWaterMark });
                read.Parameters.Add(new NpgsqlParameter { Value = _options.BatchSize });
                await using var reader = await read.ExecuteReaderAsync(ct);
                events = await PostgresEventStore.ReadEnvelopes(reader, _registry, ct);
            }
            // Below the mark every gap is a rolled-back append, so a short batch means we are at the mark.
            var reached = events.Count < _options.BatchSize ? highWaterMark : events[^1].Sequence;
            if (events.Count > 0)
                await projection.Apply(connection, transaction, events, ct);
            await SetCheckpoint(connection, transaction, projection.Name, reached, ct);
            await transaction.CommitAsync(ct);
            if (reached >= highWaterMark) return reached;
        }
    }

    // Waits for every in-flight append (they hold the lock shared) and then reads the top sequence:
    // everything at or below it is committed or rolled back for good.
    // A waiting exclusive request would hold back every new append behind it (a convoy on each pass), so the lock is
    // first tried without waiting, in the gaps between appends; only when that keeps failing does the pass queue for it.
    private static async Task<long> HighWaterMark(NpgsqlConnection connection, CancellationToken ct)
    {
        var trying = System.Diagnostics.Stopwatch.StartNew();
        while (trying.Elapsed < TryLockFor)
        {
            if (await ReadMark(connection, $"select pg_try_advisory_xact_lock({PostgresEventStore.HighWaterLockKey})", ct) is { } mark) return mark;
            await Task.Delay(TryLockPause, ct);
        }
        return (await ReadMark(connection, $"select true from pg_advisory_xact_lock({PostgresEventStore.HighWaterLockKey})", ct))!.Value;
    }

    private static readonly TimeSpan TryLockFor = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan TryLockPause = TimeSpan.FromMilliseconds(5);

    // The lock statement answers true when the lock is held (the waiting form returns void, so it is read from a FROM clause).
    private static async Task<long?> ReadMark(NpgsqlConnection connection, string lockSql, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { new NpgsqlBatchCommand(lockSql), new NpgsqlBatchCommand("select coalesce(max(seq_id), 0) from es_events") },
        };
        long? mark = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            if (reader.GetBoolean(0))
            {
                await reader.NextResultAsync(ct);
                await reader.ReadAsync(ct);
                mark = reader.GetInt64(0);
            }
        }
        await transaction.CommitAsync(ct);
        return mark;
    }

    private static async Task<long> LockCheckpoint(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("insert into es_progress (name) values ($1) on conflict do nothing") { Parameters = { new() { Value = name } } },
                new NpgsqlBatchCommand("select last_seq_id from es_progress where name = $1 for update") { Parameters = { new() { Value = name } } },
            },
        };
        // The insert returns no result set, so the reader starts on the select.
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0);
    }

    private static async Task SetCheckpoint(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, long sequence, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "update es_progress set last_seq_id = $2, updated_at = now() where name = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<bool> TryLock(NpgsqlConnection connection, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select pg_try_advisory_lock({LockKey(name)})", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    // Pooled connections keep session locks until reused, so release explicitly; a dead connection has lost it anyway.
    private async Task Unlock(NpgsqlConnection connection, string name)
    {
        try
        {
            await using var command = new NpgsqlCommand($"select pg_advisory_unlock({LockKey(name)})", connection);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            _logger.LogDebug(e, "Could not release the lock of {Projection}; the connection is gone", name);
        }
    }

    internal static long LockKey(string projectionName)
    {
        // FNV-1a: stable across processes and machines, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("es_projection:" + projectionName))
            hash = (hash ^ b) * 1099511628211UL;
        return unchecked((long)hash);
    }

    private Runner Get(string name) =>
        _runners.TryGetValue(name, out var runner)
            ? runner
            : throw new ArgumentException($"No asynchronous projection is named '{name}'.", nameof(name));

    private sealed class Runner(IAsyncProjection projection)
    {
        private readonly SemaphoreSlim _wake = new(0, 1);
        public IAsyncProjection Projection { get; } = projection;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public volatile NpgsqlConnection? LockConnection;
        public int LockAttempts;

        public void Wake()
        {
            try { _wake.Release(); }
            catch (SemaphoreFullException) { }
        }

        public Task WaitForWake(TimeSpan pollInterval, CancellationToken ct) => _wake.WaitAsync(pollInterval, ct);
    }
}
