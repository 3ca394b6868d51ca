// Base of the public pages: the language's texts, links that respect the host's path base, and the query formats.
using Booking.Domain;
using Booking.Domain.Configuration;
using Booking.Kiosk.Localization;
using Microsoft.AspNetCore.Components;
using NodaTime;
using NodaTime.Text;

namespace Booking.Kiosk.Shared;

public abstract class KioskComponent : ComponentBase
{
    [CascadingParameter] public Texts T { get; set; } = Texts.Fi;

    /// <summary>A page's configuration before its read has finished. Blazor renders a page once as soon as its
    /// OnInitializedAsync first waits (a cold configuration cache does), and only the final render is sent; that first
    /// render must not fail on a configuration not yet read, so pages start from this empty one, never from null.</summary>
    protected static readonly UnitConfiguration NotLoaded = new(Guid.Empty, "", "Europe/Helsinki", [], [], [], []);

    [Inject] protected NavigationManager Nav { get; set; } = default!;

    /// <summary>An absolute path under the host's path base, with query parameters (null values are left out).</summary>
    protected string Href(string relative, params (string Name, string? Value)[] query) => Links.Href(Nav, relative, query);

    /// <summary>The current page's address with a fragment: needed because a bare "#id" would resolve against the base href.</summary>
    protected string Here(string fragment) => Links.Here(Nav, fragment);
}

public static class Links
{
    private static readonly LocalDateTimePattern StartPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public static string Href(NavigationManager nav, string relative, params (string Name, string? Value)[] query)
    {
        var path = new Uri(nav.BaseUri).AbsolutePath + relative.TrimStart('/');
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value))
            .Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    public static string Here(NavigationManager nav, string fragment)
    {
        var uri = new Uri(nav.Uri);
        return $"{uri.AbsolutePath}{uri.Query}#{fragment}";
    }

    public static string Start(LocalDateTime start) => StartPattern.Format(start);

    public static LocalDateTime? ParseStart(string? value) =>
        value is null ? null : StartPattern.Parse(value) is { Success: true } r && ClientInput.IsServiceYear(r.Value.Year) ? r.Value : null;

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static LocalDate? ParseDate(string? value) =>
        value is null ? null : LocalDatePattern.Iso.Parse(value) is { Success: true } r && ClientInput.IsServiceYear(r.Value.Year) ? r.Value : null;

    /// <summary>The ISO date-time for a &lt;time datetime&gt; attribute.</summary>
    public static string Machine(LocalDateTime value) => LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Format(value);

    public static string Machine(LocalDate value) => LocalDatePattern.Iso.Format(value);

    public static Booking.Domain.Configuration.Modality? ParseModality(string? value) => value?.ToLowerInvariant() switch
    {
        "inperson" or "in-person" or "in_person" => Booking.Domain.Configuration.Modality.InPerson,
        "video" => Booking.Domain.Configuration.Modality.Video,
        "phone" => Booking.Domain.Configuration.Modality.Phone,
        _ => null,
    };

    public static string ModalityCode(Booking.Domain.Configuration.Modality modality) => modality switch
    {
        Booking.Domain.Configuration.Modality.Video => "video",
        Booking.Domain.Configuration.Modality.Phone => "phone",
        _ => "in-person",
    };
}
