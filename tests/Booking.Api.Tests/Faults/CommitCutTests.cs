// The answer to a booking is lost after its commit reached PostgreSQL (the connection cut right after COMMIT): the client
// was told only that the booking may have been saved, and its retry with the same Idempotency-Key gets the booking that
// was made, with the same manage link, and nothing is booked twice.
using System.Net;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Faults;

public sealed class CommitCutApp : BookingApp
{
    public CommitCuttingProxy Proxy { get; private set; } = null!;

    protected override async Task<string> CreateDatabaseAsync()
    {
        var connectionString = await base.CreateDatabaseAsync();
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        Proxy = CommitCuttingProxy.Start(target.Host!, target.Port);
        return connectionString;
    }

    // The service talks through the proxy; the test reads the database directly. The proxy reads the plain protocol.
    protected override void ConfigureHost(IWebHostBuilder host) =>
        host.UseSetting("ConnectionStrings:Booking", new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            Host = "127.0.0.1", Port = Proxy.Port, SslMode = SslMode.Disable, GssEncryptionMode = GssEncryptionMode.Disable,
        }.ConnectionString);

    protected override async Task DropDatabaseAsync()
    {
        await Proxy.DisposeAsync();
        await base.DropDatabaseAsync();
    }
}

public sealed class CommitCutTests(CommitCutApp app) : IClassFixture<CommitCutApp>
{
    [Fact]
    public async Task Given_a_booking_committed_whose_answer_was_lost_When_the_client_retries_with_the_same_Idempotency_Key_Then_it_gets_that_booking_with_the_same_link()
    {
        var http = app.CreateClient();
        var free = await (await http.GetAsync("/api/free-times?type=advice&modality=inPerson&from=2026-04-22&to=2026-04-24")).JsonArray();
        var start = free[0]!["start"].Text()[..16];
        var request = BookingClient.Request(start, email: "cut.after.commit@example.fi");

        app.Proxy.CutAfterCommitOf("insert into idempotency_keys");
        var first = await http.Book(request, "commit-cut-1");

        Assert.Equal(1, app.Proxy.Cuts);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        var detail = (await first.Json())["detail"].Text();
        Assert.Contains("may have been saved", detail);
        Assert.Contains("same Idempotency-Key", detail);
        Assert.DoesNotContain("Nothing was saved", detail);
        Assert.Equal(1L, await app.CountEvents("appointment_booked"));

        var retry = await http.Book(request, "commit-cut-1");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        var booked = await retry.Json();
        Assert.Equal(start + ":00", booked["start"].Text());
        var token = booked["manageToken"].Text();
        Assert.Equal(43, token.Length);

        var again = await (await http.Book(request, "commit-cut-1")).Json();
        Assert.Equal(token, again["manageToken"].Text());
        var view = await http.GetAsync($"/api/bookings/{token}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal(booked["appointmentId"].Text(), (await view.Json())["appointmentId"].Text());
        Assert.Equal(1L, await app.CountEvents("appointment_booked"));
        Assert.Equal(1L, await app.CountRows("idempotency_keys"));
    }
}
