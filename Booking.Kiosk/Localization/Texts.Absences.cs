// The strings of the absence and closure preview page in Finnish, Swedish and English.
using Booking.Domain.Absences;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string AbsencesLink => T("Poissaolot ja sulkemiset", "Frånvaro och stängningar", "Absences and closures");
    public string AbsencesTitle => T("Poissaolon tai sulkemisen vaikutukset", "Vad en frånvaro eller stängning påverkar", "What an absence or closure affects");
    public string AbsencesIntro => T(
        "Valitse työntekijä (tai koko yksikkö) ja ajat. Sivu näyttää ennen tallennusta jokaisen tapaamisen, takaisinsoiton ja avoimen vastaanoton vuoron, johon poissaolo osuu, ja työlistan sihteerille.",
        "Välj en anställd (eller hela enheten) och tiderna. Sidan visar före sparandet varje möte, återuppringning och pass på den öppna mottagningen som frånvaron träffar, och en arbetslista för sekreteraren.",
        "Choose a staff member (or the whole unit) and the times. Before anything is saved, the page lists every meeting, call-back and walk-in duty the absence hits, and a work list for the secretary.");
    public string AbsenceWhoLabel => T("Kuka on poissa", "Vem är frånvarande", "Who is away");
    public string WholeUnitOption => T("Koko yksikkö on suljettu", "Hela enheten är stängd", "The whole unit is closed");
    public string AbsenceFromLabel => T("Ensimmäinen päivä", "Första dagen", "First day");
    public string AbsenceToLabel => T("Viimeinen päivä", "Sista dagen", "Last day");
    public string AbsenceHoursHint => T("Jätä kellonajat tyhjiksi, jos poissaolo kestää koko päivän.", "Lämna klockslagen tomma om frånvaron gäller hela dagen.",
        "Leave the times empty for whole days.");
    public string AbsenceFromTimeLabel => T("Alkaen klo", "Från kl.", "From");
    public string AbsenceToTimeLabel => T("Päättyen klo", "Till kl.", "Until");
    public string ShowImpactAction => T("Näytä vaikutukset", "Visa vad som påverkas", "Show what it affects");
    public string HitsHeading(int n) => T(n == 1 ? "Osuu 1 kohtaan" : $"Osuu {n} kohtaan", n == 1 ? "Träffar 1 post" : $"Träffar {n} poster",
        n == 1 ? "Affects 1 item" : $"Affects {n} items");
    public string NothingHit => T("Poissaolo ei osu yhteenkään varattuun aikaan.", "Frånvaron träffar inga bokade tider.", "The absence affects nothing booked.");
    public string WorkListHeading => T("Työlista sihteerille", "Arbetslista för sekreteraren", "The secretary's work list");
    public string WorkListCaption => T("Mitä kullekin kohdalle tehdään", "Vad som görs för varje post", "What to do with each item");
    public string ColumnWhat => T("Mikä", "Vad", "What");
    public string ColumnTodo => T("Tehtävä", "Åtgärd", "To do");
    public string ImpactKindName(ImpactKind kind) => kind switch
    {
        ImpactKind.CallBack => T("Takaisinsoitto", "Återuppringning", "Call-back"),
        ImpactKind.WalkInDuty => T("Avoimen vastaanoton vuoro", "Pass på den öppna mottagningen", "Walk-in duty"),
        _ => T("Tapaaminen", "Möte", "Meeting"),
    };
    public string WorkTodo(WorkItem w, string? colleague) => w.Action switch
    {
        WorkAction.Reassign => T($"Anna lastenvalvojalle {colleague} (vapaana samaan aikaan)", $"Ge till {colleague} (ledig samma tid)",
            $"Give to {colleague} (free at the same time)"),
        WorkAction.CoverDuty => T("Sovi toinen päivystäjä tai sulje vastaanotto", "Ordna en annan på passet eller stäng mottagningen",
            "Find another supervisor on duty or close the walk-in"),
        _ => T("Ota yhteyttä perheeseen ja sovi uusi aika", "Kontakta familjen och kom överens om en ny tid", "Contact the family and agree a new time"),
    } + WhyNote(w.Why);
    private string WhyNote(string why) => why switch
    {
        "supervisor_kept" => T(" – perhe on pitänyt lastenvalvojansa", " – familjen har behållit sin barnatillsyningsman", " – the family kept its supervisor"),
        "series" => T(" – osa tapaamissarjaa", " – del av en serie", " – one of a series"),
        "nobody_free" => T(" – kukaan ei ole vapaana silloin", " – ingen är ledig då", " – nobody is free then"),
        "unit_closed" => T(" – yksikkö on suljettu", " – enheten är stängd", " – the unit is closed"),
        "partner_absent" => T(" – työpari on poissa", " – arbetsparet är borta", " – the pair partner is away"),
        _ => "",
    };
    public string ErrorAbsenceField(string field) => field switch
    {
        "staffId" => T("Valitse työntekijä.", "Välj en anställd.", "Choose a staff member."),
        "from" => T("Anna ensimmäinen päivä.", "Ange den första dagen.", "Enter the first day."),
        "to" => T("Anna viimeinen päivä, aikaisintaan ensimmäisenä päivänä (enintään vuosi).",
            "Ange den sista dagen, tidigast den första dagen (högst ett år).", "Enter the last day, not before the first (at most a year)."),
        "fromTime" => T("Anna alkamisaika tai jätä molemmat kellonajat tyhjiksi.", "Ange starttiden eller lämna båda klockslagen tomma.",
            "Enter the start time, or leave both times empty."),
        _ => T("Anna päättymisaika, joka on alkamisajan jälkeen, tai jätä molemmat tyhjiksi.",
            "Ange en sluttid efter starttiden, eller lämna båda tomma.", "Enter an end time after the start time, or leave both empty."),
    };
}

// Saving an absence and the secretary's work list.
public sealed partial class Texts
{
    public string SaveAbsenceHint => T(
        "Tallennus poistaa ajat varattavista ajoista, antaa tapaamiset vapaille kollegoille (perheet saavat viestin) ja tekee muista työlistan.",
        "Sparandet tar bort tiderna från de bokningsbara, ger möten till lediga kolleger (familjerna får ett meddelande) och gör en arbetslista av resten.",
        "Saving takes the times off what can be booked, gives meetings to free colleagues (the families are emailed) and puts the rest on the work list.");
    public string SaveAbsenceAction => T("Tallenna poissaolo", "Spara frånvaron", "Save the absence");
    public string AbsenceWorkTitle => T("Poissaolojen työlista", "Arbetslista för frånvaro", "Work list for absences");
    public string AbsenceSavedNotice => T("Poissaolo on tallennettu.", "Frånvaron är sparad.", "The absence is saved.");
    public string NoAbsenceWork => T("Ei tallennettuja poissaoloja tai sulkemisia.", "Inga sparade frånvaron eller stängningar.", "No saved absences or closures.");
    public string AbsenceHeading(string? who, string from, string? to, string? hours)
    {
        var days = to is null ? from : $"{from} – {to}";
        var time = hours is null ? "" : $", {hours}";
        return who is null
            ? T($"Yksikkö suljettu: {days}{time}", $"Enheten stängd: {days}{time}", $"Unit closed: {days}{time}")
            : T($"{who} poissa: {days}{time}", $"{who} frånvarande: {days}{time}", $"{who} away: {days}{time}");
    }
    public string ColumnDone => T("Tehty", "Gjort", "Done");
    public string WorkHowLabel => T("Miten hoidettu", "Hur det sköttes", "How it was handled");
    public string MarkDoneAction => T("Merkitse tehdyksi", "Markera som gjord", "Mark done");
    public string WorkDoneRefused => T("Kohtaa ei voitu merkitä. Lataa sivu uudelleen.", "Posten kunde inte markeras. Ladda om sidan.",
        "The item could not be marked. Reload the page.");
    public string WorkDoneName(string how) => how switch
    {
        WorkDone.Reassigned => T("Annettu kollegalle", "Given till en kollega", "Given to a colleague"),
        WorkDone.Contacted => T("Perheeseen otettu yhteyttä", "Familjen kontaktad", "Family contacted"),
        WorkDone.Moved => T("Siirretty", "Flyttat", "Moved"),
        WorkDone.Cancelled => T("Peruttu", "Avbokat", "Cancelled"),
        WorkDone.Covered => T("Vuoro järjestetty", "Passet ordnat", "Duty covered"),
        WorkDone.NoLongerNeeded => T("Ei enää tarpeen (poissaolo peruttu)", "Behövs inte längre (frånvaron återkallad)",
            "No longer needed (absence withdrawn)"),
        _ => how,
    };
}

// The standing absences on the absences page and withdrawing one.
public sealed partial class Texts
{
    public string SavedAbsencesHeading => T("Voimassa olevat poissaolot ja sulkemiset", "Gällande frånvaro och stängningar",
        "Current and upcoming absences and closures");
    public string NoSavedAbsences => T("Ei voimassa olevia poissaoloja tai sulkemisia.", "Inga gällande frånvaron eller stängningar.",
        "No current or upcoming absences or closures.");
    public string WithdrawAbsenceHint => T(
        "Jos poissaolo tallennettiin vahingossa tai työntekijä palaa aiemmin, peru se: sen ajat ovat taas varattavissa (myös takaisinsoittoajat) ja sen avoimet työlistan kohdat merkitään tarpeettomiksi. Kollegalle jo annetut tai siirretyt tapaamiset pysyvät ennallaan.",
        "Om frånvaron sparades av misstag eller den anställda kommer tillbaka tidigare, återkalla den: tiderna kan bokas igen (också återuppringningstider) och de öppna posterna på arbetslistan markeras som onödiga. Möten som redan getts till en kollega eller flyttats förblir som de är.",
        "If the absence was entered by mistake or the person is back early, withdraw it: its hours can be booked again (call-back times too) and its open work items are marked no longer needed. Meetings already given to a colleague or moved stay as they are.");
    public string WithdrawConfirmLabel(string absence) => T($"Vahvistan, että peruutan: {absence}", $"Jag bekräftar att jag återkallar: {absence}",
        $"I confirm I withdraw: {absence}");
    public string WithdrawAbsenceAction => T("Peru poissaolo", "Återkalla frånvaron", "Withdraw the absence");
    public string ErrorWithdrawConfirm => T("Vahvista peruutus rastittamalla ruutu.", "Bekräfta återkallandet genom att kryssa i rutan.",
        "Tick the box to confirm the withdrawal.");
    public string WithdrawRefused => T("Poissaoloa ei voitu perua. Lataa sivu uudelleen.", "Frånvaron kunde inte återkallas. Ladda om sidan.",
        "The absence could not be withdrawn. Reload the page.");
    public string AbsenceWithdrawnNotice => T(
        "Poissaolo on peruttu: sen ajat ovat taas varattavissa, ja sen avoimet työlistan kohdat on merkitty tarpeettomiksi.",
        "Frånvaron är återkallad: tiderna kan bokas igen, och de öppna posterna på arbetslistan är markerade som onödiga.",
        "The absence is withdrawn: its hours can be booked again, and its open work items are marked no longer needed.");
    public string AbsenceWithdrawnAt(string when) => T($"Peruttu {when}.", $"Återkallad {when}.", $"Withdrawn {when}.");
}
