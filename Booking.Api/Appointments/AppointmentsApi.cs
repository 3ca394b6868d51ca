// The online booking door: public, anonymous and rate-limited; a booking is managed through its token.
using Booking.Domain;
using Booking.Api.Errors;
using Booking.Api.Storage;
using Booking.Api.Hosting;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.Appointments;

public static class AppointmentsApi
{
    private const int MaxRangeDays = 62;

    public static IServiceCollection AddAppointments(this IServiceCollection services, BookingStoreBuilder store)
    {
        store.AddInlineProjection<StaffReservations>();
        store.AddDocumentWriter<ClientContact, ClientContacts>();
        store.AddDocumentWriter<ManageToken, ManageTokens>();
        store.AddDocumentWriter<InvitationToken, InvitationTokens>();
        store.AddDocumentWriter<IdempotencyRecord, IdempotencyKeys>();
        store.AddAsyncProjection<BookingStatistics>();
        services.AddSingleton<StaffReservations>();
        services.AddSingleton<StaffReservationsArchive>();
        services.AddHostedService(sp => sp.GetRequiredService<StaffReservationsArchive>());
        services.AddSingleton<IReservations>(sp => sp.GetRequiredService<StaffReservations>());
        services.AddSingleton<ManageTokens>();
        services.AddSingleton<IManageTokens>(sp => sp.GetRequiredService<ManageTokens>());
        services.AddSingleton<InvitationTokens>();
        services.AddSingleton<IInvitationTokens>(sp => sp.GetRequiredService<InvitationTokens>());
        services.AddSingleton<IdempotencyKeys>();
        services.AddSingleton<IIdempotencyKeys>(sp => sp.GetRequiredService<IdempotencyKeys>());
        services.AddSingleton<ClientContacts>();
        services.AddSingleton<BookingStatistics>();
        services.AddSingleton<IManageTokenIssuer, ManageTokenIssuer>();
        services.AddSingleton(sp => new OnlineBooking(
            sp.GetRequiredService<Booking.Domain.EventSourcing.IEventStore>(),
            sp.GetRequiredService<IUnitConfigurationSource>(),
            sp.GetRequiredService<IReservations>(),
            sp.GetRequiredService<IIdempotencyKeys>(),
            sp.GetRequiredService<IClock>(),
            Random.Shared.Next,
            new BookingLinks(sp.GetRequiredService<IManageTokenIssuer>(), sp.GetRequiredService<IManageTokens>(),
                sp.GetRequiredService<IInvitationTokens>(), Guid.NewGuid),
            new Booking.Domain.EventSourcing.RetryPolicy(10, attempt => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)))));
        return services;
    }

    public static RouteGroupBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Online booking").RequireRateLimiting(BookingHost.PublicPolicy);
        api.MapGet("/appointment-types", GetAppointmentTypes).WithName("GetAppointmentTypes")
            .WithSummary("The kinds of meeting clients can book online, with their length and how they can be held.");
        api.MapGet("/free-times", GetFreeTimes).WithName("GetFreeTimes")
            .WithSummary("Free times for a kind of meeting (no staff names), from the next day up to the booking horizon.");
        api.MapPost("/bookings", Book).WithName("BookAppointment").RequireRateLimiting(BookingHost.BookingPolicy)
            .WithSummary("Books a meeting; the unit assigns the child supervisor impartially. Send an Idempotency-Key to retry safely.");
        api.MapGet("/bookings/{token}", GetBooking).WithName("GetBooking")
            .WithSummary("A booking, found by the token of its manage link.");
        api.MapPost("/bookings/{token}/cancel", Cancel).WithName("CancelBooking")
            .WithSummary("Cancels a booking; the time becomes free again.");
        api.MapPost("/bookings/{token}/move", Move).WithName("MoveBooking")
            .WithSummary("Moves a booking to another free time.");
        api.MapGet("/invitations/{token}", GetInvitation).WithName("GetInvitation")
            .WithSummary("The meeting the other parent was invited to, found by the token of the invitation link.");
        api.MapPost("/invitations/{token}/accept", (string token, OnlineBooking booking,
                CurrentUnit unit, CancellationToken ct) => Respond(token, true, booking, unit, ct))
            .WithName("AcceptInvitation").WithSummary("The invited other parent says they will come.");
        api.MapPost("/invitations/{token}/decline", (string token, OnlineBooking booking,
                CurrentUnit unit, CancellationToken ct) => Respond(token, false, booking, unit, ct))
            .WithName("DeclineInvitation").WithSummary("The invited other parent says they cannot come.");
        return api;
    }

    public static async Task<Ok<List<AppointmentTypeDto>>> GetAppointmentTypes(IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        var config = await configurations.Current(unit.UnitId, ct);
        return TypedResults.Ok(config.AppointmentTypes.Where(t => t.OnlineBookable)
            .Select(t => new AppointmentTypeDto(t.Code, t.Name, (int)t.Length.TotalMinutes, t.Modalities.Select(Wire.Name).ToList(), t.OnlineBookable))
            .ToList());
    }

    public static async Task<Results<Ok<List<FreeTimeDto>>, ProblemHttpResult>> GetFreeTimes(
        string? type, string? modality, string? from, string? to,
        OnlineBooking booking, IClock clock, IUnitConfigurationSource configurations, CurrentUnit unit, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(type)) fields["type"] = ["type is required: the code of an appointment type."];
        if (!Wire.TryEnum<Modality>(modality, out var how)) fields["modality"] = [$"modality must be one of: {Wire.Choices<Modality>()}."];
        var config = await configurations.Current(unit.UnitId, ct);
        var tomorrow = clock.GetCurrentInstant().InZone(config.Zone).Date.PlusDays(1);
        var first = tomorrow;
        if (from is not null && !Wire.TryLocalDate(from, out first)) fields["from"] = ["from must be a date like 2026-11-24."];
        var last = first.PlusDays(6);
        if (to is not null && !Wire.TryLocalDate(to, out last)) fields["to"] = ["to must be a date like 2026-11-30."];
        if (fields.Count == 0 && Period.Between(first, last, PeriodUnits.Days).Days > MaxRangeDays)
            fields["to"] = [$"The range may span at most {MaxRangeDays} days."];
        if (fields.Count > 0) return Problems.From(Refusal.Invalid(fields));

        var found = await booking.FreeTimes(unit.UnitId, new FreeTimesQuery(type!, how, first, last), ct);
        return found.Refusal is { } refusal
            ? Problems.From(refusal)
            : TypedResults.Ok(found.Value!.Select(FreeTimeDto.From).ToList());
    }

    public static async Task<Results<Created<BookingDto>, ProblemHttpResult>> Book(
        [FromBody] BookingRequestDto? body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        OnlineBooking booking, CurrentUnit unit, HttpContext http, CancellationToken ct)
    {
        var (form, refused) = Parse(body, idempotencyKey, BookingChannel.Online);
        if (refused is not null) return refused;
        var outcome = await booking.Book(unit.UnitId, form!, ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);

        var booked = outcome.Value!;
        var manageToken = booked.ManageToken;
        if (booked.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        var dto = BookingDto.From(booked.View, manageToken);
        return TypedResults.Created(manageToken is null ? null : $"/api/bookings/{manageToken}", dto);
    }

    /// <summary>Reads a booking request field by field (400 names every bad field); the domain makes its ids and links.</summary>
    public static (BookingInput? Form, ProblemHttpResult? Problem) Parse(BookingRequestDto? body, string? idempotencyKey,
        BookingChannel channel, Guid? preferredSupervisor = null)
    {
        if (body is null) return (null, Problems.Invalid("body", "A JSON body with the booking is required."));
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.AppointmentType)) fields["appointmentType"] = ["appointmentType is required."];
        if (!Wire.TryEnum<Modality>(body.Modality, out var modality)) fields["modality"] = [$"modality must be one of: {Wire.Choices<Modality>()}."];
        if (!Wire.TryLocalDateTime(body.Start, out var start)) fields["start"] = ["start must be a local date and time like 2026-11-24T09:30."];
        if (body.Client is null) fields["client"] = ["client is required: name, email, phone and language."];
        var language = Language.Fi;
        if (body.Client is not null && !Wire.TryEnum(body.Client.Language, out language))
            fields["client.language"] = [$"client.language must be one of: {Wire.Choices<Language>()}."];
        if (IdempotencyKeyHeader.Problem(idempotencyKey) is { } badKey) fields[IdempotencyKeyHeader.Name] = [badKey];
        var client = new ContactDetails(body.Client?.Name ?? "", body.Client?.Email ?? "", body.Client?.Phone ?? "", language);
        if (body.Client is not null)
            foreach (var (field, messages) in client.Validate()) fields[field] = messages;
        if (fields.Count > 0) return (null, Problems.From(Refusal.Invalid(fields)));

        return (new BookingInput(body.AppointmentType!, modality, start, client, body.OtherParentEmail, idempotencyKey, channel,
            preferredSupervisor, body.SeparateMeetings == true), null);
    }

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> GetBooking(
        string token, OnlineBooking booking, VideoLinks videoLinks, Booking.Domain.Privacy.ManageLinks links, CurrentUnit unit, CancellationToken ct)
    {
        var (id, gone) = await OpenManageLink(links, unit.UnitId, token, ct);
        if (gone is not null) return gone;
        var view = await booking.View(unit.UnitId, id, ct);
        return view is null ? UnknownToken() : TypedResults.Ok(BookingDto.From(view, videoLink: await videoLinks.Of(unit.UnitId, id, ct)));
    }

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Cancel(
        string token, OnlineBooking booking, Booking.Domain.Privacy.ManageLinks links, CurrentUnit unit, CancellationToken ct)
    {
        var (id, gone) = await OpenManageLink(links, unit.UnitId, token, ct);
        if (gone is not null) return gone;
        var outcome = await booking.Cancel(unit.UnitId, id, "client:manage-link", ct);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(BookingDto.From(outcome.Value!));
    }

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> Move(
        string token, [FromBody] MoveRequestDto? body,
        OnlineBooking booking, Booking.Domain.Privacy.ManageLinks links, CurrentUnit unit, CancellationToken ct)
    {
        if (!Wire.TryLocalDateTime(body?.Start, out var start))
            return Problems.Invalid("start", "start must be a local date and time like 2026-11-24T09:30.");
        var (id, gone) = await OpenManageLink(links, unit.UnitId, token, ct);
        if (gone is not null) return gone;
        var outcome = await booking.Move(unit.UnitId, id, start, "client:manage-link", ct: ct);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(BookingDto.From(outcome.Value!));
    }

    public static async Task<Results<Ok<InvitationDto>, ProblemHttpResult>> GetInvitation(
        string token, OnlineBooking booking, CurrentUnit unit, CancellationToken ct)
    {
        if (await booking.FindByInvitationLink(unit.UnitId, token, ct) is not { } id) return UnknownInvitation();
        var view = await booking.View(unit.UnitId, id, ct);
        return view is null ? UnknownInvitation() : TypedResults.Ok(InvitationDto.From(view));
    }

    public static async Task<Results<Ok<InvitationDto>, ProblemHttpResult>> Respond(string token, bool accepted,
        OnlineBooking booking, CurrentUnit unit, CancellationToken ct)
    {
        if (await booking.FindByInvitationLink(unit.UnitId, token, ct) is not { } id) return UnknownInvitation();
        var outcome = await booking.RespondToInvitation(unit.UnitId, id, accepted, ct);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(InvitationDto.From(outcome.Value!));
    }


    private static ProblemHttpResult UnknownInvitation() =>
        Problems.NotFound("No invitation matches this link. Check that the whole address was copied from the email.");


    /// <summary>One lookup for every manage-link door: 404 for an unknown link, 410 for one whose meeting is long past.</summary>
    private static async Task<(Guid Id, ProblemHttpResult? Problem)> OpenManageLink(Booking.Domain.Privacy.ManageLinks links, Guid unitId,
        string token, CancellationToken ct)
    {
        var (state, id) = await links.Open(unitId, token, ct);
        return state switch
        {
            Booking.Domain.Privacy.ManageLinkState.Valid => (id, null),
            Booking.Domain.Privacy.ManageLinkState.Expired => (id, Privacy.PrivacyApi.Expired()),
            _ => (id, UnknownToken()),
        };
    }

    private static ProblemHttpResult UnknownToken() =>
        Problems.NotFound("No booking matches this link. Check that the whole address was copied from the email.");

}
