// The manager's closures page in Finnish, Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string SettingsClosuresLink => T("Sulkupäivät ja poissaolot", "Stängda dagar och frånvaro", "Closures and absences");
    public string SettingsClosuresIntro => T(
        "Päivät, joina koko yksikkö on suljettu (koulutuspäivä) tai yksi työntekijä poissa. Kellonajat rajaavat sulun samoihin tunteihin joka päivä; ilman niitä koko päivä on suljettu. Asiakkaat eivät voi varata aikoja, jotka sulku peittää. Jo varattuja tapaamisia varten käytä poissaolosivua, joka näyttää, mihin poissaolo osuu.",
        "Dagar då hela enheten är stängd (utbildningsdag) eller en anställd frånvarande. Klockslag begränsar stängningen till samma timmar varje dag; utan dem är hela dagen stängd. Klienterna kan inte boka tider som stängningen täcker. För redan bokade möten, använd frånvarosidan som visar vad frånvaron träffar.",
        "Days the whole unit is closed (a training day) or one staff member is away. Times limit the closure to the same hours each day; without them the whole day is closed. Clients cannot book times a closure covers. For meetings already booked, use the absences page, which shows what an absence hits.");
    public string SettingsColumnWhose => T("Kenen", "Vems", "Whose");
    public string SettingsWholeUnit => T("Koko yksikkö", "Hela enheten", "The whole unit");
    public string SettingsColumnFirstDay => T("Ensimmäinen päivä", "Första dagen", "First day");
    public string SettingsColumnLastDay => T("Viimeinen päivä", "Sista dagen", "Last day");
    public string SettingsColumnFromTime => T("Klo alkaen (valinnainen)", "Från kl. (valfritt)", "From (optional)");
    public string SettingsColumnToTime => T("Klo asti (valinnainen)", "Till kl. (valfritt)", "To (optional)");
    public string SettingsColumnReason => T("Syy", "Orsak", "Reason");
    public string SettingsErrorDate => T("Anna päivämäärä muodossa 2026-05-06.", "Ange datumet i formen 2026-05-06.", "Give the date as 2026-05-06.");
    public string SettingsErrorClosureEnds => T("Viimeinen päivä ei voi olla ennen ensimmäistä.", "Sista dagen kan inte vara före den första.",
        "The last day cannot be before the first.");
    public string SettingsErrorClosureHours => T("Anna molemmat kellonajat (tunnit joka päivä) tai ei kumpaakaan (koko päivä); loppu alun jälkeen.",
        "Ange båda klockslagen (timmar varje dag) eller inget av dem (hela dagen); slutet efter början.",
        "Give both times (hours each day) or neither (whole days); the end after the start.");
    public string SettingsErrorReason => T("Kirjoita syy yhdelle riville, enintään 200 merkkiä.", "Skriv orsaken på en rad, högst 200 tecken.",
        "Write the reason on one line, at most 200 characters.");
}
