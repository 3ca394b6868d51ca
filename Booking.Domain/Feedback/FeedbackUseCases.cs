// The feedback doors' use cases: the supervisor shows a code for a held meeting or a served walk-in visit; the parent or
// child answers once with it; the manager reads the comments when the release rule allows. The code is made by the door
// (the domain makes no randomness) and only its hash is stored.
using Booking.Domain.Goals;
using System.Security.Cryptography;
using System.Text;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.WalkIn;
using NodaTime;

namespace Booking.Domain.Feedback;

public abstract record FeedbackTarget;

public sealed record HeldMeeting(Guid AppointmentId) : FeedbackTarget;

public sealed record ServedWalkInVisit(LocalDate Date, int Number) : FeedbackTarget;

public sealed record IssuedFeedbackCode(string Code, string Kind, LocalDate Month, Instant ExpiresAt);

public sealed record FeedbackCodeView(string Kind, LocalDate Month, Instant ExpiresAt, MeetingStage? Stage = null);

public interface IFeedbackCommentReader
{
    /// <summary>The comments of the months from <paramref name="fromMonth"/> to <paramref name="toMonth"/> (first days).</summary>
    Task<IReadOnlyList<FeedbackComment>> Of(Guid unitId, LocalDate fromMonth, LocalDate toMonth, CancellationToken ct = default);
}

public sealed class FeedbackCodes(IEventStore store, IUnitConfigurationSource configurations, IFeedbackCommentReader comments, IClock clock)
{
    /// <summary>The kind of a walk-in visit (meetings carry their appointment type's code).</summary>
    public const string WalkInKind = "walkIn";

    public const string MeetingNotHeld = "meeting_not_held", VisitNotServed = "visit_not_served";

    // Neither who showed the code nor who answered is written: the events name no one.
    private const string Actor = "feedback";

    private readonly WriteRunner runner = new(store, clock);

    /// <summary>The code as stored: its SHA-256 in lower-case hex.</summary>
    public static string HashOf(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>A code has the shape the doors make (22 base64url characters, 128 random bits); anything else is not looked up.</summary>
    public static bool LooksValid(string? code) => code is { Length: 22 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A code for the meeting or visit just finished, shown by its own professional.</summary>
    public async Task<Outcome<IssuedFeedbackCode>> Issue(Guid unitId, Guid staffId, FeedbackTarget target, string newCode, CancellationToken ct = default)
    {
        if (!LooksValid(newCode)) throw new ArgumentException("A feedback code is 22 base64url characters.", nameof(newCode));
        var config = await configurations.Current(unitId, ct);
        string kind;
        LocalDate day;
        MeetingStage? stage = null;
        switch (target)
        {
            case HeldMeeting m:
                var goals = FamilyGoalDecider.Definition.Fold(await store.ReadStream(unitId, StreamIds.Appointment(m.AppointmentId), ct));
                var meeting = goals.Meeting;
                stage = goals.Stage;
                if (meeting.Status == AppointmentStatus.None)
                    return new DomainError("appointment_not_found", "No such appointment.", ErrorKind.NotFound);
                if (!meeting.Professionals.Contains(staffId))
                    return new DomainError(SupervisorDays.NotYourMeeting, "Only the meeting's own professionals can show its feedback code.", ErrorKind.Forbidden);
                if (meeting.Status != AppointmentStatus.Completed)
                    return new DomainError(MeetingNotHeld, "A feedback code is shown for a meeting marked held.", ErrorKind.Rule);
                kind = meeting.AppointmentType;
                day = meeting.Start.InZone(config.Zone).Date;
                break;
            case ServedWalkInVisit v:
                var session = (await store.ReadStream(unitId, StreamIds.WalkInSession(v.Date), ct))
                    .Aggregate(WalkInSession.Initial, (s, e) => WalkInSession.Evolve(s, e.Data));
                if (session.Ticket(v.Number) is not { } ticket)
                    return new DomainError("ticket_not_found", "No such walk-in number that day.", ErrorKind.NotFound);
                if (ticket.StaffId != staffId)
                    return new DomainError(SupervisorDays.NotYourMeeting, "Only the supervisor who served the visit can show its feedback code.", ErrorKind.Forbidden);
                if (ticket.Status != TicketStatus.Done)
                    return new DomainError(VisitNotServed, "A feedback code is shown for a visit marked done.", ErrorKind.Rule);
                kind = WalkInKind;
                day = v.Date;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(target));
        }
        var month = new LocalDate(day.Year, day.Month, 1);
        var hash = HashOf(newCode);
        var written = await runner.Decide(unitId, Actor, FeedbackCodeDecider.Definition, StreamIds.FeedbackCode(hash),
            (_, now) => Task.FromResult<FeedbackCodeCommand>(new IssueFeedbackCode(hash, kind, month, now, stage)), null,
            "The feedback code could not be made just now. Please try again.", ct);
        if (written.Error is { } error) return error;
        return new IssuedFeedbackCode(newCode, kind, month, written.State!.ExpiresAt);
    }

    /// <summary>The numbers of the day's walk-in session that this supervisor has served (marked done), the latest first:
    /// the visits a feedback code can be shown for.</summary>
    public async Task<IReadOnlyList<int>> ServedVisits(Guid unitId, Guid staffId, LocalDate date, CancellationToken ct = default) =>
        (await store.ReadStream(unitId, StreamIds.WalkInSession(date), ct))
            .Aggregate(WalkInSession.Initial, (s, e) => WalkInSession.Evolve(s, e.Data))
            .Tickets.Where(t => t.Status == TicketStatus.Done && t.StaffId == staffId).Select(t => t.Number).OrderDescending().ToList();

    /// <summary>Whether the code can be answered now (the page asks before showing the questions).</summary>
    public async Task<Outcome<FeedbackCodeView>> Check(Guid unitId, string? code, CancellationToken ct = default)
    {
        if (!LooksValid(code)) return FeedbackCodeDecider.Usable(FeedbackCode.Initial, clock.GetCurrentInstant())!;
        var state = FeedbackCodeDecider.Definition.Fold(await store.ReadStream(unitId, StreamIds.FeedbackCode(HashOf(code!)), ct));
        if (FeedbackCodeDecider.Usable(state, clock.GetCurrentInstant()) is { } error) return error;
        return new FeedbackCodeView(state.Kind, state.Month, state.ExpiresAt, state.Stage);
    }

    /// <summary>The answer, given once: the code is used and the month's answer (and the comment, if any) written together.</summary>
    public async Task<Outcome<FeedbackGiven>> Give(Guid unitId, string? code, FeedbackAnswerInput input, CancellationToken ct = default)
    {
        if (!LooksValid(code)) return FeedbackCodeDecider.Usable(FeedbackCode.Initial, clock.GetCurrentInstant())!;
        // The faces and the comment first; the agree question once the code (and so its meeting's stage) is known.
        var (answer, errors) = FeedbackAnswers.Check(input with { Agree = null });
        if (answer is null) return Refusal.Invalid(errors);
        var hash = HashOf(code!);
        return await runner.Run<Outcome<FeedbackGiven>>(unitId, Actor, async (write, token) =>
        {
            var codeStream = await write.Fetch(FeedbackCodeDecider.Definition, StreamIds.FeedbackCode(hash), token);
            if (codeStream.Decide(new UseFeedbackCode(hash, write.Now)).Error is { } error)
                return Step<Outcome<FeedbackGiven>>.Answer(error);
            var used = codeStream.State;
            // The agree question depends on the code's meeting: checked again now that the code is known.
            var (staged, stagedErrors) = FeedbackAnswers.Check(input, used.Stage);
            if (staged is null) return Step<Outcome<FeedbackGiven>>.Answer(Refusal.Invalid(stagedErrors));
            answer = staged;
            var given = new FeedbackGiven(used.Kind, used.Month, answer.Audience, answer.Heard, answer.Understood, answer.Helped, answer.Comment is not null,
                used.Stage, answer.Agree);
            var month = await write.Fetch(FeedbackMonthDecider.Definition, StreamIds.FeedbackMonth(used.Month), token);
            month.Decide(new GiveFeedback(given));
            if (answer.Comment is { } text) write.Store(new FeedbackComment(unitId, used.Month, used.Kind, answer.Audience, text));
            return Step<Outcome<FeedbackGiven>>.Save(given);
        }, () => Task.FromResult<Outcome<FeedbackGiven>>(WriteRunner.Busy("Many answers came at once. Please send again.")), ct);
    }

    /// <summary>The comments of the months from <paramref name="from"/> to <paramref name="to"/> as the manager may see them today.</summary>
    public async Task<IReadOnlyList<FeedbackCommentGroup>> Comments(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct = default)
    {
        var zone = (await configurations.Current(unitId, ct)).Zone;
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var found = await comments.Of(unitId, new LocalDate(from.Year, from.Month, 1), new LocalDate(to.Year, to.Month, 1), ct);
        return FeedbackCommentRelease.Groups(found, today);
    }
}
