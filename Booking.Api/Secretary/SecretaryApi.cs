// The office secretary's console behind its pages: log contacts, find the family again, find free times across the
// team (with who is free: staff only), book on the family's behalf, enter a partner professional's free hours, and send
// the family the info links for their matter.
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Security.Claims;
using Booking.Domain;
using Booking.Api.Hosting;
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.Secretary;

public static class SecretaryApi
{
    private const int MaxRangeDays = 62;
    private const int SearchLimit = 20;

    public static IServiceCollection AddSecretaryConsole(this IServiceCollection services, BookingStoreBuilder store)
    {
        store.AddInlineProjection<OfferedHoursTable>();
        store.AddInlineProjection<FamilyParentsTable>();
        store.AddDocumentWriter<AppointmentNotes, AppointmentNotesTable>();
        services.AddSingleton<OfferedHoursTable>();
        services.AddSingleton<IOfferedHoursSource>(sp => sp.GetRequiredService<OfferedHoursTable>());
        services.AddSingleton<FamilyParentsTable>();
        services.AddSingleton<IFamilySearch>(sp => sp.GetRequiredService<FamilyParentsTable>());
        services.AddSingleton<AppointmentNotesTable>();
        services.AddSingleton<IAppointmentNotesSource>(sp => sp.GetRequiredService<AppointmentNotesTable>());
        services.TryAddSingleton<IClientContacts, ClientContactsReader>();
        services.AddSingleton<FamilyUseCases>();
        services.AddSingleton<SupervisorDays>();
        services.AddSingleton(sp => new CentralBooking(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IUnitConfigurationSource>(), sp.GetRequiredService<IReservations>(),
            sp.GetRequiredService<IOfferedHoursSource>(), sp.GetRequiredService<IClock>(), Random.Shared.Next,
            new BookingLinks(sp.GetRequiredService<IManageTokenIssuer>(), sp.GetRequiredService<IManageTokens>(),
                sp.GetRequiredService<IInvitationTokens>(), Guid.NewGuid)));
        return services;
    }

    public static RouteGroupBuilder MapSecretaryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Secretary's console").RequireAuthorization(StaffRoles.Secretary);
        api.MapPost("/families", LogFirstContact).WithName("LogFirstContact")
            .WithSummary("Logs a family's first contact (channel, matter, which parent, their contact details): starts the lead-time clock.");
        api.MapPost("/families/{familyId:guid}/contacts", LogContact).WithName("LogContact")
            .WithSummary("Logs a later contact of a family; may add or update a parent's contact details.");
        api.MapGet("/families", SearchFamilies).WithName("SearchFamilies")
            .WithSummary("Finds families by a parent's name, email or phone number.");
        api.MapGet("/families/{familyId:guid}", GetFamily).WithName("GetFamily")
            .WithSummary("A family: parents and their contacts, logged contacts, meetings, and the lead time against the 7-day target.");
        api.MapGet("/staff/free-times", TeamFreeTimes).WithName("TeamFreeTimes")
            .WithSummary("Free times across the team with who is free (staff only); options: keep a supervisor, pair work; with familyId the lead time.");
        api.MapPost("/families/{familyId:guid}/bookings", BookForFamily).WithName("BookForFamily")
            .WithSummary("Books 1-5 meetings for a family: impartial by default or keeping its supervisor with a reason; joint, pair work, video link. The same Idempotency-Key books once.");
        api.MapPost("/families/{familyId:guid}/info-links", SendInfoLinks).WithName("SendInfoLinks")
            .WithSummary("Emails a parent the info links and preparation notes for the family's matter, in their language.");
        api.MapPost("/staff/offered-hours", OfferHours).WithName("OfferHours")
            .WithSummary("Enters free hours a partner service's professional gave for pair work.");
        return api;
    }

    public static async Task<Results<Created<FamilyDto>, ProblemHttpResult>> LogFirstContact([FromBody] ContactRequestDto? body,
        FamilyUseCases families, CentralBooking central, IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (body?.Details is null) return Problems.Invalid("details", "The contacting parent's details are required: name and phone or email.");
        var (request, problem) = ParseContact(body);
        if (problem is not null) return problem;
        var familyId = Guid.NewGuid();
        var outcome = await families.LogContact(unit.UnitId, familyId, request!, Guid.NewGuid, Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var dto = await Describe(unit.UnitId, familyId, families, central, configurations, clock, ct);
        return TypedResults.Created($"/api/families/{familyId}", dto!);
    }

    public static async Task<Results<Ok<FamilyDto>, ProblemHttpResult>> LogContact(Guid familyId, [FromBody] ContactRequestDto? body,
        FamilyUseCases families, CentralBooking central, IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await families.Load(unit.UnitId, familyId, ct)).Exists) return Problems.NotFound("No such family.");
        var (request, problem) = ParseContact(body);
        if (problem is not null) return problem;
        var outcome = await families.LogContact(unit.UnitId, familyId, request!, Guid.NewGuid, Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Ok((await Describe(unit.UnitId, familyId, families, central, configurations, clock, ct))!);
    }

    public static async Task<Results<Ok<List<FamilySummaryDto>>, ProblemHttpResult>> SearchFamilies(string? q, IFamilySearch search,
        FamilyUseCases families, IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        var text = q?.Trim() ?? "";
        if (text.Length is < 2 or > 100) return Problems.Invalid("q", "q must be 2 to 100 characters: part of a name, an email or a phone number.");
        var config = await configurations.Current(unit.UnitId, ct);
        var found = new List<FamilySummaryDto>();
        foreach (var id in await search.Search(unit.UnitId, text, SearchLimit, ct))
            if (await families.View(unit.UnitId, id, ct) is { } view)
                found.Add(new FamilySummaryDto(id, view.Family.Matter, Parents(view), view.Family.FirstContactAt!.Value.InZone(config.Zone).LocalDateTime));
        return TypedResults.Ok(found);
    }

    public static async Task<Results<Ok<FamilyDto>, ProblemHttpResult>> GetFamily(Guid familyId, FamilyUseCases families, CentralBooking central,
        IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit, CancellationToken ct) =>
        await Describe(unit.UnitId, familyId, families, central, configurations, clock, ct) is { } dto
            ? TypedResults.Ok(dto)
            : Problems.NotFound("No such family.");

    public static async Task<Results<Ok<TeamFreeTimesDto>, ProblemHttpResult>> TeamFreeTimes(
        string? type, string? modality, string? from, string? to, Guid? supervisor, Guid? secondProfessional, Guid? familyId,
        CentralBooking central, FamilyUseCases families, IUnitConfigurationSource configurations, IClock clock, CurrentUnit unit, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(type)) fields["type"] = ["type is required: the code of an appointment type."];
        if (!Wire.TryEnum<Modality>(modality, out var how)) fields["modality"] = [$"modality must be one of: {Wire.Choices<Modality>()}."];
        var config = await configurations.Current(unit.UnitId, ct);
        var today = clock.GetCurrentInstant().InZone(config.Zone).Date;
        var first = today;
        if (from is not null && !Wire.TryLocalDate(from, out first)) fields["from"] = ["from must be a date like 2026-11-24."];
        var last = first.PlusDays(6);
        if (to is not null && !Wire.TryLocalDate(to, out last)) fields["to"] = ["to must be a date like 2026-11-30."];
        if (fields.Count == 0 && Period.Between(first, last, PeriodUnits.Days).Days > MaxRangeDays)
            fields["to"] = [$"The range may span at most {MaxRangeDays} days."];
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));

        var found = await central.FreeTimes(unit.UnitId,
            new TeamFreeTimesQuery(type!.Trim(), how, first, last, new TeamOptions(supervisor, secondProfessional)), ct);
        if (found.Refusal is { } refusal) return Problems.From(refusal);
        LeadTimeDto? lead = null;
        if (familyId is { } id)
        {
            var family = await families.Load(unit.UnitId, id, ct);
            if (!family.Exists) return Problems.Invalid("familyId", "No such family.");
            var searching = new LeadTimeSearch(type.Trim(), how, new TeamOptions(supervisor, secondProfessional), first, found.Value!);
            lead = LeadTimeDto.From((await central.LeadTimeOf(unit.UnitId, family, searching, ct))!);
        }
        return TypedResults.Ok(new TeamFreeTimesDto(found.Value!.Select(f => new TeamFreeTimeDto(f.Start, f.End, f.StartsAt,
            f.FreeStaff.Select(s => StaffRefDto.From(config, s)!).OrderBy(s => s.Name).ToList())).ToList(), lead));
    }

    public static async Task<Results<Created<CentralBookedDto>, ProblemHttpResult>> BookForFamily(Guid familyId, [FromBody] CentralBookingDto? body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CentralBooking central, IUnitConfigurationSource configurations,
        CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with the booking is required.");
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.AppointmentType)) fields["appointmentType"] = ["appointmentType is required."];
        if (!Wire.TryEnum<Modality>(body.Modality, out var modality)) fields["modality"] = [$"modality must be one of: {Wire.Choices<Modality>()}."];
        if (IdempotencyKeyHeader.Problem(idempotencyKey) is { } badKey) fields[IdempotencyKeyHeader.Name] = [badKey];
        var starts = new List<LocalDateTime>();
        if (body.Starts is not { Count: > 0 }) fields["starts"] = ["starts is required: 1 to 5 local times like 2026-11-24T09:30."];
        else
            for (var i = 0; i < body.Starts.Count; i++)
                if (Wire.TryLocalDateTime(body.Starts[i], out var start)) starts.Add(start);
                else fields[$"starts[{i}]"] = ["Each start must be a local date and time like 2026-11-24T09:30."];
        if (body.ClientId is null) fields["clientId"] = ["clientId is required: the parent the meeting is booked for."];
        KeepReason? reason = null;
        if (body.KeepReason is { Length: > 0 } r)
        {
            if (Wire.TryEnum<KeepReason>(r, out var parsed)) reason = parsed;
            else fields["keepReason"] = [$"keepReason must be one of: {Wire.Choices<KeepReason>()}."];
        }
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));

        var input = new CentralBookingInput(familyId, body.AppointmentType!, modality, starts, body.ClientId!.Value, body.Joint,
            body.OtherParentClientId, body.KeepSupervisor, reason, body.SecondProfessional, body.VideoLink ?? "", body.PreparationNote ?? "",
            body.KeepReasonNote ?? "", idempotencyKey);
        var outcome = await central.Book(unit.UnitId, input, Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var config = await configurations.Current(unit.UnitId, ct);
        var booked = outcome.Value!;
        return TypedResults.Created($"/api/families/{familyId}", new CentralBookedDto(
            booked.Appointments.Select(a => Meeting(config, a)).ToList(), StaffRefDto.From(config, booked.SupervisorId)!,
            StaffRefDto.From(config, booked.SecondProfessionalId), booked.Appointments.Count > 1 ? booked.Appointments[0].SeriesId : null));
    }

    public static async Task<Results<Accepted<InfoLinksSentDto>, ProblemHttpResult>> SendInfoLinks(Guid familyId, [FromBody] InfoLinksRequestDto? body,
        FamilyUseCases families, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        if (body?.ClientId is null) fields["clientId"] = ["clientId is required: the parent to send the links to."];
        Language? language = null;
        if (body?.Language is not null)
        {
            if (Wire.TryEnum<Language>(body.Language, out var chosen)) language = chosen;
            else fields["language"] = [$"language must be one of: {Wire.Choices<Language>()}."];
        }
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));
        var outcome = await families.SendInfoLinks(unit.UnitId, familyId, body!.ClientId!.Value, body.Matter, language, Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var sent = outcome.Value!;
        return TypedResults.Accepted($"/api/families/{familyId}",
            new InfoLinksSentDto(familyId, sent.ClientId, sent.Matter, Wire.Name(sent.Language), sent.SentAt));
    }

    public static async Task<Results<Created<OfferedHoursDto>, ProblemHttpResult>> OfferHours([FromBody] OfferHoursDto? body, CentralBooking central,
        IUnitConfigurationSource configurations, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        if (body?.StaffId is null) fields["staffId"] = ["staffId is required."];
        if (!Wire.TryLocalDate(body?.Date, out var date)) fields["date"] = ["date must be a date like 2026-11-24."];
        if (!Wire.TryLocalTime(body?.From, out var from)) fields["from"] = ["from must be a time like 13:00."];
        if (!Wire.TryLocalTime(body?.To, out var to)) fields["to"] = ["to must be a time like 15:00."];
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));
        var outcome = await central.OfferHours(unit.UnitId, body!.StaffId!.Value, date, from, to, Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var config = await configurations.Current(unit.UnitId, ct);
        var o = outcome.Value!;
        return TypedResults.Created((string?)null, new OfferedHoursDto(o.StaffId, o.Date, o.During.Start.InZone(config.Zone).LocalDateTime,
            o.During.End.InZone(config.Zone).LocalDateTime));
    }

    internal static string Actor(ClaimsPrincipal user) => $"staff:{user.StaffId():N}";


    private static (ContactRequest? Request, ProblemHttpResult? Problem) ParseContact(ContactRequestDto? body)
    {
        if (body is null) return (null, Problems.Invalid("body", "A JSON body with the contact is required."));
        var fields = new Dictionary<string, string[]>();
        if (!Wire.TryEnum<ContactChannel>(body.Channel, out var channel)) fields["channel"] = [$"channel must be one of: {Wire.Choices<ContactChannel>()}."];
        if (string.IsNullOrWhiteSpace(body.Matter)) fields["matter"] = ["matter is required: the code of an appointment type."];
        if (!Wire.TryEnum<ParentRole>(body.Parent, out var parent)) fields["parent"] = [$"parent must be one of: {Wire.Choices<ParentRole>()}."];
        ParentRole? otherRole = null;
        if (body.OtherParentRole is { Length: > 0 } o)
        {
            if (Wire.TryEnum<ParentRole>(o, out var parsed)) otherRole = parsed;
            else fields["otherParentRole"] = [$"otherParentRole must be one of: {Wire.Choices<ParentRole>()}."];
        }
        var details = Details(body.Details, "details.language", fields);
        var other = Details(body.OtherParent, "otherParent.language", fields);
        if (other is not null && body.OtherParentRole is null) fields["otherParentRole"] = ["otherParentRole is required with otherParent."];
        if (fields.Count > 0) return (null, Problems.From(Refusal.Invalid(fields)));
        return (new ContactRequest(channel, body.Matter!.Trim(), parent, details, otherRole, other), null);
    }

    private static ParentDetails? Details(ParentDetailsDto? dto, string languageField, Dictionary<string, string[]> fields)
    {
        if (dto is null) return null;
        var language = Language.Fi;
        if (dto.Language is not null && !Wire.TryEnum(dto.Language, out language))
            fields[languageField] = [$"language must be one of: {Wire.Choices<Language>()}."];
        return new ParentDetails(dto.Name ?? "", dto.Email ?? "", dto.Phone ?? "", language);
    }

    private static List<ParentDto> Parents(FamilyView view) => view.Parents.Select(p => new ParentDto(p.Parent.ClientId, Wire.Name(p.Parent.Role),
        p.Contact?.Name ?? "", p.Contact?.Email ?? "", p.Contact?.Phone ?? "", Wire.Name(p.Contact?.Language ?? Language.Fi))).ToList();

    internal static FamilyMeetingDto Meeting(UnitConfiguration config, Appointment a) => new(a.Id, a.AppointmentType, Wire.Name(a.Modality),
        a.Start.InZone(config.Zone).LocalDateTime, Wire.Name(a.Status), StaffRefDto.From(config, a.SupervisorId),
        StaffRefDto.From(config, a.SecondProfessionalId), a.OtherParentClientId is not null);

    private static async Task<FamilyDto?> Describe(Guid unitId, Guid familyId, FamilyUseCases families, CentralBooking central,
        IUnitConfigurationSource configurations, IClock clock, CancellationToken ct)
    {
        var view = await families.View(unitId, familyId, ct);
        if (view is null) return null;
        var config = await configurations.Current(unitId, ct);
        var family = view.Family;
        var meetings = new List<Appointment>();
        foreach (var m in family.Meetings) meetings.Add(await central.Load(unitId, m.AppointmentId, ct));
        var lead = (await central.LeadTimeOf(unitId, family, ct: ct))!;
        return new FamilyDto(familyId, family.Matter, Parents(view),
            family.Contacts.Select(c => new ContactDto(Wire.Name(c.Channel), c.Matter, Wire.Name(c.Parent), c.At.InZone(config.Zone).LocalDateTime)).ToList(),
            meetings.OrderBy(a => a.Start).Select(a => Meeting(config, a)).ToList(), LeadTimeDto.From(lead));
    }
}
