// The whole booking flow without a database: the use cases against in-memory ports and a fake clock.
// "Today" is Monday 2026-05-04 10:00 in Helsinki; the horizon ends Monday 2026-06-29; Thursday 2026-05-14 is Ascension Day.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Appointments;

public class OnlineBookingTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly LocalDate Today = new(2026, 5, 4);
    private static readonly ContactDetails Client = new("Maija Meikäläinen", "maija@example.fi", "+358 40 123 4567", Language.Fi);

    private readonly FakeClock clock = new(Now);
    private readonly InMemoryEventStore store;
    private readonly List<int> picks = [];
    private Func<int, int> pick = _ => 0;
    private readonly OnlineBooking booking;

    public OnlineBookingTests()
    {
        store = new InMemoryEventStore(clock);
        booking = new OnlineBooking(store, new FixedConfiguration(Config()), new InMemoryReservations(store),
            new InMemoryIdempotencyKeys(store), clock, n => { picks.Add(n); return pick(n); }, InMemoryLinks.Links());
    }

    private static BookingRequest Request(LocalDateTime start, string type = "advice", Modality modality = Modality.InPerson,
        string? key = null, string fingerprint = "fingerprint-1", ContactDetails? client = null, string? otherParentEmail = null,
        Guid? appointmentId = null) =>
        new(appointmentId ?? Guid.NewGuid(), Guid.NewGuid(), otherParentEmail is null ? null : Guid.NewGuid(), type, modality, start,
            client ?? Client, otherParentEmail, "token-hash", "sealed-token", key, fingerprint);

    private async Task<(BookingRequest Request, BookedAppointment Booked)> BookOk(LocalDateTime start, string type = "advice")
    {
        var request = Request(start, type);
        var outcome = await booking.Book(UnitId, request);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        return (request, outcome.Value!);
    }

    private AppointmentBooked BookedEvent(Guid appointmentId) =>
        store.EventsOf<AppointmentBooked>().Single(e => e.AppointmentId == appointmentId);

    private async Task<IReadOnlyList<FreeTime>> Free(LocalDate date, string type = "advice")
    {
        var outcome = await booking.FreeTimes(UnitId, new FreeTimesQuery(type, Modality.InPerson, date, date));
        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        return outcome.Value!;
    }

    private static void AssertRefused<T>(Outcome<T> outcome, string code, ErrorKind kind)
    {
        Assert.False(outcome.Succeeded, "expected a refusal");
        Assert.Equal(code, outcome.Refusal!.Error.Code);
        Assert.Equal(kind, outcome.Refusal.Error.Kind);
    }

    // --- booking ---

    [Fact]
    public async Task Given_a_free_time_When_a_client_books_it_Then_one_supervisors_day_is_reserved_and_AppointmentBooked_names_that_supervisor()
    {
        var start = L(2026, 5, 12, 9, 0); // Tuesday morning: only Anna works
        var request = Request(start, "agreement");

        var outcome = await booking.Book(UnitId, request);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        var reserved = Assert.Single(store.EventsOf<SlotReserved>());
        var booked = Assert.Single(store.EventsOf<AppointmentBooked>());
        Assert.Equal(Anna, reserved.StaffId);
        Assert.Equal(Anna, booked.SupervisorId);
        Assert.Equal((Helsinki(start), Helsinki(start) + Duration.FromMinutes(75)), (reserved.Start, reserved.End));
        Assert.Equal((Helsinki(start) + Duration.FromMinutes(60), Helsinki(start) + Duration.FromMinutes(75)), (booked.End, booked.OccupiedUntil));
        Assert.Equal(StreamIds.StaffDay(Anna, start.Date), store.Events.Single(e => e.Data is SlotReserved).StreamId);
        Assert.Equal(StreamIds.Appointment(request.AppointmentId), store.Events.Single(e => e.Data is AppointmentBooked).StreamId);

        var view = outcome.Value!.View;
        Assert.Equal((request.AppointmentId, start, start.PlusMinutes(60), Helsinki(start), AppointmentStatus.Booked, true, false),
            (view.AppointmentId, view.Start, view.End, view.StartsAt, view.Status, view.CanChange, outcome.Value.Replayed));
    }

    [Fact]
    public async Task Given_a_booking_When_it_is_stored_Then_the_client_details_go_to_a_document_and_not_into_events()
    {
        var request = Request(L(2026, 5, 11, 9, 0), client: Client with { Name = "  Maija Meikäläinen " }, otherParentEmail: "matti@example.fi");

        await booking.Book(UnitId, request);

        var contacts = store.DocumentsOf<ClientContact>().ToList();
        Assert.Contains(new ClientContact(UnitId, request.ClientId, "Maija Meikäläinen", Client.Email, Client.Phone, Language.Fi), contacts);
        Assert.Contains(contacts, c => c.ClientId == request.OtherParentClientId && c.Email == "matti@example.fi");
        Assert.Equal(new OtherParentInvited(request.AppointmentId, request.OtherParentClientId!.Value, Now),
            Assert.Single(store.EventsOf<OtherParentInvited>()));
        Assert.Single(store.DocumentsOf<ManageToken>(), t => t.AppointmentId == request.AppointmentId && t.TokenHash == "token-hash");
    }

    [Fact]
    public async Task Given_an_invited_other_parent_When_they_accept_and_then_decline_Then_each_answer_is_recorded_once_and_shown()
    {
        var request = Request(L(2026, 5, 11, 9, 0), otherParentEmail: "matti@example.fi") with
        {
            OtherParentTokenHash = "invitation-hash", OtherParentSealedToken = "invitation-sealed",
        };
        Assert.True((await booking.Book(UnitId, request)).Succeeded);
        Assert.Single(store.DocumentsOf<InvitationToken>(), t =>
            t == new InvitationToken(UnitId, request.AppointmentId, request.OtherParentClientId!.Value, "invitation-hash", "invitation-sealed"));
        Assert.Null((await booking.View(UnitId, request.AppointmentId))!.OtherParentAccepted);

        var accepted = await booking.RespondToInvitation(UnitId, request.AppointmentId, accepted: true);
        var again = await booking.RespondToInvitation(UnitId, request.AppointmentId, accepted: true);
        var declined = await booking.RespondToInvitation(UnitId, request.AppointmentId, accepted: false);

        Assert.Equal((true, true, false), (accepted.Value!.OtherParentAccepted, again.Value!.OtherParentAccepted, declined.Value!.OtherParentAccepted));
        Assert.Equal([true, false], store.EventsOf<OtherParentResponded>().Select(e => e.Accepted));
        Assert.False((await booking.View(UnitId, request.AppointmentId))!.OtherParentAccepted);
    }

    [Fact]
    public async Task Given_a_booking_without_an_other_parent_When_an_answer_comes_Then_no_invitation()
    {
        var (request, _) = await BookOk(L(2026, 5, 11, 9, 0));

        AssertRefused(await booking.RespondToInvitation(UnitId, request.AppointmentId, accepted: true), "no_invitation", ErrorKind.NotFound);
        Assert.Empty(store.DocumentsOf<InvitationToken>());
    }

    [Fact]
    public async Task Given_one_supervisor_already_busier_this_week_When_a_time_both_can_take_is_booked_Then_the_other_is_assigned()
    {
        await BookOk(L(2026, 5, 12, 9, 0)); // Tuesday morning: Anna only
        pick = _ => 0; // a tie would go to the first listed, Anna

        var (request, _) = await BookOk(L(2026, 5, 11, 10, 0)); // Monday: both work

        Assert.Equal(Bertil, BookedEvent(request.AppointmentId).SupervisorId);
        Assert.Equal([1], picks.Skip(1)); // no tie: Bertil alone had the fewest, so the pick had one to choose from
    }

    [Fact]
    public async Task Given_bookings_in_another_week_When_a_time_both_can_take_is_booked_Then_they_do_not_count_and_the_tie_is_picked()
    {
        await BookOk(L(2026, 5, 5, 9, 0)); // Tuesday of this week: Anna
        pick = n => n - 1;

        var (request, _) = await BookOk(L(2026, 5, 11, 10, 0)); // next week, nobody booked yet

        Assert.Equal([2], picks.Skip(1));
        Assert.Equal(Bertil, BookedEvent(request.AppointmentId).SupervisorId); // the last of the two tied
    }

    [Fact]
    public async Task Given_today_When_a_client_books_a_later_time_today_online_Then_too_soon()
    {
        AssertRefused(await booking.Book(UnitId, Request(L(2026, 5, 4, 11, 0))), "too_soon", ErrorKind.Rule);
        Assert.Empty(store.Events);
    }

    [Theory]
    [InlineData(4, 9)]  // earlier today
    [InlineData(1, 10)] // last week
    public async Task Given_a_past_time_When_a_client_books_it_Then_time_in_past(int day, int hour)
    {
        AssertRefused(await booking.Book(UnitId, Request(L(2026, 5, day, hour, 0))), "time_in_past", ErrorKind.Rule);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_Ascension_Day_When_a_client_books_it_Then_unit_closed()
    {
        var outcome = await booking.Book(UnitId, Request(L(2026, 5, 14, 10, 0)));

        AssertRefused(outcome, "unit_closed", ErrorKind.Rule);
        Assert.Contains("Ascension Day", outcome.Refusal!.Error.Message);
    }

    [Fact]
    public async Task Given_the_eight_week_horizon_When_a_client_books_the_day_after_it_Then_beyond_horizon()
    {
        AssertRefused(await booking.Book(UnitId, Request(L(2026, 6, 30, 9, 0))), "beyond_horizon", ErrorKind.Rule);
    }

    [Fact]
    public async Task Given_the_eight_week_horizon_When_a_client_books_its_last_day_Then_it_is_booked()
    {
        await BookOk(L(2026, 6, 29, 9, 0));
    }

    [Theory]
    [InlineData(13, 0)] // Monday afternoon: only an inactive supervisor has hours
    [InlineData(7, 0)]  // the secretary's hours
    [InlineData(9, 10)] // off the half-hour grid
    public async Task Given_a_start_nobody_can_take_When_a_client_books_it_Then_not_a_bookable_time(int hour, int minute)
    {
        AssertRefused(await booking.Book(UnitId, Request(L(2026, 5, 11, hour, minute))), "not_a_bookable_time", ErrorKind.Rule);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_a_block_ending_at_noon_When_an_agreement_is_booked_at_eleven_Then_not_a_bookable_time_because_it_would_not_fit()
    {
        AssertRefused(await booking.Book(UnitId, Request(L(2026, 5, 11, 11, 0), "agreement")), "not_a_bookable_time", ErrorKind.Rule);
        await BookOk(L(2026, 5, 11, 10, 30), "agreement"); // 10:30-11:45 fits
    }

    [Fact]
    public async Task Given_the_only_supervisor_at_a_time_is_booked_When_another_client_books_it_Then_slot_taken_with_later_free_times()
    {
        var wanted = L(2026, 5, 13, 13, 0); // Wednesday afternoon: Bertil only
        await BookOk(wanted);

        var outcome = await booking.Book(UnitId, Request(wanted));

        AssertRefused(outcome, "slot_taken", ErrorKind.Conflict);
        var next = outcome.Refusal!.NextFreeTimes;
        Assert.NotNull(next);
        Assert.NotEmpty(next);
        Assert.All(next, f => Assert.True(f.Start > wanted, $"{f.Start} is not after {wanted}"));
        Assert.Single(store.EventsOf<AppointmentBooked>());
        Assert.Single(store.EventsOf<SlotReserved>());
    }

    [Fact]
    public async Task Given_an_unknown_type_When_a_client_books_it_Then_Invalid_on_appointmentType()
    {
        var outcome = await booking.Book(UnitId, Request(L(2026, 5, 11, 9, 0), type: "divorce"));

        AssertRefused(outcome, "invalid_input", ErrorKind.Invalid);
        Assert.Equal("appointmentType", outcome.Refusal!.Error.Field);
        Assert.Contains("appointmentType", outcome.Refusal.Fields!.Keys);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_a_type_met_only_in_person_When_a_client_books_it_by_video_Then_modality_not_offered()
    {
        var outcome = await booking.Book(UnitId, Request(L(2026, 5, 11, 9, 0), type: "paternity", modality: Modality.Video));

        AssertRefused(outcome, "modality_not_offered", ErrorKind.Rule);
        Assert.Equal("modality", outcome.Refusal!.Error.Field);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_a_type_booked_through_the_secretary_When_a_client_books_it_online_Then_not_bookable_online()
    {
        AssertRefused(await booking.Book(UnitId, Request(L(2026, 5, 11, 9, 0), type: "complex")), "not_bookable_online", ErrorKind.Rule);
    }

    [Fact]
    public async Task Given_invalid_contact_details_When_a_client_books_Then_Invalid_with_those_fields_and_nothing_written()
    {
        var outcome = await booking.Book(UnitId, Request(L(2026, 5, 11, 9, 0), client: Client with { Email = "maija@", Phone = "12" },
            otherParentEmail: "not-an-email"));

        AssertRefused(outcome, "invalid_input", ErrorKind.Invalid);
        Assert.Equal(new HashSet<string> { "client.email", "client.phone", "otherParentEmail" }, outcome.Refusal!.Fields!.Keys.ToHashSet());
        Assert.Empty(store.Events);
        Assert.Empty(store.Documents);
    }

    [Fact]
    public async Task Given_the_other_parents_email_is_the_clients_own_When_a_client_books_Then_Invalid_on_otherParentEmail()
    {
        var outcome = await booking.Book(UnitId, Request(L(2026, 5, 11, 9, 0), otherParentEmail: " MAIJA@example.fi"));

        AssertRefused(outcome, "invalid_input", ErrorKind.Invalid);
        Assert.Equal(["otherParentEmail"], outcome.Refusal!.Fields!.Keys);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_a_booking_made_with_an_Idempotency_Key_When_the_same_request_is_retried_Then_the_same_appointment_is_returned_as_a_replay()
    {
        var first = await booking.Book(UnitId, Request(L(2026, 5, 11, 9, 0), key: "key-1"));
        var retry = await booking.Book(UnitId, Request(L(2026, 5, 11, 9, 0), key: "key-1")); // the retry carries fresh ids

        Assert.True(first.Succeeded && retry.Succeeded);
        Assert.Equal(first.Value!.View.AppointmentId, retry.Value!.View.AppointmentId);
        Assert.Equal(first.Value.SealedToken, retry.Value.SealedToken);
        Assert.False(first.Value.Replayed);
        Assert.True(retry.Value.Replayed);
        Assert.Single(store.EventsOf<AppointmentBooked>());
        Assert.Single(store.EventsOf<SlotReserved>());
    }

    [Fact]
    public async Task Given_a_form_booked_with_a_key_When_the_door_sends_it_again_Then_the_answer_is_the_same_booking_with_the_same_manage_token()
    {
        var form = new BookingInput("advice", Modality.InPerson, L(2026, 5, 11, 9, 0), Client, "matti@example.fi", "form-key");

        var first = await booking.Book(UnitId, form);
        var again = await booking.Book(UnitId, form);

        Assert.True(first.Succeeded, first.Refusal?.Error.ToString());
        Assert.True(again.Value!.Replayed);
        Assert.NotNull(first.Value!.ManageToken);
        Assert.Equal(first.Value.ManageToken, again.Value.ManageToken);
        Assert.Equal(first.Value.View.AppointmentId, again.Value.View.AppointmentId);
        Assert.Single(store.EventsOf<AppointmentBooked>());
        Assert.Single(store.DocumentsOf<InvitationToken>());
    }

    [Fact]
    public async Task Given_the_same_form_with_another_answer_in_a_field_When_it_reuses_the_key_Then_idempotency_key_reused()
    {
        var form = new BookingInput("advice", Modality.InPerson, L(2026, 5, 11, 9, 0), Client, null, "form-key");
        Assert.True((await booking.Book(UnitId, form)).Succeeded);

        var changed = await booking.Book(UnitId, form with { Client = Client with { Phone = "+358 40 765 4321" } });

        Assert.Equal("idempotency_key_reused", changed.Refusal?.Error.Code);
        Assert.Single(store.EventsOf<AppointmentBooked>());
    }

    [Fact]
    public async Task Given_the_same_request_commits_just_after_my_key_check_When_my_choice_finds_its_time_taken_Then_the_answer_is_that_booking_not_slot_taken()
    {
        var wanted = L(2026, 5, 13, 13, 0); // Wednesday afternoon: Bertil only
        var keys = new KeysWithATwin(store);
        var mine = new OnlineBooking(store, new FixedConfiguration(Config()), new InMemoryReservations(store), keys, clock, _ => 0);
        var first = Request(wanted, key: "sent-twice");
        keys.AfterFirstLookup = async () => Assert.True((await booking.Book(UnitId, first)).Succeeded);

        var retry = await mine.Book(UnitId, Request(wanted, key: "sent-twice"));

        Assert.True(retry.Succeeded, retry.Refusal?.Error.ToString());
        Assert.True(retry.Value!.Replayed);
        Assert.Equal(first.AppointmentId, retry.Value.View.AppointmentId);
        Assert.Single(store.EventsOf<AppointmentBooked>());
    }

    /// <summary>Lets a twin request commit right after the first look-up found no record of the key.</summary>
    private sealed class KeysWithATwin(InMemoryEventStore store) : IIdempotencyKeys
    {
        private readonly InMemoryIdempotencyKeys keys = new(store);

        public Func<Task>? AfterFirstLookup { get; set; }

        public async Task<IdempotencyRecord?> Find(Guid unitId, string key, CancellationToken ct = default)
        {
            var found = await keys.Find(unitId, key, ct);
            if (AfterFirstLookup is { } twin)
            {
                AfterFirstLookup = null;
                await twin();
            }
            return found;
        }
    }

    [Fact]
    public async Task Given_a_used_Idempotency_Key_When_a_different_request_uses_it_Then_idempotency_key_reused()
    {
        await booking.Book(UnitId, Request(L(2026, 5, 11, 9, 0), key: "key-1", fingerprint: "a"));

        var outcome = await booking.Book(UnitId, Request(L(2026, 5, 11, 10, 0), key: "key-1", fingerprint: "b"));

        AssertRefused(outcome, "idempotency_key_reused", ErrorKind.Rule);
        Assert.Single(store.EventsOf<AppointmentBooked>());
    }

    [Fact]
    public async Task Given_a_competitor_takes_the_chosen_supervisor_between_check_and_save_When_the_booking_saves_Then_it_retries_with_the_other()
    {
        var wanted = L(2026, 5, 11, 9, 0);
        var competitor = Request(wanted);
        store.BeforeNextCommit = async () => Assert.True((await booking.Book(UnitId, competitor)).Succeeded);

        var (mine, _) = await BookOk(wanted);

        Assert.Equal(new HashSet<Guid> { Anna, Bertil },
            new HashSet<Guid> { BookedEvent(competitor.AppointmentId).SupervisorId, BookedEvent(mine.AppointmentId).SupervisorId });
        Assert.Equal(2, store.EventsOf<SlotReserved>().Count());
    }

    [Fact]
    public async Task Given_the_same_request_races_with_the_same_Idempotency_Key_When_the_second_saves_Then_it_replays_the_first()
    {
        var first = Request(L(2026, 5, 11, 9, 0), key: "key-race");
        store.BeforeNextCommit = async () => Assert.True((await booking.Book(UnitId, first)).Succeeded);

        var second = await booking.Book(UnitId, Request(L(2026, 5, 11, 9, 0), key: "key-race"));

        Assert.True(second.Succeeded, second.Refusal?.Error.ToString());
        Assert.True(second.Value!.Replayed);
        Assert.Equal(first.AppointmentId, second.Value.View.AppointmentId);
        Assert.Single(store.EventsOf<AppointmentBooked>());
    }

    // --- cancel ---

    [Fact]
    public async Task Given_a_booking_When_it_is_cancelled_Then_the_slot_is_released_and_the_time_is_free_again()
    {
        var start = L(2026, 5, 13, 13, 0); // Bertil only
        var (request, _) = await BookOk(start);
        Assert.DoesNotContain(await Free(start.Date), f => f.Start == start);

        var outcome = await booking.Cancel(UnitId, request.AppointmentId, "client:test");

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.Equal((AppointmentStatus.Cancelled, false), (outcome.Value!.Status, outcome.Value.CanChange));
        Assert.Single(store.EventsOf<AppointmentCancelled>());
        Assert.Equal(request.AppointmentId, Assert.Single(store.EventsOf<SlotReleased>()).AppointmentId);
        Assert.Contains(await Free(start.Date), f => f.Start == start && f.FreeStaff.Contains(Bertil));
    }

    [Fact]
    public async Task Given_a_cancelled_booking_When_it_is_cancelled_again_Then_nothing_more_is_written()
    {
        var (request, _) = await BookOk(L(2026, 5, 11, 9, 0));
        await booking.Cancel(UnitId, request.AppointmentId, "client:test");
        var before = store.Events.Count;

        var again = await booking.Cancel(UnitId, request.AppointmentId, "client:test");

        Assert.True(again.Succeeded);
        Assert.Equal(before, store.Events.Count);
    }

    [Fact]
    public async Task Given_a_booking_that_has_begun_When_it_is_cancelled_Then_appointment_started()
    {
        var (request, _) = await BookOk(L(2026, 5, 11, 9, 0));
        clock.Reset(Helsinki(L(2026, 5, 11, 9, 5)));

        AssertRefused(await booking.Cancel(UnitId, request.AppointmentId, "client:test"), "appointment_started", ErrorKind.Rule);
    }

    [Fact]
    public async Task Given_no_booking_When_it_is_cancelled_or_moved_Then_appointment_not_found()
    {
        AssertRefused(await booking.Cancel(UnitId, Guid.NewGuid(), "client:test"), "appointment_not_found", ErrorKind.NotFound);
        AssertRefused(await booking.Move(UnitId, Guid.NewGuid(), L(2026, 5, 11, 9, 0), "client:test"), "appointment_not_found", ErrorKind.NotFound);
        Assert.Empty(store.Events);
    }

    // --- move ---

    [Fact]
    public async Task Given_a_booking_When_it_is_moved_to_a_free_time_the_same_day_Then_the_old_time_is_released_the_new_reserved_and_the_supervisor_kept()
    {
        var oldStart = L(2026, 5, 11, 9, 0);
        var newStart = L(2026, 5, 11, 10, 30);
        var (request, _) = await BookOk(oldStart);
        var supervisor = BookedEvent(request.AppointmentId).SupervisorId;

        var outcome = await booking.Move(UnitId, request.AppointmentId, newStart, "client:test");

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.Equal((newStart, Helsinki(newStart)), (outcome.Value!.Start, outcome.Value.StartsAt));
        var moved = Assert.Single(store.EventsOf<AppointmentMoved>());
        Assert.Equal((supervisor, Helsinki(newStart)), (moved.SupervisorId, moved.Start));
        var free = await Free(oldStart.Date);
        Assert.Contains(free, f => f.Start == oldStart && f.FreeStaff.Contains(supervisor));
        Assert.DoesNotContain(free, f => f.Start == newStart && f.FreeStaff.Contains(supervisor));
    }

    [Fact]
    public async Task Given_an_agreement_When_it_is_moved_half_an_hour_later_overlapping_itself_Then_the_same_supervisor_keeps_it()
    {
        var (request, _) = await BookOk(L(2026, 5, 12, 9, 0), "agreement"); // Tuesday morning: Anna only, 09:00-10:15

        var outcome = await booking.Move(UnitId, request.AppointmentId, L(2026, 5, 12, 9, 30), "client:test");

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.Equal(Anna, Assert.Single(store.EventsOf<AppointmentMoved>()).SupervisorId);
        var live = await new InMemoryReservations(store).Between(UnitId, Helsinki(L(2026, 5, 12, 0, 0)), Helsinki(L(2026, 5, 13, 0, 0)));
        Assert.Equal((Helsinki(L(2026, 5, 12, 9, 30)), Helsinki(L(2026, 5, 12, 10, 45))), (Assert.Single(live).Start, live[0].End));
    }

    [Fact]
    public async Task Given_an_agreement_When_its_client_looks_for_a_new_time_Then_times_overlapping_its_own_are_offered_but_not_its_current_time()
    {
        var (request, _) = await BookOk(L(2026, 5, 12, 9, 0), "agreement"); // Tuesday morning: Anna only, 09:00-10:15
        var tuesday = new LocalDate(2026, 5, 12);

        var forOthers = (await booking.FreeTimes(UnitId, new FreeTimesQuery("agreement", Modality.InPerson, tuesday, tuesday))).Value!;
        var forMove = (await booking.FreeTimes(UnitId, new FreeTimesQuery("agreement", Modality.InPerson, tuesday, tuesday, request.AppointmentId))).Value!;

        Assert.DoesNotContain(forOthers, f => f.Start == L(2026, 5, 12, 9, 30));
        Assert.Contains(forMove, f => f.Start == L(2026, 5, 12, 9, 30));
        Assert.DoesNotContain(forMove, f => f.Start == L(2026, 5, 12, 9, 0));
    }

    [Fact]
    public async Task Given_a_booking_When_it_is_moved_to_another_day_the_supervisor_works_Then_both_staff_days_change_and_the_supervisor_is_kept()
    {
        var (request, _) = await BookOk(L(2026, 5, 11, 9, 0)); // Anna (tie picked first)
        Assert.Equal(Anna, BookedEvent(request.AppointmentId).SupervisorId);

        var outcome = await booking.Move(UnitId, request.AppointmentId, L(2026, 5, 12, 10, 0), "client:test");

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.Equal(Anna, Assert.Single(store.EventsOf<AppointmentMoved>()).SupervisorId);
        Assert.Contains(store.Events, e => e.Data is SlotReleased && e.StreamId == StreamIds.StaffDay(Anna, new LocalDate(2026, 5, 11)));
        Assert.Contains(store.Events, e => e.Data is SlotReserved && e.StreamId == StreamIds.StaffDay(Anna, new LocalDate(2026, 5, 12)));
    }

    [Fact]
    public async Task Given_a_booking_When_it_is_moved_to_a_time_its_supervisor_does_not_work_Then_a_free_supervisor_takes_it()
    {
        var (request, _) = await BookOk(L(2026, 5, 13, 13, 0)); // Wednesday: Bertil

        var outcome = await booking.Move(UnitId, request.AppointmentId, L(2026, 5, 12, 9, 0), "client:test"); // Tuesday morning: Anna

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.Equal(Anna, Assert.Single(store.EventsOf<AppointmentMoved>()).SupervisorId);
        Assert.Contains(await Free(new LocalDate(2026, 5, 13)), f => f.Start == L(2026, 5, 13, 13, 0));
    }

    [Fact]
    public async Task Given_a_booking_When_it_is_moved_to_a_taken_time_Then_slot_taken_and_nothing_written()
    {
        var (mine, _) = await BookOk(L(2026, 5, 12, 9, 0));   // Anna
        await BookOk(L(2026, 5, 13, 13, 0));                  // Bertil, the only one on Wednesday
        var before = store.Events.Count;

        var outcome = await booking.Move(UnitId, mine.AppointmentId, L(2026, 5, 13, 13, 0), "client:test");

        AssertRefused(outcome, "slot_taken", ErrorKind.Conflict);
        Assert.Equal(before, store.Events.Count);
    }

    [Fact]
    public async Task Given_a_cancelled_booking_When_it_is_moved_Then_appointment_cancelled()
    {
        var (request, _) = await BookOk(L(2026, 5, 11, 9, 0));
        await booking.Cancel(UnitId, request.AppointmentId, "client:test");

        AssertRefused(await booking.Move(UnitId, request.AppointmentId, L(2026, 5, 11, 10, 0), "client:test"), "appointment_cancelled", ErrorKind.Rule);
        Assert.Empty(store.EventsOf<AppointmentMoved>());
    }

    [Fact]
    public async Task Given_a_booking_When_it_is_moved_onto_a_holiday_Then_unit_closed()
    {
        var (request, _) = await BookOk(L(2026, 5, 11, 9, 0));

        AssertRefused(await booking.Move(UnitId, request.AppointmentId, L(2026, 5, 14, 9, 0), "client:test"), "unit_closed", ErrorKind.Rule);
    }

    // --- free times ---

    [Fact]
    public async Task Given_a_wide_query_When_free_times_are_asked_Then_none_is_today_or_beyond_the_horizon()
    {
        var outcome = await booking.FreeTimes(UnitId, new FreeTimesQuery("advice", Modality.InPerson, Today.PlusDays(-7), Today.PlusDays(90)));

        Assert.True(outcome.Succeeded);
        var times = outcome.Value!;
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.InRange(t.Start.Date, Today.PlusDays(1), new LocalDate(2026, 6, 29)));
        Assert.Equal(Today.PlusDays(1), times[0].Start.Date);
        Assert.Equal(new LocalDate(2026, 6, 29), times[^1].Start.Date);
        Assert.DoesNotContain(times, t => t.Start.Date == new LocalDate(2026, 5, 14));
    }

    [Fact]
    public async Task Given_only_today_When_free_times_are_asked_Then_none()
    {
        var outcome = await booking.FreeTimes(UnitId, new FreeTimesQuery("advice", Modality.InPerson, Today, Today));

        Assert.True(outcome.Succeeded);
        Assert.Empty(outcome.Value!);
    }

    [Fact]
    public async Task Given_an_end_before_the_start_When_free_times_are_asked_Then_Invalid_on_to()
    {
        var outcome = await booking.FreeTimes(UnitId, new FreeTimesQuery("advice", Modality.InPerson, Today.PlusDays(5), Today.PlusDays(2)));

        AssertRefused(outcome, "invalid_input", ErrorKind.Invalid);
        Assert.Equal("to", outcome.Refusal!.Error.Field);
    }

    [Fact]
    public async Task Given_a_booking_When_it_is_viewed_Then_the_client_sees_local_times_and_no_supervisor()
    {
        var (request, _) = await BookOk(L(2026, 5, 11, 9, 0), "paternity");

        var view = await booking.View(UnitId, request.AppointmentId);

        Assert.NotNull(view);
        Assert.Equal((L(2026, 5, 11, 9, 0), L(2026, 5, 11, 9, 45), "paternity"), (view.Start, view.End, view.AppointmentType));
        Assert.Null(await booking.View(UnitId, Guid.NewGuid()));
    }
}
