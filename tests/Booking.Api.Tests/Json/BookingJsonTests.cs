using System.Text.Json;
using Booking.Api.Storage;
using Booking.Api.Json;
using Booking.Domain.EventSourcing;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.Json;

public enum MeetingChannel { InPerson, VideoCall }

public sealed record EverythingHappened(
    Instant At, LocalDate Day, LocalTime Time, LocalDateTime Local, Duration Length, OffsetDateTime Offset,
    MeetingChannel Channel, LocalDate? MaybeDay, DateTimeZone Zone);

public sealed class BookingJsonTests
{
    private static readonly EverythingHappened Sample = new(
        Instant.FromUtc(2026, 11, 24, 8, 0), new LocalDate(2026, 11, 24), new LocalTime(8, 30),
        new LocalDateTime(2026, 11, 24, 10, 0), Duration.FromMinutes(45),
        new OffsetDateTime(new LocalDateTime(2026, 11, 24, 10, 0), Offset.FromHours(2)),
        MeetingChannel.VideoCall, null, DateTimeZoneProviders.Tzdb["Europe/Helsinki"]);

    [Fact]
    public void NodaTime_values_and_enums_are_written_in_iso_formats_and_camel_case()
    {
        var json = JsonSerializer.Serialize(Sample, BookingJson.Options);
        var written = JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());

        Assert.Equal(new Dictionary<string, string>
        {
            ["at"] = "2026-11-24T08:00:00Z", ["day"] = "2026-11-24", ["time"] = "08:30:00", ["local"] = "2026-11-24T10:00:00",
            ["length"] = "0:00:45:00", ["offset"] = "2026-11-24T10:00:00+02:00", ["channel"] = "videoCall", ["maybeDay"] = "",
            ["zone"] = "Europe/Helsinki",
        }, written);
    }

    [Fact]
    public void A_local_time_without_seconds_is_accepted_and_a_bad_value_says_what_was_expected()
    {
        Assert.Equal(new LocalTime(8, 30), JsonSerializer.Deserialize<LocalTime>("\"08:30\"", BookingJson.Options));
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalDate>("\"24.11.2026\"", BookingJson.Options));
        Assert.Contains("LocalDate", error.Message);
    }

    [Fact]
    public void Configure_adds_the_converters_to_options_owned_by_someone_else()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        BookingJson.Configure(options);
        BookingJson.Configure(options); // twice is harmless

        Assert.Equal("\"2026-11-24\"", JsonSerializer.Serialize(new LocalDate(2026, 11, 24), options));
        Assert.Equal(options.Converters.Count, options.Converters.Select(c => c.GetType()).Distinct().Count());
    }
}

public sealed class EventTypeRegistryTests
{
    [Fact]
    public void Two_classes_with_one_event_name_stop_the_start_up()
    {
        var assembly = System.Reflection.Emit.AssemblyBuilder.DefineDynamicAssembly(
            new System.Reflection.AssemblyName("DuplicateEventNames"), System.Reflection.Emit.AssemblyBuilderAccess.Run);
        var module = assembly.DefineDynamicModule("DuplicateEventNames");
        var attribute = new System.Reflection.Emit.CustomAttributeBuilder(
            typeof(EventNameAttribute).GetConstructor([typeof(string)])!, ["ticket_issued"]);
        foreach (var name in new[] { "TicketIssued", "TicketIssuedRenamed" })
        {
            var type = module.DefineType(name, System.Reflection.TypeAttributes.Public | System.Reflection.TypeAttributes.Class);
            type.SetCustomAttribute(attribute);
            type.CreateType();
        }

        var error = Assert.Throws<InvalidOperationException>(() => new EventTypeRegistry([assembly]));

        Assert.Contains("'ticket_issued'", error.Message);
    }
}
