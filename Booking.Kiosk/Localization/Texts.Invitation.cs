// The invited other parent's page (accept or decline from the invitation email) in Finnish, Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string InvitationTitle => T("Kutsu lastenvalvojan tapaamiseen", "Inbjudan till möte hos barnatillsyningsmannen",
        "Invitation to a meeting with a child supervisor");
    public string InvitationIntro => T(
        "Perheoikeudellinen yksikkö on kutsunut molemmat vanhemmat tähän tapaamiseen. Vahvistathan, pääsetkö tulemaan.",
        "Familjerättsliga enheten har bjudit in båda föräldrarna till detta möte. Bekräfta gärna om du kan komma.",
        "The family-law unit has invited both parents to this meeting. Please confirm whether you can come.");
    public string InvitationAccept => T("Tulen tapaamiseen", "Jag kommer", "I will come");
    public string InvitationDecline => T("En pääse tulemaan", "Jag kan inte komma", "I cannot come");
    public string InvitationAnswerLabel => T("Vastauksesi", "Ditt svar", "Your answer");
    public string InvitationNoAnswer => T("Et ole vielä vastannut.", "Du har inte svarat ännu.", "You have not answered yet.");
    public string InvitationAccepted => T("Olet ilmoittanut tulevasi tapaamiseen.", "Du har meddelat att du kommer.", "You have said you will come.");
    public string InvitationDeclined => T(
        "Olet ilmoittanut, ettet pääse tulemaan. Ota tarvittaessa yhteyttä yksikköön.",
        "Du har meddelat att du inte kan komma. Kontakta vid behov enheten.",
        "You have said you cannot come. Please contact the unit if needed.");
    public string InvitationClosed => T("Tähän kutsuun ei voi enää vastata.", "Denna inbjudan kan inte längre besvaras.",
        "This invitation can no longer be answered.");
}
