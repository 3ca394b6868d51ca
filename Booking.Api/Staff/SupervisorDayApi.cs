// The supervisor's day behind its page: meetings (own and, read-only, the team's), what to prepare, walk-in duty, and
// marking a meeting held or missed. Contacts go to the day's own supervisor and to the secretary only.
using System.Security.Claims;
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.Secretary;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Booking.Api.Staff;

public static class SupervisorDayApi
{
    public static RouteGroupBuilder MapSupervisorDayApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff").WithTags("Supervisor's day");
        api.MapGet("/team", Team).WithName("StaffTeam").RequireAuthorization(StaffRoles.AnyStaff)
            .WithSummary("The unit's supervisors and partner professionals (for choosing a day to view or a second professional).");
        api.MapGet("/day", Day).WithName("SupervisorDay").RequireAuthorization(StaffRoles.AnyStaff)
            .WithSummary("A supervisor's day: meetings, what to prepare, walk-in duty; contacts only for their own day (and the secretary).");
        api.MapPost("/appointments/{appointmentId:guid}/completed", (Guid appointmentId, SupervisorDays days, CurrentUnit unit, ClaimsPrincipal user,
                IUnitConfigurationSource configurations, CancellationToken ct) => Mark(appointmentId, true, days, unit, user, configurations, ct))
            .WithName("MarkMeetingHeld").RequireAuthorization(StaffRoles.Supervisor)
            .WithSummary("The meeting's own supervisor (or second professional) marks it held.");
        api.MapPost("/appointments/{appointmentId:guid}/no-show", (Guid appointmentId, SupervisorDays days, CurrentUnit unit, ClaimsPrincipal user,
                IUnitConfigurationSource configurations, CancellationToken ct) => Mark(appointmentId, false, days, unit, user, configurations, ct))
            .WithName("MarkMeetingNoShow").RequireAuthorization(StaffRoles.Supervisor)
            .WithSummary("The meeting's own supervisor (or second professional) marks that the client did not come.");
        return api;
    }

    public static async Task<Ok<List<StaffRefDto>>> Team(IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        return TypedResults.Ok(config.Staff.Where(s => s.Active && s.Role is StaffRole.ChildSupervisor or StaffRole.PartnerProfessional)
            .OrderBy(s => s.Role).ThenBy(s => s.DisplayName).Select(s => StaffRefDto.From(config, s.Id)!).ToList());
    }

    public static async Task<Results<Ok<SupervisorDayDto>, ProblemHttpResult>> Day(string? date, Guid? staffId, SupervisorDays days,
        IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        var day = clock.GetCurrentInstant().InZone(config.Zone).Date;
        if (date is not null && !Wire.TryLocalDate(date, out day)) return Problems.Invalid("date", "date must be a date like 2026-11-24.");
        var whose = staffId ?? user.StaffId();
        if (whose is not { } id || config.Member(id) is not { Role: StaffRole.ChildSupervisor or StaffRole.PartnerProfessional })
            return Problems.Invalid("staffId", "staffId must be a supervisor or partner professional of the unit.");
        var view = await days.Of(unit.UnitId, id, day, ShowsContacts(user, id), ct);
        return TypedResults.Ok(Describe(config, view, CanMark(user, id)));
    }

    public static bool ShowsContacts(ClaimsPrincipal user, Guid staffId) =>
        DayAccess.ShowsContacts(user.FindFirstValue(ClaimTypes.Role), user.StaffId(), staffId);

    public static bool CanMark(ClaimsPrincipal user, Guid staffId) => DayAccess.CanMark(user.FindFirstValue(ClaimTypes.Role), user.StaffId(), staffId);

    public static SupervisorDayDto Describe(UnitConfiguration config, SupervisorDayView view, bool canMark) => new(
        StaffRefDto.From(config, view.StaffId)!, view.Date, view.ContactsShown,
        view.WalkIn is { } w ? new DayWalkInDto(w.From, w.To, w.Room) : null,
        view.Meetings.Select(m =>
        {
            var a = m.Appointment;
            return new DayMeetingDto(a.Id, a.Start.InZone(config.Zone).LocalDateTime, a.End.InZone(config.Zone).LocalDateTime, a.AppointmentType,
                config.Type(a.AppointmentType)?.Name, Wire.Name(a.Modality), Wire.Name(a.Status), m.Leads, StaffRefDto.From(config, m.Partner),
                a.OtherParentClientId is not null, a.OtherParentAccepted,
                view.ContactsShown ? NullIfEmpty(m.Notes?.VideoLink) : null, view.ContactsShown ? NullIfEmpty(m.Notes?.PreparationNote) : null,
                a.Kept is { } kept ? Wire.Name(kept) : null, DayContactDto.From(m.Client), DayContactDto.From(m.OtherParent),
                canMark && a.Status is AppointmentStatus.Booked or AppointmentStatus.Completed or AppointmentStatus.NoShow,
                VideoLinkMissing: SupervisorDays.LinkMissing(m), SeparateMeetings: a.SeparateMeetings);
        }).ToList());

    public static async Task<Results<Ok<FamilyMeetingDto>, ProblemHttpResult>> Mark(Guid appointmentId, bool held, SupervisorDays days, CurrentUnit unit,
        ClaimsPrincipal user, IUnitConfigurationSource configurations, CancellationToken ct)
    {
        var outcome = await days.Mark(unit.UnitId, appointmentId, user.StaffId()!.Value, held, ct);
        if (outcome.Refusal is { Error.Code: SupervisorDays.NotYourMeeting } mine)
            return TypedResults.Problem(mine.Error.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                extensions: new Dictionary<string, object?> { ["code"] = mine.Error.Code });
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var config = await configurations.Current(unit.UnitId, ct);
        return TypedResults.Ok(SecretaryApi.Meeting(config, outcome.Value!));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
