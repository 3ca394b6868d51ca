// The manager's walk-in settings page in Finnish, Swedish and English.
namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string SettingsWalkInLink => T("Avoin vastaanotto", "Öppen mottagning", "Walk-in reception");
    public string SettingsWalkInIntro => T(
        "Viikonpäivä ja kellonajat, jolloin asiakkaat voivat tulla ilman ajanvarausta, arvioitu käynnin kesto, kuinka kauan kutsuttua numeroa odotetaan ja ketkä päivystävät missäkin huoneessa.",
        "Veckodagen och tiden då klienter kan komma utan tidsbokning, ett besöks beräknade längd, hur länge ett uppropat nummer väntas och vem som har jour i vilket rum.",
        "The weekday and hours clients may come without booking, the expected length of a visit, how long a called number is waited for, and who is on duty in which room.");
    public string SettingsWalkInDay => T("Viikonpäivä", "Veckodag", "Weekday");
    public string SettingsWalkInVisit => T("Käynnin arvioitu kesto minuutteina (5–120)", "Besökets beräknade längd i minuter (5–120)",
        "Expected length of a visit in minutes (5–120)");
    public string SettingsWalkInGrace => T("Kutsutun numeron odotusaika minuutteina (0–60)", "Väntetid för ett uppropat nummer i minuter (0–60)",
        "Minutes a called number is waited for (0–60)");
    public string SettingsWalkInDutyHeading => T("Päivystäjät ja huoneet", "Jourhavande och rum", "On duty and rooms");
    public string SettingsColumnOnDuty => T("Päivystää", "Har jour", "On duty");
    public string SettingsColumnRoom => T("Huone", "Rum", "Room");
    public string SettingsErrorWalkInEnds => T("Vastaanoton on päätyttävä alkamisensa jälkeen.", "Mottagningen måste sluta efter att den börjar.",
        "The reception must end after it starts.");
    public string SettingsErrorWalkInVisit => T("Keston on oltava 5–120 minuuttia.", "Längden måste vara 5–120 minuter.", "The length must be 5 to 120 minutes.");
    public string SettingsErrorWalkInGrace => T("Odotusajan on oltava 0–60 minuuttia.", "Väntetiden måste vara 0–60 minuter.", "The wait must be 0 to 60 minutes.");
    public string SettingsErrorRoom => T("Kirjoita huone yhdelle riville, enintään 40 merkkiä.", "Skriv rummet på en rad, högst 40 tecken.",
        "Write the room on one line, at most 40 characters.");
}
