// The lobby kiosk stays a kiosk (issue 11): on every kiosk screen, in Finnish and Swedish, at the portrait kiosk's size
// (1080x1920), no link or form leaves /kiosk; the refusal shows the alternatives as QR codes with the short address to
// type, prints as a slip, shows the secretary's number; every screen returns to the start when left untouched.
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Booking.Kiosk.Tests.WalkIn;

public sealed class KioskStaysAKioskTests(WalkInNearClosing app) : IClassFixture<WalkInNearClosing>
{
    [Fact]
    public async Task Every_kiosk_screen_keeps_its_links_inside_the_kiosk_and_the_refusal_offers_QR_codes_in_Finnish_and_Swedish()
    {
        var violations = new List<string>();
        var kiosk = await app.NewScreen(1080, 1920);
        async Task Screen(string name)
        {
            await AssertStaysInKiosk(kiosk);
            violations.AddRange(await BrowserApp.AccessibilityViolations(kiosk));
            await BrowserApp.SaveScreenshot(kiosk, $"kiosk-{name}-1080x1920");
        }

        // Start: the language buttons come first, before any other content but the welcome.
        await kiosk.GotoAsync("/kiosk");
        var firstLanguage = await kiosk.EvaluateAsync<bool>(
            "() => { const nav = document.querySelector('nav[aria-labelledby=choose-language]'); const info = document.querySelector('.kiosk-details');" +
            " return !!nav && !!info && (nav.compareDocumentPosition(info) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0; }");
        Assert.True(firstLanguage, "the language buttons must come before the phone hours and the address");
        await Expect(kiosk.Locator(".kiosk-phone-hours")).ToContainTextAsync("09 123 4567");
        await Screen("start");

        // 11:50 in Finnish: one number can still be given.
        await kiosk.ClickAsync("a.kiosk-language[lang=fi]");
        await kiosk.WaitForURLAsync("**/kiosk/matter?lang=fi");
        await Screen("matter-fi");
        await kiosk.ClickAsync("#matter-advice");
        await Expect(kiosk.Locator("#ticket-number")).ToHaveTextAsync("1");
        Assert.Equal(0, await kiosk.Locator("#ticket a").CountAsync());
        Assert.DoesNotContain("http://", await kiosk.Locator("#ticket-link").InnerTextAsync());
        await Screen("ticket-fi");

        // The next client, in Swedish: refused, with the alternatives as QR codes and addresses to type.
        foreach (var (lang, reason) in new[] { ("sv", "Dagens kö är full"), ("fi", "Tämän päivän jono on täynnä") })
        {
            await kiosk.GotoAsync("/kiosk");
            await kiosk.ClickAsync($"a.kiosk-language[lang={lang}]");
            await kiosk.WaitForURLAsync($"**/kiosk/matter?lang={lang}");
            await kiosk.ClickAsync("#matter-agreement");
            await Expect(kiosk.Locator("#refusal-reason")).ToContainTextAsync(reason);
            foreach (var (id, path) in new[] { ("#alt-book", "/book"), ("#alt-callback", "/call-back") })
            {
                var qr = kiosk.Locator($"{id} img.alternative-qr");
                Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"));
                Assert.Matches($@"^http://127\.0\.0\.1:\d+{path}\?lang={lang}$", await qr.GetAttributeAsync("data-url"));
                Assert.False(string.IsNullOrWhiteSpace(await qr.GetAttributeAsync("alt")));
                await Expect(kiosk.Locator($"{id} .short-address")).ToHaveTextAsync(new Regex($@"^127\.0\.0\.1:\d+{path}$"));
            }
            await Expect(kiosk.Locator("#alt-phone-number")).ToHaveTextAsync("09 123 4567");
            await Expect(kiosk.Locator("button[data-print]")).ToBeVisibleAsync();
            await Screen($"refused-{lang}");
        }

        // The refusal prints as a slip: the reason and the QR codes, not the buttons.
        await kiosk.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(kiosk.Locator("#refusal-reason")).ToBeVisibleAsync();
        await Expect(kiosk.Locator("#alt-book img.alternative-qr")).ToBeVisibleAsync();
        await Expect(kiosk.Locator("button[data-print]")).ToBeHiddenAsync();
        await Expect(kiosk.Locator(".kiosk-ticket-actions a")).ToBeHiddenAsync();
        await kiosk.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>Every anchor and form on the screen stays under /kiosk on this host (or is a same-page anchor).</summary>
    private static async Task AssertStaysInKiosk(IPage page)
    {
        var targets = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('a[href]')].map(a => a.href).concat([...document.querySelectorAll('form')].map(f => f.action))");
        var here = new Uri(page.Url);
        foreach (var target in targets)
        {
            var uri = new Uri(target);
            var samePage = uri.GetLeftPart(UriPartial.Query) == here.GetLeftPart(UriPartial.Query) && uri.Fragment.Length > 0;
            Assert.True(samePage || (uri.Authority == here.Authority && (uri.AbsolutePath == "/kiosk" || uri.AbsolutePath.StartsWith("/kiosk/"))),
                $"{page.Url} has a link or form that leaves the kiosk: {target}");
        }
    }
}

/// <summary>In the morning (numbers are given), so the ticket screen is reached whatever ran before.</summary>
public sealed class KioskIdleReturnTests(WalkInMorning app) : IClassFixture<WalkInMorning>
{
    [Fact]
    public async Task Every_kiosk_screen_returns_to_the_start_when_left_untouched()
    {
        var kiosk = await app.NewScreen(1080, 1920);
        await kiosk.Clock.InstallAsync();
        foreach (var path in new[] { "/kiosk/matter?lang=sv", "/kiosk" })
        {
            await kiosk.GotoAsync(path);
            await kiosk.Locator("[data-idle-return]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await kiosk.EvaluateAsync("() => { window.kioskMarker = 1; }");
            await kiosk.Clock.FastForwardAsync("02:10");
            await kiosk.WaitForFunctionAsync("() => window.kioskMarker === undefined");
            Assert.Matches(new Regex(@"/kiosk$"), kiosk.Url);
        }

        // The ticket is the matter page's answer (as the refusal is): it goes back too.
        await kiosk.GotoAsync("/kiosk/matter?lang=sv");
        await kiosk.ClickAsync("#matter-advice");
        await kiosk.Locator("#ticket-number").WaitForAsync();
        var phoneUrl = await kiosk.Locator(".ticket-qr img").GetAttributeAsync("data-url");
        await kiosk.EvaluateAsync("() => { window.kioskMarker = 1; }");
        await kiosk.Clock.FastForwardAsync("01:10");
        await kiosk.WaitForFunctionAsync("() => window.kioskMarker === undefined");
        Assert.Matches(new Regex(@"/kiosk$"), kiosk.Url);

        // The short address typed on a Finnish phone (no ?lang, no cookie) opens the Swedish ticket in Swedish.
        var phone = await app.NewPhonePage("fi-FI");
        await phone.GotoAsync(phoneUrl!.Split('?')[0]);
        Assert.Equal("sv", await phone.GetAttributeAsync("html", "lang"));
        await Expect(phone.Locator("#ticket-status")).ToContainTextAsync("Du väntar på din tur");
        await phone.GotoAsync(phoneUrl.Split('?')[0] + "?lang=en");
        Assert.Equal("en", await phone.GetAttributeAsync("html", "lang"));
    }
}
