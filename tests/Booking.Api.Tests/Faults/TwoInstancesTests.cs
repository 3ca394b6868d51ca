// Two instances of the service on loopback against one database, the way the unit scales out: live screens on one hear
// what was booked through the other, and each asynchronous projection and the email sender run on exactly one instance
// at a time (a PostgreSQL advisory lock), moving to the other when that one stops.
using System.Net;
using System.Text.Json.Nodes;
using Booking.Api.Storage;
using Booking.Api.Notifications;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Faults;

public sealed class TwoInstances : BookingApp
{
    public const string First = "booking-instance-a";
    public const string Second = "booking-instance-b";

    protected override bool UseKestrel => true;

    protected override string? ApplicationName => First;

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Email:PollIntervalSeconds", "0.2");
        host.UseSetting("Email:LockRetrySeconds", "1");
    }

    /// <summary>A second instance on its own loopback port, its connections named <see cref="Second"/>.</summary>
    public WebApplicationFactory<Program> StartSecond()
    {
        var second = NewInstance(Second);
        second.UseKestrel(0);
        second.StartServer();
        return second;
    }

    public static HttpClient ClientOf(WebApplicationFactory<Program> instance) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = AddressOf(instance) };

    /// <summary>For each advisory lock key in this database: the application names of the sessions holding it.</summary>
    public async Task<Dictionary<long, List<string>>> LockHolders()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // A bigint key is split into classid (high half) and objid (low half), with objsubid 1.
        await using var command = new NpgsqlCommand("""
            select l.classid::bigint, l.objid::bigint, a.application_name
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.objsubid = 1 and l.granted and l.mode = 'ExclusiveLock'
              and l.database = (select oid from pg_database where datname = current_database())
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var holders = new Dictionary<long, List<string>>();
        while (await reader.ReadAsync())
        {
            var key = unchecked((long)((ulong)reader.GetInt64(0) << 32 | (ulong)reader.GetInt64(1)));
            if (!holders.TryGetValue(key, out var names)) holders[key] = names = [];
            names.Add(reader.GetString(2));
        }
        return holders;
    }
}

public sealed class TwoInstancesTests(TwoInstances app) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_booking_through_one_instance_reaches_the_live_screens_of_the_other_and_the_background_work_runs_once_and_moves_when_its_instance_stops()
    {
        var first = app.Factory;
        // The first instance has been alone: it holds every lock, the email sender's and one per asynchronous projection
        // (Marten's daemon in hot/cold mode takes an advisory lock per projection).
        var projections = first.Services.GetServices<IAsyncProjection>().Count();
        await Until(async () => await app.LockHolders() is var held && held.Count == projections + 1 && held.ContainsKey(EmailSender.LockKey)
                                && held.Values.All(h => h.SequenceEqual([TwoInstances.First])),
            "the first instance runs all the background work");
        var locks = (await app.LockHolders()).Keys.ToList();

        await using var second = app.StartSecond();
        using var throughSecond = TwoInstances.ClientOf(second);
        (await throughSecond.GetAsync("/health")).EnsureSuccessStatusCode();

        // Live: a screen on the second instance hears of a booking made through the first.
        await using (var screen = await LiveListener.Open(TwoInstances.ClientOf(second), "appointment"))
        {
            using var throughFirst = app.CreateClient();
            var booked = await throughFirst.Book(BookingClient.Request("2026-04-22T08:30", email: "first.instance@example.fi"));
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            var sequence = await BookedSequence(await booked.Json());
            await screen.WaitFor(e => e.Name == "change" && e.Data?["sequence"]?.GetValue<long>() >= sequence, TimeSpan.FromSeconds(3),
                "change on the second instance for the booking made through the first");
        }

        // With the second instance up (and past its first look for leadership), still exactly one holder of each lock.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => throughSecond.GetAsync("/health")));
        Assert.All(Holders(await app.LockHolders(), locks), h => Assert.Equal([TwoInstances.First], h));
        Assert.True(first.Services.GetRequiredService<EmailSender>().IsLeader && !second.Services.GetRequiredService<EmailSender>().IsLeader);

        // The first instance stops: the second takes every lock over, and runs the work.
        await first.DisposeAsync();
        await Until(async () => Holders(await app.LockHolders(), locks).All(h => h.SequenceEqual([TwoInstances.Second])),
            "the second instance taking over all the background work");
        Assert.True(second.Services.GetRequiredService<EmailSender>().IsLeader);

        var later = await throughSecond.Book(BookingClient.Request("2026-04-22T10:30", email: "second.instance@example.fi"));
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        var laterSequence = await BookedSequence(await later.Json());
        await Until(async () =>
                await Scalar($"select count(*) from email_outbox where event_seq = {laterSequence} and status = 'sent'") == 1
                && await Scalar("select coalesce(sum(booked), 0)::bigint from booking_statistics") == 2,
            "the booking made after the takeover emailed and counted");
        Assert.Equal(2L, await Scalar("select count(*) from email_outbox"));
    }

    private static List<List<string>> Holders(Dictionary<long, List<string>> holders, List<long> locks) =>
        locks.Select(k => holders.TryGetValue(k, out var names) ? names : []).ToList();

    private async Task<long> BookedSequence(JsonObject booking) =>
        await Scalar($"select seq_id from mt_events where type = 'appointment_booked' and stream_id = 'appointment-{Guid.Parse(booking["appointmentId"].Text()):N}'");

    private async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {what} within 30 s.");
            await Task.Delay(50);
        }
    }
}
