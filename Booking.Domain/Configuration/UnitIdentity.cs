// Who the unit is and where to come: the visiting address(es), the phone, the email, the municipality's page and the
// logo, plus the few texts of the privacy notice and the accessibility statement that differ from unit to unit.
// Shown on every public page's footer, on the confirmation page, in emails, in the .ics LOCATION, on /walk-in and the kiosk.
using NodaTime;

namespace Booking.Domain.Configuration;

/// <summary>One place clients come to, with how to find it and how accessible it is.</summary>
public sealed record VisitingAddress(
    string Street,
    string PostalCode,
    string City,
    LocalizedText Directions,
    LocalizedText Accessibility,
    LocalizedText? Label = null)
{
    /// <summary>"Street 1, 06100 Porvoo": the form for a line of text and the .ics LOCATION.</summary>
    public string OneLine => $"{Street}, {PostalCode} {City}";
}

/// <summary>The unit's contact details and the per-unit parts of its legal pages.</summary>
public sealed record UnitIdentity(
    IReadOnlyList<VisitingAddress> Addresses,
    string Phone,
    string Email,
    string? MunicipalityUrl = null,
    string? LogoUrl = null,
    UnitLegal? Legal = null)
{
    /// <summary>The first address: the one used for in-person meetings.</summary>
    public VisitingAddress? MainAddress => Addresses.Count > 0 ? Addresses[0] : null;

    [System.Text.Json.Serialization.JsonIgnore]
    public UnitLegal LegalOrDefault => Legal ?? UnitLegal.Default;

    /// <summary>What a unit shows before it has configured its identity: nothing made up, only the configured phone.</summary>
    public static UnitIdentity Empty(string? phone) => new([], phone ?? "", "");
}

/// <summary>The texts of the privacy notice and the accessibility statement that a unit sets for itself.</summary>
public sealed record UnitLegal(
    LocalizedText Controller,
    string DataProtectionOfficer,
    LocalizedText KnownGaps,
    LocalDate StatementDate,
    string? AccessibilityFeedbackEmail = null)
{
    public static UnitLegal Default { get; } = new(
        new("Kunnan sosiaali- ja terveyslautakunta", "Kommunens social- och hälsovårdsnämnd", "The municipality's social and health committee"),
        "",
        new("Ei tiedossa olevia puutteita.", "Inga kända brister.", "No known gaps."),
        new LocalDate(2026, 12, 1));
}
