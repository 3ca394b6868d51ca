// Accounts kept from before accounts had streams (a sign-in row alone) get their stream at start, through the one write
// path: opened as the row stands, once, however often the service starts and however many instances start together.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;

namespace Booking.Domain.Tests.Staff;

public class EarlierAccountsTests
{
    private static readonly Guid Unit = TestUnit.UnitId;
    private static readonly Guid Pekka = Guid.Parse("33333333-0000-0000-0000-000000000001");
    private static readonly Guid Aino = Guid.Parse("33333333-0000-0000-0000-000000000002");
    private static readonly Guid Leena = Guid.Parse("33333333-0000-0000-0000-000000000003");

    private readonly FakeClock clock = new(Instant.FromUtc(2026, 4, 20, 6, 0));
    private readonly InMemoryEventStore store;

    public EarlierAccountsTests()
    {
        store = new InMemoryEventStore(clock);
    }

    private StaffAccountUseCases Instance() =>
        new(store, new RowsIndex(store), new NoStaffDirectory(), new NoSignInThrottle(), new PlainHashing(), (_, _) => Task.FromResult<UnitConfiguration?>(null), clock);

    private async Task Rows()
    {
        // Pekka's account already has its stream (opened by the manager's page); Aino's and Leena's are rows alone.
        await using var session = store.OpenSession(Unit, "test");
        session.Append(StreamIds.StaffAccount(Pekka), StreamIds.StaffAccountType, 0,
            [new StaffAccountOpened(Pekka, StaffRoles.Manager, "system:first-manager", clock.GetCurrentInstant())]);
        session.Store(new StaffCredentials(Unit, Pekka, "pekka", "hash", StaffRoles.Manager, true));
        session.Store(new StaffCredentials(Unit, Aino, "aino", "hash", StaffRoles.Supervisor, true));
        session.Store(new StaffCredentials(Unit, Leena, "leena", "hash", StaffRoles.Secretary, false));
        await session.SaveChangesAsync();
    }

    private IReadOnlyList<object> StreamOf(Guid staffId) =>
        store.Events.Where(e => e.StreamId == StreamIds.StaffAccount(staffId)).Select(e => e.Data).ToList();

    [Fact]
    public async Task Rows_without_a_stream_get_one_as_they_stand_and_a_second_start_writes_nothing()
    {
        await Rows();
        clock.AdvanceMinutes(5);
        var at = clock.GetCurrentInstant();

        var (opened, refused) = await Instance().OpenEarlierAccountsStreams(Unit);

        Assert.Equal([Aino, Leena], opened.Order());
        Assert.Empty(refused);
        Assert.Equal([new StaffAccountOpened(Aino, StaffRoles.Supervisor, "system:accounts", at)], StreamOf(Aino));
        Assert.Equal([new StaffAccountOpened(Leena, StaffRoles.Secretary, "system:accounts", at), new StaffAccountDisabled(Leena, "system:accounts", at)],
            StreamOf(Leena));
        Assert.Single(StreamOf(Pekka));

        var events = store.Events.Count;
        var again = await Instance().OpenEarlierAccountsStreams(Unit);
        Assert.Empty(again.Opened);
        Assert.Empty(again.Refused);
        Assert.Equal(events, store.Events.Count);
    }

    [Fact]
    public async Task Two_instances_starting_together_open_each_stream_once()
    {
        await Rows();
        var first = Instance();
        var second = Instance();
        IReadOnlyList<Guid> secondOpened = [];
        // The second instance does all its work between the first one's reads and its first save.
        store.BeforeNextCommit = async () => secondOpened = (await second.OpenEarlierAccountsStreams(Unit)).Opened;

        var (firstOpened, refused) = await first.OpenEarlierAccountsStreams(Unit);

        Assert.Empty(refused);
        Assert.Equal([Aino, Leena], firstOpened.Concat(secondOpened).Order());
        Assert.Single(StreamOf(Aino));
        Assert.Equal(2, StreamOf(Leena).Count);
        Assert.Single(StreamOf(Pekka));
    }

    [Fact]
    public async Task A_row_with_a_role_the_rules_do_not_know_is_named_and_left_without_a_stream()
    {
        await using (var session = store.OpenSession(Unit, "test"))
        {
            session.Store(new StaffCredentials(Unit, Aino, "aino", "hash", "admin", true));
            session.Store(new StaffCredentials(Unit, Leena, "leena", "hash", StaffRoles.Secretary, true));
            await session.SaveChangesAsync();
        }

        var (opened, refused) = await Instance().OpenEarlierAccountsStreams(Unit);

        Assert.Equal([Leena], opened);
        var (staffId, error) = Assert.Single(refused);
        Assert.Equal((Aino, "role"), (staffId, error.Field));
        Assert.Empty(StreamOf(Aino));
    }

    /// <summary>The sign-in rows as the account index lists them (the newest row of each staff member).</summary>
    private sealed class RowsIndex(InMemoryEventStore store) : IStaffAccountIndex
    {
        private IEnumerable<StaffCredentials> Rows() =>
            store.DocumentsOf<StaffCredentials>().GroupBy(c => c.StaffId).Select(g => g.Last());

        public Task<Guid?> StaffWithUserName(Guid unitId, string userName, CancellationToken ct = default) =>
            Task.FromResult(Rows().Where(c => c.UserName == userName).Select(c => (Guid?)c.StaffId).FirstOrDefault());

        public Task<StaffAccountListing?> ByStaff(Guid unitId, Guid staffId, Instant now, CancellationToken ct = default) =>
            Task.FromResult(Rows().Where(c => c.StaffId == staffId).Select(Listing).FirstOrDefault());

        public Task<Guid?> StaffWithExternalId(Guid unitId, string externalId, CancellationToken ct = default) => Task.FromResult<Guid?>(null);

        public Task<int> EnabledManagers(Guid unitId, CancellationToken ct = default) =>
            Task.FromResult(Rows().Count(c => c.Enabled && c.Role == StaffRoles.Manager));

        public Task<IReadOnlyList<StaffAccountListing>> All(Guid unitId, Instant now, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<StaffAccountListing>>(Rows().Select(Listing).ToList());

        private static StaffAccountListing Listing(StaffCredentials c) => new(c.StaffId, c.UserName, c.Role, c.Enabled, null);
    }
}
