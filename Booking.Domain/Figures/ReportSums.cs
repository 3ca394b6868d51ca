// The report's counts kept per day: each meeting and call-back adds one to a few figures of its day (booked, held by kind,
// modality ...), each family one to the lead time of the day of its first meeting. The projection keeps these sums,
// adding what a changed fact adds now and taking away what it added before, so a year's report reads a few thousand sums
// instead of every fact; the recount sums the fact list the same way. Medians come from the counts per lead time, exactly.
using System.Globalization;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using NodaTime;

namespace Booking.Domain.Figures;

/// <summary>A family's first contact (the earliest of a logged contact, a call-back reserved, any booking made) and first
/// meeting not cancelled: the two ends of its lead time.</summary>
public sealed record FamilyFirsts(Guid FamilyId, Instant Contact, Instant? Meeting)
{
    /// <summary>The local day of the first meeting and the calendar days from the first contact (null without a meeting).</summary>
    public (LocalDate Day, int Days)? Lead(DateTimeZone zone)
    {
        if (Meeting is not { } meeting) return null;
        var day = meeting.InZone(zone).Date;
        return (day, Period.Between(Contact.InZone(zone).Date, day, PeriodUnits.Days).Days);
    }
}

/// <summary>What a report of a range is computed from: per month the range touches, the sums of its days in the range; per
/// walk-in day, its walk-in sums; and the facts read whole (info evenings and feedback: a few hundred a year).</summary>
public sealed record ReportInput(IReadOnlyDictionary<LocalDate, IReadOnlyDictionary<string, int>> MonthSums,
    IReadOnlyDictionary<LocalDate, IReadOnlyDictionary<string, int>> WalkInDays, IReadOnlyList<ReportFact> Facts)
{
    /// <summary>The input of a range computed from every fact of the unit (the recount the projection's sums must equal).</summary>
    public static ReportInput Of(IEnumerable<ReportFact> facts, LocalDate from, LocalDate to, DateTimeZone zone)
    {
        var all = facts.ToList();
        var inRange = ReportSums.Sum(all, zone).Where(s => s.Key.Day >= from && s.Key.Day <= to && s.Value != 0).ToList();
        return new ReportInput(By(inRange, day => ReportFact.MonthOf(day)),
            By(inRange.Where(s => s.Key.Figure.StartsWith(ReportSums.WalkInPrefix, StringComparison.Ordinal)), day => day),
            [.. all.Where(ReportSums.IsReadWhole)]);
    }

    private static Dictionary<LocalDate, IReadOnlyDictionary<string, int>> By(IEnumerable<KeyValuePair<(LocalDate Day, string Figure), int>> sums,
        Func<LocalDate, LocalDate> period)
    {
        var result = new Dictionary<LocalDate, IReadOnlyDictionary<string, int>>();
        foreach (var group in sums.GroupBy(s => period(s.Key.Day)))
        {
            var figures = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var ((_, figure), count) in group) figures[figure] = figures.GetValueOrDefault(figure) + count;
            result[group.Key] = figures;
        }
        return result;
    }
}

public static class ReportSums
{
    public const string Booked = "booked", Held = "held", NoShow = "noShow", Cancelled = "cancelled";
    public const string LeadPrefix = "lead:";

    /// <summary>The figures of walk-in numbers, read per day (each Thursday has its own line in the report).</summary>
    public const string WalkInPrefix = "walkin:";
    public const string WaitPrefix = "walkin:wait:";

    /// <summary>Facts the report reads whole rather than as sums.</summary>
    public static bool IsReadWhole(ReportFact fact) => fact is EveningFact or FeedbackFact;

    /// <summary>The figure a meeting adds to: meetings:{dimension}:{group}:{booked|held|noShow|cancelled}.</summary>
    public static string Meeting(string dimension, string group, string count) => $"meetings:{dimension}:{group}:{count}";

    public static string Lead(int days) => LeadPrefix + days.ToString(CultureInfo.InvariantCulture);

    /// <summary>The figures of its day a meeting or a call-back adds one to (none for other facts).</summary>
    public static IEnumerable<(LocalDate Day, string Figure)> Of(ReportFact fact, DateTimeZone zone)
    {
        switch (fact)
        {
            case MeetingFact m:
            {
                var local = m.Start.InZone(zone).LocalDateTime;
                var day = local.Date;
                var status = m.Status switch
                {
                    AppointmentStatus.Completed => Held,
                    AppointmentStatus.NoShow => NoShow,
                    AppointmentStatus.Cancelled => Cancelled,
                    _ => null,
                };
                (string, string)[] groups = [("all", "all"), ("kind", m.Kind), ("modality", UnitReport.Wire(m.Modality)),
                    ("channel", UnitReport.ChannelOf(m.Channel)), ("hours", local.TimeOfDay >= UnitReport.EveningFrom ? UnitReport.Evening : UnitReport.Daytime),
                    ("work", m.Pair ? UnitReport.PairWork : UnitReport.Single)];
                foreach (var (dimension, group) in groups)
                {
                    yield return (day, Meeting(dimension, group, Booked));
                    if (status is not null) yield return (day, Meeting(dimension, group, status));
                }
                if (m.Status != AppointmentStatus.Completed) yield break;
                if (m.Outcomes.Count > 0) yield return (day, "outcomes:any");
                foreach (var outcome in m.Outcomes.Distinct()) yield return (day, $"outcomes:{UnitReport.Wire(outcome)}");
                if (m.Goals is { Count: > 0 } goals)
                {
                    yield return (day, "impact:first");
                    foreach (var goal in goals.Distinct()) yield return (day, $"impact:goal:{UnitReport.Wire(goal)}");
                }
                if (m.Review is { } review)
                {
                    yield return (day, "impact:last");
                    yield return (day, $"impact:met:{UnitReport.Wire(review.Met)}");
                    if (review.Agreement) yield return (day, "impact:agreement");
                }
                break;
            }
            case TicketFact t:
                yield return (t.Date, "walkin:issued");
                if (t.End == TicketEnd.Served) yield return (t.Date, "walkin:served");
                if (t.End == TicketEnd.NoShow) yield return (t.Date, "walkin:noShow");
                // From the number's issue to its first call, whole minutes (rounded down).
                if (t.FirstCalledAt is { } called)
                    yield return (t.Date, WaitPrefix + ((int)(called - t.IssuedAt).TotalMinutes).ToString(CultureInfo.InvariantCulture));
                break;
            case RefusalFact r:
                yield return (r.Date, "walkin:refused");
                yield return (r.Date, $"walkin:refused:{r.Reason}");
                break;
            case CallBackFact c:
                yield return (c.Date, "callbacks:reserved");
                switch (c.Status)
                {
                    case CallBackStatus.Done:
                        yield return (c.Date, "callbacks:done");
                        if (c.Attempts > 0) yield return (c.Date, "callbacks:doneOnRetry");
                        break;
                    case CallBackStatus.NotReached: yield return (c.Date, "callbacks:notReached"); break;
                    case CallBackStatus.Cancelled: yield return (c.Date, "callbacks:cancelled"); break;
                    case CallBackStatus.Reserved: yield return (c.Date, "callbacks:open"); break;
                }
                break;
        }
    }

    /// <summary>Adds to <paramref name="sums"/> what a fact's change from <paramref name="before"/> to <paramref name="after"/>
    /// changes in its days' figures (either may be null).</summary>
    public static void Change(Dictionary<(LocalDate Day, string Figure), int> sums, ReportFact? before, ReportFact? after, DateTimeZone zone)
    {
        if (before is not null) foreach (var key in Of(before, zone)) sums[key] = sums.GetValueOrDefault(key) - 1;
        if (after is not null) foreach (var key in Of(after, zone)) sums[key] = sums.GetValueOrDefault(key) + 1;
    }

    /// <summary>Adds to <paramref name="sums"/> a family's change of lead time (either end may be null: no first meeting).</summary>
    public static void Change(Dictionary<(LocalDate Day, string Figure), int> sums, (LocalDate Day, int Days)? before, (LocalDate Day, int Days)? after)
    {
        if (before is { } b) sums[(b.Day, Lead(b.Days))] = sums.GetValueOrDefault((b.Day, Lead(b.Days))) - 1;
        if (after is { } a) sums[(a.Day, Lead(a.Days))] = sums.GetValueOrDefault((a.Day, Lead(a.Days))) + 1;
    }

    /// <summary>Every fact's figures and every family's lead time, summed per day.</summary>
    public static Dictionary<(LocalDate Day, string Figure), int> Sum(IReadOnlyCollection<ReportFact> facts, DateTimeZone zone)
    {
        var sums = new Dictionary<(LocalDate Day, string Figure), int>();
        foreach (var fact in facts) Change(sums, null, fact, zone);
        foreach (var family in Families(facts)) Change(sums, null, family.Lead(zone));
        return sums;
    }

    /// <summary>Each family's first contact and first meeting not cancelled, from its facts (families, parents, meetings,
    /// call-backs). A client the secretary added to a family counts for that family; a client never added is a family of
    /// their own. Given only some families' facts (with the parents of their clients), their figures are the same.</summary>
    public static IEnumerable<FamilyFirsts> Families(IEnumerable<ReportFact> facts)
    {
        var list = facts as IReadOnlyCollection<ReportFact> ?? facts.ToList();
        var familyOf = new Dictionary<Guid, Guid>();
        foreach (var p in list.OfType<ParentFact>()) familyOf[p.ClientId] = p.FamilyId;
        Guid FamilyOf(Guid? familyId, Guid clientId) => familyId ?? familyOf.GetValueOrDefault(clientId, clientId);

        var firstContact = new Dictionary<Guid, Instant>();
        void Contact(Guid family, Instant at)
        {
            if (!firstContact.TryGetValue(family, out var known) || at < known) firstContact[family] = at;
        }
        var firstMeeting = new Dictionary<Guid, Instant>();
        foreach (var fact in list)
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
        return firstContact.Select(c => new FamilyFirsts(c.Key, c.Value, firstMeeting.TryGetValue(c.Key, out var meeting) ? meeting : null));
    }

    /// <summary>The families a change of this fact may concern, as ids to look up (a client's id stands for the family it
    /// belongs to, or is one): the projection recomputes those families' lead times.</summary>
    public static IEnumerable<Guid> FamilyIds(ReportFact? fact) => fact switch
    {
        MeetingFact m => m.FamilyId is { } family ? [family] : [m.ClientId],
        CallBackFact c => [c.ClientId],
        FamilyFact f => [f.FamilyId],
        ParentFact p => [p.ClientId, p.FamilyId],
        _ => [],
    };
}
