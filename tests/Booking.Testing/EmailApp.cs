// The service with its email going to a real SMTP server, with short poll and retry timings so the tests stay fast.
// "Now" is Monday 2026-10-19 09:00 in Helsinki: summer time ends on Sunday 2026-10-25, within the booking horizon.
using Booking.Api.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Xunit;

namespace Booking.Testing;

public class EmailApp : BookingApp, IAsyncLifetime
{
    public const string PublicBaseUrl = "http://booking.test";
    public const int MaxAttempts = 8;

    public EmailApp() : base(Instant.FromUtc(2026, 10, 19, 6, 0)) { }

    public SmtpServer Smtp { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Smtp:Host", "127.0.0.1");
        host.UseSetting("Smtp:Port", Smtp.Port.ToString());
        host.UseSetting("Smtp:From", "perheoikeus@booking.test");
        host.UseSetting("Smtp:TimeoutSeconds", "5");
        host.UseSetting("PublicBaseUrl", PublicBaseUrl);
        host.UseSetting("Email:PollIntervalSeconds", "0.1");
        host.UseSetting("Email:LockRetrySeconds", "0.2");
        host.UseSetting("Email:RetryBaseSeconds", "0.1");
        host.UseSetting("Email:RetryCapSeconds", "1");
        host.UseSetting("Email:MaxAttempts", MaxAttempts.ToString());
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Smtp.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public EmailSenderFaults Faults => Factory.Services.GetRequiredService<EmailSenderFaults>();

    public sealed record OutboxRow(string Id, string Kind, string Role, string Status, int Attempts, string? LastError, string MessageId);

    public async Task<IReadOnlyList<OutboxRow>> Outbox(Guid appointmentId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select id, kind, recipient_role, status, attempts, last_error, message_id from email_outbox
            where appointment_id = $1 order by coalesce(event_seq, 0), id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = appointmentId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
            rows.Add(new OutboxRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
        return rows;
    }

    /// <summary>Waits until the appointment's outbox rows meet the condition.</summary>
    public async Task<IReadOnlyList<OutboxRow>> WaitForOutbox(Guid appointmentId, Func<IReadOnlyList<OutboxRow>, bool> condition,
        TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var rows = await Outbox(appointmentId);
            if (condition(rows)) return rows;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The outbox did not reach the expected state: " + string.Join("; ", rows));
            await Task.Delay(50);
        }
    }
}
