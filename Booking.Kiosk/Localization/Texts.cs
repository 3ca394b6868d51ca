// Every visible string of the public pages in Finnish, Swedish and English, side by side so that none is forgotten.
using Booking.Domain;
using System.Globalization;
using Booking.Domain.Configuration;
using NodaTime;
using NodaTime.Text;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public static readonly Texts Fi = new(Language.Fi);
    public static readonly Texts Sv = new(Language.Sv);
    public static readonly Texts En = new(Language.En);

    private Texts(Language language)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language switch { Language.Sv => "sv-FI", Language.En => "en-GB", _ => "fi-FI" });
    }

    public static Texts For(Language language) => language switch { Language.Sv => Sv, Language.En => En, _ => Fi };

    public Language Language { get; }
    public CultureInfo Culture { get; }

    /// <summary>The value of the html lang attribute and of the lang query parameter.</summary>
    public string Code => Languages.CodeOf(Language);

    private string T(string fi, string sv, string en) => Language switch { Language.Sv => sv, Language.En => en, _ => fi };

    // Shell
    public string ServiceName => T("Lastenvalvojan ajanvaraus", "Tidsbokning till barnatillsyningsman", "Appointments with a child supervisor");
    public string UnitKind => T("Perheoikeudellinen yksikkö", "Familjerättsliga enheten", "Family law unit");
    public string SkipToContent => T("Siirry pääsisältöön", "Hoppa till huvudinnehållet", "Skip to main content");
    public string LanguageNav => T("Kieli", "Språk", "Language");
    public string FooterNote => T(
        "Lastenvalvojat vahvistavat sopimukset lapsen huollosta, asumisesta, tapaamisoikeudesta ja elatuksesta sekä ottavat vastaan isyyden ja äitiyden tunnustamisia.",
        "Barnatillsyningsmännen fastställer avtal om barnets vårdnad, boende, umgängesrätt och underhåll och tar emot erkännanden av faderskap och moderskap.",
        "Child supervisors confirm agreements on a child's custody, residence, contact and maintenance, and receive acknowledgements of paternity and maternity.");
    public string FooterPrivacy => T(
        "Tietojasi käytetään vain ajanvaraukseen.",
        "Dina uppgifter används endast för tidsbokningen.",
        "Your details are used only for your booking.");
    public string Home => T("Etusivu", "Startsida", "Home");

    // Start page
    public string StartTitle => T("Varaa aika lastenvalvojalle", "Boka tid till barnatillsyningsman", "Book a meeting with a child supervisor");
    public string StartIntro => T(
        "Lastenvalvoja auttaa, kun vanhemmat eroavat tai kun lapsen vanhemmat eivät ole naimisissa. Voitte sopia lapsen huollosta, asumisesta, tapaamisista ja elatuksesta, ja lastenvalvoja vahvistaa sopimuksen. Lastenvalvojalla voi myös tunnustaa isyyden tai äitiyden. Palvelu on maksuton.",
        "Barnatillsyningsmannen hjälper när föräldrar separerar eller när barnets föräldrar inte är gifta. Ni kan avtala om barnets vårdnad, boende, umgänge och underhåll, och barnatillsyningsmannen fastställer avtalet. Hos barnatillsyningsmannen kan man också erkänna faderskap eller moderskap. Tjänsten är avgiftsfri.",
        "A child supervisor helps when parents separate, or when a child's parents are not married. You can agree on the child's custody, residence, contact and maintenance, and the child supervisor confirms the agreement. You can also acknowledge paternity or maternity with a child supervisor. The service is free of charge.");
    public string BookAction => T("Varaa aika", "Boka tid", "Book a meeting");
    public string BookActionHint => T("Valitse asia, tapaamistapa ja sinulle sopiva aika.", "Välj ärende, sätt att träffas och en tid som passar dig.", "Choose your matter, how to meet and a time that suits you.");
    public string OtherWaysHeading => T("Hyvä tietää", "Bra att veta", "Good to know");
    public string ImpartialNote => T(
        "Yksikkö valitsee lastenvalvojan puolueettomasti. Kumpikaan vanhempi ei valitse lastenvalvojaa eikä keskustele hänen kanssaan etukäteen.",
        "Enheten utser barnatillsyningsmannen opartiskt. Ingen av föräldrarna väljer barnatillsyningsman eller talar med hen i förväg.",
        "The unit assigns the child supervisor impartially. Neither parent chooses the child supervisor or speaks with them beforehand.");
    public string InviteNote => T(
        "Voit kutsua toisen vanhemman samaan tapaamiseen sähköpostilla, kun varaat ajan.",
        "Du kan bjuda in den andra föräldern till samma möte per e-post när du bokar.",
        "When you book, you can invite the other parent to the same meeting by email.");
    public string ManageNote => T(
        "Varausvahvistuksessa on linkki, jolla voit siirtää tai perua ajan.",
        "I bokningsbekräftelsen finns en länk där du kan flytta eller avboka tiden.",
        "Your booking confirmation has a link for moving or cancelling the meeting.");

    // Step 1: matter and modality
    public string ChooseTitle => T("Valitse asia ja tapaamistapa", "Välj ärende och sätt att träffas", "Choose your matter and how to meet");
    public string StepOf(int step, int of) => T($"Vaihe {step}/{of}", $"Steg {step} av {of}", $"Step {step} of {of}");
    public string MatterLegend => T("Mitä asiaa tapaaminen koskee?", "Vad gäller mötet?", "What is the meeting about?");
    public string ModalityLegend => T("Miten haluat tavata?", "Hur vill du träffas?", "How would you like to meet?");
    public string ModalityHint => T(
        "Kaikkia asioita ei voi hoitaa video- tai puhelintapaamisessa. Kunkin asian kohdalla näkyy, miten sen voi hoitaa.",
        "Alla ärenden kan inte skötas via video eller telefon. Vid varje ärende står hur det kan skötas.",
        "Not every matter can be handled by video or phone. Each matter shows how it can be handled.");
    public string Continue => T("Jatka", "Fortsätt", "Continue");
    public string Back => T("Takaisin", "Tillbaka", "Back");
    public string ErrorChooseMatter => T("Valitse, mitä asiaa tapaaminen koskee.", "Välj vad mötet gäller.", "Choose what the meeting is about.");
    public string ErrorChooseModality => T("Valitse tapaamistapa.", "Välj hur du vill träffas.", "Choose how you would like to meet.");
    public string ErrorModalityNotOffered(string matter, string offered) => T(
        $"Asiaa ”{matter}” voi hoitaa vain näin: {offered}. Valitse jokin näistä.",
        $"Ärendet ”{matter}” kan bara skötas så här: {offered}. Välj ett av dessa.",
        $"“{matter}” can only be handled as: {offered}. Please choose one of these.");
    public string NoOnlineTypes => T("Verkossa ei juuri nyt voi varata aikoja.", "Det går inte att boka tider på nätet just nu.", "Meetings cannot be booked online at the moment.");
    public string ErrorSummaryTitle => T("Tarkista seuraavat kohdat", "Kontrollera följande", "Please check the following");
    public string ErrorPrefix => T("Virhe:", "Fel:", "Error:");

    public string Modality(Modality modality) => modality switch
    {
        Domain.Configuration.Modality.Video => T("Videoyhteys", "Videosamtal", "Video call"),
        Domain.Configuration.Modality.Phone => T("Puhelin", "Telefon", "Phone"),
        _ => T("Tapaaminen toimistolla", "Möte på kontoret", "In person at the office"),
    };

    public string ModalityNote(Modality modality) => modality switch
    {
        Domain.Configuration.Modality.Video => T("Saat linkin videotapaamiseen sähköpostilla.", "Du får en länk till videomötet per e-post.", "You will get a link to the video meeting by email."),
        Domain.Configuration.Modality.Phone => T("Lastenvalvoja soittaa sinulle sovittuna aikana.", "Barnatillsyningsmannen ringer dig vid den avtalade tiden.", "The child supervisor will call you at the agreed time."),
        _ => T("Tule yksikön toimistolle. Osoite on vahvistusviestissä.", "Kom till enhetens kontor. Adressen finns i bekräftelsen.", "Come to the unit's office. The address is in your confirmation."),
    };

    public string Minutes(Duration length) => T($"{(int)length.TotalMinutes} min", $"{(int)length.TotalMinutes} min", $"{(int)length.TotalMinutes} minutes");
    public string OfferedAs(IEnumerable<Modality> modalities) => string.Join(", ", modalities.Select(m => Modality(m).ToLower(Culture)));
    public string HowLabel => T("Tapaamistapa", "Sätt att träffas", "How");
    public string LengthLabel(Duration length) => T($"kesto {Minutes(length)}", $"längd {Minutes(length)}", $"length {Minutes(length)}");

    // Step 2: times
    public string TimesTitle => T("Valitse aika", "Välj tid", "Choose a time");
    public string WeekHeading(LocalDate monday, LocalDate sunday) => T(
        $"Viikko {WeekNumber(monday)}: {ShortDate(monday)}–{ShortDate(sunday)}",
        $"Vecka {WeekNumber(monday)}: {ShortDate(monday)}–{ShortDate(sunday)}",
        $"Week {WeekNumber(monday)}: {ShortDate(monday)} to {ShortDate(sunday)}");
    public string PreviousWeek => T("Edellinen viikko", "Föregående vecka", "Previous week");
    public string NextWeek => T("Seuraava viikko", "Nästa vecka", "Next week");
    public string WeekNav => T("Viikot", "Veckor", "Weeks");
    public string WeekNavBottom => T("Viikot, sivun alaosa", "Veckor, nedtill på sidan", "Weeks, bottom of page");
    public string NoTimesThisWeek => T("Tällä viikolla ei ole vapaita aikoja.", "Det finns inga lediga tider den här veckan.", "There are no free times this week.");
    public string NextFreeTimeIs(string when) => T($"Seuraava vapaa aika on {when}.", $"Nästa lediga tid är {when}.", $"The next free time is on {when}.");
    public string ShowThatWeek => T("Näytä sen viikon ajat", "Visa tiderna den veckan", "Show that week's times");
    public string NoTimesAtAll => T(
        "Verkossa ei ole nyt vapaita aikoja. Soita toimistosihteerille puhelinaikana tai tule avoimeen vastaanottoon.",
        "Det finns inga lediga tider på nätet just nu. Ring byråsekreteraren under telefontiden eller kom till den öppna mottagningen.",
        "There are no free times online right now. Please call the office secretary during phone hours, or come to the walk-in reception.");
    public string ChangeChoice => T("Muuta asiaa tai tapaamistapaa", "Ändra ärende eller sätt att träffas", "Change the matter or how to meet");
    public string TimesFor(string matter, string how) => T($"{matter}, {how.ToLower(Culture)}", $"{matter}, {how.ToLower(Culture)}", $"{matter}, {how.ToLower(Culture)}");
    public string TimesAreLocal => T("Ajat ovat Suomen aikaa.", "Tiderna anges i finsk tid.", "Times are Finnish time.");
    public string FreeTimesCount(int n) => T(n == 1 ? "1 vapaa aika" : $"{n} vapaata aikaa", n == 1 ? "1 ledig tid" : $"{n} lediga tider", n == 1 ? "1 free time" : $"{n} free times");
    public string BadChoice => T("Valintaa ei löytynyt. Valitse asia ja tapaamistapa uudelleen.", "Valet hittades inte. Välj ärende och sätt att träffas på nytt.", "We could not find that choice. Please choose the matter and how to meet again.");

    // Step 3: details
    public string DetailsTitle => T("Yhteystietosi", "Dina kontaktuppgifter", "Your details");
    public string ChosenTime => T("Valitsemasi aika", "Tiden du valt", "The time you chose");
    public string Matter => T("Asia", "Ärende", "Matter");
    public string When => T("Aika", "Tid", "Time");
    public string ChangeTime => T("Valitse toinen aika", "Välj en annan tid", "Choose another time");
    public string NameLabel => T("Nimi", "Namn", "Name");
    public string NameHint => T("Etu- ja sukunimi", "För- och efternamn", "First name and surname");
    public string EmailLabel => T("Sähköposti", "E-post", "Email");
    public string EmailHint => T("Lähetämme vahvistuksen tähän osoitteeseen.", "Vi skickar bekräftelsen till den här adressen.", "We send the confirmation to this address.");
    public string PhoneLabel => T("Puhelinnumero", "Telefonnummer", "Phone number");
    public string PhoneHint => T("Esimerkiksi 040 123 4567 tai +358 40 123 4567", "Till exempel 040 123 4567 eller +358 40 123 4567", "For example 040 123 4567 or +358 40 123 4567");
    public string LanguageLegend => T("Millä kielellä haluat asioida?", "På vilket språk vill du sköta ärendet?", "Which language would you like to use?");
    public string OtherParentLabel => T("Toisen vanhemman sähköposti (vapaaehtoinen)", "Den andra förälderns e-post (frivilligt)", "The other parent's email (optional)");
    public string OtherParentHint => T(
        "Jos haluat, lähetämme toiselle vanhemmalle kutsun samaan tapaamiseen.",
        "Om du vill skickar vi en inbjudan till samma möte till den andra föräldern.",
        "If you wish, we will invite the other parent to the same meeting.");
    public string PrivacyNote => T(
        "Käytämme tietojasi vain tämän ajanvarauksen hoitamiseen. Tiedot voidaan poistaa pyynnöstäsi.",
        "Vi använder dina uppgifter endast för den här bokningen. Uppgifterna kan raderas på din begäran.",
        "We use your details only for this booking. They can be erased at your request.");
    public string ConfirmBooking => T("Vahvista varaus", "Bekräfta bokningen", "Confirm booking");
    public string ErrorNameRequired => T("Kirjoita nimesi.", "Skriv ditt namn.", "Enter your name.");
    public string ErrorNameTooLong(int max) => T($"Nimessä voi olla enintään {max} merkkiä.", $"Namnet får ha högst {max} tecken.", $"Your name can have at most {max} characters.");
    public string ErrorNameLetters => T("Kirjoita nimi kirjaimin, ilman erikois- tai ohjausmerkkejä.", "Skriv namnet med bokstäver, utan special- eller styrtecken.",
        "Write the name in letters, without special or control characters.");

    /// <summary>The words for a name the domain refused: missing (<paramref name="whenBlank"/>), too long, or not written in letters.</summary>
    public string NameProblem(string? name, string whenBlank) =>
        string.IsNullOrWhiteSpace(name) ? whenBlank
        : name.Trim().Length > ContactDetails.MaxName ? ErrorNameTooLong(ContactDetails.MaxName)
        : ErrorNameLetters;
    public string ErrorEmail => T("Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.", "Skriv e-postadressen i formen namn@exempel.fi.", "Enter an email address like name@example.fi.");
    public string ErrorPhone => T("Kirjoita puhelinnumero, jossa on 6–15 numeroa. Se voi alkaa merkillä +.", "Skriv ett telefonnummer med 6–15 siffror. Det kan börja med +.", "Enter a phone number with 6 to 15 digits. It may start with +.");
    public string ErrorOtherParentEmail => T("Kirjoita toisen vanhemman sähköpostiosoite muodossa nimi@esimerkki.fi tai jätä kenttä tyhjäksi.", "Skriv den andra förälderns e-postadress i formen namn@exempel.fi eller lämna fältet tomt.", "Enter the other parent's email like name@example.fi, or leave it empty.");
    public string ErrorOtherParentSame => T("Toisen vanhemman sähköpostin pitää olla eri kuin omasi.", "Den andra förälderns e-post måste vara en annan än din.", "The other parent's email must be different from yours.");
    public string SlotTakenHeading => T("Aika ehdittiin juuri varata", "Tiden hann just bokas", "That time was just taken");
    public string SlotTaken => T("Joku ehti varata tämän ajan juuri ennen sinua. Valitse toinen aika.", "Någon hann boka tiden just före dig. Välj en annan tid.", "Someone booked this time just before you. Please choose another time.");
    public string NextFreeTimes => T("Seuraavat vapaat ajat", "Nästa lediga tider", "The next free times");
    public string NextFreeTimesKeepDetails => T("Valitse uusi aika: kirjoittamasi tiedot säilyvät, ja vahvistat varauksen vielä kerran.",
        "Välj en ny tid: det du har skrivit finns kvar, och du bekräftar bokningen en gång till.",
        "Choose a new time: what you typed is kept, and you confirm the booking once more.");
    public string PreviousMonth => T("Kuukausi taaksepäin", "En månad bakåt", "A month back");
    public string NextMonth => T("Kuukausi eteenpäin", "En månad framåt", "A month ahead");
    public string JumpedToFirstFree => T("Lähimmillä viikoilla ei ollut vapaita aikoja: tässä ensimmäinen viikko, jolla on.",
        "De närmaste veckorna hade inga lediga tider: här är den första veckan som har det.",
        "The nearest weeks had no free times: this is the first week that has.");
    public string MatterGuide(string? phone) => T(
        "Neuvontaan voit tulla yksin. Sopimusneuvotteluun tulevat molemmat vanhemmat, ja siinä lastenvalvoja vahvistaa sopimuksenne. Jos et ole varma, valitse neuvonta" + (phone is null ? "." : $" tai soita {phone}."),
        "Till rådgivning kan du komma ensam. Till en avtalsförhandling kommer båda föräldrarna, och där fastställer barnatillsyningsmannen ert avtal. Om du är osäker, välj rådgivning" + (phone is null ? "." : $" eller ring {phone}."),
        "You can come to advice alone. Both parents come to an agreement meeting, where the child supervisor confirms your agreement. If you are unsure, choose advice" + (phone is null ? "." : $" or call {phone}."));
    public string NoNextFreeTimes => T("Lähipäivinä ei ole vapaita aikoja.", "Det finns inga lediga tider de närmaste dagarna.", "There are no free times in the next few days.");
    public string ShowAllTimes => T("Näytä kaikki vapaat ajat", "Visa alla lediga tider", "Show all free times");
    public string CouldNotBook => T("Varaus ei onnistunut", "Bokningen lyckades inte", "The booking did not go through");

    // Manage
    public string BookingTitle => T("Varauksesi", "Din bokning", "Your booking");
    public string ConfirmedBanner => T("Varauksesi on vahvistettu", "Din bokning är bekräftad", "Your booking is confirmed");
    public string SaveThisAddress => T(
        "Tallenna tämän sivun osoite. Sen avulla voit siirtää tai perua ajan.",
        "Spara adressen till den här sidan. Med den kan du flytta eller avboka tiden.",
        "Save this page's address: it is your link to change or cancel your booking.");
    public string EmailFollows => T("Saat vahvistuksen myös sähköpostiisi.", "Du får också en bekräftelse per e-post.", "An email confirmation will follow.");
    public string OtherParentFollows => T("Jos annoit toisen vanhemman sähköpostin, hänelle lähtee kutsu.", "Om du angav den andra förälderns e-post får hen en inbjudan.", "If you gave the other parent's email, they will get an invitation.");
    public string MovedBanner => T("Aika on siirretty", "Tiden har flyttats", "Your meeting has been moved");
    public string CancelledBanner => T("Varaus on peruttu", "Bokningen är avbokad", "Your booking has been cancelled");
    public string CancelledFollows => T("Saat vahvistuksen perumisesta sähköpostiisi.", "Du får en bekräftelse på avbokningen per e-post.", "You will get an email confirming the cancellation.");
    public string Status => T("Tila", "Status", "Status");
    public string StatusBooked => T("Varattu", "Bokad", "Booked");
    public string StatusCancelled => T("Peruttu", "Avbokad", "Cancelled");
    public string StatusPast => T("Aika on alkanut tai mennyt", "Tiden har börjat eller passerat", "This time has started or passed");
    public string MoveAction => T("Siirrä toiseen aikaan", "Flytta till en annan tid", "Move to another time");
    public string CancelHeading => T("Peru varaus", "Avboka", "Cancel your booking");
    public string CancelConfirmLabel => T("Kyllä, haluan perua tämän ajan", "Ja, jag vill avboka den här tiden", "Yes, cancel this meeting");
    public string CancelAction => T("Peru varaus", "Avboka", "Cancel booking");
    public string ErrorCancelConfirm => T("Vahvista peruminen valitsemalla ruutu.", "Bekräfta avbokningen genom att kryssa i rutan.", "Tick the box to confirm the cancellation.");
    public string CannotChange => T(
        "Tätä varausta ei voi enää muuttaa verkossa. Ota tarvittaessa yhteyttä toimistosihteeriin.",
        "Den här bokningen kan inte längre ändras på nätet. Kontakta vid behov byråsekreteraren.",
        "This booking can no longer be changed online. If you need to, please contact the office secretary.");
    public string BookNew => T("Varaa uusi aika", "Boka en ny tid", "Book a new meeting");
    public string NotFoundTitle => T("Varausta ei löytynyt", "Bokningen hittades inte", "Booking not found");
    public string NotFoundText => T(
        "Emme löytäneet varausta tällä linkillä. Tarkista, että kopioit koko osoitteen vahvistusviestistä.",
        "Vi hittade ingen bokning med den här länken. Kontrollera att du kopierade hela adressen från bekräftelsen.",
        "We could not find a booking with this link. Please check that you copied the whole address from your confirmation.");
    public string PageNotFoundTitle => T("Sivua ei löytynyt", "Sidan hittades inte", "Page not found");
    public string PageNotFoundText => T("Etsimääsi sivua ei löytynyt.", "Sidan du sökte hittades inte.", "We could not find the page you were looking for.");

    // Move
    public string MoveTitle => T("Siirrä aika", "Flytta tiden", "Move your meeting");
    public string CurrentTime => T("Nykyinen aika", "Nuvarande tid", "Current time");
    public string NewTime => T("Uusi aika", "Ny tid", "New time");
    public string ConfirmMoveTitle => T("Vahvista uusi aika", "Bekräfta den nya tiden", "Confirm the new time");
    public string ConfirmMove => T("Siirrä tähän aikaan", "Flytta till den här tiden", "Move to this time");
    public string BackToBooking => T("Takaisin varaukseen", "Tillbaka till bokningen", "Back to your booking");
    public string CouldNotMove => T("Siirto ei onnistunut", "Flytten lyckades inte", "The meeting could not be moved");

    /// <summary>A domain refusal in the page's language; falls back to the domain's English message for unknown codes.</summary>
    public string Refusal(string code, string fallback) => code switch
    {
        "invalid_input" => T("Osa tiedoista puuttuu tai on virheellisiä.", "Vissa uppgifter saknas eller är felaktiga.", "Some details are missing or not valid."),
        "not_bookable_online" => T("Tätä asiaa ei voi varata verkossa. Varaa aika toimistosihteerin kautta.", "Det här ärendet kan inte bokas på nätet. Boka via byråsekreteraren.", "This matter cannot be booked online. Please book through the office secretary."),
        "modality_not_offered" => T("Tätä asiaa ei voi hoitaa valitsemallasi tavalla.", "Det här ärendet kan inte skötas på det sätt du valde.", "This matter is not offered in the way you chose."),
        "time_in_past" => T("Aika on jo mennyt.", "Tiden har redan passerat.", "That time has already passed."),
        "too_soon" => T("Verkossa voi varata aikoja huomisesta alkaen. Tälle päivälle soita toimistosihteerille tai tule avoimeen vastaanottoon.", "På nätet kan tider bokas från och med i morgon. För i dag, ring byråsekreteraren eller kom till den öppna mottagningen.", "Online booking starts from tomorrow. For today, call the office secretary or come to the walk-in reception."),
        "beyond_horizon" => T("Aika on liian kaukana. Valitse aika lähempää.", "Tiden ligger för långt fram. Välj en tidigare tid.", "That time is too far ahead. Please choose an earlier time."),
        "unit_closed" => T("Yksikkö on suljettu sinä päivänä.", "Enheten är stängd den dagen.", "The unit is closed on that day."),
        "not_a_bookable_time" => T("Tälle ajalle ei voi varata. Valitse jokin tarjotuista vapaista ajoista.", "Den tiden kan inte bokas. Välj en av de lediga tiderna.", "That time cannot be booked. Please choose one of the free times offered."),
        "slot_taken" => T("Joku ehti varata tämän ajan juuri ennen sinua. Valitse toinen aika.", "Någon hann boka tiden just före dig. Välj en annan tid.", "That time was just taken. Please choose another time."),
        "idempotency_key_reused" => T("Lomake lähetettiin jo toisilla tiedoilla. Aloita varaus alusta.", "Formuläret har redan skickats med andra uppgifter. Börja om bokningen.", "This form was already sent with different details. Please start the booking again."),
        "appointment_not_found" => T("Varausta ei löytynyt.", "Bokningen hittades inte.", "The booking was not found."),
        "pair_meeting" => T("Tapaamisessa on kaksi työntekijää, joten sen siirtää toimistosihteeri: soita puhelinaikana.",
            "Mötet har två yrkespersoner, så byråsekreteraren flyttar det: ring under telefontiden.",
            "This meeting has two professionals, so the office secretary moves it: please call during phone hours."),
        "appointment_cancelled" => T("Varaus on peruttu, joten sitä ei voi siirtää. Varaa uusi aika.", "Bokningen är avbokad och kan inte flyttas. Boka en ny tid.", "This booking has been cancelled and cannot be moved. Please book a new time."),
        "appointment_started" => T("Tapaaminen on jo alkanut, joten sitä ei voi enää muuttaa.", "Mötet har redan börjat och kan inte längre ändras.", "The meeting has already begun, so it can no longer be changed."),
        _ => fallback,
    };

    /// <summary>A number with its noun in the right form ("1 varaus" / "2 varausta", "1 bokning" / "2 bokningar").</summary>
    public static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    // Dates and times: always in the unit's local time (the use cases already give local times).
    public string DayHeading(LocalDate date) => Capitalise(LocalDatePattern.Create(
        Language == Language.En ? "dddd d MMMM" : "dddd d.M.", Culture).Format(date));
    public string LongDate(LocalDate date) => LocalDatePattern.Create(
        Language == Language.En ? "dddd d MMMM uuuu" : "dddd d.M.uuuu", Culture).Format(date);
    public string ShortDate(LocalDate date) => LocalDatePattern.Create(Language == Language.En ? "d MMM" : "d.M.", Culture).Format(date);
    // One clock format on pages and in emails: "klo 9.30", "kl. 9.30" (Finland-Swedish writes it like Finnish; ICU's
    // sv-FI gives a colon, so the separator is fixed here); English "09:30".
    public string Time(LocalTime time) => LocalTimePattern.Create(Language == Language.En ? "HH:mm" : "H'.'mm", Culture).Format(time);
    public string TimeRange(LocalDateTime start, LocalDateTime end) => $"{Time(start.TimeOfDay)}–{Time(end.TimeOfDay)}";
    public string DateAndTime(LocalDateTime start, LocalDateTime end) => T(
        $"{LongDate(start.Date)} klo {TimeRange(start, end)}",
        $"{LongDate(start.Date)} kl. {TimeRange(start, end)}",
        $"{LongDate(start.Date)}, {TimeRange(start, end)}");
    public string DateAtTime(LocalDateTime start) => T(
        $"{LongDate(start.Date)} klo {Time(start.TimeOfDay)}",
        $"{LongDate(start.Date)} kl. {Time(start.TimeOfDay)}",
        $"{LongDate(start.Date)} at {Time(start.TimeOfDay)}");

    public static int WeekNumber(LocalDate date) => NodaTime.Calendars.WeekYearRules.Iso.GetWeekOfWeekYear(date);

    public string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];

    public string LanguageName(Language language) => language switch
    {
        Language.Sv => "Svenska",
        Language.En => "English",
        _ => "Suomi",
    };
}
