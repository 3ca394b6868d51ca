// NodaTime.Serialization.SystemTextJson is not in our package mirror, so these small converters stand in for it.
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Booking.Api.Json;

public static class NodaTimeConverters
{
    public static IReadOnlyList<JsonConverter> All { get; } =
    [
        new InstantConverter(), new LocalDateConverter(), new LocalTimeConverter(), new LocalDateTimeConverter(),
        new DurationConverter(), new OffsetDateTimeConverter(), new DateTimeZoneConverter(),
    ];

    /// <summary>Reads and writes a value as one string through NodaTime patterns; the first pattern formats, all of them parse.</summary>
    public abstract class PatternConverter<T>(params IPattern<T>[] patterns) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}.");
            return Parse(reader.GetString()!);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(patterns[0].Format(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(patterns[0].Format(value));

        private T Parse(string text)
        {
            ParseResult<T>? first = null;
            foreach (var pattern in patterns)
            {
                var result = pattern.Parse(text);
                if (result.Success) return result.Value;
                first ??= result;
            }
            throw new JsonException($"'{text}' is not a valid {typeof(T).Name}: {first!.Exception.Message}");
        }
    }

    public sealed class InstantConverter() : PatternConverter<Instant>(InstantPattern.ExtendedIso);
    public sealed class LocalDateConverter() : PatternConverter<LocalDate>(LocalDatePattern.Iso);
    public sealed class LocalTimeConverter() : PatternConverter<LocalTime>(
        LocalTimePattern.ExtendedIso, LocalTimePattern.CreateWithInvariantCulture("HH':'mm"));
    public sealed class LocalDateTimeConverter() : PatternConverter<LocalDateTime>(
        LocalDateTimePattern.ExtendedIso, LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"));
    public sealed class DurationConverter() : PatternConverter<Duration>(DurationPattern.Roundtrip);
    public sealed class OffsetDateTimeConverter() : PatternConverter<OffsetDateTime>(
        OffsetDateTimePattern.Rfc3339, OffsetDateTimePattern.ExtendedIso, OffsetDateTimePattern.GeneralIso);

    /// <summary>Zones travel as TZDB ids ("Europe/Helsinki").</summary>
    public sealed class DateTimeZoneConverter : JsonConverter<DateTimeZone>
    {
        public override DateTimeZone Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var id = reader.GetString() ?? throw new JsonException("A time zone id is required.");
            return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new JsonException($"Unknown time zone '{id}'.");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeZone value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Id);
    }
}
