// The error pages for people: an unknown address, no access, a request we could not read, a server error, the
// database down; each with the way back, in Finnish, Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    // AccessDeniedTitle and AccessDeniedText are the staff accounts' (Texts.Accounts.cs): one wording for both pages.
    public string SignInAgain => T("Kirjaudu toisena käyttäjänä", "Logga in som en annan användare", "Sign in as someone else");
    public string BadRequestTitle => T("Pyyntöä ei voitu käsitellä", "Begäran kunde inte behandlas", "The request could not be handled");
    public string BadRequestText => T(
        "Selain lähetti jotain, mitä emme osanneet lukea. Palaa takaisin ja yritä uudelleen.",
        "Webbläsaren skickade något vi inte kunde läsa. Gå tillbaka och försök igen.",
        "Your browser sent something we could not read. Go back and try again.");
    public string ServerErrorTitle => T("Jokin meni vikaan", "Något gick fel", "Something went wrong");
    public string ServerErrorText => T(
        "Palvelussa tapahtui virhe. Mitään ei tallennettu. Yritä hetken kuluttua uudelleen.",
        "Ett fel inträffade i tjänsten. Ingenting sparades. Försök igen om en stund.",
        "An error happened in the service. Nothing was saved. Please try again in a moment.");
    public string DatabaseDownTitle => T("Palvelu on hetkellisesti poissa käytöstä", "Tjänsten är tillfälligt ur bruk", "The service is briefly unavailable");
    public string DatabaseDownText => T(
        "Ajanvaraus ei juuri nyt tavoita tietokantaansa. Jos lähetit lomakkeen, se on voinut tallentua: tarkista sähköpostisi ennen kuin yrität uudelleen.",
        "Tidsbokningen når inte sin databas just nu. Om du skickade ett formulär kan det ha sparats: kontrollera din e-post innan du försöker igen.",
        "The booking service cannot reach its database right now. If you sent a form it may have been saved: check your email before you try again.");
    public string ErrorCallInstead => T("Voit myös soittaa yksikköön:", "Du kan också ringa enheten:", "You can also call the unit:");
    public string TryAgain => T("Yritä uudelleen", "Försök igen", "Try again");
}
