// PostgreSQL stopped hard (pg_ctl stop -m immediate) in the middle of a stream of bookings and started again, with the
// service left running: what was confirmed is there and whole, the outage is answered with 503, and everything (requests,
// the asynchronous projections, the email sender, the live stream) comes back by itself.
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Booking.Api.Storage;
using Booking.Api.Tests.Appointments;
using Booking.Api.Tests.CallBacks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Booking.Api.Tests.Faults;

public sealed partial class DatabaseOutageTests(OutageApp app, ITestOutputHelper output) : IClassFixture<OutageApp>
{
    private const int Senders = 3;

    private sealed record Answer(string Start, string Key, HttpStatusCode Status, string? ContentType, bool RetryAfter, bool Replayed,
        string Body, DateTime SentAt, DateTime AnsweredAt);

    [Fact]
    public async Task When_the_database_is_stopped_hard_mid_stream_and_started_again_Then_confirmed_bookings_are_whole_the_outage_answers_503_and_all_work_resumes()
    {
        var times = new ConcurrentQueue<string>(await SeparateFreeTimes());
        await using var live = await LiveListener.Open(app.CreateClient(), "appointment");
        var answers = new ConcurrentQueue<Answer>();
        using var stopSending = new CancellationTokenSource();
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(() => SendBookings(times, answers, stopSending.Token))).ToArray();

        await Until(() => answers.Count(a => a.Status == HttpStatusCode.Created) >= 6, "bookings confirmed before the outage", senders);
        await app.Cluster.StopImmediatelyAsync();
        var down = DateTime.UtcNow;
        // Long enough for every sender to be refused several times, and for the background work to notice.
        await Until(() => answers.Count(a => a.SentAt > down && a.Status == HttpStatusCode.ServiceUnavailable) >= 8 * Senders,
            "answers during the outage", senders);
        var up = DateTime.UtcNow;
        await app.Cluster.StartAgainAsync();
        var restarted = DateTime.UtcNow;
        await Until(() => answers.Count(a => a.SentAt > restarted && a.Status == HttpStatusCode.Created) >= 6,
            "bookings confirmed again after the database came back, with the service never restarted", senders);
        await stopSending.CancelAsync();
        await Task.WhenAll(senders);

        // The outage: 503 problem details that say what happened, never a 500; while the server was down, nothing else.
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable,
            $"{(int)a.Status} for {a.Start}: {a.Body}"));
        Assert.All(answers.Where(a => a.SentAt > down && a.AnsweredAt < up), a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a =>
        {
            Assert.Equal("application/problem+json", a.ContentType);
            Assert.True(a.RetryAfter, "a 503 says when to try again");
            var problem = JsonNode.Parse(a.Body)!;
            Assert.Equal(503, problem["status"]!.GetValue<int>());
            Assert.Contains("cannot reach its database", problem["detail"].Text());
        });

        // The live stream was told to resync when the service got its LISTEN connection back (which it can only have done
        // once the server was up again, possibly before StartAgainAsync returned), and hears a new booking.
        await live.WaitFor(e => e.Name == "resync" && e.HeardAt > down, TimeSpan.FromSeconds(20), "resync after the database came back");
        var after = await BookOnce(app.CreateClient(), times);
        answers.Enqueue(after);
        Assert.Equal(HttpStatusCode.Created, after.Status);
        var afterId = Guid.Parse(JsonNode.Parse(after.Body)!["appointmentId"].Text());
        var afterSequence = await app.Scalar<long>(
            $"select seq_id from mt_events where type = 'appointment_booked' and stream_id = 'appointment-{afterId:N}'");
        await live.WaitFor(e => e.Name == "change" && e.Data?["sequence"]?.GetValue<long>() >= afterSequence, TimeSpan.FromSeconds(5),
            "change for the booking made after the outage");

        // Every 201 is a booking that is there, once, whole; and nothing is there that no one was told about (every client
        // retried its 503s with the same Idempotency-Key until it had an answer).
        var confirmed = answers.Where(a => a.Status == HttpStatusCode.Created).Select(a => JsonNode.Parse(a.Body)!).ToList();
        var confirmedIds = confirmed.Select(c => Guid.Parse(c["appointmentId"].Text())).ToList();
        Assert.Equal(confirmedIds.Count, confirmedIds.Distinct().Count());
        var http = app.CreateClient();
        foreach (var booking in confirmed)
        {
            var view = await http.GetAsync($"/api/bookings/{booking["manageToken"].Text()}");
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
            var body = await view.Json();
            Assert.Equal("booked", body["status"].Text());
            Assert.Equal(booking["start"].Text(), body["start"].Text());
        }
        var booked = await app.Query<Guid>("select (data->>'appointmentId')::uuid from mt_events where type = 'appointment_booked'");
        Assert.Equal(confirmedIds.Order(), booked.Order());
        Assert.Empty(await app.Query<Guid>("""
            select a.id from (select (data->>'appointmentId')::uuid as id, (data->>'clientId')::uuid as client
                              from mt_events where type = 'appointment_booked') a
            where (select count(*) from mt_events r where r.type = 'slot_reserved' and (r.data->>'appointmentId')::uuid = a.id) <> 1
               or (select count(*) from staff_reservations s where s.appointment_id = a.id) <> 1
               or (select count(*) from manage_tokens t where t.appointment_id = a.id) <> 1
               or (select count(*) from idempotency_keys k where k.appointment_id = a.id) <> 1
               or not exists (select 1 from client_contacts c where c.client_id = a.client)
            """));
        Assert.Empty(await app.Query<Guid>("""
            select r.appointment_id from staff_reservations r
            where not exists (select 1 from mt_events b where b.type = 'appointment_booked' and (b.data->>'appointmentId')::uuid = r.appointment_id)
            """));
        // Each stream's version is its number of events, numbered 1..n: no event without its version, no version without its event.
        Assert.Empty(await app.Query<string>("""
            select s.id from mt_streams s
            join lateral (select count(*) as n, min(version) as low, max(version) as high from mt_events e
                          where e.tenant_id = s.tenant_id and e.stream_id = s.id) e on true
            where s.id <> 'mt_tombstone' and (e.n <> s.version or e.low <> 1 or e.high <> s.version)
            union all
            select e.stream_id from mt_events e
            where e.stream_id <> 'mt_tombstone' -- Marten's own record of the sequence numbers a failed append used
              and not exists (select 1 from mt_streams s where s.tenant_id = e.tenant_id and s.id = e.stream_id)
            """));
        Assert.Equal(0L, await app.Scalar<long>(
            "select count(*) - count(distinct data->>'start') from mt_events where type = 'appointment_booked'"));

        // The asynchronous projections resumed from their checkpoints: caught up exactly, each event applied once.
        var top = await app.Scalar<long>("select max(seq_id) from mt_events");
        var projections = app.Factory.Services.GetServices<IAsyncProjection>().Select(p => p.Name).ToList();
        await Until(async () => (await app.Query<long>($"select last_seq_id from mt_event_progression where name in ({string.Join(", ", projections.Select(n => $"'{n}:All'"))})"))
                .Count(p => p == top) == projections.Count,
            "every asynchronous projection at the last event");
        var bookedSequences = await app.Query<long>("select seq_id from mt_events where type = 'appointment_booked'");
        Assert.Equal(bookedSequences.Order(), (await app.Query<long>(
            "select event_seq from email_outbox where kind = 'confirmation' and recipient_role = 'client'")).Order());
        Assert.Equal(bookedSequences.Count, await app.Scalar<long>("select count(*) from email_outbox"));
        Assert.Equal(bookedSequences.Count, await app.Scalar<long>("select coalesce(sum(booked), 0)::bigint from booking_statistics"));

        // The email sender resumed too: every queued message went out; one caught between its send and its record may go
        // out again (at-least-once), but only under its own Message-ID.
        await Until(async () => await app.Scalar<long>("select count(*) from email_outbox where status <> 'sent'") == 0,
            "every queued email sent");
        var queued = await app.Query<string>("select message_id from email_outbox");
        var sent = Directory.GetFiles(app.PickupFolder, "*.eml").Select(f => MessageId().Match(File.ReadAllText(f)).Groups[1].Value).ToList();
        Assert.Equal(queued.Order(), sent.Distinct().Order());
        output.WriteLine($"{answers.Count} answers: {confirmed.Count} confirmed ({answers.Count(a => a.Replayed)} by a replay after a 503), " +
            $"{answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} × 503; {sent.Count} emails for {queued.Count} queued");
    }

    [Fact]
    public async Task While_the_database_is_down_requests_get_a_503_problem_that_says_so_and_once_it_is_back_they_work_again()
    {
        var http = app.CreateClient();
        (await http.GetAsync("/health")).EnsureSuccessStatusCode();
        var before = await app.Scalar<long>("select count(*) from mt_events");

        await app.Cluster.StopImmediatelyAsync();
        try
        {
            var booking = await http.Book(BookingClient.Request("2026-05-06T14:00", email: "while.down@example.fi"), "while-down");
            var freeTimes = await http.GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-05-06&to=2026-05-06");
            var callBack = await http.ReserveCallBack(CallBackClient.Request("2026-04-22T14:00", phone: "040 765 4321"));
            var details = new List<string>();
            foreach (var response in new[] { booking, freeTimes, callBack })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
                var problem = await response.Json();
                Assert.Equal("Service temporarily unavailable", problem["title"].Text());
                Assert.Contains("cannot reach its database", problem["detail"].Text());
                details.Add(problem["detail"].Text());
            }
            // Each says only what is true for it: a booking may have been saved and a retry with its key tells; a search
            // changed nothing; a call-back (no Idempotency-Key) may have been saved, so look before sending it again.
            Assert.Contains("retry with the same Idempotency-Key", details[0]);
            Assert.Contains("Nothing was changed", details[1]);
            Assert.DoesNotContain("Idempotency-Key", details[1]);
            Assert.Contains("may have been saved: read it back", details[2]);
            Assert.DoesNotContain("Idempotency-Key", details[2]);
            var health = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("unreachable", (await health.Json())["database"].Text());
        }
        finally
        {
            await app.Cluster.StartAgainAsync();
        }

        await Until(async () => (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK, "the service answering healthy again");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-05-06&to=2026-05-06")).StatusCode);
        Assert.Equal(before, await app.Scalar<long>("select count(*) from mt_events"));
    }

    // Free advice times at least an hour apart, so that no two of the stream's bookings compete for one supervisor's time.
    private async Task<List<string>> SeparateFreeTimes()
    {
        var free = await (await app.CreateClient().GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-04-21&to=2026-05-15"))
            .JsonArray();
        var chosen = new List<DateTime>();
        foreach (var start in free.Select(f => DateTime.Parse(f!["start"].Text(), System.Globalization.CultureInfo.InvariantCulture)).Order())
            if (chosen.Count == 0 || start - chosen[^1] >= TimeSpan.FromHours(1))
                chosen.Add(start);
        Assert.True(chosen.Count >= 60, $"only {chosen.Count} separate free times");
        return chosen.Select(t => t.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    private async Task SendBookings(ConcurrentQueue<string> times, ConcurrentQueue<Answer> answers, CancellationToken stop)
    {
        using var http = app.CreateClient();
        while (!stop.IsCancellationRequested)
        {
            var answer = await BookOnce(http, times, answers);
            if (answer is null) return;
        }
    }

    private static async Task<Answer> BookOnce(HttpClient http, ConcurrentQueue<string> times) =>
        (await BookOnce(http, times, null))!;

    // One client's booking: a 503 says the booking may have been saved and when to come back, so the client sends the same request with
    // the same Idempotency-Key again until it has another answer. Every answer is kept.
    private static async Task<Answer?> BookOnce(HttpClient http, ConcurrentQueue<string> times, ConcurrentQueue<Answer>? answers)
    {
        if (!times.TryDequeue(out var start)) return null;
        var key = Guid.NewGuid().ToString("N");
        var request = BookingClient.Request(start, email: $"outage.{key[..8]}@example.fi");
        var giveUp = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var sentAt = DateTime.UtcNow;
            using var response = await http.Book(request, key);
            var answer = new Answer(start, key, response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                response.Headers.RetryAfter is not null, response.Headers.Contains("Idempotent-Replayed"), await response.Content.ReadAsStringAsync(),
                sentAt, DateTime.UtcNow);
            answers?.Enqueue(answer);
            if (answer.Status != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > giveUp) return answer;
            await Task.Delay(100);
        }
    }

    private static Task Until(Func<bool> condition, string what, Task[]? workers = null) =>
        Until(() => Task.FromResult(condition()), what, workers);

    private static async Task Until(Func<Task<bool>> condition, string what, Task[]? workers = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (workers?.FirstOrDefault(w => w.IsFaulted) is { } failed) await failed;
            if (workers is not null && workers.All(w => w.IsCompleted)) throw new InvalidOperationException($"The senders stopped before {what}.");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {what} within a minute.");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"(?im)^Message-ID:\s*(<[^>]+>)")]
    private static partial Regex MessageId();
}
