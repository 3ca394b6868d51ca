// The manager's phone settings page (phone hours and number, call-back windows) and info-link catalogue page in Finnish,
// Swedish and English.
using Booking.Domain.Configuration;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string SettingsPhoneLink => T("Puhelinajat ja soittoajat", "Telefontider och återuppringningstider", "Phone hours and call-back times");
    public string SettingsPhoneIntro => T(
        "Toimistosihteerin puhelinajat ja numero näkyvät etusivulla, soittoaikasivulla ja aulan kioskilla. Soittoajoista vanhemmat varaavat ajan, jolloin lastenvalvoja soittaa heille. Tyhjät rivit lisäävät uuden rivin.",
        "Byråsekreterarens telefontider och nummer visas på startsidan, på sidan för återuppringning och på kiosken i entrén. Under återuppringningstiderna bokar föräldrar en tid då barnatillsyningsmannen ringer dem. Tomma rader lägger till en ny rad.",
        "The office secretary's phone hours and number show on the start page, the call-back page and the lobby kiosk. In the call-back windows parents reserve a time for a child supervisor to phone them. Empty rows add a new row.");
    public string SettingsPhoneHoursHeading => T("Toimistosihteerin puhelinajat", "Byråsekreterarens telefontider", "The office secretary's phone hours");
    public string SettingsCallBacksHeading => T("Soittoajat", "Återuppringningstider", "Call-back windows");
    public string SettingsCallBacksIntro => T(
        "Soittoaika ei saa osua lastenvalvojan varattaviin aikoihin eikä toiseen hänen soittoaikaansa. Pyhäpäivinä, sulkupäivinä ja poissaoloina soittoaikoja ei tarjota.",
        "En återuppringningstid får inte överlappa barnatillsyningsmannens bokningsbara tider eller en annan av hans eller hennes återuppringningstider. På helgdagar, stängda dagar och vid frånvaro erbjuds inga tider.",
        "A window must not overlap the supervisor's bookable hours or another of their windows. No times are offered on public holidays, closures or absences.");
    public string SettingsCallBackSlotLabel => T("Yhden soittoajan pituus minuutteina (5–60)", "En återuppringningstids längd i minuter (5–60)",
        "Length of one call-back in minutes (5–60)");
    public string SettingsCallBackRetryLabel => T("Uusintasoitto aikaisintaan minuutin päästä (0–240)", "Nytt försök tidigast efter minuter (0–240)",
        "Minutes before the one retry call (0–240)");
    public string SettingsColumnSupervisor => T("Lastenvalvoja", "Barnatillsyningsman", "Child supervisor");
    public string SettingsPhoneRow(int row) => T($"puhelinaika {row}", $"telefontid {row}", $"phone hours {row}");
    public string SettingsWindowRow(int row) => T($"soittoaika {row}", $"återuppringningstid {row}", $"call-back window {row}");
    public string SettingsErrorPhoneBlockOverlap => T("Puhelinaika osuu saman viikonpäivän toisen puhelinajan päälle.",
        "Telefontiden överlappar en annan telefontid samma veckodag.", "These phone hours overlap other phone hours on the same weekday.");
    public string SettingsErrorWindowSupervisor => T("Valitse yksikön lastenvalvoja.", "Välj en barnatillsyningsman vid enheten.",
        "Choose a child supervisor of the unit.");
    public string SettingsErrorWindowEnds => T("Soittoajan on päätyttävä alkamisensa jälkeen.", "Återuppringningstiden måste sluta efter att den börjar.",
        "A call-back window must end after it starts.");
    public string SettingsErrorWindowOverlapsHours => T("Soittoaika osuu lastenvalvojan varattavien aikojen päälle.",
        "Återuppringningstiden överlappar barnatillsyningsmannens bokningsbara tider.", "The window overlaps the supervisor's bookable hours.");
    public string SettingsErrorWindowOverlapsWindow => T("Soittoaika osuu saman lastenvalvojan toisen soittoajan päälle.",
        "Återuppringningstiden överlappar en annan återuppringningstid för samma barnatillsyningsman.",
        "The window overlaps another call-back window of the same supervisor.");
    public string SettingsErrorCallBackSlot => T("Soittoajan pituuden on oltava 5–60 minuuttia.", "Längden måste vara 5–60 minuter.",
        "The length must be 5 to 60 minutes.");
    public string SettingsErrorCallBackRetry => T("Uusintasoiton odotuksen on oltava 0–240 minuuttia.", "Väntan före nytt försök måste vara 0–240 minuter.",
        "The wait before the retry must be 0 to 240 minutes.");
}

public sealed partial class Texts
{
    public string SettingsInfoLinksLink => T("Tietolinkit ja valmistautumisohjeet", "Informationslänkar och förberedelser", "Info links and preparation notes");
    public string SettingsInfoLinksIntro => T(
        "Linkit ja ohjeet lähtevät vahvistusten ja muistutusten mukana tapaamislajin mukaan, ja toimistosihteeri voi lähettää ne perheelle. Tyhjä osio lisää linkin; rasti poistaa linkin.",
        "Länkarna och anvisningarna skickas med bekräftelser och påminnelser enligt mötestyp, och byråsekreteraren kan skicka dem till en familj. En tom del lägger till en länk; en bock tar bort en länk.",
        "Links and notes go with confirmations and reminders by kind of meeting, and the office secretary can send them to a family. The empty section adds a link; a tick removes one.");
    public string SettingsInfoLinksNone => T("Luettelossa ei ole linkkejä.", "Katalogen har inga länkar.", "The catalogue has no links.");
    public string SettingsInfoLinkNew => T("Uusi linkki (valinnainen)", "Ny länk (valfritt)", "A new link (optional)");
    public string SettingsInfoLinkMatter => T("Tapaamislaji", "Mötestyp", "Kind of meeting");
    public string SettingsInfoLinkAll => T("Kaikki tapaamiset", "Alla möten", "All meetings");
    public string SettingsInfoLinkTitle(string language) => language switch
    {
        "sv" => T("Otsikko ruotsiksi", "Rubrik på svenska", "Title in Swedish"),
        "en" => T("Otsikko englanniksi", "Rubrik på engelska", "Title in English"),
        _ => T("Otsikko suomeksi", "Rubrik på finska", "Title in Finnish"),
    };
    public string SettingsInfoLinkNote(string language) => language switch
    {
        "sv" => T("Ohje ruotsiksi (valinnainen)", "Anvisning på svenska (valfritt)", "Note in Swedish (optional)"),
        "en" => T("Ohje englanniksi (valinnainen)", "Anvisning på engelska (valfritt)", "Note in English (optional)"),
        _ => T("Ohje suomeksi (valinnainen)", "Anvisning på finska (valfritt)", "Note in Finnish (optional)"),
    };
    public string SettingsInfoLinkUrl => T("Osoite", "Adress", "Address");
    public string SettingsInfoLinkUrlHint => T("Koko osoite, joka alkaa https:// (tai http://).", "Hela adressen som börjar med https:// (eller http://).",
        "The whole address, starting with https:// (or http://).");
    public string SettingsInfoLinkRemove => T("Poista tämä linkki", "Ta bort länken", "Remove this link");
    public string SettingsErrorInfoLinkTitle => T("Kirjoita otsikko yhdelle riville, enintään 120 merkkiä.", "Skriv rubriken på en rad, högst 120 tecken.",
        "Write the title on one line, at most 120 characters.");
    public string SettingsErrorInfoLinkUrl => T("Anna koko osoite, joka alkaa https:// tai http:// (ei välilyöntejä).",
        "Ange hela adressen som börjar med https:// eller http:// (utan mellanslag).", "Give the whole address starting with https:// or http:// (no spaces).");
    public string SettingsErrorInfoLinkNote => T("Ohjeessa voi olla enintään 1 000 merkkiä.", "Anvisningen får ha högst 1 000 tecken.",
        "A note may have at most 1,000 characters.");
    public string SettingsErrorInfoLinkMatter => T("Valitse tapaamislaji.", "Välj en mötestyp.", "Choose a kind of meeting.");

    public string SettingsInfoLinksSection => T("tietolinkit", "informationslänkar", "info links");
    public string SettingsInfoLinksVersion(int version) => T($"linkit {version}", $"länkar {version}", $"links {version}");

    public string SettingsInfoLinkChange(InfoLinkChange change)
    {
        var title = change.Title.In(Language);
        return change.Kind switch
        {
            InfoLinkChangeKind.Added => T($"lisätty ”{title}”", $"tillagd ”{title}”", $"added “{title}”"),
            InfoLinkChangeKind.Removed => T($"poistettu ”{title}”", $"borttagen ”{title}”", $"removed “{title}”"),
            _ => T($"muutettu ”{title}”", $"ändrad ”{title}”", $"changed “{title}”"),
        };
    }

    public string SettingsInfoLinkChanges(IReadOnlyList<InfoLinkChange> changes) =>
        $"{SettingsInfoLinksSection}: " + (changes.Count == 0 ? T("ei muutoksia", "inga ändringar", "no changes") : string.Join(", ", changes.Select(SettingsInfoLinkChange)));
}
