// The manager's and the secretary's preview of an absence or a unit closure: every meeting, call-back and walk-in duty it
// hits, and the work list it would make (a free colleague, or contact the family). Nothing is written.
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.Secretary;
using Booking.Domain;
using Booking.Domain.Absences;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.Absences;

/// <param name="StaffId">The absent staff member; leave out for a closure of the whole unit.</param>
/// <param name="FromTime">With ToTime: the absent hours of each day (like 10:00); leave both out for whole days.</param>
public sealed record AbsenceRequestDto(Guid? StaffId, string? From, string? To, string? FromTime, string? ToTime);

public sealed record ImpactedItemDto(string Kind, Guid? Id, string? Reference, StaffRefDto? Staff, LocalDateTime Start, LocalDateTime End);

public sealed record WorkItemDto(ImpactedItemDto Item, string Action, StaffRefDto? ReassignTo, string Why);

public sealed record AbsenceImpactDto(List<ImpactedItemDto> Hits, List<WorkItemDto> Work);

public static class AbsencesApi
{
    public static IServiceCollection AddAbsences(this IServiceCollection services) =>
        services.AddSingleton(sp => new AbsencePreview(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IUnitConfigurationSource>(),
            sp.GetRequiredService<IReservations>(), sp.GetRequiredService<IClock>()));

    public static RouteGroupBuilder MapAbsencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff/absences").WithTags("Absences and closures")
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Manager, StaffRoles.Secretary));
        api.MapPost("/preview", Preview).WithName("PreviewAbsence")
            .WithSummary("What an absence (a staff member, dates, all day or hours) or a unit closure would hit, and the work list it would make; writes nothing.");
        return api;
    }

    public static async Task<Results<Ok<AbsenceImpactDto>, ProblemHttpResult>> Preview([FromBody] AbsenceRequestDto? body, AbsencePreview preview,
        IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        if (!Wire.TryLocalDate(body?.From, out var from)) fields["from"] = ["from must be a date like 2026-11-24."];
        if (!Wire.TryLocalDate(body?.To, out var to)) fields["to"] = ["to must be a date like 2026-11-30."];
        LocalTime? fromTime = null, toTime = null;
        if (body?.FromTime is not null) { if (Wire.TryLocalTime(body.FromTime, out var t)) fromTime = t; else fields["fromTime"] = ["fromTime must be a time like 10:00."]; }
        if (body?.ToTime is not null) { if (Wire.TryLocalTime(body.ToTime, out var t)) toTime = t; else fields["toTime"] = ["toTime must be a time like 12:00."]; }
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));
        var outcome = await preview.Of(unit.UnitId, new PlannedAbsence(body!.StaffId, from, to, fromTime, toTime), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var config = await configurations.Current(unit.UnitId, ct);
        ImpactedItemDto Item(ImpactedItem h) => new(Wire.Name(h.Kind), h.Kind == ImpactKind.WalkInDuty ? null : h.Id,
            h.Kind == ImpactKind.Meeting ? BookingReference.Of(h.Id) : null, StaffRefDto.From(config, h.StaffId),
            h.Start.InZone(config.Zone).LocalDateTime, h.End.InZone(config.Zone).LocalDateTime);
        var view = outcome.Value!;
        return TypedResults.Ok(new AbsenceImpactDto(view.Hits.Select(Item).ToList(),
            view.Work.Select(w => new WorkItemDto(Item(w.Item), Wire.Name(w.Action), StaffRefDto.From(config, w.ReassignTo), w.Why)).ToList()));
    }
}
