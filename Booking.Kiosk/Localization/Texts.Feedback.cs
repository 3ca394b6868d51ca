// Feedback in the room in Finnish, Swedish and English: the parent's questions and the child's simpler ones, and the
// supervisor's QR code.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string FeedbackTitle(bool child) => child
        ? T("Kerro, miltä käynti tuntui", "Berätta hur besöket kändes", "Tell us how the visit felt")
        : T("Palaute tapaamisesta", "Respons på mötet", "Feedback on the meeting");
    public string RoomFeedbackIntro(bool child, bool fourQuestions = false) => child
        ? T("Valitse jokaiseen kysymykseen naama. Kukaan ei näe, mitä sinä vastasit.",
            "Välj ett ansikte för varje fråga. Ingen ser vad just du svarade.",
            "Choose a face for each question. No one sees what you answered.")
        : fourQuestions
            ? T("Neljä kysymystä, alle minuutti. Vastaus on nimetön: sitä ei yhdistetä teihin eikä tapaamiseen.",
                "Fyra frågor, under en minut. Svaret är anonymt: det kopplas inte till er eller till mötet.",
                "Four questions, under a minute. Your answer is anonymous: it is not linked to you or to the meeting.")
            : T("Kolme kysymystä, alle minuutti. Vastaus on nimetön: sitä ei yhdistetä teihin eikä tapaamiseen.",
                "Tre frågor, under en minut. Svaret är anonymt: det kopplas inte till er eller till mötet.",
                "Three questions, under a minute. Your answer is anonymous: it is not linked to you or to the meeting.");
    public string FeedbackQuestion(string question, bool child) => (question, child) switch
    {
        ("heard", false) => T("Tulitteko kuulluksi?", "Blev ni hörda?", "Were you listened to?"),
        ("understood", false) => T("Saitteko selkeää tietoa?", "Fick ni tydlig information?", "Was the information clear?"),
        ("helped", false) => T("Oliko tapaamisesta apua lapsen asioissa?", "Var mötet till hjälp i barnets ärenden?", "Did the meeting help with your child's matters?"),
        ("heard", true) => T("Kuunneltiinko sinua?", "Lyssnade de på dig?", "Did they listen to you?"),
        ("understood", true) => T("Ymmärsitkö, mistä puhuttiin?", "Förstod du vad vi pratade om?", "Did you understand what we talked about?"),
        ("agree", _) => FeedbackAgreeQuestion,
        _ => T("Oliko täällä hyvä olla?", "Kändes det bra att vara här?", "Did it feel good to be here?"),
    };
    public string FeedbackFace(int score) => score switch
    {
        1 => T("1 – Huonosti", "1 – Dåligt", "1 – Badly"),
        2 => T("2 – Melko huonosti", "2 – Ganska dåligt", "2 – Rather badly"),
        3 => T("3 – Siltä väliltä", "3 – Mittemellan", "3 – In between"),
        4 => T("4 – Melko hyvin", "4 – Ganska bra", "4 – Rather well"),
        _ => T("5 – Hyvin", "5 – Bra", "5 – Well"),
    };
    public string FeedbackCommentLabel(bool child) => child
        ? T("Haluatko sanoa vielä jotain? (vapaaehtoinen)", "Vill du säga något mer? (frivilligt)", "Anything else you want to say? (optional)")
        : T("Kommentti (vapaaehtoinen)", "Kommentar (frivillig)", "Comment (optional)");
    public string FeedbackNoNames => T("Älä kirjoita nimiä äläkä muita tietoja, joista sinut tai lapsi tunnistetaan.",
        "Skriv inte namn eller annat som gör att du eller barnet kan kännas igen.",
        "Do not write names or anything else by which you or the child could be recognised.");
    public string RoomFeedbackSend => T("Lähetä", "Skicka", "Send");
    public string FeedbackChildLink => T("Lapsen versio", "Version för barn", "Version for a child");
    public string FeedbackParentLink => T("Aikuisen versio", "Version för vuxna", "Version for an adult");
    public string FeedbackThanksTitle => T("Kiitos palautteesta!", "Tack för responsen!", "Thank you for your feedback!");
    public string RoomFeedbackThanks => T("Vastauksesi tallennettiin nimettömänä. Voit sulkea sivun.", "Ditt svar sparades anonymt. Du kan stänga sidan.",
        "Your answer was saved anonymously. You can close the page.");
    public string FeedbackGoneTitle => T("Palautekoodi ei enää toimi", "Responskoden fungerar inte längre", "The feedback code no longer works");
    public string FeedbackGone => T("Koodilla on jo vastattu, tai se on vanhentunut. Jokainen koodi toimii kerran ja kaksi tuntia.",
        "Koden har redan använts eller har gått ut. Varje kod fungerar en gång och i två timmar.",
        "The code has already been used or has expired. Each code works once, for two hours.");
    public string FeedbackNotFoundTitle => T("Palautekoodia ei löydy", "Responskoden hittas inte", "No such feedback code");
    public string FeedbackNotFound => T("Tarkista osoite tai pyydä lastenvalvojalta uusi koodi.", "Kontrollera adressen eller be barnatillsyningsmannen om en ny kod.",
        "Check the address or ask the child supervisor for a new code.");
    public string FeedbackChooseFace => T("Valitse yksi naamoista.", "Välj ett av ansiktena.", "Choose one of the faces.");
    public string FeedbackCommentError => T("Kommentti on liian pitkä (enintään 1000 merkkiä) tai siinä on merkkejä, joita ei voi tallentaa.",
        "Kommentaren är för lång (högst 1000 tecken) eller innehåller tecken som inte kan sparas.",
        "The comment is too long (at most 1000 characters) or has characters that cannot be saved.");

    // The supervisor's side: the QR code on the day page.
    public string FeedbackShowQr => T("Näytä palautteen QR-koodi", "Visa responsens QR-kod", "Show the feedback QR code");
    public string FeedbackQrHeading => T("Palaute: skannaa koodi puhelimella", "Respons: skanna koden med telefonen", "Feedback: scan the code with a phone");
    public string FeedbackQrAlt => T("QR-koodi palautesivulle", "QR-kod till responssidan", "QR code for the feedback page");
    public string FeedbackQrExpires(string time) => T($"Koodi toimii kerran, klo {time} asti. Lapselle: valitse sivulta ”Lapsen versio”.",
        $"Koden fungerar en gång, till kl. {time}. För ett barn: välj ”Version för barn” på sidan.",
        $"The code works once, until {time}. For a child: choose \"Version for a child\" on the page.");
}
