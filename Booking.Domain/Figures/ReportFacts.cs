// The unit report's facts: one small record per meeting, family, parent, call-back, walk-in number, refused number and
// info evening, each folded from the events that concern it. The async projection keeps them as rows; a recount folds the
// same events in memory. Either way the report (UnitReport) is computed from these facts and nothing else.
using Booking.Domain.Goals;
using System.Text.Json.Serialization;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.Feedback;
using Booking.Domain.Secretary;
using Booking.Domain.InfoEvenings;
using Booking.Domain.WalkIn;
using NodaTime;
using NodaTime.Text;

namespace Booking.Domain.Figures;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "fact")]
[JsonDerivedType(typeof(MeetingFact), "meeting")]
[JsonDerivedType(typeof(FamilyFact), "family")]
[JsonDerivedType(typeof(ParentFact), "parent")]
[JsonDerivedType(typeof(CallBackFact), "call_back")]
[JsonDerivedType(typeof(TicketFact), "ticket")]
[JsonDerivedType(typeof(RefusalFact), "refusal")]
[JsonDerivedType(typeof(EveningFact), "evening")]
[JsonDerivedType(typeof(FeedbackFact), "feedback")]
public abstract record ReportFact
{
    /// <summary>The first day of the local month the fact is counted in; null for facts every report needs (families, parents).</summary>
    public abstract LocalDate? Month(DateTimeZone zone);

    public static LocalDate MonthOf(LocalDate date) => new(date.Year, date.Month, 1);
}

/// <param name="Goals">The family's goals, recorded at its first meeting (null: none recorded).</param>
/// <param name="Review">At the family's last meeting: were the goals met, did the matter end in agreement (null: not reviewed).</param>
public sealed record MeetingFact(Guid AppointmentId, Guid ClientId, Guid? FamilyId, string Kind, Modality Modality, BookingChannel Channel,
    bool Pair, Instant Start, Instant BookedAt, AppointmentStatus Status, IReadOnlyList<ThlOutcome> Outcomes,
    IReadOnlyList<FamilyGoal>? Goals = null, GoalReview? Review = null) : ReportFact
{
    public override LocalDate? Month(DateTimeZone zone) => MonthOf(Start.InZone(zone).Date);
}

/// <param name="FirstContactAt">The earliest contact the secretary logged for the family.</param>
public sealed record FamilyFact(Guid FamilyId, Instant? FirstContactAt) : ReportFact
{
    public override LocalDate? Month(DateTimeZone zone) => null;
}

/// <summary>A parent the secretary added to a family: their call-backs and bookings count for that family.</summary>
public sealed record ParentFact(Guid ClientId, Guid FamilyId) : ReportFact
{
    public override LocalDate? Month(DateTimeZone zone) => null;
}

public sealed record CallBackFact(Guid CallBackId, Guid ClientId, LocalDate Date, Instant ReservedAt, CallBackChannel Channel,
    CallBackStatus Status, int Attempts) : ReportFact
{
    public override LocalDate? Month(DateTimeZone zone) => MonthOf(Date);
}

public enum TicketEnd { Waiting, Served, NoShow, Withdrawn }

/// <param name="Date">The walk-in session's date (from its stream).</param>
public sealed record TicketFact(LocalDate Date, int Number, Instant IssuedAt, Instant? FirstCalledAt, TicketEnd End) : ReportFact
{
    public override LocalDate? Month(DateTimeZone zone) => MonthOf(Date);
}

/// <param name="Reason">The code the kiosk answered (queue_full, intake_closed).</param>
public sealed record RefusalFact(LocalDate Date, string TicketCode, string Reason) : ReportFact
{
    public override LocalDate? Month(DateTimeZone zone) => MonthOf(Date);
}

public sealed record EveningRegistration(Guid RegistrationId, bool Waitlisted, bool Cancelled, bool? Attended);

/// <param name="WaitlistPeak">The most registrations on the waiting list at one time.</param>
public sealed record EveningFact(Guid EveningId, Instant Start, int Capacity, bool Cancelled, IReadOnlyList<EveningRegistration> Registrations,
    int WaitlistPeak) : ReportFact
{
    public override LocalDate? Month(DateTimeZone zone) => MonthOf(Start.InZone(zone).Date);

    public int OnWaitlist => Registrations.Count(r => r.Waitlisted && !r.Cancelled);

    internal EveningFact Change(Guid registrationId, Func<EveningRegistration, EveningRegistration> change)
    {
        var changed = this with { Registrations = [.. Registrations.Select(r => r.RegistrationId == registrationId ? change(r) : r)] };
        return changed with { WaitlistPeak = Math.Max(WaitlistPeak, changed.OnWaitlist) };
    }
}

/// <summary>The answers of one month for one kind of meeting and one audience: counts and sums only (no answer by itself).</summary>
/// <param name="FirstAnswers">Answers to "how well can you now agree" at a family's first meeting; <paramref name="FirstAgree"/> their sum.</param>
/// <param name="LastAnswers">The same at a family's last meeting; <paramref name="LastAgree"/> their sum.</param>
public sealed record FeedbackFact(LocalDate MonthStart, string Kind, FeedbackAudience Audience, int Answers, int Heard, int Understood, int Helped,
    int Comments, int FirstAnswers = 0, int FirstAgree = 0, int LastAnswers = 0, int LastAgree = 0) : ReportFact
{
    public override LocalDate? Month(DateTimeZone zone) => MonthStart;

    internal static FeedbackFact Add(FeedbackFact? fact, FeedbackGiven e) =>
        (fact ?? new FeedbackFact(MonthOf(e.Month), e.Kind, e.Audience, 0, 0, 0, 0, 0)) is var f
            ? f with { Answers = f.Answers + 1, Heard = f.Heard + e.Heard, Understood = f.Understood + e.Understood, Helped = f.Helped + e.Helped,
                Comments = f.Comments + (e.Commented ? 1 : 0),
                FirstAnswers = f.FirstAnswers + (e is { Stage: MeetingStage.First, Agree: not null } ? 1 : 0),
                FirstAgree = f.FirstAgree + (e.Stage == MeetingStage.First ? e.Agree ?? 0 : 0),
                LastAnswers = f.LastAnswers + (e is { Stage: MeetingStage.Last, Agree: not null } ? 1 : 0),
                LastAgree = f.LastAgree + (e.Stage == MeetingStage.Last ? e.Agree ?? 0 : 0) }
            : f;
}

public static class ReportFacts
{
    /// <summary>The key of the fact an event changes, or null when the report does not look at the event.</summary>
    public static string? KeyOf(string streamId, object @event) => @event switch
    {
        AppointmentBooked or AppointmentMoved or AppointmentCancelled or AppointmentCompleted or AppointmentNoShow or MeetingOutcomesRecorded
            or FamilyGoalsRecorded or FamilyGoalsReviewed =>
            $"meeting:{((AppointmentEvent)@event).AppointmentId:N}",
        ContactLogged e => $"family:{e.FamilyId:N}",
        ParentAdded e => $"parent:{e.ClientId:N}",
        CallBackTimeClosed or CallBackTimeReopened => null,
        CallBackEvent e => $"callback:{e.CallBackId:N}",
        TicketIssued e => Ticket(streamId, e.Number),
        TicketCalled e => Ticket(streamId, e.Number),
        VisitCompleted e => Ticket(streamId, e.Number),
        TicketNoShow e => Ticket(streamId, e.Number),
        TicketWithdrawn e => Ticket(streamId, e.Number),
        TicketRefused e => SessionDate(streamId) is { } date ? $"refusal:{LocalDatePattern.Iso.Format(date)}:{e.TicketCode}" : null,
        EveningScheduled or EveningCancelled or Registered or Waitlisted or PromotedFromWaitlist or RegistrationCancelled or AttendanceMarked =>
            $"evening:{((InfoEveningEvent)@event).EveningId:N}",
        FeedbackGiven e => $"feedback:{LocalDatePattern.Iso.Format(ReportFact.MonthOf(e.Month))}:{e.Kind}:{UnitReport.Wire(e.Audience)}",
        _ => null,
    };

    /// <summary>The fact after the event (null before its first event). Never refuses: an event the fact cannot use leaves it.</summary>
    public static ReportFact? Evolve(ReportFact? fact, string streamId, object @event) => (fact, @event) switch
    {
        (_, AppointmentBooked e) => new MeetingFact(e.AppointmentId, e.ClientId, e.FamilyId, e.AppointmentType, e.Modality, e.Channel,
            e.SecondProfessionalId is not null, e.Start, e.BookedAt, AppointmentStatus.Booked, []),
        (MeetingFact m, AppointmentMoved e) => m with { Start = e.Start },
        (MeetingFact m, AppointmentCancelled) => m with { Status = AppointmentStatus.Cancelled },
        (MeetingFact m, AppointmentCompleted) => m with { Status = AppointmentStatus.Completed },
        (MeetingFact m, AppointmentNoShow) => m with { Status = AppointmentStatus.NoShow },
        (MeetingFact m, MeetingOutcomesRecorded e) => m with { Outcomes = e.Outcomes },
        (MeetingFact m, FamilyGoalsRecorded e) => m with { Goals = e.Goals },
        (MeetingFact m, FamilyGoalsReviewed e) => m with { Review = new GoalReview(e.Met, e.Agreement) },

        (FamilyFact f, ContactLogged e) => f with { FirstContactAt = f.FirstContactAt is { } at && at <= e.LoggedAt ? at : e.LoggedAt },
        (null, ContactLogged e) => new FamilyFact(e.FamilyId, e.LoggedAt),
        (_, ParentAdded e) => new ParentFact(e.ClientId, e.FamilyId),

        (_, CallBackReserved e) => new CallBackFact(e.CallBackId, e.ClientId, e.Date, e.ReservedAt, e.Channel, CallBackStatus.Reserved, 0),
        (CallBackFact c, CallBackCompleted) => c with { Status = CallBackStatus.Done },
        (CallBackFact c, CallBackNotReached e) => c with { Attempts = e.Attempt, Status = e.Final ? CallBackStatus.NotReached : c.Status },
        (CallBackFact c, CallBackCancelled) => c with { Status = CallBackStatus.Cancelled },

        (_, TicketIssued e) when SessionDate(streamId) is { } date => new TicketFact(date, e.Number, e.IssuedAt, null, TicketEnd.Waiting),
        (TicketFact t, TicketCalled e) => t with { FirstCalledAt = t.FirstCalledAt ?? e.CalledAt },
        (TicketFact t, VisitCompleted) => t with { End = TicketEnd.Served },
        (TicketFact t, TicketNoShow) => t with { End = TicketEnd.NoShow },
        (TicketFact t, TicketWithdrawn) => t with { End = TicketEnd.Withdrawn },
        (null, TicketRefused e) when SessionDate(streamId) is { } date => new RefusalFact(date, e.TicketCode, RefusalReasons.AsAnswered(e.Reason)),

        (_, EveningScheduled e) => new EveningFact(e.EveningId, e.Start, e.Capacity, false, [], 0),
        (EveningFact v, EveningCancelled) => v with { Cancelled = true },
        (EveningFact v, Registered e) => v.Registrations.Any(r => r.RegistrationId == e.RegistrationId)
            ? v : v with { Registrations = [.. v.Registrations, new EveningRegistration(e.RegistrationId, false, false, null)] },
        (EveningFact v, Waitlisted e) => v.Registrations.Any(r => r.RegistrationId == e.RegistrationId)
            ? v : (v with { Registrations = [.. v.Registrations, new EveningRegistration(e.RegistrationId, true, false, null)] }).Change(e.RegistrationId, r => r),
        (EveningFact v, PromotedFromWaitlist e) => v.Change(e.RegistrationId, r => r with { Waitlisted = false }),
        (EveningFact v, RegistrationCancelled e) => v.Change(e.RegistrationId, r => r with { Cancelled = true }),
        (EveningFact v, AttendanceMarked e) => v.Change(e.RegistrationId, r => r with { Attended = e.Attended }),

        (FeedbackFact f, FeedbackGiven e) => FeedbackFact.Add(f, e),
        (null, FeedbackGiven e) => FeedbackFact.Add(null, e),

        _ => fact,
    };

    /// <summary>Every fact of a unit folded in memory from its events in order (the recount the projection must equal).</summary>
    public static Dictionary<string, ReportFact> Fold(IEnumerable<(string StreamId, object Event)> events)
    {
        var facts = new Dictionary<string, ReportFact>(StringComparer.Ordinal);
        foreach (var (streamId, @event) in events)
        {
            if (KeyOf(streamId, @event) is not { } key) continue;
            var next = Evolve(facts.GetValueOrDefault(key), streamId, @event);
            if (next is not null) facts[key] = next;
        }
        return facts;
    }

    private static string? Ticket(string streamId, int number) =>
        SessionDate(streamId) is { } date ? $"ticket:{LocalDatePattern.Iso.Format(date)}:{number}" : null;

    /// <summary>The date of a walk-in session's stream (walkin-2026-10-01).</summary>
    public static LocalDate? SessionDate(string streamId) =>
        streamId.StartsWith("walkin-", StringComparison.Ordinal) && LocalDatePattern.Iso.Parse(streamId["walkin-".Length..]) is { Success: true } r
            ? r.Value
            : null;
}
