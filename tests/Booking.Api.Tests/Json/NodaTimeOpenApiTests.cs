// The OpenAPI document shows NodaTime values as what travels: ISO strings with an example, never NodaTime's own
// object shapes (a client generated from the document would otherwise expect {"ticks": ...}).
using System.Text.Json.Nodes;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Json;

public sealed class NodaTimeOpenApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static readonly string[] NodaTimeTypes =
        ["Instant", "LocalDate", "LocalTime", "LocalDateTime", "OffsetDateTime", "Duration", "DateTimeZone", "ZoneInterval", "Offset"];

    [Fact]
    public async Task NodaTime_values_are_strings_with_an_example_in_the_OpenAPI_document()
    {
        var document = JsonNode.Parse(await (await app.CreateClient().GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync())!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.DoesNotContain(schemas, s => NodaTimeTypes.Contains(s.Key));

        var formats = new[] { "date-time", "date", "time", "local-date-time", "duration", "tz" };
        var nodaTime = schemas.SelectMany(s => s.Value!["properties"]?.AsObject() ?? [])
            .Select(p => p.Value!)
            .Where(p => p["format"]?.GetValue<string>() is { } f && formats.Contains(f))
            .ToList();
        Assert.NotEmpty(nodaTime);
        Assert.All(nodaTime, p =>
        {
            Assert.Equal("string", p["type"]!.ToString());
            var example = p["example"] ?? p["examples"]?[0];
            Assert.False(string.IsNullOrEmpty(example?.GetValue<string>()), p.ToJsonString());
        });
        Assert.Contains(nodaTime, p => p["format"]!.GetValue<string>() == "local-date-time" && (p["example"] ?? p["examples"]?[0])!.GetValue<string>() == "2026-11-24T09:30:00");
    }
}
