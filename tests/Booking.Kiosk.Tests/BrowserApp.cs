// The real service on a loopback port and Debian's chromium driven by Playwright; axe-core checks accessibility.
using System.Text.RegularExpressions;
using Booking.Testing;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Xunit;

namespace Booking.Kiosk.Tests;

public class BrowserApp : BookingApp, IAsyncLifetime
{
    /// <summary>One chromium for the whole run: each test works in its own browser contexts (no shared cookies or
    /// storage), so the classes need not pay for starting a browser each. It ends with the test process.</summary>
    private static readonly Lazy<Task<IBrowser>> SharedBrowser = new(LaunchAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public IBrowser Browser { get; private set; } = null!;

    protected override bool UseKestrel => true;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Browser = await SharedBrowser.Value;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // The contexts this class opened go with it; the browser stays for the next class.
        List<IBrowserContext> mine;
        lock (opened) mine = [.. opened];
        foreach (var context in mine) await context.CloseAsync();
        await DisposeAsync();
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    private readonly HashSet<IBrowserContext> opened = [];

    /// <summary>A fresh browser context, closed when the class is done.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        lock (opened) opened.Add(context);
        return context;
    }

    /// <summary>A fresh browser context (no cookies) sized like a phone, with the unit's time zone.</summary>
    public async Task<IPage> NewPhonePage(string locale = "fi-FI")
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = locale,
            TimezoneId = "Europe/Helsinki",
        });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context of any size: 390x844 is a phone, 1080x1920 the portrait lobby kiosk.</summary>
    public async Task<IPage> NewSizedPage(int width, int height, string locale = "fi-FI")
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

    /// <summary>Saves a full-page screenshot when BOOKING_SCREENSHOTS names a folder (docs/screenshots; tests never read them).</summary>
    public static async Task SaveScreenshot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("BOOKING_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    /// <summary>axe-core as the Deque package bundles it.</summary>
    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    /// <summary>The WCAG 2.1 A and AA violations axe-core finds on the page, described for a failure message.
    /// axe runs in the page itself: the package's RunAxe finishes every run in a new blank page, which cost about
    /// 2 s a run here against 0.2 s for the run itself, on every page every browser test checks.</summary>
    public static async Task<string[]> AccessibilityViolations(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource);
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const r = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                resultTypes: ['violations'],
              });
              return JSON.stringify({
                passes: r.passes.length,
                violations: r.violations.map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map(n => n.html) })),
              });
            }
            """);
        var result = System.Text.Json.JsonSerializer.Deserialize<AxeOutcome>(json, System.Text.Json.JsonSerializerOptions.Web)!;
        // An axe run that checked nothing would pass anything: it must have passed some rules on a real page.
        Assert.True(result.Passes > 0, $"axe passed no rule on {page.Url}");
        return result.Violations
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes)}")
            .ToArray();
    }

    private sealed record AxeOutcome(int Passes, AxeViolation[] Violations);

    private sealed record AxeViolation(string Id, string Impact, string Help, string[] Nodes);

    /// <summary>Opens the staff pages in <paramref name="lang"/>, signs in as a demo user (password "user-demo-2026") on the
    /// sign-in page they lead to, and waits for the staff start page.</summary>
    public static async Task SignInFromStaff(IPage page, string user, string lang)
    {
        await page.GotoAsync($"/staff?lang={lang}");
        await Arrived(page, "**/staff/sign-in**");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", $"{user}-demo-2026");
        await page.ClickAsync("main form button[type=submit]");
        await Arrived(page, new Regex($@"/staff(\?lang={lang})?$"));
    }

    /// <summary>Waits until the page has reached the address and its whole document (the footer comes last) is there.
    /// Waiting on the document rather than the load event avoids a race between a click's navigation and the wait.</summary>
    public static async Task Arrived(IPage page, Regex url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("footer.site-footer").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public static Task Arrived(IPage page, string glob) =>
        Arrived(page, new Regex("^" + Regex.Escape(glob).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$"));
}
