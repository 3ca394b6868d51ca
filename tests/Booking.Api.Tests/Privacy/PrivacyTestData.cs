// A test family with details found nowhere else, and a search of every table of the database for them.
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Privacy;

public sealed record TestFamily(string Name, string Email, string Phone, string VideoLink, string Note)
{
    public static TestFamily Distinct(string tag)
    {
        // A number of its own per tag, so that test families never share one.
        var digits = (BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(tag))) % 9_000_000 + 1_000_000).ToString();
        return new($"Zyxwa {tag} Qwertian", $"zyxwa.{tag.ToLowerInvariant()}@example.fi", $"+358 44 {digits[..3]} {digits[3..]}",
            $"https://meet.example.fi/zyxwa-{tag.ToLowerInvariant()}-room", $"Qwertian {tag} note: bring the papers");
    }

    /// <summary>What must be gone: the name, the address, the phone (as typed and as digits), the link, the note, the
    /// evening registrant's address hash.</summary>
    public string[] Needles => [Name, Email, Phone, Phone[4..], new string(Phone.Where(char.IsAsciiDigit).ToArray()), VideoLink, Note,
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Email)))];
}

public static class PrivacyTestData
{
    /// <summary>Every base table of every schema (ours, Marten's mt_events/mt_streams/mt_doc_*), each row as text: the
    /// tables and the needle found in them.</summary>
    public static async Task<List<string>> Search(this BookingApp app, params string[] needles)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
            where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.Contains("public.mt_events", tables);
        var found = new List<string>();
        foreach (var table in tables)
            foreach (var needle in needles)
            {
                await using var command = new NpgsqlCommand($"select count(*) from {table} t where t::text ilike '%' || $1 || '%'", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = needle });
                if ((long)(await command.ExecuteScalarAsync())! > 0) found.Add($"{table}: {needle}");
            }
        return found;
    }

    public static List<string> SearchFolder(string folder, params string[] needles) =>
        !Directory.Exists(folder) ? [] :
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .SelectMany(f => needles.Where(n => File.ReadAllText(f).Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{f}: {n}"))];

    public static async Task<JsonObject> FirstContact(this HttpClient secretary, TestFamily f)
    {
        var response = await secretary.PostAsJsonAsync("/api/families", new
        {
            channel = "phone", matter = "advice", parent = "mother",
            details = new { name = f.Name, email = f.Email, phone = f.Phone, language = "fi" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Json();
    }

    public static Guid Mother(JsonObject family) =>
        Guid.Parse(family["parents"]!.AsArray().Single(p => p!["role"].Text() == "mother")!["clientId"].Text());

    public static async Task<HttpResponseMessage> BookForFamily(this HttpClient secretary, Guid familyId, Guid clientId, string start,
        TestFamily f) =>
        await secretary.PostAsJsonAsync($"/api/families/{familyId}/bookings", new
        {
            appointmentType = "advice", modality = "video", starts = new[] { start }, clientId, videoLink = f.VideoLink, preparationNote = f.Note,
        });

    public static async Task Eventually(Func<Task<string?>> lagging, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (await lagging() is { } what)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the asynchronous projections have read every event and the sender has no message due.</summary>
    public static Task Settled(this BookingApp app) => Eventually(async () =>
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select coalesce(string_agg(name || ' at ' || last_seq_id, ', '), '') from mt_event_progression p where p.name like '%:%'
                and p.last_seq_id < (select coalesce(max(seq_id), 0) from mt_events)
            union all
            select coalesce(string_agg(kind || ' ' || id, ', '), '') from email_outbox where status = 'pending' and next_attempt_at <= now()
            """, connection);
        var lag = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) if (reader.GetString(0) is { Length: > 0 } s) lag.Add(s);
        return lag.Count == 0 ? null : "the projections and the email sender to catch up: " + string.Join("; ", lag);
    });

    public static async Task<string> TableText(this BookingApp app, string table, string orderBy)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select coalesce(string_agg(t::text, E'\\n' order by {orderBy}), '') from {table} t", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
