// One JSON shape for events, documents and HTTP: camelCase, enums as strings, NodaTime in ISO formats through
// NodaTime.Serialization.SystemTextJson with the TZDB zones ("Europe/Helsinki").
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace Booking.Api.Json;

public static class BookingJson
{
    /// <summary>The library's ISO converters, with three choices of ours: durations as "d:hh:mm:ss" (the round-trip
    /// pattern, as stored in existing events), and local times accepted without seconds ("08:30"), as forms send them.</summary>
    public static NodaJsonSettings NodaTime { get; } = new(DateTimeZoneProviders.Tzdb)
    {
        DurationConverter = NodaConverters.RoundtripDurationConverter,
        LocalTimeConverter = Lenient(LocalTimePattern.ExtendedIso, LocalTimePattern.CreateWithInvariantCulture("HH':'mm")),
        LocalDateTimeConverter = Lenient(LocalDateTimePattern.ExtendedIso, LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm")),
        OffsetDateTimeConverter = Lenient(OffsetDateTimePattern.Rfc3339, OffsetDateTimePattern.ExtendedIso, OffsetDateTimePattern.GeneralIso),
    };

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Adds the enum and NodaTime converters to options someone else owns (the HTTP layer's).</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        if (!o.Converters.Any(c => c is JsonStringEnumConverter))
            o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        if (!o.Converters.Contains(NodaTime.InstantConverter))
            o.ConfigureForNodaTime(NodaTime);
    }

    /// <summary>Writes with the first pattern and reads any of them.</summary>
    private static NodaPatternConverter<T> Lenient<T>(IPattern<T> format, params IPattern<T>[] alsoRead)
    {
        var patterns = new CompositePatternBuilder<T> { { format, _ => true } };
        foreach (var pattern in alsoRead) patterns.Add(pattern, _ => false);
        return new NodaPatternConverter<T>(patterns.Build());
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(o);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
