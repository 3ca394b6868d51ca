// The manager's kinds-of-meeting page in Finnish, Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string SettingsKindsLink => T("Tapaamislajit", "Mötestyper", "Kinds of meeting");
    public string SettingsKindsIntro => T(
        "Mitä asiakkaat ja toimisto voivat varata: nimi ja kuvaus kolmella kielellä, kesto, tauko tapaamisen jälkeen, tapaamistavat ja voiko lajin varata verkossa. Lajia ei poisteta, koska varaukset viittaavat siihen: poista valinta ”Varattavissa verkossa”, niin vanhemmat eivät enää näe sitä.",
        "Vad klienter och byrån kan boka: namn och beskrivning på tre språk, längd, paus efter mötet, mötessätt och om typen kan bokas på nätet. En typ tas inte bort eftersom bokningar hänvisar till den: avmarkera ”Kan bokas på nätet” så ser föräldrarna den inte längre.",
        "What clients and the office can book: name and description in three languages, length, break after the meeting, ways of meeting and whether it can be booked online. A kind is not removed, because bookings refer to it: untick \"Bookable online\" and parents no longer see it.");
    public string SettingsKindsNew => T("Uusi tapaamislaji (valinnainen)", "Ny mötestyp (valfritt)", "A new kind of meeting (optional)");
    public string SettingsKindCodeLabel => T("Tunnus", "Kod", "Code");
    public string SettingsKindCodeHint => T("Pienet kirjaimet a–z, numerot ja väliviivat, esim. sovittelu-60. Ei voi muuttaa myöhemmin.",
        "Små bokstäver a–z, siffror och bindestreck, t.ex. medling-60. Kan inte ändras senare.",
        "Lower-case letters a–z, digits and hyphens, e.g. mediation-60. Cannot be changed later.");
    public string SettingsKindName(string language) => language switch
    {
        "sv" => T("Nimi ruotsiksi", "Namn på svenska", "Name in Swedish"),
        "en" => T("Nimi englanniksi", "Namn på engelska", "Name in English"),
        _ => T("Nimi suomeksi", "Namn på finska", "Name in Finnish"),
    };
    public string SettingsKindDescription(string language) => language switch
    {
        "sv" => T("Kuvaus ruotsiksi", "Beskrivning på svenska", "Description in Swedish"),
        "en" => T("Kuvaus englanniksi", "Beskrivning på engelska", "Description in English"),
        _ => T("Kuvaus suomeksi", "Beskrivning på finska", "Description in Finnish"),
    };
    public string SettingsKindDescriptionHint => T("Vanhemmalle selkokielellä: mihin tapaaminen on ja kuka tulee. Enintään 600 merkkiä; kaikki kolme tai ei mitään.",
        "För föräldern i klarspråk: vad mötet är till för och vem som kommer. Högst 600 tecken; alla tre eller inget.",
        "For a parent in plain words: what the meeting is for and who comes. At most 600 characters; all three or none.");
    public string SettingsKindLengthLabel => T("Kesto minuutteina (15–240)", "Längd i minuter (15–240)", "Length in minutes (15–240)");
    public string SettingsKindBufferLabel => T("Tauko tapaamisen jälkeen minuutteina (0–60)", "Paus efter mötet i minuter (0–60)", "Break after the meeting in minutes (0–60)");
    public string SettingsKindModalitiesLegend => T("Tapaamistavat", "Mötessätt", "Ways of meeting");
    public string SettingsKindOnline => T("Varattavissa verkossa", "Kan bokas på nätet", "Bookable online");

    public string SettingsErrorKindCode => T("Tunnuksessa on 2–40 pientä kirjainta a–z, numeroa tai väliviivaa.",
        "Koden har 2–40 små bokstäver a–z, siffror eller bindestreck.", "The code has 2 to 40 lower-case letters a–z, digits or hyphens.");
    public string SettingsErrorKindCodeTaken => T("Tämä tunnus on jo käytössä.", "Koden används redan.", "This code is already used.");
    public string SettingsErrorKindName => T("Kirjoita nimi yhdelle riville, enintään 80 merkkiä.", "Skriv namnet på en rad, högst 80 tecken.",
        "Write the name on one line, at most 80 characters.");
    public string SettingsErrorKindDescription => T("Anna kuvaus kaikilla kolmella kielellä (enintään 600 merkkiä) tai jätä kaikki tyhjiksi.",
        "Ge beskrivningen på alla tre språk (högst 600 tecken) eller lämna alla tomma.",
        "Give the description in all three languages (at most 600 characters) or leave all empty.");
    public string SettingsErrorKindLength => T("Keston on oltava 15–240 minuuttia.", "Längden måste vara 15–240 minuter.", "The length must be 15 to 240 minutes.");
    public string SettingsErrorKindBuffer => T("Tauon on oltava 0–60 minuuttia.", "Pausen måste vara 0–60 minuter.", "The break must be 0 to 60 minutes.");
    public string SettingsErrorKindModalities => T("Valitse vähintään yksi tapaamistapa.", "Välj minst ett mötessätt.", "Choose at least one way of meeting.");
}
