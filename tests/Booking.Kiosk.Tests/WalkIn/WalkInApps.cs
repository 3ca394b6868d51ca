// The service on walk-in Thursdays: 2026-04-23 in Helsinki (summer time, UTC+3). In the demo configuration no walk-in
// settings are stored, so the default applies: 08:00-12:00, 30-minute visits, Aino Virtanen on duty.
using Microsoft.Playwright;
using NodaTime;

namespace Booking.Kiosk.Tests.WalkIn;

public abstract class WalkInApp : BrowserApp
{
    protected WalkInApp(Instant now) => Clock.Reset(now);

    /// <summary>A fresh browser context (no cookies) of the given size, like the lobby kiosk or the waiting-room TV.</summary>
    public async Task<IPage> NewScreen(int width, int height, string locale = "fi-FI")
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Europe/Helsinki",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot when WALKIN_SCREENSHOTS names a folder (for a person to look at; tests never read them).</summary>
    public static async Task Screenshot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("WALKIN_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"walkin-{name}.png"), FullPage = true });
    }

    /// <summary>As <see cref="Screenshot"/>, with the print stylesheet applied at a receipt's width (80 mm is about 302 CSS px).</summary>
    public static async Task PrintScreenshot(IPage page, string name)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WALKIN_SCREENSHOTS"))) return;
        var size = page.ViewportSize;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.SetViewportSizeAsync(302, 600);
        await Screenshot(page, name);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        if (size is not null) await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>live.js marks the page once its event stream said hello and the page fetched itself again: from then on a
    /// change reaches it.</summary>
    public static Task LiveReady(IPage page) =>
        page.Locator("html[data-live-state=ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}

/// <summary>Thursday 09:00: the walk-in reception is open.</summary>
public sealed class WalkInMorning() : WalkInApp(Instant.FromUtc(2026, 4, 23, 6, 0));

/// <summary>Thursday 11:50: one 30-minute visit can still start before 12:00, a second cannot.</summary>
public sealed class WalkInNearClosing() : WalkInApp(Instant.FromUtc(2026, 4, 23, 8, 50));
