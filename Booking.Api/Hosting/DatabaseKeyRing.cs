// Data Protection keys live in the database, so that every instance can unseal what another sealed (manage-link
// tokens for emails and idempotent replays), and a restart keeps them.
using System.Xml.Linq;
using Booking.Api.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Booking.Api.Hosting;

public sealed class DatabaseKeyRing(NpgsqlDataSource dataSource) : IXmlRepository
{
    public const string SchemaSql = """
        create table if not exists data_protection_keys (
            friendly_name text primary key,
            xml text not null,
            created_at timestamptz not null default now()
        );
        """;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand("select xml from data_protection_keys order by created_at");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read()) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = dataSource.CreateCommand(
            "insert into data_protection_keys (friendly_name, xml) values ($1, $2) on conflict (friendly_name) do nothing");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("family-law-booking");
        services.AddSingleton(new SchemaPart(SchemaSql));
        services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, source) => options.XmlRepository = new DatabaseKeyRing(source));
    }
}
