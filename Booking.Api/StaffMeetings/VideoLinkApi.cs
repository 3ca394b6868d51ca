// A video meeting's link, set or changed by the office secretary or the meeting's own supervisor. The rules are the
// domain's VideoLinks; this door parses, maps refusals to problem details, and answers the meeting with its link.
using System.Security.Claims;
using Booking.Api.Errors;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.StaffMeetings;

/// <param name="VideoLink">The meeting's https:// address (at most 500 characters).</param>
public sealed record VideoLinkDto(string? VideoLink);

/// <summary>The meeting's link as now set; the parents are emailed it (the event "video_link_set" queues the message).</summary>
public sealed record VideoLinkSetDto(Guid AppointmentId, string VideoLink);

public static class VideoLinkApi
{
    public static IServiceCollection AddVideoLinks(this IServiceCollection services) =>
        services.AddSingleton(sp => new VideoLinks(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IAppointmentNotesSource>(),
            sp.GetRequiredService<IClock>(), new RetryPolicy(10, attempt => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)))));

    public static RouteHandlerBuilder MapVideoLinkApi(this IEndpointRouteBuilder app) =>
        app.MapPut("/api/staff/meetings/{appointmentId:guid}/video-link", Set).WithTags("Staff change meetings").WithName("SetVideoLink")
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Secretary, StaffRoles.Supervisor))
            .WithSummary("Sets or changes a video meeting's link (the secretary any meeting's, a supervisor their own); the parents are emailed it.");

    public static async Task<Results<Ok<VideoLinkSetDto>, ProblemHttpResult>> Set(Guid appointmentId, [FromBody] VideoLinkDto? body,
        VideoLinks links, CurrentUnit unit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body is null) return Problems.Invalid("body", "A JSON body with videoLink is required.");
        var outcome = await links.Set(unit.UnitId, appointmentId, body.VideoLink, StaffMeetingsApi.Actor(user), ct);
        if (outcome.Refusal is { } refusal) return Problems.From(refusal);
        return TypedResults.Ok(new VideoLinkSetDto(appointmentId, (await links.Of(unit.UnitId, appointmentId, ct))!));
    }
}
