// The unit's configuration as one versioned JSON document per unit; edits carry the version they saw (If-Match). Every
// saved version is recorded in an append-only history (who, when, which top-level sections changed) by the same statement.
using System.Collections.Concurrent;
using System.Text.Json;
using Booking.Api.Json;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using NodaTime;
using Npgsql;

namespace Booking.Api.Configuration;

public sealed class UnitConfigurationStore(NpgsqlDataSource dataSource) : IUnitConfigurationSource, IUnitSettingsStore
{
    public const string SchemaSql = """
        create table if not exists unit_configuration (
            unit_id uuid primary key,
            version int not null,
            document jsonb not null,
            updated_at timestamptz not null default now()
        );
        create table if not exists unit_configuration_change (
            unit_id uuid not null,
            version int not null,
            changed_by text not null,
            changed_at timestamptz not null default now(),
            sections text[] not null,
            primary key (unit_id, version)
        );
        """;

    /// <summary>Who saved a version when no person did (the demo seeder, a start-up setting).</summary>
    public const string System = "system";

    // Several instances may serve one unit: a short cache keeps reads cheap and lets another instance's edit show soon.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Guid, (VersionedConfiguration Value, DateTime Until)> cache = new();

    // The sections a save changed: the top-level keys whose values differ between the stored and the new document.
    private const string ChangedSections = """
        coalesce((select array_agg(key order by key) from jsonb_each($2::jsonb) n full join jsonb_each(coalesce((select document from old), '{}'::jsonb)) o using (key)
                  where n.value is distinct from o.value), '{}')
        """;

    public async Task<UnitConfiguration> Current(Guid unitId, CancellationToken ct = default) =>
        (await Read(unitId, ct) ?? throw new InvalidOperationException($"Unit {unitId} has no configuration.")).Configuration;

    public async Task<VersionedConfiguration?> Read(Guid unitId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(unitId, out var hit) && hit.Until > DateTime.UtcNow) return hit.Value;
        return await ReadFresh(unitId, ct);
    }

    // An editor starts from the stored version, not the cache: an edit made on a cached version would only be refused.
    Task<VersionedConfiguration?> IUnitSettingsStore.Read(Guid unitId, CancellationToken ct) => ReadFresh(unitId, ct);

    public async Task<VersionedConfiguration?> ReadFresh(Guid unitId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select document::text, version from unit_configuration where unit_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var value = new VersionedConfiguration(JsonSerializer.Deserialize<UnitConfiguration>(reader.GetString(0), BookingJson.Options)!, reader.GetInt32(1));
        cache[unitId] = (value, DateTime.UtcNow + CacheFor);
        return value;
    }

    public Task<int?> Save(UnitConfiguration configuration, int expectedVersion, CancellationToken ct = default) =>
        Save(configuration, expectedVersion, System, ct);

    public async Task<int?> Save(UnitConfiguration configuration, int expectedVersion, string changedBy, CancellationToken ct = default)
    {
        var json = JsonSerializer.Serialize(configuration, BookingJson.Options);
        await using var command = expectedVersion == 0
            ? dataSource.CreateCommand($"""
                with old as (select null::jsonb as document where false),
                saved as (insert into unit_configuration (unit_id, version, document) values ($1, 1, $2::jsonb) on conflict do nothing returning version),
                change as (insert into unit_configuration_change (unit_id, version, changed_by, sections)
                           select $1, saved.version, $3, {ChangedSections} from saved)
                select version from saved
                """)
            : dataSource.CreateCommand($"""
                with old as (select document from unit_configuration where unit_id = $1 and version = $4),
                saved as (update unit_configuration set version = version + 1, document = $2::jsonb, updated_at = now()
                          where unit_id = $1 and version = $4 returning version),
                change as (insert into unit_configuration_change (unit_id, version, changed_by, sections)
                           select $1, saved.version, $3, {ChangedSections} from saved)
                select version from saved
                """);
        command.Parameters.Add(new NpgsqlParameter { Value = configuration.UnitId });
        command.Parameters.Add(new NpgsqlParameter { Value = json });
        command.Parameters.Add(new NpgsqlParameter { Value = changedBy });
        if (expectedVersion != 0) command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
        var result = await command.ExecuteScalarAsync(ct);
        cache.TryRemove(configuration.UnitId, out _);
        return result is int version ? version : null;
    }

    public async Task<IReadOnlyList<ConfigurationChange>> History(Guid unitId, int limit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select version, changed_by, changed_at, sections from unit_configuration_change where unit_id = $1 order by version desc limit $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var changes = new List<ConfigurationChange>();
        while (await reader.ReadAsync(ct))
            changes.Add(new ConfigurationChange(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<Instant>(2), reader.GetFieldValue<string[]>(3)));
        return changes;
    }
}
