// Feedback in the room, its doors: the meeting's supervisor gets a one-time code (and its address for the QR code); anyone
// holding the code answers once, anonymously; the manager reads the comments when the release rule allows. The code is a
// bearer secret: 128 random bits, only its hash stored, looked up through rate-limited doors.
using System.Security.Claims;
using System.Security.Cryptography;
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.Hosting;
using Booking.Api.Storage;
using Booking.Domain;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Feedback;
using Booking.Domain.Figures;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace Booking.Api.Feedback;

/// <param name="AppointmentId">A held meeting of the signed-in supervisor; or both of the next two for a walk-in visit.</param>
public sealed record FeedbackCodeRequest(Guid? AppointmentId, LocalDate? WalkInDate, int? TicketNumber);

/// <param name="Url">The answer page's address, for the QR code.</param>
public sealed record FeedbackCodeDto(string Code, string Url, string Kind, LocalDate Month, Instant ExpiresAt);

/// <param name="AsksAgree">A family's first or last meeting: the parent's answer also needs agree (1–5).</param>
public sealed record FeedbackCodeStatusDto(string Kind, LocalDate Month, Instant ExpiresAt, bool AsksAgree);

/// <param name="Agree">"How well can you now agree on your child's matters", 1–5: a parent's answer at a first or last meeting only.</param>
public sealed record FeedbackAnswerRequest(string? Audience, int? Heard, int? Understood, int? Helped, string? Comment, int? Agree = null);

public sealed record FeedbackReceiptDto(string Kind, LocalDate Month);

public static class FeedbackApi
{
    public static IServiceCollection AddFeedback(this IServiceCollection services, BookingStoreBuilder store)
    {
        store.AddDocumentWriter<FeedbackComment, FeedbackCommentsTable>();
        services.AddSingleton<FeedbackCommentsTable>();
        services.AddSingleton<IFeedbackCommentReader>(sp => sp.GetRequiredService<FeedbackCommentsTable>());
        services.AddSingleton<FeedbackCodes>();
        return services;
    }

    public static RouteGroupBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Feedback");
        api.MapPost("/staff/feedback-codes", Issue).WithName("IssueFeedbackCode").RequireAuthorization(StaffRoles.Supervisor)
            .WithSummary("A one-time feedback code (and the address for its QR code) for a held meeting or a served walk-in visit of the signed-in supervisor; it expires in 2 hours.");
        api.MapGet("/feedback/{code}", Status).WithName("GetFeedbackCode").RequireRateLimiting(BookingHost.PublicPolicy)
            .WithSummary("Whether a feedback code can still be answered: 404 when there is no such code, 410 when it was used or has expired.");
        api.MapPost("/feedback/{code}", Answer).WithName("GiveFeedback").RequireRateLimiting(BookingHost.BookingPolicy)
            .WithSummary("Answers once with a feedback code: three faces from 1 to 5 (heard, understood, helped), an optional comment without names; anonymous.");
        api.MapGet("/figures/feedback-comments", Comments).WithName("GetFeedbackComments").RequireAuthorization(StaffRoles.Manager)
            .WithSummary("The feedback comments by month: a month's comments are shown 14 days after it ends and only when there are at least 5.");
        return api;
    }

    /// <summary>A new code: 16 random bytes as base64url (22 characters).</summary>
    public static string NewCode() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    public static async Task<Results<Created<FeedbackCodeDto>, ProblemHttpResult>> Issue([FromBody] FeedbackCodeRequest? body, FeedbackCodes codes,
        CurrentUnit unit, ClaimsPrincipal user, HttpRequest request, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with appointmentId, or walkInDate and ticketNumber, is required.");
        FeedbackTarget target;
        if (body.AppointmentId is { } appointmentId)
        {
            if (body.WalkInDate is not null || body.TicketNumber is not null)
                return Problems.Invalid("appointmentId", "Give either appointmentId or walkInDate and ticketNumber, not both.");
            target = new HeldMeeting(appointmentId);
        }
        else if (body.WalkInDate is { } date && body.TicketNumber is { } number)
        {
            if (number < 1) return Problems.Invalid("ticketNumber", "ticketNumber must be 1 or more.");
            target = new ServedWalkInVisit(date, number);
        }
        else if (body.WalkInDate is not null) return Problems.Invalid("ticketNumber", "ticketNumber is required with walkInDate.");
        else if (body.TicketNumber is not null) return Problems.Invalid("walkInDate", "walkInDate is required with ticketNumber.");
        else return Problems.Invalid("appointmentId", "appointmentId is required (or walkInDate and ticketNumber for a walk-in visit).");

        var issued = await codes.Issue(unit.UnitId, user.StaffId()!.Value, target, NewCode(), ct);
        if (issued.Refusal is { } refusal) return Problems.From(refusal);
        var code = issued.Value!;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/feedback/{code.Code}";
        return TypedResults.Created(url, new FeedbackCodeDto(code.Code, url, code.Kind, code.Month, code.ExpiresAt));
    }

    public static async Task<Results<Ok<FeedbackCodeStatusDto>, ProblemHttpResult>> Status(string code, FeedbackCodes codes, CurrentUnit unit,
        CancellationToken ct)
    {
        var status = await codes.Check(unit.UnitId, code, ct);
        if (status.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Ok(new FeedbackCodeStatusDto(status.Value!.Kind, status.Value.Month, status.Value.ExpiresAt,
            FeedbackAnswers.AsksAgree(status.Value.Stage, FeedbackAudience.Parent)));
    }

    public static async Task<Results<Created<FeedbackReceiptDto>, ProblemHttpResult>> Answer(string code, [FromBody] FeedbackAnswerRequest? body,
        FeedbackCodes codes, CurrentUnit unit, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with heard, understood and helped (1–5) is required.");
        var given = await codes.Give(unit.UnitId, code, new FeedbackAnswerInput(body.Audience, body.Heard, body.Understood, body.Helped, body.Comment, body.Agree), ct);
        if (given.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Created((string?)null, new FeedbackReceiptDto(given.Value!.Kind, given.Value.Month));
    }

    public static async Task<Results<Ok<IReadOnlyList<FeedbackCommentGroup>>, ProblemHttpResult>> Comments(string? month, FeedbackCodes codes,
        CurrentUnit unit, CancellationToken ct)
    {
        if (month is null || LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM").Parse(month) is not { Success: true } parsed)
            return Problems.Invalid("month", "month is required as 2026-10.");
        return TypedResults.Ok(await codes.Comments(unit.UnitId, parsed.Value, parsed.Value, ct));
    }
}

/// <summary>The comments: month, kind of meeting, audience and text; no time, no code, no meeting (the id is the database's).</summary>
public sealed class FeedbackCommentsTable(NpgsqlDataSource dataSource) : IDocumentWriter<FeedbackComment>, IFeedbackCommentReader
{
    public string SchemaSql => """
        create table if not exists feedback_comments (
            id uuid primary key default gen_random_uuid(),
            unit_id uuid not null,
            month date not null,
            kind text not null,
            audience text not null,
            text text not null
        );
        create index if not exists feedback_comments_by_month on feedback_comments (unit_id, month);
        """;

    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, FeedbackComment c, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "insert into feedback_comments (unit_id, month, kind, audience, text) values ($1, $2, $3, $4, $5)", connection, transaction);
        foreach (var value in new object[] { c.UnitId, c.Month, c.Kind, UnitReport.Wire(c.Audience), c.Text })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<FeedbackComment>> Of(Guid unitId, LocalDate fromMonth, LocalDate toMonth, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select month, kind, audience, text from feedback_comments where unit_id = $1 and month between $2 and $3");
        foreach (var value in new object[] { unitId, fromMonth, toMonth }) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var found = new List<FeedbackComment>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found.Add(new FeedbackComment(unitId, reader.GetFieldValue<LocalDate>(0), reader.GetString(1),
                reader.GetString(2) == "child" ? FeedbackAudience.Child : FeedbackAudience.Parent, reader.GetString(3)));
        return found;
    }
}
