// The manager's figures page in Finnish, Swedish and English.
using System.Globalization;
using NodaTime;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string FiguresLink => T("Tilastot", "Statistik", "Figures");
    public string FiguresTitle => T("Yksikön tilastot", "Enhetens statistik", "The unit's figures");
    public string FiguresIntro => T(
        "Luvut alue- ja valtakunnalliseen raportointiin. Ne lasketaan tapahtumista, eikä niissä ole kenenkään henkilötietoja.",
        "Siffror för regional och nationell rapportering. De räknas fram ur händelserna och innehåller inga personuppgifter.",
        "Figures for regional and national reporting. They are counted from the events and hold no one's personal data.");
    public string FiguresMonthLabel => T("Kuukausi", "Månad", "Month");
    public string FiguresShow => T("Näytä", "Visa", "Show");
    public string FiguresPrevious => T("Edellinen kuukausi", "Föregående månad", "Previous month");
    public string FiguresNext => T("Seuraava kuukausi", "Nästa månad", "Next month");
    public string FiguresCsv => T("Lataa kuukauden luvut (CSV)", "Ladda ner månadens siffror (CSV)", "Download the month's figures (CSV)");
    public string FiguresMonthError => T("Anna kuukausi muodossa 2026-10.", "Ange månaden i formen 2026-10.", "Give the month as 2026-10.");
    public string FiguresMonthName(LocalDate month) => Capitalise(month.ToString("MMMM yyyy", Culture));

    public string FiguresMeetingsByMonth => T("Tapaamiset kuukausittain", "Möten per månad", "Meetings by month");
    public string FiguresMeetingsByChannel => T("Tapaamiset varauskanavittain", "Möten per bokningskanal", "Meetings by booking channel");
    public string FiguresChartTable => T("Kaavion luvut taulukkona", "Diagrammets siffror som tabell", "The chart's figures as a table");
    public string FiguresMeetings => T("Tapaamiset", "Möten", "Meetings");
    public string FiguresBooked => T("Varattu", "Bokade", "Booked");
    public string FiguresHeld => T("Pidetty", "Hållna", "Held");
    public string FiguresNoShow => T("Ei saapunut", "Uteblev", "No-show");
    public string FiguresCancelled => T("Peruttu", "Avbokade", "Cancelled");
    public string FiguresGroup => T("Ryhmä", "Grupp", "Group");
    public string FiguresByKind => T("Asian mukaan", "Enligt ärende", "By kind of meeting");
    public string FiguresByModality => T("Tapaamistavan mukaan", "Enligt mötessätt", "By way of meeting");
    public string FiguresByChannel => T("Varauskanavan mukaan", "Enligt bokningskanal", "By booking channel");
    public string FiguresByHours => T("Ilta-aika", "Kvällstid", "Evening hours");
    public string FiguresByWork => T("Parityö", "Pararbete", "Pair work");

    public string FiguresGroupName(string group) => group switch
    {
        "online" => T("Verkossa", "På nätet", "Online"),
        "secretary" => T("Toimistosihteeri tai puhelin", "Byråsekreterare eller telefon", "Secretary or phone"),
        "walkInFollowUp" => T("Jatkoaika avovastaanotolta", "Uppföljning från drop-in", "Follow-up from walk-in"),
        "evening" => T("Ilta (klo 16 jälkeen)", "Kväll (efter kl. 16)", "Evening (from 16:00)"),
        "daytime" => T("Päivä", "Dag", "Daytime"),
        "pair" => T("Kaksi työntekijää", "Två anställda", "Two professionals"),
        "single" => T("Yksi työntekijä", "En anställd", "One professional"),
        "inPerson" => T("Paikan päällä", "På plats", "In person"),
        "video" => T("Video", "Video", "Video"),
        "phone" => T("Puhelin", "Telefon", "Phone"),
        _ => group,
    };

    public string FiguresLeadTime => T("Aika ensimmäisestä yhteydenotosta ensimmäiseen tapaamiseen", "Tid från första kontakten till första mötet",
        "Time from first contact to first meeting");
    public string FiguresFamilies => T("Perheitä", "Familjer", "Families");
    public string FiguresMedianDays => T("Mediaani (päivää)", "Median (dagar)", "Median (days)");
    public string FiguresP90Days => T("90 % perheistä (päivää enintään)", "90 % av familjerna (högst dagar)", "90% of families (days at most)");
    public string FiguresWithinWeek => T("Viikon sisällä", "Inom en vecka", "Within a week");

    public string FiguresWalkIn => T("Avovastaanotto", "Drop-in-mottagning", "Walk-in");
    public string FiguresIssued => T("Vuoronumeroita", "Könummer", "Numbers issued");
    public string FiguresServed => T("Palveltu", "Betjänade", "Served");
    public string FiguresRefused => T("Ei voitu antaa numeroa", "Inget nummer kunde ges", "Turned away");
    public string FiguresRefusedQueueFull => T("– jono täynnä", "– kön full", "– queue full");
    public string FiguresRefusedClosed => T("– vastaanotto suljettu", "– mottagningen stängd", "– intake closed");
    public string FiguresWaitMedian => T("Odotus, mediaani (min)", "Väntan, median (min)", "Wait, median (min)");
    public string FiguresWaitP90 => T("Odotus, 90 % (min)", "Väntan, 90 % (min)", "Wait, 90% (min)");
    public string FiguresDate => T("Päivä", "Dag", "Date");

    public string FiguresCallBacks => T("Soittoajat", "Telefontider", "Call-back times");
    public string FiguresOffered => T("Tarjolla", "Erbjudna", "Offered");
    public string FiguresReserved => T("Varattu", "Bokade", "Reserved");
    public string FiguresDone => T("Soitettu", "Ringda", "Called");
    public string FiguresDoneOnRetry => T("– toisella yrityksellä", "– vid andra försöket", "– on the retry");
    public string FiguresNotReached => T("Ei tavoitettu", "Nåddes inte", "Not reached");

    public string FiguresEvenings => T("Infoillat", "Infokvällar", "Info evenings");
    public string FiguresEveningCount => T("Iltoja", "Kvällar", "Evenings");
    public string FiguresSeats => T("Paikkoja", "Platser", "Seats");
    public string FiguresRegistrations => T("Ilmoittautumisia", "Anmälningar", "Registrations");
    public string FiguresWaitlistPeak => T("Jonossa enimmillään", "Som flest på väntelistan", "Waiting list at its longest");
    public string FiguresAttended => T("Osallistui", "Deltog", "Attended");

    public string FiguresOutcomes => T("Tapaamisten tulokset (THL:n luokat)", "Mötenas resultat (THL:s kategorier)", "Meetings' outcomes (THL's categories)");
    public string FiguresWithOutcome => T("Pidettyjä tapaamisia, joille kirjattu tulos", "Hållna möten med resultat", "Held meetings with an outcome recorded");
    public string FiguresOutcomeName(string code) => code switch
    {
        "custodyAgreement" => T("Sopimus huollosta", "Avtal om vårdnad", "Agreement on custody"),
        "residenceAgreement" => T("Sopimus asumisesta", "Avtal om boende", "Agreement on residence"),
        "contactAgreement" => T("Sopimus tapaamisoikeudesta", "Avtal om umgänge", "Agreement on contact"),
        "maintenanceAgreement" => T("Sopimus elatuksesta", "Avtal om underhåll", "Agreement on maintenance"),
        "paternityAcknowledged" => T("Isyyden tunnustaminen", "Erkännande av faderskap", "Paternity acknowledged"),
        "maternityAcknowledged" => T("Äitiyden tunnustaminen", "Erkännande av moderskap", "Maternity acknowledged"),
        "referredToMediation" => T("Ohjattu perheasioiden sovitteluun", "Hänvisad till familjemedling", "Referred to family mediation"),
        "referredElsewhere" => T("Ohjattu muualle", "Hänvisad till annan tjänst", "Referred elsewhere"),
        _ => code,
    };

    public string FiguresNone => T("–", "–", "–");
    public string FiguresNumber(double? value) => value is { } v ? v.ToString("0.#", Culture) : FiguresNone;
    public string FiguresPercent(double? value) => value is { } v ? string.Format(Culture, "{0:0.#} %", v) : FiguresNone;
}
