// The OpenAPI document: NodaTime values are ISO strings on the wire, and the schema says so.
using Microsoft.OpenApi;
using NodaTime;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Booking.Api.Hosting;

public static class OpenApiSetup
{
    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "Family-law unit booking",
            Version = "v1",
            Description = "Online booking for a municipal family-law unit. Times are Europe/Helsinki local times unless they end in Z or an offset.",
        });
        options.MapType<Instant>(() => Text("date-time", "2026-11-24T07:30:00Z"));
        options.MapType<LocalDate>(() => Text("date", "2026-11-24"));
        options.MapType<LocalTime>(() => Text("time", "09:30:00"));
        options.MapType<LocalDateTime>(() => Text("local-date-time", "2026-11-24T09:30:00"));
        options.MapType<OffsetDateTime>(() => Text("date-time", "2026-11-24T09:30:00+02:00"));
        options.MapType<Duration>(() => Text("duration", "0:00:45:00"));
        options.MapType<DateTimeZone>(() => Text("tz", "Europe/Helsinki"));
        options.SupportNonNullableReferenceTypes();
        OpenApiProblems.Configure(options);
    }

    private static OpenApiSchema Text(string format, string example) =>
        new() { Type = JsonSchemaType.String, Format = format, Examples = [System.Text.Json.Nodes.JsonValue.Create(example)] };
}
