// The call-back use cases against the in-memory event store and a fake clock: free times, reserve (contacts outside the
// events, impartial choice, one per phone number and day, a race for one slot), the staff's day with numbers only for
// the call-back's own supervisor and the secretary, done / not reached / retry, the cancel link, and the figures.
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.Tests.Support;
using Booking.Domain.Tests.WalkIn;
using Booking.Domain.WalkIn;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.CallBacks.CallBackTestUnit;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.CallBacks;

public sealed class InMemoryCallBackPorts(InMemoryEventStore store) : ICallBackIndex, IClientContacts, ICallBackTokens
{
    private IEnumerable<CallBackReserved> Reservations(Guid unitId) =>
        store.Events.Where(e => e.UnitId == unitId).Select(e => e.Data).OfType<CallBackReserved>();

    public Task<LocalDate?> DayOf(Guid unitId, Guid callBackId, CancellationToken ct = default) =>
        Task.FromResult(Reservations(unitId).Where(r => r.CallBackId == callBackId).Select(r => (LocalDate?)r.Date).FirstOrDefault());

    public Task<IReadOnlyList<LocalDate>> DaysWithCallBacks(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<LocalDate>>(Reservations(unitId).Select(r => r.Date).Where(d => d >= from && d <= to).Distinct().Order().ToList());

    public Task<IReadOnlyDictionary<Guid, ClientContact>> Find(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default)
    {
        var found = new Dictionary<Guid, ClientContact>();
        foreach (var c in store.DocumentsOf<ClientContact>().Where(c => c.UnitId == unitId && clientIds.Contains(c.ClientId))) found[c.ClientId] = c;
        return Task.FromResult<IReadOnlyDictionary<Guid, ClientContact>>(found);
    }

    public Task<Guid?> Find(Guid unitId, string tokenHash, CancellationToken ct = default) =>
        Task.FromResult(store.DocumentsOf<CallBackToken>().Where(t => t.UnitId == unitId && t.TokenHash == tokenHash)
            .Select(t => (Guid?)t.CallBackId).FirstOrDefault());

    public Task<string?> SealedTokenOf(Guid unitId, Guid callBackId, CancellationToken ct = default) =>
        Task.FromResult(store.DocumentsOf<CallBackToken>().Where(t => t.UnitId == unitId && t.CallBackId == callBackId)
            .Select(t => t.SealedToken).FirstOrDefault());
}

public class CallBackUseCasesTests
{
    private readonly FakeClock clock = new(Now);
    private readonly InMemoryEventStore store;
    private readonly CallBackUseCases callBacks;
    private readonly Queue<int> picks = new();

    public CallBackUseCasesTests()
    {
        store = new InMemoryEventStore(clock);
        var ports = new InMemoryCallBackPorts(store);
        callBacks = new CallBackUseCases(new YieldingEventStore(store), new FixedConfiguration(CallBackConfig()), ports, ports, ports, clock,
            n => picks.TryDequeue(out var i) ? i % n : 0, _ => TimeSpan.Zero);
    }

    private static readonly LocalDateTime WedAt13 = L(2026, 4, 22, 13);

    private static CallBackRequest Request(int n, LocalDateTime start, string phone = "040 123 4567", CallBackChannel channel = CallBackChannel.Online,
        Guid? staffId = null, string? name = null) =>
        new(Id(n), Id(100 + n), start, WalkInMatter.Advice, Language.Sv, phone, name, channel,
            channel == CallBackChannel.Online ? $"client:{Id(100 + n):N}" : "staff:leena", staffId,
            channel == CallBackChannel.Online ? $"hash-{n}" : null, channel == CallBackChannel.Online ? $"sealed-{n}" : null);

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        return outcome.Value!;
    }

    [Fact]
    public async Task Given_windows_When_a_client_asks_for_free_times_of_the_week_Then_from_tomorrow_one_entry_per_time_without_names()
    {
        var free = Ok(await callBacks.FreeTimes(UnitId, Today, Today.PlusDays(6), CallBackChannel.Online));

        Assert.DoesNotContain(free, f => f.Start.Date == Today);
        Assert.Equal(L(2026, 4, 21, 13), free[0].Start);
        Assert.Equal(2, free[0].FreeStaff.Count);
        Assert.Equal(2 + 8 + 4, free.Count);
        Assert.Equal(free.Select(f => f.Start).Distinct().Count(), free.Count);
    }

    [Fact]
    public async Task Given_the_secretary_When_she_asks_for_todays_free_times_Then_the_later_slots_of_today_are_offered()
    {
        var free = Ok(await callBacks.FreeTimes(UnitId, Today, Today, CallBackChannel.Secretary));

        Assert.Equal(4, free.Count);
    }

    [Fact]
    public async Task Given_a_free_slot_When_a_client_reserves_it_Then_the_number_is_a_contact_document_and_no_event_holds_it()
    {
        var reserved = Ok(await callBacks.Reserve(UnitId, Request(1, WedAt13, phone: "+358 40 765 4321", name: "Astrid")));

        Assert.Equal((WedAt13, CallBackStatus.Reserved, true), (reserved.View.Start, reserved.View.Status, reserved.View.CanCancel));
        Assert.Equal(Anna, reserved.StaffId);
        Assert.Equal("sealed-1", reserved.SealedToken);
        var contact = Assert.Single(store.DocumentsOf<ClientContact>());
        Assert.Equal(("+358 40 765 4321", "Astrid", ""), (contact.Phone, contact.Name, contact.Email));
        Assert.Single(store.DocumentsOf<CallBackToken>());
        var json = System.Text.Json.JsonSerializer.Serialize(store.Events.Select(e => e.Data).ToList());
        Assert.DoesNotContain("765 4321", json); // the number itself: random ids may hold "765" by chance
        Assert.DoesNotContain("Astrid", json);
        Assert.Equal([StreamIds.CallBackDay(Wednesday)], store.Events.Select(e => e.StreamId).Distinct());
    }

    [Fact]
    public async Task Given_a_bad_phone_number_and_a_long_name_When_reserving_Then_400_style_field_errors_and_nothing_written()
    {
        var outcome = await callBacks.Reserve(UnitId, Request(1, WedAt13, phone: "12") with { Name = new string('x', 101) });

        Assert.Equal(["phone", "name"], outcome.Refusal!.Fields!.Keys);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_the_same_form_sent_twice_When_it_is_reserved_again_Then_the_same_call_back_comes_back_as_a_replay()
    {
        Ok(await callBacks.Reserve(UnitId, Request(1, WedAt13)));

        var again = Ok(await callBacks.Reserve(UnitId, Request(1, WedAt13) with { TokenHash = "hash-other", SealedToken = "sealed-other" }));

        Assert.True(again.Replayed);
        Assert.Equal("sealed-1", again.SealedToken);
        Assert.Single(store.Events);
    }

    [Fact]
    public async Task Given_two_supervisors_free_at_a_time_When_two_clients_reserve_it_Then_each_supervisor_gets_one_and_a_third_is_refused()
    {
        var tuesdayAt13 = L(2026, 4, 21, 13);

        var first = Ok(await callBacks.Reserve(UnitId, Request(1, tuesdayAt13, phone: "040 111 1111")));
        var second = Ok(await callBacks.Reserve(UnitId, Request(2, tuesdayAt13, phone: "040 222 2222")));
        var third = await callBacks.Reserve(UnitId, Request(3, tuesdayAt13, phone: "040 333 3333"));

        Assert.Equal([Anna, Bertil], new[] { first.StaffId, second.StaffId }.Order());
        Assert.Equal("slot_taken", third.Refusal!.Error.Code);
        Assert.Equal(L(2026, 4, 21, 13, 15), third.Refusal.NextFreeTimes![0].Start);
    }

    [Fact]
    public async Task Given_twenty_clients_at_once_for_the_only_slot_at_a_time_When_they_reserve_Then_exactly_one_wins()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(n => callBacks.Reserve(UnitId, Request(n, WedAt13, phone: $"040 000 {n:D4}"))));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal("slot_taken", o.Refusal!.Error.Code));
        Assert.Single(store.EventsOf<CallBackReserved>());
    }

    [Fact]
    public async Task Given_an_open_call_back_When_the_same_number_written_differently_reserves_another_that_day_Then_refused()
    {
        Ok(await callBacks.Reserve(UnitId, Request(1, WedAt13, phone: "040 123 4567")));

        var second = await callBacks.Reserve(UnitId, Request(2, L(2026, 4, 22, 10), phone: "+358401234567"));
        var otherDay = await callBacks.Reserve(UnitId, Request(3, L(2026, 4, 21, 13), phone: "+358401234567"));

        Assert.Equal("one_call_back_a_day", second.Refusal!.Error.Code);
        Assert.True(otherDay.Succeeded);
    }

    [Fact]
    public async Task Given_call_backs_of_two_supervisors_When_each_looks_at_the_day_Then_numbers_show_only_on_their_own_and_all_to_the_secretary()
    {
        Ok(await callBacks.Reserve(UnitId, Request(1, WedAt13, phone: "040 111 1111")));
        Ok(await callBacks.Reserve(UnitId, Request(2, L(2026, 4, 22, 10), phone: "040 222 2222")));

        var anna = await callBacks.Day(UnitId, Wednesday, new CallBackViewer(Anna, false));
        var secretary = await callBacks.Day(UnitId, Wednesday, new CallBackViewer(Sirpa, true));
        var annasOwn = await callBacks.Day(UnitId, Wednesday, new CallBackViewer(Anna, false), Anna);

        Assert.Equal([(Bertil, (string?)null), (Anna, "040 111 1111")], anna.CallBacks.Select(c => (c.StaffId, c.Phone)));
        Assert.Equal(["040 222 2222", "040 111 1111"], secretary.CallBacks.Select(c => c.Phone));
        Assert.Equal((1, 4, 3), (annasOwn.CallBacks.Count, annasOwn.SlotsOffered, annasOwn.SlotsFree));
    }

    [Fact]
    public async Task Given_a_reserved_call_back_When_it_goes_unanswered_twice_with_the_retry_later_Then_it_closes_and_shows_so()
    {
        var id = Ok(await callBacks.Reserve(UnitId, Request(1, WedAt13))).View.CallBackId;
        clock.Reset(Helsinki(L(2026, 4, 22, 13, 2)));

        var first = Ok(await callBacks.NotReached(UnitId, id, Anna, attempt: 1));
        var tooSoon = await callBacks.NotReached(UnitId, id, Anna, attempt: 2);
        clock.Reset(Helsinki(L(2026, 4, 22, 13, 40)));
        var second = Ok(await callBacks.NotReached(UnitId, id, Anna, attempt: 2));

        Assert.Equal((CallBackStatus.Reserved, 1, L(2026, 4, 22, 13, 17)), (first.Status, first.Attempts, first.RetryFrom));
        Assert.Equal("040 123 4567", first.Phone);
        Assert.Equal("retry_too_soon", tooSoon.Refusal!.Error.Code);
        Assert.Equal((CallBackStatus.NotReached, 2), (second.Status, second.Attempts));
        Assert.Null(second.RetryFrom);
    }

    [Fact]
    public async Task Given_another_supervisors_call_back_When_marked_done_Then_forbidden_and_nothing_is_written()
    {
        var id = Ok(await callBacks.Reserve(UnitId, Request(1, WedAt13))).View.CallBackId;
        clock.Reset(Helsinki(L(2026, 4, 22, 13, 5)));

        var outcome = await callBacks.Complete(UnitId, id, Bertil);

        Assert.Equal(Booking.Domain.EventSourcing.ErrorKind.Forbidden, outcome.Refusal!.Error.Kind);
        Assert.Single(store.Events);
        Assert.Equal(CallBackStatus.Done, Ok(await callBacks.Complete(UnitId, id, Anna)).Status);
    }

    [Fact]
    public async Task Given_a_cancel_link_When_the_client_cancels_Then_the_slot_is_free_again_and_the_link_shows_cancelled()
    {
        Ok(await callBacks.Reserve(UnitId, Request(1, WedAt13)));

        var cancelled = Ok(await callBacks.CancelByClient(UnitId, "hash-1"));
        var free = Ok(await callBacks.FreeTimes(UnitId, Wednesday, Wednesday, CallBackChannel.Online));

        Assert.Equal((CallBackStatus.Cancelled, false), (cancelled.Status, cancelled.CanCancel));
        Assert.Contains(free, f => f.Start == WedAt13);
        Assert.Equal(CallBackStatus.Cancelled, (await callBacks.ClientView(UnitId, "hash-1"))!.Status);
        Assert.Null(await callBacks.ClientView(UnitId, "hash-unknown"));
        Assert.Equal(Booking.Domain.EventSourcing.ErrorKind.NotFound, (await callBacks.CancelByClient(UnitId, "hash-unknown")).Refusal!.Error.Kind);
    }

    [Fact]
    public async Task Given_the_secretary_When_she_reserves_today_for_a_chosen_supervisor_Then_no_link_is_made_and_the_channel_is_secretary()
    {
        var reserved = Ok(await callBacks.Reserve(UnitId, Request(1, L(2026, 4, 20, 14, 30), channel: CallBackChannel.Secretary, staffId: Anna)));

        Assert.Null(reserved.SealedToken);
        Assert.Empty(store.DocumentsOf<CallBackToken>());
        Assert.Equal(CallBackChannel.Secretary, Assert.Single(store.EventsOf<CallBackReserved>()).Channel);
    }

    [Fact]
    public async Task Given_a_week_of_use_When_figures_are_asked_Then_offered_slots_and_outcomes_are_counted()
    {
        Ok(await callBacks.Reserve(UnitId, Request(1, WedAt13)));
        Ok(await callBacks.Reserve(UnitId, Request(2, L(2026, 4, 21, 13), phone: "040 222 2222")));
        Ok(await callBacks.Reserve(UnitId, Request(3, L(2026, 4, 21, 13, 15), phone: "040 333 3333")));
        Ok(await callBacks.CancelByClient(UnitId, "hash-3"));
        clock.Reset(Helsinki(L(2026, 4, 22, 13, 5)));
        Ok(await callBacks.Complete(UnitId, Id(1), Anna));

        var figures = await callBacks.Figures(UnitId, Today, Today.PlusDays(6));

        Assert.Equal((20, 3, 1, 1, 1, 15), (figures.Offered, figures.Reserved, figures.Done, figures.Cancelled, figures.Open, figures.ReservedPercent));
    }

    [Theory]
    [InlineData("040 123 4567", "0401234567")]
    [InlineData("+358 40 123 4567", "0401234567")]
    [InlineData("00358-40-1234567", "0401234567")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    public void Phone_numbers_written_differently_have_the_same_key(string phone, string key) =>
        Assert.Equal(key, CallBackUseCases.PhoneKey(phone));
}
