// The manager's door to the unit's configuration: staff, appointment types, weekly hours, closures.
using Booking.Domain;
using Booking.Api.Appointments;
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
        services.AddSingleton<IUnitSettingsStore>(sp => sp.GetRequiredService<UnitConfigurationStore>());
        services.AddSingleton<UnitSettingsUseCases>();
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
        api.MapGet("/config/history", History).WithName("GetConfigurationHistory").RequireAuthorization(StaffRoles.Manager)
            .WithSummary("Every saved version of the configuration, newest first: who saved it, when, and which sections changed.");
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
        UnitSettingsUseCases settings, CurrentUnit unit, HttpContext http, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with the configuration is required.");
        if (!int.TryParse(ifMatch?.Trim('"', ' '), out var expected))
            return TypedResults.Problem("Send If-Match with the version (ETag) you read.", statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Version required");
        switch (await settings.Save(unit.UnitId, body, expected, http.User.Identity?.Name ?? UnitConfigurationStore.System, ct))
        {
            case SettingsSaved.Invalid invalid:
                return Problems.From(Refusal.Invalid(invalid.Errors));
            case SettingsSaved.Saved saved:
                http.Response.Headers.ETag = $"\"{saved.Version}\"";
                return TypedResults.Ok(body with { UnitId = unit.UnitId });
            default:
                return TypedResults.Problem("The configuration was changed by someone else since you read it. Reload and make your change again.",
                    statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed meanwhile");
        }
    }

    public static async Task<Ok<IReadOnlyList<ConfigurationChange>>> History(UnitSettingsUseCases settings, CurrentUnit unit, CancellationToken ct) =>
        TypedResults.Ok(await settings.History(unit.UnitId, 200, ct));

    public static Results<Ok<List<HolidayDto>>, ProblemHttpResult> Holidays(int year) =>
        !Wire.InServiceYears(year) ? Problems.Invalid("year", $"year must be between {ClientInput.FirstYear} and {ClientInput.LastYear}.") : TypedResults.Ok(FinnishHolidays.For(year).Select(h => new HolidayDto(h.Date, new LocalizedText(h.NameFi, h.NameSv, h.NameEn))).ToList());
}
