// Erase now and link expiry as rules, without a database: given the family's events, when erasing, then the event or
// the rule that refuses.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Privacy;
using Booking.Domain.Secretary;
using NodaTime;
using Xunit;

namespace Booking.Domain.Tests.Privacy;

public sealed class ErasureDeciderTests
{
    private static readonly Guid FamilyId = Guid.NewGuid();
    private static readonly Instant Now = Instant.FromUtc(2026, 4, 20, 6, 0);

    private static ErasableFamily Given(params object[] events) => ErasureDecider.Definition.Fold(ErasableFamily.Initial, events);

    private static ErasableFamily AFamily() => Given(
        new ParentAdded(FamilyId, Guid.NewGuid(), ParentRole.Mother, "staff:leena", Now),
        new ContactLogged(FamilyId, ContactChannel.Phone, "advice", ParentRole.Mother, "staff:leena", Now));

    private static EraseFamilyData Erase(params Guid[] future) => new(FamilyId, ErasureReason.ParentAsked, future, 1, 2, "staff:pekka", Now);

    [Fact]
    public void Given_a_family_without_meetings_to_come_When_erased_Then_who_when_why_and_how_many_are_recorded()
    {
        var decision = ErasureDecider.Decide(Erase(), AFamily());

        Assert.Null(decision.Error);
        Assert.Equal(new PrivacyEvent[] { new FamilyPersonalDataErased(FamilyId, ErasureReason.ParentAsked, 1, 2, "staff:pekka", Now) }, decision.Events);
    }

    [Fact]
    public void Given_a_meeting_still_to_come_When_erased_Then_it_is_refused_until_the_meeting_is_cancelled()
    {
        var decision = ErasureDecider.Decide(Erase(Guid.NewGuid()), AFamily());

        Assert.Equal(ErasureDecider.FutureMeeting, decision.Error?.Code);
        Assert.Equal(Booking.Domain.EventSourcing.ErrorKind.Rule, decision.Error?.Kind);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_no_such_family_When_erased_Then_it_is_not_found()
    {
        var decision = ErasureDecider.Decide(Erase(), ErasableFamily.Initial);

        Assert.Equal("family_not_found", decision.Error?.Code);
    }

    [Fact]
    public void Given_an_erasure_When_the_family_is_folded_Then_the_family_is_unchanged_for_the_secretary()
    {
        var before = AFamily();
        var after = ErasureDecider.Definition.Evolve(before,
            new FamilyPersonalDataErased(FamilyId, ErasureReason.NotNeeded, 1, 0, "staff:leena", Now));

        Assert.Equal(before.Family, after.Family);
    }

    [Fact]
    public void Given_an_erased_family_When_erased_again_with_nothing_new_Then_nothing_is_recorded_until_the_family_changes()
    {
        var first = new FamilyPersonalDataErased(FamilyId, ErasureReason.ParentAsked, 1, 2, "staff:pekka", Now);
        var erased = ErasureDecider.Definition.Evolve(AFamily(), first);

        var again = ErasureDecider.Decide(Erase(), erased);
        Assert.Null(again.Error);
        Assert.Empty(again.Events);
        Assert.Equal(first, erased.Erased);

        var contactedAgain = ErasureDecider.Definition.Evolve(erased,
            new ContactLogged(FamilyId, ContactChannel.Phone, "advice", ParentRole.Mother, "staff:leena", Now + Duration.FromDays(1)));
        Assert.Single(ErasureDecider.Decide(Erase(), contactedAgain).Events);
    }

    [Fact]
    public void A_manage_link_opens_its_booking_until_the_set_time_after_the_meeting_ends_and_not_after()
    {
        var periods = RetentionPeriods.Default;
        var end = Instant.FromUtc(2026, 4, 24, 6, 30);

        Assert.True(periods.ManageLinkValid(end, end + Duration.FromDays(30) - Duration.FromSeconds(1)));
        Assert.False(periods.ManageLinkValid(end, end + Duration.FromDays(30)));
        Assert.Equal(Duration.FromDays(90), periods.ContactsAfterLastMeeting);
        Assert.Equal(Duration.FromDays(30), periods.EveningRegistrationsAfterEvening);
        Assert.Equal(Duration.FromDays(30), periods.CallBackNumbersAfterCall);
    }

    private static ErasableBooking Booked(Instant end, Guid? familyId = null) => BookingErasureDecider.Definition.Fold(ErasableBooking.Initial,
    [
        new AppointmentBooked(FamilyId, Guid.NewGuid(), "advice", Modality.InPerson, end - Duration.FromHours(1), end, end, Guid.NewGuid(),
            BookingChannel.Online, "client:x", Now - Duration.FromDays(3), FamilyId: familyId),
    ]);

    private static EraseBookingData EraseBooking() => new(FamilyId, ErasureReason.ParentAsked, 2, "staff:leena", Now);

    [Fact]
    public void Given_an_online_booking_whose_meeting_is_over_When_erased_Then_who_when_why_and_how_many_people_are_recorded()
    {
        var decision = BookingErasureDecider.Decide(EraseBooking(), Booked(Now - Duration.FromDays(1)));

        Assert.Null(decision.Error);
        Assert.Equal(new AppointmentEvent[] { new BookingPersonalDataErased(FamilyId, ErasureReason.ParentAsked, 2, "staff:leena", Now) },
            decision.Events);
    }

    [Fact]
    public void Given_an_online_booking_still_to_come_When_erased_Then_it_is_refused_until_it_is_cancelled()
    {
        var booked = Booked(Now + Duration.FromDays(2));
        Assert.Equal(ErasureDecider.FutureMeeting, BookingErasureDecider.Decide(EraseBooking(), booked).Error?.Code);

        var cancelled = BookingErasureDecider.Definition.Evolve(booked, new AppointmentCancelled(FamilyId, "client:x", Now));
        Assert.Null(BookingErasureDecider.Decide(EraseBooking(), cancelled).Error);
    }

    [Fact]
    public void Given_a_familys_booking_or_none_When_erased_as_a_booking_Then_it_is_sent_to_the_family_or_not_found()
    {
        Assert.Equal(BookingErasureDecider.PartOfFamily,
            BookingErasureDecider.Decide(EraseBooking(), Booked(Now - Duration.FromDays(1), Guid.NewGuid())).Error?.Code);
        Assert.Equal("appointment_not_found", BookingErasureDecider.Decide(EraseBooking(), ErasableBooking.Initial).Error?.Code);
    }

    [Fact]
    public void Given_an_erased_booking_When_folded_Then_the_meeting_itself_is_unchanged()
    {
        var before = Booked(Now - Duration.FromDays(1));
        Assert.Equal(before.Booking, BookingErasureDecider.Definition.Evolve(before,
            new BookingPersonalDataErased(FamilyId, ErasureReason.Other, 1, "staff:pekka", Now)).Booking);
    }

    [Fact]
    public void Given_an_erased_booking_When_erased_again_Then_nothing_more_is_recorded()
    {
        var erased = BookingErasureDecider.Definition.Evolve(Booked(Now - Duration.FromDays(1)),
            new BookingPersonalDataErased(FamilyId, ErasureReason.Other, 1, "staff:pekka", Now));

        var again = BookingErasureDecider.Decide(EraseBooking(), erased);
        Assert.Null(again.Error);
        Assert.Empty(again.Events);
    }
}
