// The unit report over hand-built histories: what a manager would check against the day's papers.
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using Booking.Domain.Figures;
using Booking.Domain.InfoEvenings;
using Booking.Domain.WalkIn;
using NodaTime;

namespace Booking.Domain.Tests.Figures;

public class UnitReportTests
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
    private static readonly Guid Supervisor = Guid.NewGuid(), Partner = Guid.NewGuid();

    private static Instant At(int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(2026, month, day, hour, minute).InZoneStrictly(Helsinki).ToInstant();

    private static (string, object) Booked(Guid id, Guid client, Instant start, Instant bookedAt, BookingChannel channel = BookingChannel.Online,
        string kind = "advice", Modality modality = Modality.InPerson, Guid? family = null, bool pair = false) =>
        (StreamIds.Appointment(id), new AppointmentBooked(id, client, kind, modality, start, start.Plus(Duration.FromMinutes(30)),
            start.Plus(Duration.FromMinutes(40)), Supervisor, channel, "test", bookedAt, pair ? Partner : null, family));

    private static UnitReport Report(IEnumerable<(string, object)> events, LocalDate from, LocalDate to, int offeredPerDay = 0) =>
        UnitReport.Compute(ReportFacts.Fold(events).Values, from, to, Helsinki,
            (f, t) => offeredPerDay * (Period.Between(f, t, PeriodUnits.Days).Days + 1));

    private static readonly LocalDate October1 = new(2026, 10, 1), October31 = new(2026, 10, 31);

    [Fact]
    public void Meetings_are_counted_booked_held_no_show_and_cancelled_by_kind_modality_channel_hours_and_pair_work()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid(), e = Guid.NewGuid();
        var report = Report([
            Booked(a, Guid.NewGuid(), At(10, 5, 9), At(10, 1, 12)),
            (StreamIds.Appointment(a), new AppointmentCompleted(a, "s", At(10, 5, 9, 30))),
            Booked(b, Guid.NewGuid(), At(10, 6, 16, 30), At(10, 1, 12), BookingChannel.Secretary, "agreement", Modality.Video, pair: true),
            (StreamIds.Appointment(b), new AppointmentNoShow(b, "s", At(10, 6, 16, 45))),
            Booked(c, Guid.NewGuid(), At(10, 7, 10), At(10, 1, 12), BookingChannel.WalkIn),
            (StreamIds.Appointment(c), new AppointmentCancelled(c, "client", At(10, 2, 8))),
            Booked(d, Guid.NewGuid(), At(10, 8, 10), At(10, 1, 12), BookingChannel.Phone),
            // Booked for October, moved to November: counted in November only.
            Booked(e, Guid.NewGuid(), At(10, 9, 10), At(10, 1, 12)),
            (StreamIds.Appointment(e), new AppointmentMoved(e, At(11, 3, 10), At(11, 3, 10, 30), At(11, 3, 10, 40), Supervisor, "client", At(10, 2, 9))),
        ], October1, new LocalDate(2026, 11, 30));

        var october = report.Months[0].Meetings;
        Assert.Equal(new MeetingCounts(4, 1, 1, 1), october.All);
        Assert.Equal(new MeetingCounts(3, 1, 0, 1), october.ByKind["advice"]);
        Assert.Equal(new MeetingCounts(1, 0, 1, 0), october.ByKind["agreement"]);
        Assert.Equal(new MeetingCounts(1, 0, 1, 0), october.ByModality["video"]);
        Assert.Equal(new MeetingCounts(1, 1, 0, 0), october.ByChannel[UnitReport.Online]);
        Assert.Equal(new MeetingCounts(2, 0, 1, 0), october.ByChannel[UnitReport.Secretary]);
        Assert.Equal(new MeetingCounts(1, 0, 0, 1), october.ByChannel[UnitReport.WalkInFollowUp]);
        Assert.Equal(new MeetingCounts(1, 0, 1, 0), october.ByHours[UnitReport.Evening]);
        Assert.Equal(new MeetingCounts(1, 0, 1, 0), october.ByWork[UnitReport.PairWork]);
        Assert.Equal(1, report.Months[1].Meetings.All.Booked);
        Assert.Equal(5, report.Total.Meetings.All.Booked);
    }

    [Fact]
    public void A_family_whose_first_contact_is_an_online_booking_has_the_days_from_booking_to_meeting()
    {
        var id = Guid.NewGuid();
        var report = Report([Booked(id, Guid.NewGuid(), At(10, 12, 9), At(10, 2, 20))], October1, October31);
        Assert.Equal(new LeadTimeFigures(1, 10, 10, 0, 0.0), report.Total.LeadTime);
    }

    [Fact]
    public void A_contact_late_in_the_evening_counts_on_its_Helsinki_date_not_on_the_UTC_date()
    {
        // 00:30 on 6 October in Helsinki is 21:30 UTC on the 5th.
        var family = Guid.NewGuid();
        var client = Guid.NewGuid();
        var report = Report([
            (StreamIds.Family(family), new ContactLogged(family, ContactChannel.Email, "advice", ParentRole.Mother, "secretary", At(10, 6, 0, 30))),
            (StreamIds.Family(family), new ParentAdded(family, client, ParentRole.Mother, "secretary", At(10, 6, 0, 31))),
            // A booking by the secretary for the client (no family id on it): the family's contact still starts the clock.
            Booked(Guid.NewGuid(), client, At(10, 13, 9), At(10, 7, 10), BookingChannel.Secretary),
        ], October1, October31);
        // 6 October to 13 October: seven days, within the target (UTC dates would say 5th to 13th: eight).
        Assert.Equal(new LeadTimeFigures(1, 7, 7, 1, 100.0), report.Total.LeadTime);
    }

    [Fact]
    public void Lead_time_across_the_October_change_to_winter_time_is_in_calendar_days()
    {
        // Summer time ends on Sunday 25 October 2026 (04:00 back to 03:00). A call-back reserved on Friday 23 October at 16:00
        // and a first meeting on Friday 30 October at 14:30: 7 calendar days, though only 6 days 23.5 hours have passed.
        var client = Guid.NewGuid();
        var date = new LocalDate(2026, 10, 26);
        var report = Report([
            (StreamIds.CallBackDay(date), new CallBackReserved(Guid.NewGuid(), client, Supervisor, date, At(10, 26, 10), At(10, 26, 10, 15),
                WalkInMatter.Advice, Language.Fi, CallBackChannel.Online, "client", At(10, 23, 16))),
            Booked(Guid.NewGuid(), client, At(10, 30, 14, 30), At(10, 26, 10, 5), BookingChannel.Secretary),
        ], October1, October31);
        Assert.Equal(At(10, 30, 14, 30) - At(10, 23, 16), Duration.FromDays(7) - Duration.FromMinutes(30));
        Assert.Equal(new LeadTimeFigures(1, 7, 7, 1, 100.0), report.Total.LeadTime);
    }

    [Fact]
    public void The_first_meeting_is_the_earliest_not_cancelled_and_the_first_contact_the_earliest_of_all()
    {
        var family = Guid.NewGuid();
        var cancelled = Guid.NewGuid();
        var report = Report([
            (StreamIds.Family(family), new ContactLogged(family, ContactChannel.Phone, "advice", ParentRole.Father, "s", At(10, 10, 9))),
            (StreamIds.Family(family), new ContactLogged(family, ContactChannel.Phone, "advice", ParentRole.Mother, "s", At(10, 2, 9))),
            Booked(cancelled, Guid.NewGuid(), At(10, 5, 9), At(10, 3, 9), BookingChannel.Secretary, family: family),
            (StreamIds.Appointment(cancelled), new AppointmentCancelled(cancelled, "s", At(10, 4, 9))),
            Booked(Guid.NewGuid(), Guid.NewGuid(), At(10, 20, 9), At(10, 4, 9), BookingChannel.Secretary, family: family),
        ], October1, October31);
        Assert.Equal(new LeadTimeFigures(1, 18, 18, 0, 0.0), report.Total.LeadTime);
    }

    [Fact]
    public void Lead_time_median_p90_and_share_within_a_week_over_several_families()
    {
        var days = new[] { 1, 3, 5, 7, 8, 9, 10, 12, 14, 30 };
        var events = days.Select(d => Booked(Guid.NewGuid(), Guid.NewGuid(), At(10, 1 + d, 9), At(10, 1, 9))).ToList();
        var lead = Report(events, October1, October31).Total.LeadTime;
        Assert.Equal(10, lead.Families);
        Assert.Equal(8.5, lead.MedianDays);
        Assert.Equal(14, lead.Percentile90Days);
        Assert.Equal(4, lead.WithinTarget);
        Assert.Equal(40.0, lead.WithinTargetPercent);
    }

    [Fact]
    public void Walk_in_numbers_issued_served_refused_by_reason_and_waits_per_Thursday()
    {
        var thursday = new LocalDate(2026, 10, 1);
        var stream = StreamIds.WalkInSession(thursday);
        var events = new List<(string, object)>();
        var waits = new[] { 0, 10, 20, 30, 40 };
        for (var n = 1; n <= waits.Length; n++)
        {
            var issued = At(10, 1, 8, n);
            events.Add((stream, new TicketIssued(n, $"code{n}", WalkInMatter.Advice, Language.Fi, n - 1, Duration.Zero, issued)));
            events.Add((stream, new TicketCalled(n, Supervisor, "1", issued.Plus(Duration.FromMinutes(waits[n - 1])))));
            // A recall does not restart the wait.
            events.Add((stream, new TicketCalled(n, Supervisor, "1", issued.Plus(Duration.FromMinutes(waits[n - 1] + 5)))));
            events.Add(n == 5 ? (stream, new TicketNoShow(n, Supervisor, issued.Plus(Duration.FromMinutes(50))))
                : (stream, new VisitCompleted(n, Supervisor, VisitOutcome.AdviceGiven, issued.Plus(Duration.FromMinutes(60)))));
        }
        events.Add((stream, new TicketRefused(WalkInMatter.Advice, RefusalReasons.QueueFull, Duration.FromHours(4), "r1", At(10, 1, 11, 40))));
        events.Add((stream, new TicketRefused(WalkInMatter.Advice, RefusalReasons.QueueFull, Duration.FromHours(4), "r1", At(10, 1, 11, 41))));
        events.Add((stream, new TicketRefused(WalkInMatter.Advice, RefusalReasons.StaffClosedIntake, Duration.FromHours(4), "r2", At(10, 1, 11, 50))));

        var walkIn = Report(events, October1, October31).Total.WalkIn;
        Assert.Equal((5, 4, 1, 2), (walkIn.Issued, walkIn.Served, walkIn.NoShows, walkIn.Refused));
        Assert.Equal(1, walkIn.RefusedByReason[RefusalReasons.QueueFullAnswer]);
        Assert.Equal(1, walkIn.RefusedByReason[RefusalReasons.IntakeClosedAnswer]);
        Assert.Equal((20, 40), (walkIn.WaitMedianMinutes, walkIn.WaitPercentile90Minutes));
        Assert.Equal(new WalkInDayFigures(thursday, 5, 4, 2, 20, 40), Assert.Single(walkIn.Thursdays));
    }

    [Fact]
    public void Call_backs_reserved_done_done_on_retry_not_reached_and_offered()
    {
        var date = new LocalDate(2026, 10, 6);
        var stream = StreamIds.CallBackDay(date);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        (string, object) Reserve(Guid id) => (stream, new CallBackReserved(id, Guid.NewGuid(), Supervisor, date, At(10, 6, 10), At(10, 6, 10, 15),
            WalkInMatter.Advice, Language.Sv, CallBackChannel.Online, "client", At(10, 1, 10)));
        var figures = Report([
            Reserve(a), (stream, new CallBackCompleted(a, Supervisor, At(10, 6, 10, 5))),
            Reserve(b), (stream, new CallBackNotReached(b, Supervisor, 1, false, At(10, 6, 10, 5))), (stream, new CallBackCompleted(b, Supervisor, At(10, 6, 11))),
            Reserve(c), (stream, new CallBackNotReached(c, Supervisor, 1, false, At(10, 6, 10, 5))), (stream, new CallBackNotReached(c, Supervisor, 2, true, At(10, 6, 11))),
            Reserve(d), (stream, new CallBackCancelled(d, "client:link", At(10, 2, 10))),
        ], October1, October31, offeredPerDay: 2).Total.CallBacks;
        Assert.Equal(new CallBackReportFigures(62, 4, 2, 1, 1, 1, 0), figures);
    }

    [Fact]
    public void Info_evenings_seats_registrations_waiting_list_peak_and_attended()
    {
        var evening = Guid.NewGuid();
        var stream = StreamIds.Evening(evening);
        var regs = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var figures = Report([
            (stream, new EveningScheduled(evening, "ABC", "", At(10, 14, 17), At(10, 14, 19), "Hall", null, Language.Fi, 2, [], At(9, 1, 0), At(10, 13, 0), "m", At(9, 1, 0))),
            (stream, new Registered(evening, regs[0], Guid.NewGuid(), 1, At(9, 2, 0))),
            (stream, new Registered(evening, regs[1], Guid.NewGuid(), 1, At(9, 2, 1))),
            (stream, new Waitlisted(evening, regs[2], Guid.NewGuid(), 1, At(9, 2, 2))),
            (stream, new Waitlisted(evening, regs[3], Guid.NewGuid(), 1, At(9, 2, 3))),
            (stream, new RegistrationCancelled(evening, regs[0], At(9, 3, 0))),
            (stream, new PromotedFromWaitlist(evening, regs[2], At(9, 3, 0))),
            (stream, new Waitlisted(evening, regs[4], Guid.NewGuid(), 1, At(9, 4, 0))),
            (stream, new AttendanceMarked(evening, regs[1], true, "m", At(10, 14, 17))),
            (stream, new AttendanceMarked(evening, regs[2], true, "m", At(10, 14, 17))),
            (stream, new AttendanceMarked(evening, regs[2], false, "m", At(10, 14, 18))),
        ], October1, October31).Total.Evenings;
        Assert.Equal(new EveningReportFigures(1, 2, 5, 2, 1), figures);
    }

    [Fact]
    public void Outcomes_in_THL_categories_are_counted_for_held_meetings_and_a_correction_replaces_the_first_record()
    {
        var id = Guid.NewGuid();
        var stream = StreamIds.Appointment(id);
        var outcomes = Report([
            Booked(id, Guid.NewGuid(), At(10, 5, 9), At(10, 1, 9)),
            (stream, new AppointmentCompleted(id, "s", At(10, 5, 9, 30))),
            (stream, new MeetingOutcomesRecorded(id, [ThlOutcome.CustodyAgreement], "s", At(10, 5, 9, 31))),
            (stream, new MeetingOutcomesRecorded(id, [ThlOutcome.ContactAgreement, ThlOutcome.MaintenanceAgreement], "s", At(10, 5, 9, 32))),
        ], October1, October31).Total.Outcomes;
        Assert.Equal(1, outcomes.MeetingsWithOutcome);
        Assert.Equal(0, outcomes.ByCategory["custodyAgreement"]);
        Assert.Equal(1, outcomes.ByCategory["contactAgreement"]);
        Assert.Equal(1, outcomes.ByCategory["maintenanceAgreement"]);
    }

    [Fact]
    public void A_range_gives_each_month_it_touches_clipped_and_a_total_over_the_whole_range()
    {
        var report = Report([], new LocalDate(2026, 9, 15), new LocalDate(2026, 11, 10));
        Assert.Equal([(new LocalDate(2026, 9, 15), new LocalDate(2026, 9, 30)), (October1, October31), (new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 10))],
            report.Months.Select(m => (m.From, m.To)));
        Assert.Equal(0, report.Total.Meetings.All.Booked);
        Assert.Null(report.Total.LeadTime.MedianDays);
    }

    [Fact]
    public void Outcomes_can_be_recorded_only_for_a_held_meeting_and_the_same_record_twice_writes_nothing()
    {
        var id = Guid.NewGuid();
        var booked = new AppointmentBooked(id, Guid.NewGuid(), "advice", Modality.InPerson, At(10, 5, 9), At(10, 5, 9, 30), At(10, 5, 9, 40),
            Supervisor, BookingChannel.Online, "c", At(10, 1, 9));
        var command = new RecordMeetingOutcomes(id, [ThlOutcome.PaternityAcknowledged], "s", At(10, 5, 9, 35));
        var d = MeetingOutcomeDecider.Definition;

        Assert.Equal("appointment_not_found", d.Decide(command, d.Initial).Error?.Code);
        Assert.Equal("meeting_not_held", d.Decide(command, d.Fold(d.Initial, [booked])).Error?.Code);
        Assert.Equal("meeting_not_held", d.Decide(command, d.Fold(d.Initial, [booked, new AppointmentNoShow(id, "s", At(10, 5, 9, 20))])).Error?.Code);
        var held = d.Fold(d.Initial, [booked, new AppointmentCompleted(id, "s", At(10, 5, 9, 30))]);
        var recorded = Assert.IsType<MeetingOutcomesRecorded>(Assert.Single(d.Decide(command, held).Events));
        Assert.Equal([ThlOutcome.PaternityAcknowledged], recorded.Outcomes);
        Assert.Empty(d.Decide(command, d.Evolve(held, recorded)).Events);
    }

    [Fact]
    public void The_CSV_has_its_columns_a_byte_order_mark_and_no_cell_a_spreadsheet_would_run()
    {
        var id = Guid.NewGuid();
        var report = Report([Booked(id, Guid.NewGuid(), At(10, 5, 9), At(10, 1, 9), kind: "=HYPERLINK(\"x\";1)")], October1, October31);
        var bytes = ReportCsv.Bytes(report);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = ReportCsv.Write(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period_from;period_to;section;figure;group;value", lines[0]);
        Assert.Contains("2026-10-01;2026-10-31;meetings;booked;all;1", lines);
        Assert.Contains("2026-10-01;2026-10-31;meetings;booked;\"kind:=HYPERLINK(\"\"x\"\";1)\";1", lines);
        Assert.Equal("'=1+1", ReportCsv.Cell("=1+1"));
        Assert.Equal("'-2", ReportCsv.Cell("-2"));
        Assert.Equal("'@SUM(A1)", ReportCsv.Cell("@SUM(A1)"));
        Assert.Equal("\"a;b\"", ReportCsv.Cell("a;b"));
    }
}
