// The SMS side of the notifications: settings, the outbox, the sender (run by the email sender's loop) and the transport
// the settings choose: the HTTP gateway through IHttpClientFactory with its timeout, or the pickup folder.
using Booking.Api.CallBacks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.Api.Notifications.Sms;

public static class SmsRegistration
{
    public static IServiceCollection AddSmsConfirmations(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = SmsSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<SmsOutbox>();
        services.AddSingleton<CallBackConfirmations>();
        services.AddSingleton<SmsSender>();
        if (settings.UsesGateway)
        {
            services.AddHttpClient(HttpSmsGateway.ClientName, client => client.Timeout = settings.Timeout);
            services.TryAddSingleton<ISmsTransport, HttpSmsGateway>();
        }
        else
        {
            services.TryAddSingleton<ISmsTransport, PickupSmsTransport>();
        }
        return services;
    }
}
