// What changed for the family, over hand-built histories: goals at the first meeting, their review at the last, the
// "how well can you now agree" question in those meetings' feedback only, and the report's before/after by month,
// withheld for groups smaller than the comments' minimum.
using Booking.Domain.Goals;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Feedback;
using Booking.Domain.Figures;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Figures;

public class FamilyGoalsTests
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
    private static readonly Instant Start = Helsinki(L(2026, 10, 26, 10, 0));
    private static readonly Instant Now = Start.Plus(Duration.FromMinutes(35));
    private static readonly Guid Meeting = Guid.NewGuid();

    private static AppointmentBooked Booked(Guid id, Instant start, string kind = "agreement") =>
        new(id, Guid.NewGuid(), kind, Modality.InPerson, start, start.Plus(Duration.FromMinutes(30)), start.Plus(Duration.FromMinutes(40)),
            Anna, BookingChannel.Online, "client", start.Minus(Duration.FromDays(3)));

    private static AppointmentCompleted Held(Guid id, Instant start) => new(id, "staff:anna", start.Plus(Duration.FromMinutes(30)));

    private static Decision<AppointmentEvent> When(FamilyGoalCommand command, params AppointmentEvent[] given) =>
        FamilyGoalDecider.Decide(command, given.Aggregate(FamilyGoalState.Initial, (s, e) => FamilyGoalState.Evolve(s, e)));

    [Fact]
    public void Given_a_held_meeting_When_the_family_goals_are_tapped_Then_they_are_recorded_as_codes_in_order_without_repeats()
    {
        var decision = When(new RecordFamilyGoals(Meeting, [FamilyGoal.AgreeOnContact, FamilyGoal.AgreeOnCustody, FamilyGoal.AgreeOnContact], "staff:anna", Now),
            Booked(Meeting, Start), Held(Meeting, Start));
        Assert.Equal([new FamilyGoalsRecorded(Meeting, [FamilyGoal.AgreeOnCustody, FamilyGoal.AgreeOnContact], "staff:anna", Now)], decision.Events,
            new FamilyGoalsRecordedComparer());
    }

    [Fact]
    public void Given_recorded_goals_When_the_same_goals_are_sent_again_Then_nothing_is_written()
    {
        var decision = When(new RecordFamilyGoals(Meeting, [FamilyGoal.CooperateBetter], "staff:anna", Now),
            Booked(Meeting, Start), Held(Meeting, Start), new FamilyGoalsRecorded(Meeting, [FamilyGoal.CooperateBetter], "staff:anna", Now));
        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_held_meeting_When_no_goal_is_chosen_Then_the_goals_field_is_refused()
    {
        var decision = When(new RecordFamilyGoals(Meeting, [], "staff:anna", Now), Booked(Meeting, Start), Held(Meeting, Start));
        Assert.Equal((FamilyGoalDecider.GoalsRequired, ErrorKind.Invalid, "goals"), (decision.Error?.Code, decision.Error?.Kind, decision.Error?.Field));
    }

    [Fact]
    public void Given_a_meeting_not_yet_held_When_goals_or_a_review_are_recorded_Then_the_rule_refuses_and_for_no_meeting_it_is_not_found()
    {
        Assert.Equal(FamilyGoalDecider.MeetingNotHeld, When(new RecordFamilyGoals(Meeting, [FamilyGoal.Information], "s", Now), Booked(Meeting, Start)).Error?.Code);
        Assert.Equal(FamilyGoalDecider.MeetingNotHeld, When(new ReviewFamilyGoals(Meeting, GoalsMet.Met, true, "s", Now), Booked(Meeting, Start)).Error?.Code);
        Assert.Equal(ErrorKind.NotFound, When(new ReviewFamilyGoals(Meeting, GoalsMet.Met, true, "s", Now)).Error?.Kind);
    }

    [Fact]
    public void Given_a_held_last_meeting_When_the_review_is_tapped_Then_it_is_recorded_and_a_correction_replaces_it()
    {
        var first = When(new ReviewFamilyGoals(Meeting, GoalsMet.PartlyMet, true, "staff:anna", Now), Booked(Meeting, Start), Held(Meeting, Start));
        Assert.Equal([new FamilyGoalsReviewed(Meeting, GoalsMet.PartlyMet, true, "staff:anna", Now)], first.Events);
        var again = When(new ReviewFamilyGoals(Meeting, GoalsMet.PartlyMet, true, "staff:anna", Now), Booked(Meeting, Start), Held(Meeting, Start), first.Events[0]);
        Assert.Empty(again.Events);
        var corrected = When(new ReviewFamilyGoals(Meeting, GoalsMet.Met, true, "staff:anna", Now), Booked(Meeting, Start), Held(Meeting, Start), first.Events[0]);
        Assert.Equal(GoalsMet.Met, Assert.IsType<FamilyGoalsReviewed>(Assert.Single(corrected.Events)).Met);
    }

    [Fact]
    public void A_meeting_with_goals_is_a_first_meeting_and_a_reviewed_one_a_last_meeting()
    {
        static MeetingStage? StageOf(params AppointmentEvent[] events) => events.Aggregate(FamilyGoalState.Initial, (s, e) => FamilyGoalState.Evolve(s, e)).Stage;
        Assert.Null(StageOf(Booked(Meeting, Start), Held(Meeting, Start)));
        Assert.Equal(MeetingStage.First, StageOf(Booked(Meeting, Start), Held(Meeting, Start), new FamilyGoalsRecorded(Meeting, [FamilyGoal.Information], "s", Now)));
        Assert.Equal(MeetingStage.Last, StageOf(Booked(Meeting, Start), Held(Meeting, Start), new FamilyGoalsRecorded(Meeting, [FamilyGoal.Information], "s", Now),
            new FamilyGoalsReviewed(Meeting, GoalsMet.Met, true, "s", Now)));
    }

    // The use cases over the in-memory store.
    private readonly FakeClock clock = new(Now);
    private readonly InMemoryEventStore store;
    private readonly FeedbackCodes codes;
    private readonly FamilyGoals goals;
    private const string Code = "AbCdEfGhIjKlMnOpQrStUv", OtherCode = "ZyXwVuTsRqPoNmLkJiHgFe";

    public FamilyGoalsTests()
    {
        store = new InMemoryEventStore(clock);
        codes = new FeedbackCodes(store, new FixedConfiguration(Config()), new NoComments(), clock);
        goals = new FamilyGoals(store, clock);
        var session = store.OpenSession(UnitId, "test");
        session.Append(StreamIds.Appointment(Meeting), StreamIds.AppointmentType, 0, [Booked(Meeting, Start), Held(Meeting, Start)]);
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Only_the_meetings_own_professional_records_the_goals()
    {
        Assert.Equal(ErrorKind.Forbidden, (await goals.Record(UnitId, Meeting, Bertil, [FamilyGoal.AgreeOnCustody])).Refusal?.Error.Kind);
        Assert.Equal(ErrorKind.NotFound, (await goals.Record(UnitId, Guid.NewGuid(), Anna, [FamilyGoal.AgreeOnCustody])).Refusal?.Error.Kind);
        Assert.Empty(store.EventsOf<FamilyGoalsRecorded>());
        var recorded = await goals.Record(UnitId, Meeting, Anna, [FamilyGoal.AgreeOnCustody]);
        Assert.Equal(MeetingStage.First, recorded.Value!.Stage);
        Assert.Single(store.EventsOf<FamilyGoalsRecorded>());
    }

    [Fact]
    public async Task A_first_meetings_code_asks_the_parent_how_well_they_can_agree_and_the_answer_names_the_stage_never_the_family()
    {
        Assert.True((await goals.Record(UnitId, Meeting, Anna, [FamilyGoal.AgreeOnResidence])).Succeeded);
        Assert.True((await codes.Issue(UnitId, Anna, new HeldMeeting(Meeting), Code)).Succeeded);
        Assert.Equal(MeetingStage.First, (await codes.Check(UnitId, Code)).Value!.Stage);

        var missing = await codes.Give(UnitId, Code, new FeedbackAnswerInput(null, 4, 4, 4, null));
        Assert.Equal(["agree"], missing.Refusal!.Fields!.Keys);
        var outOfRange = await codes.Give(UnitId, Code, new FeedbackAnswerInput(null, 4, 4, 4, null, 9));
        Assert.Equal(["agree"], outOfRange.Refusal!.Fields!.Keys);
        Assert.Empty(store.EventsOf<FeedbackGiven>());

        var given = await codes.Give(UnitId, Code, new FeedbackAnswerInput(null, 4, 4, 4, null, 2));
        Assert.Equal(new FeedbackGiven("agreement", new LocalDate(2026, 10, 1), FeedbackAudience.Parent, 4, 4, 4, false, MeetingStage.First, 2), given.Value);
        var code = Assert.Single(store.EventsOf<FeedbackCodeIssued>());
        Assert.DoesNotContain(Meeting.ToString("N"), code.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_last_meetings_code_asks_it_too_but_a_child_and_a_meeting_neither_first_nor_last_are_not_asked()
    {
        Assert.True((await codes.Issue(UnitId, Anna, new HeldMeeting(Meeting), OtherCode)).Succeeded);
        Assert.Null((await codes.Check(UnitId, OtherCode)).Value!.Stage);
        Assert.Equal(["agree"], (await codes.Give(UnitId, OtherCode, new FeedbackAnswerInput(null, 4, 4, 4, null, 3))).Refusal!.Fields!.Keys);
        Assert.Null((await codes.Give(UnitId, OtherCode, new FeedbackAnswerInput(null, 4, 4, 4, null))).Value!.Stage);

        Assert.True((await goals.Review(UnitId, Meeting, Anna, GoalsMet.Met, true)).Succeeded);
        Assert.True((await codes.Issue(UnitId, Anna, new HeldMeeting(Meeting), Code)).Succeeded);
        Assert.Equal(["agree"], (await codes.Give(UnitId, Code, new FeedbackAnswerInput("child", 4, 4, 4, null, 3))).Refusal!.Fields!.Keys);
        var child = await codes.Give(UnitId, Code, new FeedbackAnswerInput("child", 4, 4, 4, null));
        Assert.Equal((MeetingStage.Last, (int?)null), (child.Value!.Stage, child.Value.Agree));
    }

    // The report: by month, never per family, withheld below the minimum group.
    private static (string, object) Answer(int month, MeetingStage? stage, int? agree) =>
        (StreamIds.FeedbackMonth(new LocalDate(2026, month, 1)),
            new FeedbackGiven("agreement", new LocalDate(2026, month, 1), FeedbackAudience.Parent, 4, 4, 4, false, stage, agree));

    private static IEnumerable<(string, object)> HeldMeeting(int month, int day, FamilyGoal[]? goals = null, GoalReview? review = null)
    {
        var id = Guid.NewGuid();
        var start = Helsinki(L(2026, month, day, 9, 0));
        yield return (StreamIds.Appointment(id), Booked(id, start));
        yield return (StreamIds.Appointment(id), Held(id, start));
        if (goals is not null) yield return (StreamIds.Appointment(id), new FamilyGoalsRecorded(id, goals, "s", start));
        if (review is not null) yield return (StreamIds.Appointment(id), new FamilyGoalsReviewed(id, review.Met, review.Agreement, "s", start));
    }

    private static UnitReport Report(IEnumerable<(string, object)> events) =>
        UnitReport.Compute(ReportFacts.Fold(events).Values, new LocalDate(2026, 10, 1), new LocalDate(2026, 11, 30), Zone, (_, _) => 0);

    [Fact]
    public void The_report_shows_how_well_parents_can_agree_before_and_after_by_month_and_withholds_a_month_of_fewer_than_five_answers()
    {
        var report = Report([
            // October: five first-meeting answers (2, 2, 2, 3, 2 → 2.2), five last-meeting answers (4 → 4.0), and one plain answer.
            .. new[] { 2, 2, 2, 3, 2 }.Select(a => Answer(10, MeetingStage.First, a)),
            .. Enumerable.Repeat(4, 5).Select(a => Answer(10, MeetingStage.Last, a)),
            Answer(10, null, null),
            // November: four last-meeting answers only: too few to show.
            .. Enumerable.Repeat(5, 4).Select(a => Answer(11, MeetingStage.Last, a)),
        ]);

        var october = report.Months[0].Impact;
        Assert.Equal((5, 2.2, 5, 4.0, 1.8), (october.AnswersBefore, october.AgreeBefore, october.AnswersAfter, october.AgreeAfter, october.AgreeChange));
        var november = report.Months[1].Impact;
        Assert.Equal((0, (double?)null, 4, (double?)null, (double?)null),
            (november.AnswersBefore, november.AgreeBefore, november.AnswersAfter, november.AgreeAfter, november.AgreeChange));
        // The whole range: 5 before (2.2), 9 after ((20 + 20) / 9 = 4.4).
        Assert.Equal((2.2, 4.4, 2.2), (report.Total.Impact.AgreeBefore, report.Total.Impact.AgreeAfter, report.Total.Impact.AgreeChange));

        var lines = ReportCsv.Write(report).Split("\r\n");
        Assert.Contains("2026-10-01;2026-10-31;impact;agree_average;before;2.2", lines);
        Assert.Contains("2026-10-01;2026-10-31;impact;agree_change;all;1.8", lines);
        Assert.Contains("2026-11-01;2026-11-30;impact;agree_answers;after;4", lines);
        Assert.Contains("2026-11-01;2026-11-30;impact;agree_average;after;", lines);
    }

    [Fact]
    public void The_report_counts_goals_at_first_meetings_and_the_review_at_last_meetings_by_month_withheld_below_five()
    {
        var met = new GoalReview(GoalsMet.Met, true);
        var report = Report([
            // October: five first meetings, five last meetings (3 met with agreement, 1 partly without, 1 not met without).
            .. HeldMeeting(10, 5, [FamilyGoal.AgreeOnCustody, FamilyGoal.AgreeOnResidence]),
            .. HeldMeeting(10, 6, [FamilyGoal.AgreeOnCustody]),
            .. HeldMeeting(10, 7, [FamilyGoal.ConfirmParenthood]),
            .. HeldMeeting(10, 8, [FamilyGoal.AgreeOnCustody]),
            .. HeldMeeting(10, 9, [FamilyGoal.Information]),
            .. HeldMeeting(10, 12, review: met), .. HeldMeeting(10, 13, review: met), .. HeldMeeting(10, 14, review: met),
            .. HeldMeeting(10, 15, review: new GoalReview(GoalsMet.PartlyMet, false)),
            .. HeldMeeting(10, 16, review: new GoalReview(GoalsMet.NotMet, false)),
            .. HeldMeeting(10, 20),
            // November: two first meetings and one last: counted, not broken down.
            .. HeldMeeting(11, 3, [FamilyGoal.AgreeOnCustody]), .. HeldMeeting(11, 4, [FamilyGoal.AgreeOnContact]),
            .. HeldMeeting(11, 5, review: met),
        ]);

        var october = report.Months[0].Impact;
        Assert.Equal(5, october.FirstMeetings);
        Assert.Equal(3, october.ByGoal!["agreeOnCustody"]);
        Assert.Equal(1, october.ByGoal["confirmParenthood"]);
        Assert.Equal(0, october.ByGoal["agreeOnMaintenance"]);
        Assert.Equal((5, 3, 1, 1, 3), (october.LastMeetings, october.GoalsMet, october.GoalsPartlyMet, october.GoalsNotMet, october.EndedInAgreement));

        var november = report.Months[1].Impact;
        Assert.Equal((2, 1), (november.FirstMeetings, november.LastMeetings));
        Assert.Null(november.ByGoal);
        Assert.Equal(((int?)null, (int?)null), (november.GoalsMet, november.EndedInAgreement));
        Assert.Equal((7, 4, 6), (report.Total.Impact.FirstMeetings, report.Total.Impact.ByGoal!["agreeOnCustody"], report.Total.Impact.LastMeetings));
        Assert.Equal(4, report.Total.Impact.EndedInAgreement);
    }

    private sealed class FamilyGoalsRecordedComparer : IEqualityComparer<AppointmentEvent>
    {
        public bool Equals(AppointmentEvent? x, AppointmentEvent? y) => x is FamilyGoalsRecorded a && y is FamilyGoalsRecorded b
            && (a.AppointmentId, a.RecordedBy, a.RecordedAt) == (b.AppointmentId, b.RecordedBy, b.RecordedAt) && a.Goals.SequenceEqual(b.Goals);

        public int GetHashCode(AppointmentEvent obj) => obj.AppointmentId.GetHashCode();
    }

    private sealed class NoComments : IFeedbackCommentReader
    {
        public Task<IReadOnlyList<FeedbackComment>> Of(Guid unitId, LocalDate fromMonth, LocalDate toMonth, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<FeedbackComment>>([]);
    }
}
