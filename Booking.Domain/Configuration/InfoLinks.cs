// The manager's catalogue of tailored information (links and preparation notes chosen by the kind of meeting), its rules
// and its one save use case for both doors (PUT /api/info-links and the settings page). A save carries the version it was
// made from; a stale one changes nothing. Every saved version is recorded with who saved it and which links changed.
using NodaTime;

namespace Booking.Domain.Configuration;

/// <param name="AppointmentType">The code of a kind of meeting, or "all".</param>
/// <param name="Note">Preparation notes; each language may be empty.</param>
public sealed record InfoLink(string AppointmentType, LocalizedText Title, string Url, LocalizedText Note);

public sealed record VersionedInfoLinks(IReadOnlyList<InfoLink> Links, int Version);

public enum InfoLinkChangeKind { Added, Changed, Removed }

/// <summary>One link a save added, changed or removed, named by its title.</summary>
public sealed record InfoLinkChange(InfoLinkChangeKind Kind, LocalizedText Title);

/// <summary>One saved version of the catalogue: who saved it, when, and the links it changed.</summary>
public sealed record InfoLinkCatalogueChange(int Version, string ChangedBy, Instant ChangedAt, IReadOnlyList<InfoLinkChange> Changes);

/// <summary>The versioned catalogue with its append-only history. Version 0 is the demo entries no one has saved yet.</summary>
public interface IInfoLinkCatalogue
{
    Task<VersionedInfoLinks> Read(Guid unitId, CancellationToken ct = default);

    /// <summary>Writes a new version when the stored one is still <paramref name="expectedVersion"/> and records the change
    /// in the same statement; null when someone else saved first.</summary>
    Task<int?> Save(Guid unitId, IReadOnlyList<InfoLink> links, int expectedVersion, string changedBy, IReadOnlyList<InfoLinkChange> changes,
        CancellationToken ct = default);

    Task<IReadOnlyList<InfoLinkCatalogueChange>> History(Guid unitId, int limit, CancellationToken ct = default);
}

public static class InfoLinkRules
{
    public const string All = "all";
    public const int MaxTitleLength = 120;
    public const int MaxUrlLength = 2000;
    public const int MaxNoteLength = 1000;

    /// <summary>Field errors keyed by the JSON path of the field ("[2].url", "[0].title.sv"); empty when acceptable. With the
    /// unit's kinds of meeting, a link's kind must be one of them or "all".</summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<InfoLink?>? links, IReadOnlyCollection<string>? kinds = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (links is null) { errors["body"] = ["A JSON array of info links is required."]; return errors; }
        for (var i = 0; i < links.Count; i++)
        {
            if (links[i] is not { } l) { errors[$"[{i}]"] = ["An entry is required."]; continue; }
            if (string.IsNullOrWhiteSpace(l.AppointmentType) || !ConfigurationRules.IsShortText(l.AppointmentType, 40))
                errors[$"[{i}].appointmentType"] = ["appointmentType is required: a code of a kind of meeting or \"all\"."];
            else if (kinds is not null && l.AppointmentType.Trim() != All && !kinds.Contains(l.AppointmentType.Trim()))
                errors[$"[{i}].appointmentType"] = [$"appointmentType must be \"all\" or one of the unit's kinds of meeting: {string.Join(", ", kinds)}."];
            if (l.Title is null) errors[$"[{i}].title"] = ["title needs fi, sv and en."];
            else
                foreach (var (text, language) in new[] { (l.Title.Fi, "fi"), (l.Title.Sv, "sv"), (l.Title.En, "en") })
                    if (!ConfigurationRules.IsShortText(text, MaxTitleLength))
                        errors[$"[{i}].title.{language}"] = [$"title.{language} is required: one line of at most {MaxTitleLength} characters without control characters."];
            if (!IsWebAddress(l.Url)) errors[$"[{i}].url"] = ["url must be an absolute http or https address."];
            if (l.Note is null) errors[$"[{i}].note"] = ["note is required (fi, sv and en; they may be empty)."];
            else
                foreach (var (text, language) in new[] { (l.Note.Fi, "fi"), (l.Note.Sv, "sv"), (l.Note.En, "en") })
                    if (text is null || text.Length > MaxNoteLength || text.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r')))
                        errors[$"[{i}].note.{language}"] = [$"note.{language} is at most {MaxNoteLength} characters; it may break lines but hold no other control characters."];
        }
        return errors;
    }

    /// <summary>An absolute http or https address a parent can open: no spaces or control characters, a host.</summary>
    public static bool IsWebAddress(string? url) =>
        url is { Length: > 0 and <= MaxUrlLength } && !url.Any(ch => char.IsControl(ch) || char.IsWhiteSpace(ch))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0;

    /// <summary>What a save changes: links kept as they were are not named; a link that kept its title or its address
    /// (for the same kind of meeting) is changed; the others are removed or added.</summary>
    public static IReadOnlyList<InfoLinkChange> Changes(IReadOnlyList<InfoLink> before, IReadOnlyList<InfoLink> after)
    {
        var unmatched = after.ToList();
        var left = new List<InfoLink>();
        foreach (var link in before)
        {
            var same = unmatched.IndexOf(link);
            if (same >= 0) unmatched.RemoveAt(same);
            else left.Add(link);
        }
        var changes = new List<InfoLinkChange>();
        foreach (var link in left)
        {
            var edited = unmatched.FindIndex(l => l.Title == link.Title || l.Url == link.Url && l.AppointmentType == link.AppointmentType);
            if (edited < 0) { changes.Add(new(InfoLinkChangeKind.Removed, link.Title)); continue; }
            changes.Add(new(InfoLinkChangeKind.Changed, unmatched[edited].Title));
            unmatched.RemoveAt(edited);
        }
        changes.AddRange(unmatched.Select(l => new InfoLinkChange(InfoLinkChangeKind.Added, l.Title)));
        return changes;
    }
}

/// <param name="kindsOf">The codes of the unit's kinds of meeting, which a link may name.</param>
public sealed class InfoLinkUseCases(IInfoLinkCatalogue catalogue, Func<Guid, CancellationToken, Task<IReadOnlyCollection<string>>> kindsOf)
{
    public Task<VersionedInfoLinks> Read(Guid unitId, CancellationToken ct = default) => catalogue.Read(unitId, ct);

    public Task<IReadOnlyList<InfoLinkCatalogueChange>> History(Guid unitId, int limit = 100, CancellationToken ct = default) =>
        catalogue.History(unitId, limit, ct);

    /// <summary>The links for a kind of meeting: its own and the ones for all.</summary>
    public async Task<IReadOnlyList<InfoLink>> For(Guid unitId, string appointmentType, CancellationToken ct = default) =>
        (await catalogue.Read(unitId, ct)).Links
        .Where(l => l.AppointmentType == InfoLinkRules.All || string.Equals(l.AppointmentType, appointmentType, StringComparison.Ordinal)).ToList();

    public async Task<SettingsSaved> Save(Guid unitId, IReadOnlyList<InfoLink?>? edited, int expectedVersion, string changedBy, CancellationToken ct = default)
    {
        var errors = InfoLinkRules.Validate(edited, await kindsOf(unitId, ct));
        if (errors.Count > 0) return new SettingsSaved.Invalid(errors);
        IReadOnlyList<InfoLink> links = edited!.Select(l => l! with { AppointmentType = l.AppointmentType.Trim() }).ToList();
        var current = await catalogue.Read(unitId, ct);
        if (current.Version != expectedVersion) return new SettingsSaved.Stale();
        // The store saves only on the version read here, so the changes recorded are those between the two versions.
        return await catalogue.Save(unitId, links, expectedVersion, changedBy, InfoLinkRules.Changes(current.Links, links), ct) is { } version
            ? new SettingsSaved.Saved(version)
            : new SettingsSaved.Stale();
    }
}
