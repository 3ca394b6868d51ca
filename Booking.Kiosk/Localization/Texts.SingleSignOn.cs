// Strings of the municipality's single sign-on: the sign-in page's button, the refusal page, the continue page.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string SsoAction => T("Kirjaudu kunnan tunnuksella", "Logga in med kommunens konto", "Sign in with the municipality's account");
    public string SsoOnlyIntro => T(
        "Henkilökunta kirjautuu kunnan kertakirjautumisella.",
        "Personalen loggar in med kommunens gemensamma inloggning.",
        "Staff sign in with the municipality's single sign-on.");
    public string PasswordSignInOff => T(
        "Salasanalla kirjautuminen ei ole käytössä. Kirjaudu kunnan tunnuksella.",
        "Inloggning med lösenord används inte. Logga in med kommunens konto.",
        "Password sign-in is switched off. Sign in with the municipality's account.");
    public string SsoRefusedTitle => T("Kirjautuminen ei onnistunut", "Inloggningen lyckades inte", "Sign-in did not succeed");
    public string SsoRefusedUnknown => T(
        "Kunnan tunnuksesi ei ole liitetty mihinkään tämän yksikön käyttäjätiliin. Pyydä yksikön esihenkilöä liittämään se tiliisi.",
        "Ditt kommunkonto är inte kopplat till något användarkonto vid enheten. Be enhetens chef att koppla det till ditt konto.",
        "Your municipal account is not linked to any user account of this unit. Ask the unit's manager to link it to your account.");
    public string SsoRefusedDisabled => T(
        "Käyttäjätilisi tässä yksikössä on poistettu käytöstä. Jos tarvitset sitä, pyydä yksikön esihenkilöä ottamaan se uudelleen käyttöön.",
        "Ditt användarkonto vid enheten är avstängt. Om du behöver det, be enhetens chef att aktivera det igen.",
        "Your user account at this unit is disabled. If you need it, ask the unit's manager to enable it again.");
    public string SsoRefusedFailed => T(
        "Kirjautumispalvelu ei vahvistanut kirjautumista. Yritä uudelleen.",
        "Inloggningstjänsten bekräftade inte inloggningen. Försök igen.",
        "The sign-in service did not confirm the sign-in. Please try again.");
    public string SsoBackToSignIn => T("Takaisin kirjautumiseen", "Tillbaka till inloggningen", "Back to sign-in");
    public string SsoContinueTitle => T("Kirjauduttu", "Inloggad", "Signed in");
    public string SsoContinueAction => T("Jatka", "Fortsätt", "Continue");
}
