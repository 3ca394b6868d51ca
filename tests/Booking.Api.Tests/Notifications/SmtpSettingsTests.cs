// The SMTP settings as a manager writes them: the security mode, sign-in and timeouts, and the settings the service
// refuses at start-up because they could never send, or would send the SMTP password unencrypted.
using Booking.Api.Notifications;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Booking.Api.Tests.Notifications;

public sealed class SmtpSettingsTests
{
    private static EmailSettings Read(params (string Key, string Value)[] values) => EmailSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void Without_a_security_setting_the_connection_upgrades_to_TLS_when_the_server_offers_it()
    {
        var settings = Read(("Smtp:Host", "smtp.example.fi"));
        Assert.Equal(SecureSocketOptions.StartTlsWhenAvailable, settings.SmtpSecurity);
        Assert.Equal(25, settings.SmtpPort);
        Assert.False(settings.SignsIn);
    }

    [Theory]
    [InlineData("None", SecureSocketOptions.None, 25)]
    [InlineData("starttls", SecureSocketOptions.StartTls, 25)]
    [InlineData("StartTlsWhenAvailable", SecureSocketOptions.StartTlsWhenAvailable, 25)]
    [InlineData("SslOnConnect", SecureSocketOptions.SslOnConnect, 465)]
    public void Each_security_mode_is_read_by_name_and_SSL_on_connect_defaults_to_port_465(string value, SecureSocketOptions mode, int port)
    {
        var settings = Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:Security", value));
        Assert.Equal((mode, port), (settings.SmtpSecurity, settings.SmtpPort));
    }

    [Theory]
    [InlineData("Tls")]
    [InlineData("Auto")]
    [InlineData("1")]
    public void An_unknown_security_mode_stops_the_start_up_and_lists_the_ones_there_are(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:Security", value)));
        Assert.Contains("Smtp:Security", error.Message);
        Assert.Contains("None, StartTls, StartTlsWhenAvailable, SslOnConnect", error.Message);
    }

    [Fact]
    public void The_older_EnableSsl_setting_still_means_STARTTLS()
    {
        Assert.Equal(SecureSocketOptions.StartTls, Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:EnableSsl", "true")).SmtpSecurity);
    }

    [Fact]
    public void A_user_name_and_password_sign_in_over_STARTTLS_or_SSL()
    {
        foreach (var mode in new[] { "StartTls", "SslOnConnect" })
        {
            var settings = Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:Security", mode), ("Smtp:UserName", "booking"), ("Smtp:Password", "s3cret"));
            Assert.True(settings.SignsIn);
            Assert.Equal(("booking", "s3cret"), (settings.SmtpUserName, settings.SmtpPassword));
        }
    }

    [Theory]
    [InlineData("None")]
    [InlineData("StartTlsWhenAvailable")]
    public void A_sign_in_that_could_travel_unencrypted_to_another_machine_stops_the_start_up(string mode)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:Security", mode),
            ("Smtp:UserName", "booking"), ("Smtp:Password", "s3cret")));
        Assert.Contains("StartTls or SslOnConnect", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void A_relay_on_this_machine_may_take_a_sign_in_without_TLS(string host)
    {
        Assert.True(Read(("Smtp:Host", host), ("Smtp:Security", "None"), ("Smtp:UserName", "booking"), ("Smtp:Password", "s3cret")).SignsIn);
    }

    [Fact]
    public void A_user_name_without_a_password_or_a_password_without_a_user_name_stops_the_start_up()
    {
        Assert.Contains("Smtp:Password is not", Assert.Throws<InvalidOperationException>(() =>
            Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:Security", "StartTls"), ("Smtp:UserName", "booking"))).Message);
        Assert.Contains("Smtp:UserName is not", Assert.Throws<InvalidOperationException>(() =>
            Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:Security", "StartTls"), ("Smtp:Password", "s3cret"))).Message);
    }

    [Fact]
    public void Connect_and_send_timeouts_are_set_apart_or_together_and_must_be_positive()
    {
        var apart = Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:ConnectTimeoutSeconds", "3"), ("Smtp:SendTimeoutSeconds", "40"));
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(40)), (apart.SmtpConnectTimeout, apart.SmtpSendTimeout));
        var together = Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:TimeoutSeconds", "5"));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)), (together.SmtpConnectTimeout, together.SmtpSendTimeout));
        var defaults = Read(("Smtp:Host", "smtp.example.fi"));
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)), (defaults.SmtpConnectTimeout, defaults.SmtpSendTimeout));

        Assert.Throws<InvalidOperationException>(() => Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:SendTimeoutSeconds", "0")));
        Assert.Throws<InvalidOperationException>(() => Read(("Smtp:Host", "smtp.example.fi"), ("Smtp:Port", "70000")));
    }

    [Fact]
    public void Without_an_SMTP_host_nothing_about_SMTP_is_checked_and_mail_goes_to_the_pickup_folder()
    {
        var settings = Read(("Smtp:Security", "SslOnConnect"), ("Smtp:UserName", "booking"));
        Assert.False(settings.UsesSmtp);
    }
}
