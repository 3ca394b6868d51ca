// The walk-in figures name each refusal as the kiosk answered it: a full queue's refusals were counted as intake_closed.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.WalkIn;

public sealed class WalkInRefusalsApp() : BookingApp(Instant.FromUtc(2026, 4, 23, 5, 0));

public sealed class WalkInRefusalFiguresTests(WalkInRefusalsApp app) : IClassFixture<WalkInRefusalsApp>
{
    [Fact]
    public async Task A_full_queue_counts_as_queue_full_and_a_closed_intake_as_intake_closed_as_the_kiosk_said()
    {
        var kiosk = app.CreateClient();
        var answers = new List<string>();
        // Numbers until the queue is full (the morning holds about eight 30-minute visits), then one more refused.
        for (var i = 0; i < 20 && answers.Count < 2; i++)
        {
            var taken = await kiosk.PostAsJsonAsync("/api/walk-in/tickets", new { matter = "advice", language = "fi" });
            if (taken.StatusCode != HttpStatusCode.Created) answers.Add((await taken.Json())["code"].Text());
        }
        var aino = await app.SignIn("aino");
        Assert.Equal(HttpStatusCode.OK, (await aino.PostAsJsonAsync("/api/walk-in/close-intake", new { reason = "sairastuminen" })).StatusCode);
        var afterClosing = await kiosk.PostAsJsonAsync("/api/walk-in/tickets", new { matter = "advice", language = "fi" });
        answers.Add((await afterClosing.Json())["code"].Text());

        var figures = await (await aino.GetAsync("/api/walk-in/figures?date=2026-04-23")).Json();

        Assert.Equal(["queue_full", "queue_full", "intake_closed"], answers);
        Assert.Equal(2, figures["refusedByReason"]!["queue_full"]!.GetValue<int>());
        Assert.Equal(1, figures["refusedByReason"]!["intake_closed"]!.GetValue<int>());
        Assert.Equal(3, figures["refused"]!.GetValue<int>());
    }
}
