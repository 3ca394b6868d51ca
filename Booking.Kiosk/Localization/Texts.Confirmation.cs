// The confirmation page's lasting parts (issue 11, "confirmation that lasts"): the booking reference and add-to-calendar.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string BookingReferenceLabel => T("Varaustunnus:", "Bokningsreferens:", "Booking reference:");
    public string BookingReferenceHint => T("Kerro varaustunnus, kun soitat toimistosihteerille: sillä varauksesi löytyy heti.",
        "Uppge bokningsreferensen när du ringer byråsekreteraren: då hittas din bokning genast.",
        "Give the booking reference when you call the office secretary: it finds your booking at once.");
    public string AddToCalendar => T("Lisää kalenteriin (.ics)", "Lägg till i kalendern (.ics)", "Add to calendar (.ics)");
}
