// The unit report's doors: the manager reads it as JSON or as CSV for a spreadsheet; the meeting's own supervisor
// records what a held meeting achieved (THL's categories).
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

public static class FiguresApi
{
    public static IServiceCollection AddFigures(this IServiceCollection services, BookingStoreBuilder store)
    {
        store.AddAsyncProjection<UnitReportFacts>();
        services.AddSingleton<IUnitReportFacts>(sp => sp.GetRequiredService<UnitReportFacts>());
        services.AddSingleton<UnitReports>();
        services.AddSingleton(sp => new MeetingOutcomes(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IClock>()));
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
        return api;
    }

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
