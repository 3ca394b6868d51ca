// A video meeting's link: staff (the office secretary, or the meeting's own supervisor) add or change it on the meeting.
// The link is kept in the appointment's notes (a document, erased with the family's data); the appointment stream gets
// only "video_link_set", which queues the parents' email and guards the notes against two changes at once.
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Appointments;

public sealed class VideoLinks(IEventStore store, IAppointmentNotesSource notes, IClock clock, RetryPolicy? retries = null)
{
    public const int MaxLength = 500;

    private readonly WriteRunner runner = new(store, clock, retries);

    /// <summary>What is wrong with a link, for a person (null when it is a usable https address): https only, a host
    /// with a dot, at most 500 characters, no control characters or spaces.</summary>
    public static string? Problem(string? link)
    {
        var text = link?.Trim() ?? "";
        if (text.Length == 0) return "videoLink is required: the meeting's https:// address.";
        if (text.Length > MaxLength) return $"videoLink must be at most {MaxLength} characters.";
        if (ClientInput.ControlCharacterProblem(text) is { } control) return $"videoLink {control}";
        if (text.Any(char.IsWhiteSpace)) return "videoLink must not contain spaces.";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !uri.Host.Contains('.')
            || uri.UserInfo.Length > 0)
            return "videoLink must be an https:// address, like https://meet.example.fi/room.";
        return null;
    }

    /// <summary>Sets the meeting's link; the same link again changes nothing (and emails nobody).</summary>
    public async Task<Outcome<Appointment>> Set(Guid unitId, Guid appointmentId, string? link, StaffActor who, CancellationToken ct = default)
    {
        if (Problem(link) is { } problem) return Refusal.InvalidField("videoLink", problem);
        var clean = link!.Trim();
        return await runner.Run(unitId, who.Actor, async (write, token) =>
        {
            var appointment = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(appointmentId), token);
            var state = appointment.State;
            if (state.Status == AppointmentStatus.None)
                return Step<Outcome<Appointment>>.Answer(new DomainError("appointment_not_found", "No such meeting.", ErrorKind.NotFound));
            if (StaffChanges.MayChange(who, state) is { } forbidden) return Step<Outcome<Appointment>>.Answer(forbidden);
            if (appointment.Decide(new SetVideoLink(appointmentId, who.Actor, write.Now)).Error is { } error)
                return Step<Outcome<Appointment>>.Answer(error);
            // Read after the stream: a concurrent change appends to the same stream, so this attempt loses and reads again.
            var existing = (await notes.For(unitId, [appointmentId], token)).GetValueOrDefault(appointmentId);
            if (existing?.VideoLink == clean) return Step<Outcome<Appointment>>.Answer(state);
            write.Store((existing ?? new AppointmentNotes(unitId, appointmentId, "", "", "")) with { VideoLink = clean });
            return Step<Outcome<Appointment>>.Save(appointment.State);
        }, () => Task.FromResult<Outcome<Appointment>>(
            WriteRunner.Busy("The meeting was being changed at the same moment. Please try again.")), ct);
    }

    /// <summary>The link of a video meeting, or null when none is set yet (what the parent's manage page shows).</summary>
    public async Task<string?> Of(Guid unitId, Guid appointmentId, CancellationToken ct = default) =>
        (await notes.For(unitId, [appointmentId], ct)).GetValueOrDefault(appointmentId)?.VideoLink is { Length: > 0 } link ? link : null;
}
