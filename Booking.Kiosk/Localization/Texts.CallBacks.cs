// The call-back pages' and the phone hours' strings (public pages, kiosk, the supervisor's list) in Finnish, Swedish and
// English.
using Booking.Domain.CallBacks;
using NodaTime;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    // Phone hours
    public string DayShort(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => T("ma", "mån", "Mon"),
        IsoDayOfWeek.Tuesday => T("ti", "tis", "Tue"),
        IsoDayOfWeek.Wednesday => T("ke", "ons", "Wed"),
        IsoDayOfWeek.Thursday => T("to", "tor", "Thu"),
        IsoDayOfWeek.Friday => T("pe", "fre", "Fri"),
        IsoDayOfWeek.Saturday => T("la", "lör", "Sat"),
        _ => T("su", "sön", "Sun"),
    };
    public string PhoneHoursBlock(string days, LocalTime from, LocalTime to) => $"{days} {ClockRange(from, to)}";
    public string PhoneNumberIs => T("Puhelinnumero", "Telefonnummer", "Phone number");
    public string PhoneOpenNow(LocalTime until) => T($"Avoinna nyt, {AtClock(until)} asti.", $"Öppet nu, till {AtClock(until)}.",
        $"Open now, until {Time(until)}.");
    public string PhoneOpensLater(LocalDateTime next, LocalDate today) => next.Date == today
        ? T($"Avautuu tänään {AtClock(next.TimeOfDay)}.", $"Öppnar i dag {AtClock(next.TimeOfDay)}.", $"Opens today at {Time(next.TimeOfDay)}.")
        : next.Date == today.PlusDays(1)
            ? T($"Seuraavan kerran avoinna huomenna {AtClock(next.TimeOfDay)}.", $"Öppet nästa gång i morgon {AtClock(next.TimeOfDay)}.",
                $"Next open tomorrow at {Time(next.TimeOfDay)}.")
            : T($"Seuraavan kerran avoinna {DayShort(next.DayOfWeek)} {ShortDate(next.Date)} {AtClock(next.TimeOfDay)}.",
                $"Öppet nästa gång {DayShort(next.DayOfWeek)} {ShortDate(next.Date)} {AtClock(next.TimeOfDay)}.",
                $"Next open {DayShort(next.DayOfWeek)} {ShortDate(next.Date)} at {Time(next.TimeOfDay)}.");
    public string PhoneClosedToday(string why) => T($"Tänään suljettu ({why}).", $"Stängt i dag ({why}).", $"Closed today ({why}).");

    // Start page and walk-in alternatives
    public string CallBackEmailLabel => T("Sähköposti (vapaaehtoinen)", "E-post (frivilligt)", "Email (optional)");
    public string CallBackEmailHint => T("Vahvistus tulee tekstiviestinä puhelinnumeroon ja lisäksi tähän osoitteeseen, jos annat sen.",
        "Bekräftelsen kommer som textmeddelande till telefonnumret och dessutom till den här adressen om du anger den.",
        "The confirmation comes as a text message to the phone number, and also to this address if you give one.");
    public string CallBackAction => T("Varaa soittoaika", "Boka en telefontid", "Reserve a call-back");
    public string CallBackActionHint => T("Valitse aika, jolloin lastenvalvoja soittaa sinulle.", "Välj en tid då barnatillsyningsmannen ringer dig.",
        "Choose a time when a child supervisor will phone you.");
    public string AltCallBackOnline => T("Varaa verkossa aika, jolloin lastenvalvoja soittaa sinulle.",
        "Boka på nätet en tid då barnatillsyningsmannen ringer dig.", "Reserve online a time when a child supervisor will phone you.");

    // Step 1: matter
    public string CallBackTitle => T("Varaa soittoaika", "Boka en telefontid", "Reserve a call-back");
    public string CallBackIntro(int minutes) => T(
        $"Lastenvalvoja soittaa sinulle valitsemanasi aikana. Soittoaika on {minutes} minuuttia: se sopii kysymyksiin ja neuvontaan. Sopimukset tehdään tapaamisessa.",
        $"Barnatillsyningsmannen ringer dig vid den tid du väljer. Telefontiden är {minutes} minuter: den passar för frågor och rådgivning. Avtal görs vid ett möte.",
        $"A child supervisor phones you at the time you choose. A call-back lasts {minutes} minutes: it suits questions and advice. Agreements are made at a meeting.");
    public string CallBackMatterLegend => T("Mitä asiasi koskee?", "Vad gäller ditt ärende?", "What is your matter about?");
    public string ErrorChooseCallBackMatter => T("Valitse, mitä asiasi koskee.", "Välj vad ditt ärende gäller.", "Choose what your matter is about.");

    // Step 2: times
    public string CallBackTimesTitle => T("Valitse soittoaika", "Välj telefontid", "Choose a call-back time");
    public string NoCallBackTimesAtAll => T(
        "Vapaita soittoaikoja ei nyt ole. Soita toimistosihteerille puhelinaikana tai varaa tapaaminen.",
        "Det finns inga lediga telefontider just nu. Ring byråsekreteraren under telefontiden eller boka ett möte.",
        "There are no free call-back times right now. Please call the office secretary during phone hours, or book a meeting.");
    public string ChangeMatter => T("Vaihda asiaa", "Byt ärende", "Change the matter");

    // Step 3: number
    public string CallBackDetailsTitle => T("Puhelinnumerosi", "Ditt telefonnummer", "Your phone number");
    public string CallBackPhoneHint => T("Lastenvalvoja soittaa tähän numeroon. Esimerkiksi 040 123 4567.",
        "Barnatillsyningsmannen ringer till det här numret. Till exempel 040 123 4567.",
        "The child supervisor calls this number. For example 040 123 4567.");
    public string CallBackNameLabel => T("Nimesi (vapaaehtoinen)", "Ditt namn (frivilligt)", "Your name (optional)");
    public string CallBackNameHint => T("Jotta lastenvalvoja tietää, ketä pyytää puhelimeen.", "Så att barnatillsyningsmannen vet vem hen ska fråga efter.",
        "So that the child supervisor knows whom to ask for.");
    public string CallBackLanguageLegend => T("Millä kielellä sinulle soitetaan?", "På vilket språk ska vi ringa dig?", "Which language should we call you in?");
    public string CallBackPrivacy => T(
        "Käytämme numeroasi vain tähän soittoon. Numero ja nimi voidaan poistaa pyynnöstäsi.",
        "Vi använder ditt nummer endast för det här samtalet. Numret och namnet kan raderas på din begäran.",
        "We use your number only for this call. The number and name can be erased at your request.");
    public string CallBackConfirm => T("Varaa soittoaika", "Boka telefontiden", "Reserve the call-back");
    public string CouldNotReserveCallBack => T("Soittoajan varaus ei onnistunut", "Telefontiden kunde inte bokas", "The call-back could not be reserved");

    // Confirmation and cancel link
    public string CallBackYours => T("Soittoaikasi", "Din telefontid", "Your call-back");
    public string CallBackConfirmedBanner => T("Soittoaika on varattu", "Telefontiden är bokad", "Your call-back is reserved");
    public string CallBackSaveAddress => T(
        "Tallenna tämän sivun osoite: sen avulla voit perua soittoajan.",
        "Spara adressen till den här sidan: med den kan du avboka telefontiden.",
        "Save this page's address: it is your link to cancel the call-back.");
    public string CallBackRetryNote => T(
        "Jos et vastaa, lastenvalvoja yrittää vielä kerran myöhemmin samana päivänä. Puhelu voi tulla salaisesta numerosta.",
        "Om du inte svarar försöker barnatillsyningsmannen en gång till senare samma dag. Samtalet kan komma från ett dolt nummer.",
        "If you do not answer, the child supervisor tries once more later the same day. The call may come from a hidden number.");
    public string CallBackReference => T("Viite", "Referens", "Reference");
    public string CallBackLanguage => T("Puhelun kieli", "Samtalets språk", "Language of the call");
    public string CallBackCancelHeading => T("Peru soittoaika", "Avboka telefontiden", "Cancel the call-back");
    public string CallBackCancelConfirmLabel => T("Kyllä, haluan perua tämän soittoajan", "Ja, jag vill avboka den här telefontiden", "Yes, cancel this call-back");
    public string CallBackCancelAction => T("Peru soittoaika", "Avboka telefontiden", "Cancel the call-back");
    public string CallBackCancelledBanner => T("Soittoaika on peruttu", "Telefontiden är avbokad", "Your call-back has been cancelled");
    public string CallBackNew => T("Varaa uusi soittoaika", "Boka en ny telefontid", "Reserve a new call-back");
    public string CallBackNotFoundTitle => T("Soittoaikaa ei löytynyt", "Telefontiden hittades inte", "Call-back not found");
    public string CallBackNotFoundText => T(
        "Emme löytäneet soittoaikaa tällä linkillä. Tarkista, että kopioit koko osoitteen.",
        "Vi hittade ingen telefontid med den här länken. Kontrollera att du kopierade hela adressen.",
        "We could not find a call-back with this link. Please check that you copied the whole address.");

    public string CallBackStatus(CallBackStatus status, int attempts) => status switch
    {
        Domain.CallBacks.CallBackStatus.Done => T("Soitettu", "Samtalet är gjort", "Called"),
        Domain.CallBacks.CallBackStatus.NotReached => T("Ei tavoitettu kahdella yrityksellä", "Inte nådd på två försök", "Not reached in two attempts"),
        Domain.CallBacks.CallBackStatus.Cancelled => T("Peruttu", "Avbokad", "Cancelled"),
        _ when attempts > 0 => T("Ei vastannut – soitetaan vielä kerran", "Svarade inte – vi ringer en gång till", "No answer – one more call to come"),
        _ => T("Varattu", "Bokad", "Reserved"),
    };

    /// <summary>A call-back refusal in the page's language; falls back to the domain's English message for unknown codes.</summary>
    public string CallBackRefusal(string code, string fallback) => code switch
    {
        "slot_taken" => T("Joku ehti varata tämän soittoajan juuri ennen sinua. Valitse toinen aika.",
            "Någon hann boka den här telefontiden just före dig. Välj en annan tid.", "Someone reserved this call-back time just before you. Please choose another time."),
        "too_soon" => T("Soittoajan voi varata verkossa huomisesta alkaen. Tälle päivälle soita toimistosihteerille puhelinaikana.",
            "Telefontider kan bokas på nätet från och med i morgon. För i dag, ring byråsekreteraren under telefontiden.",
            "Call-backs can be reserved online from tomorrow. For today, please call the office secretary during phone hours."),
        "not_a_call_back_time" => T("Tälle ajalle ei voi varata soittoaikaa. Valitse jokin vapaista ajoista.",
            "Den tiden kan inte bokas som telefontid. Välj en av de lediga tiderna.", "That time cannot be reserved. Please choose one of the free times."),
        "one_call_back_a_day" => T("Tällä numerolla on jo soittoaika samana päivänä.", "Det här numret har redan en telefontid samma dag.",
            "This phone number already has a call-back on that day."),
        "call_back_started" => T("Soittoaika on jo alkanut, joten sitä ei voi enää perua verkossa.",
            "Telefontiden har redan börjat och kan inte längre avbokas på nätet.", "The call-back time has begun, so it can no longer be cancelled online."),
        "call_back_not_found" => T("Soittoaikaa ei löytynyt.", "Telefontiden hittades inte.", "The call-back was not found."),
        "busy" => T("Soittoaikoja varattiin juuri monta yhtä aikaa. Yritä uudelleen.", "Många bokade telefontider samtidigt. Försök igen.",
            "Many people were reserving call-backs at once. Please try again."),
        "not_your_call_back" => T("Tämä soittoaika on toisen lastenvalvojan. Vain hän voi merkitä sen.",
            "Den här telefontiden hör till en annan barnatillsyningsman. Bara hen kan markera den.",
            "This call-back belongs to another supervisor; only they can mark it."),
        "not_due" => T("Soittoaika ei ole vielä alkanut.", "Telefontiden har inte börjat ännu.", "The call-back time has not begun yet."),
        "retry_too_soon" => T("Asiakkaalle soitetaan vielä kerran: yritä uudelleen hieman myöhemmin.",
            "Klienten får ett samtal till: försök igen lite senare.", "The client gets one more call: try again a little later."),
        "call_back_done" => T("Soittoaika on jo merkitty soitetuksi.", "Telefontiden är redan markerad som gjord.", "This call-back is already marked as called."),
        "call_back_cancelled" => T("Soittoaika on peruttu.", "Telefontiden är avbokad.", "This call-back was cancelled."),
        "call_back_closed" => T("Soittoaika on suljettu: asiakasta ei tavoitettu kahdella yrityksellä.",
            "Telefontiden är stängd: klienten nåddes inte på två försök.", "This call-back is closed: the client was not reached in two attempts."),
        _ => Refusal(code, fallback),
    };

    // The supervisor's list
    public string StaffCallBacksTitle => T("Soittoajat", "Telefontider", "Call-backs");
    public string StaffCallBacksOf(string name) => T($"Soittoajat – {name}", $"Telefontider – {name}", $"Call-backs – {name}");
    public string StaffCallBacksSlots(int offered, int free) => T($"{offered} soittoaikaa, vapaana {free}.", $"{offered} telefontider, {free} lediga.",
        $"{offered} call-back slots, {free} free.");
    public string StaffNoCallBacks => T("Ei varattuja soittoaikoja.", "Inga bokade telefontider.", "No call-backs reserved.");
    public string StaffColumnPhone => T("Puhelinnumero", "Telefonnummer", "Phone number");
    public string StaffColumnLanguage => T("Kieli", "Språk", "Language");
    public string StaffColumnActions => T("Merkitse", "Markera", "Mark");
    public string StaffNumberHidden => T("Näkyy vain omalle lastenvalvojalle", "Syns bara för den egna barnatillsyningsmannen", "Shown to its own supervisor only");
    public string StaffNumberErased => T("Numero poistettu", "Numret har raderats", "Number erased");
    public string StaffCallBackDone => T("Tavoitettu", "Nådd", "Reached");
    public string StaffCallBackNotReached(int attempt) => attempt <= 1
        ? T("Ei vastannut", "Svarade inte", "No answer")
        : T("Ei vastannut uudelleenkaan", "Svarade inte heller nu", "No answer again");
    public string StaffCallBackRetryFrom(LocalDateTime from) => T($"Uusi yritys {AtClock(from.TimeOfDay)} alkaen.", $"Nytt försök från {AtClock(from.TimeOfDay)}.",
        $"Try again from {Time(from.TimeOfDay)}.");
    public string StaffCallBackBySecretary => T("toimistosihteerin varaama", "bokad av byråsekreteraren", "reserved by the secretary");
    public string StaffCallBackMarked(string what) => what switch
    {
        "done" => T("Soittoaika merkitty soitetuksi.", "Telefontiden markerad som gjord.", "Call-back marked as called."),
        "not-reached" => T("Merkitty: asiakas ei vastannut.", "Markerat: klienten svarade inte.", "Marked: the client did not answer."),
        _ => "",
    };
    public string StaffCallBacksLink => T("Soittoajat", "Telefontider", "Call-backs");
    public string StaffPreviousDay => T("Edellinen päivä", "Föregående dag", "Previous day");
    public string StaffNextDay => T("Seuraava päivä", "Nästa dag", "Next day");
    public string StaffNoWindowsThisDay => T("Tänä päivänä ei ole soittoaikoja.", "Inga telefontider den här dagen.", "No call-back times on this day.");

    public string TelHref(string phone) => "tel:" + new string(phone.Where(ch => char.IsAsciiDigit(ch) || ch == '+').ToArray());

    public string CallBackWhen(LocalDateTime start, LocalDateTime end) => DateAndTime(start, end);
}
