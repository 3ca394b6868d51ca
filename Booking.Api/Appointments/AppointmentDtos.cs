// The shapes of the appointments API. Inputs are strings so that a bad value is answered field by field.
using System.Text.Json;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using NodaTime;
using NodaTime.Text;

namespace Booking.Api.Appointments;

public sealed record ClientDto(string? Name, string? Email, string? Phone, string? Language);

/// <param name="SeparateMeetings">Ask for separate meetings instead of a joint one (safety): no invitation is sent, so
/// otherParentEmail must be left out.</param>
public sealed record BookingRequestDto(string? AppointmentType, string? Modality, string? Start, ClientDto? Client, string? OtherParentEmail,
    bool? SeparateMeetings = null);

public sealed record MoveRequestDto(string? Start);

public sealed record FreeTimeDto(LocalDateTime Start, LocalDateTime End, Instant StartsAt)
{
    public static FreeTimeDto From(FreeTime f) => new(f.Start, f.End, f.StartsAt);
}

public sealed record AppointmentTypeDto(string Code, LocalizedText Name, int Minutes, IReadOnlyList<string> Modalities, bool OnlineBookable);

public sealed record BookingDto(
    Guid AppointmentId,
    string AppointmentType,
    string Modality,
    LocalDateTime Start,
    LocalDateTime End,
    Instant StartsAt,
    string Status,
    bool CanChange,
    string? ManageToken = null,
    string? ManageUrl = null,
    bool CanMove = false,
    bool SeparateMeetings = false,
    bool? OtherParentAccepted = null,
    string? VideoLink = null)
{
    /// <param name="videoLink">Only for the one holding the manage link (a video meeting's link, once staff set it).</param>
    public static BookingDto From(AppointmentView v, string? token = null, string? videoLink = null) => new(
        v.AppointmentId, v.AppointmentType, Wire.Name(v.Modality), v.Start, v.End, v.StartsAt, Wire.Name(v.Status), v.CanChange,
        token, token is null ? null : $"/booking/{token}", v.CanMove, v.SeparateMeetings, v.OtherParentAccepted,
        v.Modality == Booking.Domain.Configuration.Modality.Video ? videoLink : null);
}

/// <summary>The meeting an invited other parent sees through the invitation link, with their answer (null: not yet).</summary>
public sealed record InvitationDto(
    Guid AppointmentId,
    string AppointmentType,
    string Modality,
    LocalDateTime Start,
    LocalDateTime End,
    Instant StartsAt,
    string Status,
    bool CanRespond,
    bool? Accepted)
{
    public static InvitationDto From(AppointmentView v) => new(
        v.AppointmentId, v.AppointmentType, Wire.Name(v.Modality), v.Start, v.End, v.StartsAt, Wire.Name(v.Status), v.CanChange,
        v.OtherParentAccepted);
}

/// <summary>How enums and local times are spelled on the wire, and parsed back with a field-named error.</summary>
public static class Wire
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryEnum<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum =>
        Booking.Domain.ClientInput.TryEnum(text, out value);

    public static string Choices<TEnum>() where TEnum : struct, Enum => Booking.Domain.ClientInput.Choices<TEnum>();

    public static bool TryLocalDateTime(string? text, out LocalDateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        foreach (var pattern in new[] { LocalDateTimePattern.GeneralIso, LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm") })
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success && InServiceYears(result.Value.Year)) { value = result.Value; return true; }
        }
        return false;
    }

    public static bool InServiceYears(int year) => Booking.Domain.ClientInput.IsServiceYear(year);

    public static bool TryLocalTime(string? text, out LocalTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        foreach (var pattern in new[] { LocalTimePattern.CreateWithInvariantCulture("HH':'mm"), LocalTimePattern.ExtendedIso })
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success) { value = result.Value; return true; }
        }
        return false;
    }

    public static bool TryLocalDate(string? text, out LocalDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (!result.Success || !InServiceYears(result.Value.Year)) return false;
        value = result.Value;
        return true;
    }
}
