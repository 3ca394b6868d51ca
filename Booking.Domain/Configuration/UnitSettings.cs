// The manager's edits of the unit's configuration: one use case for both doors (PUT /api/config and the settings pages).
// An edit carries the version it was made from; a stale one changes nothing. Every saved version is recorded with who
// saved it and which sections changed.
using NodaTime;

namespace Booking.Domain.Configuration;

public sealed record VersionedConfiguration(UnitConfiguration Configuration, int Version);

/// <summary>One saved version: who saved it, when, and the top-level sections (JSON names) it changed.</summary>
public sealed record ConfigurationChange(int Version, string ChangedBy, Instant ChangedAt, IReadOnlyList<string> Sections);

/// <summary>The versioned configuration store with its append-only history.</summary>
public interface IUnitSettingsStore
{
    Task<VersionedConfiguration?> Read(Guid unitId, CancellationToken ct = default);

    /// <summary>Writes a new version when the stored one is still <paramref name="expectedVersion"/> (0: none yet) and
    /// records the change in the same transaction. Null when someone else changed it first.</summary>
    Task<int?> Save(UnitConfiguration configuration, int expectedVersion, string changedBy, CancellationToken ct = default);

    Task<IReadOnlyList<ConfigurationChange>> History(Guid unitId, int limit, CancellationToken ct = default);
}

public abstract record SettingsSaved
{
    public sealed record Saved(int Version) : SettingsSaved;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : SettingsSaved;
    /// <summary>Someone saved another version since the edit was read: reload and make the change again.</summary>
    public sealed record Stale : SettingsSaved;
}

public sealed class UnitSettingsUseCases(IUnitSettingsStore store)
{
    public Task<VersionedConfiguration?> Read(Guid unitId, CancellationToken ct = default) => store.Read(unitId, ct);

    public Task<IReadOnlyList<ConfigurationChange>> History(Guid unitId, int limit = 100, CancellationToken ct = default) =>
        store.History(unitId, limit, ct);

    public async Task<SettingsSaved> Save(Guid unitId, UnitConfiguration edited, int expectedVersion, string changedBy, CancellationToken ct = default)
    {
        var configuration = edited with { UnitId = unitId };
        var errors = ConfigurationRules.Validate(configuration);
        if (errors.Count > 0) return new SettingsSaved.Invalid(errors);
        return await store.Save(configuration, expectedVersion, changedBy, ct) is { } version
            ? new SettingsSaved.Saved(version)
            : new SettingsSaved.Stale();
    }
}
