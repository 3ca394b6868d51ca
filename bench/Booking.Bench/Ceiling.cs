// (1) The ceiling: PostgreSQL's own rate for the write transaction one online booking makes, replayed straight through
// Npgsql with the service's statements, parameters and round trips, from as many connections as the HTTP run has clients.
//
// One booking's transaction (PostgresEventStore.Save, with the streams in the store's fixed order):
//   BEGIN
//   batch: the shared high-water advisory lock; claim + insert the appointment stream's event; claim (insert for a new
//          staff day, else the version update) + insert the staff-day stream's event
//   client_contacts, manage_tokens, idempotency_keys (the session's documents, in the order the booking stores them)
//   batch: the staff_reservations row (the inline projection)
//   select pg_notify(...)
//   COMMIT
// The statement texts below are copied from the service; after the HTTP run the bench checks each one against what the
// service really executed (pg_stat_statements), so a change in the service shows up as a mismatch, not a silent drift.
using System.Text.Json;
using Booking.Domain;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Bench;

public static class Ceiling
{
    // What Marten's quick append does for one stream, in one statement: claim the stream's version in mt_streams, insert
    // the events into mt_events (the unit as tenant), return their sequence numbers.
    private const string InsertEvents = """
        insert into mt_events (seq_id, id, tenant_id, stream_id, version, type, data, timestamp, user_name)
        select nextval('mt_events_sequence'), gen_random_uuid(), $1, $2, $4 + e.ord, e.type, e.data::jsonb, $7, $8
        from claim, unnest($5::text[], $6::text[]) with ordinality as e(type, data, ord)
        order by e.ord
        returning seq_id
        """;

    // Marten needs no lock around appends (its daemon finds the high-water mark by itself).
    public static readonly string LockShared = "select 1";

    public static readonly string AppendNewStream =
        $"with claim as (insert into mt_streams (tenant_id, id, type, version) values ($1, $2, $3, $9) on conflict do nothing returning version)\n{InsertEvents}";

    public static readonly string AppendExistingStream =
        $"with claim as (update mt_streams set version = version + $9 where tenant_id = $1 and id = $2 and version = $4 returning version)\n{InsertEvents}";

    public const string InsertContact = """
        insert into client_contacts (unit_id, client_id, name, email, phone, language) values ($1, $2, $3, $4, $5, $6)
        on conflict (unit_id, client_id) do update set name = excluded.name, email = excluded.email,
            phone = excluded.phone, language = excluded.language
        """;

    public const string InsertManageToken =
        "insert into manage_tokens (unit_id, token_hash, appointment_id, client_id, sealed_token) values ($1, $2, $3, $4, $5)";

    public const string InsertIdempotencyKey = """
        insert into idempotency_keys (unit_id, key, fingerprint, appointment_id, sealed_token) values ($1, $2, $3, $4, $5)
        """;

    public const string InsertReservation = """
        insert into staff_reservations (unit_id, staff_id, appointment_id, day, during) values ($1, $2, $3, $4, $5)
        on conflict (unit_id, staff_id, appointment_id, day) do update set during = excluded.during
        """;

    public const string Notify = "select pg_notify($1, $2)";

    /// <summary>Every statement of the transaction, for the check against the service's own.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Statements =>
    [
        ("advisory lock (shared)", LockShared), ("append, new stream", AppendNewStream), ("append, existing stream", AppendExistingStream),
        ("client_contacts", InsertContact), ("manage_tokens", InsertManageToken), ("idempotency_keys", InsertIdempotencyKey),
        ("staff_reservations", InsertReservation), ("pg_notify", Notify),
    ];

    /// <summary>Bookings per staff day in the replay: the first of a day creates its staff-day stream, the rest update it
    /// (the HTTP run books about this many per supervisor and day).</summary>
    public const int BookingsPerStaffDay = 6;

    private static readonly JsonSerializerOptions NotificationJson = new(JsonSerializerDefaults.Web);

    public static async Task<TransactionRate> Run(string connectionString, Guid unitId, int connections, int warmup, int transactions, CpuMeter cpu)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        // The service listens on the channel; a listener here makes NOTIFY do the same work.
        using var stopListening = new CancellationTokenSource();
        var listener = Listen(dataSource, stopListening.Token);

        var workers = Enumerable.Range(0, connections).Select(i => (Func<Task>)new Worker(dataSource, unitId, i).BookOnce).ToList();
        var rate = await TransactionLoop.Measure(workers, warmup, transactions, cpu);

        await stopListening.CancelAsync();
        await listener;
        return rate;
    }

    private static async Task Listen(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        connection.Notification += (_, _) => { };
        await using (var listen = new NpgsqlCommand($"listen {StoreNotifications.ChannelName}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>One connection's stream of bookings: its own staff member (never overlapping), one staff day after another.</summary>
    private sealed class Worker(NpgsqlDataSource dataSource, Guid unitId, int index)
    {
        private readonly Guid _staffId = Guid.NewGuid();
        private LocalDate _day = new LocalDate(2100, 1, 4).PlusWeeks(index);
        private int _bookedToday;
        private readonly string _sealedToken = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(110));

        public async Task BookOnce()
        {
            if (_bookedToday == BookingsPerStaffDay) { _day = _day.PlusDays(1); _bookedToday = 0; }
            var slot = _bookedToday++;
            var zone = BenchUnit.Zone;
            var start = (_day + BenchUnit.Morning.From).PlusMinutes(30 * slot).InZoneLeniently(zone).ToInstant();
            var end = start + Duration.FromMinutes(30);
            var now = SystemClock.Instance.GetCurrentInstant();
            var timestamp = Instant.FromUnixTimeTicks(now.ToUnixTimeTicks() / 10 * 10);
            var appointmentId = Guid.NewGuid();
            var clientId = Guid.NewGuid();
            var actor = $"client:{clientId:N}";
            var booked = new AppointmentBooked(appointmentId, clientId, "advice", Modality.InPerson, start, end, end, _staffId,
                BookingChannel.Online, actor, now);
            var reserved = new SlotReserved(_staffId, _day, appointmentId, start, end, now);
            var staffDayVersion = slot; // events already in this staff day's stream

            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();

            var sequences = new List<long>(2);
            await using (var batch = new NpgsqlBatch(connection, transaction))
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(LockShared));
                batch.BatchCommands.Add(Append(StreamIds.Appointment(appointmentId), StreamIds.AppointmentType, 0, booked, timestamp, actor));
                batch.BatchCommands.Add(Append(StreamIds.StaffDay(_staffId, _day), StreamIds.StaffDayType, staffDayVersion, reserved, timestamp, actor));
                await using var reader = await batch.ExecuteReaderAsync();
                for (var i = 0; i < 2; i++)
                {
                    await reader.NextResultAsync();
                    while (await reader.ReadAsync()) sequences.Add(reader.GetInt64(0));
                }
            }
            if (sequences.Count != 2) throw new InvalidOperationException("The ceiling's append lost a version claim; its streams must not be shared.");

            await Execute(connection, transaction, InsertContact, unitId, clientId, "Bench Client", "client@example.fi", "+358 40 123 4567", "fi");
            var tokenHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
            await Execute(connection, transaction, InsertManageToken, unitId, tokenHash, appointmentId, clientId, _sealedToken);
            await Execute(connection, transaction, InsertIdempotencyKey, unitId, $"bench-{appointmentId:N}", tokenHash, appointmentId, _sealedToken);

            await using (var projection = new NpgsqlBatch(connection, transaction))
            {
                var row = new NpgsqlBatchCommand(InsertReservation);
                foreach (var value in new object[]
                         {
                             unitId, _staffId, appointmentId, _day.ToDateOnly(),
                             new NpgsqlRange<DateTime>(start.ToDateTimeUtc(), true, end.ToDateTimeUtc(), false),
                         })
                    row.Parameters.Add(new NpgsqlParameter { Value = value });
                projection.BatchCommands.Add(row);
                await projection.ExecuteNonQueryAsync();
            }

            var payload = JsonSerializer.Serialize(new StoreNotification(unitId, sequences.Max(), [StreamIds.AppointmentType, StreamIds.StaffDayType]),
                NotificationJson);
            await Execute(connection, transaction, Notify, StoreNotifications.ChannelName, payload);
            await transaction.CommitAsync();
        }

        private NpgsqlBatchCommand Append(string streamId, string streamType, long expectedVersion, object @event, Instant timestamp, string actor)
        {
            var command = new NpgsqlBatchCommand(expectedVersion == 0 ? AppendNewStream : AppendExistingStream);
            command.Parameters.Add(new NpgsqlParameter { Value = unitId.ToString() });
            command.Parameters.Add(new NpgsqlParameter { Value = streamId });
            command.Parameters.Add(new NpgsqlParameter { Value = streamType });
            command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion, NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter { Value = new[] { EventNames.Of(@event.GetType()) }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = new[] { JsonSerializer.Serialize(@event, @event.GetType(), Booking.Api.Json.BookingJson.Options) }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = timestamp.ToDateTimeUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = actor });
            command.Parameters.Add(new NpgsqlParameter { Value = 1L, NpgsqlDbType = NpgsqlDbType.Bigint });
            return command;
        }

        private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] values)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Checks each statement of the replay against the service's (pg_stat_statements of the service's database):
    /// returns the names of those the service never ran, so the report can say the ceiling is not like for like.</summary>
    public static async Task<(IReadOnlyList<string> Missing, IReadOnlyList<object> ServiceStatements)> CompareWithService(
        string connectionString, long bookings)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select query, calls, total_exec_time, total_plan_time from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database()) order by calls desc
            """, connection);
        var seen = new List<(string Query, long Calls, double TotalMs, double PlanMs)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                seen.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3)));

        var normalised = seen.Select(s => Normalise(s.Query)).ToHashSet();
        var missing = Statements.Where(s => !normalised.Contains(Normalise(s.Sql))).Select(s => s.Name).ToList();
        var top = seen.Where(s => s.Calls >= bookings / 4).Take(25).Select(s => (object)new
        {
            query = Squeeze(s.Query), s.Calls, callsPerBooking = Math.Round((double)s.Calls / bookings, 2),
            meanMs = Math.Round(s.TotalMs / s.Calls, 3), meanPlanMs = Math.Round(s.PlanMs / s.Calls, 3),
        }).ToList();
        return (missing, top);
    }

    // pg_stat_statements shows constants as $n; comparing with placeholders and numbers blanked out and spaces squeezed.
    private static string Normalise(string sql) =>
        System.Text.RegularExpressions.Regex.Replace(Squeeze(sql), @"\$\d+|\b\d+\b", "?").ToLowerInvariant();

    private static string Squeeze(string sql) => System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " ").Trim();
}
