// Wires email into the host (outbox projection, sender, reminders, transport) and gives the manager the outbox's
// dead letters, a replay, counts by status and the info-link catalogue. Nothing here shows an address or a name.
using Booking.Domain;
using Booking.Api.Configuration;
using Booking.Api.Errors;
using Booking.Api.Notifications.Sms;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.Api.Notifications;

public sealed record OutboxSummaryDto(long Pending, long Sent, long Skipped, long Dead);

public static class NotificationsApi
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, BookingStoreBuilder store, IConfiguration configuration)
    {
        var settings = EmailSettings.From(configuration);
        services.AddSingleton(settings);
        store.AddAsyncProjection<EmailOutboxProjection>();
        services.AddSingleton(new SchemaPart(InfoLinkCatalogue.SchemaSql));
        services.AddSingleton<InfoLinkCatalogue>();
        services.AddSingleton<IInfoLinkCatalogue>(sp => sp.GetRequiredService<InfoLinkCatalogue>());
        services.AddSingleton(sp => new InfoLinkUseCases(sp.GetRequiredService<IInfoLinkCatalogue>(), async (unitId, ct) =>
            (await sp.GetRequiredService<IUnitConfigurationSource>().Current(unitId, ct)).AppointmentTypes.Select(t => t.Code).ToList()));
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<ReminderJob>();
        services.AddSingleton<EmailSenderFaults>();
        services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSmsConfirmations(configuration);
        services.AddSingleton<EmailSender>();
        services.AddSingleton<IFailedEmails, FailedEmails>();
        if (settings.Enabled) services.AddHostedService(sp => sp.GetRequiredService<EmailSender>());
        return services;
    }

    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Email").RequireAuthorization(StaffRoles.Manager);
        api.MapGet("/notifications/dead-letters", DeadLetters).WithName("GetDeadLetters")
            .WithSummary("Emails that could not be delivered (refused, or retries exhausted), newest first; no addresses.");
        api.MapPost("/notifications/dead-letters/{id}/replay", Replay).WithName("ReplayDeadLetter")
            .WithSummary("Puts a dead letter back in the queue with its attempts reset; it is rendered from the booking's current state.");
        api.MapGet("/notifications/outbox/summary", Summary).WithName("GetOutboxSummary")
            .WithSummary("How many emails are pending, sent, skipped (nothing to send any more) and dead.");
        api.MapGet("/info-links", GetInfoLinks).WithName("GetInfoLinks")
            .WithSummary("The catalogue of links and preparation notes put into confirmations, by appointment type (or \"all\"); the ETag is its version.");
        api.MapPut("/info-links", PutInfoLinks).WithName("PutInfoLinks")
            .WithSummary("Replaces the catalogue; send If-Match with the version you read. Every saved version is in the history.");
        api.MapGet("/info-links/history", InfoLinksHistory).WithName("GetInfoLinksHistory")
            .WithSummary("Every saved version of the catalogue, newest first: who saved it, when, and which links it added, changed or removed.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<DeadLetterDto>>> DeadLetters(EmailOutbox outbox, CurrentUnit unit, CancellationToken ct) =>
        TypedResults.Ok(await outbox.DeadLetters(unit.UnitId, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> Replay(string id, EmailOutbox outbox, EmailSender sender,
        CurrentUnit unit, CancellationToken ct)
    {
        if (!await outbox.Replay(unit.UnitId, id, ct)) return Problems.NotFound("No dead letter has this id.");
        sender.Wake();
        return TypedResults.NoContent();
    }

    public static async Task<Ok<OutboxSummaryDto>> Summary(EmailOutbox outbox, CurrentUnit unit, CancellationToken ct)
    {
        var counts = await outbox.Summary(unit.UnitId, ct);
        return TypedResults.Ok(new OutboxSummaryDto(counts[OutboxStatus.Pending], counts[OutboxStatus.Sent], counts[OutboxStatus.Skipped],
            counts[OutboxStatus.Dead]));
    }

    public static async Task<Ok<IReadOnlyList<InfoLink>>> GetInfoLinks(InfoLinkUseCases links, CurrentUnit unit, HttpContext http,
        CancellationToken ct)
    {
        var current = await links.Read(unit.UnitId, ct);
        http.Response.Headers.ETag = $"\"{current.Version}\"";
        return TypedResults.Ok(current.Links);
    }

    public static async Task<Results<Ok<IReadOnlyList<InfoLink>>, ProblemHttpResult>> PutInfoLinks(
        [FromBody] List<InfoLink?>? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        InfoLinkUseCases links, CurrentUnit unit, HttpContext http, CancellationToken ct)
    {
        if (!int.TryParse(ifMatch?.Trim('"', ' '), out var expected))
            return TypedResults.Problem("Send If-Match with the version (ETag) you read.", statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Version required");
        switch (await links.Save(unit.UnitId, body, expected, http.User.Identity?.Name ?? UnitConfigurationStore.System, ct))
        {
            case SettingsSaved.Invalid invalid:
                return Problems.From(Refusal.Invalid(invalid.Errors));
            case SettingsSaved.Saved saved:
                http.Response.Headers.ETag = $"\"{saved.Version}\"";
                return TypedResults.Ok((await links.Read(unit.UnitId, ct)).Links);
            default:
                return TypedResults.Problem("The catalogue was changed by someone else since you read it. Reload and make your change again.",
                    statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed meanwhile");
        }
    }

    public static async Task<Ok<IReadOnlyList<InfoLinkCatalogueChange>>> InfoLinksHistory(InfoLinkUseCases links, CurrentUnit unit, CancellationToken ct) =>
        TypedResults.Ok(await links.History(unit.UnitId, 200, ct));
}
