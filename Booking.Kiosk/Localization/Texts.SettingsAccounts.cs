// The manager's accounts page and the page for single sign-on out of reach, in Finnish, Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string SettingsAccountsLink => T("Käyttäjätilit", "Användarkonton", "Staff accounts");
    public string SettingsAccountsIntro => T(
        "Henkilökunnan kirjautumistilit: rooli, käytössä vai ei, kirjautumisesto ja kunnan tunnus. Salasanaa ei näytetä koskaan: kerro uusi salasana työntekijälle henkilökohtaisesti. Omaa tiliä ei voi poistaa käytöstä eikä sen roolia vaihtaa, ja yksikössä on aina oltava yksi käytössä oleva esihenkilö.",
        "Personalens inloggningskonton: roll, i bruk eller inte, inloggningsspärr och kommunkonto. Lösenord visas aldrig: berätta ett nytt lösenord för den anställda personligen. Ett eget konto kan inte stängas av och dess roll kan inte bytas, och enheten har alltid en chef vars konto är i bruk.",
        "The staff's sign-in accounts: role, enabled or not, sign-in block and municipal account. Passwords are never shown: tell a new password to the staff member in person. Nobody disables or changes the role of their own account, and the unit always keeps one enabled manager.");
    public string AccountsColumnState => T("Tila", "Status", "State");
    public string AccountsColumnLockout => T("Kirjautumisesto", "Inloggningsspärr", "Sign-in block");
    public string AccountsColumnSso => T("Kunnan tunnus", "Kommunkonto", "Municipal account");
    public string AccountEnabled => T("Käytössä", "I bruk", "Enabled");
    public string AccountDisabled => T("Poistettu käytöstä", "Avstängt", "Disabled");
    public string AccountLockedUntil(string time) => T($"Estetty {time} asti", $"Spärrat till {time}", $"Blocked until {time}");
    public string AccountNotLocked => T("Ei estetty", "Inte spärrat", "Not blocked");
    public string AccountSsoSet => T("Liitetty", "Kopplat", "Linked");
    public string AccountSsoNotSet => T("Ei liitetty", "Inte kopplat", "Not linked");
    public string AccountNoAccounts => T("Yksiköllä ei ole vielä käyttäjätilejä.", "Enheten har inga användarkonton ännu.", "The unit has no accounts yet.");
    public string AccountChange => T("Muuta", "Ändra", "Change");
    public string AccountChangeHeading(string name) => T($"Muuta tiliä: {name}", $"Ändra kontot: {name}", $"Change the account: {name}");
    public string AccountChangeRole => T("Vaihda rooli", "Byt roll", "Change role");
    public string AccountDisable => T("Poista käytöstä", "Stäng av", "Disable");
    public string AccountDisableHint => T("Tilillä ei voi kirjautua, ja sen avoin istunto päättyy heti.",
        "Kontot kan inte logga in, och dess öppna session upphör genast.", "The account cannot sign in, and its open session stops at once.");
    public string AccountEnable => T("Ota uudelleen käyttöön", "Aktivera igen", "Enable again");
    public string AccountNewPassword => T("Uusi salasana", "Nytt lösenord", "New password");
    public string AccountPasswordHint => T(
        "Vähintään 12 merkkiä ja vähintään 5 eri merkkiä, ei yleisesti tunnettu salasana eikä käyttäjätunnus. Pitkä lause toimii hyvin.",
        "Minst 12 tecken och minst 5 olika tecken, inte ett välkänt lösenord och inte användarnamnet. En lång fras fungerar bra.",
        "At least 12 characters with at least 5 different ones, not a well-known password and not the user name. A long phrase works well.");
    public string AccountResetPasswordHint => T("Vaihto poistaa myös kirjautumiseston.", "Bytet häver också inloggningsspärren.",
        "Setting it also lifts a sign-in block.");
    public string AccountSetPassword => T("Vaihda salasana", "Byt lösenord", "Set password");
    public string AccountExternalIdLabel => T("Kunnan tunnus (kertakirjautuminen)", "Kommunkonto (gemensam inloggning)", "Municipal account (single sign-on)");
    public string AccountExternalIdHint => T(
        "Kunnan kirjautumispalvelun antama arvo, esimerkiksi sähköpostiosoite. Tyhjä poistaa liitoksen.",
        "Värdet som kommunens inloggningstjänst ger, till exempel e-postadressen. Tomt tar bort kopplingen.",
        "The value the municipality's sign-in service gives, for example the email address. Empty removes the link.");
    public string AccountUnlock => T("Poista kirjautumisesto", "Häv inloggningsspärren", "Lift the sign-in block");
    public string AccountNewHeading => T("Uusi henkilö tai käyttäjätili", "Ny person eller nytt användarkonto", "New person or account");
    public string AccountPersonLabel => T("Kenelle", "För vem", "For whom");
    public string AccountPersonNew => T("Uusi henkilö (nimi alla)", "Ny person (namnet nedan)", "A new person (name below)");
    public string AccountRoleHint => T(
        "Yhteistyökumppanin ammattilainen lisätään tapaamisia varten ilman kirjautumista: käyttäjätunnusta ja salasanaa ei tarvita.",
        "En samarbetspartners yrkesperson läggs till för möten utan inloggning: användarnamn och lösenord behövs inte.",
        "A partner professional is added for meetings without sign-in: no user name or password is needed.");
    public string AccountUserNameHint => T("Lyhyt nimi tai sähköpostiosoite, ilman välilyöntejä.", "Ett kort namn eller en e-postadress, utan mellanslag.",
        "A short name or an email address, without spaces.");
    public string AccountFirstPassword => T("Ensimmäinen salasana", "Första lösenordet", "First password");
    public string AccountAdd => T("Lisää", "Lägg till", "Add");
    public string AccountChooseRole => T("(valitse)", "(välj)", "(choose)");

    public string AccountDone(string? done) => done switch
    {
        "created" => T("Käyttäjätili avattu. Henkilö voi nyt kirjautua.", "Användarkontot är öppnat. Personen kan nu logga in.",
            "The account is open. The person can now sign in."),
        "partner" => T("Henkilö lisätty ilman kirjautumista.", "Personen är tillagd utan inloggning.", "The person is added without sign-in."),
        "role" => T("Rooli vaihdettu.", "Rollen är bytt.", "The role is changed."),
        "disabled" => T("Tili poistettu käytöstä.", "Kontot är avstängt.", "The account is disabled."),
        "enabled" => T("Tili otettu uudelleen käyttöön.", "Kontot är aktiverat igen.", "The account is enabled again."),
        "password" => T("Salasana vaihdettu.", "Lösenordet är bytt.", "The password is set."),
        "external" => T("Kunnan tunnus tallennettu.", "Kommunkontot är sparat.", "The municipal account is saved."),
        "unlocked" => T("Kirjautumisesto poistettu.", "Inloggningsspärren är hävd.", "The sign-in block is lifted."),
        _ => SettingsSaved,
    };

    public string AccountErrorPerson => T("Valitse henkilö.", "Välj en person.", "Choose a person.");
    public string AccountErrorRole => T("Valitse rooli.", "Välj en roll.", "Choose a role.");
    public string AccountErrorUserName => T(
        "Käyttäjätunnuksessa on 2–100 merkkiä ilman välilyöntejä (lyhyt nimi tai sähköpostiosoite).",
        "Användarnamnet har 2–100 tecken utan mellanslag (ett kort namn eller en e-postadress).",
        "The user name has 2 to 100 characters without spaces (a short name or an email address).");
    public string AccountErrorUserNameTaken => T("Toinen käyttäjätili käyttää jo tätä käyttäjätunnusta.",
        "Ett annat användarkonto har redan det här användarnamnet.", "Another account already signs in with this user name.");
    public string AccountErrorPassword => T(
        "Salasana ei kelpaa: vähintään 12 merkkiä ja 5 eri merkkiä, ei yleisesti tunnettu salasana eikä käyttäjätunnus.",
        "Lösenordet duger inte: minst 12 tecken och 5 olika tecken, inte ett välkänt lösenord och inte användarnamnet.",
        "The password will not do: at least 12 characters with 5 different ones, not a well-known password and not the user name.");
    public string AccountErrorExternalId => T("Enintään 200 merkkiä ilman välilyöntejä, tai tyhjä liitoksen poistamiseksi.",
        "Högst 200 tecken utan mellanslag, eller tomt för att ta bort kopplingen.", "At most 200 characters without spaces, or empty to remove the link.");
    public string AccountErrorExternalIdTaken => T("Toinen käyttäjätili on jo liitetty tähän kunnan tunnukseen.",
        "Ett annat användarkonto är redan kopplat till det här kommunkontot.", "Another account is already linked to this municipal account.");
    public string AccountErrorOwn => T("Omaa tiliä ei voi poistaa käytöstä eikä sen roolia vaihtaa. Toinen esihenkilö voi tehdä sen.",
        "Du kan inte stänga av ditt eget konto eller byta dess roll. En annan chef kan göra det.",
        "You cannot disable your own account or change its role. Another manager can.");
    public string AccountErrorLastManager => T("Yksikössä on oltava ainakin yksi käytössä oleva esihenkilön tili.",
        "Enheten måste ha minst ett chefskonto i bruk.", "The unit must keep at least one enabled manager account.");
    public string AccountErrorPartner => T("Yhteistyökumppanin ammattilaisella ei ole kirjautumista.",
        "En samarbetspartners yrkesperson har ingen inloggning.", "A partner professional has no sign-in.");
    public string AccountErrorInactive => T("Henkilö ei ole enää mukana yksikössä.", "Personen är inte längre med vid enheten.",
        "The person is no longer included in the unit.");
    public string AccountErrorExists => T("Henkilöllä on jo käyttäjätili.", "Personen har redan ett användarkonto.", "The person already has an account.");
    public string AccountErrorNotFound => T("Tiliä tai henkilöä ei löytynyt. Lataa sivu uudelleen.",
        "Kontot eller personen hittades inte. Ladda om sidan.", "The account or person was not found. Reload the page.");
    public string AccountErrorBusy => T("Joku muu muutti samaa tietoa samaan aikaan. Mitään ei tallennettu; yritä uudelleen.",
        "Någon annan ändrade samma uppgifter samtidigt. Ingenting sparades; försök igen.",
        "Someone else changed the same thing at the same moment. Nothing was saved; please try again.");

    public string SsoUnavailableTitle => T("Kertakirjautumiseen ei saada nyt yhteyttä", "Den gemensamma inloggningen kan inte nås just nu",
        "Single sign-on cannot be reached right now");
    public string SsoUnavailableText => T(
        "Kunnan kirjautumispalvelu ei vastaa juuri nyt. Yritä hetken kuluttua uudelleen.",
        "Kommunens inloggningstjänst svarar inte just nu. Försök igen om en stund.",
        "The municipality's sign-in service is not answering right now. Please try again in a moment.");
    public string SsoUnavailablePasswords => T(
        "Voit myös kirjautua yksikön käyttäjätunnuksella ja salasanalla.",
        "Du kan också logga in med ditt användarnamn och lösenord vid enheten.",
        "You can also sign in with your unit user name and password.");
    public string SsoUnavailablePasswordAction => T("Kirjaudu salasanalla", "Logga in med lösenord", "Sign in with a password");
}
