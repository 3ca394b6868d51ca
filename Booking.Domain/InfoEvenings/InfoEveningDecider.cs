// The info evening rules: registration inside its window, seats first come first served, a waiting list in arrival
// order that is promoted in that order (never skipping ahead), attendance marked by staff.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.InfoEvenings;

public abstract record InfoEveningCommand(Instant Now);

public sealed record ScheduleEvening(Guid EveningId, string Title, string Description, Instant Start, Instant End, string? Place,
    string? OnlineLink, Language Language, int Capacity, IReadOnlyList<string> Partners, Instant RegistrationOpens,
    Instant RegistrationCloses, string By, Instant Now) : InfoEveningCommand(Now);

public sealed record CancelEvening(string Reason, string By, Instant Now) : InfoEveningCommand(Now);

/// <param name="Seats">1, or 2 when both parents come.</param>
public sealed record Register(Guid RegistrationId, Guid ClientId, int Seats, Instant Now) : InfoEveningCommand(Now);

public sealed record CancelRegistration(Guid RegistrationId, Instant Now) : InfoEveningCommand(Now);

public sealed record MarkAttendance(Guid RegistrationId, bool Attended, string By, Instant Now) : InfoEveningCommand(Now);

public static class InfoEveningDecider
{
    /// <summary>This feature's decider in the one shape the write runner takes.</summary>
    public static readonly Decider<InfoEveningCommand, InfoEvening, InfoEveningEvent> Definition = new(StreamIds.EveningType, InfoEvening.Initial, InfoEvening.Evolve, Decide);

    public const int MaxCapacity = 500;
    public const int MaxSeats = 2;

    /// <summary>How long before the start staff may mark attendance at the door.</summary>
    public static readonly Duration AttendanceFrom = Duration.FromHours(1);

    public static Decision<InfoEveningEvent> Decide(InfoEveningCommand command, InfoEvening state) => command switch
    {
        ScheduleEvening c => Schedule(c, state),
        _ when !state.Scheduled => new DomainError("evening_not_found", "There is no such info evening.", ErrorKind.NotFound),

        CancelEvening when state.Cancelled => Decision<InfoEveningEvent>.Nothing,
        CancelEvening c when c.Now >= state.End => new DomainError("evening_past", "The evening is already over."),
        CancelEvening c => Decision<InfoEveningEvent>.Accept(new EveningCancelled(state.EveningId, c.Reason, c.By, c.Now)),

        Register c => Enrol(c, state),
        CancelRegistration c => Withdraw(c, state),

        MarkAttendance c => state.Registration(c.RegistrationId) switch
        {
            null => RegistrationNotFound(),
            { Status: not RegistrationStatus.Registered } => new DomainError("not_registered",
                "Only a registration holding seats can be marked as attended."),
            { Attended: var a } when a == c.Attended => Decision<InfoEveningEvent>.Nothing,
            _ when state.Cancelled => EveningCancelledError(),
            _ when c.Now < state.Start - AttendanceFrom => new DomainError("evening_not_started",
                "Attendance can be marked from one hour before the evening starts."),
            var r => Decision<InfoEveningEvent>.Accept(new AttendanceMarked(state.EveningId, r.RegistrationId, c.Attended, c.By, c.Now)),
        },

        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown info evening command."),
    };

    /// <summary>The rule broken by an evening's programme, or null. Kept here so a replayed event can never be invalid.</summary>
    public static DomainError? Check(ScheduleEvening c)
    {
        if (string.IsNullOrWhiteSpace(c.Title)) return Invalid("title", "The evening needs a title.");
        if (c.End <= c.Start) return Invalid("end", "The evening must end after it starts.");
        if (c.Capacity is < 1 or > MaxCapacity) return Invalid("capacity", $"Capacity must be 1 to {MaxCapacity} seats.");
        if (c.RegistrationCloses <= c.RegistrationOpens) return Invalid("registrationCloses", "Registration must close after it opens.");
        if (c.RegistrationCloses > c.Start) return Invalid("registrationCloses", "Registration must close no later than the evening starts.");
        if (string.IsNullOrWhiteSpace(c.Place) && string.IsNullOrWhiteSpace(c.OnlineLink))
            return Invalid("place", "Give a place or an online link.");
        return null;
    }

    private static Decision<InfoEveningEvent> Schedule(ScheduleEvening c, InfoEvening state)
    {
        if (state.Scheduled)
            return state.Title == c.Title && state.Start == c.Start && state.End == c.End && state.Capacity == c.Capacity
                ? Decision<InfoEveningEvent>.Nothing
                : new DomainError("evening_exists", "An evening with this id is already scheduled.", ErrorKind.Conflict);
        if (Check(c) is { } invalid) return invalid;
        return Decision<InfoEveningEvent>.Accept(new EveningScheduled(c.EveningId, c.Title.Trim(), c.Description.Trim(), c.Start, c.End,
            Blank(c.Place), Blank(c.OnlineLink), c.Language, c.Capacity, c.Partners.Select(p => p.Trim()).Where(p => p.Length > 0).ToList(),
            c.RegistrationOpens, c.RegistrationCloses, c.By, c.Now));
    }

    private static Decision<InfoEveningEvent> Enrol(Register c, InfoEvening state)
    {
        if (state.Registration(c.RegistrationId) is not null) return Decision<InfoEveningEvent>.Nothing;
        if (c.Seats is < 1 or > MaxSeats) return new DomainError("invalid_seats", $"Register 1 or {MaxSeats} seats.", ErrorKind.Invalid, "seats");
        if (state.Cancelled) return EveningCancelledError();
        if (c.Now < state.RegistrationOpens) return new DomainError("registration_not_open", "Registration for this evening has not opened yet.");
        if (c.Now >= state.RegistrationCloses) return new DomainError("registration_closed", "Registration for this evening has closed.");
        if (state.Registrations.Any(r => r.ClientId == c.ClientId && r.Status != RegistrationStatus.Cancelled))
            return new DomainError("already_registered", "You are already registered for this evening.", ErrorKind.Conflict);

        // Nobody overtakes the waiting list, even when a smaller party would fit in the seats left.
        return state.Waiting.Count == 0 && state.SeatsFree >= c.Seats
            ? Decision<InfoEveningEvent>.Accept(new Registered(state.EveningId, c.RegistrationId, c.ClientId, c.Seats, c.Now))
            : Decision<InfoEveningEvent>.Accept(new Waitlisted(state.EveningId, c.RegistrationId, c.ClientId, c.Seats, c.Now));
    }

    private static Decision<InfoEveningEvent> Withdraw(CancelRegistration c, InfoEvening state)
    {
        if (state.Registration(c.RegistrationId) is not { } registration) return RegistrationNotFound();
        if (registration.Status == RegistrationStatus.Cancelled) return Decision<InfoEveningEvent>.Nothing;
        if (state.Cancelled) return EveningCancelledError();
        if (c.Now >= state.Start) return new DomainError("evening_started", "The evening has already started.");

        var events = new List<InfoEveningEvent> { new RegistrationCancelled(state.EveningId, registration.RegistrationId, c.Now) };
        var seatsFree = state.SeatsFree + (registration.Status == RegistrationStatus.Registered ? registration.Seats : 0);
        foreach (var waiting in state.Waiting.Where(w => w.RegistrationId != registration.RegistrationId))
        {
            if (waiting.Seats > seatsFree) break;
            seatsFree -= waiting.Seats;
            events.Add(new PromotedFromWaitlist(state.EveningId, waiting.RegistrationId, c.Now));
        }
        return Decision<InfoEveningEvent>.Accept([.. events]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DomainError Invalid(string field, string message) => new("invalid_input", message, ErrorKind.Invalid, field);

    private static DomainError RegistrationNotFound() =>
        new("registration_not_found", "There is no such registration for this evening.", ErrorKind.NotFound);

    private static DomainError EveningCancelledError() => new("evening_cancelled", "The evening has been cancelled.");
}
