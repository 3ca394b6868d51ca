// The walk-in doors: the kiosk (anonymous), the display and the phone ticket (anonymous, read-only or withdraw),
// and the supervisors' actions (signed in). Every rule lives in the domain's WalkInUseCases.
using System.Security.Claims;
using System.Security.Cryptography;
using Booking.Domain;
using Booking.Api.Appointments;
using Booking.Api.Errors;
using Booking.Api.Hosting;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Booking.Domain.WalkIn;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;

namespace Booking.Api.WalkIn;

public sealed record TicketRequestDto(string? Matter, string? Language);

public sealed record CompleteRequestDto(string? Outcome);

public sealed record DutyRequestDto(Guid? StaffId, string? Room);

public sealed record CloseIntakeRequestDto(string? Reason);

public static class WalkInApi
{
    public static IServiceCollection AddWalkIn(this IServiceCollection services)
    {
        services.AddSingleton(sp => new WalkInUseCases(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IUnitConfigurationSource>(), sp.GetRequiredService<IClock>(),
            // Many kiosk requests race for one stream: a short randomised pause spreads the retries.
            attempt => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 2))));
        return services;
    }

    public static RouteGroupBuilder MapWalkInApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/walk-in").WithTags("Walk-in");
        api.MapPost("/tickets", TakeNumber).WithName("TakeWalkInNumber").RequireRateLimiting(BookingHost.KioskPolicy)
            .WithSummary("The kiosk takes a number for a matter; 422 with alternatives when no visit could start before closing.");
        api.MapGet("/tickets/{code}", Ticket).WithName("GetWalkInTicket").RequireRateLimiting(BookingHost.PublicPolicy)
            .WithSummary("A ticket as its holder's phone shows it: position, estimated wait, the room once called.");
        api.MapPost("/tickets/{code}/withdraw", Withdraw).WithName("WithdrawWalkInTicket").RequireRateLimiting(BookingHost.PublicPolicy)
            .WithSummary("The holder leaves the queue.");
        api.MapGet("/board", Board).WithName("GetWalkInBoard").RequireRateLimiting(BookingHost.PublicPolicy)
            .WithSummary("The waiting-room display: numbers being served and where, the next numbers, how many wait, the estimated wait.");

        var staff = api.MapGroup("").RequireAuthorization(StaffRoles.AnyStaff);
        staff.MapGet("/today", Today).WithName("GetWalkInToday").WithSummary("Today's session: window, who is on duty, intake.");
        staff.MapGet("/queue", Queue).WithName("GetWalkInQueue").WithSummary("The live queue with each number's matter and waiting time.");
        staff.MapPost("/call-next", CallNext).WithName("CallNextWalkIn").WithSummary("Calls the next number (first come, first served).");
        staff.MapPost("/tickets/{number:int}/recall", Recall).WithName("RecallWalkIn").WithSummary("Calls the same number again.");
        staff.MapPost("/tickets/{number:int}/start", Start).WithName("StartWalkInVisit").WithSummary("The called client arrived.");
        staff.MapPost("/tickets/{number:int}/complete", Complete).WithName("CompleteWalkInVisit")
            .WithSummary("Ends the visit with an outcome: adviceGiven, agreementDrafted, paternityHandled, referredElsewhere, followUpBooked.");
        staff.MapPost("/tickets/{number:int}/no-show", NoShow).WithName("WalkInNoShow").WithSummary("The called client did not come (after the grace time).");
        staff.MapPost("/tickets/{number:int}/follow-up", FollowUp).WithName("BookWalkInFollowUp")
            .WithSummary("Books a follow-up appointment for the client being served, with the same supervisor when free, and completes the visit.");
        staff.MapPost("/duty", AddToDuty).WithName("AddToWalkInDuty").WithSummary("Adds a child supervisor to today's duty (or changes the room).");
        staff.MapPost("/close-intake", CloseIntake).WithName("CloseWalkInIntake").WithSummary("Stops giving numbers for today.");
        staff.MapGet("/figures", Figures).WithName("GetWalkInFigures").WithSummary("Figures of a session: issued, served, no-shows, withdrawn, refused, waits, visit lengths.");
        return api;
    }

    public static async Task<Results<Created<IssuedTicket>, ProblemHttpResult>> TakeNumber(
        [FromBody] TicketRequestDto? body, WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        if (!Wire.TryEnum<WalkInMatter>(body?.Matter, out var matter)) fields["matter"] = [$"matter must be one of: {Wire.Choices<WalkInMatter>()}."];
        if (!Wire.TryEnum<Language>(body?.Language, out var language)) fields["language"] = [$"language must be one of: {Wire.Choices<Language>()}."];
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));

        var code = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var outcome = await walkIn.IssueTicket(unit.UnitId, matter, language, code, ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var answer = outcome.Value!;
        if (answer.Ticket is { } ticket) return TypedResults.Created($"/api/walk-in/tickets/{ticket.TicketCode}", ticket);

        var problem = Problems.From(new Refusal(answer.NotIssued!));
        problem.ProblemDetails.Extensions["alternatives"] = answer.Alternatives;
        problem.ProblemDetails.Extensions["onlineBooking"] = "/book";
        return problem;
    }

    public static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Ticket(string code, WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct) =>
        Answer(await walkIn.TicketView(unit.UnitId, code, ct));

    public static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Withdraw(string code, WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct) =>
        Answer(await walkIn.Withdraw(unit.UnitId, code, ct));

    public static async Task<Ok<WalkInBoard>> Board(WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct) =>
        TypedResults.Ok(await walkIn.Board(unit.UnitId, ct));

    public static async Task<Results<Ok<WalkInToday>, ProblemHttpResult>> Today(WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct) =>
        Answer(await walkIn.Today(unit.UnitId, ct));

    public static async Task<Ok<IReadOnlyList<StaffTicketView>>> Queue(WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct) =>
        TypedResults.Ok(await walkIn.Queue(unit.UnitId, ct));

    public static async Task<Results<Ok<StaffTicketView>, ProblemHttpResult>> CallNext(ClaimsPrincipal user, WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct) =>
        Answer(await walkIn.CallNext(unit.UnitId, user.StaffId()!.Value, ct));

    public static async Task<Results<Ok<StaffTicketView>, ProblemHttpResult>> Recall(int number, ClaimsPrincipal user, WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct) =>
        Answer(await walkIn.Recall(unit.UnitId, user.StaffId()!.Value, number, ct));

    public static async Task<Results<Ok<StaffTicketView>, ProblemHttpResult>> Start(int number, ClaimsPrincipal user, WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct) =>
        Answer(await walkIn.Start(unit.UnitId, user.StaffId()!.Value, number, ct));

    public static async Task<Results<Ok<StaffTicketView>, ProblemHttpResult>> NoShow(int number, ClaimsPrincipal user, WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct) =>
        Answer(await walkIn.NoShow(unit.UnitId, user.StaffId()!.Value, number, ct));

    public static async Task<Results<Ok<StaffTicketView>, ProblemHttpResult>> Complete(
        int number, [FromBody] CompleteRequestDto? body, ClaimsPrincipal user, WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct)
    {
        if (!Wire.TryEnum<VisitOutcome>(body?.Outcome, out var outcome))
            return Problems.Invalid("outcome", $"outcome must be one of: {Wire.Choices<VisitOutcome>()}.");
        return Answer(await walkIn.Complete(unit.UnitId, user.StaffId()!.Value, number, outcome, ct));
    }

    /// <summary>A follow-up booked straight from the visit: the same supervisor when free at that time (continuity for the
    /// family), else an impartial choice; then the visit is completed as "follow-up booked".</summary>
    public static async Task<Results<Created<BookingDto>, ProblemHttpResult>> FollowUp(
        int number, [FromBody] BookingRequestDto? body, ClaimsPrincipal user, OnlineBooking booking, WalkInUseCases walkIn,
        CurrentUnit unit, CancellationToken ct)
    {
        var staffId = user.StaffId()!.Value;
        var serving = (await walkIn.Queue(unit.UnitId, ct)).FirstOrDefault(t => t.Number == number && t.Status == TicketStatus.InVisit);
        if (serving is null) return Problems.From(new Refusal(new DomainError("visit_not_started", "Book a follow-up during the visit of this number.", ErrorKind.Rule)));
        // Only the supervisor receiving the number books its follow-up: checked before the booking, so that a refusal books nothing.
        if (serving.ServedBy != staffId)
            return Problems.From(new Refusal(new DomainError("not_your_ticket", $"Number {number} is being received by another supervisor.", ErrorKind.Conflict)));
        var (form, refused) = AppointmentsApi.Parse(body, null, BookingChannel.WalkIn, preferredSupervisor: staffId);
        if (refused is not null) return refused;
        var outcome = await booking.Book(unit.UnitId, form!, ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        var completed = await walkIn.Complete(unit.UnitId, staffId, number, VisitOutcome.FollowUpBooked, ct);
        if (completed.Refusal is { } notCompleted) return Problems.From(notCompleted);
        var token = outcome.Value!.ManageToken;
        return TypedResults.Created($"/api/bookings/{token}", BookingDto.From(outcome.Value.View, token));
    }

    public static async Task<Results<Ok<WalkInToday>, ProblemHttpResult>> AddToDuty(
        [FromBody] DutyRequestDto? body, ClaimsPrincipal user, WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct)
    {
        var staffId = body?.StaffId ?? user.StaffId();
        if (staffId is null) return Problems.Invalid("staffId", "staffId is required.");
        return Answer(await walkIn.AddToDuty(unit.UnitId, staffId.Value, string.IsNullOrWhiteSpace(body?.Room) ? null : body.Room.Trim(),
            $"staff:{user.StaffId():N}", ct));
    }

    public static async Task<Results<Ok<WalkInToday>, ProblemHttpResult>> CloseIntake(
        [FromBody] CloseIntakeRequestDto? body, ClaimsPrincipal user, WalkInUseCases walkIn, CurrentUnit unit, CancellationToken ct) =>
        Answer(await walkIn.CloseIntake(unit.UnitId, string.IsNullOrWhiteSpace(body?.Reason) ? "closed by staff" : body.Reason.Trim(),
            $"staff:{user.StaffId():N}", ct));

    public static async Task<Results<Ok<WalkInFigures>, ProblemHttpResult>> Figures(
        string? date, WalkInUseCases walkIn, IClock clock, IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        var day = clock.GetCurrentInstant().InZone(config.Zone).Date;
        if (date is not null && !Wire.TryLocalDate(date, out day)) return Problems.Invalid("date", "date must be a date like 2026-11-26.");
        return TypedResults.Ok(await walkIn.Figures(unit.UnitId, day, ct));
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(outcome.Value!);
}
