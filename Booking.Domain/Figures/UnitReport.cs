// The unit's figures for regional and national reporting, by month and for a chosen range, computed from the report's
// facts alone (so the projection and a recount straight from the events give the same report).
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.Feedback;
using Booking.Domain.Secretary;
using Booking.Domain.WalkIn;
using NodaTime;

namespace Booking.Domain.Figures;

/// <param name="Booked">Meetings whose (last) time falls in the period, whatever became of them.</param>
public sealed record MeetingCounts(int Booked, int Held, int NoShow, int Cancelled)
{
    public static readonly MeetingCounts Zero = new(0, 0, 0, 0);

    public static MeetingCounts Of(IEnumerable<MeetingFact> meetings)
    {
        int booked = 0, held = 0, noShow = 0, cancelled = 0;
        foreach (var m in meetings)
        {
            booked++;
            switch (m.Status)
            {
                case AppointmentStatus.Completed: held++; break;
                case AppointmentStatus.NoShow: noShow++; break;
                case AppointmentStatus.Cancelled: cancelled++; break;
            }
        }
        return new MeetingCounts(booked, held, noShow, cancelled);
    }
}

/// <param name="ByChannel">online, secretary (the secretary or the phone), walkInFollowUp (booked at the walk-in visit).</param>
/// <param name="ByHours">evening (starting at 16:00 local time or later) or daytime.</param>
/// <param name="ByWork">pair (two professionals) or single.</param>
public sealed record MeetingFigures(MeetingCounts All, IReadOnlyDictionary<string, MeetingCounts> ByKind, IReadOnlyDictionary<string, MeetingCounts> ByModality,
    IReadOnlyDictionary<string, MeetingCounts> ByChannel, IReadOnlyDictionary<string, MeetingCounts> ByHours, IReadOnlyDictionary<string, MeetingCounts> ByWork);

/// <summary>Days from a family's first contact to its first meeting (calendar days in the unit's time zone), for the
/// families whose first meeting falls in the period.</summary>
/// <param name="Percentile90Days">Nearest rank: a lead time some family actually had.</param>
/// <param name="WithinTargetPercent">Share of those families met within <see cref="LeadTime.TargetDays"/> days, in percent (one decimal).</param>
public sealed record LeadTimeFigures(int Families, double? MedianDays, int? Percentile90Days, int WithinTarget, double? WithinTargetPercent);

public sealed record WalkInDayFigures(LocalDate Date, int Issued, int Served, int Refused, int? WaitMedianMinutes, int? WaitPercentile90Minutes);

/// <param name="RefusedByReason">queue_full and intake_closed, each present even when zero.</param>
/// <param name="WaitMedianMinutes">From the number's issue to its first call, whole minutes (rounded down).</param>
public sealed record WalkInReportFigures(int Issued, int Served, int NoShows, int Refused, IReadOnlyDictionary<string, int> RefusedByReason,
    int? WaitMedianMinutes, int? WaitPercentile90Minutes, IReadOnlyList<WalkInDayFigures> Thursdays);

public sealed record CallBackReportFigures(int Offered, int Reserved, int Done, int DoneOnRetry, int NotReached, int Cancelled, int Open);

/// <param name="Seats">Seats offered by the evenings held (not cancelled) in the period.</param>
/// <param name="Registrations">Registrations made, waiting list included, later cancellations included.</param>
/// <param name="WaitlistPeak">The longest waiting list any one evening had.</param>
public sealed record EveningReportFigures(int Evenings, int Seats, int Registrations, int WaitlistPeak, int Attended);

public sealed record OutcomeFigures(int MeetingsWithOutcome, IReadOnlyDictionary<string, int> ByCategory);

/// <summary>Feedback given in the room, for the months the period touches (feedback is kept by month only).</summary>
/// <param name="Heard">The average face (1–5) for "were you listened to", one decimal; null without answers.</param>
/// <param name="AnswersByKind">Answers per kind of meeting (the appointment type's code, or walkIn).</param>
public sealed record FeedbackFigures(int Answers, int Parents, int Children, double? Heard, double? Understood, double? Helped, int Comments,
    IReadOnlyDictionary<string, int> AnswersByKind);

/// <summary>What changed for the families, counted over meetings and answers and never per family. A figure made of fewer
/// than <see cref="FeedbackCommentRelease.MinimumGroup"/> meetings or answers is withheld (null), the rule the comments follow,
/// so that no family's goals or answer can be read from a small month.</summary>
/// <param name="FirstMeetings">Held meetings with the family's goals recorded (its first meeting).</param>
/// <param name="ByGoal">How many of those chose each goal; null when there are too few first meetings.</param>
/// <param name="LastMeetings">Held meetings with the goals reviewed (the family's last meeting).</param>
/// <param name="AgreeBefore">The average 1–5 for "how well can you now agree on your child's matters" in first meetings' feedback.</param>
/// <param name="AgreeAfter">The same in last meetings' feedback.</param>
/// <param name="AgreeChange">After minus before, one decimal; null unless both are shown.</param>
public sealed record ImpactFigures(int FirstMeetings, IReadOnlyDictionary<string, int>? ByGoal, int LastMeetings, int? GoalsMet, int? GoalsPartlyMet,
    int? GoalsNotMet, int? EndedInAgreement, int AnswersBefore, double? AgreeBefore, int AnswersAfter, double? AgreeAfter, double? AgreeChange)
{
    /// <summary>The smallest group a figure is shown for (the comments' rule).</summary>
    public static int MinimumGroup => FeedbackCommentRelease.MinimumGroup;
}

public sealed record PeriodFigures(LocalDate From, LocalDate To, MeetingFigures Meetings, LeadTimeFigures LeadTime, WalkInReportFigures WalkIn,
    CallBackReportFigures CallBacks, EveningReportFigures Evenings, OutcomeFigures Outcomes, FeedbackFigures Feedback, ImpactFigures Impact);

/// <param name="Months">Each calendar month the range touches, clipped to the range.</param>
/// <param name="Total">The whole range (its medians are of the whole range, not of the months' medians).</param>
public sealed record UnitReport(LocalDate From, LocalDate To, IReadOnlyList<PeriodFigures> Months, PeriodFigures Total)
{
    public static readonly LocalTime EveningFrom = new(16, 0);

    public const string Online = "online", Secretary = "secretary", WalkInFollowUp = "walkInFollowUp";
    public const string Evening = "evening", Daytime = "daytime", PairWork = "pair", Single = "single";

    /// <param name="offeredCallBacks">How many call-back slots the configuration offered on the dates of a period.</param>
    public static UnitReport Compute(IEnumerable<ReportFact> facts, LocalDate from, LocalDate to, DateTimeZone zone,
        Func<LocalDate, LocalDate, int> offeredCallBacks)
    {
        if (to < from) throw new ArgumentException("The range ends before it starts.", nameof(to));
        var all = new Facts(facts.ToList(), zone);
        var months = new List<PeriodFigures>();
        for (var month = ReportFact.MonthOf(from); month <= to; month = month.PlusMonths(1))
        {
            var first = month < from ? from : month;
            var last = month.PlusMonths(1).PlusDays(-1) is var end && end > to ? to : end;
            months.Add(Period(all, first, last, zone, offeredCallBacks));
        }
        return new UnitReport(from, to, months, Period(all, from, to, zone, offeredCallBacks));
    }

    private sealed class Facts
    {
        public Facts(List<ReportFact> facts, DateTimeZone zone)
        {
            Meetings = facts.OfType<MeetingFact>().Select(m => (Fact: m, Local: m.Start.InZone(zone).LocalDateTime)).ToList();
            CallBacks = facts.OfType<CallBackFact>().ToList();
            Tickets = facts.OfType<TicketFact>().ToList();
            Refusals = facts.OfType<RefusalFact>().ToList();
            Evenings = facts.OfType<EveningFact>().ToList();
            Feedback = facts.OfType<FeedbackFact>().ToList();
            FirstMeetings = LeadTimes(facts, zone);
        }

        public List<(MeetingFact Fact, LocalDateTime Local)> Meetings { get; }
        public List<CallBackFact> CallBacks { get; }
        public List<TicketFact> Tickets { get; }
        public List<RefusalFact> Refusals { get; }
        public List<EveningFact> Evenings { get; }
        public List<FeedbackFact> Feedback { get; }
        /// <summary>Per family: the local date of its first meeting and the days from its first contact.</summary>
        public List<(LocalDate FirstMeeting, int Days)> FirstMeetings { get; }
    }

    private static PeriodFigures Period(Facts facts, LocalDate from, LocalDate to, DateTimeZone zone, Func<LocalDate, LocalDate, int> offered)
    {
        var meetings = facts.Meetings.Where(m => m.Local.Date >= from && m.Local.Date <= to).ToList();
        var figures = new MeetingFigures(
            MeetingCounts.Of(meetings.Select(m => m.Fact)),
            By(meetings, m => m.Fact.Kind),
            By(meetings, m => Wire(m.Fact.Modality)),
            By(meetings, m => ChannelOf(m.Fact.Channel), [Online, Secretary, WalkInFollowUp]),
            By(meetings, m => m.Local.TimeOfDay >= EveningFrom ? Evening : Daytime, [Daytime, Evening]),
            By(meetings, m => m.Fact.Pair ? PairWork : Single, [Single, PairWork]));

        var leads = facts.FirstMeetings.Where(f => f.FirstMeeting >= from && f.FirstMeeting <= to).Select(f => f.Days).Order().ToList();
        var within = leads.Count(d => d <= LeadTime.TargetDays);
        var leadTime = new LeadTimeFigures(leads.Count, Median(leads), Percentile90(leads), within,
            leads.Count == 0 ? null : Math.Round(100.0 * within / leads.Count, 1));

        var tickets = facts.Tickets.Where(t => t.Date >= from && t.Date <= to).ToList();
        var refusals = facts.Refusals.Where(r => r.Date >= from && r.Date <= to).ToList();
        var waits = Waits(tickets);
        var days = tickets.Select(t => t.Date).Concat(refusals.Select(r => r.Date)).Distinct().Order().Select(date =>
        {
            var ofDay = tickets.Where(t => t.Date == date).ToList();
            var dayWaits = Waits(ofDay);
            return new WalkInDayFigures(date, ofDay.Count, ofDay.Count(t => t.End == TicketEnd.Served), refusals.Count(r => r.Date == date),
                MedianMinutes(dayWaits), Percentile90(dayWaits));
        }).ToList();
        var byReason = new Dictionary<string, int> { [RefusalReasons.QueueFullAnswer] = 0, [RefusalReasons.IntakeClosedAnswer] = 0 };
        foreach (var r in refusals) byReason[r.Reason] = byReason.GetValueOrDefault(r.Reason) + 1;
        var walkIn = new WalkInReportFigures(tickets.Count, tickets.Count(t => t.End == TicketEnd.Served), tickets.Count(t => t.End == TicketEnd.NoShow),
            refusals.Count, byReason, MedianMinutes(waits), Percentile90(waits), days);

        var callBacks = facts.CallBacks.Where(c => c.Date >= from && c.Date <= to).ToList();
        var callBackFigures = new CallBackReportFigures(offered(from, to), callBacks.Count,
            callBacks.Count(c => c.Status == CallBackStatus.Done),
            callBacks.Count(c => c.Status == CallBackStatus.Done && c.Attempts > 0),
            callBacks.Count(c => c.Status == CallBackStatus.NotReached),
            callBacks.Count(c => c.Status == CallBackStatus.Cancelled),
            callBacks.Count(c => c.Status == CallBackStatus.Reserved));

        var evenings = facts.Evenings.Where(e => !e.Cancelled && e.Start.InZone(zone).Date is var d && d >= from && d <= to).ToList();
        var eveningFigures = new EveningReportFigures(evenings.Count, evenings.Sum(e => e.Capacity), evenings.Sum(e => e.Registrations.Count),
            evenings.Count == 0 ? 0 : evenings.Max(e => e.WaitlistPeak),
            evenings.Sum(e => e.Registrations.Count(r => r.Attended == true && !r.Cancelled)));

        var held = meetings.Where(m => m.Fact.Status == AppointmentStatus.Completed).Select(m => m.Fact).ToList();
        var outcomes = Enum.GetValues<ThlOutcome>().ToDictionary(Wire, o => held.Count(m => m.Outcomes.Contains(o)));
        return new PeriodFigures(from, to, figures, leadTime, walkIn, callBackFigures, eveningFigures,
            new OutcomeFigures(held.Count(m => m.Outcomes.Count > 0), outcomes), FeedbackOf(facts.Feedback, from, to),
            ImpactOf(held, facts.Feedback, from, to));
    }

    private static ImpactFigures ImpactOf(List<MeetingFact> held, List<FeedbackFact> feedback, LocalDate from, LocalDate to)
    {
        var min = ImpactFigures.MinimumGroup;
        var first = held.Where(m => m.Goals is { Count: > 0 }).ToList();
        var last = held.Where(m => m.Review is not null).ToList();
        IReadOnlyDictionary<string, int>? byGoal = first.Count < min ? null
            : new SortedDictionary<string, int>(Enum.GetValues<FamilyGoal>().ToDictionary(Wire, g => first.Count(m => m.Goals!.Contains(g))), StringComparer.Ordinal);
        int? Reviewed(Func<GoalReview, bool> which) => last.Count < min ? null : last.Count(m => which(m.Review!));

        // Feedback is kept by month only: the months the period touches, as FeedbackOf counts them.
        var months = feedback.Where(f => f.MonthStart <= to && f.MonthStart.PlusMonths(1) > from).ToList();
        int before = months.Sum(f => f.FirstAnswers), after = months.Sum(f => f.LastAnswers);
        double? Average(int answers, int sum) => answers < min ? null : Math.Round((double)sum / answers, 1, MidpointRounding.AwayFromZero);
        var agreeBefore = Average(before, months.Sum(f => f.FirstAgree));
        var agreeAfter = Average(after, months.Sum(f => f.LastAgree));
        return new ImpactFigures(first.Count, byGoal, last.Count,
            Reviewed(r => r.Met == GoalsMet.Met), Reviewed(r => r.Met == GoalsMet.PartlyMet), Reviewed(r => r.Met == GoalsMet.NotMet),
            Reviewed(r => r.Agreement), before, agreeBefore, after, agreeAfter,
            agreeBefore is { } b && agreeAfter is { } a ? Math.Round(a - b, 1, MidpointRounding.AwayFromZero) : null);
    }

    private static FeedbackFigures FeedbackOf(List<FeedbackFact> all, LocalDate from, LocalDate to)
    {
        var facts = all.Where(f => f.MonthStart <= to && f.MonthStart.PlusMonths(1) > from).ToList();
        var answers = facts.Sum(f => f.Answers);
        double? Average(Func<FeedbackFact, int> sum) => answers == 0 ? null : Math.Round((double)facts.Sum(sum) / answers, 1, MidpointRounding.AwayFromZero);
        return new FeedbackFigures(answers,
            facts.Where(f => f.Audience == FeedbackAudience.Parent).Sum(f => f.Answers),
            facts.Where(f => f.Audience == FeedbackAudience.Child).Sum(f => f.Answers),
            Average(f => f.Heard), Average(f => f.Understood), Average(f => f.Helped), facts.Sum(f => f.Comments),
            new SortedDictionary<string, int>(facts.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Sum(f => f.Answers)), StringComparer.Ordinal));
    }

    /// <summary>Every family's first contact (the earliest of a logged contact, a call-back reserved, any booking made: online,
    /// at the walk-in visit or by the secretary) and first meeting not cancelled. A client the secretary added to a family
    /// counts for that family; a client never added is a family of their own.</summary>
    private static List<(LocalDate, int)> LeadTimes(List<ReportFact> facts, DateTimeZone zone)
    {
        var familyOf = facts.OfType<ParentFact>().ToDictionary(p => p.ClientId, p => p.FamilyId);
        Guid FamilyOf(Guid? familyId, Guid clientId) => familyId ?? familyOf.GetValueOrDefault(clientId, clientId);

        var firstContact = new Dictionary<Guid, Instant>();
        void Contact(Guid family, Instant at)
        {
            if (!firstContact.TryGetValue(family, out var known) || at < known) firstContact[family] = at;
        }
        var firstMeeting = new Dictionary<Guid, Instant>();
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case FamilyFact { FirstContactAt: { } at } f: Contact(f.FamilyId, at); break;
                case CallBackFact c: Contact(FamilyOf(null, c.ClientId), c.ReservedAt); break;
                case MeetingFact m:
                    var family = FamilyOf(m.FamilyId, m.ClientId);
                    Contact(family, m.BookedAt);
                    if (m.Status != AppointmentStatus.Cancelled && (!firstMeeting.TryGetValue(family, out var known) || m.Start < known))
                        firstMeeting[family] = m.Start;
                    break;
            }
        }
        return firstMeeting.Select(f =>
        {
            var meeting = f.Value.InZone(zone).Date;
            var contact = firstContact[f.Key].InZone(zone).Date;
            return (meeting, NodaTime.Period.Between(contact, meeting, PeriodUnits.Days).Days);
        }).ToList();
    }

    public static string ChannelOf(BookingChannel channel) => channel switch
    {
        BookingChannel.Online => Online,
        BookingChannel.WalkIn => WalkInFollowUp,
        _ => Secretary,
    };

    /// <summary>The wire name of an enum value (camelCase, as the API writes enums).</summary>
    public static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum =>
        value.ToString() is var name && name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private static IReadOnlyDictionary<string, MeetingCounts> By(IEnumerable<(MeetingFact Fact, LocalDateTime Local)> meetings,
        Func<(MeetingFact Fact, LocalDateTime Local), string> key, IEnumerable<string>? always = null)
    {
        var result = new SortedDictionary<string, MeetingCounts>(StringComparer.Ordinal);
        foreach (var k in always ?? []) result[k] = MeetingCounts.Zero;
        foreach (var group in meetings.GroupBy(key)) result[group.Key] = MeetingCounts.Of(group.Select(m => m.Fact));
        return result;
    }

    private static List<int> Waits(IEnumerable<TicketFact> tickets) =>
        tickets.Where(t => t.FirstCalledAt is not null).Select(t => (int)(t.FirstCalledAt!.Value - t.IssuedAt).TotalMinutes).Order().ToList();

    private static double? Median(List<int> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;

    private static int? MedianMinutes(List<int> sorted) => Median(sorted) is { } m ? (int)Math.Floor(m) : null;

    private static int? Percentile90(List<int> sorted) => sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
}
