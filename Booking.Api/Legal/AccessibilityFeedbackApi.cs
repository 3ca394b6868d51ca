// The accessibility feedback channel's doors: anyone may send (the statement page's form posts through the same use case),
// the manager reads what came with the day each answer is due. Stored in its own table: free text is not an event.
using Booking.Domain;
using Booking.Api.Errors;
using Booking.Api.Hosting;
using Booking.Api.Appointments;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Legal;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Npgsql;

namespace Booking.Api.Legal;

public sealed record AccessibilityFeedbackRequest(string? Message, string? Page, string? Contact, string? Language);

public sealed record AccessibilityFeedbackReceipt(Guid Id, Instant ReceivedAt, LocalDate AnswerDue);

public sealed record AccessibilityFeedbackDto(Guid Id, Instant ReceivedAt, LocalDate AnswerDue, Language Language, string Message,
    string? Page, string? Contact);

public static class AccessibilityFeedbackApi
{
    public static IServiceCollection AddAccessibilityFeedback(this IServiceCollection services)
    {
        services.AddSingleton<IAccessibilityFeedbackStore, AccessibilityFeedbackTable>();
        services.AddSingleton<AccessibilityFeedbackUseCases>();
        services.AddSingleton(new SchemaPart(AccessibilityFeedbackTable.SchemaSql));
        return services;
    }

    public static RouteGroupBuilder MapAccessibilityFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/accessibility-feedback").WithTags("Legal");
        api.MapPost("", Send).WithName("SendAccessibilityFeedback").RequireRateLimiting(BookingHost.BookingPolicy)
            .WithSummary("Tells the unit what could not be used (law 306/2019); the answer is due within 14 days. A contact is optional.");
        api.MapGet("", List).WithName("GetAccessibilityFeedback").RequireAuthorization(StaffRoles.Manager)
            .WithSummary("The feedback received, newest first, with the day each answer is due.");
        return api;
    }

    public static async Task<Results<Created<AccessibilityFeedbackReceipt>, ProblemHttpResult>> Send(
        [FromBody] AccessibilityFeedbackRequest? body, AccessibilityFeedbackUseCases feedback, IUnitConfigurationSource configurations,
        CurrentUnit unit, IClock clock, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with the message is required.");
        var language = Language.Fi;
        if (body.Language is not null && !Wire.TryEnum(body.Language, out language))
            return Problems.Invalid("language", $"language must be one of: {Wire.Choices<Language>()}.");
        var outcome = await feedback.Send(unit.UnitId, Guid.NewGuid(), new AccessibilityFeedbackInput(body.Message, body.Page, body.Contact, language),
            clock.GetCurrentInstant(), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var zone = (await configurations.Current(unit.UnitId, ct)).Zone;
        var saved = outcome.Value!;
        return TypedResults.Created($"/api/accessibility-feedback/{saved.Id}",
            new AccessibilityFeedbackReceipt(saved.Id, saved.ReceivedAt, saved.AnswerDue(zone)));
    }

    public static async Task<Ok<List<AccessibilityFeedbackDto>>> List(AccessibilityFeedbackUseCases feedback, IUnitConfigurationSource configurations,
        CurrentUnit unit, CancellationToken ct)
    {
        var zone = (await configurations.Current(unit.UnitId, ct)).Zone;
        var latest = await feedback.Latest(unit.UnitId, ct);
        return TypedResults.Ok(latest.Select(f => new AccessibilityFeedbackDto(f.Id, f.ReceivedAt, f.AnswerDue(zone), f.Language, f.Message,
            f.Page, f.Contact)).ToList());
    }
}

public sealed class AccessibilityFeedbackTable(NpgsqlDataSource dataSource) : IAccessibilityFeedbackStore
{
    public const string SchemaSql = """
        create table if not exists accessibility_feedback (
            id uuid primary key,
            unit_id uuid not null,
            received_at timestamptz not null,
            language text not null,
            message text not null,
            page text null,
            contact text null
        );
        create index if not exists accessibility_feedback_unit on accessibility_feedback (unit_id, received_at desc);
        """;

    public async Task Add(AccessibilityFeedback f, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "insert into accessibility_feedback (id, unit_id, received_at, language, message, page, contact) values ($1, $2, $3, $4, $5, $6, $7)");
        command.Parameters.Add(new NpgsqlParameter { Value = f.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = f.UnitId });
        command.Parameters.Add(new NpgsqlParameter { Value = f.ReceivedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = f.Language.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = f.Message });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)f.Page ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)f.Contact ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<AccessibilityFeedback>> Latest(Guid unitId, int count, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select id, received_at, language, message, page, contact from accessibility_feedback where unit_id = $1 order by received_at desc limit $2");
        command.Parameters.Add(new NpgsqlParameter { Value = unitId });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var found = new List<AccessibilityFeedback>();
        while (await reader.ReadAsync(ct))
            found.Add(new AccessibilityFeedback(reader.GetGuid(0), unitId, reader.GetFieldValue<Instant>(1),
                Enum.Parse<Language>(reader.GetString(2)), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        return found;
    }
}
