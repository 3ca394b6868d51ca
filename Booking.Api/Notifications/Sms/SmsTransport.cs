// The SMS port and its two adapters: the pickup folder (development: one .txt per message, erased with the client's
// data) and an HTTP SMS gateway (JSON POST with basic or bearer sign-in, a timeout, and failures sorted into "try again
// later" and "will never work"). Logs carry the message id and the status code, never the number or the text.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Booking.Api.Notifications.Sms;

/// <param name="Id">The outbox row's id: the gateway's reference, so a resend after a crash can be recognised.</param>
/// <param name="To">The number in international form (+358401234567).</param>
public sealed record SmsMessage(string Id, string To, string Text);

public sealed class SmsTransportException(string reason, bool permanent, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason { get; } = reason;
    public bool Permanent { get; } = permanent;
}

public interface ISmsTransport
{
    /// <summary>Sends or throws <see cref="SmsTransportException"/>.</summary>
    Task Send(SmsMessage message, CancellationToken ct);
}

/// <summary>Development: writes each message to the pickup folder as a text file named for its id.</summary>
public sealed class PickupSmsTransport(SmsSettings settings) : ISmsTransport
{
    public static string FileName(string id) => new string(id.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' ? ch : '_').ToArray()) + ".sms.txt";

    public async Task Send(SmsMessage message, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(settings.PickupDirectory).FullName;
        var content = $"From: {settings.SenderId}\nTo: {message.To}\nId: {message.Id}\n\n{message.Text}\n";
        try { await File.WriteAllTextAsync(Path.Combine(folder, FileName(message.Id)), content, Encoding.UTF8, ct); }
        catch (IOException e) { throw new SmsTransportException("could not write to the pickup folder", permanent: false, e); }
    }
}

/// <summary>An HTTP SMS gateway: POST {from, to, text, reference} as JSON to Sms:GatewayUrl.</summary>
public sealed class HttpSmsGateway(IHttpClientFactory clients, SmsSettings settings, ILogger<HttpSmsGateway> logger) : ISmsTransport
{
    public const string ClientName = "sms-gateway";

    public async Task Send(SmsMessage message, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl)
        {
            Content = JsonContent.Create(new GatewayRequest(settings.SenderId, message.To, message.Text, message.Id)),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        else if (!string.IsNullOrEmpty(settings.UserName))
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.UserName}:{settings.Password}")));

        HttpResponseMessage response;
        try { response = await client.SendAsync(request, ct); }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new SmsTransportException("the gateway did not answer in time", permanent: false, e);
        }
        catch (HttpRequestException e)
        {
            throw new SmsTransportException("could not reach the gateway", permanent: false, e);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            logger.LogInformation("SMS {Id}: the gateway answered {Status}", message.Id, status);
            if (response.IsSuccessStatusCode) return;
            // 408 and 429 and every 5xx may pass; other 4xx (bad number, bad sign-in) will not, so they are not retried.
            var permanent = status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            throw new SmsTransportException($"the gateway answered {status}", permanent);
        }
    }

    private sealed record GatewayRequest(string From, string To, string Text, string Reference);
}
