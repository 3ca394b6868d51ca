// The manager's catalogue of tailored information: links and preparation notes chosen by the kind of meeting and put
// into confirmations and reminders. One versioned JSON document per unit; until the manager saves one, the demo entries.
using System.Text.Json;
using Booking.Api.Json;
using Booking.Domain.Configuration;
using Npgsql;

namespace Booking.Api.Notifications;

public sealed class InfoLinkCatalogue(NpgsqlDataSource dataSource) : IInfoLinkCatalogue
{
    public const string All = InfoLinkRules.All;

    public const string SchemaSql = """
        create table if not exists info_link_catalogue (
            unit_id uuid primary key,
            version int not null,
            document jsonb not null,
            updated_at timestamptz not null default now()
        );
        create table if not exists info_link_catalogue_change (
            unit_id uuid not null,
            version int not null,
            changed_by text not null,
            changed_at timestamptz not null default now(),
            changes jsonb not null,
            primary key (unit_id, version)
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

    public async Task<int?> Save(Guid unitId, IReadOnlyList<InfoLink> links, int expectedVersion, string changedBy,
        IReadOnlyList<InfoLinkChange> changes, CancellationToken ct = default)
    {
        var json = JsonSerializer.Serialize(links, BookingJson.Options);
        // The version and its history row in one statement: a refused (stale) save leaves neither.
        await using var command = expectedVersion == 0
            ? dataSource.CreateCommand("""
                with saved as (insert into info_link_catalogue (unit_id, version, document) values ($1, 1, $2::jsonb) on conflict do nothing returning version),
                change as (insert into info_link_catalogue_change (unit_id, version, changed_by, changes) select $1, saved.version, $3, $4::jsonb from saved)
                select version from saved
                """)
            : dataSource.CreateCommand("""
                with saved as (update info_link_catalogue set version = version + 1, document = $2::jsonb, updated_at = now()
                               where unit_id = $1 and version = $5 returning version),
                change as (insert into info_link_catalogue_change (unit_id, version, changed_by, changes) select $1, saved.version, $3, $4::jsonb from saved)
                select version from saved
                """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = json });
        command.Parameters.Add(new NpgsqlParameter { Value = changedBy });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(changes, BookingJson.Options) });
        if (expectedVersion != 0) command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
        return await command.ExecuteScalarAsync(ct) is int version ? version : null;
    }

    public async Task<IReadOnlyList<InfoLinkCatalogueChange>> History(Guid unitId, int limit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select version, changed_by, changed_at, changes::text from info_link_catalogue_change where unit_id = $1 order by version desc limit $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var changes = new List<InfoLinkCatalogueChange>();
        while (await reader.ReadAsync(ct))
            changes.Add(new InfoLinkCatalogueChange(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<NodaTime.Instant>(2),
                JsonSerializer.Deserialize<List<InfoLinkChange>>(reader.GetString(3), BookingJson.Options)!));
        return changes;
    }
}
