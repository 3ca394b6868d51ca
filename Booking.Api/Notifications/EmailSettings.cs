// The email settings, read once at start-up: where mail goes (SMTP or a pickup folder), the public address of the
// manage links, and the sender's timings (tests shorten them).
namespace Booking.Api.Notifications;

public sealed class EmailSettings
{
    /// <summary>The address clients reach the service at; manage links are absolute URLs under it.</summary>
    public string PublicBaseUrl { get; init; } = "http://127.0.0.1:5080";

    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 25;
    public bool SmtpEnableSsl { get; init; }
    public string? SmtpUserName { get; init; }
    public string? SmtpPassword { get; init; }
    public string FromAddress { get; init; } = "perheoikeus@booking.local";
    public TimeSpan SmtpTimeout { get; init; } = TimeSpan.FromSeconds(30);

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

    public static EmailSettings From(IConfiguration c)
    {
        var defaults = new EmailSettings();
        TimeSpan Seconds(string key, TimeSpan fallback) =>
            c.GetValue<double?>(key) is { } s ? TimeSpan.FromSeconds(s) : fallback;
        return new EmailSettings
        {
            PublicBaseUrl = (c["PublicBaseUrl"] is { Length: > 0 } url ? url : defaults.PublicBaseUrl).TrimEnd('/'),
            SmtpHost = c["Smtp:Host"],
            SmtpPort = c.GetValue("Smtp:Port", defaults.SmtpPort),
            SmtpEnableSsl = c.GetValue("Smtp:EnableSsl", false),
            SmtpUserName = c["Smtp:UserName"],
            SmtpPassword = c["Smtp:Password"],
            FromAddress = c["Smtp:From"] is { Length: > 0 } from ? from : defaults.FromAddress,
            SmtpTimeout = Seconds("Smtp:TimeoutSeconds", defaults.SmtpTimeout),
            PickupDirectory = c["Smtp:PickupDirectory"] is { Length: > 0 } pickup ? Path.GetFullPath(pickup) : defaults.PickupDirectory,
            ReminderHour = c.GetValue("Email:ReminderHour", defaults.ReminderHour),
            Enabled = c.GetValue("Email:Enabled", true),
            PollInterval = Seconds("Email:PollIntervalSeconds", defaults.PollInterval),
            LockRetryInterval = Seconds("Email:LockRetrySeconds", defaults.LockRetryInterval),
            RetryBase = Seconds("Email:RetryBaseSeconds", defaults.RetryBase),
            RetryCap = Seconds("Email:RetryCapSeconds", defaults.RetryCap),
            MaxAttempts = c.GetValue("Email:MaxAttempts", defaults.MaxAttempts),
        };
    }

    /// <summary>Exponential backoff with jitter: half the step fixed, half random, so instances do not retry in lockstep.</summary>
    public TimeSpan Backoff(int attemptsSoFar, double random)
    {
        var step = RetryBase.TotalMilliseconds * Math.Pow(2, Math.Max(0, attemptsSoFar - 1));
        var capped = Math.Min(step, RetryCap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * random);
    }
}
