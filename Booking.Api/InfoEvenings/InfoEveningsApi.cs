// The info evening doors: the public list and registration (anonymous, rate-limited; a registration is managed through
// the token of its link) and the manager's scheduling, roster, CSV export and attendance. Every rule lives in the
// domain's InfoEveningUseCases.
using System.Security.Claims;
using System.Text;
using Booking.Domain;
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.Storage;
using Booking.Api.Hosting;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.InfoEvenings;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.InfoEvenings;

public sealed record ScheduleEveningDto(
    Guid? EveningId, string? Title, string? Description, string? Start, string? End, string? Place, string? OnlineLink, string? Language,
    int? Capacity, List<string>? Partners, string? RegistrationOpens, string? RegistrationCloses);

public sealed record EveningRegistrationRequestDto(ClientDto? Client, int? Seats);

public sealed record CancelEveningDto(string? Reason);

public sealed record AttendanceDto(bool? Attended);

/// <param name="Status">registered, waiting or cancelled.</param>
/// <param name="WaitingPosition">1 for the first on the waiting list; null unless waiting.</param>
public sealed record EveningRegistrationDto(
    Guid RegistrationId, Guid EveningId, string EveningTitle, LocalDateTime EveningStart, int Seats, string Status, int? WaitingPosition,
    string? ManageToken = null, string? ManageUrl = null)
{
    public static EveningRegistrationDto From(EveningRegistrationView v, string? token = null) => new(
        v.RegistrationId, v.EveningId, v.EveningTitle, v.EveningStart, v.Seats, Wire.Name(v.Status), v.WaitingPosition,
        token, token is null ? null : $"/evening-registration/{token}");
}

public static class InfoEveningsApi
{
    public static IServiceCollection AddInfoEvenings(this IServiceCollection services, BookingStoreBuilder store)
    {
        store.AddInlineProjection<InfoEveningCatalogue>();
        store.AddDocumentWriter<EveningRegistrationToken, EveningRegistrationTokens>();
        store.AddDocumentWriter<EveningRegistrant, EveningRegistrants>();
        services.AddSingleton<InfoEveningCatalogue>();
        services.AddSingleton<IInfoEveningCatalogue>(sp => sp.GetRequiredService<InfoEveningCatalogue>());
        services.AddSingleton<EveningRegistrationTokens>();
        services.AddSingleton<IEveningRegistrationTokens>(sp => sp.GetRequiredService<EveningRegistrationTokens>());
        services.AddSingleton<IEveningContacts, EveningContacts>();
        services.AddSingleton(sp => new InfoEveningUseCases(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IInfoEveningCatalogue>(), sp.GetRequiredService<IClock>(),
            // A popular evening gets many registrations at once: a short randomised pause spreads the retries.
            attempt => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 2)),
            sp.GetRequiredService<IUnitConfigurationSource>(), sp.GetRequiredService<IEveningRegistrationTokens>(),
            sp.GetRequiredService<IEveningContacts>(), links: sp.GetRequiredService<IManageTokenIssuer>(), newId: Guid.NewGuid));
        return services;
    }

    public static RouteGroupBuilder MapInfoEveningsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Info evenings").RequireRateLimiting(BookingHost.PublicPolicy);
        api.MapGet("/evenings", Upcoming).WithName("GetInfoEvenings")
            .WithSummary("Upcoming info evenings (not cancelled, not over) with free seats and the waiting list's length.");
        api.MapGet("/evenings/{id:guid}", Get).WithName("GetInfoEvening").WithSummary("One info evening.");
        api.MapPost("/evenings/{id:guid}/registrations", Register).WithName("RegisterForInfoEvening").RequireRateLimiting(BookingHost.BookingPolicy)
            .WithSummary("Registers 1 or 2 seats; status registered when seats are free, else waiting (with the position). Returns the manage link.");
        api.MapGet("/evening-registrations/{token}", Registration).WithName("GetEveningRegistration")
            .WithSummary("A registration, found by the token of its manage link.");
        api.MapPost("/evening-registrations/{token}/cancel", CancelRegistration).WithName("CancelEveningRegistration")
            .WithSummary("Cancels a registration; freed seats go to the waiting list in arrival order.");

        var manager = api.MapGroup("/evenings").RequireAuthorization(StaffRoles.Manager);
        manager.MapGet("/all", All).WithName("GetAllInfoEvenings").WithSummary("Every evening of the unit, past and cancelled ones too.");
        manager.MapPost("", Schedule).WithName("ScheduleInfoEvening")
            .WithSummary("Schedules an evening; times are local (Europe/Helsinki). A place or an online link is required.");
        manager.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelInfoEvening")
            .WithSummary("Cancels an evening; everyone registered or waiting is told by email.");
        manager.MapGet("/{id:guid}/roster", Roster).WithName("GetInfoEveningRoster")
            .WithSummary("Who is registered and who waits, with names, emails and seats, and the evening's figures.");
        manager.MapGet("/{id:guid}/roster.csv", RosterCsv).WithName("GetInfoEveningRosterCsv")
            .WithSummary("The roster as CSV for Excel (UTF-8 with BOM, semicolons): name, email, seats, status, registered at, attended.");
        manager.MapPost("/{id:guid}/registrations/{registrationId:guid}/attendance", MarkAttendance).WithName("MarkInfoEveningAttendance")
            .WithSummary("Marks whether a registrant came.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<InfoEveningView>>> Upcoming(InfoEveningUseCases evenings, CurrentUnit unit, CancellationToken ct) =>
        TypedResults.Ok(await evenings.Upcoming(unit.UnitId, ct));

    public static async Task<Ok<IReadOnlyList<InfoEveningView>>> All(InfoEveningUseCases evenings, CurrentUnit unit, CancellationToken ct) =>
        TypedResults.Ok(await evenings.All(unit.UnitId, ct));

    public static async Task<Results<Ok<InfoEveningView>, ProblemHttpResult>> Get(Guid id, InfoEveningUseCases evenings, CurrentUnit unit, CancellationToken ct) =>
        await evenings.Get(unit.UnitId, id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("There is no such info evening.");

    public static async Task<Results<Created<EveningRegistrationDto>, ProblemHttpResult>> Register(
        Guid id, [FromBody] EveningRegistrationRequestDto? body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        InfoEveningUseCases evenings, CurrentUnit unit, HttpContext http, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with the registration is required.");
        var fields = new Dictionary<string, string[]>();
        if (body.Client is null) fields["client"] = ["client is required: name, email and language (phone is optional)."];
        var language = Language.Fi;
        if (body.Client is not null && !Wire.TryEnum(body.Client.Language, out language))
            fields["client.language"] = [$"client.language must be one of: {Wire.Choices<Language>()}."];
        if (IdempotencyKeyHeader.Problem(idempotencyKey) is { } badKey) fields[IdempotencyKeyHeader.Name] = [badKey];
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));

        var client = new ContactDetails(body.Client!.Name ?? "", body.Client.Email ?? "", body.Client.Phone ?? "", language);
        var outcome = await evenings.RegisterOnline(unit.UnitId, new EveningRegistrationInput(id, client, body.Seats ?? 1, idempotencyKey), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var (view, token, replayed) = outcome.Value!;
        if (replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created(token is null ? null : $"/api/evening-registrations/{token}", EveningRegistrationDto.From(view, token));
    }

    public static async Task<Results<Ok<EveningRegistrationDto>, ProblemHttpResult>> Registration(
        string token, InfoEveningUseCases evenings, IManageTokenIssuer tokens, CurrentUnit unit, CancellationToken ct) =>
        ManageTokenIssuer.LooksValid(token) && await evenings.Registration(unit.UnitId, tokens.HashOf(token), ct) is { } view
            ? TypedResults.Ok(EveningRegistrationDto.From(view))
            : UnknownToken();

    public static async Task<Results<Ok<EveningRegistrationDto>, ProblemHttpResult>> CancelRegistration(
        string token, InfoEveningUseCases evenings, IManageTokenIssuer tokens, CurrentUnit unit, CancellationToken ct)
    {
        if (!ManageTokenIssuer.LooksValid(token)) return UnknownToken();
        var outcome = await evenings.CancelRegistration(unit.UnitId, tokens.HashOf(token), ct);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(EveningRegistrationDto.From(outcome.Value!));
    }

    public static async Task<Results<Created<InfoEveningView>, ProblemHttpResult>> Schedule(
        [FromBody] ScheduleEveningDto? body, ClaimsPrincipal user, InfoEveningUseCases evenings, CurrentUnit unit, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with the evening is required.");
        var fields = new Dictionary<string, string[]>();
        LocalDateTime Time(string? text, string field)
        {
            if (Wire.TryLocalDateTime(text, out var value)) return value;
            fields[field] = [$"{field} must be a local date and time like 2026-12-15T18:00."];
            return default;
        }
        var start = Time(body.Start, "start");
        var end = Time(body.End, "end");
        var opens = Time(body.RegistrationOpens, "registrationOpens");
        var closes = Time(body.RegistrationCloses, "registrationCloses");
        var language = Language.Fi;
        if (body.Language is not null && !Wire.TryEnum(body.Language, out language))
            fields["language"] = [$"language must be one of: {Wire.Choices<Language>()}."];
        if (body.Capacity is null) fields["capacity"] = ["capacity is required: the number of seats."];
        var request = new ScheduleEveningRequest(body.EveningId ?? Guid.NewGuid(), body.Title ?? "", body.Description ?? "", start, end,
            body.Place, body.OnlineLink, language, body.Capacity ?? 0, body.Partners ?? [], opens, closes);
        // Report every field at once: the form's own checks where the times could be read.
        foreach (var (field, messages) in InfoEveningUseCases.Validate(request))
            fields.TryAdd(field, messages);
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));

        var outcome = await evenings.Schedule(unit.UnitId, request, By(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Created($"/api/evenings/{outcome.Value!.EveningId}", outcome.Value);
    }

    public static async Task<Results<Ok<InfoEveningView>, ProblemHttpResult>> Cancel(
        Guid id, [FromBody] CancelEveningDto? body, ClaimsPrincipal user, InfoEveningUseCases evenings, CurrentUnit unit, CancellationToken ct) =>
        Answer(await evenings.Cancel(unit.UnitId, id, body?.Reason ?? "", By(user), ct));

    public static async Task<Results<Ok<EveningRoster>, ProblemHttpResult>> Roster(Guid id, InfoEveningUseCases evenings, CurrentUnit unit, CancellationToken ct) =>
        Answer(await evenings.Roster(unit.UnitId, id, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RosterCsv(
        Guid id, InfoEveningUseCases evenings, IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        var outcome = await evenings.Roster(unit.UnitId, id, ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var zone = (await configurations.Current(unit.UnitId, ct)).Zone;
        var roster = outcome.Value!;
        var csv = RosterCsvWriter.Write(roster, zone);
        return TypedResults.File(csv, "text/csv; charset=utf-8", $"evening-{roster.Evening.Start:yyyy-MM-dd}.csv");
    }

    public static async Task<Results<Ok<EveningRoster>, ProblemHttpResult>> MarkAttendance(
        Guid id, Guid registrationId, [FromBody] AttendanceDto? body, ClaimsPrincipal user, InfoEveningUseCases evenings, CurrentUnit unit,
        CancellationToken ct)
    {
        if (body?.Attended is not { } attended) return Problems.Invalid("attended", "attended is required: true or false.");
        return Answer(await evenings.MarkAttendance(unit.UnitId, id, registrationId, attended, By(user), ct));
    }

    private static string By(ClaimsPrincipal user) => $"staff:{user.StaffId():N}";

    private static ProblemHttpResult UnknownToken() =>
        Problems.NotFound("No registration matches this link. Check that the whole address was copied from the email.");

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(outcome.Value!);
}

/// <summary>The roster for Excel: semicolons (Excel's list separator in the Finnish and Swedish locales), UTF-8 with a
/// byte order mark so ä and ö survive, and only the columns the evening needs (no phone numbers).</summary>
public static class RosterCsvWriter
{
    public static readonly string[] Header = ["name", "email", "seats", "status", "registered at", "attended"];

    public static byte[] Write(EveningRoster roster, DateTimeZone zone)
    {
        var text = new StringBuilder();
        text.Append(string.Join(';', Header)).Append("\r\n");
        void Line(RosterLine l, string status) => text.Append(string.Join(';',
            Cell(l.Name), Cell(l.Email), l.Seats.ToString(System.Globalization.CultureInfo.InvariantCulture), status,
            l.RegisteredAt.InZone(zone).LocalDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            l.Attended switch { true => "yes", false => "no", null => "" })).Append("\r\n");
        foreach (var l in roster.Registered) Line(l, "registered");
        foreach (var l in roster.Waiting) Line(l, "waiting");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    // Quotes what needs quoting, and defuses a leading = + - @ so a name can never run as a spreadsheet formula.
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
