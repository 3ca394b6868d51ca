// The lobby kiosk's own strings (issue 11, "a kiosk that stays a kiosk"): the QR codes of the alternatives and the short
// addresses to type, in Finnish, Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string KioskTypeAddress => T("Tai kirjoita osoite:", "Eller skriv adressen:", "Or type the address:");
    public string KioskScanToBook => T("Lue QR-koodi puhelimella ja varaa aika.", "Läs QR-koden med telefonen och boka en tid.",
        "Scan the QR code with your phone and book a meeting.");
    public string KioskScanToCallBack => T("Lue QR-koodi puhelimella ja valitse aika, jolloin lastenvalvoja soittaa sinulle.",
        "Läs QR-koden med telefonen och välj en tid då barnatillsyningsmannen ringer dig.",
        "Scan the QR code with your phone and choose a time when a child supervisor will phone you.");
    public string KioskQrBookAlt => T("QR-koodi, joka avaa ajanvarauksen puhelimessa", "QR-kod som öppnar tidsbokningen i telefonen",
        "QR code that opens online booking on a phone");
    public string KioskQrCallBackAlt => T("QR-koodi, joka avaa soittoajan varauksen puhelimessa", "QR-kod som öppnar bokningen av telefontid i telefonen",
        "QR code that opens the call-back reservation on a phone");
    public string KioskPrintAlternatives => T("Tulosta ohjeet", "Skriv ut anvisningarna", "Print these instructions");
    public string KioskPhoneAddress => T("Osoite puhelimeen:", "Adress till telefonen:", "Address for your phone:");
}
