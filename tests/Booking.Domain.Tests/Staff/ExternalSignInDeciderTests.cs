// Given an account / when the manager links it to a single sign-on claim value / then the event (without the value), or
// the rule that refused: one account per value, no spaces, and a repeat writes nothing.
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using NodaTime;

namespace Booking.Domain.Tests.Staff;

public class ExternalSignInDeciderTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 4, 20, 6, 0);
    private static readonly Guid Aino = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private const string By = "staff:manager";
    private static readonly StaffAccount Open = StaffAccountDecider.Definition.Fold(StaffAccount.Initial,
        [new StaffAccountOpened(Aino, StaffRoles.Supervisor, By, Now)]);

    private static Decision<StaffAccountEvent> Set(string value, string? current = null, bool taken = false, StaffAccount? state = null) =>
        StaffAccountDecider.Decide(new SetExternalSignIn(Aino, value, current, taken, By, Now), state ?? Open);

    [Fact]
    public void Given_an_account_When_the_manager_links_a_claim_value_Then_the_event_says_who_and_when_but_not_the_value() =>
        Assert.Equal([new StaffExternalSignInSet(Aino, false, By, Now)], Set("aino@kunta.example").Events);

    [Fact]
    public void Given_a_linked_account_When_the_same_value_is_set_again_Then_nothing_is_written() =>
        Assert.Empty(Set("aino@kunta.example", current: "aino@kunta.example").Events);

    [Fact]
    public void Given_a_linked_account_When_the_value_is_cleared_Then_the_event_says_cleared() =>
        Assert.Equal([new StaffExternalSignInSet(Aino, true, By, Now)], Set("", current: "aino@kunta.example").Events);

    [Fact]
    public void Given_another_account_with_the_value_When_it_is_set_Then_it_is_refused_as_taken() =>
        Assert.Equal("external_id_taken", Set("aino@kunta.example", taken: true).Error!.Code);

    [Fact]
    public void Given_a_value_with_a_space_When_it_is_set_Then_it_is_refused_naming_the_field() =>
        Assert.Equal("externalId", Set("aino virtanen").Error!.Field);

    [Fact]
    public void Given_no_account_When_a_value_is_set_Then_it_is_refused_as_not_found() =>
        Assert.Equal("account_not_found", Set("aino@kunta.example", state: StaffAccount.Initial).Error!.Code);
}
