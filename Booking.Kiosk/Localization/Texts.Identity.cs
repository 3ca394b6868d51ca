// The unit's contact block, its address and the footer's links in Finnish, Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string ContactHeading => T("Yhteystiedot", "Kontaktuppgifter", "Contact details");
    public string VisitingAddress => T("Käyntiosoite", "Besöksadress", "Visiting address");
    public string VisitingAddresses => T("Käyntiosoitteet", "Besöksadresser", "Visiting addresses");
    public string DirectionsLabel => T("Näin löydät perille", "Så hittar du hit", "How to find us");
    public string AccessibilityLabel => T("Esteettömyys", "Tillgänglighet", "Accessibility");
    public string ContactPhoneLabel => T("Puhelin", "Telefon", "Phone");
    public string ContactEmailLabel => T("Sähköposti", "E-post", "Email");
    public string EmailNoPersonalData => T(
        "Älä lähetä henkilötietoja tai arkaluonteisia asioita tavallisella sähköpostilla.",
        "Skicka inte personuppgifter eller känsliga saker med vanlig e-post.",
        "Do not send personal details or sensitive matters by ordinary email.");
    public string MunicipalityLink => T("Kunnan verkkosivut", "Kommunens webbplats", "The municipality's website");
    public string LogoAlt(string unit) => T($"{unit}, logo", $"{unit}, logotyp", $"{unit}, logo");
    public string PrivacyNoticeLink => T("Tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy notice");
    public string AccessibilityLink => T("Saavutettavuusseloste", "Tillgänglighetsutlåtande", "Accessibility statement");
    public string FooterLinks => T("Tietoa palvelusta", "Om tjänsten", "About the service");
    public string WhereToCome => T("Minne tulla", "Vart du ska komma", "Where to come");
}
