// The privacy doors: a parent's copy from the manage link, and for staff a family's copy, what erasing it would do,
// erasing it now (secretary or manager), and the log of who looked at contact details (manager). Also wires the
// retention job, the read log under the contact readers, and the erasure's document writer.
using System.Security.Claims;
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.Hosting;
using Booking.Api.InfoEvenings;
using Booking.Api.Secretary;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.InfoEvenings;
using Booking.Domain.Privacy;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Npgsql;

namespace Booking.Api.Privacy;

public sealed record EraseRequestDto(string? Reason);

public sealed record ErasedDto(Guid FamilyId, string Reason, int Parents, int Meetings, Instant ErasedAt);

public sealed record BookingErasedDto(Guid AppointmentId, string Reason, int People, Instant ErasedAt);

public static class PrivacyApi
{
    public const string SecretaryOrManager = PrivacyPolicies.SecretaryOrManager;
    private const int ReadsLimit = 500;

    /// <summary>Call after the other features: it puts the read log under their contact readers.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, BookingStoreBuilder store, IConfiguration configuration)
    {
        services.AddSingleton(PrivacySettings.From(configuration));
        store.AddInlineProjection<PersonalDataClocks>();
        store.AddDocumentWriter<PersonalDataErasure, PersonalDataEraser>();
        services.AddSingleton(new SchemaPart(ContactReadLog.SchemaSql));
        services.AddSingleton(new SchemaPart(RetentionJob.SchemaSql));
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<RetentionJobHooks>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        services.AddSingleton<ContactReadLog>();
        services.AddSingleton<IPersonalDataRecords>(sp => sp.GetRequiredService<ContactReadLog>());
        services.RemoveAll<IClientContacts>();
        services.AddSingleton<IClientContacts>(sp => new LoggedClientContacts(
            new ClientContactsReader(sp.GetRequiredService<NpgsqlDataSource>()), sp.GetRequiredService<ContactReadLog>()));
        services.RemoveAll<IEveningContacts>();
        services.AddSingleton<IEveningContacts>(sp => new LoggedEveningContacts(
            new EveningContacts(sp.GetRequiredService<NpgsqlDataSource>()), sp.GetRequiredService<ContactReadLog>()));
        services.AddSingleton<PersonalData>();
        services.AddSingleton<ManageLinks>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SecretaryOrManager, p => p.RequireRole(StaffRoles.Secretary, StaffRoles.Manager));
        return services;
    }

    public static void MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bookings/{token}/copy", BookingCopy).WithName("GetBookingCopy").WithTags("Online booking")
            .RequireRateLimiting(BookingHost.PublicPolicy)
            .WithSummary("A parent's copy of everything held about their booking (contact details, the meeting, emails sent), as JSON.");
        var staff = app.MapGroup("/api/privacy").WithTags("Privacy");
        staff.MapGet("/families/{familyId:guid}/copy", FamilyCopy).WithName("GetFamilyCopy").RequireAuthorization(SecretaryOrManager)
            .WithSummary("Everything held about a family (the parents' right of access), as JSON.");
        staff.MapGet("/families/{familyId:guid}/erasure", PlanErasure).WithName("PlanFamilyErasure").RequireAuthorization(SecretaryOrManager)
            .WithSummary("What erasing the family would erase, what stays, and the meetings still to come that must be cancelled first.");
        staff.MapPost("/families/{familyId:guid}/erase", Erase).WithName("EraseFamilyData").RequireAuthorization(SecretaryOrManager)
            .WithSummary("Erases the family's personal data now (a parent asked); refused while a meeting is still to come. Records who and why.");
        staff.MapGet("/bookings/{appointmentId:guid}/copy", BookingCopyForStaff).WithName("GetBookingCopyForStaff").RequireAuthorization(SecretaryOrManager)
            .WithSummary("Everything held about an online booking (its booker and invited parent), as JSON.");
        staff.MapGet("/bookings/{appointmentId:guid}/erasure", PlanBookingErasure).WithName("PlanBookingErasure").RequireAuthorization(SecretaryOrManager)
            .WithSummary("What erasing an online booking's data would erase and what stays; a family's booking is erased with its family.");
        staff.MapPost("/bookings/{appointmentId:guid}/erase", EraseBooking).WithName("EraseBookingData").RequireAuthorization(SecretaryOrManager)
            .WithSummary("Erases an online booking's personal data now (a parent asked); refused while the meeting is to come (future_meeting) or when the booking is a family's (part_of_family).");
        staff.MapGet("/reads", Reads).WithName("ContactReads").RequireAuthorization(StaffRoles.Manager)
            .WithSummary("Who looked at contact details: by family (familyId) or by staff member (staffId); newest first.");
        staff.MapGet("/retention", Periods).WithName("RetentionPeriods").RequireAuthorization(StaffRoles.AnyStaff)
            .WithSummary("The retention periods in days, as configured.");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BookingCopy(string token, ManageLinks links, PersonalData data,
        CurrentUnit unit, CancellationToken ct)
    {
        var (state, id) = await links.Open(unit.UnitId, token, ct);
        if (state == ManageLinkState.Expired) return Expired();
        if (state != ManageLinkState.Valid || await data.CopyOfBooking(unit.UnitId, id, ct) is not { } copy)
            return Problems.NotFound("No booking matches this link. Check that the whole address was copied from the email.");
        return Download(copy, $"booking-{id:N}.json");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FamilyCopy(Guid familyId, PersonalData data, CurrentUnit unit,
        CancellationToken ct) =>
        await data.CopyOfFamily(unit.UnitId, familyId, ct) is { } copy
            ? Download(copy, $"family-{familyId:N}.json")
            : FamilyNotFound();

    public static async Task<Results<Ok<ErasurePlan>, ProblemHttpResult>> PlanErasure(Guid familyId, PersonalData data, CurrentUnit unit,
        CancellationToken ct) =>
        await data.PlanErasure(unit.UnitId, familyId, ct) is { } plan ? TypedResults.Ok(plan) : FamilyNotFound();

    public static async Task<Results<Ok<ErasedDto>, ProblemHttpResult>> Erase(Guid familyId, [FromBody] EraseRequestDto? body, PersonalData data,
        CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Wire.TryEnum<ErasureReason>(body?.Reason, out var reason))
            return Problems.Invalid("reason", $"reason must be one of: {Wire.Choices<ErasureReason>()}.");
        var outcome = await data.EraseFamily(unit.UnitId, familyId, reason, SecretaryApi.Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var e = outcome.Value!;
        return TypedResults.Ok(new ErasedDto(e.FamilyId, Wire.Name(e.Reason), e.Parents, e.Meetings, e.ErasedAt));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BookingCopyForStaff(Guid appointmentId, PersonalData data,
        CurrentUnit unit, CancellationToken ct) =>
        await data.CopyOfBookingForStaff(unit.UnitId, appointmentId, ct) is { } copy
            ? Download(copy, $"booking-{appointmentId:N}.json")
            : BookingNotFound();

    public static async Task<Results<Ok<ErasurePlan>, ProblemHttpResult>> PlanBookingErasure(Guid appointmentId, PersonalData data,
        CurrentUnit unit, CancellationToken ct) =>
        await data.PlanBookingErasure(unit.UnitId, appointmentId, ct) is { } plan ? TypedResults.Ok(plan) : BookingNotFound();

    public static async Task<Results<Ok<BookingErasedDto>, ProblemHttpResult>> EraseBooking(Guid appointmentId, [FromBody] EraseRequestDto? body,
        PersonalData data, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Wire.TryEnum<ErasureReason>(body?.Reason, out var reason))
            return Problems.Invalid("reason", $"reason must be one of: {Wire.Choices<ErasureReason>()}.");
        var outcome = await data.EraseBooking(unit.UnitId, appointmentId, reason, SecretaryApi.Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var e = outcome.Value!;
        return TypedResults.Ok(new BookingErasedDto(e.AppointmentId, Wire.Name(e.Reason), e.People, e.ErasedAt));
    }

    public static async Task<Results<Ok<IReadOnlyList<ContactRead>>, ProblemHttpResult>> Reads(Guid? familyId, Guid? staffId,
        IPersonalDataRecords records, CurrentUnit unit, CancellationToken ct)
    {
        if (familyId is null && staffId is null)
            return Problems.Invalid("familyId", "Give familyId (a family's reads) or staffId (a staff member's reads).");
        return TypedResults.Ok(await records.Reads(unit.UnitId, familyId, staffId, ReadsLimit, ct));
    }

    public static Ok<Dictionary<string, int>> Periods(RetentionPeriods periods) => TypedResults.Ok(new Dictionary<string, int>
    {
        ["contactsAfterLastMeeting"] = (int)periods.ContactsAfterLastMeeting.TotalDays,
        ["eveningRegistrationsAfterEvening"] = (int)periods.EveningRegistrationsAfterEvening.TotalDays,
        ["callBackNumbersAfterCall"] = (int)periods.CallBackNumbersAfterCall.TotalDays,
        ["manageLinksAfterMeeting"] = (int)periods.ManageLinksAfterMeeting.TotalDays,
        ["readLogKept"] = (int)periods.ReadLogKept.TotalDays,
    });

    /// <summary>410: the link was right, but the unit no longer opens it this long after the meeting.</summary>
    public static ProblemHttpResult Expired() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status410Gone, Title = "Link no longer valid", Type = "https://httpstatuses.io/410",
        Detail = "This link is no longer valid: links to a booking stop working a while after the meeting.",
        Extensions = { ["code"] = "link_expired" },
    });

    private static ProblemHttpResult BookingNotFound() =>
        Problems.From(new Booking.Domain.Refusal(new Booking.Domain.EventSourcing.DomainError("appointment_not_found", "No such booking.",
            Booking.Domain.EventSourcing.ErrorKind.NotFound)));

    private static ProblemHttpResult FamilyNotFound() =>
        Problems.From(new Booking.Domain.Refusal(new Booking.Domain.EventSourcing.DomainError("family_not_found", "No such family.",
            Booking.Domain.EventSourcing.ErrorKind.NotFound)));

    private static FileContentHttpResult Download(PersonalDataCopy copy, string fileName) =>
        TypedResults.File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(copy, Json.BookingJson.Options), "application/json", fileName);
}
