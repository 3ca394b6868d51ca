// What changed for the family, in Finnish, Swedish and English: the supervisor's goal taps on the day page, the parent's
// "how well can you now agree" question, and the figures page's before/after and comments.
using NodaTime;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string GoalsLegend => T("Perheen tavoitteet (ensimmäinen tapaaminen)", "Familjens mål (första mötet)", "The family's goals (first meeting)");
    public string GoalsHint => T("Valitse perheen tavoitteet. Ne näkyvät vain yksikön tilastoissa, kuukausittain.",
        "Välj familjens mål. De syns bara i enhetens statistik, per månad.",
        "Choose the family's goals. They appear only in the unit's figures, by month.");
    public string GoalName(string code) => code switch
    {
        "agreeOnCustody" => T("Sopia huollosta", "Komma överens om vårdnaden", "Agree on custody"),
        "agreeOnResidence" => T("Sopia lapsen asumisesta", "Komma överens om barnets boende", "Agree on where the child lives"),
        "agreeOnContact" => T("Sopia tapaamisista", "Komma överens om umgänget", "Agree on contact"),
        "agreeOnMaintenance" => T("Sopia elatuksesta", "Komma överens om underhållet", "Agree on maintenance"),
        "confirmParenthood" => T("Vahvistaa isyys tai äitiys", "Fastställa faderskap eller moderskap", "Confirm paternity or maternity"),
        "cooperateBetter" => T("Parantaa vanhempien yhteistyötä", "Förbättra föräldrarnas samarbete", "Cooperate better as parents"),
        "information" => T("Saada tietoa ja neuvoja", "Få information och råd", "Get information and advice"),
        _ => code,
    };
    public string GoalsSave => T("Tallenna tavoitteet", "Spara målen", "Save the goals");
    public string GoalsSaved => T("Perheen tavoitteet tallennettiin.", "Familjens mål sparades.", "The family's goals were saved.");
    public string GoalsNoneChosen => T("Valitse vähintään yksi tavoite.", "Välj minst ett mål.", "Choose at least one goal.");

    public string ReviewLegend => T("Viimeinen tapaaminen: toteutuivatko perheen tavoitteet?", "Sista mötet: uppnåddes familjens mål?",
        "Last meeting: were the family's goals met?");
    public string GoalsMetName(string code) => code switch
    {
        "met" => T("Toteutuivat", "Uppnåddes", "Met"),
        "partlyMet" => T("Osittain", "Delvis", "Partly"),
        _ => T("Eivät toteutuneet", "Uppnåddes inte", "Not met"),
    };
    public string AgreementLegend => T("Päättyikö asia sopimukseen?", "Slutade ärendet i en överenskommelse?", "Did the matter end in an agreement?");
    public string Yes => T("Kyllä", "Ja", "Yes");
    public string No => T("Ei", "Nej", "No");
    public string ReviewSave => T("Tallenna viimeisen tapaamisen tiedot", "Spara uppgifterna om sista mötet", "Save the last meeting's answers");
    public string ReviewSaved => T("Viimeisen tapaamisen tiedot tallennettiin.", "Uppgifterna om sista mötet sparades.", "The last meeting's answers were saved.");
    public string ReviewIncomplete => T("Valitse, toteutuivatko tavoitteet ja päättyikö asia sopimukseen.",
        "Välj om målen uppnåddes och om ärendet slutade i en överenskommelse.",
        "Choose whether the goals were met and whether the matter ended in an agreement.");

    public string FeedbackAgreeQuestion => T("Kuinka hyvin pystytte nyt sopimaan lapsenne asioista?", "Hur väl kan ni nu komma överens om barnets ärenden?",
        "How well can you now agree on your child's matters?");

    // The figures page.
    public string ImpactHeading => T("Mitä perheille muuttui", "Vad förändrades för familjerna", "What changed for the families");
    public string ImpactIntro(int minimum) => T(
        $"Ensimmäisen ja viimeisen tapaamisen palautteessa vanhemmilta kysytään, kuinka hyvin he pystyvät sopimaan lapsen asioista (1–5). Luvut ovat kuukausittain, eivät perhekohtaisia; alle {minimum} vastauksen tai tapaamisen lukuja ei näytetä.",
        $"I responsen efter första och sista mötet frågas föräldrarna hur väl de kan komma överens om barnets ärenden (1–5). Siffrorna är per månad, inte per familj; siffror av färre än {minimum} svar eller möten visas inte.",
        $"In the feedback of the first and the last meeting parents are asked how well they can agree on their child's matters (1–5). The figures are by month, never per family; a figure of fewer than {minimum} answers or meetings is not shown.");
    public string ImpactMonth => T("Kuukausi", "Månad", "Month");
    public string ImpactFirstMeetings => T("Ensimmäisiä tapaamisia (tavoitteet kirjattu)", "Första möten (mål angivna)", "First meetings (goals recorded)");
    public string ImpactLastMeetings => T("Viimeisiä tapaamisia", "Sista möten", "Last meetings");
    public string ImpactGoalsMet => T("Tavoitteet toteutuivat", "Målen uppnåddes", "Goals met");
    public string ImpactAgreement => T("Päättyi sopimukseen", "Slutade i överenskommelse", "Ended in agreement");
    public string ImpactBefore => T("Sopiminen alussa (ka.)", "Samförstånd i början (medel)", "Agreeing at the start (avg.)");
    public string ImpactAfter => T("Sopiminen lopussa (ka.)", "Samförstånd i slutet (medel)", "Agreeing at the end (avg.)");
    public string ImpactChange => T("Muutos", "Förändring", "Change");
    public string ImpactAnswers(int count) => T($"{count} vast.", $"{count} svar", $"{count} answers");
    public string ImpactWithheld => T("ei näytetä (alle 5)", "visas inte (färre än 5)", "not shown (fewer than 5)");
    public string ImpactGoalsOfMonth(LocalDate month) => T($"Perheiden tavoitteet, {FiguresMonthName(month)}", $"Familjernas mål, {FiguresMonthName(month)}",
        $"The families' goals, {FiguresMonthName(month)}");
    public string ImpactValue(double? value) => value is { } v ? v.ToString("+0.0;−0.0;0.0", Culture) : ImpactWithheld;
    public string ImpactCount(int? value) => value is { } v ? v.ToString(Culture) : ImpactWithheld;
    public string ImpactAverage(double? value) => value is { } v ? v.ToString("0.0", Culture) : ImpactWithheld;

    // The walk-in page: the feedback QR for a served visit.
    public string WalkInFeedbackHeading => T("Palaute käynnistä", "Respons på besöket", "Feedback on a visit");
    public string WalkInFeedbackFor(int number) => T($"Näytä palautteen QR-koodi, numero {number}", $"Visa responsens QR-kod, nummer {number}",
        $"Show the feedback QR code, number {number}");

    public string CommentsHeading => T("Palautteen kommentit", "Kommentarer i responsen", "Feedback comments");
    public string CommentsIntro(int minimum, int days) => T(
        $"Kuukauden kommentit näytetään yhdessä aikaisintaan {days} päivää kuukauden päätyttyä ja vain, jos niitä on vähintään {minimum}, jottei yhtäkään voi yhdistää tapaamiseen.",
        $"En månads kommentarer visas tillsammans tidigast {days} dagar efter att månaden slutat och bara om de är minst {minimum}, så att ingen kan kopplas till ett möte.",
        $"A month's comments are shown together at the earliest {days} days after the month ends and only when there are at least {minimum}, so that none can be matched with a meeting.");
    public string CommentsCount(int count) => T($"{count} kommenttia", $"{count} kommentarer", $"{count} comments");
    public string CommentsTooFew => T("Liian vähän kommentteja näytettäväksi.", "För få kommentarer för att visas.", "Too few comments to show.");
    public string CommentsFrom(string date) => T($"Näytetään {date} alkaen.", $"Visas från {date}.", $"Shown from {date}.");
    public string CommentsNone => T("Ei kommentteja näinä kuukausina.", "Inga kommentarer under dessa månader.", "No comments in these months.");
}
