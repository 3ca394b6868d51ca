// What a citizen meets around the booking itself, in Debian's chromium: the footer's contact block and its links to the
// privacy notice and the accessibility statement (fi and sv), the accessibility feedback form that reaches the manager,
// and error pages for people (404 in Swedish, no access) while /api keeps problem+json. Every page is checked with axe-core.
using System.Net;
using System.Text.RegularExpressions;
using Booking.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Booking.Kiosk.Tests.Citizens;

public sealed class LegalAndErrorPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("fi", "Tietosuojaseloste", "Saavutettavuusseloste", "Käyntiosoite", "Rekisterinpitäjä", "Palaute saavutettavuudesta")]
    [InlineData("sv", "Dataskyddsbeskrivning", "Tillgänglighetsutlåtande", "Besöksadress", "Personuppgiftsansvarig", "Respons om tillgängligheten")]
    public async Task The_footer_gives_the_unit_s_address_and_its_links_open_the_privacy_notice_and_the_accessibility_statement(
        string lang, string privacy, string accessibility, string addressLabel, string controller, string feedback)
    {
        var page = await app.NewPhonePage(lang == "sv" ? "sv-FI" : "fi-FI");
        var violations = new List<string>();
        await page.GotoAsync($"/?lang={lang}");
        await BrowserApp.Arrived(page, "**/?lang=*");
        var footer = await page.Locator("footer.site-footer").InnerTextAsync();
        Assert.Contains(addressLabel, footer);
        Assert.Contains("Perhepolku 4 B", footer);
        Assert.Contains("06100 Porvoo", footer);
        Assert.Contains("09 123 4567", footer);
        Assert.Equal("tel:091234567", await page.GetAttributeAsync("footer a[href^='tel:']", "href"));
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        await page.ClickAsync($"footer a:text-is('{privacy}')");
        await BrowserApp.Arrived(page, "**/privacy");
        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        Assert.Contains(privacy, await page.Locator("h1").InnerTextAsync());
        var notice = await page.Locator("main").InnerTextAsync();
        Assert.Contains(controller, notice);
        Assert.Contains("tietosuoja@porvoo.example.fi", notice);
        Assert.Contains("254/2015", notice);
        // The periods are the retention job's own settings (the defaults here): 90 days for contacts, 30 for the rest.
        var periods = await page.Locator("#retention-periods li").AllInnerTextsAsync();
        Assert.Equal(4, periods.Count);
        Assert.Contains("90", periods[0]);
        Assert.All(periods.Skip(1), p => Assert.Contains("30", p));
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        await BrowserApp.SaveScreenshot(page, $"phone-privacy-{lang}");

        await page.ClickAsync($"footer a:text-is('{accessibility}')");
        await BrowserApp.Arrived(page, "**/accessibility");
        Assert.Contains(accessibility, await page.Locator("h1").InnerTextAsync());
        var statement = await page.Locator("main").InnerTextAsync();
        Assert.Contains("WCAG 2.1", statement);
        Assert.Contains("14", statement);
        Assert.Contains(feedback, statement);
        Assert.Contains("saavutettavuusvaatimukset.fi", statement);
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));
        await BrowserApp.SaveScreenshot(page, $"phone-accessibility-{lang}");

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Accessibility_feedback_sent_from_the_statement_reaches_the_manager_s_list()
    {
        var page = await app.NewPhonePage("sv-FI");
        var violations = new List<string>();
        await page.GotoAsync("/accessibility?lang=sv");
        await BrowserApp.Arrived(page, "**/accessibility?lang=sv");

        await page.ClickAsync("main form button[type=submit]");
        await page.Locator(".error-summary a[href$='#feedback-message']").WaitForAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#feedback-message", "aria-invalid"));
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        await page.FillAsync("#feedback-message", "Kalendern går inte att använda med förstoring 400 %.");
        await page.FillAsync("#feedback-page", "/book/times");
        await page.ClickAsync("main form button[type=submit]");
        await page.Locator(".notice-success").WaitForAsync();
        Assert.Contains("Tack!", await page.Locator(".notice-success").InnerTextAsync());
        Assert.Contains("4.5.2026", await page.Locator(".notice-success").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        var manager = await app.NewPhonePage();
        await manager.GotoAsync("/staff/sign-in?lang=fi");
        await manager.FillAsync("#userName", "pekka");
        await manager.FillAsync("#password", "pekka-demo-2026");
        await manager.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(manager, new Regex(@"/staff(\?lang=fi)?$"));
        await manager.ClickAsync("a[href$='/staff/accessibility-feedback']");
        await BrowserApp.Arrived(manager, "**/staff/accessibility-feedback");
        var list = await manager.Locator("main").InnerTextAsync();
        Assert.Contains("Kalendern går inte att använda med förstoring 400 %.", list);
        Assert.Contains("/book/times", list);
        Assert.Contains("4.5.2026", list);
        violations.AddRange(await BrowserApp.AccessibilityViolations(manager));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_accessibility_check_names_what_a_page_does_wrong()
    {
        // The check every page test relies on: it must fail a page that breaks the rules, naming the rule and the element.
        var page = await app.NewPhonePage();
        await page.GotoAsync("/?lang=fi");
        await BrowserApp.Arrived(page, "**/?lang=*");
        Assert.Empty(await BrowserApp.AccessibilityViolations(page));
        await page.EvaluateAsync("""
            () => {
              const main = document.querySelector('main');
              main.insertAdjacentHTML('afterbegin', '<img src="/favicon.ico" id="no-alt"><p id="pale">Vaalea teksti</p>');
              // Set through the style object: the page's Content-Security-Policy ignores style attributes.
              document.getElementById('pale').style.color = '#bbb';
            }
            """);
        var violations = await BrowserApp.AccessibilityViolations(page);
        Assert.Contains(violations, v => v.Contains("image-alt (critical)") && v.Contains("id=\"no-alt\""));
        Assert.Contains(violations, v => v.Contains("color-contrast (serious)") && v.Contains("id=\"pale\""));
    }

    [Fact]
    public async Task An_unknown_address_gets_a_Swedish_404_page_with_the_way_home_while_the_api_keeps_problem_json()
    {
        var page = await app.NewPhonePage("sv-FI");
        var response = await page.GotoAsync("/ingen-sadan-sida?lang=sv");
        Assert.Equal(404, response!.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"]);
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Sidan hittades inte", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Perhepolku 4 B", await page.Locator("footer").InnerTextAsync());
        var violations = new List<string>(await BrowserApp.AccessibilityViolations(page));
        await BrowserApp.SaveScreenshot(page, "phone-404-sv");
        await page.ClickAsync("main a.button");
        await BrowserApp.Arrived(page, "**/");

        var http = app.CreateClient();
        var api = await http.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var asset = await http.GetAsync("/_content/Booking.Kiosk/no-such.css");
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
        Assert.NotEqual("text/html", asset.Content.Headers.ContentType?.MediaType);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task A_supervisor_on_a_manager_s_page_gets_a_no_access_page_in_her_language()
    {
        var page = await app.NewPhonePage();
        await page.GotoAsync("/staff/sign-in?lang=sv");
        await page.FillAsync("#userName", "aino");
        await page.FillAsync("#password", "aino-demo-2026");
        await page.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(page, new Regex(@"/staff(\?lang=sv)?$"));

        var response = await page.GotoAsync("/staff/accessibility-feedback");
        Assert.Equal(403, response!.Status);
        Assert.Equal("Ingen behörighet", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("main a[href='/']").CountAsync() > 0);
        var violations = await BrowserApp.AccessibilityViolations(page);
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));

        var api = await (await app.SignIn("aino")).GetAsync("/api/accessibility-feedback");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.NotEqual("text/html", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_walk_in_page_and_the_portrait_kiosk_say_where_to_come_and_the_kiosk_links_stay_in_the_kiosk()
    {
        var violations = new List<string>();
        var phone = await app.NewPhonePage();
        await phone.GotoAsync("/walk-in?lang=fi");
        await BrowserApp.Arrived(phone, "**/walk-in?lang=fi");
        var place = await phone.Locator("section.place").InnerTextAsync();
        Assert.Contains("Minne tulla", place);
        Assert.Contains("Perhepolku 4 B, 2. kerros", place);
        Assert.Contains("Sisäänkäynti ilman portaita", place);
        violations.AddRange(await BrowserApp.AccessibilityViolations(phone));
        await BrowserApp.SaveScreenshot(phone, "phone-walk-in-fi");

        var kiosk = await app.NewSizedPage(1080, 1920);
        await kiosk.GotoAsync("/kiosk");
        await kiosk.Locator(".kiosk-address").WaitForAsync();
        var address = await kiosk.Locator(".kiosk-address").InnerTextAsync();
        Assert.Contains("Perhepolku 4 B, 2. kerros, 06100 Porvoo", address);
        Assert.Equal(0, await kiosk.Locator(".kiosk-address a").CountAsync());
        foreach (var href in await kiosk.Locator("a[href]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
            Assert.StartsWith("/kiosk", href);
        violations.AddRange(await BrowserApp.AccessibilityViolations(kiosk));
        await BrowserApp.SaveScreenshot(kiosk, "kiosk-start-1080x1920");

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
