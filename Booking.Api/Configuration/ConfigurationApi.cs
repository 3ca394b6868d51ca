// The manager's door to the unit's configuration: staff, appointment types, weekly hours, closures.
using Booking.Domain;
using Booking.Api.Errors;
using Booking.Api.Storage;
using Booking.Api.Staff;
using Booking.Domain.Staff;
using Booking.Domain.Appointments;
using Booking.Domain.Calendar;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.Configuration;

public sealed record HolidayDto(LocalDate Date, LocalizedText Name);

public static class ConfigurationApi
{
    public static IServiceCollection AddUnitConfiguration(this IServiceCollection services)
    {
        services.AddSingleton<UnitConfigurationStore>();
        services.AddSingleton<IUnitConfigurationSource>(sp => sp.GetRequiredService<UnitConfigurationStore>());
        services.AddSingleton<DemoUnit>();
        services.AddSingleton(new SchemaPart(UnitConfigurationStore.SchemaSql));
        return services;
    }

    public static RouteGroupBuilder MapConfigurationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Configuration");
        api.MapGet("/config", Get).WithName("GetConfiguration").RequireAuthorization(StaffRoles.AnyStaff)
            .WithSummary("The unit's configuration; the ETag is its version.");
        api.MapPut("/config", Put).WithName("PutConfiguration").RequireAuthorization(StaffRoles.Manager)
            .WithSummary("Replaces the configuration. Send If-Match with the version you read; a stale version answers 412.");
        api.MapGet("/holidays/{year:int}", Holidays).WithName("GetHolidays").AllowAnonymous()
            .WithSummary("Finnish public holidays of a year: the unit is closed on them.");
        return api;
    }

    public static async Task<Results<Ok<UnitConfiguration>, NotFound>> Get(UnitConfigurationStore store, CurrentUnit unit, HttpContext http, CancellationToken ct)
    {
        if (await store.Read(unit.UnitId, ct) is not { } current) return TypedResults.NotFound();
        http.Response.Headers.ETag = $"\"{current.Version}\"";
        return TypedResults.Ok(current.Configuration);
    }

    public static async Task<Results<Ok<UnitConfiguration>, ProblemHttpResult>> Put(
        [FromBody] UnitConfiguration? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        UnitConfigurationStore store, CurrentUnit unit, HttpContext http, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with the configuration is required.");
        if (!int.TryParse(ifMatch?.Trim('"', ' '), out var expected))
            return TypedResults.Problem("Send If-Match with the version (ETag) you read.", statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Version required");
        var errors = Validate(body with { UnitId = unit.UnitId });
        if (errors.Count > 0) return Problems.From(Refusal.Invalid(errors));
        var saved = await store.Save(body with { UnitId = unit.UnitId }, expected, ct);
        if (saved is null)
            return TypedResults.Problem("The configuration was changed by someone else since you read it. Reload and make your change again.",
                statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed meanwhile");
        http.Response.Headers.ETag = $"\"{saved}\"";
        return TypedResults.Ok(body with { UnitId = unit.UnitId });
    }

    public static Ok<List<HolidayDto>> Holidays(int year) =>
        TypedResults.Ok(FinnishHolidays.For(year).Select(h => new HolidayDto(h.Date, new LocalizedText(h.NameFi, h.NameSv, h.NameEn))).ToList());

    public static Dictionary<string, string[]> Validate(UnitConfiguration c)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(c.TimeZoneId ?? "") is null) Add("timeZoneId", "timeZoneId must be a TZDB zone such as Europe/Helsinki.");
        if (c.HorizonWeeks is < 1 or > 52) Add("horizonWeeks", "horizonWeeks must be between 1 and 52.");
        if (c.SlotStepMinutes is < 5 or > 120 || 60 % c.SlotStepMinutes != 0 && c.SlotStepMinutes % 60 != 0)
            Add("slotStepMinutes", "slotStepMinutes must divide an hour (5, 10, 15, 20, 30 or 60).");
        var staff = (c.Staff ?? []).Select(s => s.Id).ToHashSet();
        if ((c.Staff ?? []).Count != staff.Count) Add("staff", "Every staff member needs a distinct id.");
        foreach (var (t, i) in (c.AppointmentTypes ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(t.Code)) Add($"appointmentTypes[{i}].code", "code is required.");
            if (t.Length < Duration.FromMinutes(15) || t.Length > Duration.FromMinutes(240))
                Add($"appointmentTypes[{i}].length", "length must be between 15 minutes and 4 hours.");
            if (t.BufferAfter < Duration.Zero || t.BufferAfter > Duration.FromMinutes(60))
                Add($"appointmentTypes[{i}].bufferAfter", "bufferAfter must be between 0 and 60 minutes.");
            if (t.Modalities is null || t.Modalities.Count == 0) Add($"appointmentTypes[{i}].modalities", "At least one modality is required.");
        }
        if ((c.AppointmentTypes ?? []).GroupBy(t => t.Code).Any(g => g.Count() > 1)) Add("appointmentTypes", "Type codes must be unique.");
        foreach (var (h, i) in (c.Hours ?? []).Select((h, i) => (h, i)))
        {
            if (!staff.Contains(h.StaffId)) Add($"hours[{i}].staffId", "staffId must name a staff member of the unit.");
            if (h.From >= h.To) Add($"hours[{i}].to", "A block must end after it starts.");
        }
        foreach (var (closure, i) in (c.Closures ?? []).Select((x, i) => (x, i)))
        {
            if (closure.To < closure.From) Add($"closures[{i}].to", "A closure must not end before it starts.");
            if (closure.StaffId is { } s && !staff.Contains(s)) Add($"closures[{i}].staffId", "staffId must name a staff member of the unit.");
        }
        if (c.PhoneNumber is { Length: > 0 } phone && !ContactDetails.IsPhone(phone))
            Add("phoneNumber", "phoneNumber must have 6 to 15 digits and may start with +, or be left out.");
        foreach (var (field, messages) in CallBackSettings.Validate(c with { Staff = c.Staff ?? [], Hours = c.Hours ?? [] }))
            foreach (var message in messages) Add(field, message);
        return errors;
    }
}
