// The unit's figures for regional and national reporting, by month and for a chosen range, computed from the report's
// facts alone (so the projection and a recount straight from the events give the same report): the counts from their
// sums per day (ReportSums, the walk-in numbers day by day), the info evenings and feedback from the facts themselves.
using Booking.Domain.Goals;
using System.Globalization;
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

    /// <summary>The report computed from every fact of the unit (the recount: see <see cref="ReportInput.Of"/>).</summary>
    /// <param name="offeredCallBacks">How many call-back slots the configuration offered on the dates of a period.</param>
    public static UnitReport Compute(IEnumerable<ReportFact> facts, LocalDate from, LocalDate to, DateTimeZone zone,
        Func<LocalDate, LocalDate, int> offeredCallBacks) =>
        Compute(ReportInput.Of(facts, from, to, zone), from, to, zone, offeredCallBacks);

    /// <summary>The report computed from the sums of the range's days and the facts read whole.</summary>
    /// <param name="offeredCallBacks">How many call-back slots the configuration offered on the dates of a period.</param>
    public static UnitReport Compute(ReportInput input, LocalDate from, LocalDate to, DateTimeZone zone,
        Func<LocalDate, LocalDate, int> offeredCallBacks)
    {
        if (to < from) throw new ArgumentException("The range ends before it starts.", nameof(to));
        var whole = new WholeFacts(input.Facts, input.WalkInDays);
        var months = new List<PeriodFigures>();
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var month = ReportFact.MonthOf(from); month <= to; month = month.PlusMonths(1))
        {
            var first = month < from ? from : month;
            var last = month.PlusMonths(1).PlusDays(-1) is var end && end > to ? to : end;
            var sums = input.MonthSums.GetValueOrDefault(month) ?? new Dictionary<string, int>();
            foreach (var (figure, count) in sums) total[figure] = total.GetValueOrDefault(figure) + count;
            months.Add(Period(sums, whole, first, last, zone, offeredCallBacks));
        }
        return new UnitReport(from, to, months, Period(total, whole, from, to, zone, offeredCallBacks));
    }

    private sealed class WholeFacts(IReadOnlyList<ReportFact> facts, IReadOnlyDictionary<LocalDate, IReadOnlyDictionary<string, int>> walkInDays)
    {
        /// <summary>Each walk-in day with a number issued or refused, in order, with its walk-in sums.</summary>
        public List<(LocalDate Date, IReadOnlyDictionary<string, int> Sums)> WalkInDays { get; } =
            [.. walkInDays.Where(d => d.Value.GetValueOrDefault("walkin:issued") > 0 || d.Value.GetValueOrDefault("walkin:refused") > 0)
                .OrderBy(d => d.Key).Select(d => (d.Key, d.Value))];
        public List<EveningFact> Evenings { get; } = facts.OfType<EveningFact>().ToList();
        public List<FeedbackFact> Feedback { get; } = facts.OfType<FeedbackFact>().ToList();
    }

    /// <param name="sums">The sums of the period's days (ReportSums' figures).</param>
    private static PeriodFigures Period(IReadOnlyDictionary<string, int> sums, WholeFacts facts, LocalDate from, LocalDate to, DateTimeZone zone,
        Func<LocalDate, LocalDate, int> offered)
    {
        int Sum(string figure) => sums.GetValueOrDefault(figure);
        MeetingCounts Counts(string dimension, string group) => new(Sum(ReportSums.Meeting(dimension, group, ReportSums.Booked)),
            Sum(ReportSums.Meeting(dimension, group, ReportSums.Held)), Sum(ReportSums.Meeting(dimension, group, ReportSums.NoShow)),
            Sum(ReportSums.Meeting(dimension, group, ReportSums.Cancelled)));
        // A group is shown when a meeting of the period has it (each meeting counts as booked), and the always-shown ones.
        IReadOnlyDictionary<string, MeetingCounts> By(string dimension, params string[] always)
        {
            var result = new SortedDictionary<string, MeetingCounts>(StringComparer.Ordinal);
            foreach (var group in always) result[group] = MeetingCounts.Zero;
            var prefix = $"meetings:{dimension}:";
            var suffix = $":{ReportSums.Booked}";
            foreach (var (figure, count) in sums)
                if (count > 0 && figure.StartsWith(prefix, StringComparison.Ordinal) && figure.EndsWith(suffix, StringComparison.Ordinal)
                    && figure.Length >= prefix.Length + suffix.Length)
                {
                    var group = figure[prefix.Length..^suffix.Length];
                    result[group] = Counts(dimension, group);
                }
            return result;
        }
        var figures = new MeetingFigures(Counts("all", "all"), By("kind"), By("modality"), By("channel", Online, Secretary, WalkInFollowUp),
            By("hours", Daytime, Evening), By("work", Single, PairWork));

        var leads = new List<int>();
        foreach (var (figure, count) in sums)
            if (count > 0 && figure.StartsWith(ReportSums.LeadPrefix, StringComparison.Ordinal))
                leads.AddRange(Enumerable.Repeat(int.Parse(figure[ReportSums.LeadPrefix.Length..], CultureInfo.InvariantCulture), count));
        leads.Sort();
        var within = leads.Count(d => d <= LeadTime.TargetDays);
        var leadTime = new LeadTimeFigures(leads.Count, Median(leads), Percentile90(leads), within,
            leads.Count == 0 ? null : Math.Round(100.0 * within / leads.Count, 1));

        var walkInDays = facts.WalkInDays.Where(d => d.Date >= from && d.Date <= to).ToList();
        int WalkIn(string figure) => walkInDays.Sum(d => d.Sums.GetValueOrDefault(figure));
        var days = walkInDays.Select(d =>
        {
            var dayWaits = Waits(d.Sums);
            return new WalkInDayFigures(d.Date, d.Sums.GetValueOrDefault("walkin:issued"), d.Sums.GetValueOrDefault("walkin:served"),
                d.Sums.GetValueOrDefault("walkin:refused"), MedianMinutes(dayWaits), Percentile90(dayWaits));
        }).ToList();
        var waits = walkInDays.SelectMany(d => Waits(d.Sums)).Order().ToList();
        var byReason = new Dictionary<string, int> { [RefusalReasons.QueueFullAnswer] = 0, [RefusalReasons.IntakeClosedAnswer] = 0 };
        const string reasonPrefix = "walkin:refused:";
        foreach (var (_, daySums) in walkInDays)
            foreach (var (figure, count) in daySums)
                if (figure.StartsWith(reasonPrefix, StringComparison.Ordinal))
                    byReason[figure[reasonPrefix.Length..]] = byReason.GetValueOrDefault(figure[reasonPrefix.Length..]) + count;
        var walkIn = new WalkInReportFigures(WalkIn("walkin:issued"), WalkIn("walkin:served"), WalkIn("walkin:noShow"),
            WalkIn("walkin:refused"), byReason, MedianMinutes(waits), Percentile90(waits), days);

        var callBackFigures = new CallBackReportFigures(offered(from, to), Sum("callbacks:reserved"), Sum("callbacks:done"),
            Sum("callbacks:doneOnRetry"), Sum("callbacks:notReached"), Sum("callbacks:cancelled"), Sum("callbacks:open"));

        var evenings = facts.Evenings.Where(e => !e.Cancelled && e.Start.InZone(zone).Date is var d && d >= from && d <= to).ToList();
        var eveningFigures = new EveningReportFigures(evenings.Count, evenings.Sum(e => e.Capacity), evenings.Sum(e => e.Registrations.Count),
            evenings.Count == 0 ? 0 : evenings.Max(e => e.WaitlistPeak),
            evenings.Sum(e => e.Registrations.Count(r => r.Attended == true && !r.Cancelled)));

        var outcomes = Enum.GetValues<ThlOutcome>().ToDictionary(Wire, o => Sum($"outcomes:{Wire(o)}"));
        return new PeriodFigures(from, to, figures, leadTime, walkIn, callBackFigures, eveningFigures,
            new OutcomeFigures(Sum("outcomes:any"), outcomes), FeedbackOf(facts.Feedback, from, to), ImpactOf(sums, facts.Feedback, from, to));
    }

    private static ImpactFigures ImpactOf(IReadOnlyDictionary<string, int> sums, List<FeedbackFact> feedback, LocalDate from, LocalDate to)
    {
        int Sum(string figure) => sums.GetValueOrDefault(figure);
        var min = ImpactFigures.MinimumGroup;
        int first = Sum("impact:first"), last = Sum("impact:last");
        IReadOnlyDictionary<string, int>? byGoal = first < min ? null
            : new SortedDictionary<string, int>(Enum.GetValues<FamilyGoal>().ToDictionary(Wire, g => Sum($"impact:goal:{Wire(g)}")), StringComparer.Ordinal);
        int? Reviewed(string figure) => last < min ? null : Sum(figure);

        // Feedback is kept by month only: the months the period touches, as FeedbackOf counts them.
        var months = feedback.Where(f => f.MonthStart <= to && f.MonthStart.PlusMonths(1) > from).ToList();
        int before = months.Sum(f => f.FirstAnswers), after = months.Sum(f => f.LastAnswers);
        double? Average(int answers, int sum) => answers < min ? null : Math.Round((double)sum / answers, 1, MidpointRounding.AwayFromZero);
        var agreeBefore = Average(before, months.Sum(f => f.FirstAgree));
        var agreeAfter = Average(after, months.Sum(f => f.LastAgree));
        return new ImpactFigures(first, byGoal, last,
            Reviewed($"impact:met:{Wire(GoalsMet.Met)}"), Reviewed($"impact:met:{Wire(GoalsMet.PartlyMet)}"), Reviewed($"impact:met:{Wire(GoalsMet.NotMet)}"),
            Reviewed("impact:agreement"), before, agreeBefore, after, agreeAfter,
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

    public static string ChannelOf(BookingChannel channel) => channel switch
    {
        BookingChannel.Online => Online,
        BookingChannel.WalkIn => WalkInFollowUp,
        _ => Secretary,
    };

    /// <summary>The wire name of an enum value (camelCase, as the API writes enums).</summary>
    public static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum =>
        value.ToString() is var name && name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    /// <summary>A walk-in day's waits in minutes, in order, from its counts per minute.</summary>
    private static List<int> Waits(IReadOnlyDictionary<string, int> day)
    {
        var waits = new List<int>();
        foreach (var (figure, count) in day)
            if (count > 0 && figure.StartsWith(ReportSums.WaitPrefix, StringComparison.Ordinal))
                waits.AddRange(Enumerable.Repeat(int.Parse(figure[ReportSums.WaitPrefix.Length..], CultureInfo.InvariantCulture), count));
        waits.Sort();
        return waits;
    }

    private static double? Median(List<int> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;

    private static int? MedianMinutes(List<int> sorted) => Median(sorted) is { } m ? (int)Math.Floor(m) : null;

    private static int? Percentile90(List<int> sorted) => sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
}
