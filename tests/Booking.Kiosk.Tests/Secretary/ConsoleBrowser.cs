// What the console's and the day's browser tests share: a signed-in browser of a given size, the demo staff's ids, and
// screenshots for a person to look at (CONSOLE_SCREENSHOTS names a folder; tests never read them).
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Booking.Kiosk.Tests.Secretary;

public static class ConsoleBrowser
{
    public static readonly Guid Aino = Guid.Parse("0b5e7a52-55a1-4c1e-9d0e-000000000101");

    /// <summary>A fresh browser context (its own cookies) of the given size, signed in as a demo staff member.</summary>
    public static async Task<IPage> SignedIn(BrowserApp app, string user, int width = 1440, int height = 900)
    {
        var context = await app.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fi-FI",
            TimezoneId = "Europe/Helsinki",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in?lang=fi");
        await BrowserApp.Arrived(page, "**/staff/sign-in**");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", $"{user}-demo-2026");
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, new Regex(@"/staff$"));
        return page;
    }

    /// <summary>Clicks a form's submit button and waits for the answer's document, also when the answer has the same
    /// address as the page before (a form that answers with its errors, or with a new list of free times).</summary>
    public static async Task Submit(IPage page, string button)
    {
        IResponse? answer = null;
        void Answered(object? sender, IResponse response)
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame) answer = response;
        }
        page.Response += Answered;
        try
        {
            await page.EvaluateAsync("() => { document.body.dataset.before = 'submit'; }");
            await page.ClickAsync(button);
            await page.Locator("body:not([data-before]) footer.site-footer").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }
        finally { page.Response -= Answered; }
        // A server error page also has a footer: say so, with what it showed, rather than fail later on a missing element.
        if (answer is { Status: >= 500 } failed)
            Assert.Fail($"{button} on {page.Url} answered {failed.Status}: {await page.Locator("main").InnerTextAsync()}");
    }

    /// <summary>The page fits its width: nothing but the tables' own scrolling regions runs off the side (WCAG reflow).</summary>
    public static async Task AssertNoSidewaysScroll(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"{page.Url} is {scroll} px wide in a {client} px window");
    }

    public static async Task Screenshot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"console-{name}.png"), FullPage = true });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"console-{name}-top.png") });
    }

    /// <summary>As <see cref="Screenshot"/>, of the window scrolled to an element.</summary>
    public static async Task ScreenshotAt(IPage page, string name, string selector)
    {
        var folder = Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        await page.Locator(selector).First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"console-{name}.png") });
    }
}
