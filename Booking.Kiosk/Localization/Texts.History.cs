// A meeting's history on the staff meeting page, in Finnish, Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string HistoryHeading => T("Tapaamisen historia", "Mötets historik", "The meeting's history");
    public string HistoryWhen => T("Milloin", "När", "When");
    public string HistoryWhat => T("Mitä", "Vad", "What");
    public string HistoryWho => T("Kuka", "Vem", "Who");
    public string HistoryClient => T("Asiakas", "Kunden", "The client");
    public string HistoryService => T("Palvelu", "Tjänsten", "The service");
    public string HistoryEvent(string name) => name switch
    {
        "appointment_booked" => T("Varattu", "Bokat", "Booked"),
        "supervisor_kept" => T("Perheen oma lastenvalvoja pidetty", "Familjens barnatillsyningsman behölls", "Family's supervisor kept"),
        "appointment_completed" => T("Merkitty pidetyksi", "Markerat som hållet", "Marked held"),
        "appointment_no_show" => T("Merkitty: asiakas ei saapunut", "Markerat: kunden kom inte", "Marked a no-show"),
        "other_parent_invited" => T("Toinen vanhempi kutsuttu", "Den andra föräldern inbjuden", "Other parent invited"),
        "other_parent_responded" => T("Toinen vanhempi vastasi", "Den andra föräldern svarade", "Other parent answered"),
        "appointment_moved" => T("Siirretty", "Flyttat", "Moved"),
        "appointment_cancelled" => T("Peruttu", "Avbokat", "Cancelled"),
        "appointment_reassigned" => T("Annettu toiselle lastenvalvojalle", "Givet till en annan barnatillsyningsman", "Given to another supervisor"),
        "meeting_outcomes_recorded" => T("Tulokset kirjattu", "Resultat registrerade", "Outcomes recorded"),
        "family_goals_recorded" => T("Perheen tavoitteet kirjattu", "Familjens mål registrerade", "The family's goals recorded"),
        "family_goals_reviewed" => T("Tavoitteiden toteutuminen kirjattu", "Måluppfyllelsen registrerad", "Goals reviewed"),
        _ => T("Muu muutos", "Annan ändring", "Other change"),
    };
}
