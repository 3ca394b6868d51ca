// The secretary's side of a family without a database: logging contacts (the first starts the lead-time clock), the
// other parent, and tailored info links. Names, emails and phone numbers go to documents, never into events.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Families;

public class FamilyUseCasesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly Guid FamilyId = Guid.Parse("fa000000-0000-0000-0000-000000000001");
    private const string Actor = "staff:sirpa";

    private static readonly ParentDetails Maija = new("Maija Meikäläinen", "maija@example.fi", "+358 40 123 4567", Language.Fi);
    private static readonly ParentDetails Matti = new("Matti Meikäläinen", "", "040 765 4321", Language.Sv);

    private readonly FakeClock clock = new(Now);
    private readonly InMemoryEventStore store;
    private readonly FamilyUseCases families;
    private readonly Queue<Guid> ids = new(Enumerable.Range(1, 20).Select(i => Guid.Parse($"cccccccc-0000-0000-0000-{i:D12}")));

    public FamilyUseCasesTests()
    {
        store = new InMemoryEventStore(clock);
        families = new FamilyUseCases(store, new FixedConfiguration(Config()), new InMemoryClientContacts(store), clock);
    }

    private static ContactRequest Contact(ParentRole parent = ParentRole.Mother, ParentDetails? details = null, string matter = "agreement",
        ContactChannel channel = ContactChannel.Phone) => new(channel, matter, parent, details);

    private async Task<Family> LogOk(ContactRequest request, Guid? familyId = null)
    {
        var outcome = await families.LogContact(UnitId, familyId ?? FamilyId, request, ids.Dequeue, Actor);
        Assert.True(outcome.Succeeded, outcome.Refusal is { } r ? $"{r.Error} {string.Join(", ", r.Fields?.Keys ?? [])}" : "");
        return outcome.Value!;
    }

    private IReadOnlyList<object> FamilyEvents() =>
        store.Events.Where(e => e.StreamId == StreamIds.Family(FamilyId)).Select(e => e.Data).ToList();

    private static void AssertRefused<T>(Outcome<T> outcome, string code, ErrorKind kind, string? field = null)
    {
        Assert.False(outcome.Succeeded, "expected a refusal");
        Assert.Equal((code, kind), (outcome.Refusal!.Error.Code, outcome.Refusal.Error.Kind));
        if (field is not null) Assert.Equal(field, outcome.Refusal.Error.Field);
    }

    // --- contacts ---

    [Fact]
    public async Task Given_a_new_family_When_the_first_contact_is_logged_Then_ParentAdded_and_ContactLogged_and_the_details_are_a_document()
    {
        var family = await LogOk(Contact(details: Maija));

        var mother = family.Parent(ParentRole.Mother)!.ClientId;
        Assert.Equal<object>(
        [
            new ParentAdded(FamilyId, mother, ParentRole.Mother, Actor, Now),
            new ContactLogged(FamilyId, ContactChannel.Phone, "agreement", ParentRole.Mother, Actor, Now),
        ], FamilyEvents());
        Assert.Equal(Now, family.FirstContactAt);
        Assert.Equal(new ClientContact(UnitId, mother, "Maija Meikäläinen", "maija@example.fi", "+358 40 123 4567", Language.Fi),
            Assert.Single(store.DocumentsOf<ClientContact>()));
    }

    [Fact]
    public async Task Given_a_family_When_the_same_parent_contacts_again_Then_only_ContactLogged_and_the_clock_keeps_the_first_contact()
    {
        var first = await LogOk(Contact(details: Maija));
        clock.Advance(Duration.FromDays(2));

        var again = await LogOk(Contact(channel: ContactChannel.Email, matter: "advice"));

        Assert.Equal(new ContactLogged(FamilyId, ContactChannel.Email, "advice", ParentRole.Mother, Actor, Now + Duration.FromDays(2)),
            FamilyEvents()[^1]);
        Assert.Single(store.EventsOf<ParentAdded>());
        Assert.Equal(first.Parents, again.Parents);
        Assert.Equal((Now, "advice"), (again.FirstContactAt!.Value, again.Matter));
        Assert.Equal(2, again.Contacts.Count);
    }

    [Fact]
    public async Task Given_a_family_When_the_other_parent_phones_Then_they_are_added_as_a_parent()
    {
        await LogOk(Contact(details: Maija));

        var family = await LogOk(Contact(ParentRole.Father, Matti));

        Assert.Equal([ParentRole.Mother, ParentRole.Father], family.Parents.Select(p => p.Role));
        Assert.Equal(2, store.EventsOf<ParentAdded>().Count());
        Assert.Equal(2, store.EventsOf<ContactLogged>().Count());
    }

    [Fact]
    public async Task Given_a_first_contact_with_the_other_parents_details_When_it_is_logged_Then_both_parents_are_added_with_their_documents()
    {
        var family = await LogOk(Contact(details: Maija) with { OtherParentRole = ParentRole.Father, OtherParent = Matti });

        var (mother, father) = (family.Parent(ParentRole.Mother)!.ClientId, family.Parent(ParentRole.Father)!.ClientId);
        Assert.NotEqual(mother, father);
        Assert.Equal([typeof(ParentAdded), typeof(ContactLogged), typeof(ParentAdded)], FamilyEvents().Select(e => e.GetType()));
        Assert.Single(store.EventsOf<ContactLogged>()); // the father did not contact the unit himself
        var view = await families.View(UnitId, FamilyId);
        Assert.NotNull(view);
        Assert.Equal([(mother, "Maija Meikäläinen"), (father, "Matti Meikäläinen")], view.Parents.Select(p => (p.Parent.ClientId, p.Contact!.Name)));
    }

    [Fact]
    public async Task Given_contacts_When_they_are_logged_Then_no_event_holds_a_name_an_email_or_a_phone_number()
    {
        await LogOk(Contact(details: Maija) with { OtherParentRole = ParentRole.Father, OtherParent = Matti });
        await LogOk(Contact(details: Maija with { Email = "maija.uusi@example.fi" }));

        var printed = store.Events.Select(e => e.Data.ToString()!).ToList();
        Assert.NotEmpty(printed);
        foreach (var secret in new[] { "Maija", "Matti", "Meikäläinen", "example.fi", "123 4567", "765 4321" })
            Assert.DoesNotContain(printed, p => p.Contains(secret, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("maija.uusi@example.fi",
            (await families.View(UnitId, FamilyId))!.Parents.Single(p => p.Parent.Role == ParentRole.Mother).Contact!.Email);
    }

    [Theory]
    [InlineData("Maija", "", "", "parent.phone")]           // neither phone nor email
    [InlineData("Maija", "maija@", "", "parent.email")]     // a bad email
    [InlineData("Maija", "", "12", "parent.phone")]         // a bad phone number
    [InlineData("  ", "maija@example.fi", "", "parent.name")]
    public async Task Given_invalid_details_When_a_contact_is_logged_Then_Invalid_on_that_field_and_nothing_written(string name, string email,
        string phone, string field)
    {
        var outcome = await families.LogContact(UnitId, FamilyId, Contact(details: new ParentDetails(name, email, phone, Language.Fi)), ids.Dequeue, Actor);

        AssertRefused(outcome, "invalid_input", ErrorKind.Invalid);
        Assert.Contains(field, outcome.Refusal!.Fields!.Keys);
        Assert.Empty(store.Events);
        Assert.Empty(store.Documents);
    }

    [Fact]
    public async Task Given_invalid_other_parent_details_and_an_unknown_matter_When_a_contact_is_logged_Then_every_field_is_named_and_nothing_written()
    {
        var request = Contact(details: Maija, matter: "divorce") with
        {
            OtherParentRole = ParentRole.Mother, OtherParent = Matti with { Phone = "", Email = "matti(at)example.fi" },
        };

        var outcome = await families.LogContact(UnitId, FamilyId, request, ids.Dequeue, Actor);

        AssertRefused(outcome, "invalid_input", ErrorKind.Invalid);
        Assert.Equal(new HashSet<string> { "matter", "otherParent.email", "otherParentRole" }, outcome.Refusal!.Fields!.Keys.ToHashSet());
        Assert.Empty(store.Events);
        Assert.Empty(store.Documents);
    }

    [Fact]
    public async Task Given_a_new_family_When_a_contact_without_details_is_logged_Then_Invalid_on_the_parents_name()
    {
        AssertRefused(await families.LogContact(UnitId, FamilyId, Contact(), ids.Dequeue, Actor), "invalid_input", ErrorKind.Invalid, "parent.name");
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Given_no_family_When_it_is_viewed_Then_null()
    {
        Assert.Null(await families.View(UnitId, FamilyId));
    }

    // --- info links ---

    [Fact]
    public async Task Given_a_parent_with_an_email_When_info_links_are_sent_without_a_matter_Then_InfoLinksSent_for_the_familys_matter()
    {
        var family = await LogOk(Contact(details: Maija, matter: "paternity"));
        var mother = family.Parent(ParentRole.Mother)!.ClientId;

        var outcome = await families.SendInfoLinks(UnitId, FamilyId, mother, null, Language.Sv, Actor);

        Assert.True(outcome.Succeeded, outcome.Refusal?.Error.ToString());
        Assert.Equal(new InfoLinksSent(FamilyId, mother, "paternity", Language.Sv, Actor, Now), Assert.Single(store.EventsOf<InfoLinksSent>()));
    }

    [Fact]
    public async Task Given_a_parent_with_a_phone_number_only_When_info_links_are_sent_Then_no_email_and_nothing_written()
    {
        var family = await LogOk(Contact(ParentRole.Father, Matti));
        var before = store.Events.Count;

        var outcome = await families.SendInfoLinks(UnitId, FamilyId, family.Parent(ParentRole.Father)!.ClientId, "agreement", Language.Fi, Actor);

        AssertRefused(outcome, "no_email", ErrorKind.Rule, "clientId");
        Assert.Equal(before, store.Events.Count);
    }

    [Fact]
    public async Task Given_someone_who_is_not_a_parent_of_the_family_When_info_links_are_sent_Then_not_a_parent()
    {
        await LogOk(Contact(details: Maija));
        await LogOk(Contact(details: Matti with { Email = "matti@example.fi" }), Guid.NewGuid()); // a parent of another family
        var stranger = store.DocumentsOf<ClientContact>().Single(c => c.Name == "Matti Meikäläinen").ClientId;

        AssertRefused(await families.SendInfoLinks(UnitId, FamilyId, stranger, "agreement", Language.Fi, Actor), "not_a_parent", ErrorKind.Invalid,
            "clientId");
        Assert.Empty(store.EventsOf<InfoLinksSent>());
    }

    [Fact]
    public async Task Given_an_unknown_matter_When_info_links_are_sent_Then_Invalid_on_matter()
    {
        var family = await LogOk(Contact(details: Maija));

        AssertRefused(await families.SendInfoLinks(UnitId, FamilyId, family.Parent(ParentRole.Mother)!.ClientId, "divorce", Language.Fi, Actor),
            "invalid_input", ErrorKind.Invalid, "matter");
    }

    [Fact]
    public async Task Given_no_family_When_info_links_are_sent_Then_family_not_found()
    {
        AssertRefused(await families.SendInfoLinks(UnitId, FamilyId, Guid.NewGuid(), "agreement", Language.Fi, Actor), "family_not_found",
            ErrorKind.NotFound);
        Assert.Empty(store.Events);
    }
}
