// The call-back doors: free times and reservation for clients (anonymous, rate-limited, no staff names; the call-back
// is cancelled through the token of its link), the secretary's reservation and cancellation, the supervisor's day with
// done / not reached, and the use figures for the manager and the secretary. Every rule lives in CallBackUseCases.
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Security.Claims;
using Booking.Domain;
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.Storage;
using Booking.Api.Hosting;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Booking.Domain.WalkIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.CallBacks;

/// <param name="Start">Local start of a free time, like 2026-04-22T13:00.</param>
/// <param name="Matter">advice, agreement, paternity or other.</param>
/// <param name="Language">The language to be called in: fi, sv or en.</param>
/// <param name="Name">Optional: how the supervisor may greet the client.</param>
/// <param name="Email">Optional: the confirmation also goes here by email (it always goes to the phone by SMS).</param>
public sealed record CallBackRequestDto(string? Start, string? Matter, string? Language, string? Phone, string? Name, string? Email = null);

/// <param name="StaffId">Optional: the supervisor to call; left out, the unit assigns impartially.</param>
/// <param name="Email">Optional: the client's address for the confirmation email.</param>
public sealed record StaffCallBackRequestDto(string? Start, string? Matter, string? Language, string? Phone, string? Name, Guid? StaffId,
    string? Email = null);

/// <param name="Attempt">Optional: the attempt (1 or 2) the supervisor saw as next, so that a resent request records nothing twice.</param>
public sealed record NotReachedDto(int? Attempt);

/// <param name="Reference">A short reference the client can quote to the office secretary.</param>
/// <param name="CancelToken">Only in the answer to the reservation: the token of the client's cancel link.</param>
public sealed record CallBackDto(
    Guid CallBackId, string Reference, LocalDateTime Start, LocalDateTime End, WalkInMatter Matter, Language Language, CallBackStatus Status,
    int Attempts, bool CanCancel, string? CancelToken = null, string? CancelUrl = null)
{
    public static CallBackDto From(CallBackView v, string? token = null) => new(
        v.CallBackId, CallBack.ReferenceOf(v.CallBackId), v.Start, v.End, v.Matter, v.Language, v.Status, v.Attempts, v.CanCancel,
        token, token is null ? null : $"/call-back/{token}");
}

public static class CallBacksApi
{
    private const int MaxFreeRangeDays = 62;
    private const int MaxFiguresRangeDays = 366;

    public static IServiceCollection AddCallBacks(this IServiceCollection services, BookingStoreBuilder store)
    {
        store.AddInlineProjection<CallBackIndex>();
        store.AddDocumentWriter<CallBackToken, CallBackTokens>();
        services.AddSingleton<CallBackIndex>();
        services.AddSingleton<ICallBackIndex>(sp => sp.GetRequiredService<CallBackIndex>());
        services.AddSingleton<CallBackTokens>();
        services.AddSingleton<ICallBackTokens>(sp => sp.GetRequiredService<CallBackTokens>());
        services.TryAddSingleton<IClientContacts, Secretary.ClientContactsReader>();
        services.AddSingleton(sp => new CallBackUseCases(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IUnitConfigurationSource>(), sp.GetRequiredService<ICallBackIndex>(),
            sp.GetRequiredService<IClientContacts>(), sp.GetRequiredService<ICallBackTokens>(), sp.GetRequiredService<IClock>(),
            Random.Shared.Next,
            // Many parents may reach for the same slot from several instances: a short randomised pause spreads the retries.
            attempt => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 2)),
            links: sp.GetRequiredService<IManageTokenIssuer>(), newId: Guid.NewGuid));
        return services;
    }

    public static void MapCallBacksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/call-backs").WithTags("Call-backs").RequireRateLimiting(BookingHost.PublicPolicy);
        api.MapGet("/free", Free).WithName("GetFreeCallBackTimes")
            .WithSummary("Free call-back times (no staff names) from the next day up to the booking horizon; from and to are dates (at most 62 days).");
        api.MapPost("", Reserve).WithName("ReserveCallBack").RequireRateLimiting(BookingHost.BookingPolicy)
            .WithSummary("Reserves a call-back time: a child supervisor phones the number given at that time. Returns the cancel link. Send an Idempotency-Key to retry safely.");
        api.MapGet("/figures", Figures).WithName("GetCallBackFigures")
            .RequireAuthorization(new AuthorizationPolicyBuilder().RequireRole(StaffRoles.Manager, StaffRoles.Secretary).Build())
            .WithSummary("How much call-backs are used between two dates: slots offered, reserved (online / by the secretary), done, not reached, cancelled.");
        api.MapGet("/{token}", Get).WithName("GetCallBack").WithSummary("A call-back, found by the token of its cancel link.");
        api.MapPost("/{token}/cancel", CancelByClient).WithName("CancelCallBack")
            .WithSummary("The client cancels the call-back before its time; the slot is free again.");

        var staff = app.MapGroup("/api/staff/call-backs").WithTags("Call-backs");
        staff.MapGet("", Day).WithName("GetStaffCallBacks").RequireAuthorization(StaffRoles.AnyStaff)
            .WithSummary("The call-backs of a day (date, default today), optionally of one supervisor (staffId). Phone numbers are shown to the call-back's own supervisor and to the office secretary only.");
        staff.MapGet("/free", FreeForSecretary).WithName("GetFreeCallBackTimesForStaff").RequireAuthorization(StaffRoles.AnyStaff)
            .WithSummary("Free call-back times from now (today's later slots too) with the supervisors free at each (freeStaff), for the secretary's reservation.");
        staff.MapPost("", ReserveForClient).WithName("ReserveCallBackForClient").RequireAuthorization(StaffRoles.Secretary)
            .WithSummary("The office secretary reserves a call-back for a client (also later today), for a chosen supervisor or assigned impartially.");
        staff.MapPost("/{id:guid}/done", Done).WithName("CompleteCallBack").RequireAuthorization(StaffRoles.Supervisor)
            .WithSummary("The call-back's own supervisor reached the client.");
        staff.MapPost("/{id:guid}/not-reached", NotReached).WithName("CallBackNotReached").RequireAuthorization(StaffRoles.Supervisor)
            .WithSummary("The client did not answer. The first time the call-back stays open for one retry (from retryFrom on); the second time it closes.");
        staff.MapPost("/{id:guid}/cancel", CancelBySecretary).WithName("CancelCallBackForClient").RequireAuthorization(StaffRoles.Secretary)
            .WithSummary("The office secretary cancels a call-back that is still open.");
    }

    public static async Task<Results<Ok<List<FreeTimeDto>>, ProblemHttpResult>> Free(
        string? from, string? to, CallBackUseCases callBacks, IClock clock, IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        var (range, refused) = Range(from, to, clock.GetCurrentInstant().InZone(config.Zone).Date.PlusDays(1));
        if (refused is not null) return refused;
        var outcome = await callBacks.FreeTimes(unit.UnitId, range.First, range.Last, CallBackChannel.Online, ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Ok(outcome.Value!.Select(FreeTimeDto.From).ToList());
    }

    /// <summary>from (default <paramref name="first"/>) and to (default a week on), at most 62 days apart.</summary>
    private static ((LocalDate First, LocalDate Last) Value, ProblemHttpResult? Refused) Range(string? from, string? to, LocalDate first)
    {
        var fields = new Dictionary<string, string[]>();
        if (from is not null && !Wire.TryLocalDate(from, out first)) fields["from"] = ["from must be a date like 2026-11-24."];
        var last = first.PlusDays(6);
        if (to is not null && !Wire.TryLocalDate(to, out last)) fields["to"] = ["to must be a date like 2026-11-30."];
        else if (fields.Count == 0 && last < first) fields["to"] = ["to must not be before from."];
        else if (fields.Count == 0 && Period.Between(first, last, PeriodUnits.Days).Days > MaxFreeRangeDays)
            fields["to"] = [$"Ask for at most {MaxFreeRangeDays} days at a time."];
        return ((first, last), fields.Count > 0 ? Problems.From(Refusal.Invalid(fields)) : null);
    }

    public static async Task<Results<Ok<IReadOnlyList<FreeTime>>, ProblemHttpResult>> FreeForSecretary(
        string? from, string? to, CallBackUseCases callBacks, IClock clock, IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        var (range, refused) = Range(from, to, clock.GetCurrentInstant().InZone(config.Zone).Date);
        if (refused is not null) return refused;
        var outcome = await callBacks.FreeTimes(unit.UnitId, range.First, range.Last, CallBackChannel.Secretary, ct);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(outcome.Value!);
    }

    public static async Task<Results<Created<CallBackDto>, ProblemHttpResult>> Reserve(
        [FromBody] CallBackRequestDto? body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CallBackUseCases callBacks,
        CurrentUnit unit, HttpContext http, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with start, matter, language and phone is required.");
        if (IdempotencyKeyHeader.Problem(idempotencyKey) is { } badKey) return Problems.Invalid(IdempotencyKeyHeader.Name, badKey);
        var (parsed, refused) = Parse(body.Start, body.Matter, body.Language, body.Phone, body.Name);
        if (refused is not null) return refused;
        var outcome = await callBacks.ReserveOnline(unit.UnitId, new CallBackInput(parsed.Start, parsed.Matter, parsed.Language,
            body.Phone ?? "", body.Name, body.Email, idempotencyKey), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var (reserved, token) = outcome.Value!;
        if (reserved.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created(token is null ? null : $"/api/call-backs/{token}", CallBackDto.From(reserved.View, token));
    }

    public static async Task<Results<Ok<CallBackDto>, ProblemHttpResult>> Get(
        string token, CallBackUseCases callBacks, IManageTokenIssuer tokens, CurrentUnit unit, CancellationToken ct) =>
        ManageTokenIssuer.LooksValid(token) && await callBacks.ClientView(unit.UnitId, tokens.HashOf(token), ct) is { } view
            ? TypedResults.Ok(CallBackDto.From(view))
            : UnknownToken();

    public static async Task<Results<Ok<CallBackDto>, ProblemHttpResult>> CancelByClient(
        string token, CallBackUseCases callBacks, IManageTokenIssuer tokens, CurrentUnit unit, CancellationToken ct)
    {
        if (!ManageTokenIssuer.LooksValid(token)) return UnknownToken();
        var outcome = await callBacks.CancelByClient(unit.UnitId, tokens.HashOf(token), ct);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(CallBackDto.From(outcome.Value!));
    }

    public static async Task<Results<Ok<CallBackDayView>, ProblemHttpResult>> Day(
        string? date, Guid? staffId, ClaimsPrincipal user, CallBackUseCases callBacks, IClock clock, IUnitConfigurationSource configurations,
        CurrentUnit unit, CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        var day = clock.GetCurrentInstant().InZone(config.Zone).Date;
        if (date is not null && !Wire.TryLocalDate(date, out day)) return Problems.Invalid("date", "date must be a date like 2026-11-26.");
        return TypedResults.Ok(await callBacks.Day(unit.UnitId, day, ViewerOf(user), staffId, ct));
    }

    public static async Task<Results<Created<StaffCallBackView>, ProblemHttpResult>> ReserveForClient(
        [FromBody] StaffCallBackRequestDto? body, ClaimsPrincipal user, CallBackUseCases callBacks, CurrentUnit unit, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with start, matter, language and phone is required.");
        var (parsed, refused) = Parse(body.Start, body.Matter, body.Language, body.Phone, body.Name);
        if (refused is not null) return refused;
        var secretary = user.StaffId()!.Value;
        var outcome = await callBacks.Reserve(unit.UnitId, new CallBackRequest(Guid.NewGuid(), Guid.NewGuid(), parsed.Start, parsed.Matter,
            parsed.Language, body.Phone ?? "", body.Name, CallBackChannel.Secretary, $"staff:{secretary:N}", body.StaffId, Email: body.Email), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var reserved = outcome.Value!;
        var day = await callBacks.Day(unit.UnitId, reserved.View.Start.Date, ViewerOf(user), reserved.StaffId, ct);
        var view = day.CallBacks.First(c => c.CallBackId == reserved.View.CallBackId);
        return TypedResults.Created($"/api/staff/call-backs?date={reserved.View.Start.Date:yyyy-MM-dd}&staffId={reserved.StaffId}", view);
    }

    public static async Task<Results<Ok<StaffCallBackView>, ProblemHttpResult>> Done(
        Guid id, ClaimsPrincipal user, CallBackUseCases callBacks, CurrentUnit unit, CancellationToken ct) =>
        Answer(await callBacks.Complete(unit.UnitId, id, user.StaffId()!.Value, ct));

    public static async Task<Results<Ok<StaffCallBackView>, ProblemHttpResult>> NotReached(
        Guid id, [FromBody] NotReachedDto? body, ClaimsPrincipal user, CallBackUseCases callBacks, CurrentUnit unit, CancellationToken ct)
    {
        if (body?.Attempt is < 1 or > CallBackSettings.MaxAttempts)
            return Problems.Invalid("attempt", $"attempt must be 1 or {CallBackSettings.MaxAttempts}.");
        return Answer(await callBacks.NotReached(unit.UnitId, id, user.StaffId()!.Value, body?.Attempt, ct));
    }

    public static async Task<Results<Ok<StaffCallBackView>, ProblemHttpResult>> CancelBySecretary(
        Guid id, ClaimsPrincipal user, CallBackUseCases callBacks, CurrentUnit unit, CancellationToken ct) =>
        Answer(await callBacks.CancelBySecretary(unit.UnitId, id, user.StaffId()!.Value, ct));

    public static async Task<Results<Ok<CallBackFigures>, ProblemHttpResult>> Figures(
        string? from, string? to, CallBackUseCases callBacks, IClock clock, IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        var last = clock.GetCurrentInstant().InZone(config.Zone).Date;
        var fields = new Dictionary<string, string[]>();
        if (to is not null && !Wire.TryLocalDate(to, out last)) fields["to"] = ["to must be a date like 2026-11-30."];
        var first = last.PlusDays(-27);
        if (from is not null && !Wire.TryLocalDate(from, out first)) fields["from"] = ["from must be a date like 2026-11-01."];
        if (fields.Count == 0 && last < first) fields["to"] = ["to must not be before from."];
        else if (fields.Count == 0 && Period.Between(first, last, PeriodUnits.Days).Days > MaxFiguresRangeDays)
            fields["to"] = [$"Ask for at most {MaxFiguresRangeDays} days at a time."];
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));
        return TypedResults.Ok(await callBacks.Figures(unit.UnitId, first, last, ct));
    }

    private sealed record Parsed(LocalDateTime Start, WalkInMatter Matter, Language Language);

    /// <summary>The fields both reservation doors share; every bad one is named at once.</summary>
    private static (Parsed Value, ProblemHttpResult? Refused) Parse(string? start, string? matter, string? language, string? phone, string? name)
    {
        var fields = new Dictionary<string, string[]>();
        if (!ContactDetails.IsPhone(phone)) fields["phone"] = ["phone must have 6 to 15 digits and may start with +."];
        if ((name?.Trim().Length ?? 0) > ContactDetails.MaxName) fields["name"] = [$"name must be at most {ContactDetails.MaxName} characters."];
        if (!Wire.TryLocalDateTime(start, out var at)) fields["start"] = ["start must be a local date and time like 2026-04-22T13:00."];
        if (!Wire.TryEnum<WalkInMatter>(matter, out var m)) fields["matter"] = [$"matter must be one of: {Wire.Choices<WalkInMatter>()}."];
        if (!Wire.TryEnum<Language>(language, out var l)) fields["language"] = [$"language must be one of: {Wire.Choices<Language>()}."];
        return (new Parsed(at, m, l), fields.Count > 0 ? Problems.From(Refusal.Invalid(fields)) : null);
    }

    /// <summary>Phone numbers go to the call-back's own supervisor and to the office secretary.</summary>
    private static CallBackViewer ViewerOf(ClaimsPrincipal user) => new(user.StaffId() ?? Guid.Empty, user.IsInRole(StaffRoles.Secretary));

    private static ProblemHttpResult UnknownToken() =>
        Problems.NotFound("No call-back matches this link. Check that the whole address was copied.");

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(outcome.Value!);
}
