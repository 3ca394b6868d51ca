// The email settings, read once at start-up: where mail goes (SMTP or a pickup folder), the public address of the
// manage links, and the sender's timings (tests shorten them). A wrong SMTP setting stops the start-up with a message
// that names it, rather than failing every message later.
using System.Net;
using MailKit.Security;

namespace Booking.Api.Notifications;

public sealed class EmailSettings
{
    /// <summary>The address clients reach the service at; manage links are absolute URLs under it.</summary>
    public string PublicBaseUrl { get; init; } = "http://127.0.0.1:5080";

    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 25;
    public SecureSocketOptions SmtpSecurity { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? SmtpUserName { get; init; }
    public string? SmtpPassword { get; init; }
    public string FromAddress { get; init; } = "perheoikeus@booking.local";
    public TimeSpan SmtpConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan SmtpSendTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>With no SMTP host, messages are written here as .eml files (development).</summary>
    public string PickupDirectory { get; init; } = Path.GetFullPath("pickup");

    /// <summary>Local hour on the day before a meeting when its reminder is queued.</summary>
    public int ReminderHour { get; init; } = 12;

    public bool Enabled { get; init; } = true;
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan LockRetryInterval { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryCap { get; init; } = TimeSpan.FromMinutes(30);
    public int MaxAttempts { get; init; } = 10;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
    public bool SignsIn => !string.IsNullOrEmpty(SmtpUserName);

    /// <summary>The security modes a manager may choose; MailKit's Auto is left out, as it hides which one is in use.</summary>
    public static readonly IReadOnlyList<SecureSocketOptions> SecurityModes =
        [SecureSocketOptions.None, SecureSocketOptions.StartTls, SecureSocketOptions.StartTlsWhenAvailable, SecureSocketOptions.SslOnConnect];

    public static EmailSettings From(IConfiguration c)
    {
        var defaults = new EmailSettings();
        TimeSpan Seconds(string key, TimeSpan fallback) =>
            c.GetValue<double?>(key) is { } s ? TimeSpan.FromSeconds(s) : fallback;
        var security = Security(c["Smtp:Security"], c.GetValue("Smtp:EnableSsl", false));
        // Smtp:TimeoutSeconds, the older single setting, still sets both.
        var timeout = c.GetValue<double?>("Smtp:TimeoutSeconds") is { } both ? TimeSpan.FromSeconds(both) : (TimeSpan?)null;
        var settings = new EmailSettings
        {
            PublicBaseUrl = (c["PublicBaseUrl"] is { Length: > 0 } url ? url : defaults.PublicBaseUrl).TrimEnd('/'),
            SmtpHost = c["Smtp:Host"],
            SmtpPort = c.GetValue("Smtp:Port", security == SecureSocketOptions.SslOnConnect ? 465 : defaults.SmtpPort),
            SmtpSecurity = security,
            SmtpUserName = c["Smtp:UserName"],
            SmtpPassword = c["Smtp:Password"],
            FromAddress = c["Smtp:From"] is { Length: > 0 } from ? from : defaults.FromAddress,
            SmtpConnectTimeout = Seconds("Smtp:ConnectTimeoutSeconds", timeout ?? defaults.SmtpConnectTimeout),
            SmtpSendTimeout = Seconds("Smtp:SendTimeoutSeconds", timeout ?? defaults.SmtpSendTimeout),
            PickupDirectory = c["Smtp:PickupDirectory"] is { Length: > 0 } pickup ? Path.GetFullPath(pickup) : defaults.PickupDirectory,
            ReminderHour = c.GetValue("Email:ReminderHour", defaults.ReminderHour),
            Enabled = c.GetValue("Email:Enabled", true),
            PollInterval = Seconds("Email:PollIntervalSeconds", defaults.PollInterval),
            LockRetryInterval = Seconds("Email:LockRetrySeconds", defaults.LockRetryInterval),
            RetryBase = Seconds("Email:RetryBaseSeconds", defaults.RetryBase),
            RetryCap = Seconds("Email:RetryCapSeconds", defaults.RetryCap),
            MaxAttempts = c.GetValue("Email:MaxAttempts", defaults.MaxAttempts),
        };
        settings.Validate();
        return settings;
    }

    private static SecureSocketOptions Security(string? value, bool legacyEnableSsl)
    {
        // Smtp:EnableSsl meant STARTTLS for System.Net.Mail, which the service used before.
        if (string.IsNullOrWhiteSpace(value)) return legacyEnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable;
        if (Enum.TryParse<SecureSocketOptions>(value.Trim(), ignoreCase: true, out var mode) && SecurityModes.Contains(mode)
            && !int.TryParse(value, out _))
            return mode;
        throw new InvalidOperationException(
            $"Smtp:Security '{value}' is not one of {string.Join(", ", SecurityModes)}.");
    }

    /// <summary>Refuses settings that could never send, or would send the SMTP password where it can be read on the way.</summary>
    public void Validate()
    {
        if (!UsesSmtp) return;
        if (SmtpPort is < 1 or > 65535) throw new InvalidOperationException($"Smtp:Port {SmtpPort} is not a TCP port (1-65535).");
        if (SmtpConnectTimeout <= TimeSpan.Zero || SmtpSendTimeout <= TimeSpan.Zero)
            throw new InvalidOperationException("Smtp:ConnectTimeoutSeconds and Smtp:SendTimeoutSeconds must be more than zero.");
        if (SignsIn && string.IsNullOrEmpty(SmtpPassword))
            throw new InvalidOperationException("Smtp:UserName is set but Smtp:Password is not.");
        if (!SignsIn && !string.IsNullOrEmpty(SmtpPassword))
            throw new InvalidOperationException("Smtp:Password is set but Smtp:UserName is not.");
        // Only StartTls and SslOnConnect guarantee encryption; a relay on this machine is the one place a clear text
        // sign-in never crosses a network.
        if (SignsIn && SmtpSecurity is not (SecureSocketOptions.StartTls or SecureSocketOptions.SslOnConnect) && !IsLoopback(SmtpHost!))
            throw new InvalidOperationException(
                $"Signing in to {SmtpHost} needs Smtp:Security StartTls or SslOnConnect, so the password is never sent unencrypted.");
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Exponential backoff with jitter: half the step fixed, half random, so instances do not retry in lockstep.</summary>
    public TimeSpan Backoff(int attemptsSoFar, double random)
    {
        var step = RetryBase.TotalMilliseconds * Math.Pow(2, Math.Max(0, attemptsSoFar - 1));
        var capped = Math.Min(step, RetryCap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * random);
    }
}
