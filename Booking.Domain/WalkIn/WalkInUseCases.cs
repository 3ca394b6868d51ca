// The walk-in use cases behind the kiosk, the waiting-room display, the client's phone and the supervisor's screen.
// Each loads today's session stream, opens the session on the first use of a walk-in day, decides and appends with the
// version it read. Hundreds of kiosk requests land on one stream, so a lost race is retried many times after a short
// pause whose randomness the host supplies (the domain makes none).
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.WalkIn;

/// <summary>A session on the calendar: its date and local window.</summary>
public sealed record NextWalkIn(LocalDate Date, LocalTime From, LocalTime To);

/// <summary>The office secretary's phone line: open now (until when), and when it next opens.</summary>
public sealed record PhoneHoursNow(bool OpenNow, LocalTime? OpenUntil, LocalDateTime? NextOpening);

/// <summary>What the kiosk offers when it cannot give a number: the next walk-in and the phone hours (online booking and
/// call-backs are always offered by the page itself).</summary>
public sealed record WalkInAlternatives(NextWalkIn? NextWalkIn, PhoneHoursNow PhoneHours);

public sealed record IssuedTicket(int Number, string TicketCode, WalkInMatter Matter, Language Language, int PeopleAhead,
    Duration EstimatedWait, LocalTime EstimatedStart, bool Replayed);

/// <summary>The kiosk's answer: a number, or why none was given and what to do instead. A refusal at intake is an answer,
/// not a failed request: it was recorded (a TicketRefused event) so the figures count it.</summary>
public sealed record KioskAnswer(IssuedTicket? Ticket, DomainError? NotIssued, WalkInAlternatives? Alternatives)
{
    public bool Issued => Ticket is not null;
}

/// <summary>Today's session as the supervisor's screen heads it.</summary>
public sealed record WalkInToday(LocalDate Date, LocalTime Opens, LocalTime Closes, IReadOnlyList<SupervisorOnDuty> OnDuty,
    bool IntakeClosed, int Waiting);

/// <summary>A ticket as the supervisor sees it; still anonymous.</summary>
public sealed record StaffTicketView(int Number, TicketStatus Status, WalkInMatter Matter, Language Language, string? Room,
    LocalTime IssuedAt, Duration? Waited, VisitOutcome? Outcome, Guid? ServedBy = null);

/// <summary>A ticket as its holder's phone shows it.</summary>
public sealed record TicketView(int Number, TicketStatus Status, WalkInMatter Matter, int? PeopleAhead, Duration? EstimatedWait,
    LocalTime? EstimatedStart, string? Room);

public sealed record BoardNumber(int Number, string Room, bool InVisit);

/// <summary>The waiting-room display: numbers and rooms only.</summary>
public sealed record WalkInBoard(
    LocalDate Date,
    bool SessionToday,
    LocalTime? Opens,
    LocalTime? Closes,
    bool GivingNumbers,
    IReadOnlyList<BoardNumber> BeingServed,
    IReadOnlyList<int> NextNumbers,
    int Waiting,
    Duration? EstimatedWait,
    NextWalkIn? NextWalkIn);

public static class WalkInCalendar
{
    private const int WeeksSearched = 53;

    /// <summary>The first walk-in session whose window has not ended at <paramref name="after"/>, skipping public
    /// holidays and unit closures; null when none within a year.</summary>
    public static NextWalkIn? Next(UnitConfiguration config, LocalDateTime after)
    {
        var s = config.WalkInOrDefault;
        var date = after.Date.DayOfWeek == s.Day ? after.Date : after.Date.Next(s.Day);
        for (var week = 0; week <= WeeksSearched; week++, date = date.PlusWeeks(1))
            if (date.At(s.To) > after && config.ClosedBecause(date) is null)
                return new NextWalkIn(date, s.From, s.To);
        return null;
    }

    /// <summary>The command that opens the session of <paramref name="date"/>: on duty are the configured supervisors who
    /// are active and not absent that day.</summary>
    public static OpenWalkIn Opening(UnitConfiguration config, LocalDate date, Instant now)
    {
        var settings = config.WalkInOrDefault;
        var present = settings.OnDuty.Where(id => config.Member(id) is { Active: true } && !config.IsAbsent(id, date)).ToList();
        return new OpenWalkIn(date, settings with { OnDuty = present }, config.Zone, config.ClosedBecause(date), now);
    }

    public static PhoneHoursNow Phone(UnitConfiguration config, LocalDateTime at)
    {
        bool Closed(LocalDate d) => config.ClosedBecause(d) is not null;
        var hours = config.PhoneHoursOrDefault;
        var open = hours.OpenBlock(at, Closed);
        return new PhoneHoursNow(open is not null, open?.To, hours.NextOpening(at, Closed));
    }
}

/// <param name="pause">The pause before retry number n after a lost race; the host adds the jitter.</param>
/// <param name="maxAttempts">How often to try before answering "busy".</param>
public sealed class WalkInUseCases(
    IEventStore store,
    IUnitConfigurationSource configurations,
    IClock clock,
    Func<int, TimeSpan> pause,
    int maxAttempts = 1000)
{
    private const int NextNumbersShown = 5;
    private const string Kiosk = "kiosk";

    /// <summary>Today's session, opened on the first use of a walk-in day.</summary>
    public async Task<Outcome<WalkInToday>> Today(Guid unitId, CancellationToken ct = default)
    {
        var run = await Run(unitId, "system", null, ct);
        if (run.Error is { } error) return error;
        return TodayOf(run.Value!);
    }

    private static WalkInToday TodayOf(Decided run) =>
        new(run.State.Date, Local(run.Config, run.State.Opens).TimeOfDay, Local(run.Config, run.State.Closes).TimeOfDay,
            run.State.OnDuty, run.State.IsIntakeClosed, run.State.PeopleWaiting);

    public async Task<Outcome<KioskAnswer>> IssueTicket(Guid unitId, WalkInMatter matter, Language language, string ticketCode,
        CancellationToken ct = default)
    {
        var run = await Run(unitId, Kiosk, (_, now) => new IssueTicket(matter, language, ticketCode, now), ct);
        var config = run.Config;
        var local = Local(config, run.Now);
        if (run.Error is { Kind: ErrorKind.Invalid } invalid) return invalid;
        if (run.Error is { } notOpen)
            return new KioskAnswer(null, notOpen, Alternatives(config, local, notOpen.Code == "walk_in_not_open"));

        var (_, now, state, events) = run.Value!;
        if (state.TicketByCode(ticketCode) is { } ticket)
        {
            // Just issued: the wait the decision worked out is the one the display shows for it now; otherwise played again.
            var wait = events.OfType<TicketIssued>().FirstOrDefault(e => e.TicketCode == ticketCode)?.EstimatedWait
                ?? WaitEstimate.For(state, now)?.WaitOf(ticket.Number) ?? Duration.Zero;
            return new KioskAnswer(new IssuedTicket(ticket.Number, ticket.Code, ticket.Matter, ticket.Language,
                state.PeopleAheadOf(ticket.Number) ?? 0, wait, Local(config, now + wait).TimeOfDay, Replayed: events.Count == 0), null, null);
        }
        var closes = Local(config, state.Closes).TimeOfDay;
        var why = state.RefusedCodes.GetValueOrDefault(ticketCode) == RefusalReasons.StaffClosedIntake
            ? new DomainError("intake_closed", "The walk-in reception is not giving more numbers today.")
            : new DomainError("queue_full", $"Today's queue is full: a visit could no longer start before the reception closes at {closes:HH:mm}.");
        return new KioskAnswer(null, why, Alternatives(config, local, sameDayStillAhead: false));
    }

    /// <summary>Adds a child supervisor to today's duty (or moves them to another room).</summary>
    public async Task<Outcome<WalkInToday>> AddToDuty(Guid unitId, Guid staffId, string? room, string by, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (config.Member(staffId) is not { Active: true, Role: StaffRole.ChildSupervisor })
            return Refusal.InvalidField("staffId", "Only an active child supervisor of the unit can be on walk-in duty.");
        // The room is shown on the waiting-room display: the same rule as a room in the configuration.
        if (room is not null && !ConfigurationRules.IsShortText(room, ConfigurationRules.MaxRoomLength))
            return Refusal.InvalidField("room", $"room is one line of at most {ConfigurationRules.MaxRoomLength} characters without control characters.");
        var run = await Run(unitId, by, (_, now) => new AddSupervisorToDuty(staffId, room ?? config.WalkInOrDefault.RoomOf(staffId), by, now), ct);
        if (run.Error is { } error) return error;
        return TodayOf(run.Value!);
    }

    public Task<Outcome<StaffTicketView>> CallNext(Guid unitId, Guid staffId, CancellationToken ct = default) =>
        Staff(unitId, staffId, (_, now) => new CallNext(staffId, now), s => s.CurrentTicketOf(staffId), ct);

    public Task<Outcome<StaffTicketView>> Recall(Guid unitId, Guid staffId, int number, CancellationToken ct = default) =>
        Staff(unitId, staffId, (_, now) => new Recall(number, staffId, now), s => s.Ticket(number), ct);

    public Task<Outcome<StaffTicketView>> Start(Guid unitId, Guid staffId, int number, CancellationToken ct = default) =>
        Staff(unitId, staffId, (_, now) => new StartVisit(number, staffId, now), s => s.Ticket(number), ct);

    public Task<Outcome<StaffTicketView>> Complete(Guid unitId, Guid staffId, int number, VisitOutcome outcome, CancellationToken ct = default) =>
        Staff(unitId, staffId, (_, now) => new CompleteVisit(number, staffId, outcome, now), s => s.Ticket(number), ct);

    public Task<Outcome<StaffTicketView>> NoShow(Guid unitId, Guid staffId, int number, CancellationToken ct = default) =>
        Staff(unitId, staffId, (_, now) => new MarkNoShow(number, staffId, now), s => s.Ticket(number), ct);

    public async Task<Outcome<WalkInToday>> CloseIntake(Guid unitId, string reason, string by, CancellationToken ct = default)
    {
        if (reason.Length > ConfigurationRules.MaxReasonLength)
            return Refusal.InvalidField("reason", $"reason must be at most {ConfigurationRules.MaxReasonLength} characters.");
        var run = await Run(unitId, by, (_, now) => new CloseIntake(reason, now), ct);
        if (run.Error is { } error) return error;
        return TodayOf(run.Value!);
    }

    /// <summary>The client withdraws from the phone link; the number leaves the queue.</summary>
    public async Task<Outcome<TicketView>> Withdraw(Guid unitId, string ticketCode, CancellationToken ct = default)
    {
        var run = await Run(unitId, "client:ticket", (_, now) => new Withdraw(ticketCode, now), ct);
        if (run.Error is { } error) return error;
        var (config, now, state, _) = run.Value!;
        return ViewOf(config, state, state.TicketByCode(ticketCode)!, now);
    }

    /// <summary>The phone page of a ticket: position, estimate, and the room once called.</summary>
    public async Task<Outcome<TicketView>> TicketView(Guid unitId, string ticketCode, CancellationToken ct = default)
    {
        var (config, now, state) = await Read(unitId, ct);
        return state.TicketByCode(ticketCode) is { } ticket
            ? ViewOf(config, state, ticket, now)
            : new DomainError("ticket_not_found", "No such ticket today.", ErrorKind.NotFound);
    }

    /// <summary>The language a ticket was taken in, so its phone page speaks it even from the plain address (without
    /// ?lang); null for an unknown code.</summary>
    public async Task<Language?> TicketLanguage(Guid unitId, string ticketCode, CancellationToken ct = default)
    {
        var (_, _, state) = await Read(unitId, ct);
        return state.TicketByCode(ticketCode)?.Language;
    }

    /// <summary>The waiting-room display. It never writes: before the first use of a walk-in day it shows the session
    /// as it will open.</summary>
    public async Task<WalkInBoard> Board(Guid unitId, CancellationToken ct = default)
    {
        var (config, now, state) = await Read(unitId, ct);
        var today = Local(config, now).Date;
        if (!state.Opened && WalkInDecider.Decide(WalkInCalendar.Opening(config, today, now), state) is { IsError: false } opening)
            state = opening.Events.Aggregate(state, (s, e) => WalkInSession.Evolve(s, e));
        if (!state.Opened)
            return new WalkInBoard(today, false, null, null, false, [], [], 0, null, WalkInCalendar.Next(config, Local(config, now)));

        var estimate = WaitEstimate.For(state, now);
        var giving = now >= state.Opens && now < state.Closes && !state.IsIntakeClosed && estimate is not null && estimate.NewTicketStart < state.Closes;
        return new WalkInBoard(today, true, Local(config, state.Opens).TimeOfDay, Local(config, state.Closes).TimeOfDay, giving,
            state.BeingServed.Select(b => new BoardNumber(b.Number, b.Room, b.Status == TicketStatus.InVisit)).ToList(),
            state.Queue.Take(NextNumbersShown).Select(t => t.Number).ToList(),
            state.PeopleWaiting,
            giving ? estimate!.NewTicketWait : null,
            giving ? null : Alternatives(config, Local(config, now), sameDayStillAhead: now < state.Opens).NextWalkIn);
    }

    /// <summary>The supervisor's live queue: the numbers being served and those waiting, in order, with their matter and
    /// how long they have waited. Read-only, like the board.</summary>
    public async Task<IReadOnlyList<StaffTicketView>> Queue(Guid unitId, CancellationToken ct = default)
    {
        var (config, now, state) = await Read(unitId, ct);
        return state.BeingServed.Select(b => state.Ticket(b.Number)!).Concat(state.Queue)
            .Select(t => new StaffTicketView(t.Number, t.Status, t.Matter, t.Language, t.Room, Local(config, t.IssuedAt).TimeOfDay,
                (t.FirstCalledAt ?? now) - t.IssuedAt, t.Outcome, t.StaffId))
            .ToList();
    }

    /// <summary>The next walk-in session whose window has not ended at <paramref name="after"/> (unit local time).</summary>
    public async Task<NextWalkIn?> NextWalkIn(Guid unitId, LocalDateTime after, CancellationToken ct = default) =>
        WalkInCalendar.Next(await configurations.Current(unitId, ct), after);

    public async Task<WalkInFigures> Figures(Guid unitId, LocalDate date, CancellationToken ct = default) =>
        WalkInFigures.From((await store.ReadStream(unitId, StreamIds.WalkInSession(date), ct)).Select(e => e.Data));

    private async Task<Outcome<StaffTicketView>> Staff(Guid unitId, Guid staffId, Func<UnitConfiguration, Instant, WalkInCommand> command,
        Func<WalkInSession, WalkInTicket?> shown, CancellationToken ct)
    {
        var run = await Run(unitId, $"staff:{staffId:N}", command, ct);
        if (run.Error is { } error) return error;
        var (config, now, state, _) = run.Value!;
        // The decider has accepted the command, so the ticket it names (or the one just called) exists.
        var ticket = shown(state)!;
        return new StaffTicketView(ticket.Number, ticket.Status, ticket.Matter, ticket.Language, ticket.Room,
            Local(config, ticket.IssuedAt).TimeOfDay, (ticket.FirstCalledAt ?? now) - ticket.IssuedAt, ticket.Outcome, ticket.StaffId);
    }

    private static TicketView ViewOf(UnitConfiguration config, WalkInSession state, WalkInTicket ticket, Instant now)
    {
        var wait = ticket.Status == TicketStatus.Waiting ? WaitEstimate.For(state, now)?.WaitOf(ticket.Number) : null;
        return new TicketView(ticket.Number, ticket.Status, ticket.Matter, state.PeopleAheadOf(ticket.Number), wait,
            wait is { } w ? Local(config, now + w).TimeOfDay : null, ticket.IsBeingServed ? ticket.Room : null);
    }

    private static WalkInAlternatives Alternatives(UnitConfiguration config, LocalDateTime local, bool sameDayStillAhead)
    {
        var todayEnds = local.Date.At(config.WalkInOrDefault.To);
        var after = sameDayStillAhead || local > todayEnds ? local : todayEnds;
        return new WalkInAlternatives(WalkInCalendar.Next(config, after), WalkInCalendar.Phone(config, local));
    }

    // Whole seconds: the clock's ticks are no one's business ("08:11:00", never "08:11:00.875161" in the API).
    private static LocalDateTime Local(UnitConfiguration config, Instant instant) =>
        instant.InZone(config.Zone).LocalDateTime.With(TimeAdjusters.TruncateToSecond);

    private sealed record Decided(UnitConfiguration Config, Instant Now, WalkInSession State, IReadOnlyList<WalkInEvent> Events);

    private sealed record RunOutcome(UnitConfiguration Config, Instant Now, Decided? Value, DomainError? Error);

    private async Task<(UnitConfiguration Config, Instant Now, WalkInSession State)> Read(Guid unitId, CancellationToken ct)
    {
        var config = await configurations.Current(unitId, ct);
        var now = clock.GetCurrentInstant();
        var events = await store.ReadStream(unitId, StreamIds.WalkInSession(Local(config, now).Date), ct);
        return (config, now, events.Aggregate(WalkInSession.Initial, (s, e) => WalkInSession.Evolve(s, e.Data)));
    }

    private readonly WriteRunner runner = new(store, clock, new RetryPolicy(maxAttempts, pause));

    /// <summary>Load today's session, open it if needed, decide <paramref name="command"/> (none: only open), append, and
    /// retry a lost race. Nothing is written when any step refuses.</summary>
    private async Task<RunOutcome> Run(Guid unitId, string actor, Func<UnitConfiguration, Instant, WalkInCommand>? command, CancellationToken ct)
    {
        var config = await configurations.Current(unitId, ct);
        return await runner.Run(unitId, actor, async (write, token) =>
        {
            var now = write.Now;
            var date = Local(config, now).Date;
            var session = await write.Fetch(WalkInDecider.Definition, StreamIds.WalkInSession(date), token);
            if (session.Decide(WalkInCalendar.Opening(config, date, now)).Error is { } closed)
                return Step<RunOutcome>.Answer(new RunOutcome(config, now, null, closed));
            if (command is not null && session.Decide(command(config, now)).Error is { } error)
                return Step<RunOutcome>.Answer(new RunOutcome(config, now, null, error));
            var done = new RunOutcome(config, now, new Decided(config, now, session.State, session.Appended), null);
            return session.Appended.Count > 0 ? Step<RunOutcome>.Save(done) : Step<RunOutcome>.Answer(done);
        }, () => Task.FromResult(new RunOutcome(config, clock.GetCurrentInstant(), null, new DomainError("busy",
            "The walk-in queue was being changed by many people at once. Please try again.", ErrorKind.Conflict))), ct);
    }
}
