// The supervisor's day: the meetings they lead or join as the second professional, with what they need to prepare, and
// their walk-in duty. Contacts (the numbers to call, the emails) are shown to the supervisor's own day and to the
// secretary; a colleague looking at the team's days sees the times, not the people.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <param name="Leads">True when this supervisor leads the meeting; false when they join it as the second professional.</param>
/// <param name="Partner">The other professional of a pair meeting (the lead, or the second).</param>
public sealed record DayMeeting(Appointment Appointment, bool Leads, Guid? Partner, AppointmentNotes? Notes, ClientContact? Client,
    ClientContact? OtherParent);

public sealed record DayWalkIn(LocalTime From, LocalTime To, string Room);

public sealed record SupervisorDayView(Guid StaffId, LocalDate Date, IReadOnlyList<DayMeeting> Meetings, DayWalkIn? WalkIn, bool ContactsShown);

public interface IAppointmentNotesSource
{
    Task<IReadOnlyDictionary<Guid, AppointmentNotes>> For(Guid unitId, IReadOnlyCollection<Guid> appointmentIds, CancellationToken ct = default);
}

public sealed class SupervisorDays(
    IEventStore store,
    IUnitConfigurationSource configurations,
    IReservations reservations,
    IAppointmentNotesSource notes,
    IClientContacts contacts,
    IClock clock)
{
    private readonly WriteRunner runner = new(store, clock);

    public async Task<SupervisorDayView> Of(Guid unitId, Guid staffId, LocalDate date, bool withContacts, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var held = await reservations.Between(unitId, OnlineBooking.StartOf(config, date), OnlineBooking.StartOf(config, date.PlusDays(1)), ct);
        var ids = held.Where(r => r.StaffId == staffId).Select(r => r.AppointmentId).Distinct().ToList();
        var appointments = new List<Appointment>();
        foreach (var id in ids)
        {
            var events = await store.ReadStream(unitId, StreamIds.Appointment(id), ct);
            var a = events.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e.Data));
            if (a.Status != AppointmentStatus.None && a.Start.InZone(config.Zone).Date == date) appointments.Add(a);
        }
        var notesFound = await notes.For(unitId, ids, ct);
        var people = withContacts
            ? await contacts.Find(unitId, appointments.SelectMany(a => a.OtherParentClientId is { } o ? [a.ClientId, o] : new[] { a.ClientId }).ToList(), ct)
            : new Dictionary<Guid, ClientContact>();
        var meetings = appointments.OrderBy(a => a.Start).Select(a =>
        {
            var leads = a.SupervisorId == staffId;
            return new DayMeeting(a, leads, leads ? a.SecondProfessionalId : a.SupervisorId, notesFound.GetValueOrDefault(a.Id),
                people.GetValueOrDefault(a.ClientId), a.OtherParentClientId is { } other ? people.GetValueOrDefault(other) : null);
        }).ToList();

        var walkIn = config.WalkInOrDefault;
        var duty = date.DayOfWeek == walkIn.Day && walkIn.OnDuty.Contains(staffId) && config.ClosedBecause(date) is null
                   && !config.IsAbsent(staffId, date)
            ? new DayWalkIn(walkIn.From, walkIn.To, walkIn.RoomOf(staffId))
            : null;
        return new SupervisorDayView(staffId, date, meetings, duty, withContacts);
    }

    /// <summary>The supervisor (lead or second professional) marks a meeting held or missed.</summary>
    public Task<Outcome<Appointment>> Mark(Guid unitId, Guid appointmentId, Guid staffId, bool held, CancellationToken ct = default)
    {
        var actor = $"staff:{staffId:N}";
        return runner.Run(unitId, actor, async (write, token) =>
        {
            var stream = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(appointmentId), token);
            if (stream.State.Status != AppointmentStatus.None && !stream.State.Professionals.Contains(staffId))
                return Step<Outcome<Appointment>>.Answer(new DomainError(NotYourMeeting, "Only the meeting's own professionals can mark it.", ErrorKind.Rule));
            AppointmentCommand command = held ? new CompleteAppointment(appointmentId, actor, write.Now) : new MarkNoShow(appointmentId, actor, write.Now);
            return stream.Decide(command).Error is { } error
                ? Step<Outcome<Appointment>>.Answer(error)
                : Step<Outcome<Appointment>>.Save(stream.State);
        }, () => Task.FromResult<Outcome<Appointment>>(WriteRunner.Busy("The meeting was being changed at the same moment. Please try again.")), ct);
    }

    public const string NotYourMeeting = "not_your_meeting";

    /// <summary>A booked video meeting whose link nobody has set yet (the day shows "link missing" until staff add it).</summary>
    public static bool LinkMissing(DayMeeting m) =>
        m.Appointment is { Modality: Configuration.Modality.Video, Status: AppointmentStatus.Booked } && string.IsNullOrWhiteSpace(m.Notes?.VideoLink);
}

/// <summary>Who sees what of a supervisor's day, written once for the page and the API: the day's own supervisor and the
/// secretary (who books for everyone) see the clients' contacts; only the day's own supervisor marks its meetings.</summary>
public static class DayAccess
{
    public static bool CanMark(string? role, Guid? viewer, Guid staffId) => role == Staff.StaffRoles.Supervisor && viewer == staffId;

    public static bool ShowsContacts(string? role, Guid? viewer, Guid staffId) =>
        role == Staff.StaffRoles.Secretary || CanMark(role, viewer, staffId);
}
