// Single sign-on whose provider does not answer (its authority is a loopback port nobody listens on): starting a sign-in
// answers 503 with a page in the person's language that says to try again shortly or to use a password (the unit has
// passwords on), and the failure is logged by its kind only.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Booking.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Booking.Api.Tests.Staff;

public sealed class SingleSignOnUnreachableTests(SingleSignOnUnreachableTests.App app) : IClassFixture<SingleSignOnUnreachableTests.App>
{
    public sealed class App : BookingApp
    {
        private readonly LogCapture capture = new();

        public IEnumerable<CapturedLog> Logs => capture.Entries;

        protected override void ConfigureHost(IWebHostBuilder host)
        {
            host.UseSetting("SingleSignOn:Authority", $"http://127.0.0.1:{ClosedPort()}/tenant");
            host.UseSetting("SingleSignOn:ClientId", "booking");
            host.UseSetting("SingleSignOn:RequireHttpsMetadata", "false");
            host.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(capture));
        }

        /// <summary>A loopback port that was free a moment ago and that nothing listens on now: connections are refused.</summary>
        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }

    [Theory]
    [InlineData("sv", "Den gemensamma inloggningen kan inte nås just nu", "Logga in med lösenord")]
    [InlineData("fi", "Kertakirjautumiseen ei saada nyt yhteyttä", "Kirjaudu salasanalla")]
    public async Task Starting_a_sign_in_answers_503_with_a_page_in_the_persons_language_and_a_way_to_use_a_password(string lang, string title, string password)
    {
        var response = await app.CreateClient().GetAsync($"/staff/sso?returnUrl=%2Fstaff%2Fday&lang={lang}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.NotNull(response.Headers.RetryAfter);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<html lang=\"{lang}\"", page);
        Assert.Contains($"<h1>{title}</h1>", page);
        Assert.Contains(password, page);
        Assert.Contains("/staff/sign-in?ReturnUrl=%2Fstaff%2Fday", page);
        Assert.Contains($"/staff/sso?returnUrl=%2Fstaff%2Fday&lang={lang}", page);

        var logged = app.Logs.Where(l => l.Category == "Booking.Api.Staff.SingleSignOn").ToList();
        Assert.Contains(logged, l => l.Level == LogLevel.Warning && l.Message.Contains("could not fetch the provider's metadata"));
        // Handled, not an unexpected error: nothing from the authentication handler or the exception handler.
        Assert.DoesNotContain(app.Logs, l => l.Level >= LogLevel.Error && (l.Category.Contains("Authentication") || l.Category.Contains("Diagnostics")
            || l.Category.Contains("SingleSignOn")));
    }
}
