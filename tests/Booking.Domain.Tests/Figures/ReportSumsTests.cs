// The report from the sums the projection keeps, changed event by event as its batches change them, equals the report
// from the whole fact list: across a range starting mid-month, a summer-time change, a family first in touch the month
// before, meetings moved, cancelled and held, and a parent added to a family after their own booking.
using Booking.Domain.Goals;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.Figures;
using Booking.Domain.Secretary;
using Booking.Domain.WalkIn;
using NodaTime;

namespace Booking.Domain.Tests.Figures;

public class ReportSumsTests
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
    private static readonly Guid Supervisor = Guid.NewGuid();

    private static Instant At(int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(2026, month, day, hour, minute).InZoneLeniently(Helsinki).ToInstant();

    private static (string, object) Booked(Guid id, Guid client, Instant start, Instant bookedAt, Guid? family = null, string kind = "advice",
        BookingChannel channel = BookingChannel.Online) =>
        (StreamIds.Appointment(id), new AppointmentBooked(id, client, kind, Modality.InPerson, start, start.Plus(Duration.FromMinutes(30)),
            start.Plus(Duration.FromMinutes(40)), Supervisor, channel, "test", bookedAt, null, family));

    private static (string, object) Moved(Guid id, Instant start) =>
        (StreamIds.Appointment(id), new AppointmentMoved(id, start, start.Plus(Duration.FromMinutes(30)), start.Plus(Duration.FromMinutes(40)),
            Supervisor, "s", start));

    private static (string, object) Completed(Guid id, Instant at) => (StreamIds.Appointment(id), new AppointmentCompleted(id, "s", at));

    /// <summary>A history a manager could have: families, meetings changed after booking, call-backs and a walk-in Thursday.</summary>
    private static List<(string, object)> History(out Guid september, out Guid late)
    {
        september = Guid.NewGuid();
        late = Guid.NewGuid();
        Guid lateClient = Guid.NewGuid(), moved = Guid.NewGuid(), cancelled = Guid.NewGuid(), held = Guid.NewGuid(), night = Guid.NewGuid();
        Guid callBackClient = Guid.NewGuid(), callBack = Guid.NewGuid();
        var callBackDay = new LocalDate(2026, 10, 20);
        var thursday = new LocalDate(2026, 10, 22);
        var walkIn = StreamIds.WalkInSession(thursday);
        return
        [
            // First in touch on 28 September; its first meeting on 16 October: 18 days, in a range starting on 15 October.
            (StreamIds.Family(september), new ContactLogged(september, ContactChannel.Phone, "advice", ParentRole.Mother, "s", At(9, 28, 15))),
            Booked(held, Guid.NewGuid(), At(10, 16, 9), At(10, 1, 9), september, "agreement", BookingChannel.Secretary),
            Completed(held, At(10, 16, 10)),
            (StreamIds.Appointment(held), new MeetingOutcomesRecorded(held, [ThlOutcome.CustodyAgreement], "s", At(10, 16, 10))),
            (StreamIds.Appointment(held), new FamilyGoalsRecorded(held, [FamilyGoal.AgreeOnCustody, FamilyGoal.Information], "s", At(10, 16, 10))),
            // Booked for 14 October (before the range), then moved into it, then a second meeting cancelled.
            Booked(moved, Guid.NewGuid(), At(10, 14, 9), At(10, 2, 9), september),
            Moved(moved, At(10, 20, 16, 30)),
            Booked(cancelled, Guid.NewGuid(), At(10, 15, 9), At(10, 3, 9), september),
            (StreamIds.Appointment(cancelled), new AppointmentCancelled(cancelled, "client", At(10, 4, 9))),
            // The night summer time ends (25 October, 04:00 back to 03:00): a meeting at 01:30, still 24 October in UTC,
            // booked the evening before (a family of its own: 1 day).
            Booked(night, Guid.NewGuid(), new LocalDateTime(2026, 10, 25, 1, 30).InZoneLeniently(Helsinki).ToInstant(), At(10, 24, 22)),
            (StreamIds.Appointment(night), new AppointmentNoShow(night, "s", At(10, 25, 5))),
            // A client books on their own in October (a family of their own) and is added to a family in November:
            // the booking then counts for that family, whose first contact is earlier.
            Booked(late, lateClient, At(11, 3, 9), At(10, 28, 9)),
            (StreamIds.Family(late), new ContactLogged(late, ContactChannel.Phone, "advice", ParentRole.Father, "s", At(10, 10, 9))),
            (StreamIds.Family(late), new ParentAdded(late, lateClient, ParentRole.Father, "s", At(11, 1, 9))),
            // A call-back reserved, not reached on the first try, then done.
            (StreamIds.CallBackDay(callBackDay), new CallBackReserved(callBack, callBackClient, Supervisor, callBackDay, At(10, 20, 10),
                At(10, 20, 10, 15), WalkInMatter.Advice, Language.Fi, CallBackChannel.Online, "client", At(10, 19, 10))),
            (StreamIds.CallBackDay(callBackDay), new CallBackNotReached(callBack, Supervisor, 1, false, At(10, 20, 10, 5))),
            (StreamIds.CallBackDay(callBackDay), new CallBackCompleted(callBack, Supervisor, At(10, 20, 11))),
            Booked(Guid.NewGuid(), callBackClient, At(10, 27, 9), At(10, 20, 11), channel: BookingChannel.Phone),
            // A walk-in number, called after 12 minutes.
            (walkIn, new TicketIssued(1, "code1", WalkInMatter.Advice, Language.Fi, 0, Duration.Zero, At(10, 22, 8))),
            (walkIn, new TicketCalled(1, Supervisor, "1", At(10, 22, 8, 12))),
            (walkIn, new VisitCompleted(1, Supervisor, VisitOutcome.AdviceGiven, At(10, 22, 8, 40))),
        ];
    }

    /// <summary>The sums as the projection keeps them: after each event, what the changed fact adds now less what it added
    /// before, and the lead time of the families the change may concern (and of the families their clients belong to).</summary>
    private static (Dictionary<(LocalDate Day, string Figure), int> Sums, Dictionary<string, ReportFact> Facts) Kept(IEnumerable<(string, object)> events)
    {
        var facts = new Dictionary<string, ReportFact>(StringComparer.Ordinal);
        var sums = new Dictionary<(LocalDate Day, string Figure), int>();
        var leads = new Dictionary<Guid, (LocalDate Day, int Days)>();
        foreach (var (stream, @event) in events)
        {
            if (ReportFacts.KeyOf(stream, @event) is not { } key) continue;
            var before = facts.GetValueOrDefault(key);
            if (ReportFacts.Evolve(before, stream, @event) is not { } after || ReferenceEquals(after, before)) continue;
            facts[key] = after;
            ReportSums.Change(sums, before, after, Helsinki);
            var ids = ReportSums.FamilyIds(before).Concat(ReportSums.FamilyIds(after)).ToHashSet();
            foreach (var parent in facts.Values.OfType<ParentFact>().Where(p => ids.Contains(p.ClientId)).ToList()) ids.Add(parent.FamilyId);
            var now = ReportSums.Families(facts.Values).Where(f => ids.Contains(f.FamilyId) && f.Lead(Helsinki) is not null)
                .ToDictionary(f => f.FamilyId, f => f.Lead(Helsinki)!.Value);
            foreach (var id in ids)
            {
                (LocalDate Day, int Days)? was = leads.TryGetValue(id, out var w) ? w : null, next = now.TryGetValue(id, out var n) ? n : null;
                ReportSums.Change(sums, was, next);
                if (next is { } lead) leads[id] = lead;
                else leads.Remove(id);
            }
        }
        return (sums, facts);
    }

    private static UnitReport FromKept(IEnumerable<(string, object)> events, LocalDate from, LocalDate to)
    {
        var (sums, facts) = Kept(events);
        var inRange = sums.Where(s => s.Key.Day >= from && s.Key.Day <= to && s.Value != 0).ToList();
        Dictionary<LocalDate, IReadOnlyDictionary<string, int>> By(IEnumerable<KeyValuePair<(LocalDate Day, string Figure), int>> these,
            Func<LocalDate, LocalDate> period) => these.GroupBy(s => period(s.Key.Day))
            .ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, int>)m.GroupBy(s => s.Key.Figure).ToDictionary(g => g.Key, g => g.Sum(s => s.Value)));
        var input = new ReportInput(By(inRange, ReportFact.MonthOf),
            By(inRange.Where(s => s.Key.Figure.StartsWith(ReportSums.WalkInPrefix, StringComparison.Ordinal)), day => day),
            [.. facts.Values.Where(ReportSums.IsReadWhole)]);
        return UnitReport.Compute(input, from, to, Helsinki, (_, _) => 3);
    }

    private static UnitReport FromFacts(IEnumerable<(string, object)> events, LocalDate from, LocalDate to) =>
        UnitReport.Compute(ReportFacts.Fold(events).Values, from, to, Helsinki, (_, _) => 3);

    [Theory]
    [InlineData("2026-10-15", "2026-11-14")]
    [InlineData("2026-10-25", "2026-10-25")]
    [InlineData("2026-09-01", "2026-12-31")]
    [InlineData("2026-10-21", "2026-11-02")]
    public void The_report_from_the_kept_sums_equals_the_report_from_the_fact_list(string from, string to)
    {
        var events = History(out _, out _);
        LocalDate f = NodaTime.Text.LocalDatePattern.Iso.Parse(from).Value, t = NodaTime.Text.LocalDatePattern.Iso.Parse(to).Value;
        Assert.Equal(ReportCsv.Write(FromFacts(events, f, t)), ReportCsv.Write(FromKept(events, f, t)));
        // Every prefix of the history too: each batch the projection writes leaves sums a report can read.
        for (var n = 1; n < events.Count; n++)
            Assert.Equal(ReportCsv.Write(FromFacts(events[..n], f, t)), ReportCsv.Write(FromKept(events[..n], f, t)));
    }

    [Fact]
    public void A_range_starting_mid_month_counts_the_family_first_in_touch_the_month_before_and_the_meeting_of_the_summer_time_night()
    {
        var report = FromKept(History(out _, out _), new LocalDate(2026, 10, 15), new LocalDate(2026, 11, 14));
        Assert.Equal([new LocalDate(2026, 10, 15), new LocalDate(2026, 11, 1)], report.Months.Select(m => m.From));
        var october = report.Months[0];
        // Held 16 Oct, moved to 20 Oct 16:30 (evening), cancelled 15 Oct, no-show 25 Oct 01:30, by phone 27 Oct.
        Assert.Equal(new MeetingCounts(5, 1, 1, 1), october.Meetings.All);
        Assert.Equal(new MeetingCounts(1, 0, 0, 0), october.Meetings.ByHours[UnitReport.Evening]);
        // The September family: 28 Sep to 16 Oct, 18 days; the call-back client: 19 Oct to 27 Oct, 8 days; the night's: 1 day.
        Assert.Equal(new LeadTimeFigures(3, 8, 18, 1, 33.3), october.LeadTime);
        // The client added to the October family counts for it: 10 Oct to 3 Nov, 24 days.
        Assert.Equal(new LeadTimeFigures(1, 24, 24, 0, 0.0), report.Months[1].LeadTime);
        Assert.Equal(new CallBackReportFigures(3, 1, 1, 1, 0, 0, 0), october.CallBacks);
        Assert.Equal(1, october.Outcomes.ByCategory[UnitReport.Wire(ThlOutcome.CustodyAgreement)]);
        Assert.Equal(1, october.Impact.FirstMeetings);
        Assert.Equal((12, 12), (october.WalkIn.WaitMedianMinutes, october.WalkIn.WaitPercentile90Minutes));
    }

    [Fact]
    public void The_summer_time_night_counts_on_its_own_local_day()
    {
        var day = new LocalDate(2026, 10, 25);
        var report = FromKept(History(out _, out _), day, day);
        Assert.Equal(new MeetingCounts(1, 0, 1, 0), report.Total.Meetings.All);
        Assert.Equal(new MeetingCounts(0, 0, 0, 0), FromKept(History(out _, out _), day.PlusDays(-1), day.PlusDays(-1)).Total.Meetings.All);
    }
}
