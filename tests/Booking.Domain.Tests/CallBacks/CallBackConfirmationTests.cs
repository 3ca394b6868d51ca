// The call-back confirmation's rules: when it is still sent, the number an SMS gateway gets, and the optional email.
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.WalkIn;
using NodaTime;

namespace Booking.Domain.Tests.CallBacks;

public class CallBackConfirmationTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 4, 22, 10, 0);

    private static CallBack Reserved(CallBackStatus status = CallBackStatus.Reserved) => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        new LocalDate(2026, 4, 22), Start, Start.Plus(Duration.FromMinutes(15)), WalkInMatter.Advice, Language.Sv, CallBackChannel.Online,
        Start.Minus(Duration.FromDays(1)), status);

    [Fact]
    public void Given_an_open_call_back_before_its_time_When_the_confirmation_is_due_Then_it_is_sent() =>
        Assert.Null(CallBackConfirmation.SkipReason(Reserved(), Start.Minus(Duration.FromHours(1))));

    [Theory]
    [InlineData(CallBackStatus.Cancelled, 0, "cancelled before sending")]
    [InlineData(CallBackStatus.Done, 0, "the call-back is closed")]
    [InlineData(CallBackStatus.Reserved, 1, "the call-back time has passed")]
    public void Given_a_cancelled_closed_or_past_call_back_When_the_confirmation_is_due_Then_it_is_skipped_with_the_reason(
        CallBackStatus status, int minutesAfterStart, string reason) =>
        Assert.Equal(reason, CallBackConfirmation.SkipReason(Reserved(status), Start.Plus(Duration.FromMinutes(minutesAfterStart))));

    [Fact]
    public void Given_no_call_back_When_the_confirmation_is_due_Then_it_is_skipped() =>
        Assert.Equal("no such call-back", CallBackConfirmation.SkipReason(null, Start));

    [Theory]
    [InlineData("040 123 4567", "+358401234567")]
    [InlineData("+358 40 123 4567", "+358401234567")]
    [InlineData("00358-40-1234567", "+358401234567")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("(09) 123 4567", "+35891234567")]
    public void A_number_as_typed_becomes_the_international_form_an_SMS_gateway_needs(string typed, string international) =>
        Assert.Equal(international, CallBackConfirmation.InternationalNumber(typed));

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("040 123 4567 ext")]
    [InlineData("04+0 123 4567")]
    public void What_is_no_phone_number_has_no_international_form(string typed) =>
        Assert.Null(CallBackConfirmation.InternationalNumber(typed));

    [Fact]
    public void A_call_back_request_with_a_malformed_email_is_refused_naming_the_email_field_and_without_one_it_is_accepted()
    {
        var request = new CallBackRequest(Guid.NewGuid(), Guid.NewGuid(), new LocalDateTime(2026, 4, 22, 13, 0), WalkInMatter.Advice, Language.Fi,
            "040 123 4567", null, CallBackChannel.Online, "client:test", Email: "not an address");
        Assert.Equal(["email"], CallBackUseCases.Validate(request).Keys);
        Assert.Empty(CallBackUseCases.Validate(request with { Email = null }));
        Assert.Empty(CallBackUseCases.Validate(request with { Email = " anna@example.fi " }));
    }
}
