// The unit's configuration as one versioned JSON document per unit; edits carry the version they saw (If-Match).
using System.Collections.Concurrent;
using System.Text.Json;
using Booking.Api.Json;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Npgsql;

namespace Booking.Api.Configuration;

public sealed record VersionedConfiguration(UnitConfiguration Configuration, int Version);

public sealed class UnitConfigurationStore(NpgsqlDataSource dataSource) : IUnitConfigurationSource
{
    public const string SchemaSql = """
        create table if not exists unit_configuration (
            unit_id uuid primary key,
            version int not null,
            document jsonb not null,
            updated_at timestamptz not null default now()
        );
        """;

    // Several instances may serve one unit: a short cache keeps reads cheap and lets another instance's edit show soon.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Guid, (VersionedConfiguration Value, DateTime Until)> cache = new();

    public async Task<UnitConfiguration> Current(Guid unitId, CancellationToken ct = default) =>
        (await Read(unitId, ct) ?? throw new InvalidOperationException($"Unit {unitId} has no configuration.")).Configuration;

    public async Task<VersionedConfiguration?> Read(Guid unitId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(unitId, out var hit) && hit.Until > DateTime.UtcNow) return hit.Value;
        await using var command = dataSource.CreateCommand("select document::text, version from unit_configuration where unit_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var value = new VersionedConfiguration(JsonSerializer.Deserialize<UnitConfiguration>(reader.GetString(0), BookingJson.Options)!, reader.GetInt32(1));
        cache[unitId] = (value, DateTime.UtcNow + CacheFor);
        return value;
    }

    /// <summary>Writes a new version when the stored one is still <paramref name="expectedVersion"/> (0: none yet).
    /// Returns the new version, or null when someone else changed it first.</summary>
    public async Task<int?> Save(UnitConfiguration configuration, int expectedVersion, CancellationToken ct = default)
    {
        var json = JsonSerializer.Serialize(configuration, BookingJson.Options);
        await using var command = expectedVersion == 0
            ? dataSource.CreateCommand("insert into unit_configuration (unit_id, version, document) values ($1, 1, $2::jsonb) on conflict do nothing returning version")
            : dataSource.CreateCommand("update unit_configuration set version = version + 1, document = $2::jsonb, updated_at = now() where unit_id = $1 and version = $3 returning version");
        command.Parameters.Add(new NpgsqlParameter { Value = configuration.UnitId });
        command.Parameters.Add(new NpgsqlParameter { Value = json });
        if (expectedVersion != 0) command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
        var result = await command.ExecuteScalarAsync(ct);
        cache.TryRemove(configuration.UnitId, out _);
        return result is int version ? version : null;
    }
}
