// A video meeting's link and the safety request for separate meetings: the decider's rules (given events / when command /
// then events) and the VideoLinks use case against the in-memory store. The link lives in the notes document only.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Appointments;

public class VideoLinkDeciderTests
{
    private static readonly Guid Id = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000007");
    private static readonly Guid Client = Guid.Parse("cccccccc-0000-0000-0000-000000000001");
    private static readonly Guid Other = Guid.Parse("cccccccc-0000-0000-0000-000000000002");
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly Instant Start = Instant.FromUtc(2026, 5, 11, 6, 0);
    private const string Staff = "staff:aino";

    private static Appointment Booked(Modality modality = Modality.Video, params AppointmentEvent[] more) => new AppointmentEvent[]
    {
        new AppointmentBooked(Id, Client, "advice", modality, Start, Start + Duration.FromMinutes(30), Start + Duration.FromMinutes(30),
            Anna, BookingChannel.Online, "client:x", Now),
    }.Concat(more).Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e));

    [Fact]
    public void Given_a_booked_video_meeting_When_staff_set_its_link_Then_VideoLinkSet_names_who_and_when_and_holds_no_link()
    {
        var decision = AppointmentDecider.Decide(new SetVideoLink(Id, Staff, Now), Booked());

        Assert.Equal(new VideoLinkSet(Id, Staff, Now), Assert.Single(decision.Events));
        // Nothing in the event could carry the link: ids, the actor and the time only.
        Assert.Equal(["AppointmentId", "SetAt", "SetBy"], typeof(VideoLinkSet).GetProperties().Select(p => p.Name).Order().ToArray());
    }

    [Theory]
    [InlineData(Modality.InPerson)]
    [InlineData(Modality.Phone)]
    public void Given_a_meeting_that_is_not_by_video_When_a_link_is_set_Then_not_a_video_meeting(Modality modality)
    {
        Assert.Equal("not_a_video_meeting", AppointmentDecider.Decide(new SetVideoLink(Id, Staff, Now), Booked(modality)).Error?.Code);
    }

    [Fact]
    public void Given_a_cancelled_or_finished_video_meeting_When_a_link_is_set_Then_refused()
    {
        Assert.Equal("appointment_cancelled",
            AppointmentDecider.Decide(new SetVideoLink(Id, Staff, Now), Booked(Modality.Video, new AppointmentCancelled(Id, Staff, Now))).Error?.Code);
        Assert.Equal("appointment_over",
            AppointmentDecider.Decide(new SetVideoLink(Id, Staff, Start + Duration.FromMinutes(30)), Booked()).Error?.Code);
        Assert.Equal("appointment_not_found", AppointmentDecider.Decide(new SetVideoLink(Id, Staff, Now), Appointment.Initial).Error?.Code);
    }

    [Fact]
    public void Given_a_video_meeting_that_has_begun_When_its_link_is_fixed_before_the_end_Then_allowed()
    {
        Assert.Single(AppointmentDecider.Decide(new SetVideoLink(Id, Staff, Start + Duration.FromMinutes(5)), Booked()).Events);
    }

    [Fact]
    public void Given_no_appointment_When_it_is_booked_asking_for_separate_meetings_Then_SeparateMeetingsRequested_and_no_invitation()
    {
        var decision = AppointmentDecider.Decide(new BookAppointment(Id, Client, null, "advice", Modality.InPerson, Start,
            Start + Duration.FromMinutes(30), Start + Duration.FromMinutes(30), Anna, BookingChannel.Online, "client:x", Now, SeparateMeetings: true),
            Appointment.Initial);

        Assert.Collection(decision.Events, e => Assert.IsType<AppointmentBooked>(e), e => Assert.Equal(new SeparateMeetingsRequested(Id, Now), e));
        Assert.True(decision.Events.Aggregate(Appointment.Initial, (s, e) => Appointment.Evolve(s, e)).SeparateMeetings);
    }

    [Fact]
    public void Given_no_appointment_When_separate_meetings_are_asked_and_the_other_parent_invited_Then_Invalid_on_separateMeetings()
    {
        var decision = AppointmentDecider.Decide(new BookAppointment(Id, Client, Other, "advice", Modality.InPerson, Start,
            Start + Duration.FromMinutes(30), Start + Duration.FromMinutes(30), Anna, BookingChannel.Online, "client:x", Now, SeparateMeetings: true),
            Appointment.Initial);

        Assert.Equal(("separate_or_joint", "separateMeetings"), (decision.Error?.Code, decision.Error?.Field));
    }
}

public class VideoLinksUseCaseTests
{
    private static readonly Guid Id = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000008");
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly Instant Start = Instant.FromUtc(2026, 5, 11, 6, 0);
    private const string Link = "https://meet.example.fi/perhe/4711";

    private readonly InMemoryEventStore store;
    private readonly VideoLinks links;

    public VideoLinksUseCaseTests()
    {
        var clock = new FakeClock(Now);
        store = new InMemoryEventStore(clock);
        links = new VideoLinks(store, new InMemoryNotes(store), clock);
    }

    private static readonly StaffActor Secretary = new(Sirpa, StaffRoles.Secretary);
    private static readonly StaffActor Own = new(Anna, StaffRoles.Supervisor);
    private static readonly StaffActor Colleague = new(Bertil, StaffRoles.Supervisor);

    private async Task GivenBooked(Modality modality = Modality.Video)
    {
        await using var session = store.OpenSession(UnitId, "client:x");
        session.Append(StreamIds.Appointment(Id), StreamIds.AppointmentType, 0,
        [
            new AppointmentBooked(Id, Guid.NewGuid(), "advice", modality, Start, Start + Duration.FromMinutes(30), Start + Duration.FromMinutes(30),
                Anna, BookingChannel.Online, "client:x", Now),
        ]);
        await session.SaveChangesAsync();
    }

    private int Written => store.Events.Count + store.Documents.Count;

    [Fact]
    public async Task Given_a_video_meeting_When_its_own_supervisor_sets_the_link_Then_the_notes_hold_it_and_the_event_does_not()
    {
        await GivenBooked();

        var outcome = await links.Set(UnitId, Id, $"  {Link} ", Own);

        Assert.True(outcome.Succeeded, outcome.Refusal?.ToString());
        Assert.Equal(new AppointmentNotes(UnitId, Id, Link, "", ""), Assert.Single(store.DocumentsOf<AppointmentNotes>()));
        var set = Assert.Single(store.EventsOf<VideoLinkSet>());
        Assert.DoesNotContain("meet.example.fi", set.ToString());
        Assert.Equal(Link, await links.Of(UnitId, Id));
    }

    [Fact]
    public async Task Given_a_link_already_set_When_the_same_link_is_set_again_Then_nothing_is_written_and_a_new_one_replaces_it()
    {
        await GivenBooked();
        await links.Set(UnitId, Id, Link, Secretary);
        var before = Written;

        Assert.True((await links.Set(UnitId, Id, Link, Own)).Succeeded);
        Assert.Equal(before, Written);

        Assert.True((await links.Set(UnitId, Id, Link + "-b", Own)).Succeeded);
        Assert.Equal(2, store.EventsOf<VideoLinkSet>().Count());
        Assert.Equal(Link + "-b", await links.Of(UnitId, Id));
    }

    [Fact]
    public async Task Given_a_video_meeting_When_another_supervisor_or_the_manager_sets_its_link_Then_forbidden_and_nothing_written()
    {
        await GivenBooked();
        var before = Written;

        Assert.Equal(ErrorKind.Forbidden, (await links.Set(UnitId, Id, Link, Colleague)).Refusal?.Error.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await links.Set(UnitId, Id, Link, new StaffActor(Anna, StaffRoles.Manager))).Refusal?.Error.Kind);
        Assert.Equal(before, Written);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://meet.example.fi/room")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://meet.example.fi/ro\u0000om")]
    [InlineData("https://meet.example.fi/ro\nom")]
    [InlineData("https://meet.example.fi/ro om")]
    [InlineData("https://user:pw@meet.example.fi/room")]
    [InlineData("https://localhost/room")]
    public async Task Given_a_video_meeting_When_a_bad_link_is_set_Then_Invalid_on_videoLink_and_nothing_written(string link)
    {
        await GivenBooked();
        var before = Written;

        var outcome = await links.Set(UnitId, Id, link, Own);

        Assert.Equal(ErrorKind.Invalid, outcome.Refusal?.Error.Kind);
        Assert.Contains("videoLink", outcome.Refusal!.Fields!.Keys);
        Assert.Equal(before, Written);
    }

    [Fact]
    public async Task Given_a_video_meeting_When_a_link_longer_than_500_characters_is_set_Then_Invalid_on_videoLink()
    {
        await GivenBooked();
        var outcome = await links.Set(UnitId, Id, "https://meet.example.fi/" + new string('a', 480), Own);
        Assert.Contains("500", outcome.Refusal?.Fields?["videoLink"][0]);
    }

    [Fact]
    public async Task Given_an_in_person_meeting_or_none_When_a_link_is_set_Then_refused_without_writing()
    {
        Assert.Equal(ErrorKind.NotFound, (await links.Set(UnitId, Id, Link, Secretary)).Refusal?.Error.Kind);
        await GivenBooked(Modality.InPerson);
        Assert.Equal("not_a_video_meeting", (await links.Set(UnitId, Id, Link, Secretary)).Refusal?.Error.Code);
        Assert.Empty(store.DocumentsOf<AppointmentNotes>());
    }

    /// <summary>The appointment_notes table: the latest stored notes per appointment.</summary>
    private sealed class InMemoryNotes(InMemoryEventStore store) : IAppointmentNotesSource
    {
        public Task<IReadOnlyDictionary<Guid, AppointmentNotes>> For(Guid unitId, IReadOnlyCollection<Guid> appointmentIds, CancellationToken ct = default)
        {
            var found = new Dictionary<Guid, AppointmentNotes>();
            foreach (var n in store.DocumentsOf<AppointmentNotes>())
                if (n.UnitId == unitId && appointmentIds.Contains(n.AppointmentId)) found[n.AppointmentId] = n;
            return Task.FromResult<IReadOnlyDictionary<Guid, AppointmentNotes>>(found);
        }
    }
}
