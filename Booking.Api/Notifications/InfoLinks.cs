// The manager's catalogue of tailored information: links and preparation notes chosen by the kind of meeting and put
// into confirmations and reminders. One versioned JSON document per unit; until the manager saves one, the demo entries.
using System.Text.Json;
using Booking.Api.Json;
using Booking.Domain.Configuration;
using Npgsql;

namespace Booking.Api.Notifications;

/// <param name="AppointmentType">The code of an appointment type, or "all".</param>
public sealed record InfoLink(string AppointmentType, LocalizedText Title, string Url, LocalizedText Note);

public sealed record VersionedInfoLinks(IReadOnlyList<InfoLink> Links, int Version);

public sealed class InfoLinkCatalogue(NpgsqlDataSource dataSource)
{
    public const string All = "all";

    public const string SchemaSql = """
        create table if not exists info_link_catalogue (
            unit_id uuid primary key,
            version int not null,
            document jsonb not null,
            updated_at timestamptz not null default now()
        );
        """;

    public static readonly IReadOnlyList<InfoLink> Demo =
    [
        new(All,
            new("Mitä ottaa mukaan", "Vad du ska ta med dig", "What to bring"),
            "https://www.example.fi/perheoikeus/valmistautuminen",
            new("Ota mukaan henkilöllisyystodistus, lapsen tiedot (nimi ja henkilötunnus) sekä aiemmat päätökset tai sopimukset lapsen asioista.",
                "Ta med identitetsbevis, barnets uppgifter (namn och personbeteckning) samt tidigare beslut eller avtal om barnet.",
                "Bring an identity document, the child's details (name and personal identity code) and any earlier decisions or agreements about the child.")),
        new(All,
            new("Lapsen huolto ja tapaamisoikeus", "Vårdnad om barn och umgängesrätt", "Child custody and right of access"),
            "https://www.suomi.fi/",
            new("Lue etukäteen valtakunnallinen tieto lapsen huollosta, asumisesta ja tapaamisoikeudesta.",
                "Läs i förväg den nationella informationen om vårdnad, boende och umgängesrätt.",
                "Read the national information on custody, residence and right of access beforehand.")),
        new("agreement-60",
            new("Perheoikeudellisen yksikön sivut", "Familjerättsliga enhetens sidor", "The family-law unit's page"),
            "https://www.example.fi/perheoikeus",
            new("Miettikää etukäteen, miten lapsen arki, asuminen, tapaamiset ja elatus järjestetään.",
                "Fundera i förväg på hur barnets vardag, boende, umgänge och underhåll ska ordnas.",
                "Think beforehand about how the child's everyday life, residence, contact and maintenance will be arranged.")),
        new("agreement-90",
            new("Perheoikeudellisen yksikön sivut", "Familjerättsliga enhetens sidor", "The family-law unit's page"),
            "https://www.example.fi/perheoikeus",
            new("Miettikää etukäteen, miten lapsen arki, asuminen, tapaamiset ja elatus järjestetään.",
                "Fundera i förväg på hur barnets vardag, boende, umgänge och underhåll ska ordnas.",
                "Think beforehand about how the child's everyday life, residence, contact and maintenance will be arranged.")),
    ];

    public async Task<VersionedInfoLinks> Read(Guid unitId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select document::text, version from info_link_catalogue where unit_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return new VersionedInfoLinks(Demo, 0);
        return new VersionedInfoLinks(JsonSerializer.Deserialize<List<InfoLink>>(reader.GetString(0), BookingJson.Options)!, reader.GetInt32(1));
    }

    public async Task<IReadOnlyList<InfoLink>> For(Guid unitId, string appointmentType, CancellationToken ct = default) =>
        (await Read(unitId, ct)).Links
        .Where(l => l.AppointmentType == All || string.Equals(l.AppointmentType, appointmentType, StringComparison.Ordinal)).ToList();

    /// <summary>Saves when the stored version is still <paramref name="expectedVersion"/> (0: the demo entries); null when changed meanwhile.</summary>
    public async Task<int?> Save(Guid unitId, IReadOnlyList<InfoLink> links, int expectedVersion, CancellationToken ct = default)
    {
        var json = JsonSerializer.Serialize(links, BookingJson.Options);
        await using var command = expectedVersion == 0
            ? dataSource.CreateCommand("insert into info_link_catalogue (unit_id, version, document) values ($1, 1, $2::jsonb) on conflict do nothing returning version")
            : dataSource.CreateCommand("update info_link_catalogue set version = version + 1, document = $2::jsonb, updated_at = now() where unit_id = $1 and version = $3 returning version");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = json });
        if (expectedVersion != 0) command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
        return await command.ExecuteScalarAsync(ct) is int version ? version : null;
    }

    public static Dictionary<string, string[]> Validate(IReadOnlyList<InfoLink?>? links)
    {
        var errors = new Dictionary<string, string[]>();
        if (links is null) { errors["body"] = ["A JSON array of info links is required."]; return errors; }
        for (var i = 0; i < links.Count; i++)
        {
            var l = links[i];
            if (l is null) { errors[$"[{i}]"] = ["An entry is required."]; continue; }
            if (string.IsNullOrWhiteSpace(l.AppointmentType)) errors[$"[{i}].appointmentType"] = ["appointmentType is required: a type code or \"all\"."];
            if (l.Title is null || string.IsNullOrWhiteSpace(l.Title.Fi) || string.IsNullOrWhiteSpace(l.Title.Sv) || string.IsNullOrWhiteSpace(l.Title.En))
                errors[$"[{i}].title"] = ["title needs fi, sv and en."];
            if (!Uri.TryCreate(l.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                errors[$"[{i}].url"] = ["url must be an absolute http or https address."];
            if (l.Note is null) errors[$"[{i}].note"] = ["note is required (fi, sv and en; they may be empty)."];
        }
        return errors;
    }
}
