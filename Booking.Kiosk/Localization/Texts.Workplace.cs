// The strings of the staff's workplace pages (the searchable week, the printable day, the shorter family page) in Finnish,
// Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string WeekNavLabel => T("Edellinen ja seuraava viikko", "Föregående och nästa vecka", "Previous and next week");
    public string WeekSearchLabel => T("Hae viikon varauksista", "Sök bland veckans bokningar", "Search this week's bookings");
    public string WeekSearchHint => T("Vanhemman nimi, puhelinnumero, sähköposti tai varaustunnus (BK-1234ABCD), vähintään kaksi merkkiä.",
        "Förälderns namn, telefonnummer, e-post eller bokningsreferens (BK-1234ABCD), minst två tecken.",
        "A parent's name, phone number, email or the booking reference (BK-1234ABCD), at least two characters.");
    public string WeekSearchClear => T("Näytä kaikki viikon varaukset", "Visa alla veckans bokningar", "Show all of the week's bookings");
    public string WeekSearchNone(string q) => T($"Haulla ”{q}” ei löytynyt tämän viikon varauksia.",
        $"Sökningen ”{q}” gav inga bokningar den här veckan.", $"No bookings this week match “{q}”.");
    public string WeekSearchFound(int n, string q) => T(
        n == 1 ? $"Haulla ”{q}” löytyi 1 varaus tältä viikolta." : $"Haulla ”{q}” löytyi {n} varausta tältä viikolta.",
        n == 1 ? $"Sökningen ”{q}” gav 1 bokning den här veckan." : $"Sökningen ”{q}” gav {n} bokningar den här veckan.",
        n == 1 ? $"1 booking this week matches “{q}”." : $"{n} bookings this week match “{q}”.");
    public string OpenMeetingLabel(string time, string matter, string supervisor) => T(
        $"Avaa tapaaminen {time}, {matter}, {supervisor}", $"Öppna mötet {time}, {matter}, {supervisor}",
        $"Open the meeting {time}, {matter}, {supervisor}");

    public string DayPrintHint => T("Tulostettaessa (Ctrl+P) päivä mahtuu yhdelle A4-sivulle: ajat, tapaamisten lajit, paikat ja varaustunnukset, ei yhteystietoja.",
        "Utskriven (Ctrl+P) ryms dagen på en A4-sida: tider, slag av möten, platser och bokningsreferenser, inga kontaktuppgifter.",
        "Printed (Ctrl+P), the day fits one A4 page: times, kinds of meeting, places and booking references, no contact details.");
    public string PrintColumnKind => T("Mitä", "Vad", "What");
    public string PrintColumnWhere => T("Tapa ja paikka", "Sätt och plats", "How and where");
    public string PrintRoom(string room) => T($"huone {room}", $"rum {room}", $"room {room}");
    public string PrintCallBack => T("Soittoaika", "Telefontid", "Call-back");
}
