// The unit's visiting address travels with an in-person booking: in the confirmation email (text and HTML), in the
// .ics LOCATION a phone's map can open, and in every email's signature with the unit's phone and email.
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Identity;

public sealed class UnitAddressEmailTests(EmailApp app) : IClassFixture<EmailApp>
{
    [Fact]
    public async Task An_in_person_confirmation_carries_the_address_in_text_html_and_the_ics_location()
    {
        var http = app.CreateClient();
        await http.Book(BookingClient.Request("2026-10-27T12:30", email: "osoite@example.fi", language: "sv"));

        var mail = Assert.Single(await app.Smtp.WaitFor("osoite@example.fi"));
        Assert.Contains("Perhepolku 4 B, 2. kerros, 06100 Porvoo", mail.Text);
        Assert.Contains("Perhepolku 4 B, 2. kerros, 06100 Porvoo", mail.Html);
        Assert.Contains("Ingång utan trappor", mail.Text);
        Assert.Contains("Telefon: 09 123 4567", mail.Text);
        Assert.Contains("E-post: perheoikeus@porvoo.example.fi", mail.Text);
        var calendar = await SmtpServer.CheckIcs(Assert.Single(mail.Ics).Content);
        Assert.Equal("Perheoikeudellinen yksikkö – Familjerättsliga enheten, Perhepolku 4 B, 2. kerros, 06100 Porvoo",
            calendar["location"].Text());
    }

    [Fact]
    public async Task A_phone_meeting_has_no_address_as_its_place_but_the_signature_still_gives_the_phone()
    {
        var http = app.CreateClient();
        await http.Book(BookingClient.Request("2026-10-27T13:00", modality: "phone", email: "puhelin@example.fi"));

        var mail = Assert.Single(await app.Smtp.WaitFor("puhelin@example.fi"));
        Assert.Contains("Puhelin: 09 123 4567", mail.Text);
        var calendar = await SmtpServer.CheckIcs(Assert.Single(mail.Ics).Content);
        Assert.DoesNotContain("Perhepolku", calendar["location"].Text());
    }
}
