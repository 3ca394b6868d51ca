// Given call-back events / when a command / then events or the rule that refused: reserve, double reservation, the
// online window, one per phone number and day, done, not reached with one retry, and cancellation.
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.WalkIn;
using NodaTime;
using static Booking.Domain.Tests.CallBacks.CallBackTestUnit;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.CallBacks;

public class CallBackDeciderTests
{
    private static readonly LocalDateTime WedAt13 = L(2026, 4, 22, 13);

    private static ReserveCallBack Reserve(Guid id, Guid staffId, LocalDateTime start, Guid? clientId = null, Instant? now = null,
        CallBackChannel channel = CallBackChannel.Online, IReadOnlyCollection<Guid>? samePhone = null, UnitConfiguration? config = null)
    {
        var c = config ?? CallBackConfig();
        var at = now ?? Now;
        var today = at.InZone(c.Zone).Date;
        return new ReserveCallBack(id, clientId ?? id, staffId, start, WalkInMatter.Agreement, Language.Sv, channel, "client:test",
            CallBackSlots.On(c, start.Date), c.ClosedBecause(start.Date), today, c.OnlineWindow(today).Last, samePhone ?? [], at);
    }

    private static DomainError Refused(Decision<CallBackEvent> decision)
    {
        Assert.True(decision.IsError, "the command should have been refused");
        return decision.Error!;
    }

    [Fact]
    public void Given_a_free_slot_When_a_client_reserves_it_online_Then_a_reservation_with_the_slots_instants_and_no_personal_data()
    {
        var decision = CallBackDecider.Decide(Reserve(Id(1), Anna, WedAt13), CallBackDay.Initial);

        var reserved = Assert.IsType<CallBackReserved>(Assert.Single(decision.Events));
        Assert.Equal(new CallBackReserved(Id(1), Id(1), Anna, Wednesday, Helsinki(WedAt13), Helsinki(WedAt13.PlusMinutes(15)),
            WalkInMatter.Agreement, Language.Sv, CallBackChannel.Online, "client:test", Now), reserved);
    }

    [Fact]
    public void Given_a_reserved_slot_When_another_client_reserves_it_Then_slot_taken_as_a_conflict()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13));

        var error = Refused(CallBackDecider.Decide(Reserve(Id(2), Anna, WedAt13), state));

        Assert.Equal(("slot_taken", ErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    public void Given_an_absence_closed_Annas_hour_on_the_stream_When_a_client_reserves_her_slot_Then_slot_taken_and_after_reopening_it_is_theirs()
    {
        // Tuesday 13-13.30: Anna and Bertil both have a window; the client's page still offered Anna's slot (an old configuration).
        var tuesday13 = L(2026, 4, 21, 13);
        var absence = Guid.NewGuid();
        var close = CallBackDecider.Decide(new CloseCallBackTime(absence, Anna, Tuesday, Helsinki(tuesday13), Helsinki(tuesday13.PlusMinutes(30)), Now),
            CallBackDay.Initial);
        var closed = Given([.. close.Events]);

        Assert.Equal(("slot_taken", ErrorKind.Conflict), (Refused(CallBackDecider.Decide(Reserve(Id(1), Anna, tuesday13), closed)).Code,
            ErrorKind.Conflict));
        Assert.Single(CallBackDecider.Decide(Reserve(Id(2), Bertil, tuesday13), closed).Events);
        Assert.Equal([Bertil], closed.Free(CallBackSlots.On(CallBackConfig(), Tuesday).Where(s => s.Start == tuesday13)).Select(s => s.StaffId));
        Assert.Empty(CallBackDecider.Decide(new CloseCallBackTime(absence, Anna, Tuesday, Helsinki(tuesday13), Helsinki(tuesday13.PlusMinutes(30)), Now),
            closed).Events);

        var reopened = CallBackDay.Evolve(closed, Assert.Single(CallBackDecider.Decide(new ReopenCallBackTime(absence, Tuesday, Now), closed).Events));
        Assert.Single(CallBackDecider.Decide(Reserve(Id(1), Anna, tuesday13), reopened).Events);
        Assert.Empty(CallBackDecider.Decide(new ReopenCallBackTime(absence, Tuesday, Now), reopened).Events);
    }

    [Fact]
    public void Given_a_cancelled_reservation_When_another_client_reserves_the_slot_Then_it_is_theirs()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13), new CallBackCancelled(Id(1), "client:link", Now));

        Assert.Single(CallBackDecider.Decide(Reserve(Id(2), Anna, WedAt13), state).Events);
    }

    [Fact]
    public void Given_a_reservation_When_the_same_request_comes_again_Then_nothing_new_is_recorded()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13));

        var decision = CallBackDecider.Decide(Reserve(Id(1), Anna, WedAt13), state);

        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_time_no_window_offers_When_it_is_reserved_Then_not_a_call_back_time_naming_start()
    {
        var error = Refused(CallBackDecider.Decide(Reserve(Id(1), Anna, L(2026, 4, 22, 13, 5)), CallBackDay.Initial));

        Assert.Equal(("not_a_call_back_time", "start"), (error.Code, error.Field));
    }

    [Fact]
    public void Given_a_time_of_another_supervisors_window_When_the_secretary_picks_this_supervisor_Then_refused_naming_staffId()
    {
        var error = Refused(CallBackDecider.Decide(Reserve(Id(1), Bertil, WedAt13, channel: CallBackChannel.Secretary), CallBackDay.Initial));

        Assert.Equal(("no_call_back_time_for_staff", "staffId"), (error.Code, error.Field));
    }

    [Fact]
    public void Given_today_When_a_client_reserves_a_later_slot_of_today_online_Then_too_soon_but_the_secretary_may()
    {
        var todayAt14 = L(2026, 4, 20, 14);

        Assert.Equal("too_soon", Refused(CallBackDecider.Decide(Reserve(Id(1), Anna, todayAt14), CallBackDay.Initial)).Code);
        Assert.Single(CallBackDecider.Decide(Reserve(Id(1), Anna, todayAt14, channel: CallBackChannel.Secretary), CallBackDay.Initial).Events);
    }

    [Fact]
    public void Given_a_slot_that_has_begun_When_the_secretary_reserves_it_Then_time_in_past()
    {
        var error = Refused(CallBackDecider.Decide(
            Reserve(Id(1), Anna, L(2026, 4, 20, 14), now: Helsinki(L(2026, 4, 20, 14)), channel: CallBackChannel.Secretary), CallBackDay.Initial));

        Assert.Equal("time_in_past", error.Code);
    }

    [Fact]
    public void Given_the_eight_week_horizon_When_a_slot_after_it_is_reserved_Then_beyond_horizon()
    {
        var error = Refused(CallBackDecider.Decide(Reserve(Id(1), Anna, L(2026, 6, 17, 13)), CallBackDay.Initial));

        Assert.Equal("beyond_horizon", error.Code);
    }

    [Fact]
    public void Given_a_holiday_When_a_slot_is_reserved_on_it_Then_unit_closed()
    {
        var error = Refused(CallBackDecider.Decide(Reserve(Id(1), Bertil, L(2026, 5, 14, 13)), CallBackDay.Initial));

        Assert.Equal(("unit_closed", "start"), (error.Code, error.Field));
    }

    [Fact]
    public void Given_an_open_call_back_for_a_phone_number_When_the_same_number_reserves_another_that_day_Then_one_call_back_a_day()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13, clientId: Id(11)));

        var error = Refused(CallBackDecider.Decide(Reserve(Id(2), Bertil, L(2026, 4, 22, 10), samePhone: [Id(11)]), state));

        Assert.Equal(("one_call_back_a_day", "phone"), (error.Code, error.Field));
    }

    [Fact]
    public void Given_the_same_phone_numbers_call_back_was_cancelled_When_it_reserves_again_that_day_Then_it_may()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13, clientId: Id(11)), new CallBackCancelled(Id(1), "client:link", Now));

        Assert.Single(CallBackDecider.Decide(Reserve(Id(2), Bertil, L(2026, 4, 22, 10), samePhone: [Id(11)]), state).Events);
    }

    private static readonly Instant At1305 = Helsinki(L(2026, 4, 22, 13, 5));

    private static MarkNotReached NotReached(Instant now, int? attempt = null, Guid? staffId = null) =>
        new(Id(1), staffId ?? Anna, attempt, Duration.FromMinutes(15), now);

    [Fact]
    public void Given_a_reserved_call_back_When_its_supervisor_marks_it_done_on_the_day_Then_completed()
    {
        var decision = CallBackDecider.Decide(new CompleteCallBack(Id(1), Anna, Wednesday, At1305), Given(Reserved(Id(1), Anna, WedAt13)));

        Assert.Equal([new CallBackCompleted(Id(1), Anna, At1305)], decision.Events);
    }

    [Fact]
    public void Given_a_reserved_call_back_When_another_supervisor_marks_it_Then_forbidden_and_nothing_recorded()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13));

        var done = Refused(CallBackDecider.Decide(new CompleteCallBack(Id(1), Bertil, Wednesday, At1305), state));
        var notReached = Refused(CallBackDecider.Decide(NotReached(At1305, staffId: Bertil), state));

        Assert.Equal(("not_your_call_back", ErrorKind.Forbidden), (done.Code, done.Kind));
        Assert.Equal("not_your_call_back", notReached.Code);
    }

    [Fact]
    public void Given_a_call_back_of_a_later_day_When_it_is_marked_done_today_Then_not_due()
    {
        var error = Refused(CallBackDecider.Decide(new CompleteCallBack(Id(1), Anna, Today, Now), Given(Reserved(Id(1), Anna, WedAt13))));

        Assert.Equal("not_due", error.Code);
    }

    [Fact]
    public void Given_an_unknown_call_back_When_it_is_marked_done_Then_not_found()
    {
        var error = Refused(CallBackDecider.Decide(new CompleteCallBack(Id(9), Anna, Wednesday, At1305), CallBackDay.Initial));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Given_a_reserved_call_back_When_the_client_does_not_answer_Then_attempt_1_is_recorded_and_the_call_back_stays_open()
    {
        var decision = CallBackDecider.Decide(NotReached(At1305), Given(Reserved(Id(1), Anna, WedAt13)));

        Assert.Equal([new CallBackNotReached(Id(1), Anna, 1, Final: false, At1305)], decision.Events);
        var after = Given(Reserved(Id(1), Anna, WedAt13), (CallBackNotReached)decision.Events[0]).Find(Id(1))!;
        Assert.Equal((CallBackStatus.Reserved, 1), (after.Status, after.Attempts));
        Assert.Equal(At1305 + Duration.FromMinutes(15), after.RetryFrom(Duration.FromMinutes(15)));
    }

    [Fact]
    public void Given_a_call_back_whose_time_has_not_begun_When_it_is_marked_not_reached_Then_not_due()
    {
        var error = Refused(CallBackDecider.Decide(NotReached(Helsinki(L(2026, 4, 22, 12, 55))), Given(Reserved(Id(1), Anna, WedAt13))));

        Assert.Equal("not_due", error.Code);
    }

    [Fact]
    public void Given_one_unanswered_call_When_the_retry_is_marked_unanswered_too_soon_Then_retry_too_soon()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13), new CallBackNotReached(Id(1), Anna, 1, false, At1305));

        var error = Refused(CallBackDecider.Decide(NotReached(At1305 + Duration.FromMinutes(5)), state));

        Assert.Equal("retry_too_soon", error.Code);
        Assert.Contains("10 min", error.Message);
    }

    [Fact]
    public void Given_one_unanswered_call_When_the_retry_goes_unanswered_later_Then_the_call_back_closes_as_not_reached()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13), new CallBackNotReached(Id(1), Anna, 1, false, At1305));
        var later = At1305 + Duration.FromMinutes(20);

        var decision = CallBackDecider.Decide(NotReached(later), state);

        Assert.Equal([new CallBackNotReached(Id(1), Anna, 2, Final: true, later)], decision.Events);
        var closed = CallBackDay.Evolve(state, decision.Events[0]).Find(Id(1))!;
        Assert.Equal((CallBackStatus.NotReached, 2), (closed.Status, closed.Attempts));
        Assert.Equal("call_back_closed", Refused(CallBackDecider.Decide(NotReached(later + Duration.FromHours(1)), CallBackDay.Evolve(state, decision.Events[0]))).Code);
    }

    [Fact]
    public void Given_one_unanswered_call_When_the_retry_is_answered_Then_it_is_done()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13), new CallBackNotReached(Id(1), Anna, 1, false, At1305));

        Assert.Single(CallBackDecider.Decide(new CompleteCallBack(Id(1), Anna, Wednesday, At1305 + Duration.FromMinutes(30)), state).Events);
    }

    [Fact]
    public void Given_attempt_1_recorded_When_the_same_form_for_attempt_1_is_sent_again_Then_nothing_more_is_recorded()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13), new CallBackNotReached(Id(1), Anna, 1, false, At1305));

        var decision = CallBackDecider.Decide(NotReached(At1305 + Duration.FromMinutes(30), attempt: 1), state);

        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_no_attempt_yet_When_attempt_2_is_named_Then_invalid_naming_attempt()
    {
        var error = Refused(CallBackDecider.Decide(NotReached(At1305, attempt: 2), Given(Reserved(Id(1), Anna, WedAt13))));

        Assert.Equal(("attempt_invalid", ErrorKind.Invalid, "attempt"), (error.Code, error.Kind, error.Field));
    }

    [Fact]
    public void Given_a_done_call_back_When_it_is_marked_not_reached_or_done_again_Then_refused_and_a_repeat_of_done_records_nothing()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13), new CallBackCompleted(Id(1), Anna, At1305));

        Assert.Equal("call_back_done", Refused(CallBackDecider.Decide(NotReached(At1305), state)).Code);
        Assert.Empty(CallBackDecider.Decide(new CompleteCallBack(Id(1), Anna, Wednesday, At1305), state).Events);
    }

    [Fact]
    public void Given_a_reserved_call_back_When_the_client_cancels_before_the_time_Then_cancelled_and_after_it_begins_refused()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13));

        Assert.Equal([new CallBackCancelled(Id(1), "client:link", Now)],
            CallBackDecider.Decide(new CancelCallBack(Id(1), "client:link", ByClient: true, Now), state).Events);
        Assert.Equal("call_back_started",
            Refused(CallBackDecider.Decide(new CancelCallBack(Id(1), "client:link", ByClient: true, At1305), state)).Code);
    }

    [Fact]
    public void Given_a_call_back_under_way_When_the_secretary_cancels_it_Then_cancelled_and_cancelling_again_records_nothing()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13), new CallBackNotReached(Id(1), Anna, 1, false, At1305));

        var decision = CallBackDecider.Decide(new CancelCallBack(Id(1), "staff:leena", ByClient: false, At1305), state);
        var cancelled = CallBackDay.Evolve(state, decision.Events[0]);

        Assert.Single(decision.Events);
        Assert.Equal(CallBackStatus.Cancelled, cancelled.Find(Id(1))!.Status);
        Assert.Empty(CallBackDecider.Decide(new CancelCallBack(Id(1), "staff:leena", ByClient: false, At1305), cancelled).Events);
    }

    [Fact]
    public void Given_a_done_call_back_When_it_is_cancelled_Then_refused_as_done()
    {
        var state = Given(Reserved(Id(1), Anna, WedAt13), new CallBackCompleted(Id(1), Anna, At1305));

        Assert.Equal("call_back_done", Refused(CallBackDecider.Decide(new CancelCallBack(Id(1), "staff:leena", false, At1305), state)).Code);
    }
}
