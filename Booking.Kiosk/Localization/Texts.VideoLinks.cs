// Video links, the other parent's answer and separate meetings, in Finnish, Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    // Staff: the day and the meeting page.
    public string VideoLinkMissing => T("Videolinkki puuttuu", "Videolänk saknas", "Video link missing");
    public string AddVideoLinkAction => T("Lisää linkki", "Lägg till länken", "Add the link");
    public string VideoLinkHeading => T("Videotapaamisen linkki", "Länk till videomötet", "Video meeting link");
    public string VideoLinkFormHint => T(
        "https://-osoite, enintään 500 merkkiä. Vanhemmat saavat linkin sähköpostiin ja näkevät sen varauksensa sivulla.",
        "En https://-adress, högst 500 tecken. Föräldrarna får länken per e-post och ser den på sin boknings sida.",
        "An https:// address, at most 500 characters. The parents get the link by email and see it on their booking's page.");
    public string SaveVideoLinkAction => T("Tallenna linkki", "Spara länken", "Save the link");
    public string VideoLinkSaved => T("Linkki on tallennettu. Vanhemmat saavat sen sähköpostiin.", "Länken har sparats. Föräldrarna får den per e-post.",
        "The link is saved. The parents will get it by email.");
    public string ErrorVideoLinkField => T(
        "Anna linkki, joka alkaa https:// (enintään 500 merkkiä, ei välilyöntejä).",
        "Ange en länk som börjar med https:// (högst 500 tecken, inga mellanslag).",
        "Enter a link that starts with https:// (at most 500 characters, no spaces).");
    public string SeparateMeetingsAsked => T("Vanhempi on pyytänyt erillisiä tapaamisia (ei yhteistapaamista).",
        "Föräldern har bett om separata möten (inget gemensamt möte).", "The parent asked for separate meetings (no joint meeting).");
    public string SeparateMeetingsLabel => T("Toive", "Önskemål", "Request");

    // The parent's manage page.
    public string VideoLinkForParent => T("Liittymislinkki", "Länk till mötet", "Link to join");
    public string VideoLinkComing => T("Saat liittymislinkin sähköpostiisi ennen tapaamista, ja se näkyy myös tällä sivulla.",
        "Du får länken per e-post före mötet, och den syns också på denna sida.",
        "You will get the link by email before the meeting, and it will also show on this page.");
    public string OtherParentAnswerLabel => T("Toisen vanhemman vastaus", "Den andra förälderns svar", "The other parent's answer");
    public string OtherParentAnswer(bool? accepted) => accepted switch
    {
        true => T("Tulee tapaamiseen.", "Kommer till mötet.", "Will come."),
        false => T("Ei pääse tulemaan.", "Kan inte komma.", "Cannot come."),
        null => T("Ei vielä vastannut.", "Har inte svarat ännu.", "Has not answered yet."),
    };
    public string OtherParentDeclinedForBooker => T(
        "Tapaaminen pysyy varattuna sinulle. Voit siirtää ajan tai soittaa yksikköön, niin sovitaan jatkosta.",
        "Mötet är kvar för dig. Du kan flytta tiden eller ringa enheten så kommer vi överens om fortsättningen.",
        "The meeting stays booked for you. You can move it, or call the unit to agree on what comes next.");
    public string SeparateMeetingsForBooker => T(
        "Olet pyytänyt erillisiä tapaamisia. Toiselle vanhemmalle ei lähetetty kutsua; lastenvalvoja ottaa asian huomioon.",
        "Du har bett om separata möten. Den andra föräldern fick ingen inbjudan; barnatillsyningsmannen beaktar det.",
        "You asked for separate meetings. No invitation was sent to the other parent; the child supervisor takes this into account.");

    // The booking form.
    public string SeparateMeetingsCheckbox => T("Pyydän erillisiä tapaamisia – en halua yhteistä tapaamista toisen vanhemman kanssa",
        "Jag ber om separata möten – jag vill inte ha ett gemensamt möte med den andra föräldern",
        "I ask for separate meetings – I do not want a joint meeting with the other parent");
    public string SeparateMeetingsHint => T(
        "Esimerkiksi turvallisuussyistä. Toiselle vanhemmalle ei silloin lähetetä kutsua, ja lastenvalvoja näkee pyyntösi.",
        "Till exempel av säkerhetsskäl. Den andra föräldern får då ingen inbjudan, och barnatillsyningsmannen ser din begäran.",
        "For example for safety. The other parent then gets no invitation, and the child supervisor sees your request.");
    public string ErrorSeparateOrJoint => T(
        "Valitse joko erilliset tapaamiset tai toisen vanhemman kutsuminen: jätä sähköpostikenttä tyhjäksi tai poista valinta.",
        "Välj antingen separata möten eller att bjuda in den andra föräldern: lämna e-postfältet tomt eller ta bort valet.",
        "Choose either separate meetings or inviting the other parent: leave the email empty or untick the box.");

    // The invited other parent after "I can't come".
    public string InvitationNextHeading => T("Mitä seuraavaksi tapahtuu", "Vad händer härnäst", "What happens next");
    public string InvitationNextText => T(
        "Ajan varannut vanhempi ja lastenvalvoja näkevät, ettet pääse tulemaan. Tapaaminen pidetään ajan varanneen vanhemman kanssa, ellei aikaa siirretä.",
        "Föräldern som bokade och barnatillsyningsmannen ser att du inte kan komma. Mötet hålls med föräldern som bokade, om tiden inte flyttas.",
        "The parent who booked and the child supervisor see that you cannot come. The meeting is held with the parent who booked unless it is moved.");
    public string InvitationProposeTime => T("Ehdota toista aikaa: varaa soittoaika, niin yksiköstä soitetaan sinulle ja sovitaan uusi aika.",
        "Föreslå en annan tid: boka en telefontid, så ringer enheten upp dig och ni kommer överens om en ny tid.",
        "Propose another time: reserve a call-back, and the unit will call you to agree on a new time.");
    public string InvitationProposeAction => T("Varaa soittoaika", "Boka en telefontid", "Reserve a call-back");
    public string InvitationCallUnit => T("Tai soita yksikköön:", "Eller ring enheten:", "Or call the unit:");
}
