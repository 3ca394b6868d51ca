// The supervisor's outcome taps on the day page, in Finnish, Swedish and English (the category names are the figures page's).
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string OutcomesLegend => T("Mitä tapaamisessa saatiin aikaan?", "Vad uppnåddes i mötet?", "What did the meeting achieve?");
    public string OutcomesHint => T("Valitse kaikki sopivat. Tulokset näkyvät vain yksikön tilastoissa.",
        "Välj alla som passar. Resultaten syns bara i enhetens statistik.",
        "Tick all that apply. The outcomes appear only in the unit's figures.");
    public string OutcomesSave => T("Tallenna tulokset", "Spara resultaten", "Save the outcomes");
    public string OutcomesSaved => T("Tapaamisen tulokset tallennettiin.", "Mötets resultat sparades.", "The meeting's outcomes were saved.");
}
