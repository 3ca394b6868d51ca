// At-least-once: the sender "dies" after the SMTP server accepted a message and before the outbox recorded it.
// Another instance takes over the sender's lock and sends it again: one duplicate at most, with the same Message-ID.
using Booking.Api.Notifications;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Booking.Api.Tests.Notifications;

public sealed class CrashBetweenSendAndRecordTests(EmailApp app) : IClassFixture<EmailApp>
{
    [Fact]
    public async Task A_message_sent_but_not_recorded_is_sent_again_once_by_the_next_instance_with_the_same_Message_ID()
    {
        var crashed = 0;
        app.Faults.CrashAfterSend = _ => Interlocked.Exchange(ref crashed, 1) == 0;
        var booked = await (await app.CreateClient().Book(BookingClient.Request("2026-10-27T08:30", email: "crash@example.fi"))).Json();
        var id = Guid.Parse(booked["appointmentId"].Text());

        var first = Assert.Single(await app.Smtp.WaitFor("crash@example.fi"));
        var firstSender = app.Factory.Services.GetRequiredService<EmailSender>();
        await Until(() => !firstSender.IsLeader);
        Assert.Equal("pending", Assert.Single(await app.Outbox(id)).Status);

        await using var second = app.NewInstance();
        var secondSender = second.Services.GetRequiredService<EmailSender>();
        var rows = await app.WaitForOutbox(id, rows => rows.All(r => r.Status == "sent"));
        Assert.True(secondSender.IsLeader);

        var copies = app.Smtp.To("crash@example.fi");
        Assert.Equal(2, copies.Count);
        Assert.All(copies, c => Assert.Equal(first.MessageId, c.MessageId));
        Assert.Equal(Assert.Single(rows).MessageId, first.MessageId);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not become true in time.");
            await Task.Delay(25);
        }
    }
}
