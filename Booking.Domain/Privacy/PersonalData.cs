// The privacy use cases both doors call: a copy of what is held (for a booking from its manage link, for a family from
// the staff pages), what erasing a family would do, and erasing it through the one write path.
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using NodaTime;
using EraseStep = Booking.Domain.EventSourcing.Step<Booking.Domain.Outcome<Booking.Domain.Privacy.FamilyPersonalDataErased>>;

namespace Booking.Domain.Privacy;

public sealed class PersonalData(IEventStore store, IClientContacts contacts, IAppointmentNotesSource notes, IPersonalDataRecords records,
    IClock clock)
{
    private readonly WriteRunner runner = new(store, clock);

    /// <summary>A parent's copy from their manage link: their own contact details, this booking, the emails sent to them.
    /// The other parent's details are theirs, not in this copy.</summary>
    public async Task<PersonalDataCopy?> CopyOfBooking(Guid unitId, Guid appointmentId, CancellationToken ct = default)
    {
        var appointment = await LoadAppointment(unitId, appointmentId, ct);
        if (appointment.Status == AppointmentStatus.None) return null;
        var person = (await contacts.Find(unitId, [appointment.ClientId], ct)).GetValueOrDefault(appointment.ClientId);
        var meetings = await Meetings(unitId, [appointment], ct);
        return new PersonalDataCopy(clock.GetCurrentInstant(),
            person is null ? [] : [Person(person, null)], meetings, await records.EmailsTo(unitId, [appointment.ClientId], ct));
    }

    /// <summary>Everything held about a family, for staff to give the parents: each parent's details, the meetings, the emails.</summary>
    public async Task<PersonalDataCopy?> CopyOfFamily(Guid unitId, Guid familyId, CancellationToken ct = default)
    {
        var family = await LoadFamily(unitId, familyId, ct);
        if (!family.Exists) return null;
        var (people, meetings, clients) = await Gather(unitId, family, ct);
        return new PersonalDataCopy(clock.GetCurrentInstant(), people, meetings, await records.EmailsTo(unitId, clients, ct));
    }

    public async Task<ErasurePlan?> PlanErasure(Guid unitId, Guid familyId, CancellationToken ct = default)
    {
        var family = await LoadFamily(unitId, familyId, ct);
        if (!family.Exists) return null;
        var (people, meetings, clients) = await Gather(unitId, family, ct);
        var now = clock.GetCurrentInstant();
        return new ErasurePlan(familyId, null, people, meetings, [.. meetings.Where(m => StillToCome(m, now))],
            (await records.EmailsTo(unitId, clients, ct)).Count);
    }

    /// <summary>Erases the family's contacts, notes, links and email copies, and records who did it and why; refused
    /// (future_meeting) while a meeting of theirs is still to come.</summary>
    public Task<Outcome<FamilyPersonalDataErased>> EraseFamily(Guid unitId, Guid familyId, ErasureReason reason, string actor,
        CancellationToken ct = default) =>
        runner.Run(unitId, actor, async (write, token) =>
        {
            var stream = await write.Fetch(ErasureDecider.Definition, StreamIds.Family(familyId), token);
            var appointments = new List<Appointment>();
            foreach (var meeting in stream.State.Family.Meetings)
                if (await LoadAppointment(unitId, meeting.AppointmentId, token) is { Status: not AppointmentStatus.None } a) appointments.Add(a);
            var clients = Clients(stream.State.Family, appointments);
            var future = appointments.Where(a => a.Status == AppointmentStatus.Booked && a.End > write.Now).Select(a => a.Id).ToList();
            if (stream.Decide(new EraseFamilyData(familyId, reason, future, stream.State.Family.Parents.Count, appointments.Count, actor, write.Now))
                    .Error is { } error)
                return EraseStep.Answer(error);
            if (stream.Appended.Count == 0) return EraseStep.Answer(stream.State.Erased!); // already erased: the same answer
            write.Store(new PersonalDataErasure(unitId, clients, [.. appointments.Select(a => a.Id)]));
            return EraseStep.Save((FamilyPersonalDataErased)stream.Appended[0]);
        }, () => Task.FromResult<Outcome<FamilyPersonalDataErased>>(
            WriteRunner.Busy("The family was being changed at the same moment. Please try again.")), ct);

    /// <summary>An online booking (no family): its booker's and invited parent's details, the meeting, the emails.</summary>
    public async Task<PersonalDataCopy?> CopyOfBookingForStaff(Guid unitId, Guid appointmentId, CancellationToken ct = default)
    {
        var appointment = await LoadAppointment(unitId, appointmentId, ct);
        if (appointment.Status == AppointmentStatus.None) return null;
        var (people, meetings, clients) = await Gather(unitId, appointment, ct);
        return new PersonalDataCopy(clock.GetCurrentInstant(), people, meetings, await records.EmailsTo(unitId, clients, ct));
    }

    /// <summary>What erasing an online booking's data would do; null for no such booking. A family's booking is erased
    /// with its family (the plan then shows nothing may be erased here).</summary>
    public async Task<ErasurePlan?> PlanBookingErasure(Guid unitId, Guid appointmentId, CancellationToken ct = default)
    {
        var appointment = await LoadAppointment(unitId, appointmentId, ct);
        if (appointment.Status == AppointmentStatus.None) return null;
        var (people, meetings, clients) = await Gather(unitId, appointment, ct);
        var now = clock.GetCurrentInstant();
        return new ErasurePlan(appointment.FamilyId, appointmentId, people, meetings, [.. meetings.Where(m => StillToCome(m, now))],
            (await records.EmailsTo(unitId, clients, ct)).Count);
    }

    /// <summary>Erases an online booking's contacts (booker and invited parent), video link, note, links and email copies;
    /// refused while the meeting is to come or when the booking is a family's (erase the family then).</summary>
    public Task<Outcome<BookingPersonalDataErased>> EraseBooking(Guid unitId, Guid appointmentId, ErasureReason reason, string actor,
        CancellationToken ct = default) =>
        runner.Run(unitId, actor, async (write, token) =>
        {
            var stream = await write.Fetch(BookingErasureDecider.Definition, StreamIds.Appointment(appointmentId), token);
            var clients = ClientsOf(stream.State.Booking);
            if (stream.Decide(new EraseBookingData(appointmentId, reason, clients.Count, actor, write.Now)).Error is { } error)
                return Step<Outcome<BookingPersonalDataErased>>.Answer(error);
            if (stream.Appended.Count == 0) return Step<Outcome<BookingPersonalDataErased>>.Answer(stream.State.Erased!);
            write.Store(new PersonalDataErasure(unitId, clients, [appointmentId]));
            return Step<Outcome<BookingPersonalDataErased>>.Save((BookingPersonalDataErased)stream.Appended[0]);
        }, () => Task.FromResult<Outcome<BookingPersonalDataErased>>(
            WriteRunner.Busy("The booking was being changed at the same moment. Please try again.")), ct);

    private static List<Guid> ClientsOf(Appointment a) =>
        a.OtherParentClientId is { } other && other != a.ClientId ? [a.ClientId, other] : [a.ClientId];

    private async Task<(List<CopyPerson> People, List<CopyMeeting> Meetings, List<Guid> Clients)> Gather(Guid unitId, Appointment appointment,
        CancellationToken ct)
    {
        var clients = ClientsOf(appointment);
        var found = await contacts.Find(unitId, clients, ct);
        var people = clients.Where(found.ContainsKey).Select(c => Person(found[c], c == appointment.ClientId ? "booker" : "otherParent")).ToList();
        return (people, await Meetings(unitId, [appointment], ct), clients);
    }

    private static bool StillToCome(CopyMeeting m, Instant now) => m.Status == AppointmentStatus.Booked && m.End > now;

    private static List<Guid> Clients(Family family, IEnumerable<Appointment> appointments) =>
        [.. family.Parents.Select(p => p.ClientId)
            .Concat(appointments.Select(a => a.ClientId))
            .Concat(appointments.Where(a => a.OtherParentClientId is not null).Select(a => a.OtherParentClientId!.Value))
            .Distinct()];

    private async Task<(List<CopyPerson> People, List<CopyMeeting> Meetings, List<Guid> Clients)> Gather(Guid unitId, Family family,
        CancellationToken ct)
    {
        var appointments = new List<Appointment>();
        foreach (var meeting in family.Meetings)
            if (await LoadAppointment(unitId, meeting.AppointmentId, ct) is { Status: not AppointmentStatus.None } a) appointments.Add(a);
        var clients = Clients(family, appointments);
        var found = await contacts.Find(unitId, clients, ct);
        var people = clients.Where(found.ContainsKey)
            .Select(c => Person(found[c], family.Parents.FirstOrDefault(p => p.ClientId == c)?.Role.ToString())).ToList();
        return (people, await Meetings(unitId, appointments, ct), clients);
    }

    private async Task<List<CopyMeeting>> Meetings(Guid unitId, IReadOnlyList<Appointment> appointments, CancellationToken ct)
    {
        var held = await notes.For(unitId, [.. appointments.Select(a => a.Id)], ct);
        return [.. appointments.OrderBy(a => a.Start).Select(a =>
        {
            var n = held.GetValueOrDefault(a.Id);
            return new CopyMeeting(a.Id, a.AppointmentType, a.Modality, a.Start, a.End, a.Status,
                string.IsNullOrWhiteSpace(n?.VideoLink) ? null : n.VideoLink,
                string.IsNullOrWhiteSpace(n?.PreparationNote) ? null : n.PreparationNote);
        })];
    }

    private static CopyPerson Person(ClientContact c, string? role) => new(c.ClientId, role, c.Name, c.Email, c.Phone, c.Language);

    private async Task<Appointment> LoadAppointment(Guid unitId, Guid appointmentId, CancellationToken ct) =>
        AppointmentDecider.Definition.Fold(await store.ReadStream(unitId, StreamIds.Appointment(appointmentId), ct));

    private async Task<Family> LoadFamily(Guid unitId, Guid familyId, CancellationToken ct) =>
        FamilyDecider.Definition.Fold(await store.ReadStream(unitId, StreamIds.Family(familyId), ct));
}
