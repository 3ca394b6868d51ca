// The staff pages' strings in Finnish, Swedish and English.
using NodaTime;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string StaffSignInTitle => T("Henkilökunnan kirjautuminen", "Inloggning för personalen", "Staff sign-in");
    public string StaffSignInIntro => T("Kirjaudu yksikön tunnuksellasi.", "Logga in med ditt användarnamn vid enheten.", "Sign in with your unit account.");
    public string UserNameLabel => T("Käyttäjätunnus", "Användarnamn", "User name");
    public string PasswordLabel => T("Salasana", "Lösenord", "Password");
    public string SignInAction => T("Kirjaudu", "Logga in", "Sign in");
    public string SignOutAction => T("Kirjaudu ulos", "Logga ut", "Sign out");
    public string StaffSignInFailed => T("Käyttäjätunnus tai salasana ei ole oikein.", "Användarnamnet eller lösenordet är fel.",
        "The user name or password is not right.");
    public string StaffSignInMissing => T("Anna käyttäjätunnus ja salasana.", "Ange användarnamn och lösenord.", "Enter your user name and password.");
    public string StaffBookingsTitle => T("Varatut ajat", "Bokade tider", "Booked times");
    public string SignedInAs(string name, string role) => T($"Kirjautunut: {name} ({RoleName(role)})", $"Inloggad: {name} ({RoleName(role)})",
        $"Signed in: {name} ({RoleName(role)})");
    public string RoleName(string role) => role switch
    {
        "secretary" => T("toimistosihteeri", "byråsekreterare", "office secretary"),
        "supervisor" => T("lastenvalvoja", "barnatillsyningsman", "child supervisor"),
        "manager" => T("esihenkilö", "chef", "unit manager"),
        _ => role,
    };
    public string NoBookingsThisWeek => T("Tällä viikolla ei ole varauksia.", "Inga bokningar den här veckan.", "No bookings this week.");
    public string StaffColumnTime => T("Aika", "Tid", "Time");
    public string StaffColumnSupervisor => T("Lastenvalvoja", "Barnatillsyningsman", "Child supervisor");
    public string StaffColumnMatter => T("Asia", "Ärende", "Matter");
    public string StaffColumnHow => T("Tapa", "Sätt", "How");
    public string StaffBookingsCount(int count) => T(Count(count, "varaus", "varausta"), Count(count, "bokning", "bokningar"), Count(count, "booking", "bookings"));
}
