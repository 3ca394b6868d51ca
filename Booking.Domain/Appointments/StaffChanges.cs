// Staff change any meeting: the office secretary any, a supervisor the meetings they hold (as supervisor or pair partner).
// Find it (by a parent's name, email or phone, or the booking's reference), move it to a time where every professional
// of the meeting is free (or with another supervisor), cancel it, or give it (or the rest of its series) to another
// supervisor; always with a reason. The appointment and every staff day it leaves or takes are written in one
// transaction through the one WriteRunner, so a move keeps the double-booking guarantees of a booking. The parents'
// emails follow from the events (the outbox); the reason's explanation is a document, never an event.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <summary>Who is changing the meeting: the signed-in staff member and their role.</summary>
public sealed record StaffActor(Guid StaffId, string Role)
{
    public string Actor => $"staff:{StaffId:N}";
}

/// <summary>A meeting as staff see it to change it: the appointment, its reference, and the parents' contacts.</summary>
public sealed record StaffMeeting(Appointment Appointment, string Reference, ClientContact? Client, ClientContact? OtherParent);

/// <param name="Supervisor">Another supervisor for the new time; null keeps the meeting's own.</param>
public sealed record StaffMove(LocalDateTime Start, Guid? Supervisor, ChangeReason Reason, string Note);

/// <summary>What staff wrote about why they changed a meeting (free text, so a document that can be erased).</summary>
public sealed record AppointmentChangeNote(Guid UnitId, Guid AppointmentId, string Change, ChangeReason Reason, string Note, string ChangedBy,
    Instant ChangedAt);

/// <summary>Finds meetings by a parent's name, email or phone digits, or by a booking reference (BK-1234ABCD).</summary>
public interface IMeetingSearch
{
    Task<IReadOnlyList<Guid>> Search(Guid unitId, string text, int limit, CancellationToken ct = default);
}

public static class BookingReference
{
    /// <summary>A short reference a parent can quote to the office secretary (not a secret: the manage link is).</summary>
    public static string Of(Guid appointmentId) => $"BK-{appointmentId.ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>The eight hex digits of a reference typed with or without its "BK-", in lower case; null when it is none.</summary>
    public static string? Digits(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("BK-", StringComparison.OrdinalIgnoreCase)) t = t[3..];
        return t.Length == 8 && t.All(Uri.IsHexDigit) ? t.ToLowerInvariant() : null;
    }
}

public sealed class StaffChanges(
    IEventStore store,
    IUnitConfigurationSource configurations,
    IMeetingSearch search,
    IClientContacts contacts,
    IClock clock,
    RetryPolicy? retries = null)
{
    public const int MaxNote = 2000;
    public const int SearchLimit = 20;
    public const string NotYourMeeting = "not_your_meeting";

    private readonly WriteRunner runner = new(store, clock, retries);

    /// <summary>The secretary changes any meeting; a supervisor only one they hold.</summary>
    public static DomainError? MayChange(StaffActor who, Appointment meeting) => who.Role switch
    {
        StaffRoles.Secretary => null,
        StaffRoles.Supervisor when meeting.Professionals.Contains(who.StaffId) => null,
        _ => new DomainError(NotYourMeeting, "Only the office secretary or the meeting's own supervisor can change it.", ErrorKind.Forbidden),
    };

    /// <summary>The search text as typed is acceptable: 2 to 100 characters, no control characters.</summary>
    private static Refusal? CheckSearch(string q) =>
        q.Length is < 2 or > 100 || ClientInput.HasControlCharacters(q)
            ? Refusal.InvalidField("q", "Search with 2 to 100 characters: part of a name, an email, a phone number or a booking reference.")
            : null;

    /// <summary>The ids of every meeting whose parents' contacts (read from their documents) or booking reference match the
    /// text, for a screen that narrows what it already shows (the staff's week). Same rule for the text as Find.</summary>
    public async Task<Outcome<IReadOnlySet<Guid>>> Matching(Guid unitId, string? text, int limit, CancellationToken ct = default)
    {
        var q = text?.Trim() ?? "";
        if (CheckSearch(q) is { } bad) return bad;
        return Outcome<IReadOnlySet<Guid>>.Of((await search.Search(unitId, q, limit, ct)).ToHashSet());
    }

    public async Task<Outcome<IReadOnlyList<StaffMeeting>>> Find(Guid unitId, string? text, CancellationToken ct = default)
    {
        var q = text?.Trim() ?? "";
        if (CheckSearch(q) is { } bad) return bad;
        var now = clock.GetCurrentInstant();
        var found = new List<Appointment>();
        foreach (var id in await search.Search(unitId, q, SearchLimit * 3, ct))
            if (await Load(unitId, id, ct) is { Status: not AppointmentStatus.None } a) found.Add(a);
        // Upcoming booked meetings first (soonest first), then the rest (latest first).
        var ordered = found.Where(a => a.Status == AppointmentStatus.Booked && a.Start > now).OrderBy(a => a.Start)
            .Concat(found.Where(a => !(a.Status == AppointmentStatus.Booked && a.Start > now)).OrderByDescending(a => a.Start))
            .Take(SearchLimit).ToList();
        return Outcome<IReadOnlyList<StaffMeeting>>.Of(await Describe(unitId, ordered, ct));
    }

    public async Task<StaffMeeting?> Meeting(Guid unitId, Guid appointmentId, CancellationToken ct = default)
    {
        var a = await Load(unitId, appointmentId, ct);
        return a.Status == AppointmentStatus.None ? null : (await Describe(unitId, [a], ct))[0];
    }

    public async Task<Outcome<Appointment>> Move(Guid unitId, Guid appointmentId, StaffMove move, StaffActor who, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (CheckNote(move.Reason, move.Note) is { } badNote) return badNote;
        if (move.Supervisor is { } chosen && !IsSupervisor(config, chosen))
            return Refusal.InvalidField("supervisor", "Not an active child supervisor of the unit.");
        if (OnlineBooking.CheckTime(config, move.Start, BookingChannel.Secretary, clock.GetCurrentInstant()) is { } refusedTime) return refusedTime;
        return await runner.Run(unitId, who.Actor, async (write, token) =>
        {
            var appointment = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(appointmentId), token);
            var before = appointment.State;
            if (Refused(who, before) is { } refused) return Step<Outcome<Appointment>>.Answer(refused);
            if (config.Type(before.AppointmentType) is not { } type)
                return Step<Outcome<Appointment>>.Answer(new DomainError("type_retired", "This kind of meeting is no longer in the settings."));
            var supervisor = move.Supervisor ?? before.SupervisorId;
            var start = move.Start.InZoneLeniently(config.Zone).ToInstant();
            if (appointment.Decide(new MoveAppointment(appointmentId, start, start + type.Length, start + type.Occupies, supervisor, who.Actor,
                    write.Now, move.Reason)).Error is { } error)
                return Step<Outcome<Appointment>>.Answer(error);
            if (appointment.Appended.Count == 0) return Step<Outcome<Appointment>>.Answer(before);

            await ReleaseAll(write, config, before, token);
            var after = appointment.State;
            if (await ReserveAll(write, config, after, token) is { } taken) return Step<Outcome<Appointment>>.Answer(taken);
            Note(write, unitId, appointmentId, "moved", move.Reason, move.Note, who);
            return Step<Outcome<Appointment>>.Save(after);
        }, () => Task.FromResult<Outcome<Appointment>>(Busy()), ct);
    }

    public async Task<Outcome<Appointment>> Cancel(Guid unitId, Guid appointmentId, ChangeReason reason, string note, StaffActor who,
        CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (CheckNote(reason, note) is { } badNote) return badNote;
        return await runner.Run(unitId, who.Actor, async (write, token) =>
        {
            var appointment = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(appointmentId), token);
            var before = appointment.State;
            if (Refused(who, before) is { } refused) return Step<Outcome<Appointment>>.Answer(refused);
            if (appointment.Decide(new CancelAppointment(appointmentId, who.Actor, write.Now, reason)).Error is { } error)
                return Step<Outcome<Appointment>>.Answer(error);
            if (appointment.Appended.Count == 0) return Step<Outcome<Appointment>>.Answer(before);
            await ReleaseAll(write, config, before, token);
            Note(write, unitId, appointmentId, "cancelled", reason, note, who);
            return Step<Outcome<Appointment>>.Save(appointment.State);
        }, () => Task.FromResult<Outcome<Appointment>>(Busy()), ct);
    }

    /// <summary>Gives the meeting to another supervisor at the same time; with <paramref name="wholeSeries"/>, every meeting
    /// of its series still to come too (a series keeps one supervisor), all or none.</summary>
    public async Task<Outcome<IReadOnlyList<Appointment>>> Reassign(Guid unitId, Guid appointmentId, Guid supervisor, ChangeReason reason,
        string note, bool wholeSeries, StaffActor who, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (CheckNote(reason, note) is { } badNote) return badNote;
        if (!IsSupervisor(config, supervisor)) return Refusal.InvalidField("supervisor", "Not an active child supervisor of the unit.");
        return await runner.Run(unitId, who.Actor, async (write, token) =>
        {
            var first = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(appointmentId), token);
            if (Refused(who, first.State) is { } refused) return Step<Outcome<IReadOnlyList<Appointment>>>.Answer(refused);
            var meetings = new List<EventStream<AppointmentCommand, Appointment, AppointmentEvent>> { first };
            if (wholeSeries && first.State is { SeriesId: { } series, FamilyId: { } familyId })
                foreach (var other in await SeriesMeetings(unitId, familyId, appointmentId, token))
                {
                    var stream = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(other), token);
                    if (stream.State.SeriesId == series && stream.State.Status == AppointmentStatus.Booked && stream.State.Start > write.Now)
                        meetings.Add(stream);
                }

            var changed = new List<Appointment>();
            foreach (var meeting in meetings)
            {
                var before = meeting.State;
                if (meeting.Decide(new ReassignAppointment(before.Id, supervisor, reason, who.Actor, write.Now)).Error is { } error)
                    return Step<Outcome<IReadOnlyList<Appointment>>>.Answer(error);
                if (meeting.Appended.Count == 0) continue;
                var date = before.Start.InZone(config.Zone).Date;
                (await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(before.SupervisorId, date), token))
                    .Decide(new ReleaseSlot(before.SupervisorId, date, before.Id, write.Now));
                if (await Reserve(write, config, meeting.State, supervisor, token) is { } taken)
                    return Step<Outcome<IReadOnlyList<Appointment>>>.Answer(taken);
                Note(write, unitId, before.Id, "reassigned", reason, note, who);
                changed.Add(meeting.State);
            }
            return changed.Count == 0
                ? Step<Outcome<IReadOnlyList<Appointment>>>.Answer(Outcome<IReadOnlyList<Appointment>>.Of([first.State]))
                : Step<Outcome<IReadOnlyList<Appointment>>>.Save(Outcome<IReadOnlyList<Appointment>>.Of(changed));
        }, () => Task.FromResult<Outcome<IReadOnlyList<Appointment>>>(Busy()), ct);
    }

    /// <summary>Releases the meeting's time in each of its professionals' days (the shared step of every cancel and move).</summary>
    internal static async Task ReleaseAll(WriteAttempt write, UnitConfiguration config, Appointment before, CancellationToken ct)
    {
        var date = before.Start.InZone(config.Zone).Date;
        foreach (var professional in before.Professionals)
            (await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(professional, date), ct))
                .Decide(new ReleaseSlot(professional, date, before.Id, write.Now));
    }

    /// <summary>Reserves the meeting's (new) time in each of its professionals' days; the refusal when one is not free then.</summary>
    private static async Task<Refusal?> ReserveAll(WriteAttempt write, UnitConfiguration config, Appointment after, CancellationToken ct)
    {
        foreach (var professional in after.Professionals)
            if (await Reserve(write, config, after, professional, ct) is { } refusal) return refusal;
        return null;
    }

    private static async Task<Refusal?> Reserve(WriteAttempt write, UnitConfiguration config, Appointment meeting, Guid professional,
        CancellationToken ct)
    {
        var date = meeting.Start.InZone(config.Zone).Date;
        var day = await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(professional, date), ct);
        var decision = day.Decide(new ReserveSlot(professional, date, meeting.Id, meeting.Start, meeting.OccupiedUntil,
            FreeTimes.BookableHours(config, professional, date), write.Now));
        if (decision.Error is not { } error) return null;
        var who = config.Member(professional)?.DisplayName ?? "?";
        var when = meeting.Start.InZone(config.Zone).LocalDateTime;
        return error.Code == "slot_taken"
            ? new Refusal(new DomainError("slot_taken", $"{who} is not free at {when:yyyy-MM-dd HH:mm}.", ErrorKind.Conflict, "start"))
            : new Refusal(new DomainError("not_a_bookable_time", $"{who} has no working hours at {when:yyyy-MM-dd HH:mm}.", ErrorKind.Rule, "start"));
    }

    private static Refusal? Refused(StaffActor who, Appointment meeting) =>
        meeting.Status == AppointmentStatus.None
            ? new Refusal(new DomainError("appointment_not_found", "No such meeting.", ErrorKind.NotFound))
            : MayChange(who, meeting) is { } forbidden ? new Refusal(forbidden) : null;

    private static Refusal? CheckNote(ChangeReason reason, string note)
    {
        if (note.Length > MaxNote) return Refusal.InvalidField("note", $"The explanation must be at most {MaxNote} characters.");
        if (ClientInput.ControlCharacterProblem(note, multiline: true) is { } problem) return Refusal.InvalidField("note", $"note {problem}");
        if (reason == ChangeReason.Other && string.IsNullOrWhiteSpace(note))
            return Refusal.InvalidField("note", "Explain the reason when it is 'other'.");
        return null;
    }

    private static bool IsSupervisor(UnitConfiguration config, Guid id) => config.Member(id) is { Active: true, Role: StaffRole.ChildSupervisor };

    private static void Note(WriteAttempt write, Guid unitId, Guid appointmentId, string change, ChangeReason reason, string note, StaffActor who)
    {
        if (!string.IsNullOrWhiteSpace(note))
            write.Store(new AppointmentChangeNote(unitId, appointmentId, change, reason, note.Trim(), who.Actor, write.Now));
    }

    private async Task<IReadOnlyList<Guid>> SeriesMeetings(Guid unitId, Guid familyId, Guid except, CancellationToken ct)
    {
        var events = await store.ReadStream(unitId, StreamIds.Family(familyId), ct);
        return events.Aggregate(Secretary.Family.Initial, (s, e) => Secretary.Family.Evolve(s, e.Data))
            .Meetings.Select(m => m.AppointmentId).Where(id => id != except).Distinct().ToList();
    }

    private async Task<Appointment> Load(Guid unitId, Guid appointmentId, CancellationToken ct)
    {
        var events = await store.ReadStream(unitId, StreamIds.Appointment(appointmentId), ct);
        return AppointmentDecider.Definition.Fold(events);
    }

    private async Task<IReadOnlyList<StaffMeeting>> Describe(Guid unitId, IReadOnlyList<Appointment> meetings, CancellationToken ct)
    {
        var people = await contacts.Find(unitId, meetings.SelectMany(a => a.OtherParentClientId is { } o ? [a.ClientId, o] : new[] { a.ClientId })
            .ToList(), ct);
        return meetings.Select(a => new StaffMeeting(a, BookingReference.Of(a.Id), people.GetValueOrDefault(a.ClientId),
            a.OtherParentClientId is { } o ? people.GetValueOrDefault(o) : null)).ToList();
    }

    private static DomainError Busy() => WriteRunner.Busy("The meeting was being changed at the same moment. Please try again.");
}
