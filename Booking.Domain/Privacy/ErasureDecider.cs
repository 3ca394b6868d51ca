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
    public static readonly Decider<EraseFamilyData, ErasableFamily, PrivacyEvent> Definition =
        new(StreamIds.FamilyType, ErasableFamily.Initial, ErasableFamily.Evolve, Decide);

    public static Decision<PrivacyEvent> Decide(EraseFamilyData command, Family state) => Decide(command, new ErasableFamily(state, null));

    public static Decision<PrivacyEvent> Decide(EraseFamilyData command, ErasableFamily erasable)
    {
        var state = erasable.Family;
        if (!state.Exists) return new DomainError("family_not_found", "No such family.", ErrorKind.NotFound);
        // Erased and nothing new since: a repeated (or simultaneous) erasure has nothing left to erase or record.
        if (erasable.Erased is not null) return Decision<PrivacyEvent>.Accept();
        if (command.FutureMeetings.Count > 0)
            return new DomainError(FutureMeeting,
                $"The family has {command.FutureMeetings.Count} meeting(s) still to come; cancel them first, then erase.", ErrorKind.Rule);
        return Decision<PrivacyEvent>.Accept(new FamilyPersonalDataErased(command.FamilyId, command.Reason, command.Parents, command.Meetings,
            command.Actor, command.Now));
    }
}

/// <summary>The family as the secretary's deciders fold it, and its last erasure while nothing has happened since.</summary>
public sealed record ErasableFamily(Family Family, FamilyPersonalDataErased? Erased)
{
    public static readonly ErasableFamily Initial = new(Family.Initial, null);

    public static ErasableFamily Evolve(ErasableFamily state, object @event) =>
        @event is FamilyPersonalDataErased erased ? state with { Erased = erased } : new(Family.Evolve(state.Family, @event), null);
}

/// <summary>Erase now for a booking that is not a family's (an online booking): the same rule, on the appointment.</summary>
public sealed record EraseBookingData(Guid AppointmentId, ErasureReason Reason, int People, string Actor, Instant Now);

public static class BookingErasureDecider
{
    public const string PartOfFamily = "part_of_family";

    public static readonly Decider<EraseBookingData, ErasableBooking, AppointmentEvent> Definition =
        new(StreamIds.AppointmentType, ErasableBooking.Initial, ErasableBooking.Evolve, Decide);

    public static Decision<AppointmentEvent> Decide(EraseBookingData command, Appointment state) => Decide(command, new ErasableBooking(state, null));

    public static Decision<AppointmentEvent> Decide(EraseBookingData command, ErasableBooking erasable)
    {
        var state = erasable.Booking;
        if (state.Status == AppointmentStatus.None) return new DomainError("appointment_not_found", "No such booking.", ErrorKind.NotFound);
        if (erasable.Erased is not null) return Decision<AppointmentEvent>.Accept();
        if (state.FamilyId is not null)
            return new DomainError(PartOfFamily, "The booking belongs to a family the secretary keeps; erase the family's data instead.", ErrorKind.Rule);
        if (state.Status == AppointmentStatus.Booked && state.End > command.Now)
            return new DomainError(ErasureDecider.FutureMeeting, "The meeting is still to come; cancel it first, then erase.", ErrorKind.Rule);
        return Decision<AppointmentEvent>.Accept(new BookingPersonalDataErased(command.AppointmentId, command.Reason, command.People,
            command.Actor, command.Now));
    }
}

/// <summary>The appointment as the booking deciders fold it, and its last erasure while nothing has happened since.</summary>
public sealed record ErasableBooking(Appointment Booking, BookingPersonalDataErased? Erased)
{
    public static readonly ErasableBooking Initial = new(Appointment.Initial, null);

    public static ErasableBooking Evolve(ErasableBooking state, object @event) =>
        @event is BookingPersonalDataErased erased ? state with { Erased = erased } : new(Appointment.Evolve(state.Booking, @event), null);
}
