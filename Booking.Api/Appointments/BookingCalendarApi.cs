// Add to calendar: the booking as an .ics file, from the confirmation and manage page, written by the same IcsWriter
// (Ical.Net) as the email's attachment and with the same UID, so importing both leaves one entry. The manage link's token
// is the key, as for every other client door to a booking.
using System.Text;
using Booking.Api.Errors;
using Booking.Api.Hosting;
using Booking.Api.Notifications;
using Booking.Api.Privacy;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Booking.Api.Appointments;

public static class BookingCalendarApi
{
    public static void MapBookingCalendarApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/bookings/{token}/calendar.ics", Download).WithName("DownloadBookingCalendar")
            .WithSummary("The booking as an iCalendar file (add to calendar); lang=fi|sv|en picks the words.")
            .WithTags("Online booking").RequireRateLimiting(BookingHost.PublicPolicy)
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar");

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(string token, string? lang, ManageLinks links,
        IEventStore store, IUnitConfigurationSource configurations, EmailSettings email, IClock clock, CurrentUnit unit, CancellationToken ct)
    {
        var language = lang?.Trim().ToLowerInvariant() switch
        {
            null or "" or "fi" => Language.Fi,
            "sv" => Language.Sv,
            "en" => Language.En,
            _ => (Language?)null,
        };
        if (language is null) return Problems.Invalid("lang", "lang must be one of: fi, sv, en.");
        var (state, id) = await links.Open(unit.UnitId, token, ct);
        if (state == ManageLinkState.Expired) return PrivacyApi.Expired();
        if (state == ManageLinkState.Unknown)
            return Problems.NotFound("No booking matches this link. Check that the whole address was copied from the email.");

        var events = await store.ReadStream(unit.UnitId, StreamIds.Appointment(id), ct);
        var appointment = events.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e.Data));
        var config = await configurations.Current(unit.UnitId, ct);
        var w = EmailWords.For(language.Value);
        var typeName = config.Type(appointment.AppointmentType)?.Name.In(language.Value) ?? appointment.AppointmentType;
        var reference = BookingReference.Of(appointment.Id);
        var manage = $"{email.PublicBaseUrl}/booking/{Uri.EscapeDataString(token)}";
        var ics = IcsWriter.Write(new CalendarEvent(
            Uid: $"{appointment.Id:N}@booking.local",
            Sequence: events.Count(e => e.Data is AppointmentMoved or AppointmentCancelled),
            Stamp: clock.GetCurrentInstant(),
            Start: appointment.Start.InZone(config.Zone).LocalDateTime,
            End: appointment.End.InZone(config.Zone).LocalDateTime,
            Summary: $"{typeName} – {config.Name}",
            Location: appointment.Modality == Modality.InPerson ? UnitSignature.Place(config) : w.Modality(appointment.Modality, config.Name),
            Description: $"{reference}\n\n{w.Manage}\n{manage}",
            Cancelled: appointment.Status == AppointmentStatus.Cancelled,
            OrganizerName: config.Name,
            OrganizerEmail: email.FromAddress), config.Zone);
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"{reference}.ics");
    }
}
