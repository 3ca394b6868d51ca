// One JSON shape for events, documents and HTTP: camelCase, enums as strings, NodaTime in ISO formats.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Booking.Api.Json;

public static class BookingJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Adds the enum and NodaTime converters to options someone else owns (the HTTP layer's).</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        if (!o.Converters.Any(c => c is JsonStringEnumConverter))
            o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        foreach (var converter in NodaTimeConverters.All)
            if (!o.Converters.Any(c => c.GetType() == converter.GetType()))
                o.Converters.Add(converter);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(o);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
