// The info evening use cases against the in-memory event store and a fake clock: schedule, register, manage link, roster.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.InfoEvenings;
using Booking.Domain.Tests.Support;
using Booking.Domain.Tests.WalkIn;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.InfoEvenings;

public sealed class InMemoryEveningPorts(InMemoryEventStore store) : IInfoEveningCatalogue, IEveningRegistrationTokens, IEveningContacts
{
    public Task<IReadOnlyList<Guid>> EveningIds(Guid unitId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Guid>>(store.Events.Where(e => e.UnitId == unitId).Select(e => e.Data).OfType<EveningScheduled>()
            .Select(e => e.EveningId).Distinct().ToList());

    public Task<(Guid EveningId, Guid RegistrationId)?> Find(Guid unitId, string tokenHash, CancellationToken ct = default) =>
        Task.FromResult(store.DocumentsOf<EveningRegistrationToken>().Where(t => t.UnitId == unitId && t.TokenHash == tokenHash)
            .Select(t => ((Guid, Guid)?)(t.EveningId, t.RegistrationId)).FirstOrDefault());

    public Task<(Guid RegistrationId, string SealedToken)?> OfClient(Guid unitId, Guid eveningId, Guid clientId, CancellationToken ct = default) =>
        Task.FromResult(store.DocumentsOf<EveningRegistrationToken>().Where(t => t.UnitId == unitId && t.EveningId == eveningId && t.ClientId == clientId)
            .Select(t => ((Guid, string)?)(t.RegistrationId, t.SealedToken)).FirstOrDefault());

    public Task<IReadOnlyDictionary<Guid, ClientContact>> Find(Guid unitId, IReadOnlyCollection<Guid> clientIds, CancellationToken ct = default)
    {
        var found = new Dictionary<Guid, ClientContact>();
        foreach (var c in store.DocumentsOf<ClientContact>().Where(c => c.UnitId == unitId && clientIds.Contains(c.ClientId))) found[c.ClientId] = c;
        return Task.FromResult<IReadOnlyDictionary<Guid, ClientContact>>(found);
    }

    public Task<Guid?> RegistrantOf(Guid unitId, Guid eveningId, string emailKey, CancellationToken ct = default) =>
        Task.FromResult(store.DocumentsOf<EveningRegistrant>().Where(r => r.UnitId == unitId && r.EveningId == eveningId && r.EmailKey == emailKey)
            .Select(r => (Guid?)r.ClientId).FirstOrDefault());
}

public class InfoEveningUseCasesTests
{
    private static readonly Guid EveningId = InfoEveningDeciderTests.EveningId;
    private readonly FakeClock clock = new(Helsinki(L(2026, 12, 5, 10)));
    private readonly InMemoryEventStore store;
    private readonly InfoEveningUseCases evenings;

    public InfoEveningUseCasesTests()
    {
        store = new InMemoryEventStore(clock);
        var ports = new InMemoryEveningPorts(store);
        evenings = new InfoEveningUseCases(new YieldingEventStore(store), ports, clock, _ => TimeSpan.Zero, new FixedConfiguration(Config()), ports, ports);
    }

    private static ScheduleEveningRequest Request(int capacity = 3) => new(EveningId, "Vanhempien eron ABC", "Lapsen asiat erossa",
        L(2026, 12, 15, 18), L(2026, 12, 15, 20), "Kaupungintalo", null, Language.Fi, capacity, ["Porvoon perheneuvola"],
        L(2026, 12, 1, 8), L(2026, 12, 14, 12));

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        return outcome.Value!;
    }

    private Task<Outcome<EveningRegistrationView>> Register(int n, int seats = 1, string phone = "") =>
        evenings.Register(UnitId, new EveningRegistrationRequest(EveningId, InfoEveningDeciderTests.R(n), InfoEveningDeciderTests.C(n),
            new ContactDetails($"Vanhempi {n}", $"p{n}@example.fi", phone, Language.Sv), seats, $"hash-{n}", $"sealed-{n}"));

    [Fact]
    public async Task Given_a_schedule_request_in_local_time_When_it_is_scheduled_Then_the_view_shows_local_times_and_free_seats()
    {
        var view = Ok(await evenings.Schedule(UnitId, Request(), "manager"));

        Assert.Equal((L(2026, 12, 15, 18), 3, 3, true), (view.Start, view.Capacity, view.SeatsFree, view.RegistrationOpen));
        Assert.Equal(Helsinki(L(2026, 12, 15, 18)), store.EventsOf<EveningScheduled>().Single().Start);
        Assert.Equal([view], await evenings.Upcoming(UnitId));
    }

    [Fact]
    public async Task Given_an_invalid_form_When_it_is_scheduled_Then_every_field_at_fault_is_named_and_nothing_is_written()
    {
        var outcome = await evenings.Schedule(UnitId, Request(capacity: 0) with
        {
            Title = " ", End = L(2026, 12, 15, 17), Place = null, RegistrationCloses = L(2026, 12, 16, 8),
        }, "manager");

        Assert.Equal(["capacity", "end", "place", "registrationCloses", "title"], outcome.Refusal!.Fields!.Keys.Order());
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_an_evening_When_registrations_arrive_concurrently_Then_seats_go_first_and_the_rest_wait_in_arrival_order()
    {
        Ok(await evenings.Schedule(UnitId, Request(capacity: 10), "manager"));
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 25).Select(n => Register(n)));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Refusal?.Error.ToString()));
        Assert.Equal(10, outcomes.Count(o => o.Value!.Status == RegistrationStatus.Registered));
        var waitlisted = store.EventsOf<Waitlisted>().Select(w => w.RegistrationId).ToList();
        Assert.Equal(15, waitlisted.Count);
        var evening = (await evenings.Get(UnitId, EveningId))!;
        Assert.Equal((0, 15), (evening.SeatsFree, evening.Waiting));
        var roster = Ok(await evenings.Roster(UnitId, EveningId));
        Assert.Equal(waitlisted, roster.Waiting.Select(w => w.RegistrationId));
        Assert.Equal(25, store.DocumentsOf<EveningRegistrationToken>().Count());
    }

    [Fact]
    public async Task Given_a_full_evening_When_a_registrant_cancels_from_the_link_Then_the_first_waiting_is_registered()
    {
        Ok(await evenings.Schedule(UnitId, Request(capacity: 1), "manager"));
        Ok(await Register(1));
        Assert.Equal((RegistrationStatus.Waiting, 1), Ok(await Register(2)) is var w ? (w.Status, w.WaitingPosition) : default);

        var cancelled = Ok(await evenings.CancelRegistration(UnitId, "hash-1"));

        Assert.Equal(RegistrationStatus.Cancelled, cancelled.Status);
        Assert.Equal(RegistrationStatus.Registered, (await evenings.Registration(UnitId, "hash-2"))!.Status);
        Assert.Single(store.EventsOf<PromotedFromWaitlist>());
    }

    [Fact]
    public async Task Given_a_registered_address_When_it_registers_again_in_another_case_Then_already_registered_and_no_second_place()
    {
        Ok(await evenings.Schedule(UnitId, Request(capacity: 5), "manager"));
        Ok(await Register(1));
        var again = await evenings.Register(UnitId, new EveningRegistrationRequest(EveningId, Guid.NewGuid(), Guid.NewGuid(),
            new ContactDetails("Toinen nimi", "  P1@Example.FI ", "", Language.Fi), 2, "hash-again", "sealed-again"));

        Assert.Equal("already_registered", again.Refusal?.Error.Code);
        Assert.Single(store.EventsOf<Registered>());
        Assert.DoesNotContain(store.DocumentsOf<EveningRegistrationToken>(), t => t.TokenHash == "hash-again");
    }

    [Fact]
    public async Task Given_a_cancelled_registration_When_the_same_address_registers_again_Then_it_gets_a_place_under_its_first_id()
    {
        Ok(await evenings.Schedule(UnitId, Request(capacity: 5), "manager"));
        Ok(await Register(1));
        Ok(await evenings.CancelRegistration(UnitId, "hash-1"));

        var again = await evenings.Register(UnitId, new EveningRegistrationRequest(EveningId, Guid.NewGuid(), Guid.NewGuid(),
            new ContactDetails("Vanhempi 1", "p1@example.fi", "", Language.Sv), 1, "hash-again", "sealed-again"));

        Assert.Equal(RegistrationStatus.Registered, Ok(again).Status);
        Assert.Equal([InfoEveningDeciderTests.C(1), InfoEveningDeciderTests.C(1)], store.EventsOf<Registered>().Select(r => r.ClientId));
    }

    [Fact]
    public async Task Given_a_registration_without_a_phone_Then_it_is_accepted_but_a_bad_email_and_three_seats_are_not()
    {
        Ok(await evenings.Schedule(UnitId, Request(), "manager"));
        Ok(await Register(1));
        var bad = await evenings.Register(UnitId, new EveningRegistrationRequest(EveningId, Guid.NewGuid(), Guid.NewGuid(),
            new ContactDetails("X", "not-an-email", "12", Language.Fi), 3, "h", "s"));

        Assert.Equal(["client.email", "client.phone", "seats"], bad.Refusal!.Fields!.Keys.Order());
    }

    [Fact]
    public async Task Given_an_unknown_token_Then_the_registration_is_not_found()
    {
        Assert.Null(await evenings.Registration(UnitId, "nope"));
        Assert.Equal("registration_not_found", (await evenings.CancelRegistration(UnitId, "nope")).Refusal!.Error.Code);
    }

    [Fact]
    public async Task Given_registrants_When_attendance_is_marked_Then_the_roster_has_names_and_the_figures()
    {
        Ok(await evenings.Schedule(UnitId, Request(capacity: 2), "manager"));
        Ok(await Register(1, seats: 2));
        Ok(await Register(2));
        clock.Reset(Helsinki(L(2026, 12, 15, 18, 5)));

        var roster = Ok(await evenings.MarkAttendance(UnitId, EveningId, InfoEveningDeciderTests.R(1), true, "manager"));

        Assert.Equal(("Vanhempi 1", "p1@example.fi", true), (roster.Registered[0].Name, roster.Registered[0].Email, roster.Registered[0].Attended));
        Assert.Equal("Vanhempi 2", roster.Waiting.Single().Name);
        Assert.Equal(new EveningFigures(2, 1, 1, 1), roster.Figures);
    }

    [Fact]
    public async Task Given_a_cancelled_evening_Then_it_leaves_the_public_list_but_not_the_managers()
    {
        Ok(await evenings.Schedule(UnitId, Request(), "manager"));
        Ok(await evenings.Cancel(UnitId, EveningId, "Esiintyjä sairastui", "manager"));

        Assert.Empty(await evenings.Upcoming(UnitId));
        Assert.True(Assert.Single(await evenings.All(UnitId)).Cancelled);
    }
}
