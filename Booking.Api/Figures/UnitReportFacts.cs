// The unit report's facts as rows, kept by Marten's async daemon (rebuildable: `projections rebuild -p unit_report`).
// Each event changes at most one fact (ReportFacts.KeyOf); a batch loads the facts it touches, folds its events into
// them in order and writes back the changed ones, in the daemon's transaction with its progress.
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
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var unit in events.GroupBy(e => e.UnitId))
        {
            var keyed = unit.Select(e => (Key: ReportFacts.KeyOf(e.StreamId, e.Data), Event: e)).Where(k => k.Key is not null).ToList();
            if (keyed.Count == 0) continue;
            var facts = await Load(connection, transaction, unit.Key, [.. keyed.Select(k => k.Key!).Distinct()], ct);
            var changed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, envelope) in keyed)
            {
                var before = facts.GetValueOrDefault(key!);
                if (ReportFacts.Evolve(before, envelope.StreamId, envelope.Data) is not { } after || ReferenceEquals(after, before)) continue;
                facts[key!] = after;
                changed.Add(key!);
            }
            if (changed.Count == 0) continue;
            var zone = (await configurations.Current(unit.Key, ct)).Zone;
            await using var command = new NpgsqlCommand("""
                insert into unit_report_facts (unit_id, key, kind, month, data)
                select $1, k, t, m::date, d::jsonb from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as u(k, t, m, d)
                on conflict (unit_id, key) do update set kind = excluded.kind, month = excluded.month, data = excluded.data
                """, connection, transaction);
            var rows = changed.Select(k => facts[k]).ToList();
            command.Parameters.Add(new NpgsqlParameter { Value = unit.Key });
            command.Parameters.Add(new NpgsqlParameter { Value = changed.ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(KindOf).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(f => f.Month(zone) is { } m ? LocalDatePattern.Iso.Format(m) : null).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(f => JsonSerializer.Serialize(f, Json)).ToArray() });
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("delete from unit_report_facts", connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The facts a report from <paramref name="from"/> to <paramref name="to"/> needs: every meeting, call-back,
    /// family and parent (a first contact may lie anywhere before), and the walk-in numbers and evenings of the range's months.</summary>
    public async Task<IReadOnlyList<ReportFact>> For(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select data::text from unit_report_facts
            where unit_id = $1 and (kind in ('meeting', 'call_back', 'family', 'parent') or month between $2 and $3)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = ReportFact.MonthOf(from) });
        command.Parameters.Add(new NpgsqlParameter { Value = ReportFact.MonthOf(to) });
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
