// The unit report's facts as rows, kept by Marten's async daemon (rebuildable: `projections rebuild -p unit_report`).
// Each event changes at most one fact (ReportFacts.KeyOf); a batch loads the facts it touches, folds its events into
// them in order and writes back the changed ones, in the daemon's transaction with its progress. Beside them it keeps
// the report's counts per day and per month (unit_report_sums, unit_report_month_sums: what the changed facts add now less
// what they added before) and each family's lead time (unit_report_families, recomputed from the family's facts), so a
// report reads a year's monthly sums (and the days of a month it covers in part), not every fact.
using System.Text.Json;
using Booking.Api.Json;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Figures;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace Booking.Api.Figures;

public sealed class UnitReportFacts(NpgsqlDataSource dataSource, IUnitConfigurationSource configurations) : IAsyncProjection, IUnitReportFacts
{
    public const string ProjectionName = "unit_report";

    public string Name => ProjectionName;

    // Out-of-order metadata: jsonb keeps keys in its own order, so the fact's discriminator need not come first.
    internal static readonly JsonSerializerOptions Json = CreateJson();

    // client_id and family_id find a family's facts when its lead time is recomputed. A database from before the sums
    // needs one rebuild (the README says so).
    public string SchemaSql => """
        create table if not exists unit_report_facts (
            unit_id uuid not null,
            key text not null,
            kind text not null,
            month date null,
            data jsonb not null,
            primary key (unit_id, key)
        );
        create index if not exists unit_report_facts_by_month on unit_report_facts (unit_id, kind, month);
        alter table unit_report_facts add column if not exists client_id uuid null;
        alter table unit_report_facts add column if not exists family_id uuid null;
        create index if not exists unit_report_facts_by_family on unit_report_facts (unit_id, family_id) where family_id is not null;
        create index if not exists unit_report_facts_by_client on unit_report_facts (unit_id, client_id) where client_id is not null;
        create table if not exists unit_report_sums (
            unit_id uuid not null,
            day date not null,
            figure text not null,
            count integer not null,
            primary key (unit_id, day, figure)
        );
        create index if not exists unit_report_sums_walk_in on unit_report_sums (unit_id, day) where figure like 'walkin:%';
        create table if not exists unit_report_month_sums (
            unit_id uuid not null,
            month date not null,
            figure text not null,
            count integer not null,
            primary key (unit_id, month, figure)
        );
        create table if not exists unit_report_families (
            unit_id uuid not null,
            family_id uuid not null,
            day date not null,
            lead_days integer not null,
            primary key (unit_id, family_id)
        );
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var unit in events.GroupBy(e => e.UnitId))
        {
            var keyed = unit.Select(e => (Key: ReportFacts.KeyOf(e.StreamId, e.Data), Event: e)).Where(k => k.Key is not null).ToList();
            if (keyed.Count == 0) continue;
            var facts = await Load(connection, transaction, unit.Key, [.. keyed.Select(k => k.Key!).Distinct()], ct);
            var before = new Dictionary<string, ReportFact>(facts, StringComparer.Ordinal);
            var changed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, envelope) in keyed)
            {
                var was = facts.GetValueOrDefault(key!);
                if (ReportFacts.Evolve(was, envelope.StreamId, envelope.Data) is not { } after || ReferenceEquals(after, was)) continue;
                facts[key!] = after;
                changed.Add(key!);
            }
            if (changed.Count == 0) continue;
            var zone = (await configurations.Current(unit.Key, ct)).Zone;
            var rows = changed.Select(k => facts[k]).ToList();
            await Upsert(connection, transaction, unit.Key, [.. changed], rows, zone, ct);

            var sums = new Dictionary<(LocalDate Day, string Figure), int>();
            foreach (var key in changed) ReportSums.Change(sums, before.GetValueOrDefault(key), facts[key], zone);
            var families = changed.SelectMany(k => ReportSums.FamilyIds(before.GetValueOrDefault(k)).Concat(ReportSums.FamilyIds(facts[k])))
                .ToHashSet();
            if (families.Count > 0) await Families(connection, transaction, unit.Key, families, sums, zone, ct);
            await AddSums(connection, transaction, unit.Key, sums, ct);
        }
    }

    /// <summary>Recomputes the lead time of the families a batch may have changed (and of the families their clients belong
    /// to) from their facts, and adds the change to <paramref name="sums"/>.</summary>
    private static async Task Families(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid unitId, HashSet<Guid> ids,
        Dictionary<(LocalDate Day, string Figure), int> sums, DateTimeZone zone, CancellationToken ct)
    {
        // A client's id may stand for the family the secretary added them to.
        var parents = await Read(connection, transaction, "select data::text from unit_report_facts where unit_id = $1 and kind = 'parent' and client_id = any($2)",
            unitId, [.. ids], ct);
        foreach (var parent in parents.OfType<ParentFact>()) ids.Add(parent.FamilyId);
        var familyIds = ids.ToArray();
        // Every parent of these families, and every parent whose own id is one of them (their facts count elsewhere).
        parents = await Read(connection, transaction,
            "select data::text from unit_report_facts where unit_id = $1 and kind = 'parent' and (family_id = any($2) or client_id = any($2))",
            unitId, familyIds, ct);
        var clients = parents.OfType<ParentFact>().Where(p => ids.Contains(p.FamilyId)).Select(p => p.ClientId).Concat(familyIds).Distinct().ToArray();
        await using var command = new NpgsqlCommand("""
            select data::text from unit_report_facts
            where unit_id = $1 and kind in ('meeting', 'call_back', 'family') and (family_id = any($2) or (family_id is null and client_id = any($3)))
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = familyIds });
        command.Parameters.Add(new NpgsqlParameter { Value = clients });
        var theirs = await Read(command, ct);
        var now = ReportSums.Families(parents.Concat(theirs)).Where(f => ids.Contains(f.FamilyId))
            .Select(f => (f.FamilyId, Lead: f.Lead(zone))).Where(f => f.Lead is not null).ToDictionary(f => f.FamilyId, f => f.Lead!.Value);

        var was = new Dictionary<Guid, (LocalDate Day, int Days)>();
        await using (var old = new NpgsqlCommand("select family_id, day, lead_days from unit_report_families where unit_id = $1 and family_id = any($2)",
                         connection, transaction))
        {
            old.Parameters.Add(new NpgsqlParameter { Value = unitId });
            old.Parameters.Add(new NpgsqlParameter { Value = familyIds });
            await using var reader = await old.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                was[reader.GetGuid(0)] = (reader.GetFieldValue<LocalDate>(1), reader.GetInt32(2));
        }
        (LocalDate Day, int Days)? Was(Guid family) => was.TryGetValue(family, out var lead) ? lead : null;
        (LocalDate Day, int Days)? Now(Guid family) => now.TryGetValue(family, out var lead) ? lead : null;
        var different = familyIds.Where(f => Was(f) != Now(f)).ToList();
        if (different.Count == 0) return;
        foreach (var family in different) ReportSums.Change(sums, Was(family), Now(family));

        await using (var delete = new NpgsqlCommand("delete from unit_report_families where unit_id = $1 and family_id = any($2)", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = unitId });
            delete.Parameters.Add(new NpgsqlParameter { Value = different.ToArray() });
            await delete.ExecuteNonQueryAsync(ct);
        }
        var kept = different.Where(now.ContainsKey).ToList();
        if (kept.Count == 0) return;
        await using var write = new NpgsqlCommand("""
            insert into unit_report_families (unit_id, family_id, day, lead_days)
            select $1, f, d, l from unnest($2::uuid[], $3::date[], $4::int[]) as u(f, d, l)
            """, connection, transaction);
        write.Parameters.Add(new NpgsqlParameter { Value = unitId });
        write.Parameters.Add(new NpgsqlParameter { Value = kept.ToArray() });
        write.Parameters.Add(new NpgsqlParameter { Value = kept.Select(f => now[f].Day).ToArray() });
        write.Parameters.Add(new NpgsqlParameter { Value = kept.Select(f => now[f].Days).ToArray() });
        await write.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Adds changes to the sums of their days and of their months (the bench fills its sums with it too).</summary>
    public static async Task AddSums(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid unitId,
        IEnumerable<KeyValuePair<(LocalDate Day, string Figure), int>> sums, CancellationToken ct)
    {
        var days = sums.Where(s => s.Value != 0).ToList();
        if (days.Count == 0) return;
        var months = days.GroupBy(s => (Month: ReportFact.MonthOf(s.Key.Day), s.Key.Figure), s => s.Value)
            .Select(g => (g.Key.Month, g.Key.Figure, Count: g.Sum())).Where(m => m.Count != 0).ToList();
        foreach (var (sql, dates, figures, counts) in new[]
                 {
                     (AddDaySums, days.Select(s => s.Key.Day).ToArray(), days.Select(s => s.Key.Figure).ToArray(), days.Select(s => s.Value).ToArray()),
                     (AddMonthSums, months.Select(m => m.Month).ToArray(), months.Select(m => m.Figure).ToArray(), months.Select(m => m.Count).ToArray()),
                 })
        {
            if (dates.Length == 0) continue;
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = unitId });
            command.Parameters.Add(new NpgsqlParameter { Value = dates });
            command.Parameters.Add(new NpgsqlParameter { Value = figures });
            command.Parameters.Add(new NpgsqlParameter { Value = counts });
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private const string AddDaySums = """
        insert into unit_report_sums (unit_id, day, figure, count)
        select $1, d, f, c from unnest($2::date[], $3::text[], $4::int[]) as u(d, f, c)
        on conflict (unit_id, day, figure) do update set count = unit_report_sums.count + excluded.count
        """;

    private const string AddMonthSums = """
        insert into unit_report_month_sums (unit_id, month, figure, count)
        select $1, m, f, c from unnest($2::date[], $3::text[], $4::int[]) as u(m, f, c)
        on conflict (unit_id, month, figure) do update set count = unit_report_month_sums.count + excluded.count
        """;

    /// <summary>Writes facts as rows ($2 keys); the bench fills its facts with it too.</summary>
    public static async Task Upsert(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid unitId, string[] keys,
        IReadOnlyList<ReportFact> rows, DateTimeZone zone, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into unit_report_facts (unit_id, key, kind, month, data, client_id, family_id)
            select $1, k, t, m::date, d::jsonb, c, f from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[])
                as u(k, t, m, d, c, f)
            on conflict (unit_id, key) do update set kind = excluded.kind, month = excluded.month, data = excluded.data,
                client_id = excluded.client_id, family_id = excluded.family_id
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = keys });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(KindOf).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(f => f.Month(zone) is { } m ? LocalDatePattern.Iso.Format(m) : null).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(f => JsonSerializer.Serialize(f, Json)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(ClientOf).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(FamilyOf).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static Guid? ClientOf(ReportFact fact) => fact switch
    {
        MeetingFact m => m.ClientId,
        CallBackFact c => c.ClientId,
        ParentFact p => p.ClientId,
        _ => null,
    };

    private static Guid? FamilyOf(ReportFact fact) => fact switch
    {
        MeetingFact m => m.FamilyId,
        FamilyFact f => f.FamilyId,
        ParentFact p => p.FamilyId,
        _ => null,
    };

    /// <summary>Fills the sums of a database whose facts were kept by a version of the service without them: run at start-up,
    /// before this instance's projections, it finds each unit with facts but neither sums nor lead times and sums its facts
    /// once, exactly as the projection would have. The sums are locked meanwhile, so an instance already running the
    /// projection waits for it. Returns how many units it filled.</summary>
    public async Task<int> FillMissingSums(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockTables = new NpgsqlCommand(
                         "lock table unit_report_sums, unit_report_month_sums, unit_report_families in exclusive mode", connection, transaction))
            await lockTables.ExecuteNonQueryAsync(ct);
        var units = new List<Guid>();
        await using (var missing = new NpgsqlCommand("""
                         select distinct f.unit_id from unit_report_facts f
                         where not exists (select 1 from unit_report_sums s where s.unit_id = f.unit_id)
                           and not exists (select 1 from unit_report_families l where l.unit_id = f.unit_id)
                         """, connection, transaction))
        await using (var reader = await missing.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) units.Add(reader.GetGuid(0));
        var filled = 0;
        foreach (var unitId in units)
        {
            await using var all = new NpgsqlCommand("select data::text from unit_report_facts where unit_id = $1", connection, transaction);
            all.Parameters.Add(new NpgsqlParameter { Value = unitId });
            var facts = await Read(all, ct);
            var zone = (await configurations.Current(unitId, ct)).Zone;
            var sums = ReportSums.Sum(facts, zone);
            if (sums.Values.All(v => v == 0)) continue;
            var leads = ReportSums.Families(facts).Select(f => (f.FamilyId, Lead: f.Lead(zone))).Where(f => f.Lead is not null).ToList();
            await AddSums(connection, transaction, unitId, sums, ct);
            await using var write = new NpgsqlCommand("""
                insert into unit_report_families (unit_id, family_id, day, lead_days)
                select $1, f, d, l from unnest($2::uuid[], $3::date[], $4::int[]) as u(f, d, l)
                """, connection, transaction);
            write.Parameters.Add(new NpgsqlParameter { Value = unitId });
            write.Parameters.Add(new NpgsqlParameter { Value = leads.Select(f => f.FamilyId).ToArray() });
            write.Parameters.Add(new NpgsqlParameter { Value = leads.Select(f => f.Lead!.Value.Day).ToArray() });
            write.Parameters.Add(new NpgsqlParameter { Value = leads.Select(f => f.Lead!.Value.Days).ToArray() });
            await write.ExecuteNonQueryAsync(ct);
            filled++;
        }
        await transaction.CommitAsync(ct);
        return filled;
    }

    public async Task Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "delete from unit_report_facts; delete from unit_report_sums; delete from unit_report_month_sums; delete from unit_report_families", connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>What a report from <paramref name="from"/> to <paramref name="to"/> is computed from: the sums of its whole
    /// months, those of the days of a month it covers in part, the walk-in sums of each day, and the evenings and feedback
    /// of the range's months.</summary>
    public async Task<ReportInput> For(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var months = new Dictionary<LocalDate, Dictionary<string, int>>();
        // The whole months are from $4 up to (not including) $5; the days outside them are summed per month here.
        var wholeFrom = from.Day == 1 ? from : ReportFact.MonthOf(from).PlusMonths(1);
        var wholeTo = to.PlusDays(1).Day == 1 ? to.PlusDays(1) : ReportFact.MonthOf(to);
        await using (var command = new NpgsqlCommand("""
            select month, figure, count from unit_report_month_sums
            where unit_id = $1 and month >= $4 and month < $5 and count <> 0
            union all
            select day - extract(day from day)::int + 1, figure, sum(count)::int from unit_report_sums
            where unit_id = $1 and day between $2 and $3 and (day < $4 or day >= $5)
            group by 1, 2 having sum(count) <> 0
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = unitId });
            command.Parameters.Add(new NpgsqlParameter { Value = from });
            command.Parameters.Add(new NpgsqlParameter { Value = to });
            command.Parameters.Add(new NpgsqlParameter { Value = wholeFrom });
            command.Parameters.Add(new NpgsqlParameter { Value = wholeTo });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var month = reader.GetFieldValue<LocalDate>(0);
                if (!months.TryGetValue(month, out var sums)) months[month] = sums = new Dictionary<string, int>(StringComparer.Ordinal);
                sums[reader.GetString(1)] = sums.GetValueOrDefault(reader.GetString(1)) + reader.GetInt32(2);
            }
        }
        var walkInDays = new Dictionary<LocalDate, Dictionary<string, int>>();
        await using (var command = new NpgsqlCommand("""
            select day, figure, count from unit_report_sums
            where unit_id = $1 and day between $2 and $3 and figure like 'walkin:%' and count <> 0
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = unitId });
            command.Parameters.Add(new NpgsqlParameter { Value = from });
            command.Parameters.Add(new NpgsqlParameter { Value = to });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var day = reader.GetFieldValue<LocalDate>(0);
                if (!walkInDays.TryGetValue(day, out var sums)) walkInDays[day] = sums = new Dictionary<string, int>(StringComparer.Ordinal);
                sums[reader.GetString(1)] = reader.GetInt32(2);
            }
        }
        await using var whole = new NpgsqlCommand("""
            select data::text from unit_report_facts
            where unit_id = $1 and kind in ('evening', 'feedback') and month between $2 and $3
            """, connection);
        whole.Parameters.Add(new NpgsqlParameter { Value = unitId });
        whole.Parameters.Add(new NpgsqlParameter { Value = ReportFact.MonthOf(from) });
        whole.Parameters.Add(new NpgsqlParameter { Value = ReportFact.MonthOf(to) });
        var facts = await Read(whole, ct);
        return new ReportInput(months.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, int>)m.Value),
            walkInDays.ToDictionary(d => d.Key, d => (IReadOnlyDictionary<string, int>)d.Value), facts);
    }

    private static async Task<List<ReportFact>> Read(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid unitId,
        Guid[] ids, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        return await Read(command, ct);
    }

    private static async Task<List<ReportFact>> Read(NpgsqlCommand command, CancellationToken ct)
    {
        var facts = new List<ReportFact>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            facts.Add(JsonSerializer.Deserialize<ReportFact>(reader.GetString(0), Json)!);
        return facts;
    }

    private static async Task<Dictionary<string, ReportFact>> Load(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid unitId,
        string[] keys, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select key, data::text from unit_report_facts where unit_id = $1 and key = any($2)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = keys });
        var facts = new Dictionary<string, ReportFact>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            facts[reader.GetString(0)] = JsonSerializer.Deserialize<ReportFact>(reader.GetString(1), Json)!;
        return facts;
    }

    private static string KindOf(ReportFact fact) => fact switch
    {
        MeetingFact => "meeting",
        CallBackFact => "call_back",
        FamilyFact => "family",
        ParentFact => "parent",
        TicketFact => "ticket",
        RefusalFact => "refusal",
        EveningFact => "evening",
        FeedbackFact => "feedback",
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.GetType().Name, "A report fact without a kind."),
    };

    private static JsonSerializerOptions CreateJson()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowOutOfOrderMetadataProperties = true };
        BookingJson.Configure(o);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
