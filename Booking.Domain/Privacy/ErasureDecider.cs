// Erase now: the rule that a family's data may be erased only when no meeting of theirs is still to come (the unit
// would have no way to reach them, and the supervisor no names). The state is the family stream's own (Family.Evolve).
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using NodaTime;

namespace Booking.Domain.Privacy;

/// <param name="FutureMeetings">The family's meetings still booked that have not ended (read fresh by the use case).</param>
public sealed record EraseFamilyData(Guid FamilyId, ErasureReason Reason, IReadOnlyList<Guid> FutureMeetings, int Parents, int Meetings,
    string Actor, Instant Now);

public static class ErasureDecider
{
    public const string FutureMeeting = "future_meeting";

    /// <summary>On the family stream (its type and evolve), so that a meeting booked meanwhile makes the erasure decide again.</summary>
    public static readonly Decider<EraseFamilyData, Family, PrivacyEvent> Definition =
        new(StreamIds.FamilyType, Family.Initial, Family.Evolve, Decide);

    public static Decision<PrivacyEvent> Decide(EraseFamilyData command, Family state) => command switch
    {
        _ when !state.Exists => new DomainError("family_not_found", "No such family.", ErrorKind.NotFound),
        { FutureMeetings.Count: > 0 } => new DomainError(FutureMeeting,
            $"The family has {command.FutureMeetings.Count} meeting(s) still to come; cancel them first, then erase.", ErrorKind.Rule),
        _ => Decision<PrivacyEvent>.Accept(new FamilyPersonalDataErased(command.FamilyId, command.Reason, command.Parents, command.Meetings,
            command.Actor, command.Now)),
    };
}

/// <summary>Erase now for a booking that is not a family's (an online booking): the same rule, on the appointment.</summary>
public sealed record EraseBookingData(Guid AppointmentId, ErasureReason Reason, int People, string Actor, Instant Now);

public static class BookingErasureDecider
{
    public const string PartOfFamily = "part_of_family";

    public static readonly Decider<EraseBookingData, Appointment, AppointmentEvent> Definition =
        new(StreamIds.AppointmentType, Appointment.Initial, Appointment.Evolve, Decide);

    public static Decision<AppointmentEvent> Decide(EraseBookingData command, Appointment state) => command switch
    {
        _ when state.Status == AppointmentStatus.None => new DomainError("appointment_not_found", "No such booking.", ErrorKind.NotFound),
        _ when state.FamilyId is not null => new DomainError(PartOfFamily,
            "The booking belongs to a family the secretary keeps; erase the family's data instead.", ErrorKind.Rule),
        _ when state.Status == AppointmentStatus.Booked && state.End > command.Now => new DomainError(ErasureDecider.FutureMeeting,
            "The meeting is still to come; cancel it first, then erase.", ErrorKind.Rule),
        _ => Decision<AppointmentEvent>.Accept(new BookingPersonalDataErased(command.AppointmentId, command.Reason, command.People,
            command.Actor, command.Now)),
    };
}
