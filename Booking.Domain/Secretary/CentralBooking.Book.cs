// Booking up to five meetings for a family in one go, all with one supervisor, all or none: the staff days, the
// appointments and the family's stream in one transaction, decided again from fresh reads after a lost race.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using NodaTime;
using CentralStep = Booking.Domain.EventSourcing.Step<Booking.Domain.Outcome<Booking.Domain.Secretary.CentralBooked>>;

namespace Booking.Domain.Secretary;

public sealed partial class CentralBooking
{
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
            if (await AlreadyBooked(unitId, family, request, token) is { } repeat) return CentralStep.Answer(repeat);
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

            var familyStream = await write.Fetch(FamilyDecider.Definition, StreamIds.Family(request.FamilyId), token);
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
        // A video meeting may be booked before its link exists: the supervisor's day shows "link missing" until staff set it.
        if (request.VideoLink.Length > 0 && !IsVideoLink(request.VideoLink))
            fields["videoLink"] = ["The video link must be an https:// address (at most 500 characters, no spaces)."];
        if (request.PreparationNote.Length > MaxNote) fields["preparationNote"] = [$"The note must be at most {MaxNote} characters."];
        if (request.KeepReasonNote.Length > MaxNote) fields["keepReasonNote"] = [$"The explanation must be at most {MaxNote} characters."];
        if (fields.Count > 0) return Refusal.Invalid(fields);
        if (OnlineBooking.CheckType(config, request.AppointmentType, request.Modality, BookingChannel.Secretary) is { } refused) return refused;
        return CheckOptions(config, new TeamOptions(request.KeepSupervisor, request.SecondProfessional));
    }

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
}
