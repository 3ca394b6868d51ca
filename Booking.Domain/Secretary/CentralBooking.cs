// The office secretary's central booking for a family: the class's state and the rules its use cases share; each use
// case has its own file (CentralBooking.FreeTimes.cs, .OfferHours.cs, .Book.cs, .LeadTime.cs). Free times across the
// team (with who is free), and booking on the family's behalf — impartially by default, or keeping the family's supervisor with a reason; a joint meeting with
// both parents; pair work with a second professional; in person, by video (with its link) or by phone; up to five
// meetings in one go, all with the same supervisor, all or none.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using NodaTime;

namespace Booking.Domain.Secretary;

/// <summary>A manage or invitation link made by the caller: the token's hash for lookup and its sealed copy for the email.</summary>
public sealed record IssuedLink(string Hash, string Sealed);

public sealed record CentralMeeting(Guid AppointmentId, LocalDateTime Start, IssuedLink ClientLink, IssuedLink? OtherParentLink = null);

/// <param name="ClientId">The parent the bookings are made for (a parent of the family).</param>
/// <param name="OtherParentClientId">A joint meeting: the other parent of the family, invited by email.</param>
public sealed record CentralBookingRequest(
    Guid FamilyId,
    Guid SeriesId,
    string AppointmentType,
    Modality Modality,
    IReadOnlyList<CentralMeeting> Meetings,
    Guid ClientId,
    Guid? OtherParentClientId = null,
    Guid? KeepSupervisor = null,
    KeepReason? KeepReason = null,
    Guid? SecondProfessional = null,
    string VideoLink = "",
    string PreparationNote = "",
    string KeepReasonNote = "");

/// <param name="Replayed">A repeat of a request already booked: these are the meetings it booked then.</param>
public sealed record CentralBooked(IReadOnlyList<Appointment> Appointments, Guid SupervisorId, Guid? SecondProfessionalId, bool Replayed = false);

public sealed record TeamFreeTimesQuery(string AppointmentType, Modality Modality, LocalDate From, LocalDate To, TeamOptions Options);

public sealed partial class CentralBooking(
    IEventStore store,
    IUnitConfigurationSource configurations,
    IReservations reservations,
    IOfferedHoursSource offeredHours,
    IClock clock,
    Func<int, int> pick,
    BookingLinks? links = null)
{
    public const int MaxSeries = 5;
    public const int MaxNote = 2000;
    private readonly WriteRunner runner = new(store, clock);

    private BookingLinks Links => links ?? throw new InvalidOperationException("CentralBooking was made without its BookingLinks.");
    private const int NextFreeTimesShown = 5;

    private static Refusal? CheckOptions(UnitConfiguration config, TeamOptions options)
    {
        if (options.Supervisor is { } supervisor && config.Member(supervisor) is not { Active: true, Role: StaffRole.ChildSupervisor })
            return Refusal.InvalidField("supervisor", "Not an active child supervisor of the unit.");
        if (options.SecondProfessional is { } second)
        {
            if (config.Member(second) is not { Active: true, Role: StaffRole.ChildSupervisor or StaffRole.PartnerProfessional })
                return Refusal.InvalidField("secondProfessional", "The second professional must be an active supervisor or partner professional.");
            if (second == options.Supervisor)
                return Refusal.InvalidField("secondProfessional", "Pair work needs a second professional other than the supervisor.");
        }
        return null;
    }

    public static bool IsVideoLink(string? value) => Appointments.VideoLinks.Problem(value) is null;

    public async Task<Appointment> Load(Guid unitId, Guid appointmentId, CancellationToken ct = default)
    {
        var events = await store.ReadStream(unitId, StreamIds.Appointment(appointmentId), ct);
        return events.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e.Data));
    }

    private async Task<Family> LoadFamily(Guid unitId, Guid familyId, CancellationToken ct)
    {
        var events = await store.ReadStream(unitId, StreamIds.Family(familyId), ct);
        return events.Aggregate(Family.Initial, (s, e) => Family.Evolve(s, e.Data));
    }

    private async Task<IReadOnlyList<FreeTime>> Find(Guid unitId, UnitConfiguration config, AppointmentType type, LocalDate from, LocalDate to,
        TeamOptions options, CancellationToken ct)
    {
        var held = await reservations.Between(unitId, OnlineBooking.StartOf(config, from), OnlineBooking.StartOf(config, to.PlusDays(1)), ct);
        var offered = options.SecondProfessional is null ? [] : await offeredHours.Between(unitId, from, to, ct);
        return TeamFreeTimes.Find(config, type, from, to, held, offered, options);
    }

    private async Task<Refusal> Taken(Guid unitId, UnitConfiguration config, AppointmentType type, TeamOptions options, LocalDateTime wanted,
        CancellationToken ct)
    {
        var last = config.OnlineWindow(clock.GetCurrentInstant().InZone(config.Zone).Date).Last;
        var until = last < wanted.Date.PlusWeeks(2) ? last : wanted.Date.PlusWeeks(2);
        var next = until < wanted.Date ? [] : (await Find(unitId, config, type, wanted.Date, until, options, ct))
            .Where(f => f.Start > wanted).Take(NextFreeTimesShown).ToList();
        return new Refusal(new DomainError("slot_taken", "That time was just taken. Please choose another time.", ErrorKind.Conflict, "meetings"),
            NextFreeTimes: next);
    }
}
