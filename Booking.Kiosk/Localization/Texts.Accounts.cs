// Strings of staff accounts: sign-in lockout, the page a signed-in person may not open.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string StaffSignInLocked => T(
        "Liian monta väärää salasanaa. Kirjautuminen on estetty hetken ajan. Yritä myöhemmin uudelleen tai pyydä yksikön esihenkilöä poistamaan esto.",
        "För många felaktiga lösenord. Inloggningen är spärrad en stund. Försök igen senare eller be enhetens chef att häva spärren.",
        "Too many wrong passwords. Sign-in is blocked for a while. Try again later, or ask the unit's manager to lift the block.");
    public string AccessDeniedTitle => T("Ei käyttöoikeutta", "Ingen behörighet", "No access");
    public string AccessDeniedText => T(
        "Sinun roolillasi ei voi avata tätä sivua. Jos tarvitset sitä työssäsi, pyydä yksikön esihenkilöä muuttamaan roolisi.",
        "Din roll ger inte tillgång till den här sidan. Om du behöver den i ditt arbete, be enhetens chef att ändra din roll.",
        "Your role does not give access to this page. If you need it for your work, ask the unit's manager to change your role.");
    public string AccessDeniedBack => T("Omaan työnäkymään", "Till din arbetsvy", "To your own work view");

    public string StaffNavLabel => T("Henkilökunnan sivut", "Personalens sidor", "Staff pages");
    public string StaffNavDay => T("Päivä", "Dagen", "Day");
    public string StaffNavWeek => T("Viikon varaukset", "Veckans bokningar", "Week's bookings");
    public string StaffNavWalkIn => T("Avoin vastaanotto", "Öppen mottagning", "Walk-in");
    public string StaffNavConsole => T("Työpöytä", "Arbetsvy", "Console");
}
