// Staff change any meeting (the office secretary any, a supervisor their own): find it by a parent's name, email or
// phone or by its booking reference, move it, cancel it, give it to another supervisor; always with a reason. The rules
// are the domain's StaffChanges; this door parses, maps refusals to problem details, and keeps the search and the notes.
using System.Security.Claims;
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.Secretary;
using Booking.Api.Storage;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using NodaTime;

namespace Booking.Api.StaffMeetings;

public sealed record StaffPersonDto(string Name, string Email, string Phone, string Language);

public sealed record StaffMeetingDto(Guid AppointmentId, string Reference, string AppointmentType, string Modality, LocalDateTime Start,
    LocalDateTime End, string Status, StaffRefDto? Supervisor, StaffRefDto? SecondProfessional, StaffPersonDto? Client,
    StaffPersonDto? OtherParent, Guid? FamilyId, Guid? SeriesId, bool CanChange);

/// <param name="Start">The new local time, like 2026-04-23T10:00.</param>
/// <param name="Supervisor">Another supervisor for the new time; leave out to keep the meeting's own.</param>
/// <param name="Reason">familyAsked, staffAbsent, staffRequest, unitClosed or other (other needs a note).</param>
public sealed record StaffMoveDto(string? Start, Guid? Supervisor, string? Reason, string? Note);

public sealed record StaffCancelDto(string? Reason, string? Note);

/// <param name="WholeSeries">Give every meeting of the series still to come to the new supervisor too.</param>
public sealed record StaffReassignDto(Guid? Supervisor, string? Reason, string? Note, bool WholeSeries = false);

public static class StaffMeetingsApi
{
    public static IServiceCollection AddStaffMeetings(this IServiceCollection services, BookingStoreBuilder store)
    {
        store.AddDocumentWriter<AppointmentChangeNote, AppointmentChangeNotes>();
        services.AddSingleton<MeetingSearch>();
        services.AddSingleton(sp => new MeetingHistory(sp.GetRequiredService<IEventStore>()));
        services.AddSingleton<IMeetingSearch>(sp => sp.GetRequiredService<MeetingSearch>());
        services.AddSingleton(sp => new StaffChanges(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IUnitConfigurationSource>(),
            sp.GetRequiredService<IMeetingSearch>(), sp.GetRequiredService<IClientContacts>(), sp.GetRequiredService<IClock>(),
            new RetryPolicy(10, attempt => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)))));
        return services;
    }

    public static RouteGroupBuilder MapStaffMeetingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff/meetings").WithTags("Staff change meetings")
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Secretary, StaffRoles.Supervisor));
        api.MapGet("/", Find).WithName("FindMeetings")
            .WithSummary("Meetings found by a parent's name, email or phone or by the booking reference (a supervisor sees only their own).");
        api.MapGet("/{appointmentId:guid}", Get).WithName("GetStaffMeeting").WithSummary("One meeting with both parents' contacts.");
        api.MapPost("/{appointmentId:guid}/move", Move).WithName("StaffMoveMeeting")
            .WithSummary("Moves a meeting (pair and series meetings too) to a time where every professional of it is free, or to another supervisor; the parents are emailed.");
        api.MapPost("/{appointmentId:guid}/cancel", Cancel).WithName("StaffCancelMeeting")
            .WithSummary("Cancels a meeting with a reason; the parents are emailed and the time is free again.");
        api.MapPost("/{appointmentId:guid}/reassign", Reassign).WithName("StaffReassignMeeting")
            .WithSummary("Gives a meeting (or the rest of its series) to another supervisor at the same time, with a reason.");
        return api;
    }

    public static async Task<Results<Ok<List<StaffMeetingDto>>, ProblemHttpResult>> Find(string? q, StaffChanges changes,
        IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await changes.Find(unit.UnitId, q, ct);
        if (found.Refusal is { } refusal) return Problems.From(refusal);
        var config = await configurations.Current(unit.UnitId, ct);
        var who = Actor(user);
        return TypedResults.Ok(found.Value!.Where(m => StaffChanges.MayChange(who, m.Appointment) is null)
            .Select(m => Dto(config, m, clock.GetCurrentInstant())).ToList());
    }

    public static async Task<Results<Ok<StaffMeetingDto>, ProblemHttpResult>> Get(Guid appointmentId, StaffChanges changes,
        IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await changes.Meeting(unit.UnitId, appointmentId, ct) is not { } meeting) return Problems.NotFound("No such meeting.");
        if (StaffChanges.MayChange(Actor(user), meeting.Appointment) is { } forbidden) return Problems.From(new Refusal(forbidden));
        return TypedResults.Ok(Dto(await configurations.Current(unit.UnitId, ct), meeting, clock.GetCurrentInstant()));
    }

    public static async Task<Results<Ok<StaffMeetingDto>, ProblemHttpResult>> Move(Guid appointmentId, [FromBody] StaffMoveDto? body,
        StaffChanges changes, IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        if (!Wire.TryLocalDateTime(body?.Start, out var start)) fields["start"] = ["start must be a local date and time like 2026-11-24T09:30."];
        var reason = Reason(body?.Reason, fields);
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));
        var outcome = await changes.Move(unit.UnitId, appointmentId, new StaffMove(start, body!.Supervisor, reason, body.Note ?? ""), Actor(user), ct);
        return await Answer(outcome.Refusal, appointmentId, changes, configurations, clock, unit, ct);
    }

    public static async Task<Results<Ok<StaffMeetingDto>, ProblemHttpResult>> Cancel(Guid appointmentId, [FromBody] StaffCancelDto? body,
        StaffChanges changes, IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        var reason = Reason(body?.Reason, fields);
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));
        var outcome = await changes.Cancel(unit.UnitId, appointmentId, reason, body!.Note ?? "", Actor(user), ct);
        return await Answer(outcome.Refusal, appointmentId, changes, configurations, clock, unit, ct);
    }

    public static async Task<Results<Ok<List<StaffMeetingDto>>, ProblemHttpResult>> Reassign(Guid appointmentId, [FromBody] StaffReassignDto? body,
        StaffChanges changes, IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        if (body?.Supervisor is null) fields["supervisor"] = ["supervisor is required: the staff id of the child supervisor to take the meeting."];
        var reason = Reason(body?.Reason, fields);
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));
        var outcome = await changes.Reassign(unit.UnitId, appointmentId, body!.Supervisor!.Value, reason, body.Note ?? "", body.WholeSeries,
            Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var config = await configurations.Current(unit.UnitId, ct);
        var result = new List<StaffMeetingDto>();
        foreach (var a in outcome.Value!)
            if (await changes.Meeting(unit.UnitId, a.Id, ct) is { } m) result.Add(Dto(config, m, clock.GetCurrentInstant()));
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<StaffMeetingDto>, ProblemHttpResult>> Answer(Refusal? refusal, Guid appointmentId, StaffChanges changes,
        IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit, CancellationToken ct)
    {
        if (refusal is not null) return Problems.From(refusal);
        var meeting = (await changes.Meeting(unit.UnitId, appointmentId, ct))!;
        return TypedResults.Ok(Dto(await configurations.Current(unit.UnitId, ct), meeting, clock.GetCurrentInstant()));
    }

    private static ChangeReason Reason(string? text, Dictionary<string, string[]> fields)
    {
        if (Wire.TryEnum<ChangeReason>(text, out var reason)) return reason;
        fields["reason"] = [$"reason is required, one of: {Wire.Choices<ChangeReason>()}."];
        return default;
    }

    internal static StaffActor Actor(ClaimsPrincipal user) =>
        new(user.StaffId() ?? Guid.Empty, user.FindFirstValue(ClaimTypes.Role) ?? "");

    private static StaffMeetingDto Dto(UnitConfiguration config, StaffMeeting m, Instant now)
    {
        var a = m.Appointment;
        return new StaffMeetingDto(a.Id, m.Reference, a.AppointmentType, Wire.Name(a.Modality), a.Start.InZone(config.Zone).LocalDateTime,
            a.End.InZone(config.Zone).LocalDateTime, Wire.Name(a.Status), StaffRefDto.From(config, a.SupervisorId),
            StaffRefDto.From(config, a.SecondProfessionalId), Person(m.Client), Person(m.OtherParent), a.FamilyId, a.SeriesId,
            a.Status == AppointmentStatus.Booked && a.Start > now);
    }

    private static StaffPersonDto? Person(ClientContact? c) => c is null ? null : new(c.Name, c.Email, c.Phone, Wire.Name(c.Language));
}

/// <summary>Meetings by a parent's contact (the booking's client through its manage link, the invited other parent through
/// the invitation) or by the first eight hex digits of the appointment id (the booking reference).</summary>
public sealed class MeetingSearch(NpgsqlDataSource dataSource) : IMeetingSearch
{
    public async Task<IReadOnlyList<Guid>> Search(Guid unitId, string text, int limit, CancellationToken ct = default)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        await using var command = dataSource.CreateCommand("""
            select distinct t.appointment_id from (
                select appointment_id, client_id from manage_tokens where unit_id = $1
                union all
                select appointment_id, client_id from invitation_tokens where unit_id = $1) t
            left join client_contacts c on c.unit_id = $1 and c.client_id = t.client_id
            where ($4 <> '' and replace(t.appointment_id::text, '-', '') like $4 || '%')
               or c.name ilike '%' || $2 || '%' escape '\' or c.email ilike '%' || $2 || '%' escape '\'
               or (length($3) >= 4 and regexp_replace(c.phone, '[^0-9]', '', 'g') like '%' || $3 || '%')
            limit $5
            """);
        foreach (var value in new object[] { unitId, Escape(text.Trim()), digits, BookingReference.Digits(text) ?? "", limit })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        var result = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(reader.GetGuid(0));
        return result;
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

/// <summary>Staff's explanations of their changes (free text, erasable with the family's data), one row per change.</summary>
public sealed class AppointmentChangeNotes : IDocumentWriter<AppointmentChangeNote>
{
    public string SchemaSql => """
        create table if not exists appointment_change_notes (
            unit_id uuid not null,
            appointment_id uuid not null,
            changed_at timestamptz not null,
            change text not null,
            reason text not null,
            note text not null,
            changed_by text not null,
            primary key (unit_id, appointment_id, changed_at, change)
        );
        """;

    public async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, AppointmentChangeNote n, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into appointment_change_notes (unit_id, appointment_id, changed_at, change, reason, note, changed_by)
            values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing
            """, connection, transaction);
        foreach (var value in new object[] { n.UnitId, n.AppointmentId, n.ChangedAt, n.Change, Wire.Name(n.Reason), n.Note, n.ChangedBy })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
