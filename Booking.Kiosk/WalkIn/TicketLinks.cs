// The walk-in ticket's code and phone link: the code is made here (the domain makes no randomness), the link is absolute
// so that a phone can open it from the QR code.
using Booking.Domain;
using System.Buffers.Text;
using System.Security.Cryptography;
using Booking.Domain.Configuration;
using Booking.Kiosk.Localization;
using Microsoft.AspNetCore.Components;
using QRCoder;

namespace Booking.Kiosk.WalkIn;

public static class TicketLinks
{
    /// <summary>16 random bytes, base64url: unguessable, and it is the only key to the phone page.</summary>
    public static string NewCode() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A code as <see cref="NewCode"/> makes them (22 base64url characters).</summary>
    public static bool IsCode(string? value) =>
        value is { Length: 22 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The phone page's absolute address (scheme, host and path base of this request), in the ticket's language.</summary>
    public static string PhoneUrl(NavigationManager nav, string code, Language language) =>
        $"{nav.BaseUri}walk-in/t/{Uri.EscapeDataString(code)}?{Languages.QueryName}={Languages.CodeOf(language)}";

    /// <summary>The absolute address of a public page in a language, for a QR code a client reads with a phone.</summary>
    public static string PublicUrl(NavigationManager nav, string relative, Language language) =>
        $"{nav.BaseUri}{relative.TrimStart('/')}?{Languages.QueryName}={Languages.CodeOf(language)}";

    /// <summary>An address to type on a phone: no scheme, no trailing slash ("perheoikeus.example.fi/book"). The kiosk shows
    /// this as text, never as a link, so that no touch leaves kiosk mode.</summary>
    public static string ShortAddress(string url)
    {
        var shortened = url;
        foreach (var scheme in new[] { "https://", "http://" })
            if (shortened.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) shortened = shortened[scheme.Length..];
        return shortened.TrimEnd('/');
    }

    /// <summary>The QR code of <paramref name="url"/> as a PNG data URI (the CSP allows data: images).</summary>
    public static string QrDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8, [0, 0, 0], [255, 255, 255], drawQuietZones: true);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
