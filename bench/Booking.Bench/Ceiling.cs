// (1) The ceiling: PostgreSQL's own rate for the write transaction one online booking makes, replayed straight through
// Npgsql with the service's statements, parameters and round trips, from as many connections as the HTTP run has clients.
//
// One booking's transaction (MartenEventSession.SaveChanges: Marten's quick append with expected versions, the streams
// in the store's fixed order, then our documents, the inline projection and the NOTIFY in Marten's transaction):
//   BEGIN
//   batch: per stream, its row in mt_streams (insert for a new stream, else the version update guarded by the expected
//          version) and its event in mt_events (numbered from mt_events_sequence)
//   client_contacts, manage_tokens, idempotency_keys (the session's documents, in the order the booking stores them)
//   batch: the staff_reservations row (the inline projection)
//   select pg_notify(...)
//   COMMIT
// The statement texts below are Marten's and the service's; after the HTTP run the bench checks each one against what
// the service really executed (pg_stat_statements), so a change in the service or in Marten shows up as a mismatch,
// not a silent drift.
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
    // What Marten's quick append runs for one stream whose expected version is known (Marten 9.58): the stream's row,
    // then each event with its version, numbered by the sequence.
    public const string InsertStream = "insert into public.mt_streams (tenant_id, id, type, version) values ($1,$2,$3,$4)";

    public const string UpdateStream = "update public.mt_streams set version = $1 where id = $2 and version = $3 and tenant_id = $4 returning version";

    public const string InsertEvent = """
        insert into public.mt_events (data, type, mt_dotnet_type, bdata, id, stream_id, version, timestamp, tenant_id, user_name, seq_id) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10, nextval($11)) returning seq_id
        """;

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

    public const string Notify =
        "select pg_notify($1, json_build_object('unitId', $2::uuid, 'lastSequence', currval('mt_events_sequence'), 'streamTypes', $3::text[])::text)";

    /// <summary>Every statement of the transaction, for the check against the service's own.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Statements =>
    [
        ("new stream", InsertStream), ("existing stream's version", UpdateStream), ("event", InsertEvent),
        ("client_contacts", InsertContact), ("manage_tokens", InsertManageToken), ("idempotency_keys", InsertIdempotencyKey),
        ("staff_reservations", InsertReservation), ("pg_notify", Notify),
    ];

    /// <summary>Bookings per staff day in the replay: the first of a day creates its staff-day stream, the rest update it
    /// (the HTTP run books about this many per supervisor and day).</summary>
    public const int BookingsPerStaffDay = 6;

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
                Append(batch, StreamIds.Appointment(appointmentId), StreamIds.AppointmentType, 0, booked, typeof(AppointmentBooked), timestamp, actor);
                Append(batch, StreamIds.StaffDay(_staffId, _day), StreamIds.StaffDayType, staffDayVersion, reserved, typeof(SlotReserved), timestamp, actor);
                await using var reader = await batch.ExecuteReaderAsync();
                do
                {
                    while (await reader.ReadAsync())
                        if (reader.GetName(0) == "seq_id") sequences.Add(reader.GetInt64(0));
                        else if (reader.GetName(0) == "version") sequences.Add(-1);
                } while (await reader.NextResultAsync());
            }
            if (sequences.Count(s => s > 0) != 2 || sequences.Count(s => s < 0) != (staffDayVersion == 0 ? 0 : 1))
                throw new InvalidOperationException("The ceiling's append lost a version claim; its streams must not be shared.");

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

            await Execute(connection, transaction, Notify, StoreNotifications.ChannelName, unitId,
                new[] { StreamIds.AppointmentType, StreamIds.StaffDayType });
            await transaction.CommitAsync();
        }

        private void Append(NpgsqlBatch batch, string streamId, string streamType, long expectedVersion, object @event, Type type,
            Instant timestamp, string actor)
        {
            var stream = expectedVersion == 0
                ? Command(InsertStream, unitId.ToString(), streamId, streamType, 1L)
                : Command(UpdateStream, expectedVersion + 1, streamId, expectedVersion, unitId.ToString());
            batch.BatchCommands.Add(stream);
            var insert = Command(InsertEvent, JsonSerializer.Serialize(@event, type, Booking.Api.Json.BookingJson.Options), EventNames.Of(type),
                type.FullName!, DBNull.Value, Guid.NewGuid(), streamId, expectedVersion + 1, timestamp.ToDateTimeOffset(), unitId.ToString(), actor,
                "public.mt_events_sequence");
            insert.Parameters[0].NpgsqlDbType = NpgsqlDbType.Jsonb;
            insert.Parameters[3].NpgsqlDbType = NpgsqlDbType.Bytea;
            batch.BatchCommands.Add(insert);
        }

        private static NpgsqlBatchCommand Command(string sql, params object[] values)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
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

    // pg_stat_statements shows constants as $n; comparing with placeholders, quoted constants and numbers blanked out
    // and spaces squeezed.
    private static string Normalise(string sql) =>
        System.Text.RegularExpressions.Regex.Replace(Squeeze(sql), @"\$\d+|'[^']*'|\b\d+\b", "?").ToLowerInvariant();

    private static string Squeeze(string sql) => System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " ").Trim();
}
