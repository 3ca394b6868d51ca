// The client's details are checked once, in the domain, with errors keyed by the JSON field the form shows them on.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;

namespace Booking.Domain.Tests.Shared;

public class ContactDetailsTests
{
    private static ContactDetails Valid => new("Maija Meikäläinen", "maija@example.fi", "+358 40 123 4567", Language.Fi);

    [Fact]
    public void Given_valid_details_When_validated_Then_no_errors()
    {
        Assert.Empty(Valid.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Given_no_name_When_validated_Then_client_name_is_required(string name)
    {
        var errors = (Valid with { Name = name }).Validate();

        Assert.Equal(["client.name"], errors.Keys);
    }

    [Fact]
    public void Given_a_language_that_is_only_a_number_When_validated_Then_client_language_is_refused() =>
        Assert.Equal(["client.language"], (Valid with { Language = (Language)5 }).Validate().Keys);

    [Fact]
    public void Given_a_name_over_100_characters_When_validated_Then_client_name_is_refused()
    {
        Assert.Empty((Valid with { Name = new string('a', 100) }).Validate());
        Assert.Equal(["client.name"], (Valid with { Name = new string('a', 101) }).Validate().Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("maija")]
    [InlineData("maija@")]
    [InlineData("@example.fi")]
    [InlineData("maija@example")]
    [InlineData("maija@.fi")]
    [InlineData("maija@example.fi.")]
    [InlineData("maija meik@example.fi")]
    [InlineData("Maija <maija@example.fi>")]
    public void Given_a_malformed_email_When_validated_Then_client_email_is_refused(string email)
    {
        Assert.Equal(["client.email"], (Valid with { Email = email }).Validate().Keys);
    }

    [Theory]
    [InlineData("maija@example.fi")]
    [InlineData("maija.meikalainen+booking@kunta.example.fi")]
    [InlineData("  maija@example.fi  ")]
    public void Given_a_valid_email_When_validated_Then_it_is_accepted(string email)
    {
        Assert.Empty((Valid with { Email = email }).Validate());
    }

    [Theory]
    [InlineData("+358 40 123 4567")]
    [InlineData("040-1234567")]
    [InlineData("0401234567")]
    [InlineData("(09) 310 1234")]
    [InlineData("+46 8 123 456 78")]
    public void Given_a_Finnish_or_foreign_phone_number_When_validated_Then_it_is_accepted(string phone)
    {
        Assert.Empty((Valid with { Phone = phone }).Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]              // 5 digits
    [InlineData("1234567890123456")]   // 16 digits
    [InlineData("040 123 456a")]
    [InlineData("040+1234567")]        // + not first
    [InlineData("++358401234567")]
    [InlineData("040.123.4567")]
    public void Given_a_malformed_phone_number_When_validated_Then_client_phone_is_refused(string phone)
    {
        Assert.Equal(["client.phone"], (Valid with { Phone = phone }).Validate().Keys);
    }

    [Fact]
    public void Given_every_field_wrong_When_validated_Then_each_field_has_its_own_error()
    {
        var errors = new ContactDetails("", "nope", "x", Language.Sv).Validate();

        Assert.Equal(new HashSet<string> { "client.name", "client.email", "client.phone" }, errors.Keys.ToHashSet());
        Assert.All(errors.Values, messages => Assert.NotEmpty(messages));
    }

    [Fact]
    public void Given_another_prefix_When_validated_Then_the_keys_carry_it()
    {
        var errors = new ContactDetails("", "nope", "x", Language.En).Validate("otherParent.");

        Assert.Equal(new HashSet<string> { "otherParent.name", "otherParent.email", "otherParent.phone" }, errors.Keys.ToHashSet());
    }

    [Fact]
    public void Given_padded_details_When_normalised_Then_spaces_are_trimmed()
    {
        var normalised = new ContactDetails("  Maija ", " maija@example.fi ", " 040-1234567 ", Language.Fi).Normalised();

        Assert.Equal(new ContactDetails("Maija", "maija@example.fi", "040-1234567", Language.Fi), normalised);
    }
}
