// The retention job on a real PostgreSQL: a test family booked online, by the secretary (with a video link and a note),
// registered for an evening and reserved a call-back; once every period has passed, not a table of the database
// (ours and Marten's, every column as text) nor the pickup folder holds their name, address or number, the figures are
// the same, and a booking still within its period is untouched. Two instances never run the job at once.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Privacy;
using Booking.Api.Tests.Appointments;
using Booking.Api.Tests.CallBacks;
using Booking.Api.Tests.InfoEvenings;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Privacy;

public sealed class RetentionJobApp : BookingApp
{
    public string Pickup => Path.Combine(Path.GetTempPath(), "booking-tests-pickup", GetType().Name);
}

public sealed class RetentionJobTests(RetentionJobApp app) : IClassFixture<RetentionJobApp>
{
    [Fact]
    public async Task Given_a_family_whose_periods_have_passed_When_the_job_runs_Then_no_table_and_no_email_copy_holds_their_details_and_the_figures_stay()
    {
        var f = TestFamily.Distinct("Retained");
        if (Directory.Exists(app.Pickup)) Directory.Delete(app.Pickup, recursive: true);
        var anonymous = app.CreateClient();
        var online = await anonymous.Book(BookingClient.Request("2026-04-21T09:00", name: f.Name, email: f.Email, phone: f.Phone,
            otherParentEmail: "other." + f.Email), idempotencyKey: "retention-test-1");
        Assert.Equal(HttpStatusCode.Created, online.StatusCode);
        var secretary = await app.SignIn("leena");
        var family = await secretary.FirstContact(f);
        var central = await secretary.BookForFamily(Guid.Parse(family["familyId"].Text()), PrivacyTestData.Mother(family), "2026-04-23T13:00", f);
        Assert.Equal(HttpStatusCode.Created, central.StatusCode);
        var evening = await app.Schedule(30);
        var registered = await anonymous.PostAsJsonAsync($"/api/evenings/{evening}/registrations",
            new { client = new { name = f.Name, email = f.Email, phone = f.Phone, language = "fi" }, seats = 1 });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var callBack = await anonymous.ReserveCallBack(CallBackClient.Request("2026-04-22T14:00", phone: f.Phone, name: f.Name));
        Assert.Equal(HttpStatusCode.Created, callBack.StatusCode);
        // Within its period at the end: a meeting on 10 June is kept until 8 September.
        var kept = new TestFamily("Kept Keeperson", "kept.keeperson@example.fi", "+358 40 555 0101", "", "");
        Assert.Equal(HttpStatusCode.Created, (await anonymous.Book(BookingClient.Request("2026-06-10T09:00", name: kept.Name, email: kept.Email,
            phone: kept.Phone))).StatusCode);

        await app.Settled();
        // A unit that ran the service before the clocks existed gets the same clocks from its stored events.
        var clocks = await app.TableText("personal_data_clocks", "t::text");
        // The online booker and the invited parent, the kept booking, the mother's family and meeting, the evening, the call-back.
        Assert.Equal(7, clocks.Split('\n').Length);
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var empty = new NpgsqlCommand("delete from personal_data_clocks", connection);
            await empty.ExecuteNonQueryAsync();
            await using var backfill = new NpgsqlCommand(PersonalDataClocks.BackfillSql, connection);
            await backfill.ExecuteNonQueryAsync();
        }
        Assert.Equal(clocks, await app.TableText("personal_data_clocks", "t::text"));
        Assert.NotEmpty(await app.Search(f.Needles));
        Assert.NotEmpty(PrivacyTestData.SearchFolder(app.Pickup, f.Name));
        // The call-back's SMS confirmation, in the pickup folder's sms/ (no gateway configured), holds the number.
        var smsDeadline = DateTime.UtcNow.AddSeconds(20);
        while (PrivacyTestData.SearchFolder(Path.Combine(app.Pickup, "sms"), f.Phone).Count == 0 && DateTime.UtcNow < smsDeadline) await Task.Delay(50);
        Assert.NotEmpty(PrivacyTestData.SearchFolder(Path.Combine(app.Pickup, "sms"), f.Phone));
        var statistics = await app.TableText("booking_statistics", "t::text");
        var manager = await app.SignIn("pekka");
        var callBackFigures = await (await manager.GetAsync("/api/call-backs/figures?from=2026-04-01&to=2026-04-30")).Content.ReadAsStringAsync();
        const string UnitReport = "/api/figures/report?from=2026-04-01&to=2026-05-31";
        var report = await (await manager.GetAsync(UnitReport)).Content.ReadAsStringAsync();
        Assert.Contains("\"booked\"", report);

        // 23 July: the meetings of 21 and 23 April ended more than 90 days ago, the evening of 12 May and the call of
        // 22 April more than 30 days ago.
        app.Clock.Reset(Instant.FromUtc(2026, 7, 23, 9, 0));
        var run = await app.Factory.Services.GetRequiredService<RetentionJob>().RunOnce(CancellationToken.None);

        Assert.True(run.Ran);
        Assert.Empty(await app.Search(f.Needles));
        Assert.Empty(PrivacyTestData.SearchFolder(app.Pickup, f.Needles));
        Assert.Equal(statistics, await app.TableText("booking_statistics", "t::text"));
        Assert.Equal(callBackFigures, await (await manager.GetAsync("/api/call-backs/figures?from=2026-04-01&to=2026-04-30")).Content.ReadAsStringAsync());
        // The unit's report (#13) counts the same meetings, evening and call-back after the erasure.
        await app.Settled();
        Assert.Equal(report, await (await manager.GetAsync(UnitReport)).Content.ReadAsStringAsync());
        // The events are all still there, pseudonymous.
        Assert.True(await app.CountEvents("appointment_booked") >= 3);
        // The booking within its period keeps its contact.
        Assert.Equal(kept.Needles[..3].Select(n => $"public.client_contacts: {n}"),
            (await app.Search(kept.Needles[..3])).Where(t => t.StartsWith("public.client_contacts", StringComparison.Ordinal)));
        // Running again erases nothing more.
        Assert.Equal(0, (await app.Factory.Services.GetRequiredService<RetentionJob>().RunOnce(CancellationToken.None)).ClientsErased);
    }
}

public sealed class RetentionLockApp : BookingApp;

public sealed class RetentionJobLockTests(RetentionLockApp app) : IClassFixture<RetentionLockApp>
{
    [Fact]
    public async Task Two_instances_never_run_the_job_at_once_and_a_daily_run_happens_once_a_day()
    {
        var hooks = app.Factory.Services.GetRequiredService<RetentionJobHooks>();
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        hooks.InsideLock = async () => { inside.TrySetResult(); await release.Task; };
        await using var second = app.NewInstance();
        try
        {
            var first = app.Factory.Services.GetRequiredService<RetentionJob>().RunOnce(CancellationToken.None);
            await inside.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // While the first instance runs it, the second does not.
            var meanwhile = await second.Services.GetRequiredService<RetentionJob>().RunOnce(CancellationToken.None);
            Assert.False(meanwhile.Ran);
            release.SetResult();
            Assert.True((await first).Ran);
        }
        finally
        {
            hooks.InsideLock = null;
            release.TrySetResult();
        }

        // The daily run: it ran a moment ago (above), so neither instance runs it again today; a day later one does.
        Assert.False((await second.Services.GetRequiredService<RetentionJob>().RunIfDue(CancellationToken.None)).Ran);
        app.Clock.Advance(Duration.FromDays(1));
        var both = await Task.WhenAll(
            app.Factory.Services.GetRequiredService<RetentionJob>().RunIfDue(CancellationToken.None),
            second.Services.GetRequiredService<RetentionJob>().RunIfDue(CancellationToken.None));
        Assert.Equal(1, both.Count(r => r.Ran));
    }
}
