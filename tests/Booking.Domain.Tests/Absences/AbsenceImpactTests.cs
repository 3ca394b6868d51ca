// What an absence or a closure hits, and the secretary's work list for it, without a database. Monday 11 May 2026: Anna
// and Bertil both work 09-12; the walk-in is on Thursdays 08-12 with Anna on duty (Thursday 14 May is Ascension Day).
using Booking.Domain.Absences;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.WalkIn;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Absences;

public class AbsenceImpactTests
{
    private static readonly LocalDate Monday = new(2026, 5, 11);
    private static readonly UnitConfiguration Unit = Config();

    private static Instant At(LocalDate date, int hour, int minute = 0) => Helsinki(date.At(new LocalTime(hour, minute)));

    private static Reservation Held(Guid staff, LocalDate date, int hour, int minute = 0, int minutes = 30, Guid? id = null) =>
        new(staff, id ?? Guid.NewGuid(), At(date, hour, minute), At(date, hour, minute) + Duration.FromMinutes(minutes));

    private static Appointment Meeting(Reservation r, KeepReason? kept = null, Guid? series = null, Guid? second = null) =>
        Appointment.Initial with
        {
            Status = AppointmentStatus.Booked, Id = r.AppointmentId, AppointmentType = "advice", Start = r.Start, End = r.End,
            OccupiedUntil = r.End, SupervisorId = r.StaffId, Kept = kept, SeriesId = series, SecondProfessionalId = second,
        };

    private static CallBack CallBackOf(Guid staff, LocalDate date, int hour, CallBackStatus status = CallBackStatus.Reserved) =>
        new(Guid.NewGuid(), Guid.NewGuid(), staff, date, At(date, hour), At(date, hour) + Duration.FromMinutes(15), WalkInMatter.Advice,
            Language.Fi, CallBackChannel.Online, At(date, 8), status);

    [Fact]
    public void Given_Anna_is_absent_all_Monday_Then_her_meetings_and_open_call_backs_that_day_are_hit_and_nothing_else()
    {
        var nine = Held(Anna, Monday, 9);
        var ten = Held(Anna, Monday, 10);
        var bertils = Held(Bertil, Monday, 9);
        var tuesday = Held(Anna, Monday.PlusDays(1), 9);
        var call = CallBackOf(Anna, Monday, 13);
        var cancelledCall = CallBackOf(Anna, Monday, 14, CallBackStatus.Cancelled);

        var hits = AbsenceImpact.Of(Unit, new PlannedAbsence(Anna, Monday, Monday), [nine, ten, bertils, tuesday], [call, cancelledCall]);

        Assert.Equal([(ImpactKind.Meeting, nine.AppointmentId), (ImpactKind.Meeting, ten.AppointmentId), (ImpactKind.CallBack, call.CallBackId)],
            hits.Select(h => (h.Kind, h.Id)).ToList());
    }

    [Fact]
    public void Given_Anna_is_absent_from_10_to_11_Then_only_what_overlaps_those_hours_is_hit()
    {
        var nine = Held(Anna, Monday, 9);
        var ten = Held(Anna, Monday, 10);
        var halfPastTen = Held(Anna, Monday, 10, 30, minutes: 60);
        var eleven = Held(Anna, Monday, 11);

        var hits = AbsenceImpact.Of(Unit, new PlannedAbsence(Anna, Monday, Monday, new LocalTime(10, 0), new LocalTime(11, 0)),
            [nine, ten, halfPastTen, eleven], []);

        Assert.Equal([ten.AppointmentId, halfPastTen.AppointmentId], hits.Select(h => h.Id).ToList());
    }

    [Fact]
    public void Given_a_pair_meeting_in_a_unit_closure_Then_it_is_hit_once_and_the_walk_in_duty_that_day_too()
    {
        var thursday = new LocalDate(2026, 5, 21);
        var pair = Guid.NewGuid();
        var reservations = new[] { Held(Anna, thursday, 13, id: pair), Held(Partner, thursday, 13, id: pair) };

        var hits = AbsenceImpact.Of(Unit, new PlannedAbsence(null, thursday, thursday), reservations, []);

        Assert.Equal([(ImpactKind.WalkInDuty, Anna), (ImpactKind.Meeting, Anna)], hits.Select(h => (h.Kind, h.StaffId)).ToList());
    }

    [Fact]
    public void Given_absences_over_Thursdays_Then_the_duty_is_hit_only_for_the_supervisor_on_duty_and_not_on_a_holiday()
    {
        var twoWeeks = new PlannedAbsence(Anna, new LocalDate(2026, 5, 11), new LocalDate(2026, 5, 24));

        var annas = AbsenceImpact.Of(Unit, twoWeeks, [], []);
        var bertils = AbsenceImpact.Of(Unit, twoWeeks with { StaffId = Bertil }, [], []);

        var duty = Assert.Single(annas);
        Assert.Equal((ImpactKind.WalkInDuty, At(new LocalDate(2026, 5, 21), 8)), (duty.Kind, duty.Start));
        Assert.Empty(bertils);
    }

    [Fact]
    public void Given_Annas_absence_Then_the_work_list_gives_her_meetings_to_a_free_colleague_where_rules_allow_else_contact_the_family()
    {
        var free = Held(Anna, Monday, 9);
        var sameTime = Held(Anna, Monday, 9, id: Guid.NewGuid());
        var bertilBusy = Held(Bertil, Monday, 10);
        var busyTime = Held(Anna, Monday, 10);
        var kept = Held(Anna, Monday, 11);
        var series = Held(Anna, Monday, 11, 30);
        var call = CallBackOf(Anna, Monday, 13);
        var meetings = new[] { Meeting(free), Meeting(sameTime), Meeting(busyTime), Meeting(kept, kept: KeepReason.OngoingCase),
            Meeting(series, series: Guid.NewGuid()) }.ToDictionary(m => m.Id);
        var all = new[] { free, sameTime, bertilBusy, busyTime, kept, series };
        var absence = new PlannedAbsence(Anna, Monday, Monday);
        var hits = AbsenceImpact.Of(Unit, absence, all, [call]);

        var work = AbsenceImpact.Plan(Unit, absence, hits, all, meetings).ToDictionary(w => w.Item.Id);

        Assert.Equal((WorkAction.Reassign, (Guid?)Bertil), (work[free.AppointmentId].Action, work[free.AppointmentId].ReassignTo));
        // Bertil took the first nine o'clock meeting of the list: the second one at the same time finds nobody free.
        Assert.Equal((WorkAction.ContactFamily, "nobody_free"), (work[sameTime.AppointmentId].Action, work[sameTime.AppointmentId].Why));
        Assert.Equal((WorkAction.ContactFamily, "nobody_free"), (work[busyTime.AppointmentId].Action, work[busyTime.AppointmentId].Why));
        Assert.Equal((WorkAction.ContactFamily, "supervisor_kept"), (work[kept.AppointmentId].Action, work[kept.AppointmentId].Why));
        Assert.Equal((WorkAction.ContactFamily, "series"), (work[series.AppointmentId].Action, work[series.AppointmentId].Why));
        Assert.Equal((WorkAction.ContactFamily, "call_back"), (work[call.CallBackId].Action, work[call.CallBackId].Why));
    }

    [Fact]
    public void Given_a_closure_or_an_absent_partner_Then_the_family_is_contacted()
    {
        var meeting = Held(Anna, Monday, 9);
        var pair = Meeting(meeting, second: Partner);
        var partnerHeld = meeting with { StaffId = Partner };
        var meetings = new Dictionary<Guid, Appointment> { [pair.Id] = pair };

        var closure = new PlannedAbsence(null, Monday, Monday);
        var closed = AbsenceImpact.Plan(Unit, closure, AbsenceImpact.Of(Unit, closure, [meeting, partnerHeld], []), [meeting, partnerHeld], meetings);
        var partnerAway = new PlannedAbsence(Partner, Monday, Monday);
        var away = AbsenceImpact.Plan(Unit, partnerAway, AbsenceImpact.Of(Unit, partnerAway, [meeting, partnerHeld], []), [meeting, partnerHeld], meetings);

        Assert.Equal((WorkAction.ContactFamily, "unit_closed"), (Assert.Single(closed).Action, closed[0].Why));
        Assert.Equal((WorkAction.ContactFamily, "partner_absent"), (Assert.Single(away).Action, away[0].Why));
    }

    [Fact]
    public void Given_a_bad_absence_Then_each_field_is_named()
    {
        Assert.Contains("to", AbsenceImpact.Validate(Unit, new PlannedAbsence(Anna, Monday, Monday.PlusDays(-1)))!.Fields!.Keys);
        Assert.Contains("toTime", AbsenceImpact.Validate(Unit, new PlannedAbsence(Anna, Monday, Monday, new LocalTime(10, 0)))!.Fields!.Keys);
        Assert.Contains("toTime", AbsenceImpact.Validate(Unit,
            new PlannedAbsence(Anna, Monday, Monday, new LocalTime(10, 0), new LocalTime(9, 0)))!.Fields!.Keys);
        Assert.Contains("staffId", AbsenceImpact.Validate(Unit, new PlannedAbsence(Retired, Monday, Monday))!.Fields!.Keys);
        Assert.Contains("to", AbsenceImpact.Validate(Unit, new PlannedAbsence(null, Monday, Monday.PlusDays(400)))!.Fields!.Keys);
        Assert.Null(AbsenceImpact.Validate(Unit, new PlannedAbsence(null, Monday, Monday.PlusDays(3))));
    }
}
