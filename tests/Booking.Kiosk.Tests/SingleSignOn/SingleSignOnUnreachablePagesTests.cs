// Single sign-on in chromium when the municipality's provider does not answer (its authority is a loopback port nobody
// listens on): the sign-on button leads to a page in the person's language that says to try again shortly or to use a
// password, and the password link takes them on to where they were going. The page passes axe in Finnish and Swedish.
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace Booking.Kiosk.Tests.SingleSignOn;

public sealed class SingleSignOnUnreachablePagesTests(SingleSignOnUnreachablePagesTests.App app) : IClassFixture<SingleSignOnUnreachablePagesTests.App>
{
    public sealed class App : BrowserApp
    {
        protected override void ConfigureHost(IWebHostBuilder host)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            host.UseSetting("SingleSignOn:Authority", $"http://127.0.0.1:{port}/tenant");
            host.UseSetting("SingleSignOn:ClientId", "booking");
            host.UseSetting("SingleSignOn:RequireHttpsMetadata", "false");
        }
    }

    [Fact]
    public async Task The_sign_on_button_leads_to_a_page_that_says_to_try_again_or_use_a_password_in_finnish_and_swedish()
    {
        var violations = new List<string>();
        var sv = await app.NewPhonePage("sv-FI");
        await sv.GotoAsync("/staff/sign-in?lang=sv");
        var response = await sv.RunAndWaitForResponseAsync(() => sv.ClickAsync("#sso"), r => r.Url.Contains("/staff/sso"));
        Assert.Equal(503, response.Status);
        await BrowserApp.Arrived(sv, new Regex(@"/staff/sso\?ReturnUrl=&lang=sv$|/staff/sso\?lang=sv$"));
        Assert.Equal("Den gemensamma inloggningen kan inte nås just nu", await sv.Locator("h1").InnerTextAsync());
        Assert.Contains("användarnamn och lösenord", await sv.Locator("[role=alert]").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(sv));

        var fi = await app.NewPhonePage();
        await fi.GotoAsync("/staff/day?lang=fi");
        await BrowserApp.Arrived(fi, new Regex(@"/staff/sign-in\?ReturnUrl=%2Fstaff%2Fday(%3Flang%3Dfi)?$"));
        await fi.ClickAsync("#sso");
        await fi.Locator("#password-sign-in").WaitForAsync();
        Assert.Equal("Kertakirjautumiseen ei saada nyt yhteyttä", await fi.Locator("h1").InnerTextAsync());
        violations.AddRange(await BrowserApp.AccessibilityViolations(fi));
        await fi.ClickAsync("#password-sign-in");
        await BrowserApp.Arrived(fi, new Regex(@"/staff/sign-in\?ReturnUrl=%2Fstaff%2Fday(%3Flang%3Dfi)?$"));
        await fi.FillAsync("#userName", "aino");
        await fi.FillAsync("#password", "aino-demo-2026");
        await fi.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(fi, new Regex(@"/staff/day(\?lang=fi)?$"));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
