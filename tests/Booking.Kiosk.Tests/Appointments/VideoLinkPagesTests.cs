// A video meeting gets its link, and the other parent can always answer, walked in Debian's chromium with a real SMTP
// server: a parent books a video meeting online in Swedish (inviting the other parent), the meeting's supervisor sees
// "link missing" on the day and adds the link on the meeting's page, the parent's email and manage page show it; the
// other parent declines from the invitation email and sees what happens next. axe-core (WCAG 2.1 AA) passes on every
// page in Finnish and Swedish. "Now" is Monday 2026-04-20 09:00 in Helsinki (BookingApp).
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Booking.Api.Configuration;
using Booking.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using static Booking.Kiosk.Tests.Secretary.ConsoleBrowser;

namespace Booking.Kiosk.Tests.Appointments;

/// <summary>The browser app with its email going to a real SMTP server (started by the test that uses it).</summary>
public sealed class BrowserEmailApp : BrowserApp
{
    public SmtpServer Smtp { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Smtp:Host", "127.0.0.1");
        host.UseSetting("Smtp:Port", Smtp.Port.ToString());
        host.UseSetting("Smtp:From", "perheoikeus@booking.test");
        host.UseSetting("Smtp:TimeoutSeconds", "5");
        host.UseSetting("PublicBaseUrl", "http://booking.test");
        host.UseSetting("Email:PollIntervalSeconds", "0.1");
        host.UseSetting("Email:LockRetrySeconds", "0.2");
        host.UseSetting("Email:RetryBaseSeconds", "0.1");
        host.UseSetting("Email:RetryCapSeconds", "1");
    }
}

public sealed class VideoLinkPagesTests(BrowserEmailApp app) : IClassFixture<BrowserEmailApp>
{
    private const string Link = "https://meet.example.fi/perheoikeus/huone-2204";

    [Fact]
    public async Task A_video_meeting_booked_online_gets_its_link_from_the_supervisor_and_the_other_parent_declines_and_sees_next_steps()
    {
        await app.Smtp.StartAsync();
        try { await Walk(); }
        finally { await app.Smtp.DisposeAsync(); }
    }

    private async Task Walk()
    {
        var violations = new List<string>();
        async Task Check(IPage page) => violations.AddRange(await BrowserApp.AccessibilityViolations(page));

        // A parent books a video meeting online in Swedish and invites the other parent.
        var parent = await app.NewPhonePage("sv-FI");
        await parent.GotoAsync("/book?lang=sv");
        await BrowserApp.Arrived(parent, "**/book**");
        await parent.CheckAsync("#type-advice");
        await parent.CheckAsync("#modality-video");
        await parent.ClickAsync("main button[type=submit]");
        await BrowserApp.Arrived(parent, "**/book/times**");
        await parent.Locator("ul.times a.time").First.ClickAsync();
        await BrowserApp.Arrived(parent, "**/book/details**");
        await Check(parent);
        await parent.FillAsync("#name", "Vera Videlius");
        await parent.FillAsync("#email", "vera.videlius@example.fi");
        await parent.FillAsync("#phone", "+358 50 765 1111");
        await parent.FillAsync("#otherParentEmail", "viktor.videlius@example.fi");
        await parent.ClickAsync("main form button[type=submit]");
        await BrowserApp.Arrived(parent, "**/booking/**");
        var manageUrl = new Uri(parent.Url).AbsolutePath;
        await Expect(parent.Locator("#video-link")).ToContainTextAsync("Du får länken per e-post före mötet");
        await Expect(parent.Locator("#other-parent-answer")).ToContainTextAsync("Har inte svarat ännu.");
        await Check(parent);
        await BrowserApp.SaveScreenshot(parent, "video-manage-before-link-sv");

        // The meeting's own supervisor sees "link missing" on the day and adds the link on the meeting's page.
        var secretary = await app.SignIn("leena");
        var found = JsonNode.Parse(await secretary.GetStringAsync("/api/staff/meetings?q=vera.videlius"))!.AsArray().Single()!;
        var holder = Guid.Parse(found["supervisor"]!["staffId"]!.ToString());
        var date = found["start"]!.ToString()[..10];
        var supervisor = await SignedIn(app, DemoUnit.SignIns.First(s => s.Staff == holder).User, 390, 844);
        await supervisor.GotoAsync($"/staff/day?date={date}&lang=fi");
        await BrowserApp.Arrived(supervisor, "**/staff/day**");
        await Expect(supervisor.Locator(".link-missing")).ToContainTextAsync("Videolinkki puuttuu");
        await Check(supervisor);
        await BrowserApp.SaveScreenshot(supervisor, "video-day-link-missing-fi");
        await supervisor.ClickAsync("text=Lisää linkki");
        await BrowserApp.Arrived(supervisor, new Regex("/staff/meetings/"));
        await Check(supervisor);

        await supervisor.FillAsync("#video-link-videoLink", "http://meet.example.fi/ei-salattu");
        await Submit(supervisor, "form:has(#video-link-videoLink) button[type=submit]");
        await Expect(supervisor.Locator(".error-summary")).ToContainTextAsync("https://");
        Assert.Equal("true", await supervisor.GetAttributeAsync("#video-link-videoLink", "aria-invalid"));
        await Check(supervisor);
        Assert.Equal(0L, await app.CountEvents("video_link_set"));

        await supervisor.FillAsync("#video-link-videoLink", Link);
        await Submit(supervisor, "form:has(#video-link-videoLink) button[type=submit]");
        await Expect(supervisor.Locator("#meeting-done")).ToContainTextAsync("Linkki on tallennettu");
        await Check(supervisor);
        await BrowserApp.SaveScreenshot(supervisor, "video-meeting-link-saved-fi");
        await supervisor.GotoAsync(supervisor.Url.Split('?')[0] + "?lang=sv");
        await BrowserApp.Arrived(supervisor, new Regex("/staff/meetings/"));
        await Expect(supervisor.Locator("#video-link-videoLink")).ToHaveValueAsync(Link);
        await Check(supervisor);
        await supervisor.GotoAsync($"/staff/day?date={date}&lang=sv");
        await BrowserApp.Arrived(supervisor, "**/staff/day**");
        await Expect(supervisor.Locator($"#day-meetings a[href='{Link}']")).ToBeVisibleAsync();
        Assert.Equal(0, await supervisor.Locator(".link-missing").CountAsync());
        await Check(supervisor);

        // The parent's email (Swedish) and manage page show the link.
        var mail = Assert.Single(await app.Smtp.WaitFor("vera.videlius@example.fi", where: m => m.Subject.StartsWith("Länk till videomötet")));
        Assert.Contains(Link, mail.Text);
        await parent.GotoAsync(manageUrl + "?lang=sv");
        await BrowserApp.Arrived(parent, "**/booking/**");
        await Expect(parent.Locator($"#video-link a[href='{Link}']")).ToBeVisibleAsync();
        await Check(parent);
        await BrowserApp.SaveScreenshot(parent, "video-manage-with-link-sv");

        // The other parent declines from the invitation email and sees what happens next, in Swedish and Finnish.
        var invitation = (await app.Smtp.WaitFor("viktor.videlius@example.fi", where: m => m.Subject.StartsWith("Inbjudan"))).Single();
        Assert.Contains("09 123 4567", invitation.Text);
        var token = Regex.Match(invitation.Text!, @"/invitation/(\S+)").Groups[1].Value;
        var other = await app.NewPhonePage("sv-FI");
        await other.GotoAsync($"/invitation/{token}?lang=sv");
        await BrowserApp.Arrived(other, "**/invitation/**");
        await Check(other);
        await Submit(other, "main form:has(button.button-secondary) button");
        await Expect(other.Locator("#invitation-next")).ToContainTextAsync("Vad händer härnäst");
        await Expect(other.Locator("#invitation-next a[href^='tel:']")).ToContainTextAsync("09 123 4567");
        await Expect(other.Locator("#invitation-next a[href*='call-back']")).ToBeVisibleAsync();
        await Check(other);
        await BrowserApp.SaveScreenshot(other, "invitation-declined-sv");
        await other.GotoAsync($"/invitation/{token}?lang=fi");
        await BrowserApp.Arrived(other, "**/invitation/**");
        await Expect(other.Locator("#invitation-next")).ToContainTextAsync("Mitä seuraavaksi tapahtuu");
        await Check(other);
        Assert.Equal(1L, await app.CountEvents("other_parent_responded"));

        // The booker sees the answer on the manage page (Finnish too).
        await parent.GotoAsync(manageUrl + "?lang=fi");
        await BrowserApp.Arrived(parent, "**/booking/**");
        await Expect(parent.Locator("#other-parent-answer")).ToContainTextAsync("Ei pääse tulemaan.");
        await Check(parent);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
