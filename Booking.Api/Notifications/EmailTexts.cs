// The words of every email in Finnish, Swedish and English. Dates are written by hand, not by CultureInfo, so the
// text is the same on every machine (ICU data differs between images).
using Booking.Domain;
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Api.Notifications;

public sealed record EmailWords(
    string Greeting, string GreetingNoName, string What, string When, string Where, string Manage, string Preparation,
    string Closing, string Automatic, string InPerson, string Video, string Phone, string CalendarFile,
    Func<string, string, string> ConfirmationSubject, string ConfirmationIntro,
    Func<string, string> InvitationSubject, string InvitationIntro, string InvitationChange,
    Func<string, string> MovedSubject, string MovedIntro,
    Func<string, string> CancelledSubject, string CancelledIntro,
    Func<string, string> ReminderSubject, string ReminderIntro,
    string[] Weekdays, string[] Months, Func<LocalDateTime, LocalDateTime, string[], string[], string> Span,
    Func<LocalDateTime, string[], string> Short,
    string InvitationRespond = "", string VideoWithLink = "", string VideoJoin = "",
    Func<string, string>? VideoLinkSubject = null, string VideoLinkIntro = "", Func<string, string>? InvitationCall = null,
    string ReassignedSubject = "{0}", string ReassignedIntro = "")
{
    public static EmailWords For(Language language) => language switch
    {
        Language.Sv => Swedish,
        Language.En => English,
        _ => Finnish,
    };

    public string Modality(Modality modality, string unitName) => modality switch
    {
        Booking.Domain.Configuration.Modality.Video => Video,
        Booking.Domain.Configuration.Modality.Phone => Phone,
        _ => string.Format(InPerson, unitName),
    };

    public string Time(LocalDateTime start, LocalDateTime end) => Span(start, end, Weekdays, Months);
    public string ShortTime(LocalDateTime start) => Short(start, Months);

    private static string Dots(LocalTime t) => $"{t.Hour}.{t.Minute:00}";
    private static string Colon(LocalTime t) => $"{t.Hour:00}:{t.Minute:00}";
    private static int Day(LocalDateTime t) => (int)t.DayOfWeek - 1;

    public static readonly EmailWords Finnish = new(
        "Hei {0},", "Hei,", "Mitä", "Milloin", "Miten", "Voit siirtää tai perua ajan tästä linkistä:", "Valmistautuminen",
        "Ystävällisin terveisin", "Tämä on automaattinen viesti, siihen ei voi vastata.",
        "Tapaaminen paikan päällä: {0}", "Videotapaaminen – saat liittymislinkin ennen tapaamista.",
        "Puhelinaika – lastenvalvoja soittaa sinulle antamaasi numeroon.", "Kalenterimerkintä on liitteenä.",
        (type, when) => $"Varausvahvistus: {type} {when}", "Aikasi perheoikeudelliseen yksikköön on varattu.",
        when => $"Kutsu lastenvalvojan tapaamiseen {when}",
        "Perheoikeudellinen yksikkö kutsuu sinut tapaamiseen lastenvalvojan luo. Yksikkö on kutsunut tapaamiseen molemmat vanhemmat.",
        "Jos aika ei sovi sinulle, ota yhteyttä yksikköön.",
        when => $"Aikasi on siirretty: {when}", "Aikasi on siirretty. Uusi aika on alla.",
        when => $"Aikasi on peruttu: {when}", "Aikasi on peruttu. Voit varata uuden ajan verkossa.",
        when => $"Muistutus: tapaaminen huomenna {when}", "Muistutamme huomisesta tapaamisestasi.",
        ["maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina", "lauantaina", "sunnuntaina"],
        ["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta",
            "lokakuuta", "marraskuuta", "joulukuuta"],
        (s, e, days, _) => $"{days[Day(s)]} {s.Day}.{s.Month}.{s.Year} klo {Dots(s.TimeOfDay)}–{Dots(e.TimeOfDay)}",
        (s, _) => $"{s.Day}.{s.Month}.{s.Year} klo {Dots(s.TimeOfDay)}",
        InvitationRespond: "Vahvistathan, pääsetkö tulemaan:",
        VideoWithLink: "Videotapaaminen – liittymislinkki on alla.", VideoJoin: "Liity videotapaamiseen tästä linkistä:",
        VideoLinkSubject: when => $"Linkki videotapaamiseen {when}",
        VideoLinkIntro: "Videotapaamisesi liittymislinkki on nyt valmis. Aika on ennallaan.",
        InvitationCall: phone => $"Jos et pääse tulemaan, vastaa alla olevasta linkistä. Voit myös soittaa yksikköön: {phone}.",
        ReassignedSubject: "Tapaamisesi on toisella lastenvalvojalla: {0}",
        ReassignedIntro: "Lastenvalvojasi on estynyt, joten tapaamisesi pitää toinen lastenvalvoja. Aika ja paikka pysyvät ennallaan.");

    public static readonly EmailWords Swedish = new(
        "Hej {0},", "Hej,", "Vad", "När", "Hur", "Du kan flytta eller avboka tiden via länken:", "Förberedelser",
        "Med vänliga hälsningar", "Detta är ett automatiskt meddelande som inte kan besvaras.",
        "Möte på plats: {0}", "Videomöte – du får länken till mötet före mötet.",
        "Telefontid – barnatillsyningsmannen ringer dig på numret du gav.", "En kalenderfil finns som bilaga.",
        (type, when) => $"Bokningsbekräftelse: {type} {when}", "Din tid hos familjerättsliga enheten är bokad.",
        when => $"Inbjudan till möte hos barnatillsyningsmannen {when}",
        "Familjerättsliga enheten bjuder in dig till ett möte hos barnatillsyningsmannen. Enheten har bjudit in båda föräldrarna.",
        "Om tiden inte passar dig, kontakta enheten.",
        when => $"Din tid har flyttats: {when}", "Din tid har flyttats. Den nya tiden finns nedan.",
        when => $"Din tid har avbokats: {when}", "Din tid har avbokats. Du kan boka en ny tid på nätet.",
        when => $"Påminnelse: möte i morgon {when}", "Vi påminner om ditt möte i morgon.",
        ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
        (s, e, days, _) => $"{days[Day(s)]} {s.Day}.{s.Month}.{s.Year} kl. {Dots(s.TimeOfDay)}–{Dots(e.TimeOfDay)}",
        (s, _) => $"{s.Day}.{s.Month}.{s.Year} kl. {Dots(s.TimeOfDay)}",
        InvitationRespond: "Bekräfta gärna om du kan komma:",
        VideoWithLink: "Videomöte – länken till mötet finns nedan.", VideoJoin: "Delta i videomötet via länken:",
        VideoLinkSubject: when => $"Länk till videomötet {when}",
        VideoLinkIntro: "Länken till ditt videomöte är nu klar. Tiden är densamma.",
        InvitationCall: phone => $"Om du inte kan komma, svara via länken nedan. Du kan också ringa enheten: {phone}.",
        ReassignedSubject: "Ditt möte hålls av en annan barnatillsyningsman: {0}",
        ReassignedIntro: "Din barnatillsyningsman är förhindrad, så en annan barnatillsyningsman håller ditt möte. Tiden och platsen är desamma.");

    public static readonly EmailWords English = new(
        "Hello {0},", "Hello,", "What", "When", "How", "You can move or cancel the appointment here:", "Preparing for the meeting",
        "Kind regards", "This is an automatic message; replies are not read.",
        "In person at {0}", "Video meeting – you will receive the link before the meeting.",
        "Phone appointment – the child supervisor will call you at the number you gave.", "A calendar file is attached.",
        (type, when) => $"Booking confirmation: {type} {when}", "Your appointment with the family-law unit is booked.",
        when => $"Invitation to a meeting with a child supervisor {when}",
        "The family-law unit invites you to a meeting with a child supervisor. The unit has invited both parents.",
        "If the time does not suit you, please contact the unit.",
        when => $"Your appointment has been moved: {when}", "Your appointment has been moved. The new time is below.",
        when => $"Your appointment has been cancelled: {when}", "Your appointment has been cancelled. You can book a new time online.",
        when => $"Reminder: your meeting tomorrow {when}", "This is a reminder of your meeting tomorrow.",
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        (s, e, days, months) => $"{days[Day(s)]} {s.Day} {months[s.Month - 1]} {s.Year}, {Colon(s.TimeOfDay)}–{Colon(e.TimeOfDay)}",
        (s, months) => $"{s.Day} {months[s.Month - 1][..3]} {s.Year} {Colon(s.TimeOfDay)}",
        InvitationRespond: "Please confirm whether you can come:",
        VideoWithLink: "Video meeting – the link to join is below.", VideoJoin: "Join the video meeting here:",
        VideoLinkSubject: when => $"Link to your video meeting {when}",
        VideoLinkIntro: "The link to join your video meeting is ready. The time is unchanged.",
        InvitationCall: phone => $"If you cannot come, answer through the link below. You can also call the unit: {phone}.",
        ReassignedSubject: "Another child supervisor will meet you: {0}",
        ReassignedIntro: "Your child supervisor cannot attend, so another child supervisor will hold your meeting. The time and place stay the same.");
}
