// The walk-in pages' strings (kiosk, waiting-room display, phone ticket, the supervisor's walk-in page) in Finnish,
// Swedish and English. The kiosk's first screen and the display show several languages at once, so they read these
// through Texts.Fi / Texts.Sv / Texts.En rather than the request's language.
using Booking.Domain.WalkIn;
using NodaTime;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    // Shared
    public string WalkInName => T("Avoin vastaanotto", "Öppen mottagning", "Walk-in reception");
    public string WalkInDays(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => T("maanantaisin", "på måndagar", "on Mondays"),
        IsoDayOfWeek.Tuesday => T("tiistaisin", "på tisdagar", "on Tuesdays"),
        IsoDayOfWeek.Wednesday => T("keskiviikkoisin", "på onsdagar", "on Wednesdays"),
        IsoDayOfWeek.Thursday => T("torstaisin", "på torsdagar", "on Thursdays"),
        IsoDayOfWeek.Friday => T("perjantaisin", "på fredagar", "on Fridays"),
        IsoDayOfWeek.Saturday => T("lauantaisin", "på lördagar", "on Saturdays"),
        _ => T("sunnuntaisin", "på söndagar", "on Sundays"),
    };
    public string ClockRange(LocalTime from, LocalTime to) => T($"klo {Time(from)}–{Time(to)}", $"kl. {Time(from)}–{Time(to)}", $"{Time(from)}–{Time(to)}");
    public string AtClock(LocalTime time) => T($"klo {Time(time)}", $"kl. {Time(time)}", $"at {Time(time)}");
    public string NextWalkInWhen(NextWalkIn next) => $"{Capitalise(LongDate(next.Date))} {ClockRange(next.From, next.To)}";
    public string NextWalkInLine(NextWalkIn next) => T(
        $"Seuraava avoin vastaanotto: {NextWalkInWhen(next)}.",
        $"Nästa öppna mottagning: {NextWalkInWhen(next)}.",
        $"Next walk-in reception: {NextWalkInWhen(next)}.");
    public string NoNextWalkIn => T("Seuraavaa avointa vastaanottoa ei ole vielä sovittu.", "Nästa öppna mottagning är inte fastställd ännu.",
        "The next walk-in reception has not been set yet.");
    public string WaitMinutes(Duration wait)
    {
        var minutes = (int)Math.Ceiling(Math.Max(0, wait.TotalMinutes));
        if (minutes == 0) return T("heti", "genast", "right away");
        return T($"noin {minutes} min", $"cirka {minutes} min", $"about {minutes} min");
    }
    public string MatterName(WalkInMatter matter) => matter switch
    {
        WalkInMatter.Advice => T("Neuvonta", "Rådgivning", "Advice"),
        WalkInMatter.Agreement => T("Sopimus", "Avtal", "Agreement"),
        WalkInMatter.Paternity => T("Isyyden ja äitiyden tunnustaminen", "Erkännande av faderskap och moderskap", "Acknowledgement of paternity and maternity"),
        _ => T("Muu asia", "Annat ärende", "Something else"),
    };
    public string MatterExplained(WalkInMatter matter) => matter switch
    {
        WalkInMatter.Advice => T("Kysymyksiä erosta, lapsen huollosta, tapaamisista tai elatuksesta.",
            "Frågor om separation, barnets vårdnad, umgänge eller underhåll.",
            "Questions about separation, custody, contact or child support."),
        WalkInMatter.Agreement => T("Lyhyt sopimus huollosta, asumisesta, tapaamisista tai elatuksesta.",
            "Ett kort avtal om vårdnad, boende, umgänge eller underhåll.",
            "A short agreement on custody, residence, contact or child support."),
        WalkInMatter.Paternity => T("Kun vanhemmat eivät ole naimisissa: isyyden tai äitiyden tunnustaminen.",
            "När föräldrarna inte är gifta: erkännande av faderskap eller moderskap.",
            "When the parents are not married: acknowledging paternity or maternity."),
        _ => T("Jokin muu lastenvalvojan asia.", "Något annat ärende för barnatillsyningsmannen.", "Another matter for a child supervisor."),
    };

    // Kiosk
    public string KioskWelcome => T("Tervetuloa", "Välkommen", "Welcome");
    public string KioskChooseLanguage => T("Valitse kieli", "Välj språk", "Choose your language");
    public string KioskNoPersonalData => T("Vuoronumeroon ei tarvita nimeä eikä henkilötietoja.", "Du behöver inte uppge namn eller personuppgifter för ett nummer.",
        "No name or personal details are needed for a number.");
    public string KioskNotGivingNow => T("Vuoronumeroita ei juuri nyt jaeta.", "Just nu delas inga nummer ut.", "Numbers are not being given right now.");
    public string KioskChooseMatter => T("Mitä asiasi koskee?", "Vad gäller ditt ärende?", "What is your matter about?");
    public string KioskChooseMatterHint => T("Kosketa asiaa, niin saat vuoronumeron.", "Tryck på ärendet så får du ett nummer.", "Touch your matter to get a number.");
    public string KioskChangeLanguage => T("Vaihda kieli", "Byt språk", "Change language");
    public string KioskYourNumber => T("Vuoronumerosi", "Ditt nummer", "Your number");
    public string KioskTicketTitle => T("Vuoronumerosi on valmis", "Ditt nummer är klart", "Here is your number");
    public string PeopleAhead(int n) => T(
        n == 0 ? "Edelläsi ei ole ketään." : n == 1 ? "Edelläsi on 1 asiakas." : $"Edelläsi on {n} asiakasta.",
        n == 0 ? "Ingen står före dig." : n == 1 ? "1 kund står före dig." : $"{n} kunder står före dig.",
        n == 0 ? "Nobody is ahead of you." : n == 1 ? "1 person is ahead of you." : $"{n} people are ahead of you.");
    public string PeopleAheadLabel => T("Edelläsi", "Före dig", "Ahead of you");
    public string EstimatedWaitLabel => T("Arvioitu odotus", "Beräknad väntetid", "Estimated wait");
    public string EstimatedTimeLabel => T("Arvioitu vuorosi", "Din beräknade tur", "Estimated turn");
    public string PeopleCount(int n) => T(n == 1 ? "1 asiakas" : $"{n} asiakasta", n == 1 ? "1 kund" : $"{n} kunder", n == 1 ? "1 person" : $"{n} people");
    public string KioskFollowOnPhone => T("Seuraa vuoroasi puhelimella: lue QR-koodi.", "Följ din tur i telefonen: läs QR-koden.",
        "Follow your turn on your phone: scan the QR code.");
    public string KioskQrAlt => T("QR-koodi, joka avaa vuoronumerosi puhelimessa", "QR-kod som öppnar ditt nummer i telefonen",
        "QR code that opens your number on a phone");
    public string KioskWatchDisplay => T("Numerosi ja huone näkyvät odotustilan näytöllä, kun on vuorosi.",
        "Ditt nummer och rummet visas på skärmen i väntrummet när det är din tur.",
        "Your number and the room appear on the waiting-room screen when it is your turn.");
    public string KioskPrint => T("Tulosta lappu", "Skriv ut lappen", "Print a ticket");
    public string KioskDone => T("Valmis", "Klar", "Done");
    public string KioskStartOver => T("Alkuun", "Till början", "Start again");
    public string KioskNotIssuedTitle => T("Vuoronumeroa ei voitu antaa", "Vi kunde inte ge dig ett nummer", "We could not give you a number");
    public string KioskReturnsSoon => T("Näyttö palaa alkuun hetken kuluttua.", "Skärmen går tillbaka till början om en stund.",
        "The screen returns to the start in a moment.");
    public string KioskAlternativesTitle => T("Näin voit hoitaa asiasi", "Så här kan du sköta ärendet", "Other ways to get help");
    public string AltBookOnline => T("Varaa aika verkossa", "Boka tid på nätet", "Book a meeting online");
    public string AltCallBack => T("Pyydä soittoaikaa", "Be om en telefontid", "Ask for a call-back");
    public string AltPhoneHours => T("Toimistosihteerin puhelinaika", "Byråsekreterarens telefontid", "The office secretary's phone hours");
    public string PhoneOpenUntil(LocalTime until) => T($"Puhelin on auki nyt {AtClock(until)} asti.", $"Telefonen är öppen nu till {AtClock(until)}.",
        $"The line is open now until {Time(until)}.");
    public string PhoneNextOpen(LocalDateTime next) => T($"Seuraavan kerran auki: {DateAtTime(next)}.", $"Öppnar nästa gång: {DateAtTime(next)}.",
        $"Next open: {DateAtTime(next)}.");
    public string PhoneNoHours => T("Puhelinajoista kerrotaan yksikön verkkosivuilla.", "Telefontiderna finns på enhetens webbplats.",
        "The phone hours are on the unit's web pages.");
    public string AltNextWalkIn => T("Seuraava avoin vastaanotto", "Nästa öppna mottagning", "The next walk-in reception");

    /// <summary>Why the kiosk gave no number, in words for the client; falls back to the domain's English message.</summary>
    public string KioskRefusal(string code, string fallback) => code switch
    {
        "queue_full" => T("Tämän päivän jono on täynnä: uusi käynti ei ehtisi alkaa ennen vastaanoton sulkemista.",
            "Dagens kö är full: ett nytt besök skulle inte hinna börja innan mottagningen stänger.",
            "Today's queue is full: a new visit could not start before the reception closes."),
        "intake_closed" => T("Avoin vastaanotto ei anna tänään enää vuoronumeroita.", "Den öppna mottagningen delar inte ut fler nummer i dag.",
            "The walk-in reception is not giving more numbers today."),
        "walk_in_not_open" => T("Avoin vastaanotto ei ole vielä auennut.", "Den öppna mottagningen har inte öppnat ännu.",
            "The walk-in reception has not opened yet."),
        "walk_in_closed" => T("Avoin vastaanotto on päättynyt tältä päivältä.", "Den öppna mottagningen har stängt för i dag.",
            "The walk-in reception has closed for today."),
        "unit_closed" => T("Yksikkö on tänään suljettu.", "Enheten är stängd i dag.", "The unit is closed today."),
        "no_walk_in_today" => T("Tänään ei ole avointa vastaanottoa.", "I dag finns ingen öppen mottagning.", "There is no walk-in reception today."),
        "busy" => T("Jonoon tuli juuri paljon muutoksia. Yritä uudelleen.", "Kön ändrades av många samtidigt. Försök igen.",
            "The queue was busy. Please try again."),
        _ => fallback,
    };

    // Waiting-room display
    public string DisplayTitle => T("Avoin vastaanotto – vuoronumerot", "Öppen mottagning – nummer", "Walk-in reception – numbers");
    public string DisplayEnglishLine => "Walk-in reception: take a number at the kiosk in the lobby and wait until your number is shown here.";
    public string DisplayServing => T("Vuorossa", "Tur", "Now serving");
    public string DisplayNext => T("Seuraavat numerot", "Följande nummer", "Next numbers");
    public string DisplayNoneServing => T("Ei kutsuttuja numeroita", "Inga uppropade nummer", "No numbers called");
    public string DisplayNoneWaiting => T("Jonossa ei ole ketään", "Ingen står i kö", "Nobody is waiting");
    public string DisplayWaiting => T("Jonossa", "I kö", "Waiting");
    public string DisplayNewWait => T("Odotus uudella numerolla", "Väntetid med nytt nummer", "Wait with a new number");
    public string DisplayRoom(string room) => string.IsNullOrWhiteSpace(room)
        ? T("vastaanotolle", "till mottagningen", "to the reception")
        : T($"huone {room}", $"rum {room}", $"room {room}");
    public string DisplayInVisit => T("vastaanotolla", "på besök", "in a visit");
    public string DisplayCalled => T("kutsuttu", "uppropad", "called");
    public string DisplayNoNumbers => T("Vuoronumeroita ei nyt jaeta.", "Nummer delas inte ut nu.", "No numbers are being given now.");
    public string DisplayTakeNumber => T("Ota vuoronumero automaatista.", "Ta ett nummer i automaten.", "Take a number from the kiosk.");

    // Phone ticket
    public string PhoneTicketTitle(int number) => T($"Vuoronumero {number}", $"Nummer {number}", $"Number {number}");
    public string TicketStatusLabel(TicketStatus status) => status switch
    {
        TicketStatus.Waiting => T("Odotat vuoroasi", "Du väntar på din tur", "You are waiting for your turn"),
        TicketStatus.Called => T("Vuorosi on nyt", "Det är din tur nu", "It is your turn now"),
        TicketStatus.InVisit => T("Käyntisi on alkanut", "Ditt besök har börjat", "Your visit has started"),
        TicketStatus.Done => T("Käyntisi on päättynyt. Kiitos käynnistä!", "Ditt besök är avslutat. Tack för besöket!", "Your visit is over. Thank you for coming!"),
        TicketStatus.NoShow => T("Et tullut, kun numerosi kutsuttiin. Ota tarvittaessa uusi numero automaatista.",
            "Du kom inte när ditt nummer ropades upp. Ta vid behov ett nytt nummer i automaten.",
            "You did not come when your number was called. Take a new number from the kiosk if you need one."),
        _ => T("Olet poistunut jonosta.", "Du har lämnat kön.", "You have left the queue."),
    };
    public string CalledToRoom(int number, string? room) => string.IsNullOrWhiteSpace(room)
        ? T($"Numerosi {number} kutsutaan vastaanotolle.", $"Ditt nummer {number} ropas upp till mottagningen.", $"Your number {number} is called to the reception.")
        : T($"Numerosi {number} kutsutaan huoneeseen {room}.", $"Ditt nummer {number} ropas upp till rum {room}.", $"Your number {number} is called to room {room}.");
    public string PhoneKeepOpen => T("Pidä tämä sivu auki: se päivittyy itsestään.", "Håll sidan öppen: den uppdateras av sig själv.",
        "Keep this page open: it updates by itself.");
    public string LeaveQueueHeading => T("Poistu jonosta", "Lämna kön", "Leave the queue");
    public string LeaveQueueConfirm => T("Kyllä, en tarvitse vuoroani", "Ja, jag behöver inte min tur", "Yes, I no longer need my turn");
    public string LeaveQueueAction => T("Poistu jonosta", "Lämna kön", "Leave the queue");
    public string ErrorLeaveConfirm => T("Vahvista valitsemalla ruutu.", "Bekräfta genom att kryssa i rutan.", "Tick the box to confirm.");
    public string LeftQueueBanner => T("Olet poistunut jonosta", "Du har lämnat kön", "You have left the queue");

    // Supervisor's walk-in page
    public string StaffWalkInTitle => T("Avoin vastaanotto tänään", "Öppen mottagning i dag", "Walk-in reception today");
    public string StaffWalkInLink => T("Avoin vastaanotto ja jono", "Öppen mottagning och kö", "Walk-in reception and queue");
    public string StaffBackToBookings => T("Varatut ajat", "Bokade tider", "Booked times");
    public string StaffNoWalkInToday => T("Tänään ei ole avointa vastaanottoa.", "I dag finns ingen öppen mottagning.", "There is no walk-in reception today.");
    public string StaffWindow => T("Aukiolo", "Öppettid", "Hours");
    public string StaffOnDuty => T("Päivystäjät", "I tjänst", "On duty");
    public string StaffNobodyOnDuty => T("Ei ketään – lisää itsesi päivystykseen.", "Ingen – lägg till dig själv.", "Nobody – add yourself to the duty.");
    public string StaffNoRoom => T("huone puuttuu", "rum saknas", "no room set");
    public string StaffIntake => T("Vuoronumerot", "Nummerutdelning", "Numbers");
    public string StaffIntakeOpen => T("jaetaan", "pågår", "being given");
    public string StaffIntakeClosed => T("jako lopetettu tältä päivältä", "avslutad för i dag", "stopped for today");
    public string StaffWaitingCount => T("Jonossa", "I kö", "Waiting");
    public string StaffYourNumber => T("Sinun asiakkaasi", "Din kund", "Your client");
    public string StaffCallNext => T("Kutsu seuraava", "Ropa upp nästa", "Call next");
    public string StaffRecall => T("Kutsu uudelleen", "Ropa upp igen", "Call again");
    public string StaffStart => T("Asiakas saapui (aloita)", "Kunden kom (börja)", "Client arrived (start)");
    public string StaffComplete => T("Päätä käynti", "Avsluta besöket", "Complete");
    public string StaffOutcome => T("Käynnin tulos", "Besökets resultat", "Outcome");
    public string StaffNoShow => T("Ei saapunut", "Kom inte", "No-show");
    public string StaffQueueHeading => T("Jono", "Kö", "Queue");
    public string StaffQueueEmpty => T("Kukaan ei odota.", "Ingen väntar.", "Nobody is waiting.");
    public string StaffColumnNumber => T("Numero", "Nummer", "Number");
    public string StaffColumnStatus => T("Tila", "Status", "Status");
    public string StaffColumnWaited => T("Odottanut", "Väntat", "Waited");
    public string StaffColumnIssued => T("Saapui", "Kom", "Arrived");
    public string StaffMinutes(Duration d) => T($"{(int)Math.Floor(Math.Max(0, d.TotalMinutes))} min", $"{(int)Math.Floor(Math.Max(0, d.TotalMinutes))} min",
        $"{(int)Math.Floor(Math.Max(0, d.TotalMinutes))} min");
    public string StaffTicketStatus(TicketStatus status, string? room) => status switch
    {
        TicketStatus.Waiting => T("odottaa", "väntar", "waiting"),
        TicketStatus.Called => T($"kutsuttu, {DisplayRoom(room ?? "")}", $"uppropad, {DisplayRoom(room ?? "")}", $"called, {DisplayRoom(room ?? "")}"),
        TicketStatus.InVisit => T($"vastaanotolla, {DisplayRoom(room ?? "")}", $"på besök, {DisplayRoom(room ?? "")}", $"in a visit, {DisplayRoom(room ?? "")}"),
        TicketStatus.Done => T("käynti päättynyt", "besöket avslutat", "visit completed"),
        TicketStatus.NoShow => T("ei saapunut", "kom inte", "no-show"),
        _ => T("poistui jonosta", "lämnade kön", "left the queue"),
    };
    public string OutcomeName(VisitOutcome outcome) => outcome switch
    {
        VisitOutcome.AdviceGiven => T("Neuvottu", "Rådgivning given", "Advice given"),
        VisitOutcome.AgreementDrafted => T("Sopimus laadittu", "Avtal upprättat", "Agreement drafted"),
        VisitOutcome.PaternityHandled => T("Isyysasia hoidettu", "Faderskapsärendet skött", "Paternity handled"),
        VisitOutcome.ReferredElsewhere => T("Ohjattu muualle", "Hänvisad vidare", "Referred elsewhere"),
        _ => T("Jatkoaika varattu", "Uppföljningstid bokad", "Follow-up booked"),
    };
    public string StaffDutyHeading => T("Päivystys", "Tjänstgöring", "Duty");
    public string StaffRoomLabel => T("Huone", "Rum", "Room");
    public string StaffRoomHint => T("Näkyy odotustilan näytöllä, kun kutsut numeron.", "Visas på skärmen i väntrummet när du ropar upp ett nummer.",
        "Shown on the waiting-room screen when you call a number.");
    public string StaffAddToDuty => T("Lisää minut päivystykseen", "Lägg till mig i tjänst", "Add me to duty");
    public string StaffChangeRoom => T("Vaihda huone", "Byt rum", "Change my room");
    public string StaffCloseIntakeHeading => T("Lopeta numeroiden jako", "Sluta dela ut nummer", "Stop giving numbers");
    public string StaffCloseIntakeHint => T("Jonossa jo olevat palvellaan. Automaatti ohjaa uudet asiakkaat muihin palveluihin.",
        "De som redan står i kö tas emot. Automaten hänvisar nya kunder till andra tjänster.",
        "Those already waiting are still served. The kiosk refers new clients to other services.");
    public string StaffCloseIntakeAction => T("Lopeta jako tältä päivältä", "Avsluta utdelningen för i dag", "Stop for today");
    public string StaffDone(string what) => what switch
    {
        "called" => T("Numero kutsuttu.", "Numret är uppropat.", "The number was called."),
        "recalled" => T("Numero kutsuttu uudelleen.", "Numret är uppropat igen.", "The number was called again."),
        "started" => T("Käynti alkoi.", "Besöket började.", "The visit started."),
        "completed" => T("Käynti päätetty.", "Besöket är avslutat.", "The visit was completed."),
        "no-show" => T("Merkitty: ei saapunut.", "Markerat: kom inte.", "Marked as a no-show."),
        "duty" => T("Päivystys päivitetty.", "Tjänstgöringen är uppdaterad.", "Duty updated."),
        "intake-closed" => T("Numeroiden jako lopetettu tältä päivältä.", "Utdelningen av nummer är avslutad för i dag.", "No more numbers today."),
        _ => "",
    };

    /// <summary>A refusal of a staff walk-in action in the page's language; the domain's English message otherwise.</summary>
    public string WalkInRefusal(string code, string fallback) => code switch
    {
        "not_on_duty" => T("Et ole tänään avoimen vastaanoton päivystäjänä. Lisää itsesi päivystykseen ensin.",
            "Du är inte i tjänst på den öppna mottagningen i dag. Lägg först till dig själv.",
            "You are not on walk-in duty today. Add yourself to the duty first."),
        "already_serving" => T("Sinulla on jo asiakas: päätä käynti tai merkitse, ettei asiakas saapunut.",
            "Du har redan en kund: avsluta besöket eller markera att kunden inte kom.",
            "You already have a client: complete the visit or mark a no-show first."),
        "queue_empty" => T("Kukaan ei odota.", "Ingen väntar.", "Nobody is waiting."),
        "grace_not_over" => T($"Odota vielä hetki ennen kuin merkitset, ettei asiakas saapunut. ({fallback})",
            $"Vänta en stund innan du markerar att kunden inte kom. ({fallback})",
            fallback),
        "not_your_ticket" => T("Toinen lastenvalvoja on kutsunut tämän numeron.", "En annan barnatillsyningsman har ropat upp numret.",
            "Another supervisor called this number."),
        "visit_not_started" => T("Aloita käynti ensin.", "Börja besöket först.", "Start the visit first."),
        "visit_started" => T("Käynti on jo alkanut.", "Besöket har redan börjat.", "The visit has already started."),
        "visit_completed" => T("Käynti on jo päätetty.", "Besöket är redan avslutat.", "The visit is already completed."),
        "ticket_withdrawn" => T("Asiakas on poistunut jonosta.", "Kunden har lämnat kön.", "The client has left the queue."),
        "ticket_no_show" => T("Numero on jo merkitty saapumatta jääneeksi.", "Numret är redan markerat som uteblivet.", "The number was already marked a no-show."),
        "not_called" => T("Numeroa ei ole vielä kutsuttu.", "Numret har inte ropats upp ännu.", "The number has not been called yet."),
        "ticket_not_found" => T("Numeroa ei löytynyt tältä päivältä.", "Numret finns inte i dag.", "There is no such number today."),
        "no_session" or "no_walk_in_today" => StaffNoWalkInToday,
        "unit_closed" => T("Yksikkö on tänään suljettu.", "Enheten är stängd i dag.", "The unit is closed today."),
        "invalid_input" => T("Vain yksikön aktiivinen lastenvalvoja voi päivystää avoimella vastaanotolla.",
            "Endast en aktiv barnatillsyningsman vid enheten kan vara i tjänst på den öppna mottagningen.",
            "Only an active child supervisor of the unit can be on walk-in duty."),
        "busy" => KioskRefusal("busy", fallback),
        _ => fallback,
    };

    // Start page and info page
    public string WalkInSectionHeading => T("Avoin vastaanotto ilman ajanvarausta", "Öppen mottagning utan tidsbokning", "Walk-in reception, no booking needed");
    public string WalkInSectionText(IsoDayOfWeek day, LocalTime from, LocalTime to) => T(
        $"Avoin vastaanotto on {WalkInDays(day)} {ClockRange(from, to)}. Ajanvarausta ei tarvita: ota vuoronumero aulan automaatista. Lyhyt käynti neuvontaa, sopimusta tai isyyden ja äitiyden tunnustamista varten.",
        $"Den öppna mottagningen är {WalkInDays(day)} {ClockRange(from, to)}. Ingen tidsbokning behövs: ta ett nummer i automaten i entrén. Ett kort besök för rådgivning, ett avtal eller erkännande av faderskap och moderskap.",
        $"The walk-in reception is open {WalkInDays(day)} {ClockRange(from, to)}. No booking is needed: take a number from the kiosk in the lobby. A short visit for advice, an agreement or the acknowledgement of paternity and maternity.");
    public string WalkInMoreLink => T("Lisätietoa avoimesta vastaanotosta", "Mer om den öppna mottagningen", "More about the walk-in reception");
    public string WalkInInfoTitle => T("Avoin vastaanotto", "Öppen mottagning", "Walk-in reception");
    public string WalkInInfoHow => T("Näin avoin vastaanotto toimii", "Så fungerar den öppna mottagningen", "How the walk-in reception works");
    public string WalkInInfoSteps1 => T("Valitse aulan automaatista kieli ja asia. Saat vuoronumeron. Nimeä tai henkilötietoja ei kysytä.",
        "Välj språk och ärende i automaten i entrén. Du får ett nummer. Vi frågar inte efter namn eller personuppgifter.",
        "Choose your language and matter at the kiosk in the lobby. You get a number. We do not ask for your name or personal details.");
    public string WalkInInfoSteps2 => T("Lapussa on QR-koodi: sen avulla voit seurata vuoroasi puhelimella. Odotustilan näyttö kertoo, kun numerosi kutsutaan ja mihin huoneeseen.",
        "På lappen finns en QR-kod: med den kan du följa din tur i telefonen. Skärmen i väntrummet visar när ditt nummer ropas upp och till vilket rum.",
        "The ticket has a QR code to follow your turn on your phone. The waiting-room screen shows when your number is called, and to which room.");
    public string WalkInInfoSteps3 => T("Käynti kestää yleensä noin puoli tuntia. Pidempiä sopimusasioita varten varaa aika.",
        "Ett besök tar oftast cirka en halvtimme. Boka en tid för längre avtalsärenden.",
        "A visit usually takes about half an hour. For longer agreement matters, please book a meeting.");
    public string WalkInInfoHonest => T("Numeroita annetaan vain niin kauan kuin käynti ehtii alkaa ennen vastaanoton sulkemista. Jos numeroa ei voi antaa, automaatti kertoo muut vaihtoehdot.",
        "Nummer ges bara så länge ett besök hinner börja innan mottagningen stänger. Om inget nummer kan ges visar automaten andra alternativ.",
        "Numbers are given only while a visit can still start before the reception closes. If no number can be given, the kiosk shows the other options.");
}
