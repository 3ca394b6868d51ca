// The SMS settings, read once at start-up: with no Sms:GatewayUrl, messages go to a pickup folder as text files
// (development, like the emails); with one, to an HTTP SMS gateway. A setting that could never work stops the start-up
// with a message naming it.
using System.Net;

namespace Booking.Api.Notifications.Sms;

public sealed class SmsSettings
{
    /// <summary>The gateway's send address (POST, JSON); null writes to <see cref="PickupDirectory"/>.</summary>
    public Uri? GatewayUrl { get; init; }
    public string? UserName { get; init; }
    public string? Password { get; init; }
    /// <summary>Sent as a bearer token when set (instead of UserName/Password).</summary>
    public string? ApiKey { get; init; }
    /// <summary>Who the message says it is from: up to 11 letters and digits, or a phone number.</summary>
    public string SenderId { get; init; } = "Perheoikeus";
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public string PickupDirectory { get; init; } = Path.GetFullPath(Path.Combine("pickup", "sms"));
    /// <summary>The country code put in front of a national number (040 ... becomes +35840 ...).</summary>
    public string CountryCode { get; init; } = "+358";
    public int MaxAttempts { get; init; } = 8;

    public bool UsesGateway => GatewayUrl is not null;

    public static SmsSettings From(IConfiguration c)
    {
        var defaults = new SmsSettings();
        Uri? url = null;
        if (c["Sms:GatewayUrl"] is { Length: > 0 } raw && (!Uri.TryCreate(raw, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
            throw new InvalidOperationException("Sms:GatewayUrl must be an absolute http or https address.");
        var settings = new SmsSettings
        {
            GatewayUrl = url,
            UserName = c["Sms:UserName"],
            Password = c["Sms:Password"],
            ApiKey = c["Sms:ApiKey"],
            SenderId = c["Sms:SenderId"] is { Length: > 0 } sender ? sender.Trim() : defaults.SenderId,
            Timeout = c.GetValue<double?>("Sms:TimeoutSeconds") is { } s ? TimeSpan.FromSeconds(s) : defaults.Timeout,
            // Beside the emails by default (their folder's sms/), so a test or a developer finds both in one place.
            PickupDirectory = c["Sms:PickupDirectory"] is { Length: > 0 } pickup ? Path.GetFullPath(pickup)
                : c["Smtp:PickupDirectory"] is { Length: > 0 } emails ? Path.GetFullPath(Path.Combine(emails, "sms")) : defaults.PickupDirectory,
            CountryCode = c["Sms:CountryCode"] is { Length: > 0 } code ? code.Trim() : defaults.CountryCode,
            MaxAttempts = c.GetValue("Sms:MaxAttempts", defaults.MaxAttempts),
        };
        settings.Validate();
        return settings;
    }

    public void Validate()
    {
        var alphanumeric = SenderId.Length is >= 1 and <= 11 && SenderId.All(char.IsAsciiLetterOrDigit);
        var number = SenderId.StartsWith('+') && SenderId.Length is >= 7 and <= 16 && SenderId[1..].All(char.IsAsciiDigit);
        if (!alphanumeric && !number)
            throw new InvalidOperationException("Sms:SenderId must be 1 to 11 letters and digits, or a phone number like +358401234567.");
        if (Timeout <= TimeSpan.Zero) throw new InvalidOperationException("Sms:TimeoutSeconds must be more than zero.");
        if (MaxAttempts < 1) throw new InvalidOperationException("Sms:MaxAttempts must be at least 1.");
        if (!CountryCode.StartsWith('+') || CountryCode.Length < 2 || !CountryCode[1..].All(char.IsAsciiDigit))
            throw new InvalidOperationException("Sms:CountryCode must look like +358.");
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
            throw new InvalidOperationException("Sms:UserName and Sms:Password are set together or not at all.");
        // Credentials cross the network only encrypted; a gateway on this machine is the one exception.
        var signsIn = !string.IsNullOrEmpty(UserName) || !string.IsNullOrEmpty(ApiKey);
        if (GatewayUrl is { Scheme: "http" } http && signsIn && !IsLoopback(http.Host))
            throw new InvalidOperationException($"Sms:GatewayUrl must use https when it signs in ({http.Host} is not this machine).");
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
