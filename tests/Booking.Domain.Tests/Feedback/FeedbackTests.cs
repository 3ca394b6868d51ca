// Feedback in the room over hand-built histories and an in-memory store: a code works once and for two hours, what is
// stored names only the kind of meeting and the month, comments are shown late and in groups of five, and the report
// counts the answers.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Feedback;
using Booking.Domain.Figures;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Feedback;

public class FeedbackTests
{
    private static readonly LocalDate October = new(2026, 10, 1);
    private static readonly Instant IssuedAt = Helsinki(L(2026, 10, 26, 10, 40));
    private const string Hash = "abc123";

    private static Decision<FeedbackCodeEvent> When(FeedbackCodeCommand command, params FeedbackCodeEvent[] given) =>
        FeedbackCodeDecider.Decide(command, given.Aggregate(FeedbackCode.Initial, (s, e) => FeedbackCode.Evolve(s, e)));

    private static FeedbackCodeIssued Issued => new(Hash, "advice", October, IssuedAt.Plus(FeedbackCodeDecider.Lifetime));

    [Fact]
    public void Given_an_issued_code_When_it_is_answered_within_two_hours_Then_it_is_used()
    {
        var decision = When(new UseFeedbackCode(Hash, IssuedAt.Plus(Duration.FromMinutes(119))), Issued);
        Assert.Equal([new FeedbackCodeUsed(Hash, IssuedAt.Plus(Duration.FromMinutes(119)))], decision.Events);
    }

    [Fact]
    public void Given_a_used_code_When_it_is_answered_again_Then_it_is_gone_as_used()
    {
        var decision = When(new UseFeedbackCode(Hash, IssuedAt.Plus(Duration.FromMinutes(5))), Issued, new FeedbackCodeUsed(Hash, IssuedAt.Plus(Duration.FromMinutes(2))));
        Assert.Equal(FeedbackCodeDecider.Used, decision.Error?.Code);
        Assert.Equal(ErrorKind.Gone, decision.Error?.Kind);
    }

    [Fact]
    public void Given_an_issued_code_When_it_is_answered_at_its_expiry_Then_it_is_gone_as_expired()
    {
        var decision = When(new UseFeedbackCode(Hash, IssuedAt.Plus(Duration.FromHours(2))), Issued);
        Assert.Equal(FeedbackCodeDecider.Expired, decision.Error?.Code);
        Assert.Equal(ErrorKind.Gone, decision.Error?.Kind);
    }

    [Fact]
    public void Given_no_code_When_it_is_answered_Then_it_is_not_found()
    {
        var decision = When(new UseFeedbackCode(Hash, IssuedAt));
        Assert.Equal(FeedbackCodeDecider.NotFound, decision.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, decision.Error?.Kind);
    }

    [Theory]
    [InlineData(0, 3, 3, null, "heard")]
    [InlineData(3, 6, 3, null, "understood")]
    [InlineData(3, 3, null, null, "helped")]
    [InlineData(3, 3, 3, "a\u0007b", "comment")]
    public void An_answer_out_of_range_or_missing_names_the_field(int? heard, int? understood, int? helped, string? comment, string field)
    {
        var (answer, errors) = FeedbackAnswers.Check(new FeedbackAnswerInput(null, heard, understood, helped, comment));
        Assert.Null(answer);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void An_unknown_audience_and_a_too_long_comment_are_refused()
    {
        var (_, errors) = FeedbackAnswers.Check(new FeedbackAnswerInput("grandparent", 1, 2, 3, new string('x', 1001)));
        Assert.Equal(["audience", "comment"], errors.Keys.Order());
    }

    private static FeedbackComment Comment(string text, int month = 10) => new(UnitId, new LocalDate(2026, month, 1), "advice", FeedbackAudience.Parent, text);

    [Fact]
    public void Comments_of_a_month_are_shown_14_days_after_it_ends_in_alphabetical_order_and_not_before()
    {
        var five = new[] { "e", "c", "a", "d", "b" }.Select(t => Comment(t)).ToList();
        var before = FeedbackCommentRelease.Groups(five, new LocalDate(2026, 11, 14)).Single();
        Assert.False(before.Shown);
        Assert.Empty(before.Texts);
        Assert.Equal(5, before.Count);
        var after = FeedbackCommentRelease.Groups(five, new LocalDate(2026, 11, 15)).Single();
        Assert.True(after.Shown);
        Assert.Equal(["a", "b", "c", "d", "e"], after.Texts);
    }

    [Fact]
    public void A_month_with_fewer_than_five_comments_is_never_shown_and_months_are_not_pooled()
    {
        var comments = new[] { "a", "b", "c", "d" }.Select(t => Comment(t)).Append(Comment("x", 11)).ToList();
        var groups = FeedbackCommentRelease.Groups(comments, new LocalDate(2027, 6, 1));
        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.False(g.Shown));
        Assert.All(groups, g => Assert.Empty(g.Texts));
        Assert.Equal(4, groups[0].Count);
    }

    // The use cases over the in-memory store: now is Monday 2026-10-26 10:40 in Helsinki.
    private readonly FakeClock clock = new(IssuedAt);
    private readonly InMemoryEventStore store;
    private readonly FeedbackCodes codes;
    private readonly Guid held = Guid.NewGuid(), booked = Guid.NewGuid();

    public FeedbackTests()
    {
        store = new InMemoryEventStore(clock);
        codes = new FeedbackCodes(store, new FixedConfiguration(Config()), new NoComments(), clock);
        var client = Guid.NewGuid();
        var start = Helsinki(L(2026, 10, 26, 10, 0));
        Seed([
            (held, new AppointmentBooked(held, client, "agreement", Modality.InPerson, start, start.Plus(Duration.FromMinutes(30)),
                start.Plus(Duration.FromMinutes(40)), Anna, BookingChannel.Online, "client", start.Minus(Duration.FromDays(3)))),
            (held, new AppointmentCompleted(held, "staff:anna", start.Plus(Duration.FromMinutes(30)))),
            (booked, new AppointmentBooked(booked, client, "advice", Modality.InPerson, start.Plus(Duration.FromHours(3)), start.Plus(Duration.FromHours(4)),
                start.Plus(Duration.FromHours(4)), Anna, BookingChannel.Online, "client", start.Minus(Duration.FromDays(3)))),
        ]);
    }

    private void Seed(IEnumerable<(Guid Id, AppointmentEvent Event)> events)
    {
        foreach (var group in events.GroupBy(e => e.Id))
        {
            var session = store.OpenSession(UnitId, "test");
            session.Append(StreamIds.Appointment(group.Key), StreamIds.AppointmentType, 0, group.Select(e => (object)e.Event).ToList());
            session.SaveChangesAsync().GetAwaiter().GetResult();
        }
    }

    private const string Code = "AbCdEfGhIjKlMnOpQrStUv";

    [Fact]
    public async Task The_supervisor_shows_a_code_for_a_held_meeting_and_it_is_answered_once_naming_only_the_kind_and_the_month()
    {
        var issued = await codes.Issue(UnitId, Anna, new HeldMeeting(held), Code);
        Assert.Equal(("agreement", October), (issued.Value!.Kind, issued.Value.Month));
        Assert.Equal(IssuedAt.Plus(Duration.FromHours(2)), issued.Value.ExpiresAt);
        Assert.True((await codes.Check(UnitId, Code)).Succeeded);

        var given = await codes.Give(UnitId, Code, new FeedbackAnswerInput("child", 5, 4, 3, "  Kiva paikka.  "));
        Assert.Equal(new FeedbackGiven("agreement", October, FeedbackAudience.Child, 5, 4, 3, true), given.Value);
        Assert.Equal(FeedbackCodeDecider.Used, (await codes.Give(UnitId, Code, new FeedbackAnswerInput(null, 1, 1, 1, null))).Refusal?.Error.Code);
        Assert.Equal(FeedbackCodeDecider.Used, (await codes.Check(UnitId, Code)).Refusal?.Error.Code);

        // Nothing stored names the meeting, the family, the code or the supervisor.
        var feedbackEvents = store.Events.Where(e => e.StreamId.StartsWith("feedback", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, feedbackEvents.Count);
        Assert.All(feedbackEvents, e => Assert.Equal("feedback", e.CausedBy));
        foreach (var text in feedbackEvents.Select(e => e.Data.ToString()!).Append(store.DocumentsOf<FeedbackComment>().Single().ToString()))
        {
            Assert.DoesNotContain(held.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(held.ToString("N"), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Anna.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Code, text, StringComparison.Ordinal);
        }
        Assert.Equal(new FeedbackComment(UnitId, October, "agreement", FeedbackAudience.Child, "Kiva paikka."), store.DocumentsOf<FeedbackComment>().Single());
        Assert.Single(store.Events, e => e.StreamId == "feedback-2026-10" && e.Data is FeedbackGiven);
    }

    [Fact]
    public async Task A_code_expires_after_two_hours_and_a_bad_answer_leaves_it_usable()
    {
        Assert.True((await codes.Issue(UnitId, Anna, new HeldMeeting(held), Code)).Succeeded);
        var bad = await codes.Give(UnitId, Code, new FeedbackAnswerInput(null, 6, 3, 3, null));
        Assert.Equal(["heard"], bad.Refusal!.Fields!.Keys);
        Assert.True((await codes.Check(UnitId, Code)).Succeeded);
        clock.Reset(IssuedAt.Plus(Duration.FromHours(2)));
        Assert.Equal(FeedbackCodeDecider.Expired, (await codes.Give(UnitId, Code, new FeedbackAnswerInput(null, 3, 3, 3, null))).Refusal?.Error.Code);
        Assert.Empty(store.EventsOf<FeedbackGiven>());
    }

    [Fact]
    public async Task Only_the_meetings_own_professional_shows_a_code_and_only_for_a_held_meeting()
    {
        Assert.Equal(ErrorKind.Forbidden, (await codes.Issue(UnitId, Bertil, new HeldMeeting(held), Code)).Refusal?.Error.Kind);
        Assert.Equal(FeedbackCodes.MeetingNotHeld, (await codes.Issue(UnitId, Anna, new HeldMeeting(booked), Code)).Refusal?.Error.Code);
        Assert.Equal(ErrorKind.NotFound, (await codes.Issue(UnitId, Anna, new HeldMeeting(Guid.NewGuid()), Code)).Refusal?.Error.Kind);
        Assert.Equal(ErrorKind.NotFound, (await codes.Check(UnitId, Code)).Refusal?.Error.Kind);
        Assert.Equal(ErrorKind.NotFound, (await codes.Check(UnitId, "too-short")).Refusal?.Error.Kind);
        Assert.Empty(store.EventsOf<FeedbackCodeIssued>());
    }

    [Fact]
    public void The_report_counts_answers_and_averages_the_faces_by_month_and_in_the_CSV()
    {
        (string, object) Given(int month, FeedbackAudience audience, int heard, int understood, int helped, bool commented, string kind = "advice") =>
            (StreamIds.FeedbackMonth(new LocalDate(2026, month, 1)), new FeedbackGiven(kind, new LocalDate(2026, month, 1), audience, heard, understood, helped, commented));
        var facts = ReportFacts.Fold([
            Given(10, FeedbackAudience.Parent, 5, 4, 3, true),
            Given(10, FeedbackAudience.Parent, 4, 4, 4, false),
            Given(10, FeedbackAudience.Child, 3, 5, 5, false, FeedbackCodes.WalkInKind),
            Given(11, FeedbackAudience.Parent, 1, 1, 1, true),
        ]).Values;
        var report = UnitReport.Compute(facts, October, new LocalDate(2026, 11, 30), DateTimeZoneProviders.Tzdb["Europe/Helsinki"], (_, _) => 0);

        var october = report.Months[0].Feedback;
        Assert.Equal((3, 2, 1, 1), (october.Answers, october.Parents, october.Children, october.Comments));
        Assert.Equal((4.0, 4.3, 4.0), (october.Heard!.Value, october.Understood!.Value, october.Helped!.Value));
        Assert.Equal(2, october.AnswersByKind["advice"]);
        Assert.Equal(1, october.AnswersByKind["walkIn"]);
        Assert.Equal(4, report.Total.Feedback.Answers);
        Assert.Equal(3.3, report.Total.Feedback.Heard);

        var lines = ReportCsv.Write(report).Split("\r\n");
        Assert.Contains("2026-10-01;2026-10-31;feedback;answers;all;3", lines);
        Assert.Contains("2026-10-01;2026-10-31;feedback;understood_average;all;4.3", lines);
        Assert.Contains("2026-11-01;2026-11-30;feedback;comments;all;1", lines);
        Assert.Contains("2026-10-01;2026-10-31;feedback;answers;kind:walkIn;1", lines);
    }

    private sealed class NoComments : IFeedbackCommentReader
    {
        public Task<IReadOnlyList<FeedbackComment>> Of(Guid unitId, LocalDate fromMonth, LocalDate toMonth, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<FeedbackComment>>([]);
    }
}
