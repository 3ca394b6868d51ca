// The manager's settings pages (index, history, opening hours, booking and phone) in Finnish, Swedish and English.
using NodaTime;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string SettingsLink => T("Asetukset", "Inställningar", "Settings");
    public string SettingsTitle => T("Yksikön asetukset", "Enhetens inställningar", "The unit's settings");
    public string SettingsIntro => T(
        "Jokainen tallennus kirjataan: kuka, milloin ja mikä osa muuttui. Jos joku muu tallentaa samaan aikaan, sivu pyytää lataamaan tiedot uudelleen eikä kirjoita toisen muutoksen päälle.",
        "Varje sparande registreras: vem, när och vilken del som ändrades. Om någon annan sparar samtidigt ber sidan dig ladda om i stället för att skriva över den andras ändring.",
        "Every save is recorded: who, when and which part changed. If someone else saves at the same time, the page asks you to reload instead of overwriting their change.");
    public string SettingsHoursLink => T("Aukioloajat ja iltavastaanotot", "Öppettider och kvällsmottagningar", "Opening hours and evening hours");
    public string SettingsHoursIntro => T(
        "Kunkin työntekijän varattavat ajat viikonpäivittäin. Iltavastaanotto on lohko, joka jatkuu iltaan (esim. 16:00–19:00). Tyhjät rivit lisäävät uuden lohkon.",
        "Varje anställds bokningsbara tider per veckodag. En kvällsmottagning är ett block som fortsätter in på kvällen (t.ex. 16:00–19:00). Tomma rader lägger till ett nytt block.",
        "Each staff member's bookable hours by weekday. Evening hours are a block that runs into the evening (e.g. 16:00–19:00). Empty rows add a new block.");
    public string SettingsBookingLink => T("Varausaika ja puhelinnumero", "Bokningsperiod och telefonnummer", "Booking horizon and phone number");
    public string SettingsBookingIntro => T(
        "Kuinka pitkälle eteenpäin asiakkaat voivat varata verkossa, aikojen väli ja puhelinnumero, joka näytetään asiakkaille.",
        "Hur långt framåt klienter kan boka på nätet, tidernas intervall och telefonnumret som visas för klienter.",
        "How far ahead clients may book online, the step between times, and the phone number clients are shown.");
    public string SettingsHistoryHeading => T("Muutoshistoria", "Ändringshistorik", "History of changes");
    public string SettingsNoHistory => T("Asetuksia ei ole vielä muutettu.", "Inställningarna har inte ändrats ännu.", "The settings have not been changed yet.");
    public string SettingsColumnVersion => T("Versio", "Version", "Version");
    public string SettingsColumnWho => T("Kuka", "Vem", "Who");
    public string SettingsColumnWhen => T("Milloin", "När", "When");
    public string SettingsColumnWhat => T("Mikä muuttui", "Vad ändrades", "What changed");
    public string SettingsBack => T("Asetukset", "Inställningarna", "Settings");
    public string SettingsSave => T("Tallenna", "Spara", "Save");
    public string SettingsSaved => T("Tallennettu.", "Sparat.", "Saved.");
    public string SettingsStale => T(
        "Joku muu muutti asetuksia sillä välin. Muutostasi ei tallennettu. Lataa sivu uudelleen ja tee muutos uudestaan.",
        "Någon annan ändrade inställningarna under tiden. Din ändring sparades inte. Ladda om sidan och gör ändringen igen.",
        "Someone else changed the settings meanwhile. Your change was not saved. Reload the page and make your change again.");
    public string SettingsReload => T("Lataa uudelleen", "Ladda om", "Reload");
    public string SettingsNoConfiguration => T("Yksiköllä ei ole vielä asetuksia.", "Enheten har inga inställningar ännu.", "The unit has no settings yet.");
    public string SettingsColumnStaff => T("Työntekijä", "Anställd", "Staff member");
    public string SettingsColumnDay => T("Viikonpäivä", "Veckodag", "Weekday");
    public string SettingsColumnFrom => T("Alkaa", "Börjar", "From");
    public string SettingsColumnTo => T("Päättyy", "Slutar", "To");
    public string SettingsColumnRemove => T("Poista", "Ta bort", "Remove");
    public string SettingsChooseStaff => T("(ei valittu)", "(inte vald)", "(none)");
    public string SettingsRow(int row) => T($"rivi {row}", $"rad {row}", $"row {row}");
    public string SettingsHorizonLabel => T("Varausaika viikkoina (1–52)", "Bokningsperiod i veckor (1–52)", "Booking horizon in weeks (1–52)");
    public string SettingsHorizonHint => T("Verkossa voi varata huomisesta alkaen näin monta viikkoa eteenpäin.",
        "På nätet kan man boka från i morgon så här många veckor framåt.", "Online bookings are open from tomorrow for this many weeks.");
    public string SettingsSlotStepLabel => T("Aikojen väli minuutteina", "Tidernas intervall i minuter", "Step between times in minutes");
    public string SettingsSlotStepHint => T("Jaa tunti tasan: 5, 10, 15, 20, 30 tai 60.", "Dela en timme jämnt: 5, 10, 15, 20, 30 eller 60.",
        "Divides an hour: 5, 10, 15, 20, 30 or 60.");
    public string SettingsPhoneLabel => T("Toimistosihteerin puhelinnumero", "Byråsekreterarens telefonnummer", "The office secretary's phone number");
    public string SettingsPhoneHint => T("6–15 numeroa, voi alkaa +-merkillä; tyhjä, jos numeroa ei näytetä.",
        "6–15 siffror, kan börja med +; tomt om inget nummer visas.", "6 to 15 digits, may start with +; empty when no number is shown.");

    public string SettingsSection(string section) => section switch
    {
        "hours" => T("aukioloajat", "öppettider", "opening hours"),
        "staff" => T("henkilöstö", "personal", "staff"),
        "closures" => T("sulkupäivät", "stängda dagar", "closures"),
        "appointmentTypes" => T("tapaamislajit", "mötestyper", "kinds of meeting"),
        "horizonWeeks" => T("varausaika", "bokningsperiod", "booking horizon"),
        "slotStepMinutes" => T("aikojen väli", "tidernas intervall", "step between times"),
        "walkIn" => T("avovastaanotto", "drop-in-mottagning", "walk-in"),
        "phoneHours" => T("puhelinajat", "telefontider", "phone hours"),
        "phoneNumber" => T("puhelinnumero", "telefonnummer", "phone number"),
        "callBacks" => T("soittoajat", "återuppringningstider", "call-back windows"),
        "identity" => T("yhteystiedot", "kontaktuppgifter", "contact details"),
        "name" => T("nimi", "namn", "name"),
        "timeZoneId" => T("aikavyöhyke", "tidszon", "time zone"),
        _ => section,
    };

    public string SettingsSections(IReadOnlyList<string> sections) =>
        sections.Count == 0 ? T("ei muutoksia", "inga ändringar", "no changes") : string.Join(", ", sections.Where(s => s != "unitId").Select(SettingsSection));

    public string SettingsWhen(Instant at, DateTimeZone zone) => at.InZone(zone).LocalDateTime.ToString("d.M.yyyy HH:mm", Culture);

    // The domain's rules, as the fields of these pages say them.
    public string SettingsErrorBlockEnds => T("Lohkon on päätyttävä alkamisensa jälkeen.", "Blocket måste sluta efter att det börjar.",
        "A block must end after it starts.");
    public string SettingsErrorTime => T("Anna kellonaika muodossa 08:00.", "Ange klockslaget i formen 08:00.", "Give the time as 08:00.");
    public string SettingsErrorStaff => T("Valitse yksikön työntekijä.", "Välj en anställd vid enheten.", "Choose a staff member of the unit.");
    public string SettingsErrorHorizon => T("Varausajan on oltava 1–52 viikkoa.", "Bokningsperioden måste vara 1–52 veckor.",
        "The booking horizon must be between 1 and 52 weeks.");
    public string SettingsErrorSlotStep => T("Aikojen välin on jaettava tunti tasan (5, 10, 15, 20, 30 tai 60).",
        "Intervallet måste dela en timme jämnt (5, 10, 15, 20, 30 eller 60).", "The step must divide an hour (5, 10, 15, 20, 30 or 60).");
    public string SettingsErrorPhone => T("Puhelinnumerossa on oltava 6–15 numeroa, ja se voi alkaa +-merkillä.",
        "Telefonnumret måste ha 6–15 siffror och kan börja med +.", "The phone number must have 6 to 15 digits and may start with +.");
    public string SettingsErrorCallBackOverlap => T("Muutos osuisi päällekkäin työntekijän soittoajan kanssa.",
        "Ändringen skulle överlappa den anställdas återuppringningstid.", "The change would overlap the staff member's call-back window.");
}

public sealed partial class Texts
{
    public string SettingsEmailsLink => T("Epäonnistuneet sähköpostit", "Misslyckade e-postmeddelanden", "Failed emails");
    public string SettingsEmailsIntro => T(
        "Viestit, joita ei saatu perille (vastaanottajan palvelin hylkäsi ne tai yritykset loppuivat). Lähetä uudelleen, kun syy on korjattu: viesti muodostetaan varauksen nykyisistä tiedoista.",
        "Meddelanden som inte kom fram (mottagarens server avvisade dem eller försöken tog slut). Skicka igen när orsaken är åtgärdad: meddelandet skapas utifrån bokningens nuvarande uppgifter.",
        "Messages that could not be delivered (the recipient's server refused them or the retries ran out). Send again once the cause is fixed: the message is made from the booking's current state.");
    public string SettingsNoFailedEmails => T("Ei epäonnistuneita sähköposteja.", "Inga misslyckade e-postmeddelanden.", "No failed emails.");
    public string SettingsColumnKind => T("Viesti", "Meddelande", "Message");
    public string SettingsColumnRecipient => T("Vastaanottaja", "Mottagare", "Recipient");
    public string SettingsColumnAttempts => T("Yrityksiä", "Försök", "Attempts");
    public string SettingsColumnFailedAt => T("Epäonnistui", "Misslyckades", "Failed");
    public string SettingsReplay => T("Lähetä uudelleen", "Skicka igen", "Send again");
    public string SettingsReplayed => T("Viesti on taas lähetysjonossa.", "Meddelandet står åter i kön.", "The message is back in the queue.");
    public string SettingsReplayGone => T("Viestiä ei enää ole epäonnistuneiden joukossa.", "Meddelandet finns inte längre bland de misslyckade.",
        "The message is no longer among the failed ones.");

    public string SettingsEmailKind(string kind) => kind switch
    {
        "confirmation" => T("Varausvahvistus", "Bokningsbekräftelse", "Booking confirmation"),
        "invitation" => T("Kutsu toiselle vanhemmalle", "Inbjudan till den andra föräldern", "Invitation to the other parent"),
        "moved" => T("Aika siirretty", "Tiden flyttad", "Time moved"),
        "cancelled" => T("Aika peruttu", "Tiden avbokad", "Time cancelled"),
        "reminder" => T("Muistutus", "Påminnelse", "Reminder"),
        "info_links" => T("Tietolinkit", "Informationslänkar", "Info links"),
        _ => kind,
    };

    public string SettingsRecipientRole(string role) => role switch
    {
        "client" => T("Varaaja", "Den som bokade", "The client who booked"),
        "other_parent" => T("Toinen vanhempi", "Den andra föräldern", "The other parent"),
        "registrant" => T("Iltaan ilmoittautunut", "Anmäld till kvällen", "Registered for an evening"),
        "parent" => T("Vanhempi", "Förälder", "Parent"),
        _ => role,
    };
}
