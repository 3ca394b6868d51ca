using NodaTime;
using NodaTime.Text;

namespace Booking.Domain;

/// <summary>Every stream's id and type, in one place. Ids are stable strings built from the stream's natural key (a staff
/// member's day, a walk-in Thursday, an evening…), so a stream can be found without an index; the type names the kind of
/// stream in the store.</summary>
public static class StreamIds
{
    public const string AppointmentType = "appointment";
    public const string StaffDayType = "staff_day";
    public const string FamilyType = "family";
    public const string EveningType = "info_evening";
    public const string CallBackDayType = "call_back_day";
    public const string WalkInSessionType = "walk_in_session";
    public const string StaffAccountType = "staff_account";
    public const string AbsenceType = "absence";
    public const string FeedbackCodeType = "feedback_code";
    public const string FeedbackMonthType = "feedback";

    public static string Appointment(Guid appointmentId) => $"appointment-{appointmentId:N}";

    public static string StaffDay(Guid staffId, LocalDate date) =>
        $"staffday-{staffId:N}-{LocalDatePattern.Iso.Format(date)}";

    public static string Family(Guid familyId) => $"family-{familyId:N}";

    public static string Evening(Guid eveningId) => $"infoevening-{eveningId:N}";

    public static string CallBackDay(LocalDate date) => $"callbacks-{LocalDatePattern.Iso.Format(date)}";

    public static string WalkInSession(LocalDate date) => $"walkin-{LocalDatePattern.Iso.Format(date)}";

    public static string StaffAccount(Guid staffId) => $"staffaccount-{staffId:N}";

    public static string Absence(Guid absenceId) => $"absence-{absenceId:N}";

    /// <summary>A feedback code's stream is keyed by the code's hash: the code itself is stored nowhere.</summary>
    public static string FeedbackCode(string codeHash) => $"feedbackcode-{codeHash}";

    /// <summary>A month's feedback answers (feedback-2026-10).</summary>
    public static string FeedbackMonth(LocalDate month) => $"feedback-{LocalDatePattern.CreateWithInvariantCulture("yyyy'-'MM").Format(month)}";

    private static readonly Dictionary<string, string> TypeByPrefix = new(StringComparer.Ordinal)
    {
        ["appointment"] = AppointmentType,
        ["staffday"] = StaffDayType,
        ["family"] = FamilyType,
        ["infoevening"] = EveningType,
        ["callbacks"] = CallBackDayType,
        ["walkin"] = WalkInSessionType,
        ["staffaccount"] = StaffAccountType,
        ["absence"] = AbsenceType,
        ["feedbackcode"] = FeedbackCodeType,
        ["feedback"] = FeedbackMonthType,
    };

    /// <summary>The type of the stream an id names, read from the id's prefix; an unknown prefix is its own type.</summary>
    public static string TypeOf(string streamId)
    {
        var dash = streamId.IndexOf('-');
        var prefix = dash < 0 ? streamId : streamId[..dash];
        return TypeByPrefix.TryGetValue(prefix, out var type) ? type : prefix;
    }
}
