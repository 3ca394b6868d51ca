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
        options.MapType<Instant>(() => Text("date-time"));
        options.MapType<LocalDate>(() => Text("date"));
        options.MapType<LocalTime>(() => Text("time"));
        options.MapType<LocalDateTime>(() => Text("local-date-time"));
        options.MapType<OffsetDateTime>(() => Text("date-time"));
        options.MapType<Duration>(() => Text("duration"));
        options.SupportNonNullableReferenceTypes();
        OpenApiProblems.Configure(options);
    }

    private static OpenApiSchema Text(string format) => new() { Type = JsonSchemaType.String, Format = format };
}
