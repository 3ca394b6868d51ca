// The input rules every door shares: an enum is one of its names, never a number or a comma list; no field holds NUL.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Secretary;
using Booking.Domain;
using Booking.Domain.WalkIn;

namespace Booking.Domain.Tests.Shared;

public class ClientInputTests
{
    [Theory]
    [InlineData("video", Modality.Video)]
    [InlineData("InPerson", Modality.InPerson)]
    [InlineData("in-person", Modality.InPerson)]
    [InlineData(" PHONE ", Modality.Phone)]
    public void A_documented_name_in_any_case_is_read(string text, Modality expected)
    {
        Assert.True(ClientInput.TryEnum<Modality>(text, out var read));
        Assert.Equal(expected, read);
    }

    [Theory]
    [InlineData("inPerson,video")]
    [InlineData("Fi,Sv")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("0x1")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("teleport")]
    public void A_number_a_comma_list_or_an_unknown_word_is_not_a_name(string? text)
    {
        Assert.False(ClientInput.TryEnum<Modality>(text, out _));
        Assert.False(ClientInput.TryEnum<Language>(text, out _));
    }

    [Fact]
    public void The_choices_list_the_names_as_the_wire_spells_them() =>
        Assert.Equal("advice, agreement, paternity, other", ClientInput.Choices<WalkInMatter>());

    [Theory]
    [InlineData("Maija\u0000Meikäläinen")]
    [InlineData("Maija\u001bMeikäläinen")]
    [InlineData("Maija\nMeikäläinen")]
    public void Control_characters_are_found_in_a_one_line_field(string text) =>
        Assert.True(ClientInput.HasControlCharacters(text));

    [Fact]
    public void Half_of_a_surrogate_pair_is_found_but_a_whole_pair_is_text()
    {
        Assert.True(ClientInput.HasControlCharacters("Maija" + (char)0xD800));
        Assert.False(ClientInput.HasControlCharacters("Maija 😀"));
    }

    [Fact]
    public void Free_text_may_break_lines_but_not_hold_NUL()
    {
        Assert.False(ClientInput.HasControlCharacters("Ensimmäinen rivi\r\nToinen\trivi 😀", multiline: true));
        Assert.True(ClientInput.HasControlCharacters("rivi\u0000", multiline: true));
    }

    [Fact]
    public void A_client_name_email_or_phone_with_NUL_is_refused_by_the_contact_rules_shared_by_API_and_pages()
    {
        var details = new ContactDetails("Maija\0Meikäläinen", "maija\0@example.fi", "040\0 123 4567", Language.Fi);

        Assert.Equal(["client.email", "client.name", "client.phone"], details.Validate().Keys.Order());
    }

    [Fact]
    public void A_parent_name_with_NUL_is_refused_by_the_secretarys_rules() =>
        Assert.Contains("parent.name", new ParentDetails("Maija\0", "maija@example.fi", "", Language.Fi).Validate("parent.").Keys);
}
