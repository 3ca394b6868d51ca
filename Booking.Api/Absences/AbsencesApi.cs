// The manager's and the secretary's preview of an absence or a unit closure: every meeting, call-back and walk-in duty it
// hits, and the work list it would make (a free colleague, or contact the family); saving it, the secretary's work list,
// the absences standing now or later, and withdrawing one.
using System.Security.Claims;
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.StaffMeetings;
using Booking.Api.Storage;
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
/// <param name="Id">Saving: the absence's id chosen by the client, so that a retried save does not enter it twice (optional).</param>
public sealed record AbsenceRequestDto(Guid? StaffId, string? From, string? To, string? FromTime, string? ToTime, Guid? Id = null);

/// <param name="How">Done means: contacted, moved, cancelled or covered; reassigned when the save gave it to a colleague;
/// withdrawn when the absence was withdrawn while the item was open (no longer needed).</param>
public sealed record SavedWorkItemDto(int Number, ImpactedItemDto Item, string Action, StaffRefDto? ReassignedTo, string Why, string? Done);

/// <param name="Staff">The absent staff member; null for a closure of the whole unit.</param>
/// <param name="WithdrawnAt">When the absence was withdrawn (its hours are bookable again); null while it stands.</param>
/// <param name="WithdrawnBy">Who withdrew it.</param>
public sealed record SavedAbsenceDto(Guid Id, StaffRefDto? Staff, LocalDate From, LocalDate To, LocalTime? FromTime, LocalTime? ToTime,
    List<SavedWorkItemDto> Work, LocalDateTime? WithdrawnAt = null, StaffRefDto? WithdrawnBy = null);

public sealed record WorkDoneDto(string? How);

public sealed record ImpactedItemDto(string Kind, Guid? Id, string? Reference, StaffRefDto? Staff, LocalDateTime Start, LocalDateTime End);

public sealed record WorkItemDto(ImpactedItemDto Item, string Action, StaffRefDto? ReassignTo, string Why);

public sealed record AbsenceImpactDto(List<ImpactedItemDto> Hits, List<WorkItemDto> Work);

public static class AbsencesApi
{
    public static IServiceCollection AddAbsences(this IServiceCollection services, BookingStoreBuilder store)
    {
        store.AddInlineProjection<SavedAbsences>();
        services.AddSingleton<SavedAbsences>();
        services.AddSingleton<ISavedAbsences>(sp => sp.GetRequiredService<SavedAbsences>());
        // Every use case registered before reads the configuration through this one, so free times leave saved absences out.
        services.AddSingleton(sp => new ConfigurationWithAbsences(sp.GetRequiredService<Configuration.UnitConfigurationStore>(),
            sp.GetRequiredService<SavedAbsences>(), sp.GetRequiredService<IClock>()));
        services.AddSingleton<IUnitConfigurationSource>(sp => sp.GetRequiredService<ConfigurationWithAbsences>());
        services.AddSingleton(sp => new AbsenceBook(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IUnitConfigurationSource>(),
            sp.GetRequiredService<IReservations>(), sp.GetRequiredService<ISavedAbsences>(), sp.GetRequiredService<IClock>(),
            new RetryPolicy(10, attempt => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt))),
            sp.GetRequiredService<ConfigurationWithAbsences>().Forget));
        return services.AddSingleton(sp => new AbsencePreview(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IUnitConfigurationSource>(),
            sp.GetRequiredService<IReservations>(), sp.GetRequiredService<IClock>()));
    }

    public static RouteGroupBuilder MapAbsencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff/absences").WithTags("Absences and closures")
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Manager, StaffRoles.Secretary));
        api.MapPost("/preview", Preview).WithName("PreviewAbsence")
            .WithSummary("What an absence (a staff member, dates, all day or hours) or a unit closure would hit, and the work list it would make; writes nothing.");
        api.MapPost("", Save).WithName("SaveAbsence")
            .WithSummary("Saves an absence or a unit closure: its hours leave every free time, meetings a free colleague can take are given to them (the parents are emailed), the rest become the secretary's work list.");
        api.MapGet("", Current).WithName("CurrentAbsences")
            .WithSummary("The absences and closures standing today or later (not withdrawn), soonest first, with their work lists.");
        api.MapPost("/{absenceId:guid}/withdraw", Withdraw).WithName("WithdrawAbsence")
            .WithSummary("Withdraws an absence or closure: its hours are bookable again (free times and call-back slots come back), its open work items become no longer needed, meetings already given to colleagues stay. Withdrawing again answers the first withdrawal.");
        api.MapGet("/work", WorkList).WithName("AbsenceWorkList")
            .WithSummary("The secretary's work list: saved absences not over yet or with open items, each hit with what to do and whether it is done.");
        api.MapPost("/{absenceId:guid}/work/{number:int}/done", Done).WithName("MarkAbsenceWorkDone")
            .WithSummary("Marks one work item done: contacted, moved, cancelled or covered.");
        return api;
    }

    private static bool TryRead(AbsenceRequestDto? body, out PlannedAbsence absence, out Dictionary<string, string[]> fields)
    {
        fields = [];
        absence = null!;
        if (!Wire.TryLocalDate(body?.From, out var from)) fields["from"] = ["from must be a date like 2026-11-24."];
        if (!Wire.TryLocalDate(body?.To, out var to)) fields["to"] = ["to must be a date like 2026-11-30."];
        LocalTime? fromTime = null, toTime = null;
        if (body?.FromTime is not null) { if (Wire.TryLocalTime(body.FromTime, out var t)) fromTime = t; else fields["fromTime"] = ["fromTime must be a time like 10:00."]; }
        if (body?.ToTime is not null) { if (Wire.TryLocalTime(body.ToTime, out var t)) toTime = t; else fields["toTime"] = ["toTime must be a time like 12:00."]; }
        if (fields.Count > 0) return false;
        absence = new PlannedAbsence(body!.StaffId, from, to, fromTime, toTime);
        return true;
    }

    public static async Task<Results<Created<SavedAbsenceDto>, Ok<SavedAbsenceDto>, ProblemHttpResult>> Save([FromBody] AbsenceRequestDto? body,
        AbsenceBook absences, ConfigurationWithAbsences configurations, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!TryRead(body, out var absence, out var fields)) return Problems.From(Refusal.Invalid(fields));
        var id = body!.Id ?? Guid.NewGuid();
        var outcome = await absences.Save(unit.UnitId, id, absence, StaffMeetingsApi.Actor(user), ct);
        configurations.Forget(unit.UnitId);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var dto = Dto(await configurations.Current(unit.UnitId, ct), outcome.Value!);
        return body.Id is null ? TypedResults.Created($"/api/staff/absences/{id}", dto) : TypedResults.Ok(dto);
    }

    public static async Task<Ok<List<SavedAbsenceDto>>> WorkList(AbsenceBook absences, IUnitConfigurationSource configurations, CurrentUnit unit,
        CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        return TypedResults.Ok((await absences.WorkList(unit.UnitId, ct)).Select(a => Dto(config, a)).ToList());
    }

    public static async Task<Ok<List<SavedAbsenceDto>>> Current(AbsenceBook absences, IUnitConfigurationSource configurations, CurrentUnit unit,
        CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        return TypedResults.Ok((await absences.Current(unit.UnitId, ct)).Select(a => Dto(config, a)).ToList());
    }

    public static async Task<Results<Ok<SavedAbsenceDto>, ProblemHttpResult>> Withdraw(Guid absenceId, AbsenceBook absences,
        ConfigurationWithAbsences configurations, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await absences.Withdraw(unit.UnitId, absenceId, StaffMeetingsApi.Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Ok(Dto(await configurations.Current(unit.UnitId, ct), outcome.Value!));
    }

    public static async Task<Results<Ok<SavedAbsenceDto>, ProblemHttpResult>> Done(Guid absenceId, int number, [FromBody] WorkDoneDto? body,
        AbsenceBook absences, IUnitConfigurationSource configurations, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.How is not { } how || !WorkDone.Ways.Contains(how))
            return Problems.Invalid("how", $"how must be one of: {string.Join(", ", WorkDone.Ways)}.");
        var outcome = await absences.MarkDone(unit.UnitId, absenceId, number, how, StaffMeetingsApi.Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Ok(Dto(await configurations.Current(unit.UnitId, ct), outcome.Value!));
    }

    private static ImpactedItemDto Item(UnitConfiguration config, ImpactKind kind, Guid id, Guid staffId, Instant start, Instant end) =>
        new(Wire.Name(kind), kind == ImpactKind.WalkInDuty ? null : id, kind == ImpactKind.Meeting ? BookingReference.Of(id) : null,
            StaffRefDto.From(config, staffId), start.InZone(config.Zone).LocalDateTime, end.InZone(config.Zone).LocalDateTime);

    public static SavedAbsenceDto Dto(UnitConfiguration config, Absence a) => new(a.Id, StaffRefDto.From(config, a.Planned!.StaffId),
        a.Planned.From, a.Planned.To, a.Planned.FromTime, a.Planned.ToTime,
        a.Work.Select(w => new SavedWorkItemDto(w.Number, Item(config, w.Kind, w.ItemId, w.StaffId, w.Start, w.End), Wire.Name(w.Action),
            StaffRefDto.From(config, w.ReassignedTo), w.Why, a.Done.GetValueOrDefault(w.Number))).ToList(),
        a.WithdrawnAt?.InZone(config.Zone).LocalDateTime, a.WithdrawnBy is { } by ? StaffRefDto.From(config, MeetingHistory.StaffOf(by)) : null);

    public static async Task<Results<Ok<AbsenceImpactDto>, ProblemHttpResult>> Preview([FromBody] AbsenceRequestDto? body, AbsencePreview preview,
        IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        if (!TryRead(body, out var absence, out var fields)) return Problems.From(Refusal.Invalid(fields));
        var outcome = await preview.Of(unit.UnitId, absence, ct);
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
