// The privacy pages' strings in Finnish, Swedish and English: a parent's copy, a link no longer valid, erasing a
// family's data, and who looked at contact details.
using Booking.Domain.Appointments;
using Booking.Domain.Privacy;
using NodaTime;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string LinkExpiredTitle => T("Linkki ei ole enää voimassa", "Länken gäller inte längre", "This link is no longer valid");
    public string LinkExpiredText => T(
        "Varauksen linkki lakkaa toimimasta jonkin aikaa tapaamisen jälkeen, eikä sillä voi enää katsoa varausta. Jos tarvitset tietoja, ota yhteyttä yksikköön.",
        "Länken till bokningen slutar fungera en tid efter mötet, och bokningen kan inte längre visas med den. Kontakta enheten om du behöver uppgifterna.",
        "A booking's link stops working a while after the meeting, and the booking can no longer be shown with it. Contact the unit if you need the details.");

    public string CopyLink => T("Katso ja lataa tiedot, jotka meillä on sinusta", "Visa och ladda ner uppgifterna vi har om dig",
        "See and download the details we hold about you");
    public string CopyTitle => T("Sinusta tallennetut tiedot", "Uppgifter som sparats om dig", "The details we hold about you");
    public string CopyIntro => T(
        "Tässä ovat kaikki tiedot, jotka yksikkö on tallentanut tästä varauksesta: yhteystietosi, tapaaminen ja sinulle lähetetyt viestit. Voit ladata ne myös tiedostona (JSON).",
        "Här är alla uppgifter som enheten har sparat om den här bokningen: dina kontaktuppgifter, mötet och meddelandena som skickats till dig. Du kan också ladda ner dem som en fil (JSON).",
        "Here is everything the unit holds about this booking: your contact details, the meeting and the emails sent to you. You can also download it as a file (JSON).");
    public string CopyDownload => T("Lataa tiedot (JSON)", "Ladda ner uppgifterna (JSON)", "Download the details (JSON)");
    public string CopyPeopleHeading => T("Yhteystiedot", "Kontaktuppgifter", "Contact details");
    public string CopyMeetingsHeading => T("Tapaamiset", "Möten", "Meetings");
    public string CopyEmailsHeading => T("Lähetetyt sähköpostit", "Skickade e-postmeddelanden", "Emails sent");
    public string CopyNoPeople => T("Yhteystietoja ei ole tallennettu.", "Inga kontaktuppgifter har sparats.", "No contact details are held.");
    public string CopyNoEmails => T("Sähköposteja ei ole lähetetty.", "Inga e-postmeddelanden har skickats.", "No emails have been sent.");
    public string CopyRetention(int days) => T(
        $"Yhteystiedot poistetaan {days} päivän kuluttua viimeisestä tapaamisesta.",
        $"Kontaktuppgifterna raderas {days} dagar efter det sista mötet.",
        $"Contact details are erased {days} days after the last meeting.");
    public string EmailLabelShort => T("Sähköposti", "E-post", "Email");
    public string PhoneLabelShort => T("Puhelin", "Telefon", "Phone");
    public string LanguageLabelShort => T("Kieli", "Språk", "Language");
    public string EmailKindColumn => T("Viesti", "Meddelande", "Message");
    public string EmailStatusColumn => T("Tila", "Status", "Status");
    public string EmailWhenColumn => T("Aika", "Tid", "Time");

    public string EmailKind(string kind) => kind switch
    {
        "confirmation" => T("Vahvistus", "Bekräftelse", "Confirmation"),
        "invitation" => T("Kutsu", "Inbjudan", "Invitation"),
        "moved" => T("Aika siirretty", "Tiden flyttad", "Time moved"),
        "cancelled" => T("Peruutus", "Avbokning", "Cancellation"),
        "reminder" => T("Muistutus", "Påminnelse", "Reminder"),
        "info_links" => T("Tietoa ja linkkejä", "Information och länkar", "Information and links"),
        _ => kind,
    };

    public string EmailStatus(string status) => status switch
    {
        "sent" => T("Lähetetty", "Skickat", "Sent"),
        "pending" => T("Lähdössä", "På väg", "Being sent"),
        "skipped" => T("Ei lähetetty", "Inte skickat", "Not sent"),
        "dead" => T("Ei mennyt perille", "Kom inte fram", "Not delivered"),
        _ => status,
    };

    // Erasing a family's data (secretary, manager)
    public string PrivacyLink => T("Tietosuoja: kopio ja poisto", "Dataskydd: kopia och radering", "Privacy: copy and erasure");
    public string ErasureTitle => T("Perheen tiedot: kopio ja poisto", "Familjens uppgifter: kopia och radering", "The family's data: copy and erasure");
    public string ErasureWillGo => T("Poistetaan", "Raderas", "Will be erased");
    public string ErasureWillStay => T("Säilyy", "Sparas", "Will stay");
    public string ErasureGoesParents(int n) => T($"{n} vanhemman nimet, sähköpostit ja puhelinnumerot", $"namn, e-post och telefonnummer för {n} förälder/föräldrar",
        $"the names, emails and phone numbers of {n} parent(s)");
    public string ErasureGoesMeetings(int n) => T($"{n} tapaamisen videolinkit ja muistiinpanot", $"videolänkar och anteckningar för {n} möte(n)",
        $"the video links and notes of {n} meeting(s)");
    public string ErasureGoesEmails(int n) => T($"{n} sähköpostin kopiot ja lähtemättömät viestit", $"kopior av {n} e-postmeddelanden och meddelanden som inte skickats",
        $"the copies of {n} email(s) and any not yet sent");
    public string ErasureGoesLinks => T("varausten linkit (ne lakkaavat toimimasta)", "bokningarnas länkar (de slutar fungera)", "the bookings' links (they stop working)");
    public string ErasureStaysEvents => T(
        "tapaamisten ajat, asiat ja tilat ilman nimiä (tunnisteina vain numerosarjat), jotta tilastot eivät muutu",
        "mötenas tider, ärenden och status utan namn (endast id-nummer), så att statistiken inte ändras",
        "the meetings' times, matters and status without names (only ids), so the figures stay the same");
    public string ErasureStaysRecord => T("merkintä poistosta: kuka poisti, milloin ja miksi", "en anteckning om raderingen: vem, när och varför",
        "a record of the erasure: who, when and why");
    public string ErasureBlocked(int n) => T(
        $"Tietoja ei voi vielä poistaa: perheellä on {n} tuleva tapaaminen. Peru tapaamiset ensin.",
        $"Uppgifterna kan inte raderas ännu: familjen har {n} kommande möte(n). Avboka mötena först.",
        $"The data cannot be erased yet: the family has {n} meeting(s) still to come. Cancel them first.");
    public string ErasureReasonLegend => T("Miksi tiedot poistetaan?", "Varför raderas uppgifterna?", "Why are the data erased?");
    public string ErasureReason(ErasureReason reason) => reason switch
    {
        Domain.Privacy.ErasureReason.ParentAsked => T("Vanhempi pyysi poistamaan tiedot", "Föräldern bad att uppgifterna raderas", "A parent asked for the data to be erased"),
        Domain.Privacy.ErasureReason.NotNeeded => T("Tietoja ei enää tarvita", "Uppgifterna behövs inte längre", "The data are no longer needed"),
        _ => T("Muu syy", "Annat skäl", "Another reason"),
    };
    public string ErasureConfirmLabel => T("Ymmärrän, että poistoa ei voi perua.", "Jag förstår att raderingen inte kan ångras.", "I understand the erasure cannot be undone.");
    public string ErasureAction => T("Poista perheen tiedot", "Radera familjens uppgifter", "Erase the family's data");
    public string ErasureConfirmMissing => T("Vahvista poisto rastittamalla ruutu.", "Bekräfta raderingen genom att kryssa i rutan.", "Confirm the erasure by ticking the box.");
    public string ErasureReasonMissing => T("Valitse syy.", "Välj ett skäl.", "Choose a reason.");
    public string ErasureDone => T("Perheen tiedot on poistettu.", "Familjens uppgifter har raderats.", "The family's data have been erased.");
    public string BookingErasureTitle => T("Varauksen tiedot: kopio ja poisto", "Bokningens uppgifter: kopia och radering",
        "The booking's data: copy and erasure");
    public string BookingErasureNotFound => T("Varausta ei löytynyt.", "Bokningen hittades inte.", "No such booking.");
    public string BookingErasureFamily => T("Varaus kuuluu perheelle, jonka tietoja sihteeri pitää. Poista tiedot perheen sivulta.",
        "Bokningen hör till en familj som sekreteraren för uppgifter om. Radera uppgifterna på familjens sida.",
        "The booking belongs to a family the secretary keeps. Erase the data on the family's page.");
    public string BookingErasureFamilyLink => T("Perheen tiedot", "Familjens uppgifter", "The family's data");
    public string BookingCopyDownload => T("Lataa varauksen tiedot (JSON)", "Ladda ner bokningens uppgifter (JSON)", "Download the booking's data (JSON)");
    public string BookingPrivacyLink => T("Tietosuoja: kopio ja poisto", "Dataskydd: kopia och radering", "Privacy: copy and erasure");
    public string FamilyCopyDownload => T("Lataa perheen tiedot (JSON)", "Ladda ner familjens uppgifter (JSON)", "Download the family's data (JSON)");
    public string ReadsOfFamilyLink => T("Kuka on katsonut perheen tietoja", "Vem har sett familjens uppgifter", "Who has looked at the family's details");

    // Who looked (manager)
    public string ReadsLink => T("Kuka katsoi yhteystietoja", "Vem såg kontaktuppgifter", "Who looked at contact details");
    public string ReadsTitle => T("Kuka katsoi yhteystietoja", "Vem såg kontaktuppgifter", "Who looked at contact details");
    public string ReadsIntro(int days) => T(
        $"Jokainen henkilökunnan katselu asiakkaan yhteystietoihin kirjataan: kuka, milloin ja mistä näkymästä. Kirjaukset säilytetään {days} päivää.",
        $"Varje gång personalen ser en klients kontaktuppgifter antecknas vem, när och i vilken vy. Anteckningarna sparas i {days} dagar.",
        $"Every time staff see a client's contact details, who, when and through which screen is logged. The log is kept for {days} days.");
    public string ReadsFamilyLabel => T("Perheen tunniste", "Familjens id", "Family id");
    public string ReadsFamilyHint => T("Perheen sivun osoitteen lopussa oleva tunniste.", "Id:t i slutet av adressen till familjens sida.",
        "The id at the end of the family page's address.");
    public string ReadsStaffLabel => T("Henkilökunnan jäsen", "Personal", "Staff member");
    public string ReadsAnyone => T("(valitse)", "(välj)", "(choose)");
    public string ReadsShow => T("Näytä", "Visa", "Show");
    public string ReadsNone => T("Ei kirjattuja katseluja.", "Inga antecknade visningar.", "No reads logged.");
    public string ReadsNeedOne => T("Anna perheen tunniste tai valitse henkilökunnan jäsen.", "Ange familjens id eller välj en person.",
        "Give a family id or choose a staff member.");
    public string ReadsBadFamily => T("Perheen tunniste on muotoa 8-4-4-4-12 merkkiä.", "Familjens id har formen 8-4-4-4-12 tecken.",
        "A family id looks like 8-4-4-4-12 characters.");
    public string ReadsWhen => T("Aika", "Tid", "Time");
    public string ReadsWho => T("Kuka", "Vem", "Who");
    public string ReadsWhat => T("Näkymä", "Vy", "Screen");
    public string ReadsFamily => T("Perhe", "Familj", "Family");
    public string ReadsCount(int n) => T($"{n} katselua", $"{n} visningar", $"{n} reads");
    public string At(LocalDateTime time) => $"{NumericDate(time.Date)} {Time(time.TimeOfDay)}";
}
