// The strings of the staff's meeting pages (find, move, cancel, give to another supervisor) in Finnish, Swedish and English.
using Booking.Domain.Appointments;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string MeetingsLink => T("Siirrä tai peru tapaaminen", "Flytta eller avboka ett möte", "Move or cancel a meeting");
    public string MeetingsTitle => T("Tapaamisen muutokset", "Ändra möten", "Change a meeting");
    public string MeetingsIntro => T(
        "Hae tapaaminen vanhemman nimellä, puhelinnumerolla, sähköpostilla tai varaustunnuksella. Vanhemmat saavat muutoksesta sähköpostin omalla kielellään.",
        "Sök mötet med förälderns namn, telefonnummer, e-post eller bokningsreferens. Föräldrarna får ett e-postmeddelande om ändringen på sitt eget språk.",
        "Find the meeting by a parent's name, phone number, email or booking reference. The parents are emailed about the change in their own language.");
    public string MeetingsSearchLabel => T("Nimi, puhelinnumero, sähköposti tai varaustunnus", "Namn, telefonnummer, e-post eller bokningsreferens",
        "Name, phone number, email or booking reference");
    public string MeetingsSearchHint => T("Vähintään kaksi merkkiä. Varaustunnus on muotoa BK-1234ABCD.",
        "Minst två tecken. Bokningsreferensen ser ut så här: BK-1234ABCD.", "At least two characters. A booking reference looks like BK-1234ABCD.");
    public string MeetingsSearchError => T("Kirjoita 2–100 merkkiä.", "Skriv 2–100 tecken.", "Type 2 to 100 characters.");
    public string MeetingsFound(int n) => T(n == 1 ? "Löytyi 1 tapaaminen" : $"Löytyi {n} tapaamista",
        n == 1 ? "1 möte hittades" : $"{n} möten hittades", n == 1 ? "1 meeting found" : $"{n} meetings found");
    public string MeetingsBack => T("Takaisin hakuun", "Tillbaka till sökningen", "Back to the search");
    public string MeetingNotFound => T("Tapaamista ei löytynyt.", "Mötet hittades inte.", "No such meeting.");
    public string MeetingTitle(string when) => T($"Tapaaminen {when}", $"Möte {when}", $"Meeting {when}");
    public string ReferenceLabel => T("Varaustunnus", "Bokningsreferens", "Booking reference");
    public string SupervisorLabel => T("Lastenvalvoja", "Barnatillsyningsman", "Child supervisor");
    public string SeriesLabel => T("Sarja", "Serie", "Series");
    public string SeriesNote => T("Osa saman perheen tapaamissarjaa.", "Del av en serie möten för samma familj.", "One of a series of meetings for the family.");
    public string MeetingCannotChange => T("Tapaamista ei voi enää muuttaa: se on peruttu tai sen aika on alkanut.",
        "Mötet kan inte längre ändras: det är avbokat eller dess tid har börjat.", "This meeting can no longer be changed: it was cancelled or its time has begun.");
    public string MeetingNotYours => T("Vain toimistosihteeri tai tapaamisen oma lastenvalvoja voi muuttaa tapaamista.",
        "Bara byråsekreteraren eller mötets egen barnatillsyningsman kan ändra mötet.",
        "Only the office secretary or the meeting's own supervisor can change it.");

    public string MoveHeading => T("Siirrä toiseen aikaan", "Flytta till en annan tid", "Move to another time");
    public string MoveHint => T("Kaikkien tapaamisen ammattilaisten on oltava vapaita uutena aikana.",
        "Alla yrkespersoner i mötet måste vara lediga vid den nya tiden.", "Every professional of the meeting must be free at the new time.");
    public string NewTimeLabel => T("Uusi aika", "Ny tid", "New time");
    public string MoveSupervisorLabel => T("Lastenvalvoja uutena aikana", "Barnatillsyningsman vid den nya tiden", "Child supervisor at the new time");
    public string KeepSupervisorOption(string name) => T($"Sama: {name}", $"Samma: {name}", $"The same: {name}");
    public string MoveMeetingAction => T("Siirrä tapaaminen", "Flytta mötet", "Move the meeting");
    public string CancelMeetingHeading => T("Peru tapaaminen", "Avboka mötet", "Cancel the meeting");
    public string CancelMeetingAction => T("Peru tapaaminen", "Avboka mötet", "Cancel the meeting");
    public string ReassignHeading => T("Anna toiselle lastenvalvojalle", "Ge till en annan barnatillsyningsman", "Give to another supervisor");
    public string ReassignHint => T("Aika pysyy samana; vanhemmille ei lähetetä viestiä.", "Tiden är densamma; föräldrarna får inget meddelande.",
        "The time stays the same; the parents are not emailed.");
    public string ReassignSupervisorLabel => T("Uusi lastenvalvoja", "Ny barnatillsyningsman", "New child supervisor");
    public string ChooseOneOption => T("Valitse", "Välj", "Choose");
    public string WholeSeriesLabel => T("Myös sarjan tulevat tapaamiset", "Även seriens kommande möten", "The series' later meetings too");
    public string ReassignAction => T("Anna tapaaminen", "Ge mötet", "Give the meeting");
    public string ReasonLabel => T("Syy", "Orsak", "Reason");
    public string ChangeNoteLabel => T("Selitys (vain henkilökunnalle)", "Förklaring (endast för personalen)", "Explanation (staff only)");
    public string ChangeNoteHint => T("Pakollinen, kun syy on ”muu”.", "Obligatorisk när orsaken är ”annan”.", "Required when the reason is 'other'.");
    public string ChangeReasonName(ChangeReason reason) => reason switch
    {
        ChangeReason.FamilyAsked => T("Perhe pyysi", "Familjen bad om det", "The family asked"),
        ChangeReason.StaffAbsent => T("Työntekijä poissa", "Personal frånvarande", "Staff member absent"),
        ChangeReason.StaffRequest => T("Työntekijän pyyntö", "Personalens begäran", "Staff member's request"),
        ChangeReason.UnitClosed => T("Yksikkö suljettu", "Enheten stängd", "Unit closed"),
        _ => T("Muu", "Annan", "Other"),
    };
    public string MeetingChanged(string done) => done switch
    {
        "moved" => T("Tapaaminen siirrettiin. Vanhemmille lähtee sähköposti.", "Mötet flyttades. Föräldrarna får ett e-postmeddelande.",
            "The meeting was moved. The parents are being emailed."),
        "cancelled" => T("Tapaaminen peruttiin. Vanhemmille lähtee sähköposti.", "Mötet avbokades. Föräldrarna får ett e-postmeddelande.",
            "The meeting was cancelled. The parents are being emailed."),
        _ => T("Tapaaminen annettiin toiselle lastenvalvojalle.", "Mötet gavs till en annan barnatillsyningsman.", "The meeting was given to another supervisor."),
    };

    public string ErrorNewTime => T("Anna uusi aika muodossa pp.kk.vvvv hh:mm.", "Ange den nya tiden som dd.mm.åååå tt:mm.", "Enter the new time as a date and time.");
    public string ErrorReason => T("Valitse syy.", "Välj en orsak.", "Choose a reason.");
    public string ErrorChooseSupervisor => T("Valitse lastenvalvoja.", "Välj en barnatillsyningsman.", "Choose a child supervisor.");
    public string ErrorChangeNote => T("Kirjoita selitys, kun syy on ”muu” (enintään 2000 merkkiä).",
        "Skriv en förklaring när orsaken är ”annan” (högst 2000 tecken).", "Explain the reason when it is 'other' (at most 2000 characters).");
    public string StaffChangeRefusal(string code, string fallback) => code switch
    {
        "slot_taken" => T("Joku tapaamisen ammattilaisista ei ole vapaana silloin. Valitse toinen aika.",
            "Någon av mötets yrkespersoner är inte ledig då. Välj en annan tid.", "A professional of the meeting is not free then. Choose another time."),
        "not_a_bookable_time" => T("Jollakulla tapaamisen ammattilaisista ei ole työaikaa silloin.",
            "Någon av mötets yrkespersoner har ingen arbetstid då.", "A professional of the meeting has no working hours then."),
        "time_in_past" => T("Aika on jo mennyt.", "Tiden har redan passerat.", "That time has already passed."),
        "beyond_horizon" => T("Aika on varausajan ulkopuolella.", "Tiden ligger utanför bokningsperioden.", "That time is beyond the booking horizon."),
        "unit_closed" => T("Yksikkö on suljettu sinä päivänä.", "Enheten är stängd den dagen.", "The unit is closed that day."),
        "same_professional_twice" => T("Lastenvalvoja ei voi olla myös tapaamisen toinen ammattilainen.",
            "Barnatillsyningsmannen kan inte också vara mötets andra yrkesperson.", "The supervisor cannot also be the meeting's second professional."),
        StaffChanges.NotYourMeeting => MeetingNotYours,
        "appointment_started" or "appointment_cancelled" => MeetingCannotChange,
        "busy" => T("Tapaamista muutettiin samaan aikaan muualla. Yritä uudelleen.", "Mötet ändrades samtidigt någon annanstans. Försök igen.",
            "The meeting was being changed at the same moment. Please try again."),
        _ => fallback,
    };
}
