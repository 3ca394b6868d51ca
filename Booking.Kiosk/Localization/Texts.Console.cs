// The strings of the office secretary's console (search, contacts, central booking, info links, partners' free hours) and
// of the supervisor's day, in Finnish, Swedish and English.
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Secretary;
using NodaTime;
using NodaTime.Text;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    /// <summary>A date in figures (fi/sv "24.11.2026"), in words in English.</summary>
    public string NumericDate(LocalDate date) => LocalDatePattern.Create(Language == global::Booking.Domain.Language.En ? "d MMMM uuuu" : "d.M.uuuu", Culture).Format(date);

    // Console
    public string ConsoleTitle => T("Toimistosihteerin työpöytä", "Byråsekreterarens arbetsvy", "Secretary's console");
    public string ConsoleLink => T("Toimistosihteerin työpöytä: perheet ja ajanvaraus", "Byråsekreterarens arbetsvy: familjer och bokning",
        "Secretary's console: families and booking");
    public string FamilySearchHeading => T("Etsi perhe", "Sök en familj", "Find a family");
    public string FamilySearchLabel => T("Vanhemman nimi, puhelinnumero tai sähköposti", "Förälderns namn, telefonnummer eller e-post",
        "A parent's name, phone number or email");
    public string FamilySearchHint => T("Vähintään kaksi merkkiä. Puhelinnumeron voi kirjoittaa välilyönneillä tai ilman.",
        "Minst två tecken. Telefonnumret kan skrivas med eller utan mellanslag.", "At least two characters. Phone numbers work with or without spaces.");
    public string SearchAction => T("Hae", "Sök", "Search");
    public string FamiliesFound(int n) => T(n == 1 ? "Löytyi 1 perhe" : $"Löytyi {n} perhettä", n == 1 ? "1 familj hittades" : $"{n} familjer hittades",
        n == 1 ? "1 family found" : $"{n} families found");
    public string NoFamiliesFound => T("Hakusanalla ei löytynyt perhettä. Jos perhe on uusi, kirjaa ensimmäinen yhteydenotto.",
        "Ingen familj hittades. Om familjen är ny, registrera den första kontakten.",
        "No family matches. If the family is new, log its first contact.");
    public string ErrorFamilySearch => T("Kirjoita hakuun 2–100 merkkiä.", "Skriv 2–100 tecken i sökningen.", "Enter 2 to 100 characters to search.");
    public string FirstContactOn(LocalDate date) => T($"ensimmäinen yhteydenotto {NumericDate(date)}", $"första kontakten {NumericDate(date)}",
        $"first contact {NumericDate(date)}");
    public string NameMissing => T("(nimi puuttuu)", "(namn saknas)", "(no name)");
    public string NotGiven => T("ei annettu", "inte angivet", "not given");
    public string ChooseOption => T("– valitse –", "– välj –", "– choose –");

    public string FirstContactHeading => T("Kirjaa ensimmäinen yhteydenotto", "Registrera den första kontakten", "Log a first contact");
    public string FirstContactIntro => T(
        "Ensimmäinen yhteydenotto käynnistää tavoitteen: ensimmäinen tapaaminen viikon kuluessa. Tallennuksen jälkeen varaat ajan perheen sivulla.",
        "Den första kontakten startar målet: det första mötet inom en vecka. Efter att du sparat bokar du tid på familjens sida.",
        "The first contact starts the target: a first meeting within a week. Once saved, you book on the family's page.");
    public string ContactChannelLegend => T("Miten perhe otti yhteyttä?", "Hur tog familjen kontakt?", "How did the family get in touch?");
    public string ContactMatterLabel => T("Asia", "Ärende", "Matter");
    public string ContactMatterHint => T("Tapaaminen, jota perhe tarvitsee. Infolinkit valitaan tämän mukaan.",
        "Mötet som familjen behöver. Infolänkarna väljs enligt detta.", "The meeting the family needs. The info links are chosen by it.");
    public string ContactParentLegend => T("Kuka otti yhteyttä?", "Vem tog kontakt?", "Who got in touch?");
    public string ContactingParentLegend => T("Yhteyttä ottaneen vanhemman tiedot", "Uppgifter om föräldern som tog kontakt",
        "The contacting parent's details");
    public string ParentLanguageLegend => T("Asiointikieli", "Språk", "Language");
    public string OtherParentLegend => T("Toinen vanhempi (vapaaehtoinen)", "Den andra föräldern (frivilligt)", "The other parent (optional)");
    public string OtherParentDetailsHint => T("Tarvitaan yhteiseen tapaamiseen: toinen vanhempi saa kutsun sähköpostiin.",
        "Behövs för ett gemensamt möte: den andra föräldern får en inbjudan per e-post.",
        "Needed for a joint meeting: the other parent gets an invitation by email.");
    public string OtherParentRoleLegend => T("Toinen vanhempi on", "Den andra föräldern är", "The other parent is");
    public string LogFirstContactAction => T("Tallenna ja siirry perheen sivulle", "Spara och gå till familjens sida", "Save and go to the family");
    public string ErrorContactChannel => T("Valitse, miten perhe otti yhteyttä.", "Välj hur familjen tog kontakt.", "Choose how the family got in touch.");
    public string ErrorContactMatter => T("Valitse asia.", "Välj ärende.", "Choose the matter.");
    public string ErrorContactParent => T("Valitse, kuka otti yhteyttä.", "Välj vem som tog kontakt.", "Choose who got in touch.");
    public string ErrorOtherParentRole => T("Valitse toisen vanhemman rooli; sen pitää olla eri kuin yhteyttä ottaneen.",
        "Välj den andra förälderns roll; den ska vara en annan än hos den som tog kontakt.",
        "Choose the other parent's role; it must differ from the contacting parent's.");
    public string ErrorParentName => T("Kirjoita vanhemman nimi.", "Skriv förälderns namn.", "Enter the parent's name.");
    public string ErrorPhoneOrEmail => T("Anna puhelinnumero tai sähköposti (tai molemmat).", "Ange telefonnummer eller e-post (eller båda).",
        "Give a phone number or an email address (or both).");

    public string ChannelName(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => T("Sähköposti", "E-post", "Email"),
        ContactChannel.WalkIn => T("Käynti paikan päällä", "Besök på plats", "Came in person"),
        ContactChannel.Referral => T("Lähete", "Remiss", "Referral"),
        _ => T("Puhelin", "Telefon", "Phone"),
    };

    /// <summary>Lower case, for use inside a sentence (capitalise for a heading).</summary>
    public string ParentRoleName(ParentRole role) => role switch
    {
        ParentRole.Father => T("isä", "pappa", "father"),
        ParentRole.OtherParent => T("muu vanhempi", "annan förälder", "other parent"),
        _ => T("äiti", "mamma", "mother"),
    };

    // Partner professionals' free hours
    public string OfferHoursHeading => T("Yhteistyökumppanin vapaat ajat", "Samarbetspartnerns lediga tider", "A partner professional's free hours");
    public string OfferHoursIntro => T(
        "Kirjaa ajat, jotka toisen palvelun työntekijä on antanut työparitapaamisille. Ne näkyvät vapaina aikoina, kun valitset hänet työpariksi.",
        "Registrera tider som en anställd vid en annan tjänst har gett för möten i arbetspar. De visas som lediga tider när du väljer hen som arbetspar.",
        "Enter the hours a professional of another service gave for pair work. They show as free times when you choose them as the second professional.");
    public string OfferHoursWho => T("Kuka", "Vem", "Who");
    public string OfferHoursDate => T("Päivä", "Dag", "Date");
    public string OfferHoursFrom => T("Alkaen", "Från", "From");
    public string OfferHoursTo => T("Päättyen", "Till", "To");
    public string OfferHoursAction => T("Tallenna vapaat ajat", "Spara de lediga tiderna", "Save the free hours");
    public string OfferHoursDone => T("Vapaat ajat tallennettiin.", "De lediga tiderna sparades.", "The free hours were saved.");
    public string OfferedHoursHeading => T("Kirjatut vapaat ajat", "Registrerade lediga tider", "Free hours entered");
    public string ErrorOfferHoursWho => T("Valitse henkilö.", "Välj en person.", "Choose a person.");
    public string ErrorOfferHoursOrder => T("Päättymisajan pitää olla alkamisajan jälkeen.", "Sluttiden ska vara efter starttiden.",
        "The end must be after the start.");
    public string ErrorDate => T("Anna päivämäärä.", "Ange ett datum.", "Enter a date.");
    public string ErrorTime => T("Anna kellonaika, esimerkiksi 13.00.", "Ange en tid, till exempel 13.00.", "Enter a time, for example 13:00.");

    // Family page
    public string FamilyTitle => T("Perhe", "Familj", "Family");
    public string FamilyNotFound => T("Perhettä ei löytynyt", "Familjen hittades inte", "Family not found");
    public string FamilyNotFoundText => T("Tarkista osoite tai etsi perhe työpöydältä.", "Kontrollera adressen eller sök familjen i arbetsvyn.",
        "Check the address or search for the family on the console.");
    public string FirstContactLoggedDone => T("Ensimmäinen yhteydenotto kirjattiin. Varaa tapaaminen alla.",
        "Den första kontakten registrerades. Boka ett möte nedan.", "The first contact was logged. Book a meeting below.");
    public string LaterContactLoggedDone => T("Yhteydenotto kirjattiin.", "Kontakten registrerades.", "The contact was logged.");
    public string InfoLinksSentDone => T("Infolinkit lähtevät vanhemmalle sähköpostiin.", "Infolänkarna skickas till föräldern per e-post.",
        "The info links are on their way to the parent by email.");

    public string LeadTimeHeading => T("Ensimmäisen tapaamisen tavoite", "Målet för det första mötet", "Target for the first meeting");
    public string LeadTimeLine(LocalDate first, int days, LocalDate target) => T(
        $"Ensimmäinen yhteydenotto {NumericDate(first)} ({DaysAgo(days)}). Tavoite: ensimmäinen tapaaminen viimeistään {NumericDate(target)}.",
        $"Första kontakten {NumericDate(first)} ({DaysAgo(days)}). Mål: det första mötet senast {NumericDate(target)}.",
        $"First contact on {NumericDate(first)} ({DaysAgo(days)}). Target: a first meeting by {NumericDate(target)}.");
    private string DaysAgo(int days) => days switch
    {
        <= 0 => T("tänään", "i dag", "today"),
        1 => T("eilen", "i går", "yesterday"),
        _ => T($"{days} päivää sitten", $"för {days} dagar sedan", $"{days} days ago"),
    };
    public string FirstMeetingLine(LocalDateTime first, bool met) => met
        ? T($"Ensimmäinen tapaaminen {DateAtTime(first)}: tavoite täyttyy.", $"Första mötet {DateAtTime(first)}: målet nås.",
            $"First meeting on {DateAtTime(first)}: the target is met.")
        : T($"Ensimmäinen tapaaminen {DateAtTime(first)}: tavoite ei täyty.", $"Första mötet {DateAtTime(first)}: målet nås inte.",
            $"First meeting on {DateAtTime(first)}: the target is missed.");
    public string LeadTimeWarningHeading => T("Viikon tavoite ei täyty", "Målet på en vecka nås inte", "The one-week target will be missed");
    public string LeadTimeWarningEarliest(LocalDateTime earliest, LocalDate target) => T(
        $"Aikaisin vapaa aika on {DateAtTime(earliest)}, eli tavoitepäivän {NumericDate(target)} jälkeen.",
        $"Den tidigaste lediga tiden är {DateAtTime(earliest)}, alltså efter måldagen {NumericDate(target)}.",
        $"The earliest free time is {DateAtTime(earliest)}, after the target date of {NumericDate(target)}.");
    public string LeadTimeWarningNone(LocalDate target) => T(
        $"Näillä valinnoilla ei löytynyt vapaata aikaa tavoitepäivään {NumericDate(target)} mennessä.",
        $"Med dessa val finns ingen ledig tid före måldagen {NumericDate(target)}.",
        $"With these choices there is no free time by the target date of {NumericDate(target)}.");
    public string LeadTimeWarningAdvice => T(
        "Kokeile toista tapaamistapaa tai työparia, tai sovi lisäajasta esihenkilön kanssa.",
        "Pröva ett annat sätt att träffas eller ett annat arbetspar, eller kom överens om extra tider med chefen.",
        "Try another way of meeting or another second professional, or agree extra hours with the unit manager.");
    public string LeadTimeEarliestOk(LocalDateTime earliest) => T(
        $"Aikaisin vapaa aika {DateAtTime(earliest)} ehtii tavoitteeseen.", $"Den tidigaste lediga tiden {DateAtTime(earliest)} håller målet.",
        $"The earliest free time, {DateAtTime(earliest)}, meets the target.");

    public string ParentsHeading => T("Vanhemmat", "Föräldrar", "Parents");
    public string FamilyMeetingsHeading => T("Tapaamiset", "Möten", "Meetings");
    public string NoMeetingsYet => T("Tapaamisia ei ole vielä varattu.", "Inga möten har bokats ännu.", "No meetings have been booked yet.");
    public string ContactsHeading => T("Kirjatut yhteydenotot", "Registrerade kontakter", "Contacts logged");
    public string ContactChannelColumn => T("Kanava", "Kanal", "Channel");
    public string ContactParentColumn => T("Kuka", "Vem", "Who");
    public string JointMeeting => T("yhteinen tapaaminen", "gemensamt möte", "joint meeting");
    public string PairWith(string name) => T($"Työpari: {name}", $"Arbetspar: {name}", $"Pair work: {name}");
    public string MeetingStatus(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Cancelled => T("Peruttu", "Avbokad", "Cancelled"),
        AppointmentStatus.Completed => T("Pidetty", "Hölls", "Held"),
        AppointmentStatus.NoShow => T("Asiakas ei saapunut", "Kunden kom inte", "No-show"),
        _ => T("Varattu", "Bokad", "Booked"),
    };

    // Booking for a family
    public string BookForFamilyHeading => T("Varaa tapaaminen", "Boka ett möte", "Book a meeting");
    public string ImpartialBookingHint => T(
        "Järjestelmä valitsee lastenvalvojan puolueettomasti vapaiden joukosta. Vapaiden nimet näkyvät vain henkilökunnalle.",
        "Systemet väljer barnatillsyningsman opartiskt bland dem som är lediga. Namnen visas bara för personalen.",
        "The system assigns the supervisor impartially among those free. The names are shown to staff only.");
    public string MeetingLegend => T("Tapaaminen", "Mötet", "The meeting");
    public string BookFromLabel => T("Alkaen päivästä", "Från och med", "From");
    public string BookFromHint => T("Näytetään seitsemän päivän vapaat ajat.", "Lediga tider för sju dagar visas.", "Seven days of free times are shown.");
    public string BookClientLegend => T("Kenelle varaus tehdään?", "För vem görs bokningen?", "Who is the booking for?");
    public string JointLabel => T("Yhteinen tapaaminen: molemmat vanhemmat", "Gemensamt möte: båda föräldrarna", "Joint meeting: both parents");
    public string JointHint(string other) => T($"{other} saa kutsun sähköpostiin.", $"{other} får en inbjudan per e-post.",
        $"{other} gets an invitation by email.");
    public string JointNeedsOtherHint => T("Kirjaa ensin toisen vanhemman tiedot (kirjaa uusi yhteydenotto alempana).",
        "Registrera först den andra förälderns uppgifter (registrera en ny kontakt längre ned).",
        "First log the other parent's details (log another contact further down).");
    public string WhoLegend => T("Lastenvalvoja ja työpari", "Barnatillsyningsman och arbetspar", "Supervisor and pair work");
    public string KeepSupervisorLabel => T("Säilytä perheen lastenvalvoja", "Behåll familjens barnatillsyningsman", "Keep the family's supervisor");
    public string KeepSupervisorHint => T("Vain perustellusta syystä; muuten järjestelmä valitsee puolueettomasti.",
        "Bara av en särskild orsak; annars väljer systemet opartiskt.", "Only for a reason; otherwise the system chooses impartially.");
    public string ImpartialChoice => T("Ei – järjestelmä valitsee puolueettomasti", "Nej – systemet väljer opartiskt", "No – the system chooses impartially");
    public string KeepReasonLabel => T("Syy säilyttää lastenvalvoja", "Orsak att behålla barnatillsyningsmannen", "Reason to keep the supervisor");
    public string NoReasonOption => T("– ei säilytetä –", "– behålls inte –", "– not kept –");
    public string KeepReasonNoteLabel => T("Syyn tarkennus", "Närmare förklaring", "Explanation");
    public string KeepReasonNoteHint => T("Pakollinen, kun syy on ”muu syy”. Näkyy vain henkilökunnalle.",
        "Obligatorisk när orsaken är ”annan orsak”. Visas bara för personalen.", "Required when the reason is “other”. Staff only.");
    public string KeepReasonName(KeepReason reason) => reason switch
    {
        KeepReason.FollowUpMeeting => T("Jatkotapaaminen", "Uppföljande möte", "Follow-up meeting"),
        KeepReason.LanguageOrInterpreter => T("Kieli tai tulkkaus", "Språk eller tolkning", "Language or interpreter"),
        KeepReason.Safety => T("Turvallisuus", "Säkerhet", "Safety"),
        KeepReason.Other => T("Muu syy", "Annan orsak", "Other"),
        _ => T("Asia on kesken tällä lastenvalvojalla", "Ärendet pågår hos den här barnatillsyningsmannen", "Ongoing case with this supervisor"),
    };
    public string SecondProfessionalLabel => T("Työpari", "Arbetspar", "Second professional (pair work)");
    public string SecondProfessionalHint => T(
        "Toinen lastenvalvoja tai toisen palvelun työntekijä. Vain ajat, joina hänkin on vapaana, näytetään.",
        "En annan barnatillsyningsman eller en anställd vid en annan tjänst. Bara tider då också hen är ledig visas.",
        "Another supervisor or a professional of another service. Only times when they are free too are shown.");
    public string NoSecondProfessional => T("Ei työparia", "Inget arbetspar", "No pair work");
    public string FindTimesAction => T("Hae vapaat ajat", "Sök lediga tider", "Find free times");
    public string FreeTimesBetween(LocalDate from, LocalDate to) => T($"Vapaat ajat {ShortDate(from)}–{NumericDate(to)}",
        $"Lediga tider {ShortDate(from)}–{NumericDate(to)}", $"Free times {ShortDate(from)} to {NumericDate(to)}");
    public string ChooseTimesLegend(int max) => T($"Valitse 1–{max} aikaa", $"Välj 1–{max} tider", $"Choose 1 to {max} times");
    public string ChooseTimesHint => T(
        "Useampi aika varataan samalle lastenvalvojalle: valitse ajat, joina sama henkilö on vapaana.",
        "Flera tider bokas hos samma barnatillsyningsman: välj tider då samma person är ledig.",
        "Several times are booked with the same supervisor: choose times when the same person is free.");
    public string FreeStaff(string names) => T($"Vapaana: {names}", $"Lediga: {names}", $"Free: {names}");
    public string NoTeamTimes => T("Näillä valinnoilla ei ole vapaita aikoja näinä päivinä. Kokeile seuraavaa viikkoa tai muita valintoja.",
        "Med dessa val finns inga lediga tider de här dagarna. Pröva nästa vecka eller andra val.",
        "There are no free times on these days with these choices. Try the next week or other choices.");
    public string VideoLinkLabel => T("Videotapaamisen linkki", "Länk till videomötet", "Video meeting link");
    public string VideoLinkHint => T("https://-osoite. Voit lisätä sen myöhemmin tapaamisen sivulla.", "En https://-adress. Du kan lägga till den senare på mötets sida.",
        "An https:// address. You can add it later on the meeting's page.");
    public string PreparationNoteLabel => T("Valmistelumuistio", "Anteckning inför mötet", "Preparation note");
    public string PreparationNoteHint => T("Näkyy lastenvalvojan päivässä, ei asiakkaalle.", "Visas i barnatillsyningsmannens dag, inte för kunden.",
        "Shown on the supervisor's day, not to the client.");
    public string BookChosenAction => T("Varaa valitut ajat", "Boka de valda tiderna", "Book the chosen times");
    public string SlotTakenStaff => T("Joku ehti varata valitun ajan. Vapaiden aikojen lista on päivitetty.",
        "Någon hann boka den valda tiden. Listan över lediga tider har uppdaterats.",
        "Someone booked a chosen time first. The list of free times has been updated.");
    public string BookedHeading(int n) => T(n == 1 ? "Tapaaminen varattu" : $"{n} tapaamista varattu", n == 1 ? "Mötet är bokat" : $"{n} möten är bokade",
        n == 1 ? "Meeting booked" : $"{n} meetings booked");
    public string BookedSupervisor(string name) => T($"Lastenvalvoja: {name}.", $"Barnatillsyningsman: {name}.", $"Child supervisor: {name}.");
    public string BookedSecond(string name) => T($"Työpari: {name}.", $"Arbetspar: {name}.", $"Second professional: {name}.");
    public string BookedEmailOne => T("Vanhempi saa vahvistuksen sähköpostiin, jos osoite on tiedossa.",
        "Föräldern får en bekräftelse per e-post om adressen är känd.", "The parent gets a confirmation by email if the address is known.");
    public string BookedEmailBoth => T("Vanhempi saa vahvistuksen ja toinen vanhempi kutsun sähköpostiin, jos osoitteet ovat tiedossa.",
        "Föräldern får en bekräftelse och den andra föräldern en inbjudan per e-post om adresserna är kända.",
        "The parent gets a confirmation and the other parent an invitation by email if the addresses are known.");
    public string ErrorBookType => T("Valitse tapaamisen tyyppi.", "Välj typ av möte.", "Choose the kind of meeting.");
    public string ErrorModalityOfType(string offered) => T($"Tämän tapaamisen tavat: {offered}.", $"Det här mötet kan hållas så här: {offered}.",
        $"This meeting is offered as: {offered}.");
    public string ErrorChooseTimes(int max) => T($"Valitse listasta 1–{max} aikaa.", $"Välj 1–{max} tider i listan.", $"Choose 1 to {max} times from the list.");
    public string ErrorTimesOverlap => T("Valitut ajat menevät päällekkäin, eikä sama lastenvalvoja voi pitää niitä kaikkia.",
        "De valda tiderna överlappar, och samma barnatillsyningsman kan inte hålla alla.",
        "The chosen times overlap, and one supervisor cannot hold them all.");
    public string ErrorNoCommonSupervisor => T("Kukaan lastenvalvoja ei ole vapaana kaikkina valittuina aikoina. Valitse ajat, joina sama henkilö on vapaana.",
        "Ingen barnatillsyningsman är ledig vid alla valda tider. Välj tider då samma person är ledig.",
        "No one supervisor is free at all the chosen times. Choose times when the same person is free.");
    public string ErrorKeepSupervisor => T("Valitse perheen lastenvalvoja listasta.", "Välj familjens barnatillsyningsman i listan.",
        "Choose the family's supervisor from the list.");
    public string ErrorReasonWithoutKeep => T("Valitsit syyn mutta et lastenvalvojaa: valitse säilytettävä lastenvalvoja tai poista syy.",
        "Du valde en orsak men ingen barnatillsyningsman: välj vem som behålls eller ta bort orsaken.",
        "You chose a reason but no supervisor: choose the supervisor to keep or remove the reason.");
    public string ErrorKeepReason => T("Valitse syy, miksi perheen lastenvalvoja säilytetään.", "Välj varför familjens barnatillsyningsman behålls.",
        "Choose why the family keeps its supervisor.");
    public string ErrorKeepReasonNote => T("Kirjoita tarkennus, kun syy on ”muu syy”.", "Skriv en förklaring när orsaken är ”annan orsak”.",
        "Explain the reason when it is “other”.");
    public string ErrorNoteTooLong(int max) => T($"Tekstissä voi olla enintään {max} merkkiä.", $"Texten får ha högst {max} tecken.",
        $"The text can have at most {max} characters.");
    public string ErrorVideoLinkRequired => T("Videotapaaminen tarvitsee linkin, joka alkaa https://.", "Ett videomöte behöver en länk som börjar med https://.",
        "A video meeting needs its link, starting with https://.");
    public string ErrorVideoLink => T("Linkin pitää olla https://-osoite.", "Länken ska vara en https://-adress.", "The link must be an https:// address.");
    public string ErrorSecondProfessional => T("Valitse työpariksi joku muu kuin tapaamisen lastenvalvoja.",
        "Välj som arbetspar någon annan än mötets barnatillsyningsman.", "Choose someone other than the meeting's supervisor as the second professional.");
    public string ErrorBookClient => T("Valitse perheen vanhempi.", "Välj en av familjens föräldrar.", "Choose one of the family's parents.");
    public string ErrorJointNeedsOther => T("Yhteinen tapaaminen tarvitsee toisen vanhemman: kirjaa ensin hänen tietonsa.",
        "Ett gemensamt möte behöver den andra föräldern: registrera först hens uppgifter.",
        "A joint meeting needs the other parent: log their details first.");

    // Info links and a later contact
    public string InfoLinksHeading => T("Lähetä infolinkit", "Skicka infolänkar", "Send the info links");
    public string InfoLinksIntro => T("Vanhempi saa sähköpostiin asiaan sopivat linkit ja valmisteluohjeet valitsemallaan kielellä.",
        "Föräldern får länkar och förberedande anvisningar för ärendet per e-post på det valda språket.",
        "The parent gets the links and preparation notes for the matter by email, in the chosen language.");
    public string InfoLinksParentLegend => T("Kenelle", "Till vem", "To whom");
    public string NoEmailHint => T("ei sähköpostia", "ingen e-post", "no email");
    public string InfoLinksLanguageLegend => T("Viestin kieli", "Meddelandets språk", "Language of the email");
    public string SendInfoLinksAction => T("Lähetä linkit", "Skicka länkarna", "Send the links");
    public string ErrorNoEmail => T("Tällä vanhemmalla ei ole sähköpostiosoitetta. Lisää se kirjaamalla yhteydenotto.",
        "Den här föräldern har ingen e-postadress. Lägg till den genom att registrera en kontakt.",
        "This parent has no email address. Add one by logging a contact.");
    public string LaterContactHeading => T("Kirjaa uusi yhteydenotto", "Registrera en ny kontakt", "Log another contact");
    public string LaterDetailsLegend => T("Vanhemman tiedot", "Förälderns uppgifter", "The parent's details");
    public string LaterDetailsHint => T(
        "Täytä, jos vanhempi on perheelle uusi tai hänen tietonsa muuttuivat. Tyhjänä tiedot pysyvät ennallaan.",
        "Fyll i om föräldern är ny för familjen eller om uppgifterna ändrats. Tomma fält lämnar uppgifterna som de är.",
        "Fill in when the parent is new to the family or their details changed. Left empty, the details stay as they are.");
    public string LogContactAction => T("Kirjaa yhteydenotto", "Registrera kontakten", "Log the contact");

    /// <summary>A refusal of the console's or the day's use cases in the page's language; else as for the public pages.</summary>
    public string ConsoleRefusal(string code, string fallback) => code switch
    {
        "family_not_found" => FamilyNotFound + ".",
        "not_a_parent" => ErrorBookClient,
        "no_email" => ErrorNoEmail,
        "no_common_supervisor" => ErrorNoCommonSupervisor,
        "same_professional_twice" => ErrorSecondProfessional,
        "appointment_exists" => T("Nämä ajat on jo varattu tällä lomakkeella.", "De här tiderna har redan bokats med det här formuläret.",
            "These times were already booked with this form."),
        SupervisorDays.NotYourMeeting => T("Vain tapaamisen oma lastenvalvoja voi merkitä sen.", "Bara mötets egen barnatillsyningsman kan markera det.",
            "Only the meeting's own supervisor can mark it."),
        "appointment_not_started" => T("Tapaamisen voi merkitä, kun sen aika on alkanut.", "Ett möte kan markeras när dess tid har börjat.",
            "A meeting can be marked once its time has begun."),
        "appointment_cancelled" => T("Tapaaminen on peruttu.", "Mötet är avbokat.", "The meeting was cancelled."),
        _ => Refusal(code, fallback),
    };

    // The supervisor's day
    public string DayLink => T("Päivän tapaamiset (oma päivä ja tiimin päivät)", "Dagens möten (min dag och teamets dagar)",
        "The day's meetings (my day and the team's)");
    public string DayTitle => T("Päivän tapaamiset", "Dagens möten", "The day's meetings");
    public string OwnDayTitle(string date) => T($"Päiväni: {date}", $"Min dag: {date}", $"My day: {date}");
    public string ColleagueDayTitle(string name, string date) => T($"{name}: {date}", $"{name}: {date}", $"{name}: {date}");
    public string DayNavLabel => T("Päivät", "Dagar", "Days");
    public string TodayLink => T("Tänään", "I dag", "Today");
    public string TeamSelectorLabel => T("Kenen päivä", "Vems dag", "Whose day");
    public string ShowDayAction => T("Näytä", "Visa", "Show");
    public string YouMarker => T("sinä", "du", "you");
    public string SecretaryViewNote => T(
        "Katselet lastenvalvojan päivää. Yhteystiedot näkyvät, koska varaat aikoja; tapaamiset merkitsee lastenvalvoja itse.",
        "Du ser en barnatillsyningsmans dag. Kontaktuppgifterna visas eftersom du bokar tider; mötena markeras av barnatillsyningsmannen själv.",
        "You are viewing a supervisor's day. Contacts are shown because you book; the supervisor marks the meetings.");
    public string ColleagueViewNote => T(
        "Katselet kollegan päivää: ajat ja asiat näkyvät, asiakkaiden tiedot eivät.",
        "Du ser en kollegas dag: tider och ärenden visas, men inte kunduppgifterna.",
        "You are viewing a colleague's day: times and matters are shown, not the clients' details.");
    public string DayMeetingsHeading => T("Tapaamiset", "Möten", "Meetings");
    public string NoMeetingsThisDay => T("Tälle päivälle ei ole tapaamisia.", "Inga möten den här dagen.", "No meetings on this day.");
    public string MeetingsCount(int n) => T(n == 1 ? "1 tapaaminen" : $"{n} tapaamista", n == 1 ? "1 möte" : $"{n} möten", n == 1 ? "1 meeting" : $"{n} meetings");
    public string ClientLabel => T("Asiakas", "Kund", "Client");
    public string JointMeetingLabel => T("Yhteinen tapaaminen", "Gemensamt möte", "Joint meeting");
    public string OneClient => T("Yksi vanhempi", "En förälder", "One parent");
    public string BothParents => T("Molemmat vanhemmat", "Båda föräldrarna", "Both parents");
    public string InvitationState(bool? accepted) => accepted switch
    {
        true => T("tulee", "kommer", "coming"),
        false => T("ei pääse", "kan inte komma", "cannot come"),
        _ => T("kutsuttu, ei vielä vastannut", "inbjuden, inget svar ännu", "invited, no answer yet"),
    };
    public string PairWorkLabel => T("Työpari", "Arbetspar", "Pair work");
    public string PairSecond(string name) => T($"{name} (työparina)", $"{name} (som arbetspar)", $"{name} (second professional)");
    public string PairLead(string name) => T($"{name} (vetää tapaamisen)", $"{name} (leder mötet)", $"{name} (leads the meeting)");
    public string KeptSupervisorLabel => T("Perheen oma lastenvalvoja, syy", "Familjens egen barnatillsyningsman, orsak", "Kept supervisor, reason");
    public string MarkHeld => T("Tapaaminen pidetty", "Mötet hölls", "Held");
    public string MarkNoShow => T("Asiakas ei saapunut", "Kunden kom inte", "No-show");
    public string MarkedDone(bool held) => held
        ? T("Tapaaminen merkittiin pidetyksi.", "Mötet markerades som hållet.", "The meeting was marked held.")
        : T("Merkittiin, ettei asiakas saapunut.", "Det markerades att kunden inte kom.", "The meeting was marked a no-show.");
    public string WalkInDutyHeading => T("Avoin vastaanotto", "Öppen mottagning", "Walk-in duty");
    public string WalkInDutyLine(LocalTime from, LocalTime to, string room) => room.Length == 0
        ? T($"Päivystys {ClockRange(from, to)}.", $"Tjänstgöring {ClockRange(from, to)}.", $"On duty {ClockRange(from, to)}.")
        : T($"Päivystys {ClockRange(from, to)}, huone {room}.", $"Tjänstgöring {ClockRange(from, to)}, rum {room}.", $"On duty {ClockRange(from, to)}, room {room}.");
    public string ErrorDayDate => T("Päivämäärä ei kelpaa; näytetään tämä päivä.", "Datumet gick inte att läsa; dagens datum visas.",
        "That date could not be read; today is shown.");
    public string ErrorDayStaff => T("Henkilöä ei löytynyt; näytetään oletuspäivä.", "Personen hittades inte; standarddagen visas.",
        "That person was not found; the default day is shown.");
}
