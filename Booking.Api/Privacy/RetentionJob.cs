// The retention job: once a day, on one instance at a time (a transaction-scoped PostgreSQL advisory lock, and the day's
// run recorded under it), erases the personal data whose period has passed: a booking's or family's contacts after the
// last meeting or contact, an evening's registrations after the evening, a call-back's number after the call; and
// trims the log of staff reads. A family's parents go together, when the family's last date has passed.
using Booking.Domain.Privacy;
using NodaTime;
using Npgsql;

namespace Booking.Api.Privacy;

/// <summary>What a run did; Ran is false when another instance held the job (or, for a daily run, it already ran today).</summary>
public sealed record RetentionRun(bool Ran, int ClientsErased, int ReadsRemoved);

/// <summary>A test seam: lets a test hold a run inside its lock, as a slow run on another instance would.</summary>
public sealed class RetentionJobHooks
{
    public Func<Task>? InsideLock { get; set; }
}

public sealed class RetentionJob(NpgsqlDataSource dataSource, RetentionPeriods periods, PersonalDataEraser eraser, RetentionJobHooks hooks,
    IClock clock, IConfiguration configuration, ILogger<RetentionJob> logger) : BackgroundService
{
    // FNV-1a of the name, as the email sender's and the projection daemon's keys are made.
    internal static readonly long LockKey = KeyOf("retention_job");

    private static readonly Duration Daily = Duration.FromHours(23);

    public const string SchemaSql = """
        create table if not exists retention_runs (
            ran_at          timestamptz not null primary key,
            clients_erased  int         not null,
            reads_removed   int         not null
        );
        """;

    /// <summary>Runs now unless another instance is running it (then Ran is false).</summary>
    public Task<RetentionRun> RunOnce(CancellationToken ct) => Run(onlyIfDue: false, ct);

    /// <summary>Runs unless it ran in the last 23 hours (on any instance) or is running elsewhere.</summary>
    public Task<RetentionRun> RunIfDue(CancellationToken ct) => Run(onlyIfDue: true, ct);

    private async Task<RetentionRun> Run(bool onlyIfDue, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var erasedMessages = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var tryLock = new NpgsqlCommand($"select pg_try_advisory_xact_lock({LockKey})", connection, transaction))
            if (!(bool)(await tryLock.ExecuteScalarAsync(ct))!) return new RetentionRun(false, 0, 0);
        if (hooks.InsideLock is { } hold) await hold();
        if (onlyIfDue)
        {
            await using var last = new NpgsqlCommand("select max(ran_at) from retention_runs", connection, transaction);
            if (await last.ExecuteScalarAsync(ct) is Instant previous && previous > now - Daily) return new RetentionRun(false, 0, 0);
        }

        var erased = 0;
        foreach (var (unit, clients) in await Due(connection, transaction, now, ct))
        {
            var appointments = await AppointmentsOf(connection, transaction, unit, clients, ct);
            erasedMessages.AddRange(await PersonalDataEraser.Erase(connection, transaction, unit, clients, appointments, ct));
            erased += clients.Count;
        }
        int reads;
        await using (var trim = new NpgsqlCommand("delete from contact_reads where read_at < $1", connection, transaction))
        {
            trim.Parameters.Add(new NpgsqlParameter { Value = now - periods.ReadLogKept });
            reads = await trim.ExecuteNonQueryAsync(ct);
        }
        await using (var record = new NpgsqlCommand(
                         "insert into retention_runs (ran_at, clients_erased, reads_removed) values ($1, $2, $3) on conflict do nothing",
                         connection, transaction))
        {
            foreach (var value in new object[] { now, erased, reads }) record.Parameters.Add(new NpgsqlParameter { Value = value });
            await record.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        eraser.RemovePickupCopies(erasedMessages);
        if (erased > 0 || reads > 0)
            logger.LogInformation("Retention: erased the personal data of {Clients} clients, removed {Reads} old read-log entries", erased, reads);
        return new RetentionRun(true, erased, reads);
    }

    /// <summary>Clients still holding personal data whose every clock has run out; a family's parents share the family's
    /// latest date (its last contact, and every parent's meetings).</summary>
    private async Task<List<(Guid Unit, List<Guid> Clients)>> Due(NpgsqlConnection connection, NpgsqlTransaction transaction, Instant now,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            with deadline as (
                select unit_id, client_id, max(counts_from + case subject when 'evening' then $2 when 'call_back' then $3 else $1 end) as due
                from personal_data_clocks group by unit_id, client_id
            ), family_due as (
                select f.unit_id, f.subject_id as family_id, max(d.due) as due
                from personal_data_clocks f join deadline d on d.unit_id = f.unit_id and d.client_id = f.client_id
                where f.subject = 'family' group by f.unit_id, f.subject_id
            ), effective as (
                select d.unit_id, d.client_id, greatest(d.due, max(fd.due)) as due
                from deadline d
                left join personal_data_clocks f on f.unit_id = d.unit_id and f.client_id = d.client_id and f.subject = 'family'
                left join family_due fd on fd.unit_id = f.unit_id and fd.family_id = f.subject_id
                group by d.unit_id, d.client_id, d.due
            ), holding as (
                select unit_id, client_id from client_contacts
                union select unit_id, client_id from evening_registrants
                union select unit_id, client_id from manage_tokens
                union select unit_id, client_id from invitation_tokens
                union select unit_id, client_id from call_back_tokens
                union select unit_id, client_id from evening_registration_tokens
            )
            select e.unit_id, e.client_id from effective e join holding h on h.unit_id = e.unit_id and h.client_id = e.client_id
            where e.due <= $4 order by e.unit_id
            """, connection, transaction);
        foreach (var value in new object[]
                 {
                     periods.ContactsAfterLastMeeting, periods.EveningRegistrationsAfterEvening,
                     periods.CallBackNumbersAfterCall, now,
                 })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        var due = new List<(Guid, List<Guid>)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var unit = reader.GetGuid(0);
            if (due.Count == 0 || due[^1].Item1 != unit) due.Add((unit, []));
            due[^1].Item2.Add(reader.GetGuid(1));
        }
        return due;
    }

    private static async Task<List<Guid>> AppointmentsOf(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid unit,
        List<Guid> clients, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select distinct subject_id from personal_data_clocks where unit_id = $1 and subject = 'appointment' and client_id = any($2)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = unit });
        command.Parameters.Add(new NpgsqlParameter { Value = clients.ToArray() });
        var found = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetGuid(0));
        return found;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(configuration.GetValue(PrivacySettings.CheckMinutes, 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RunIfDue(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(e, "The retention job failed; trying again later");
            }
            try { await Task.Delay(every, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private static long KeyOf(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes("booking:" + name)) hash = (hash ^ b) * 1099511628211UL;
        return unchecked((long)hash);
    }
}
