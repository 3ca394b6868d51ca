// The office secretary's central booking for a family: free times across the team (with who is free), and booking on
// the family's behalf — impartially by default, or keeping the family's supervisor with a reason; a joint meeting with
// both parents; pair work with a second professional; in person, by video (with its link) or by phone; up to five
// meetings in one go, all with the same supervisor, all or none.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Families;
using NodaTime;
using CentralStep = Booking.Domain.EventSourcing.Step<Booking.Domain.Appointments.Outcome<Booking.Domain.Appointments.CentralBooked>>;

namespace Booking.Domain.Appointments;

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

public sealed record CentralBooked(IReadOnlyList<Appointment> Appointments, Guid SupervisorId, Guid? SecondProfessionalId);

public sealed record TeamFreeTimesQuery(string AppointmentType, Modality Modality, LocalDate From, LocalDate To, TeamOptions Options);

public sealed class CentralBooking(
    IEventStore store,
    IUnitConfigurationSource configurations,
    IReservations reservations,
    IOfferedHoursSource offeredHours,
    IClock clock,
    Func<int, int> pick)
{
    public const int MaxSeries = 5;
    public const int MaxNote = 2000;
    private readonly WriteRunner runner = new(store, clock);
    private const int NextFreeTimesShown = 5;

    /// <summary>Free times for staff: from now (the secretary may book later today) to the horizon, with who is free.</summary>
    public async Task<Outcome<IReadOnlyList<FreeTime>>> FreeTimes(Guid unitId, TeamFreeTimesQuery query, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (OnlineBooking.CheckType(config, query.AppointmentType, query.Modality, BookingChannel.Secretary) is { } refused) return refused;
        if (CheckOptions(config, query.Options) is { } badOptions) return badOptions;
        if (query.To < query.From) return Refusal.InvalidField("to", "The end date must not be before the start date.");
        var now = clock.GetCurrentInstant();
        var today = now.InZone(config.Zone).Date;
        var last = config.OnlineWindow(today).Last;
        var from = query.From < today ? today : query.From;
        var to = query.To > last ? last : query.To;
        if (to < from) return Outcome<IReadOnlyList<FreeTime>>.Of([]);
        var found = await Find(unitId, config, config.Type(query.AppointmentType)!, from, to, query.Options, ct);
        return Outcome<IReadOnlyList<FreeTime>>.Of(found.Where(f => f.StartsAt > now).ToList());
    }

    /// <summary>A partner service's professional (or anyone who keeps no weekly hours here) is free at these hours.</summary>
    public async Task<Outcome<OfferedHours>> OfferHours(Guid unitId, Guid staffId, LocalDate date, LocalTime from, LocalTime to,
        string actor, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (config.Member(staffId) is not { Active: true, Role: StaffRole.PartnerProfessional or StaffRole.ChildSupervisor })
            return Refusal.InvalidField("staffId", "Free hours can be entered for an active supervisor or partner professional.");
        if (to <= from) return Refusal.InvalidField("to", "The free hours must end after they start.");
        if (config.ClosedBecause(date) is { } why)
            return new DomainError("unit_closed", $"The unit is closed on {date:yyyy-MM-dd} ({why}).", ErrorKind.Rule, "date");
        var interval = new Interval((date + from).InZoneLeniently(config.Zone).ToInstant(), (date + to).InZoneLeniently(config.Zone).ToInstant());
        var offered = new OfferedHours(staffId, date, interval);
        return await runner.Run(unitId, actor, async (write, token) =>
        {
            var day = await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(staffId, date), token);
            return day.Decide(new OfferHours(staffId, date, interval.Start, interval.End, actor, write.Now)).Error is { } error
                ? Step<Outcome<OfferedHours>>.Answer(error)
                : Step<Outcome<OfferedHours>>.Save(offered);
        }, () => Task.FromResult<Outcome<OfferedHours>>(WriteRunner.Busy("The day was being changed at the same moment. Please try again.")), ct);
    }

    public async Task<Outcome<CentralBooked>> Book(Guid unitId, CentralBookingRequest request, string actor, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        if (Validate(config, request) is { } invalid) return invalid;
        var type = config.Type(request.AppointmentType)!;
        var now = clock.GetCurrentInstant();
        for (var i = 0; i < request.Meetings.Count; i++)
            if (OnlineBooking.CheckTime(config, request.Meetings[i].Start, BookingChannel.Secretary, now, $"meetings[{i}].start") is { } refusedTime)
                return refusedTime;

        var meetings = request.Meetings.OrderBy(m => m.Start).ToList();
        var firstDate = meetings[0].Start.Date;
        var lastDate = meetings[^1].Start.Date;
        var options = new TeamOptions(request.KeepSupervisor, request.SecondProfessional);

        return await runner.Run(unitId, actor, async (write, token) =>
        {
            var family = await LoadFamily(unitId, request.FamilyId, token);
            if (!family.Exists)
                return CentralStep.Answer(new DomainError("family_not_found", "No such family; log its first contact first.", ErrorKind.NotFound));
            if (!family.HasParent(request.ClientId))
                return CentralStep.Answer(Refusal.InvalidField("clientId", "The booking is made for one of the family's parents."));
            if (request.OtherParentClientId is { } other && (!family.HasParent(other) || other == request.ClientId))
                return CentralStep.Answer(Refusal.InvalidField("otherParentClientId", "A joint meeting invites the family's other parent."));

            // Reservations of whole ISO weeks around the meetings: for the free check and the impartial week load.
            var (monday, _) = ImpartialAssignment.WeekOf(firstDate);
            var (_, sunday) = ImpartialAssignment.WeekOf(lastDate);
            var held = await reservations.Between(unitId, OnlineBooking.StartOf(config, monday.PlusDays(-1)),
                OnlineBooking.StartOf(config, sunday.PlusDays(2)), token);
            var offered = request.SecondProfessional is null ? [] : await offeredHours.Between(unitId, firstDate, lastDate, token);

            IEnumerable<Guid>? candidates = null;
            for (var i = 0; i < meetings.Count; i++)
            {
                var atStart = TeamFreeTimes.Find(config, type, meetings[i].Start.Date, meetings[i].Start.Date, held, offered, options)
                    .FirstOrDefault(f => f.Start == meetings[i].Start);
                if (atStart is null)
                {
                    var possible = TeamFreeTimes.Find(config, type, meetings[i].Start.Date, meetings[i].Start.Date, [], offered, options)
                        .Any(f => f.Start == meetings[i].Start);
                    if (!possible) return CentralStep.Answer(NotBookable(request, meetings[i]));
                    return CentralStep.Answer(await Taken(unitId, config, type, options, meetings[i].Start, token));
                }
                candidates = candidates is null ? atStart.FreeStaff : candidates.Intersect(atStart.FreeStaff).ToList();
            }
            var free = candidates!.ToList();
            if (free.Count == 0)
                return CentralStep.Answer(new DomainError("no_common_supervisor",
                    "No one supervisor is free at all of these times; a series keeps one supervisor. Choose times from one supervisor's column.",
                    ErrorKind.Conflict, "meetings"));
            var load = held.Where(r => r.Start.InZone(config.Zone).Date is var d && d >= monday && d <= sunday)
                .GroupBy(r => r.StaffId).ToDictionary(g => g.Key, g => g.Count());
            var supervisor = request.KeepSupervisor ?? ImpartialAssignment.Choose(
                ImpartialAssignment.Avoiding(free, s => meetings.Any(m => write.LostOn.Contains(StreamIds.StaffDay(s, m.Start.Date)))), load, pick)!.Value;

            var refusedDay = await StageReservations(write, config, type, meetings,
                request.SecondProfessional is { } second ? [supervisor, second] : [supervisor], token);
            if (refusedDay is not null) return CentralStep.Again(refusedDay);

            var booked = new List<Appointment>();
            foreach (var meeting in meetings)
            {
                var start = meeting.Start.InZoneLeniently(config.Zone).ToInstant();
                var appointment = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(meeting.AppointmentId), token);
                if (appointment.Decide(new BookAppointment(meeting.AppointmentId, request.ClientId, request.OtherParentClientId,
                        type.Code, request.Modality, start, start + type.Length, start + type.Occupies, supervisor, BookingChannel.Secretary, actor,
                        write.Now, request.SecondProfessional, request.FamilyId, meetings.Count > 1 ? request.SeriesId : null, request.KeepReason))
                    .Error is { } error)
                    return CentralStep.Answer(error);
                booked.Add(appointment.State);

                write.Store(new ManageToken(unitId, meeting.AppointmentId, request.ClientId, meeting.ClientLink.Hash, meeting.ClientLink.Sealed));
                if (request.OtherParentClientId is { } otherParent && meeting.OtherParentLink is { } invitation)
                    write.Store(new InvitationToken(unitId, meeting.AppointmentId, otherParent, invitation.Hash, invitation.Sealed));
                if (request.VideoLink.Length > 0 || request.PreparationNote.Length > 0 || request.KeepReasonNote.Length > 0)
                    write.Store(new AppointmentNotes(unitId, meeting.AppointmentId, request.VideoLink.Trim(), request.PreparationNote.Trim(),
                        request.KeepReasonNote.Trim()));
            }

            var familyStream = await write.Fetch(FamilyDecider.Definition, Families.StreamIds.Family(request.FamilyId), token);
            if (familyStream.Decide(new RecordMeetings(request.FamilyId, booked.Select(a => (a.Id, a.Start)).ToList(), actor, write.Now))
                .Error is { } familyError)
                return CentralStep.Answer(familyError);
            return CentralStep.Save(new CentralBooked(booked, supervisor, request.SecondProfessional));
        }, async () => (Outcome<CentralBooked>)await Taken(unitId, config, type, options, meetings[0].Start, ct), ct);
    }

    private static Refusal? Validate(UnitConfiguration config, CentralBookingRequest request)
    {
        var fields = new Dictionary<string, string[]>();
        if (request.Meetings.Count is 0 or > MaxSeries)
            fields["meetings"] = [$"Book 1 to {MaxSeries} meetings at a time."];
        else if (request.Meetings.Select(m => m.Start).Distinct().Count() != request.Meetings.Count)
            fields["meetings"] = ["Each meeting of a series needs its own time."];
        else if (config.Type(request.AppointmentType) is { } type)
        {
            var ordered = request.Meetings.Select(m => m.Start.InZoneLeniently(config.Zone).ToInstant()).Order().ToList();
            if (ordered.Zip(ordered.Skip(1)).Any(p => p.First + type.Occupies > p.Second))
                fields["meetings"] = ["The meetings of a series must not overlap: one supervisor holds them all."];
        }
        if (request.KeepSupervisor is { } kept)
        {
            if (config.Member(kept) is not { Active: true, Role: StaffRole.ChildSupervisor })
                fields["keepSupervisor"] = ["The supervisor to keep must be an active child supervisor of the unit."];
            if (request.KeepReason is null)
                fields["keepReason"] = ["Keeping the family's supervisor needs a reason (central booking is impartial otherwise)."];
        }
        else if (request.KeepReason is not null)
            fields["keepSupervisor"] = ["A reason was given but no supervisor to keep."];
        if (request.KeepReason == KeepReason.Other && string.IsNullOrWhiteSpace(request.KeepReasonNote))
            fields["keepReasonNote"] = ["Explain the reason when it is 'other'."];
        if (request.Modality == Modality.Video && !IsVideoLink(request.VideoLink))
            fields["videoLink"] = ["A video meeting needs its link, an https:// address."];
        else if (request.Modality != Modality.Video && request.VideoLink.Length > 0 && !IsVideoLink(request.VideoLink))
            fields["videoLink"] = ["The video link must be an https:// address."];
        if (request.PreparationNote.Length > MaxNote) fields["preparationNote"] = [$"The note must be at most {MaxNote} characters."];
        if (request.KeepReasonNote.Length > MaxNote) fields["keepReasonNote"] = [$"The explanation must be at most {MaxNote} characters."];
        if (fields.Count > 0) return Refusal.Invalid(fields);
        if (OnlineBooking.CheckType(config, request.AppointmentType, request.Modality, BookingChannel.Secretary) is { } refused) return refused;
        return CheckOptions(config, new TeamOptions(request.KeepSupervisor, request.SecondProfessional));
    }

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

    public static bool IsVideoLink(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Contains('.')
        && value!.Trim().Length <= 500;

    private static Refusal NotBookable(CentralBookingRequest request, CentralMeeting meeting)
    {
        var index = request.Meetings.ToList().IndexOf(meeting);
        return new Refusal(new DomainError("not_a_bookable_time",
            $"No one can be booked at {meeting.Start:yyyy-MM-dd HH:mm} with these choices. Choose one of the free times offered.",
            ErrorKind.Rule, $"meetings[{index}].start"));
    }

    /// <summary>Reserves every meeting in each professional's staff-day streams, meetings in order; the stream that
    /// refused (its time went in the meantime) when one did.</summary>
    private static async Task<string?> StageReservations(WriteAttempt write, UnitConfiguration config, AppointmentType type,
        IReadOnlyList<CentralMeeting> meetings, IReadOnlyList<Guid> professionals, CancellationToken ct)
    {
        foreach (var staffId in professionals)
        {
            foreach (var meeting in meetings)
            {
                var date = meeting.Start.Date;
                var day = await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(staffId, date), ct);
                var start = meeting.Start.InZoneLeniently(config.Zone).ToInstant();
                if (day.Decide(new ReserveSlot(staffId, date, meeting.AppointmentId, start, start + type.Occupies,
                        Appointments.FreeTimes.BookableHours(config, staffId, date), write.Now)).IsError)
                    return day.StreamId;
            }
        }
        return null;
    }

    public async Task<Appointment> Load(Guid unitId, Guid appointmentId, CancellationToken ct = default)
    {
        var events = await store.ReadStream(unitId, StreamIds.Appointment(appointmentId), ct);
        return events.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e.Data));
    }

    private async Task<Family> LoadFamily(Guid unitId, Guid familyId, CancellationToken ct)
    {
        var events = await store.ReadStream(unitId, Families.StreamIds.Family(familyId), ct);
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
