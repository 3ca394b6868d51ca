// The unit report's doors: the manager reads it as JSON or as CSV for a spreadsheet; the meeting's own supervisor
// records what a held meeting achieved (THL's categories).
using Booking.Domain.Goals;
using System.Security.Claims;
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.Storage;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Figures;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.Figures;

public sealed record MeetingOutcomesRequestDto(string[]? Outcomes);

public sealed record MeetingOutcomesDto(Guid AppointmentId, IReadOnlyList<string> Outcomes);

/// <param name="Goals">The family's goals at its first meeting: one or more of the fixed list.</param>
public sealed record FamilyGoalsRequestDto(string[]? Goals);

/// <param name="GoalsMet">At the family's last meeting: met, partlyMet or notMet.</param>
/// <param name="Agreement">Whether the matter ended in an agreement.</param>
public sealed record GoalsReviewRequestDto(string? GoalsMet, bool? Agreement);

/// <param name="Stage">first (goals recorded) or last (reviewed): the meeting's feedback then asks how well the parents can agree.</param>
public sealed record FamilyGoalsDto(Guid AppointmentId, IReadOnlyList<string> Goals, string? GoalsMet, bool? Agreement, string? Stage);

public static class FiguresApi
{
    public static IServiceCollection AddFigures(this IServiceCollection services, BookingStoreBuilder store)
    {
        store.AddAsyncProjection<UnitReportFacts>();
        services.AddSingleton<IUnitReportFacts>(sp => sp.GetRequiredService<UnitReportFacts>());
        services.AddSingleton<UnitReports>();
        services.AddSingleton(sp => new MeetingOutcomes(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IClock>()));
        services.AddSingleton(sp => new FamilyGoals(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IClock>()));
        return services;
    }

    public static RouteGroupBuilder MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Figures");
        api.MapGet("/figures/report", Report).WithName("GetUnitReport").RequireAuthorization(StaffRoles.Manager)
            .WithSummary("The unit's figures for regional and national reporting, per month and for the whole range (month=2026-10, or from and to; at most 367 days).");
        api.MapGet("/figures/report.csv", ReportCsvFile).WithName("GetUnitReportCsv").RequireAuthorization(StaffRoles.Manager)
            .WithSummary("The same report as CSV for a spreadsheet (UTF-8 with BOM, semicolons; columns period_from, period_to, section, figure, group, value).");
        api.MapPost("/staff/appointments/{appointmentId:guid}/outcomes", RecordOutcomes).WithName("RecordMeetingOutcomes")
            .RequireAuthorization(StaffRoles.Supervisor)
            .WithSummary("The meeting's own supervisor records what a held meeting achieved, in THL's categories (a later record replaces an earlier one).");
        api.MapPost("/staff/appointments/{appointmentId:guid}/goals", RecordGoals).WithName("RecordFamilyGoals")
            .RequireAuthorization(StaffRoles.Supervisor)
            .WithSummary("At a family's first meeting (held), its own supervisor records the family's goals from a fixed list (codes only; a later record replaces an earlier one).");
        api.MapPost("/staff/appointments/{appointmentId:guid}/goals-review", ReviewGoals).WithName("ReviewFamilyGoals")
            .RequireAuthorization(StaffRoles.Supervisor)
            .WithSummary("At a family's last meeting (held), its own supervisor records whether the goals were met and whether the matter ended in agreement.");
        return api;
    }

    public static async Task<Results<Ok<FamilyGoalsDto>, ProblemHttpResult>> RecordGoals(Guid appointmentId, [FromBody] FamilyGoalsRequestDto? body,
        FamilyGoals goals, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.Goals is not { Length: > 0 })
            return Problems.Invalid("goals", $"goals is required: a list of one or more of {Wire.Choices<FamilyGoal>()}.");
        var chosen = new List<FamilyGoal>();
        foreach (var text in body.Goals)
        {
            if (!Wire.TryEnum(text, out FamilyGoal goal))
                return Problems.Invalid("goals", $"goals must each be one of: {Wire.Choices<FamilyGoal>()}.");
            chosen.Add(goal);
        }
        var recorded = await goals.Record(unit.UnitId, appointmentId, user.StaffId()!.Value, chosen, ct);
        if (recorded.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Ok(GoalsDto(appointmentId, recorded.Value!));
    }

    public static async Task<Results<Ok<FamilyGoalsDto>, ProblemHttpResult>> ReviewGoals(Guid appointmentId, [FromBody] GoalsReviewRequestDto? body,
        FamilyGoals goals, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("goalsMet", "A JSON body with goalsMet and agreement is required.");
        if (body.GoalsMet is null || !Wire.TryEnum(body.GoalsMet, out GoalsMet met))
            return Problems.Invalid("goalsMet", $"goalsMet is required: one of {Wire.Choices<GoalsMet>()}.");
        if (body.Agreement is not { } agreement) return Problems.Invalid("agreement", "agreement is required: true or false.");
        var reviewed = await goals.Review(unit.UnitId, appointmentId, user.StaffId()!.Value, met, agreement, ct);
        if (reviewed.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Ok(GoalsDto(appointmentId, reviewed.Value!));
    }

    private static FamilyGoalsDto GoalsDto(Guid appointmentId, FamilyGoalState state) => new(appointmentId,
        state.Goals.Select(g => Wire.Name(g)).ToList(), state.Review is { } r ? Wire.Name(r.Met) : null, state.Review?.Agreement,
        state.Stage is { } stage ? Wire.Name(stage) : null);

    public static async Task<Results<Ok<UnitReport>, ProblemHttpResult>> Report(string? month, string? from, string? to, UnitReports reports,
        CurrentUnit unit, CancellationToken ct)
    {
        var range = await reports.RangeOf(unit.UnitId, month, from, to, ct);
        if (range.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Ok(await reports.Of(unit.UnitId, range.Value!.From, range.Value.To, ct));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportCsvFile(string? month, string? from, string? to,
        UnitReports reports, CurrentUnit unit, CancellationToken ct)
    {
        var range = await reports.RangeOf(unit.UnitId, month, from, to, ct);
        if (range.Refusal is { } refusal) return Problems.From(refusal);
        var report = await reports.Of(unit.UnitId, range.Value!.From, range.Value.To, ct);
        return TypedResults.File(ReportCsv.Bytes(report), "text/csv; charset=utf-8", $"figures-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv");
    }

    public static async Task<Results<Ok<MeetingOutcomesDto>, ProblemHttpResult>> RecordOutcomes(Guid appointmentId, [FromBody] MeetingOutcomesRequestDto? body,
        MeetingOutcomes outcomes, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.Outcomes is null)
            return Problems.Invalid("outcomes", $"outcomes is required: a list (it may be empty) of {Wire.Choices<ThlOutcome>()}.");
        var chosen = new List<ThlOutcome>();
        foreach (var text in body.Outcomes)
        {
            if (!Wire.TryEnum(text, out ThlOutcome outcome))
                return Problems.Invalid("outcomes", $"outcomes must each be one of: {Wire.Choices<ThlOutcome>()}.");
            chosen.Add(outcome);
        }
        var recorded = await outcomes.Record(unit.UnitId, appointmentId, user.StaffId()!.Value, chosen, ct);
        if (recorded.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Ok(new MeetingOutcomesDto(appointmentId, recorded.Value!.Select(o => Wire.Name(o)).ToList()));
    }

}
