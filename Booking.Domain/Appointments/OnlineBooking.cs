// The booking use cases: free times, book, view, move and cancel. Each loads streams, decides, appends in one session.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Appointments;

/// <param name="Moving">When a client looks for a new time for this booking: its own reservation does not block times,
/// and its current time is not offered.</param>
public sealed record FreeTimesQuery(string AppointmentType, Modality Modality, LocalDate From, LocalDate To, Guid? Moving = null);

/// <summary>A booking request; the caller makes the ids, the token and the idempotency record (the domain never does).
/// PreferredSupervisor (a follow-up from a walk-in visit) is taken when free at that time; otherwise the choice is impartial.</summary>
public sealed record BookingRequest(
    Guid AppointmentId,
    Guid ClientId,
    Guid? OtherParentClientId,
    string AppointmentType,
    Modality Modality,
    LocalDateTime Start,
    ContactDetails Client,
    string? OtherParentEmail,
    string ManageTokenHash,
    string SealedToken,
    string? IdempotencyKey,
    string RequestFingerprint,
    BookingChannel Channel = BookingChannel.Online,
    Guid? PreferredSupervisor = null,
    string? OtherParentTokenHash = null,
    string? OtherParentSealedToken = null);

public sealed class OnlineBooking(
    IEventStore store,
    IUnitConfigurationSource configurations,
    IReservations reservations,
    IIdempotencyKeys idempotencyKeys,
    IClock clock,
    Func<int, int> pick)
{
    private const int Attempts = 4;
    private const int NextFreeTimesShown = 5;

    public async Task<Outcome<IReadOnlyList<FreeTime>>> FreeTimes(Guid unitId, FreeTimesQuery query, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (CheckType(config, query.AppointmentType, query.Modality, BookingChannel.Online) is { } refused) return refused;
        if (query.To < query.From) return Refusal.InvalidField("to", "The end date must not be before the start date.");

        var today = clock.GetCurrentInstant().InZone(config.Zone).Date;
        var (first, last) = config.OnlineWindow(today);
        var from = query.From < first ? first : query.From;
        var to = query.To > last ? last : query.To;
        if (to < from) return Outcome<IReadOnlyList<FreeTime>>.Of([]);
        var found = await Find(unitId, config, config.Type(query.AppointmentType)!, from, to, ct, query.Moving);
        if (query.Moving is { } moving && await Load(unitId, moving, ct) is { Status: AppointmentStatus.Booked } current)
            found = found.Where(f => f.StartsAt != current.Start
                                     && (BoundSupervisor(current) is not { } bound || f.FreeStaff.Contains(bound))).ToList();
        return Outcome<IReadOnlyList<FreeTime>>.Of(found);
    }

    public async Task<Outcome<BookedAppointment>> Book(Guid unitId, BookingRequest request, CancellationToken ct = default)
    {
        var fields = request.Client.Validate();
        if (request.OtherParentEmail is { Length: > 0 } other)
        {
            if (!ContactDetails.IsEmail(other)) fields["otherParentEmail"] = ["The other parent's email must be a valid address."];
            else if (string.Equals(other.Trim(), request.Client.Email.Trim(), StringComparison.OrdinalIgnoreCase))
                fields["otherParentEmail"] = ["The other parent's email must differ from yours."];
        }
        if (fields.Count > 0) return Refusal.Invalid(fields);

        if (request.IdempotencyKey is { } key && await idempotencyKeys.Find(unitId, key, ct) is { } earlier)
            return await Replay(unitId, earlier, request, ct);

        var config = await configurations.Current(unitId, ct);
        if (CheckType(config, request.AppointmentType, request.Modality, request.Channel) is { } refusedType) return refusedType;
        var type = config.Type(request.AppointmentType)!;
        if (CheckTime(config, request.Start, request.Channel) is { } refusedTime) return refusedTime;

        var start = request.Start.InZoneLeniently(config.Zone).ToInstant();
        var end = start + type.Length;
        var occupiedUntil = start + type.Occupies;
        var actor = $"client:{request.ClientId:N}";

        for (var attempt = 1; ; attempt++)
        {
            var candidates = await FreeAt(unitId, config, type, request.Start, ct);
            if (candidates.Refusal is not null) return candidates.Refusal;
            var supervisor = request.PreferredSupervisor is { } preferred && candidates.Value!.Free.Contains(preferred)
                ? preferred
                : ImpartialAssignment.Choose(candidates.Value!.Free, candidates.Value.Load, pick);
            if (supervisor is null) return await Taken(unitId, config, type, request.Start, ct);

            await using var session = store.OpenSession(unitId, actor);
            var now = clock.GetCurrentInstant();
            var staffDay = await StageReservation(session, config, supervisor.Value, request.Start.Date, request.AppointmentId,
                start, occupiedUntil, now, ct);
            if (staffDay is not null) { if (attempt < Attempts) continue; return await Taken(unitId, config, type, request.Start, ct); }

            var appointment = await session.FetchForWriting(StreamIds.Appointment(request.AppointmentId), Appointment.Initial, Appointment.Evolve, ct);
            var decision = AppointmentDecider.Decide(new BookAppointment(request.AppointmentId, request.ClientId,
                request.OtherParentEmail is { Length: > 0 } ? request.OtherParentClientId : null, type.Code, request.Modality,
                start, end, occupiedUntil, supervisor.Value, request.Channel, actor, now), appointment.State);
            if (decision.Error is { } error) return error;
            session.Append(appointment.StreamId, StreamIds.AppointmentType, appointment.Version, decision.Events);

            var client = request.Client.Normalised();
            session.Store(new ClientContact(unitId, request.ClientId, client.Name, client.Email, client.Phone, client.Language));
            if (request.OtherParentEmail is { Length: > 0 } otherEmail && request.OtherParentClientId is { } otherId)
            {
                session.Store(new ClientContact(unitId, otherId, "", otherEmail.Trim(), "", client.Language));
                if (request.OtherParentTokenHash is { Length: > 0 } invitationHash && request.OtherParentSealedToken is { Length: > 0 } invitationSealed)
                    session.Store(new InvitationToken(unitId, request.AppointmentId, otherId, invitationHash, invitationSealed));
            }
            session.Store(new ManageToken(unitId, request.AppointmentId, request.ClientId, request.ManageTokenHash, request.SealedToken));
            if (request.IdempotencyKey is { } idempotencyKey)
                session.Store(new IdempotencyRecord(unitId, idempotencyKey, request.RequestFingerprint, request.AppointmentId, request.SealedToken));

            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (ConcurrencyException)
            {
                if (request.IdempotencyKey is { } retriedKey && await idempotencyKeys.Find(unitId, retriedKey, ct) is { } winner)
                    return await Replay(unitId, winner, request, ct);
                if (attempt < Attempts) continue;
                return await Taken(unitId, config, type, request.Start, ct);
            }

            var booked = decision.Events.Aggregate(appointment.State, (s, e) => Appointment.Evolve(s, e));
            return new BookedAppointment(AppointmentView.From(booked, config.Zone, now), request.SealedToken, Replayed: false);
        }
    }

    public async Task<AppointmentView?> View(Guid unitId, Guid appointmentId, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var state = await Load(unitId, appointmentId, ct);
        return state.Status == AppointmentStatus.None ? null : AppointmentView.From(state, config.Zone, clock.GetCurrentInstant());
    }

    public async Task<Outcome<AppointmentView>> Cancel(Guid unitId, Guid appointmentId, string actor, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.OpenSession(unitId, actor);
            var now = clock.GetCurrentInstant();
            var appointment = await session.FetchForWriting(StreamIds.Appointment(appointmentId), Appointment.Initial, Appointment.Evolve, ct);
            var decision = AppointmentDecider.Decide(new CancelAppointment(appointmentId, actor, now), appointment.State);
            if (decision.Error is { } error) return error;
            if (decision.Events.Count > 0)
            {
                session.Append(appointment.StreamId, StreamIds.AppointmentType, appointment.Version, decision.Events);
                var a = appointment.State;
                foreach (var professional in a.Professionals)
                    await StageRelease(session, professional, a.Start.InZone(config.Zone).Date, appointmentId, now, ct);
                try { await session.SaveChangesAsync(ct); }
                catch (ConcurrencyException)
                {
                    if (attempt < Attempts) continue;
                    return new DomainError("busy", "The booking was being changed at the same moment. Please try again.", ErrorKind.Conflict);
                }
            }
            var after = decision.Events.Aggregate(appointment.State, (s, e) => Appointment.Evolve(s, e));
            return AppointmentView.From(after, config.Zone, now);
        }
    }

    /// <summary>The invited other parent accepts or declines; answering the same again changes nothing.</summary>
    public async Task<Outcome<AppointmentView>> RespondToInvitation(Guid unitId, Guid appointmentId, bool accepted, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        for (var attempt = 1; ; attempt++)
        {
            var current = await Load(unitId, appointmentId, ct);
            var actor = current.OtherParentClientId is { } other ? $"client:{other:N}" : "client:invitation";
            await using var session = store.OpenSession(unitId, actor);
            var now = clock.GetCurrentInstant();
            var appointment = await session.FetchForWriting(StreamIds.Appointment(appointmentId), Appointment.Initial, Appointment.Evolve, ct);
            var decision = AppointmentDecider.Decide(new RespondToInvitation(appointmentId, accepted, actor, now), appointment.State);
            if (decision.Error is { } error) return error;
            if (decision.Events.Count > 0)
            {
                session.Append(appointment.StreamId, StreamIds.AppointmentType, appointment.Version, decision.Events);
                try { await session.SaveChangesAsync(ct); }
                catch (ConcurrencyException)
                {
                    if (attempt < Attempts) continue;
                    return new DomainError("busy", "The booking was being changed at the same moment. Please try again.", ErrorKind.Conflict);
                }
            }
            var after = decision.Events.Aggregate(appointment.State, (s, e) => Appointment.Evolve(s, e));
            return AppointmentView.From(after, config.Zone, now);
        }
    }

    /// <summary>Moves a booking to another free time: the same supervisor when free then, else an impartial choice.</summary>
    public async Task<Outcome<AppointmentView>> Move(Guid unitId, Guid appointmentId, LocalDateTime newStart, string actor,
        BookingChannel channel = BookingChannel.Online, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        for (var attempt = 1; ; attempt++)
        {
            var current = await Load(unitId, appointmentId, ct);
            var now = clock.GetCurrentInstant();
            var preCheck = AppointmentDecider.Decide(new MoveAppointment(appointmentId, now + Duration.FromDays(1), now + Duration.FromDays(1),
                now + Duration.FromDays(1), current.SupervisorId, actor, now), current);
            if (preCheck.Error is { } stateError) return stateError;
            var type = config.Type(current.AppointmentType);
            if (type is null) return new DomainError("type_retired", "This kind of meeting can no longer be booked; please contact the unit.");
            if (CheckTime(config, newStart, channel) is { } refusedTime) return refusedTime;

            var start = newStart.InZoneLeniently(config.Zone).ToInstant();
            if (start == current.Start) return AppointmentView.From(current, config.Zone, now);
            var others = (await reservations.Between(unitId, start - Duration.FromDays(1), start + Duration.FromDays(1), ct))
                .Where(r => r.AppointmentId != appointmentId).ToList();
            var free = FreeTimesOn(config, type, newStart, others);
            if (free is null) return NotBookable();
            var bound = BoundSupervisor(current);
            var supervisor = free.FreeStaff.Contains(current.SupervisorId)
                ? current.SupervisorId
                : bound is not null ? null : ImpartialAssignment.Choose(free.FreeStaff, await WeeklyLoad(unitId, config, newStart.Date, ct), pick);
            if (supervisor is null) return await Taken(unitId, config, type, newStart, ct, bound);

            await using var session = store.OpenSession(unitId, actor);
            var appointment = await session.FetchForWriting(StreamIds.Appointment(appointmentId), Appointment.Initial, Appointment.Evolve, ct);
            var a = appointment.State;
            var decision = AppointmentDecider.Decide(new MoveAppointment(appointmentId, start, start + type.Length, start + type.Occupies,
                supervisor.Value, actor, now), a);
            if (decision.Error is { } error) return error;
            session.Append(appointment.StreamId, StreamIds.AppointmentType, appointment.Version, decision.Events);

            var oldDay = a.Start.InZone(config.Zone).Date;
            var oldStream = StreamIds.StaffDay(a.SupervisorId, oldDay);
            var newStream = StreamIds.StaffDay(supervisor.Value, newStart.Date);
            DomainError? reserveError;
            if (oldStream == newStream)
            {
                var day = await session.FetchForWriting(newStream, StaffDay.Initial, StaffDay.Evolve, ct);
                var released = StaffDayDecider.Decide(new ReleaseSlot(a.SupervisorId, oldDay, appointmentId, now), day.State);
                var afterRelease = released.Events.Aggregate(day.State, (s, e) => StaffDay.Evolve(s, e));
                var reserved = StaffDayDecider.Decide(new ReserveSlot(supervisor.Value, newStart.Date, appointmentId, start,
                    start + type.Occupies, Appointments.FreeTimes.BookableHours(config, supervisor.Value, newStart.Date), now), afterRelease);
                reserveError = reserved.Error;
                if (reserveError is null) session.Append(newStream, StreamIds.StaffDayType, day.Version, [.. released.Events, .. reserved.Events]);
            }
            else
            {
                await StageRelease(session, a.SupervisorId, oldDay, appointmentId, now, ct);
                reserveError = await StageReservation(session, config, supervisor.Value, newStart.Date, appointmentId, start,
                    start + type.Occupies, now, ct);
            }
            if (reserveError is not null)
            {
                if (attempt < Attempts) continue;
                return await Taken(unitId, config, type, newStart, ct);
            }

            try { await session.SaveChangesAsync(ct); }
            catch (ConcurrencyException)
            {
                if (attempt < Attempts) continue;
                return await Taken(unitId, config, type, newStart, ct);
            }
            var after = decision.Events.Aggregate(a, (s, e) => Appointment.Evolve(s, e));
            return AppointmentView.From(after, config.Zone, now);
        }
    }

    private async Task<Appointment> Load(Guid unitId, Guid appointmentId, CancellationToken ct)
    {
        var events = await store.ReadStream(unitId, StreamIds.Appointment(appointmentId), ct);
        return events.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e.Data));
    }

    private async Task<Outcome<BookedAppointment>> Replay(Guid unitId, IdempotencyRecord earlier, BookingRequest request, CancellationToken ct)
    {
        if (earlier.RequestFingerprint != request.RequestFingerprint)
            return new DomainError("idempotency_key_reused",
                "This Idempotency-Key was already used for a different booking request; use a new key for a new booking.",
                ErrorKind.Rule, "Idempotency-Key");
        var view = await View(unitId, earlier.AppointmentId, ct);
        return view is null
            ? new DomainError("appointment_not_found", "No such appointment.", ErrorKind.NotFound)
            : new BookedAppointment(view, earlier.SealedToken, Replayed: true);
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

    /// <summary>Stages a reservation in the staff member's day stream; returns the refusal when the day says no.</summary>
    private static async Task<DomainError?> StageReservation(IEventSession session, UnitConfiguration config, Guid staffId, LocalDate date,
        Guid appointmentId, Instant start, Instant end, Instant now, CancellationToken ct)
    {
        var day = await session.FetchForWriting(StreamIds.StaffDay(staffId, date), StaffDay.Initial, StaffDay.Evolve, ct);
        var decision = StaffDayDecider.Decide(new ReserveSlot(staffId, date, appointmentId, start, end,
            Appointments.FreeTimes.BookableHours(config, staffId, date), now), day.State);
        if (decision.Error is { } error) return error;
        session.Append(day.StreamId, StreamIds.StaffDayType, day.Version, decision.Events);
        return null;
    }

    internal static async Task StageRelease(IEventSession session, Guid staffId, LocalDate date, Guid appointmentId, Instant now, CancellationToken ct)
    {
        var day = await session.FetchForWriting(StreamIds.StaffDay(staffId, date), StaffDay.Initial, StaffDay.Evolve, ct);
        var decision = StaffDayDecider.Decide(new ReleaseSlot(staffId, date, appointmentId, now), day.State);
        if (decision.Events.Count > 0) session.Append(day.StreamId, StreamIds.StaffDayType, day.Version, decision.Events);
    }
}
