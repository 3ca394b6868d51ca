// The privacy notice (GDPR art. 13), the accessibility statement (law 306/2019) and the feedback form, in Finnish,
// Swedish and English. What differs per unit (controller, data protection officer, known gaps, date) comes from the
// unit's configuration.
using Booking.Domain;
using NodaTime;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    // Privacy notice
    public string PrivacyTitle => T("Tietosuojaseloste: ajanvaraus", "Dataskyddsbeskrivning: tidsbokning", "Privacy notice: booking");
    public string PrivacyIntro => T(
        "Tässä kerrotaan, mitä tietoja ajanvaraus sinusta säilyttää, miksi, kuinka kauan ja mitä oikeuksia sinulla on.",
        "Här berättar vi vilka uppgifter tidsbokningen sparar om dig, varför, hur länge och vilka rättigheter du har.",
        "This tells you what the booking service keeps about you, why, for how long, and what your rights are.");
    public string PrivacyControllerHeading => T("Rekisterinpitäjä", "Personuppgiftsansvarig", "Controller");
    public string PrivacyDpoHeading => T("Tietosuojavastaava", "Dataskyddsombud", "Data protection officer");
    public string PrivacyDpoMissing => T("Kysy tietosuojavastaavan yhteystiedot yksiköstä.", "Fråga enheten efter dataskyddsombudets kontaktuppgifter.",
        "Ask the unit for the data protection officer's contact details.");
    public string PrivacyWhatHeading => T("Mitä tietoja säilytetään", "Vilka uppgifter sparas", "What is kept");
    public string[] PrivacyWhat => Language switch
    {
        Booking.Domain.Language.Sv => ["Ditt namn, din e-postadress, ditt telefonnummer och ditt språk, när du bokar tid, anmäler dig till en infokväll eller bokar en telefontid.",
            "Mötets tid, ärende och sätt (på plats, video, telefon), och om den andra föräldern har bjudits in, hens e-postadress och svar.",
            "Vem av personalen som har läst dina kontaktuppgifter och när.",
            "Könummer i väntrummet sparas utan personuppgifter: bara numret och ärendet."],
        Booking.Domain.Language.En => ["Your name, email, phone number and language, when you book a meeting, register for an info evening or reserve a call-back.",
            "The meeting's time, matter and way (in person, video, phone) and, if the other parent was invited, their email and answer.",
            "Which member of staff read your contact details, and when.",
            "Queue numbers in the waiting room are kept without personal data: only the number and the matter."],
        _ => ["Nimesi, sähköpostiosoitteesi, puhelinnumerosi ja kielesi, kun varaat ajan, ilmoittaudut infoiltaan tai varaat soittoajan.",
            "Tapaamisen aika, asia ja tapa (paikan päällä, video, puhelin) sekä kutsutun toisen vanhemman sähköpostiosoite ja vastaus.",
            "Kuka henkilöstöstä on katsonut yhteystietojasi ja milloin.",
            "Odotustilan vuoronumerot säilytetään ilman henkilötietoja: vain numero ja asia."],
    };
    public string PrivacyWhyHeading => T("Miksi", "Varför", "Why");
    public string PrivacyWhy => T(
        "Tietoja käytetään vain tapaamisen järjestämiseen ja siitä muistuttamiseen. Käsittely perustuu yksikön lakisääteiseen tehtävään (EU:n tietosuoja-asetus 6 art. 1 c ja e kohta; laki lapsen huollosta ja tapaamisoikeudesta 361/1983, laki lapsen elatuksesta 704/1975, isyyslaki 11/2015 ja äitiyslaki 253/2018). Tietoja ei käytetä markkinointiin eikä luovuteta ulkopuolisille.",
        "Uppgifterna används bara för att ordna mötet och påminna om det. Behandlingen grundar sig på enhetens lagstadgade uppgift (EU:s dataskyddsförordning art. 6.1 c och e; lagen angående vårdnad om barn och umgängesrätt 361/1983, lagen om underhåll för barn 704/1975, faderskapslagen 11/2015 och moderskapslagen 253/2018). Uppgifterna används inte för marknadsföring och lämnas inte ut till utomstående.",
        "The details are used only to arrange the meeting and remind you of it. The basis is the unit's statutory task (GDPR art. 6(1)(c) and (e); the Child Custody and Right of Access Act 361/1983, the Child Maintenance Act 704/1975, the Paternity Act 11/2015 and the Maternity Act 253/2018). They are not used for marketing and not given to outsiders.");
    public string PrivacyHowLongHeading => T("Kuinka kauan", "Hur länge", "For how long");
    public string PrivacyHowLong => T(
        "Yhteystiedot säilytetään vain niin kauan kuin ajanvaraus niitä tarvitsee, ja ne poistetaan sen jälkeen. Tapahtumien kulku (varattu, siirretty, peruttu) jää ilman henkilötietoja tilastointia varten. Asian käsittelyssä syntyvät asiakirjat säilytetään sosiaalihuollon asiakasasiakirjalain (254/2015) mukaan.",
        "Kontaktuppgifterna sparas bara så länge bokningen behöver dem och raderas sedan. Händelseförloppet (bokad, flyttad, avbokad) blir kvar utan personuppgifter för statistik. Handlingar som uppstår när ärendet behandlas sparas enligt lagen om klientdokument inom socialvården (254/2015).",
        "Contact details are kept only as long as the booking needs them, then erased. The course of events (booked, moved, cancelled) stays without personal data for statistics. Documents made while the matter is handled are kept under the Act on Client Documents in Social Welfare (254/2015).");
    // The periods come from the service's settings (Privacy:*), so the notice says what the retention job does.
    public string PrivacyPeriodContacts(int days) => T(
        $"Nimi, sähköposti, puhelinnumero ja viestit poistetaan {days} päivän kuluttua viimeisestä tapaamisesta.",
        $"Namn, e-post, telefonnummer och meddelanden raderas {days} dagar efter det sista mötet.",
        $"Name, email, phone number and messages are erased {days} days after the last meeting.");
    public string PrivacyPeriodEvenings(int days) => T(
        $"Infoillan ilmoittautumiset poistetaan {days} päivän kuluttua illasta.",
        $"Anmälningar till infokvällar raderas {days} dagar efter kvällen.",
        $"Info evening registrations are erased {days} days after the evening.");
    public string PrivacyPeriodCallBacks(int days) => T(
        $"Soittoajan puhelinnumero poistetaan {days} päivän kuluttua soitosta.",
        $"Telefonnumret för en telefontid raderas {days} dagar efter samtalet.",
        $"Call-back phone numbers are erased {days} days after the call.");
    public string PrivacyPeriodLinks(int days) => T(
        $"Varauksen hallintalinkki lakkaa toimimasta {days} päivän kuluttua tapaamisesta.",
        $"Länken för att hantera bokningen slutar fungera {days} dagar efter mötet.",
        $"The link to manage a booking stops working {days} days after the meeting.");
    public string PrivacyRightsHeading => T("Oikeutesi", "Dina rättigheter", "Your rights");
    public string[] PrivacyRights => Language switch
    {
        Booking.Domain.Language.Sv => ["Du har rätt att få veta vilka uppgifter som sparats om dig och få en kopia av dem (på sidan för att hantera bokningen eller av enheten).",
            "Du har rätt att få felaktiga uppgifter rättade.",
            "Du har rätt att få dina uppgifter raderade när bokningen inte längre behöver dem, och att begära begränsning av behandlingen.",
            "Du har rätt att lämna klagomål till dataskyddsombudsmannens byrå (tietosuoja.fi)."],
        Booking.Domain.Language.En => ["You may find out what is kept about you and get a copy of it (on your booking's manage page or from the unit).",
            "You may have wrong details corrected.",
            "You may have your details erased once the booking no longer needs them, and ask for processing to be restricted.",
            "You may complain to the Office of the Data Protection Ombudsman (tietosuoja.fi)."],
        _ => ["Sinulla on oikeus tietää, mitä tietoja sinusta on tallennettu, ja saada niistä kopio (ajanvarauksen hallintasivulta tai yksiköstä).",
            "Sinulla on oikeus saada virheelliset tiedot korjatuiksi.",
            "Sinulla on oikeus saada tietosi poistetuiksi, kun ajanvaraus ei niitä enää tarvitse, ja pyytää käsittelyn rajoittamista.",
            "Sinulla on oikeus tehdä valitus tietosuojavaltuutetun toimistolle (tietosuoja.fi)."],
    };
    public string PrivacyContactHeading => T("Kysymykset", "Frågor", "Questions");
    public string PrivacyContact => T("Voit kysyä tietojesi käsittelystä yksiköstä:", "Du kan fråga enheten om hur dina uppgifter behandlas:",
        "You can ask the unit about how your details are handled:");

    // Accessibility statement
    public string AccessibilityTitle => T("Saavutettavuusseloste", "Tillgänglighetsutlåtande", "Accessibility statement");
    public string AccessibilityIntro(string unit) => T(
        $"Tämä seloste koskee {unit}n ajanvarausta: verkkosivuja, aulan asiakaspäätettä ja odotustilan näyttöä. Laki digitaalisten palvelujen tarjoamisesta (306/2019) edellyttää, että julkisen sektorin verkkopalvelut ovat saavutettavia.",
        $"Detta utlåtande gäller tidsbokningen hos {unit}: webbsidorna, terminalen i aulan och skärmen i väntrummet. Lagen om tillhandahållande av digitala tjänster (306/2019) kräver att den offentliga sektorns webbtjänster är tillgängliga.",
        $"This statement covers the booking service of {unit}: the web pages, the lobby kiosk and the waiting-room display. The Act on the Provision of Digital Services (306/2019) requires public-sector web services to be accessible.");
    public string ConformanceHeading => T("Vaatimustenmukaisuus", "Överensstämmelse", "Conformance");
    public string Conformance => T(
        "Palvelu täyttää osittain WCAG 2.1 -ohjeiden AA-tason vaatimukset. Sivut testataan automaattisesti (axe-core) suomeksi ja ruotsiksi jokaisen muutoksen yhteydessä, ja ne toimivat ilman JavaScriptiä, näppäimistöllä ja ruudunlukijalla.",
        "Tjänsten uppfyller delvis kraven på nivå AA i WCAG 2.1. Sidorna testas automatiskt (axe-core) på finska och svenska vid varje ändring, och de fungerar utan JavaScript, med tangentbord och med skärmläsare.",
        "The service partially conforms to WCAG 2.1 level AA. The pages are tested automatically (axe-core) in Finnish and Swedish with every change, and they work without JavaScript, with a keyboard and with a screen reader.");
    public string KnownGapsHeading => T("Tunnetut puutteet", "Kända brister", "Known gaps");
    public string KnownGapsKiosk => T(
        "Aulan asiakaspäätteen QR-koodit eivät ole ruudunlukijan luettavissa; jokaisen vieressä on lyhyt osoite, jonka voi kirjoittaa, ja henkilökunta auttaa.",
        "QR-koderna på terminalen i aulan kan inte läsas av skärmläsare; bredvid varje finns en kort adress att skriva in, och personalen hjälper till.",
        "The lobby kiosk's QR codes cannot be read by a screen reader; each has a short address beside it to type in, and staff will help.");
    public string StatementDateLine(LocalDate date) => T(
        $"Seloste on laadittu {date.Day}.{date.Month}.{date.Year}. Arvio perustuu itsearviointiin ja automaattiseen testaukseen.",
        $"Utlåtandet har utarbetats {date.Day}.{date.Month}.{date.Year}. Bedömningen grundar sig på en självbedömning och automatisk testning.",
        $"This statement was prepared on {date.Day}.{date.Month}.{date.Year}. It is based on a self-assessment and automated testing.");
    public string FeedbackHeading => T("Palaute saavutettavuudesta", "Respons om tillgängligheten", "Feedback on accessibility");
    public string FeedbackIntro => T(
        "Huomasitko puutteen? Kerro siitä meille. Vastaamme 14 päivän kuluessa. Voit käyttää alla olevaa lomaketta tai sähköpostia.",
        "Märkte du en brist? Berätta för oss. Vi svarar inom 14 dagar. Du kan använda formuläret nedan eller e-post.",
        "Did you notice a gap? Tell us. We answer within 14 days. You can use the form below or email.");
    public string FeedbackMessageLabel => T("Mitä et voinut käyttää?", "Vad kunde du inte använda?", "What could you not use?");
    public string FeedbackPageLabel => T("Millä sivulla (vapaaehtoinen)", "På vilken sida (frivilligt)", "On which page (optional)");
    public string FeedbackContactLabel => T("Sähköposti tai puhelin vastausta varten (vapaaehtoinen)", "E-post eller telefon för svar (frivilligt)",
        "Email or phone for our answer (optional)");
    public string FeedbackSend => T("Lähetä palaute", "Skicka respons", "Send feedback");
    public string FeedbackThanks(LocalDate due) => T(
        $"Kiitos! Palautteesi on välitetty yksikön esihenkilölle. Vastaamme viimeistään {due.Day}.{due.Month}.{due.Year}, jos annoit yhteystiedon.",
        $"Tack! Din respons har skickats till enhetens chef. Vi svarar senast {due.Day}.{due.Month}.{due.Year} om du gav en kontaktuppgift.",
        $"Thank you! Your feedback has gone to the unit's manager. We will answer by {due.Day}.{due.Month}.{due.Year} if you gave a contact.");
    public string ErrorFeedbackMessage => T("Kerro, mitä et voinut käyttää.", "Berätta vad du inte kunde använda.", "Tell us what you could not use.");
    public string ErrorFeedbackTooLong => T("Teksti on liian pitkä.", "Texten är för lång.", "The text is too long.");
    public string SupervisionHeading => T("Valvontaviranomainen", "Tillsynsmyndighet", "Supervisory authority");
    public string Supervision => T(
        "Jos et saa vastausta 14 päivässä tai vastaus ei tyydytä, voit tehdä ilmoituksen saavutettavuusvalvontaan. Valvonnasta vastaa Lupa- ja valvontavirasto:",
        "Om du inte får svar inom 14 dagar eller inte är nöjd med svaret kan du göra en anmälan till tillgänglighetstillsynen. Tillsynen sköts av Tillstånds- och tillsynsverket:",
        "If you get no answer within 14 days, or the answer does not satisfy you, you can report it to the accessibility supervision, run by the Finnish Supervisory Agency:");

    // The manager's list
    public string StaffFeedbackTitle => T("Saavutettavuuspalaute", "Respons om tillgänglighet", "Accessibility feedback");
    public string StaffFeedbackNone => T("Palautetta ei ole tullut.", "Ingen respons har kommit.", "No feedback has come.");
    public string StaffFeedbackReceived => T("Saapui", "Kom", "Received");
    public string StaffFeedbackDue => T("Vastattava viimeistään", "Ska besvaras senast", "Answer by");
    public string StaffFeedbackMessage => T("Palaute", "Respons", "Feedback");
    public string StaffFeedbackPage => T("Sivu", "Sida", "Page");
    public string StaffFeedbackContact => T("Yhteystieto", "Kontakt", "Contact");
    public string StaffFeedbackNoContact => T("ei annettu", "inte angiven", "none given");
}
