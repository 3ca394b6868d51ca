// The manager's staff page in Finnish, Swedish and English.
using Booking.Domain.Configuration;

namespace Booking.Kiosk.Localization;

public sealed partial class Texts
{
    public string SettingsStaffLink => T("Henkilöstö", "Personal", "Staff");
    public string SettingsStaffIntro => T(
        "Yksikön työntekijät ja yhteistyökumppaneiden ammattilaiset, joita tapaamisiin voi liittää. Henkilöä ei poisteta, koska tapaamiset ja historia viittaavat häneen: poista valinta ”Mukana”, niin häntä ei enää tarjota uusiin aikoihin. Rooli valitaan lisättäessä. Kirjautumistilit avataan Käyttäjätilit-sivulla.",
        "Enhetens anställda och samarbetspartners yrkespersoner som kan knytas till möten. En person tas inte bort eftersom möten och historik hänvisar till hen: avmarkera ”Med”, så erbjuds hen inte längre för nya tider. Rollen väljs när personen läggs till. Inloggningskonton öppnas på sidan Användarkonton.",
        "The unit's staff and partner services' professionals who can take part in meetings. A person is not removed, because meetings and history refer to them: untick \"Included\" and they are no longer offered for new times. The role is chosen when adding. Sign-in accounts are opened on the Staff accounts page.");
    public string SettingsColumnName => T("Nimi", "Namn", "Name");
    public string SettingsColumnRole => T("Rooli", "Roll", "Role");
    public string SettingsColumnPartnerService => T("Yhteistyöpalvelu (valinnainen)", "Samarbetstjänst (valfritt)", "Partner service (optional)");
    public string SettingsColumnActive => T("Mukana", "Med", "Included");

    public string SettingsRole(StaffRole role) => role switch
    {
        StaffRole.ChildSupervisor => T("Lastenvalvoja", "Barnatillsyningsman", "Child supervisor"),
        StaffRole.Secretary => T("Toimistosihteeri", "Byråsekreterare", "Office secretary"),
        StaffRole.Manager => T("Esihenkilö", "Chef", "Manager"),
        _ => T("Yhteistyökumppanin ammattilainen", "Samarbetspartners yrkesperson", "Partner professional"),
    };

    public string SettingsErrorStaffName => T("Kirjoita nimi yhdelle riville, enintään 80 merkkiä.", "Skriv namnet på en rad, högst 80 tecken.",
        "Write the name on one line, at most 80 characters.");
    public string SettingsErrorPartnerService => T("Kirjoita palvelu yhdelle riville, enintään 80 merkkiä, tai jätä tyhjäksi.",
        "Skriv tjänsten på en rad, högst 80 tecken, eller lämna tomt.", "Write the service on one line, at most 80 characters, or leave it empty.");
    public string SettingsErrorStaffInUse => T("Henkilöllä on vielä viikkoaikoja, sulkuja tai päivystyksiä; poista ne ensin tai jätä hänet mukaan.",
        "Personen har ännu veckotider, stängningar eller jourer; ta bort dem först eller låt personen vara med.",
        "The person still has weekly hours, closures or duties; remove those first or keep them included.");
}
