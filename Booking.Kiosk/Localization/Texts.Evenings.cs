// The info-evening pages' strings (public list, evening page and registration form, the registration's manage page,
// the manager's evening pages) in Finnish, Swedish and English. Kept free of domain types so the words stand alone.
using Booking.Domain;
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    // Start page card
    public string EveningsAction => T("Infoillat eroaville vanhemmille", "Infokvällar för föräldrar som separerar", "Info evenings for separating parents");
    public string EveningsActionHint => T(
        "Vanhempien eron ABC -illat: tietoa erosta ja lapsen asioista yhdessä yhteistyökumppaneiden kanssa.",
        "Kvällar om föräldrarnas separation: information om separationen och barnets angelägenheter tillsammans med samarbetspartner.",
        "“The ABC of parents’ separation” evenings: information on separation and the child’s matters, with partner organisations.");

    // Public list
    public string EveningsTitle => T("Infoillat eroaville vanhemmille", "Infokvällar för föräldrar som separerar", "Info evenings for separating parents");
    public string EveningsIntro => T(
        "Illoissa lastenvalvojat ja yhteistyökumppanit kertovat, mitä erossa kannattaa sopia lapsen huollosta, asumisesta, tapaamisista ja elatuksesta. Ilta on maksuton. Ilmoittaudu etukäteen, sillä paikkoja on rajoitetusti.",
        "På kvällarna berättar barnatillsyningsmännen och samarbetspartner vad man vid en separation bör avtala om barnets vårdnad, boende, umgänge och underhåll. Kvällen är avgiftsfri. Anmäl dig i förväg, eftersom platserna är begränsade.",
        "At these evenings, child supervisors and partner organisations explain what to agree on a child’s custody, residence, contact and maintenance when parents separate. The evening is free of charge. Please register in advance, as places are limited.");
    public string NoEvenings => T(
        "Tulevia infoiltoja ei ole juuri nyt. Uusia iltoja julkaistaan tällä sivulla, joten katso tilanne myöhemmin uudelleen.",
        "Det finns inga kommande infokvällar just nu. Nya kvällar publiceras på den här sidan, så titta gärna in senare.",
        "There are no upcoming info evenings at the moment. New evenings are published on this page, so please check back later.");
    public string EveningWhen => T("Aika", "Tid", "When");
    public string EveningWhere => T("Paikka", "Plats", "Where");
    public string EveningLanguage => T("Kieli", "Språk", "Language");
    public string EveningSeats => T("Paikkoja", "Platser", "Places");
    public string EveningPartners => T("Yhteistyössä", "I samarbete med", "With");
    public string EveningOnline => T("Verkossa (linkki lähetetään ilmoittautuneille)", "På nätet (länken skickas till de anmälda)", "Online (the link is sent to those registered)");
    public string EveningPlaceAndOnline(string place) => T($"{place} tai verkossa", $"{place} eller på nätet", $"{place}, or online");
    public string EveningInLanguage(Language language) => language switch
    {
        Language.Sv => T("ruotsiksi", "på svenska", "in Swedish"),
        Language.En => T("englanniksi", "på engelska", "in English"),
        _ => T("suomeksi", "på finska", "in Finnish"),
    };
    public string SeatsLeft(int free) => T(
        free == 1 ? "1 paikka jäljellä" : $"{free} paikkaa jäljellä",
        free == 1 ? "1 plats kvar" : $"{free} platser kvar",
        free == 1 ? "1 place left" : $"{free} places left");
    public string EveningFull => T("Täynnä – ilmoittaudu jonoon", "Fullt – anmäl dig till kön", "Full — join the waiting list");
    public string EveningRegistrationNotYetOpen(string when) => T($"Ilmoittautuminen alkaa {when}", $"Anmälan börjar {when}", $"Registration opens {when}");
    public string EveningRegistrationEnded => T("Ilmoittautuminen on päättynyt", "Anmälan har avslutats", "Registration has closed");
    public string EveningCancelledLabel => T("Peruttu", "Inställd", "Cancelled");
    public string EveningMoreAndRegister => T("Lisätietoja ja ilmoittautuminen", "Mer information och anmälan", "More information and registration");
    public string EveningsLinkBack => T("Kaikki infoillat", "Alla infokvällar", "All info evenings");

    // Evening page and form
    public string EveningRegisterHeading => T("Ilmoittaudu", "Anmäl dig", "Register");
    public string EveningWaitingListNote => T(
        "Ilta on täynnä. Voit ilmoittautua jonoon: jos paikka vapautuu, saat siitä sähköpostin.",
        "Kvällen är full. Du kan anmäla dig till kön: om en plats blir ledig får du ett e-postmeddelande.",
        "The evening is full. You can join the waiting list: if a place becomes free, we will email you.");
    public string EveningClosesAt(string when) => T($"Ilmoittautuminen päättyy {when}.", $"Anmälan avslutas {when}.", $"Registration closes {when}.");
    public string EveningNotOpenText(string when) => T(
        $"Ilmoittautuminen tähän iltaan alkaa {when}.", $"Anmälan till den här kvällen börjar {when}.", $"Registration for this evening opens {when}.");
    public string EveningClosedText => T(
        "Ilmoittautuminen tähän iltaan on päättynyt.", "Anmälan till den här kvällen har avslutats.", "Registration for this evening has closed.");
    public string EveningCancelledText => T(
        "Tämä ilta on peruttu. Katso muut illat.", "Den här kvällen är inställd. Se de andra kvällarna.", "This evening has been cancelled. Please see the other evenings.");
    public string SeatsLegend => T("Montako paikkaa varaat?", "Hur många platser bokar du?", "How many places do you need?");
    public string SeatsHint => T("Voit varata paikan myös toiselle aikuiselle, esimerkiksi toiselle vanhemmalle.",
        "Du kan också boka en plats för en annan vuxen, till exempel den andra föräldern.",
        "You can also book a place for another adult, for example the other parent.");
    public string SeatsOption(int seats) => T(seats == 1 ? "1 paikka" : $"{seats} paikkaa", seats == 1 ? "1 plats" : $"{seats} platser", seats == 1 ? "1 place" : $"{seats} places");
    public string PhoneOptionalLabel => T("Puhelinnumero (vapaaehtoinen)", "Telefonnummer (frivilligt)", "Phone number (optional)");
    public string EveningEmailHint => T("Lähetämme vahvistuksen ja tiedot illasta tähän osoitteeseen.",
        "Vi skickar bekräftelsen och information om kvällen till den här adressen.",
        "We send the confirmation and details of the evening to this address.");
    public string EveningLanguageLegend => T("Millä kielellä haluat viestit?", "På vilket språk vill du få meddelanden?", "Which language would you like our messages in?");
    public string EveningPrivacyNote => T(
        "Käytämme tietojasi vain tämän illan ilmoittautumiseen ja siihen liittyviin viesteihin. Tiedot poistetaan illan jälkeen tai pyynnöstäsi.",
        "Vi använder dina uppgifter endast för anmälan till den här kvällen och meddelanden om den. Uppgifterna raderas efter kvällen eller på din begäran.",
        "We use your details only for registering you for this evening and the messages about it. They are erased after the evening, or at your request.");
    public string RegisterAction => T("Ilmoittaudu", "Anmäl dig", "Register");
    public string JoinWaitingListAction => T("Ilmoittaudu jonoon", "Anmäl dig till kön", "Join the waiting list");
    public string CouldNotRegister => T("Ilmoittautuminen ei onnistunut", "Anmälan lyckades inte", "The registration did not go through");
    public string ErrorSeats => T("Valitse 1 tai 2 paikkaa.", "Välj 1 eller 2 platser.", "Choose 1 or 2 places.");
    public string ErrorEveningPhone => T("Kirjoita puhelinnumero, jossa on 6–15 numeroa, tai jätä kenttä tyhjäksi.",
        "Skriv ett telefonnummer med 6–15 siffror eller lämna fältet tomt.",
        "Enter a phone number with 6 to 15 digits, or leave it empty.");
    public string EveningNotFoundTitle => T("Iltaa ei löytynyt", "Kvällen hittades inte", "Evening not found");

    /// <summary>A refusal of the info-evening use cases in the page's language; other codes go to the booking refusals.</summary>
    public string EveningRefusal(string code, string fallback) => code switch
    {
        "registration_not_open" => T("Ilmoittautuminen tähän iltaan ei ole vielä alkanut.", "Anmälan till den här kvällen har inte börjat ännu.",
            "Registration for this evening has not opened yet."),
        "registration_closed" => EveningClosedText,
        "evening_cancelled" => EveningCancelledText,
        "invalid_seats" => ErrorSeats,
        "evening_not_found" => T("Iltaa ei löytynyt.", "Kvällen hittades inte.", "The evening was not found."),
        "registration_not_found" => T("Ilmoittautumista ei löytynyt.", "Anmälan hittades inte.", "The registration was not found."),
        "evening_exists" => T("Ilta on jo ajastettu.", "Kvällen är redan inlagd.", "This evening has already been scheduled."),
        "already_registered" => T("Olet jo ilmoittautunut tähän iltaan. Ilmoittautumisesi tiedot ovat vahvistusviestissä.",
            "Du är redan anmäld till den här kvällen. Uppgifterna finns i bekräftelsen.",
            "You are already registered for this evening. The details are in your confirmation email."),
        "evening_past" => T("Ilta on jo pidetty.", "Kvällen har redan hållits.", "The evening is already over."),
        "evening_started" => T("Ilta on jo alkanut, joten ilmoittautumista ei voi enää perua.", "Kvällen har redan börjat, så anmälan kan inte längre återkallas.",
            "The evening has already started, so the registration can no longer be cancelled."),
        "not_registered" => T("Osallistumisen voi merkitä vain ilmoittautuneille, ei jonossa oleville.", "Deltagande kan bara markeras för anmälda, inte för dem i kön.",
            "Attendance can only be marked for those registered, not for those waiting."),
        "evening_not_started" => AttendanceAfterEvening,
        _ => Refusal(code, fallback),
    };

    // The registration's page
    public string EveningRegistrationTitle => T("Ilmoittautumisesi", "Din anmälan", "Your registration");
    public string EveningRegisteredBanner => T("Olet ilmoittautunut iltaan", "Du är anmäld till kvällen", "You are registered for the evening");
    public string EveningWaitingBanner(int? position) => T(
        position is { } p ? $"Olet jonossa sijalla {p}" : "Olet jonossa",
        position is { } p2 ? $"Du står i kön som nummer {p2}" : "Du står i kön",
        position is { } p3 ? $"You are on the waiting list at number {p3}" : "You are on the waiting list");
    public string EveningWaitingExplained => T(
        "Ilta on täynnä. Jos paikka vapautuu, siirrät jonosta osallistujaksi ja saat siitä sähköpostin.",
        "Kvällen är full. Om en plats blir ledig flyttas du från kön till deltagarna och får ett e-postmeddelande.",
        "The evening is full. If a place becomes free, you move from the waiting list to the participants and we email you.");
    public string EveningSaveThisAddress => T(
        "Tallenna tämän sivun osoite. Sen avulla voit perua ilmoittautumisesi.",
        "Spara adressen till den här sidan. Med den kan du återkalla din anmälan.",
        "Save this page’s address: it is your link to cancel your registration.");
    public string EveningEmailFollows => T("Saat vahvistuksen myös sähköpostiisi.", "Du får också en bekräftelse per e-post.", "An email confirmation will follow.");
    public string EveningRegistrationCancelledBanner => T("Ilmoittautumisesi on peruttu", "Din anmälan är återkallad", "Your registration has been cancelled");
    public string EveningLabel => T("Ilta", "Kväll", "Evening");
    public string SeatsLabel => T("Paikkoja", "Platser", "Places");
    public string EveningStatusRegistered => T("Ilmoittautunut", "Anmäld", "Registered");
    public string EveningStatusWaiting(int? position) => T(
        position is { } p ? $"Jonossa, sija {p}" : "Jonossa",
        position is { } p2 ? $"I kön, nummer {p2}" : "I kön",
        position is { } p3 ? $"On the waiting list, number {p3}" : "On the waiting list");
    public string EveningStatusCancelled => T("Peruttu", "Återkallad", "Cancelled");
    public string EveningCancelHeading => T("Peru ilmoittautuminen", "Återkalla anmälan", "Cancel your registration");
    public string EveningCancelHint => T("Jos et pääse iltaan, peru ilmoittautumisesi, jotta paikka vapautuu jonossa olevalle.",
        "Om du inte kan komma, återkalla anmälan så att platsen går till någon i kön.",
        "If you cannot come, please cancel so that your place goes to someone on the waiting list.");
    public string EveningCancelConfirmLabel => T("Kyllä, haluan perua ilmoittautumiseni", "Ja, jag vill återkalla min anmälan", "Yes, cancel my registration");
    public string EveningCancelAction => T("Peru ilmoittautuminen", "Återkalla anmälan", "Cancel registration");
    public string EveningCancelledEveningText => T(
        "Ilta on peruttu. Ilmoittautumisesi ei ole enää voimassa.", "Kvällen är inställd. Din anmälan gäller inte längre.",
        "The evening has been cancelled. Your registration is no longer valid.");
    public string EveningPast => T("Ilta on jo pidetty.", "Kvällen har redan hållits.", "The evening has already taken place.");

    // Manager: list and schedule form
    public string StaffEveningsLink => T("Infoillat", "Infokvällar", "Info evenings");
    public string StaffEveningsTitle => T("Infoillat", "Infokvällar", "Info evenings");
    public string StaffNoEvenings => T("Iltoja ei ole vielä ajastettu.", "Inga kvällar har lagts in ännu.", "No evenings have been scheduled yet.");
    public string StaffColumnEvening => T("Ilta", "Kväll", "Evening");
    public string StaffColumnSeatsTaken => T("Paikkoja varattu", "Platser bokade", "Places taken");
    public string StaffColumnWaiting => T("Jonossa", "I kön", "Waiting");
    public string StaffColumnState => T("Tila", "Status", "State");
    public string SeatsOf(int taken, int capacity) => $"{taken}/{capacity}";
    public string StaffEveningOpen => T("Ilmoittautuminen auki", "Anmälan öppen", "Registration open");
    public string StaffEveningNotOpen => T("Ilmoittautuminen ei auki", "Anmälan inte öppen", "Registration not open");
    public string StaffScheduleHeading => T("Ajasta uusi ilta", "Lägg in en ny kväll", "Schedule a new evening");
    public string EveningTitleLabel => T("Otsikko", "Rubrik", "Title");
    public string EveningTitleHint => T("Esimerkiksi Vanhempien eron ABC", "Till exempel ABC för föräldrar som separerar", "For example The ABC of parents’ separation");
    public string EveningDescriptionLabel => T("Kuvaus", "Beskrivning", "Description");
    public string EveningDateLabel => T("Päivä", "Datum", "Date");
    public string EveningStartLabel => T("Alkaa klo", "Börjar kl.", "Starts at");
    public string EveningEndLabel => T("Päättyy klo", "Slutar kl.", "Ends at");
    public string EveningPlaceLabel => T("Paikka (osoite ja sali)", "Plats (adress och sal)", "Place (address and room)");
    public string EveningOnlineLinkLabel => T("Verkkolinkki (vapaaehtoinen)", "Länk på nätet (frivilligt)", "Online link (optional)");
    public string EveningPlaceOrLinkHint => T("Anna paikka, verkkolinkki tai molemmat.", "Ange plats, länk eller båda.", "Give a place, an online link or both.");
    public string EveningLanguageLabel => T("Illan kieli", "Kvällens språk", "Language of the evening");
    public string EveningCapacityLabel => T("Paikkoja yhteensä", "Platser totalt", "Places in all");
    public string EveningPartnersLabel => T("Yhteistyökumppanit (pilkulla eroteltuina)", "Samarbetspartner (åtskilda med kommatecken)", "Partner organisations (comma separated)");
    public string EveningOpensLabel => T("Ilmoittautuminen alkaa", "Anmälan börjar", "Registration opens");
    public string EveningClosesLabel => T("Ilmoittautuminen päättyy", "Anmälan slutar", "Registration closes");
    public string DateTimeHint => T("Päivä ja kellonaika", "Datum och klockslag", "Date and time");
    public string ScheduleAction => T("Ajasta ilta", "Lägg in kvällen", "Schedule the evening");
    public string StaffEveningScheduled => T("Ilta on ajastettu.", "Kvällen är inlagd.", "The evening has been scheduled.");
    public string ErrorEveningTitle => T("Kirjoita illalle otsikko.", "Skriv en rubrik för kvällen.", "Enter a title for the evening.");
    public string ErrorEveningDate => T("Valitse päivä.", "Välj datum.", "Choose a date.");
    public string ErrorEveningTimes => T("Anna alkamis- ja päättymisaika. Illan pitää päättyä alkamisen jälkeen.",
        "Ange start- och sluttid. Kvällen ska sluta efter att den börjat.", "Give a start and an end time. The evening must end after it starts.");
    public string ErrorEveningPlace => T("Anna paikka tai verkkolinkki.", "Ange plats eller länk.", "Give a place or an online link.");
    public string ErrorEveningLink => T("Verkkolinkin pitää olla verkko-osoite, joka alkaa https://.", "Länken ska vara en webbadress som börjar med https://.",
        "The online link must be a web address starting with https://.");
    public string ErrorEveningPartners => T("Enintään 10 yhteistyökumppania, kukin enintään 200 merkkiä.", "Högst 10 samarbetspartner, var och en med högst 200 tecken.",
        "At most 10 partners, each at most 200 characters.");
    public string ErrorEveningDescription => T("Kuvauksessa voi olla enintään 4000 merkkiä.", "Beskrivningen får ha högst 4000 tecken.",
        "The description can have at most 4000 characters.");
    public string ErrorEveningCapacity => T("Anna paikkojen määrä (1–500).", "Ange antalet platser (1–500).", "Give the number of places (1 to 500).");
    public string ErrorEveningRegistrationWindow => T(
        "Ilmoittautumisen pitää alkaa ennen kuin se päättyy, ja päättyä viimeistään illan alkaessa.",
        "Anmälan ska börja innan den slutar och sluta senast när kvällen börjar.",
        "Registration must open before it closes, and close by the time the evening starts.");

    // Manager: one evening
    public string StaffBackToEvenings => T("Kaikki infoillat", "Alla infokvällar", "All info evenings");
    public string StaffRosterRegistered => T("Ilmoittautuneet", "Anmälda", "Registered");
    public string StaffRosterWaiting => T("Jonossa", "I kön", "Waiting list");
    public string StaffRosterEmpty => T("Ei ketään.", "Ingen.", "Nobody.");
    public string StaffColumnName => T("Nimi", "Namn", "Name");
    public string StaffColumnEmail => T("Sähköposti", "E-post", "Email");
    public string StaffColumnSeats => T("Paikkoja", "Platser", "Places");
    public string StaffColumnRegisteredAt => T("Ilmoittautui", "Anmäld", "Registered at");
    public string StaffColumnAttended => T("Osallistui", "Deltog", "Attended");
    public string StaffColumnPosition => T("Sija", "Nummer", "Position");
    public string AttendedYes => T("Kyllä", "Ja", "Yes");
    public string AttendedNo => T("Ei", "Nej", "No");
    public string AttendedUnknown => T("Ei merkitty", "Inte markerat", "Not marked");
    public string MarkAttended(string name) => T($"Merkitse osallistuneeksi: {name}", $"Markera som deltagit: {name}", $"Mark as attended: {name}");
    public string MarkNotAttended(string name) => T($"Merkitse poissaolleeksi: {name}", $"Markera som frånvarande: {name}", $"Mark as absent: {name}");
    public string AttendedAction => T("Paikalla", "Närvarande", "Present");
    public string NotAttendedAction => T("Poissa", "Frånvarande", "Absent");
    public string AttendanceAfterEvening => T("Osallistumisen voi merkitä tunti ennen illan alkua ja sen jälkeen.",
        "Deltagandet kan markeras från en timme före kvällens början.", "Attendance can be marked from one hour before the evening starts.");
    public string StaffFiguresHeading => T("Luvut", "Siffror", "Figures");
    public string FigureSeatsTaken => T("Varatut paikat", "Bokade platser", "Places taken");
    public string FigureRegistrations => T("Ilmoittautumisia", "Anmälningar", "Registrations");
    public string FigureAttended => T("Osallistui", "Deltog", "Attended");
    public string FigureWaitingPeak => T("Jonossa enimmillään", "Som flest i kön", "Waiting list at its longest");
    public string DownloadCsv => T("Lataa osallistujalista (CSV)", "Ladda ner deltagarlistan (CSV)", "Download the roster (CSV)");
    public string StaffCancelEveningHeading => T("Peru ilta", "Ställ in kvällen", "Cancel the evening");
    public string StaffCancelEveningHint => T("Kaikille ilmoittautuneille ja jonossa oleville lähetetään sähköposti.",
        "Alla anmälda och alla i kön får ett e-postmeddelande.", "Everyone registered or waiting is told by email.");
    public string StaffCancelReasonLabel => T("Syy (kerrotaan sähköpostissa)", "Orsak (står i e-postmeddelandet)", "Reason (given in the email)");
    public string StaffCancelEveningConfirm => T("Kyllä, peru tämä ilta", "Ja, ställ in den här kvällen", "Yes, cancel this evening");
    public string StaffCancelEveningAction => T("Peru ilta", "Ställ in kvällen", "Cancel the evening");
    public string ErrorCancelReason => T("Kirjoita syy perumiselle.", "Skriv en orsak.", "Enter a reason for the cancellation.");
    public string ErrorCancelEveningConfirm => T("Vahvista peruminen valitsemalla ruutu.", "Bekräfta genom att kryssa i rutan.", "Tick the box to confirm.");
    public string StaffEveningCancelledDone => T("Ilta on peruttu ja osallistujille on lähetetty tieto.", "Kvällen är inställd och deltagarna har fått besked.",
        "The evening has been cancelled and everyone has been told.");
    public string StaffAttendanceSaved => T("Osallistuminen on tallennettu.", "Deltagandet är sparat.", "Attendance saved.");
    public string StaffEveningIsCancelled => T("Ilta on peruttu.", "Kvällen är inställd.", "The evening has been cancelled.");
}
