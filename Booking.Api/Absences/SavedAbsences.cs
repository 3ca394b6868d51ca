// The saved absences as a table (an inline projection of the absence streams): the secretary's work list finds them here,
// and the configuration the domain reads carries them as closures, so every free-times search (parents', the secretary's,
// call-backs, walk-in duty) leaves the absent hours out; a withdrawn one no longer. The staff days' blocks are the guard;
// this is what the searches see.
using System.Collections.Concurrent;
using Booking.Api.Storage;
using Booking.Domain.Absences;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Npgsql;
using NodaTime;

namespace Booking.Api.Absences;

public sealed class SavedAbsences(NpgsqlDataSource dataSource) : IInlineProjection, ISavedAbsences
{
    public string SchemaSql => """
        create table if not exists saved_absences (
            unit_id uuid not null,
            absence_id uuid not null,
            staff_id uuid,
            from_date date not null,
            to_date date not null,
            from_time time,
            to_time time,
            open_items int not null,
            primary key (unit_id, absence_id)
        );
        alter table saved_absences add column if not exists withdrawn boolean not null default false;
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var envelope in events)
        {
            NpgsqlCommand? command = envelope.Data switch
            {
                AbsenceEntered e => Command(connection, transaction, """
                    insert into saved_absences (unit_id, absence_id, staff_id, from_date, to_date, from_time, to_time, open_items)
                    values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing
                    """, envelope.UnitId, e.AbsenceId, (object?)e.StaffId ?? DBNull.Value, e.From, e.To, (object?)e.FromTime ?? DBNull.Value,
                    (object?)e.ToTime ?? DBNull.Value, e.Work.Count(w => w.Action != WorkAction.Reassign || w.ReassignedTo is null)),
                AbsenceWorkDone e => Command(connection, transaction,
                    "update saved_absences set open_items = greatest(open_items - 1, 0) where unit_id = $1 and absence_id = $2",
                    envelope.UnitId, e.AbsenceId),
                // Kept (the work list shows it withdrawn until its last day), but no longer a closure.
                AbsenceWithdrawn e => Command(connection, transaction,
                    "update saved_absences set withdrawn = true, open_items = 0 where unit_id = $1 and absence_id = $2",
                    envelope.UnitId, e.AbsenceId),
                _ => null,
            };
            if (command is null) continue;
            await using (command) await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<IReadOnlyList<Guid>> Since(Guid unitId, LocalDate since, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select absence_id from saved_absences where unit_id = $1 and (to_date >= $2 or open_items > 0) order by from_date limit 500");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>The absences not over by <paramref name="since"/>, as closures of the configuration.</summary>
    public async Task<IReadOnlyList<Closure>> AsClosures(Guid unitId, LocalDate since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select staff_id, from_date, to_date, from_time, to_time from saved_absences where unit_id = $1 and to_date >= $2 and not withdrawn");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        var closures = new List<Closure>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            Guid? staff = reader.IsDBNull(0) ? null : reader.GetGuid(0);
            closures.Add(new Closure(reader.GetFieldValue<LocalDate>(1), reader.GetFieldValue<LocalDate>(2),
                staff is null ? "Unit closed / Yksikkö suljettu / Enheten stängd" : "Absence",
                staff, reader.IsDBNull(3) ? null : reader.GetFieldValue<LocalTime>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<LocalTime>(4)));
        }
        return closures;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}

/// <summary>The unit's configuration with its saved absences added to the closures the manager keeps. A short cache per
/// unit keeps free-times searches at one read; a save here forgets it at once, another instance's save shows within seconds
/// (and meanwhile the blocked staff days refuse the booking).</summary>
public sealed class ConfigurationWithAbsences(IUnitConfigurationSource inner, SavedAbsences saved, IClock clock) : IUnitConfigurationSource
{
    private static readonly Duration CacheFor = Duration.FromSeconds(5);
    private readonly ConcurrentDictionary<Guid, (IReadOnlyList<Closure> Closures, Instant Until)> cache = new();

    public async Task<UnitConfiguration> Current(Guid unitId, CancellationToken ct = default)
    {
        var config = await inner.Current(unitId, ct);
        var now = clock.GetCurrentInstant();
        if (!cache.TryGetValue(unitId, out var hit) || hit.Until < now)
        {
            hit = (await saved.AsClosures(unitId, now.InZone(config.Zone).Date.PlusDays(-1), ct), now + CacheFor);
            cache[unitId] = hit;
        }
        return hit.Closures.Count == 0 ? config : config with { Closures = [.. config.Closures, .. hit.Closures] };
    }

    public void Forget(Guid unitId) => cache.TryRemove(unitId, out _);
}
