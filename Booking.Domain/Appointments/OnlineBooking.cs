// Online booking for clients (and the walk-in follow-up and the secretary's single bookings through the same rules): the
// class's state and the rules its use cases share. Each use case has its own file: OnlineBooking.FreeTimes.cs, .Book.cs,
// .Cancel.cs, .Move.cs, .Invitation.cs, .Links.cs. Every write goes through the one WriteRunner.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <param name="links">Makes and finds the links of a booking (manage link, invitation link) and the ids of a new booking;
/// the doors that book or open links need it.</param>
public sealed partial class OnlineBooking(
    IEventStore store,
    IUnitConfigurationSource configurations,
    IReservations reservations,
    IIdempotencyKeys idempotencyKeys,
    IClock clock,
    Func<int, int> pick,
    BookingLinks? links = null,
    RetryPolicy? retries = null)
{
    private const int NextFreeTimesShown = 5;

    private readonly WriteRunner runner = new(store, clock, retries);

    private BookingLinks Links => links ?? throw new InvalidOperationException("OnlineBooking was made without its BookingLinks.");

    public async Task<AppointmentView?> View(Guid unitId, Guid appointmentId, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var state = await Load(unitId, appointmentId, ct);
        return state.Status == AppointmentStatus.None ? null : AppointmentView.From(state, config.Zone, clock.GetCurrentInstant());
    }

    private async Task<Appointment> Load(Guid unitId, Guid appointmentId, CancellationToken ct)
    {
        var events = await store.ReadStream(unitId, StreamIds.Appointment(appointmentId), ct);
        return events.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e.Data));
    }

    internal static Refusal? CheckType(UnitConfiguration config, string typeCode, Modality modality, BookingChannel channel)
    {
        var type = config.Type(typeCode);
        if (type is null)
            return Refusal.InvalidField("appointmentType",
                $"Unknown appointment type '{typeCode}'. Known types: {string.Join(", ", config.AppointmentTypes.Select(t => t.Code))}.");
        if (channel == BookingChannel.Online && !type.OnlineBookable)
            return new Refusal(new DomainError("not_bookable_online",
                "This kind of meeting is booked through the office secretary, not online.", ErrorKind.Rule, "appointmentType"));
        if (!type.Modalities.Contains(modality))
            return new Refusal(new DomainError("modality_not_offered",
                $"This kind of meeting is offered as: {string.Join(", ", type.Modalities)}.", ErrorKind.Rule, "modality"));
        return null;
    }

    /// <summary>The calendar rules a requested start must meet: not past, from the next day, within the horizon, unit open.</summary>
    private Refusal? CheckTime(UnitConfiguration config, LocalDateTime start, BookingChannel channel) =>
        CheckTime(config, start, channel, clock.GetCurrentInstant());

    internal static Refusal? CheckTime(UnitConfiguration config, LocalDateTime start, BookingChannel channel, Instant now, string field = "start")
    {
        var today = now.InZone(config.Zone).Date;
        if (start.InZoneLeniently(config.Zone).ToInstant() <= now)
            return new Refusal(new DomainError("time_in_past", "That time has already passed.", ErrorKind.Rule, field));
        var (first, last) = config.OnlineWindow(today);
        if (channel == BookingChannel.Online && start.Date < first)
            return new Refusal(new DomainError("too_soon",
                "Online booking starts from the next day. For today, call the office secretary or come to the walk-in.", ErrorKind.Rule, field));
        if (start.Date > last)
            return new Refusal(new DomainError("beyond_horizon",
                $"Times can be booked up to {config.HorizonWeeks} weeks ahead (until {last:yyyy-MM-dd}).", ErrorKind.Rule, field));
        if (config.ClosedBecause(start.Date) is { } why)
            return new Refusal(new DomainError("unit_closed", $"The unit is closed on {start.Date:yyyy-MM-dd} ({why}).", ErrorKind.Rule, field));
        return null;
    }

    private sealed record Candidates(IReadOnlyList<Guid> Free, IReadOnlyDictionary<Guid, int> Load);

    private async Task<Outcome<Candidates>> FreeAt(Guid unitId, UnitConfiguration config, AppointmentType type, LocalDateTime start, CancellationToken ct)
    {
        var (monday, sunday) = ImpartialAssignment.WeekOf(start.Date);
        var week = await reservations.Between(unitId, StartOf(config, monday.PlusDays(-1)), StartOf(config, sunday.PlusDays(2)), ct);
        var free = FreeTimesOn(config, type, start, week);
        if (free is null) return NotBookable();
        return new Candidates(free.FreeStaff, LoadOf(config, week, monday, sunday));
    }

    private async Task<IReadOnlyDictionary<Guid, int>> WeeklyLoad(Guid unitId, UnitConfiguration config, LocalDate date, CancellationToken ct)
    {
        var (monday, sunday) = ImpartialAssignment.WeekOf(date);
        var week = await reservations.Between(unitId, StartOf(config, monday), StartOf(config, sunday.PlusDays(1)), ct);
        return LoadOf(config, week, monday, sunday);
    }

    internal static Dictionary<Guid, int> LoadOf(UnitConfiguration config, IReadOnlyList<Reservation> week, LocalDate monday, LocalDate sunday) =>
        week.Where(r => r.Start.InZone(config.Zone).Date is var d && d >= monday && d <= sunday)
            .GroupBy(r => r.StaffId).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The free time starting exactly at <paramref name="start"/>, with nobody free when taken;
    /// null when that start is not a bookable time at all (no one works then, or it is off the grid).</summary>
    private static FreeTime? FreeTimesOn(UnitConfiguration config, AppointmentType type, LocalDateTime start, IReadOnlyList<Reservation> held)
    {
        var possible = Appointments.FreeTimes.Find(config, type, start.Date, start.Date, []).FirstOrDefault(f => f.Start == start);
        if (possible is null) return null;
        return Appointments.FreeTimes.Find(config, type, start.Date, start.Date, held).FirstOrDefault(f => f.Start == start)
               ?? possible with { FreeStaff = [] };
    }

    internal static Refusal NotBookable() => new(new DomainError("not_a_bookable_time",
        "No one can be booked at that time. Choose one of the free times offered.", ErrorKind.Rule, "start"));

    /// <summary>The supervisor a booking must keep when moved: the one the family kept (with a reason), or the one holding
    /// the whole series; null when the booking may go to whoever is free.</summary>
    private static Guid? BoundSupervisor(Appointment a) => a.Kept is not null || a.SeriesId is not null ? a.SupervisorId : null;

    private async Task<Refusal> Taken(Guid unitId, UnitConfiguration config, AppointmentType type, LocalDateTime wanted, CancellationToken ct,
        Guid? onlyWith = null)
    {
        var (_, last) = config.OnlineWindow(clock.GetCurrentInstant().InZone(config.Zone).Date);
        var next = (await Find(unitId, config, type, wanted.Date, last < wanted.Date.PlusWeeks(2) ? last : wanted.Date.PlusWeeks(2), ct))
            .Where(f => f.Start > wanted && (onlyWith is not { } only || f.FreeStaff.Contains(only))).Take(NextFreeTimesShown).ToList();
        return new Refusal(new DomainError("slot_taken", "That time was just taken. Please choose another time.", ErrorKind.Conflict, "start"),
            NextFreeTimes: next);
    }

    private async Task<IReadOnlyList<FreeTime>> Find(Guid unitId, UnitConfiguration config, AppointmentType type, LocalDate from, LocalDate to,
        CancellationToken ct, Guid? ignoring = null)
    {
        var held = (await reservations.Between(unitId, StartOf(config, from), StartOf(config, to.PlusDays(1)), ct))
            .Where(r => r.AppointmentId != ignoring).ToList();
        return Appointments.FreeTimes.Find(config, type, from, to, held);
    }

    internal static Instant StartOf(UnitConfiguration config, LocalDate date) => date.AtStartOfDayInZone(config.Zone).ToInstant();

    /// <summary>After the last lost race: the time is "just taken" only when nobody is free then any more; otherwise the
    /// honest answer is that many were booking at once.</summary>
    private async Task<Refusal> TakenOrBusy(Guid unitId, UnitConfiguration config, AppointmentType type, LocalDateTime wanted, CancellationToken ct,
        Guid? onlyWith = null)
    {
        var (monday, sunday) = ImpartialAssignment.WeekOf(wanted.Date);
        var week = await reservations.Between(unitId, StartOf(config, monday.PlusDays(-1)), StartOf(config, sunday.PlusDays(2)), ct);
        var free = FreeTimesOn(config, type, wanted, week);
        if (free is not null && free.FreeStaff.Any(s => onlyWith is not { } only || s == only))
            return new Refusal(WriteRunner.Busy("Many people were booking at the same moment. Please try again."));
        return await Taken(unitId, config, type, wanted, ct, onlyWith);
    }
}

/// <summary>The ports behind a booking's links and ids: the host makes tokens and ids, and looks links up by their hash.</summary>
public sealed record BookingLinks(IManageTokenIssuer Tokens, IManageTokens ManageTokens, IInvitationTokens Invitations, Func<Guid> NewId);
