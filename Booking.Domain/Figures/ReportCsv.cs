// The unit report as a spreadsheet opens it: UTF-8 with a byte-order mark, semicolons (the Finnish and Swedish Excel
// default), one figure per row, and no cell a spreadsheet would run as a formula.
using Booking.Domain.Goals;
using System.Globalization;
using System.Text;
using NodaTime.Text;

namespace Booking.Domain.Figures;

public static class ReportCsv
{
    public static readonly string[] Columns = ["period_from", "period_to", "section", "figure", "group", "value"];

    /// <summary>The CSV text (without the byte-order mark: <see cref="Bytes"/> adds it).</summary>
    public static string Write(UnitReport report)
    {
        var text = new StringBuilder();
        Row(text, Columns);
        foreach (var period in report.Months.Append(report.Total)) Rows(text, period);
        return text.ToString();
    }

    public static byte[] Bytes(UnitReport report) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(report))];

    private static void Rows(StringBuilder text, PeriodFigures p)
    {
        void Add(string section, string figure, string group, object? value) => Row(text,
        [
            LocalDatePattern.Iso.Format(p.From), LocalDatePattern.Iso.Format(p.To), section, figure, group,
            value switch { null => "", double d => d.ToString("0.0", CultureInfo.InvariantCulture), IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), _ => value.ToString() ?? "" },
        ]);
        void Counts(string group, MeetingCounts c)
        {
            Add("meetings", "booked", group, c.Booked);
            Add("meetings", "held", group, c.Held);
            Add("meetings", "no_show", group, c.NoShow);
            Add("meetings", "cancelled", group, c.Cancelled);
        }

        Counts("all", p.Meetings.All);
        foreach (var (name, by) in new[] { ("kind", p.Meetings.ByKind), ("modality", p.Meetings.ByModality), ("channel", p.Meetings.ByChannel),
                     ("hours", p.Meetings.ByHours), ("work", p.Meetings.ByWork) })
            foreach (var (key, counts) in by) Counts($"{name}:{key}", counts);

        Add("lead_time", "families", "all", p.LeadTime.Families);
        Add("lead_time", "median_days", "all", p.LeadTime.MedianDays);
        Add("lead_time", "p90_days", "all", p.LeadTime.Percentile90Days);
        Add("lead_time", "within_7_days", "all", p.LeadTime.WithinTarget);
        Add("lead_time", "within_7_days_percent", "all", p.LeadTime.WithinTargetPercent);

        Add("walk_in", "issued", "all", p.WalkIn.Issued);
        Add("walk_in", "served", "all", p.WalkIn.Served);
        Add("walk_in", "no_show", "all", p.WalkIn.NoShows);
        Add("walk_in", "refused", "all", p.WalkIn.Refused);
        foreach (var (reason, count) in p.WalkIn.RefusedByReason) Add("walk_in", "refused", $"reason:{reason}", count);
        Add("walk_in", "wait_median_minutes", "all", p.WalkIn.WaitMedianMinutes);
        Add("walk_in", "wait_p90_minutes", "all", p.WalkIn.WaitPercentile90Minutes);
        foreach (var day in p.WalkIn.Thursdays)
        {
            var group = $"date:{LocalDatePattern.Iso.Format(day.Date)}";
            Add("walk_in", "issued", group, day.Issued);
            Add("walk_in", "served", group, day.Served);
            Add("walk_in", "refused", group, day.Refused);
            Add("walk_in", "wait_median_minutes", group, day.WaitMedianMinutes);
            Add("walk_in", "wait_p90_minutes", group, day.WaitPercentile90Minutes);
        }

        Add("call_backs", "offered", "all", p.CallBacks.Offered);
        Add("call_backs", "reserved", "all", p.CallBacks.Reserved);
        Add("call_backs", "done", "all", p.CallBacks.Done);
        Add("call_backs", "done_on_retry", "all", p.CallBacks.DoneOnRetry);
        Add("call_backs", "not_reached", "all", p.CallBacks.NotReached);
        Add("call_backs", "cancelled", "all", p.CallBacks.Cancelled);

        Add("info_evenings", "evenings", "all", p.Evenings.Evenings);
        Add("info_evenings", "seats", "all", p.Evenings.Seats);
        Add("info_evenings", "registrations", "all", p.Evenings.Registrations);
        Add("info_evenings", "waiting_list_peak", "all", p.Evenings.WaitlistPeak);
        Add("info_evenings", "attended", "all", p.Evenings.Attended);

        Add("outcomes", "meetings_with_outcome", "all", p.Outcomes.MeetingsWithOutcome);
        foreach (var (category, count) in p.Outcomes.ByCategory) Add("outcomes", "meetings", $"category:{category}", count);

        Add("feedback", "answers", "all", p.Feedback.Answers);
        Add("feedback", "answers", "audience:parent", p.Feedback.Parents);
        Add("feedback", "answers", "audience:child", p.Feedback.Children);
        Add("feedback", "heard_average", "all", p.Feedback.Heard);
        Add("feedback", "understood_average", "all", p.Feedback.Understood);
        Add("feedback", "helped_average", "all", p.Feedback.Helped);
        Add("feedback", "comments", "all", p.Feedback.Comments);
        foreach (var (kind, count) in p.Feedback.AnswersByKind) Add("feedback", "answers", $"kind:{kind}", count);

        // Withheld figures (fewer than the minimum group) are empty cells, as a missing median is.
        Add("impact", "first_meetings", "all", p.Impact.FirstMeetings);
        foreach (var goal in Enum.GetValues<FamilyGoal>())
            Add("impact", "first_meetings", $"goal:{UnitReport.Wire(goal)}", p.Impact.ByGoal?.GetValueOrDefault(UnitReport.Wire(goal)));
        Add("impact", "last_meetings", "all", p.Impact.LastMeetings);
        Add("impact", "last_meetings", "goals:met", p.Impact.GoalsMet);
        Add("impact", "last_meetings", "goals:partlyMet", p.Impact.GoalsPartlyMet);
        Add("impact", "last_meetings", "goals:notMet", p.Impact.GoalsNotMet);
        Add("impact", "last_meetings", "ended_in_agreement", p.Impact.EndedInAgreement);
        Add("impact", "agree_answers", "before", p.Impact.AnswersBefore);
        Add("impact", "agree_average", "before", p.Impact.AgreeBefore);
        Add("impact", "agree_answers", "after", p.Impact.AnswersAfter);
        Add("impact", "agree_average", "after", p.Impact.AgreeAfter);
        Add("impact", "agree_change", "all", p.Impact.AgreeChange);
    }

    private static void Row(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(';', cells.Select(Cell));
        text.Append("\r\n");
    }

    /// <summary>A cell as written: a leading = + - @ (or tab, carriage return) is escaped with an apostrophe so a spreadsheet
    /// shows it as text; a semicolon, quote or line break puts the cell in quotes.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
