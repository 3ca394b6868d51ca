// The manager adds a person and opens their account in one step: the person joins the configuration and the account
// opens beside it; a partner professional gets no account; refused input adds nobody; and an account refused after all
// (its user name taken between the check and the opening) takes the person out again, so nobody is left behind.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;

namespace Booking.Domain.Tests.Staff;

public class NewStaffMemberUseCaseTests
{
    private static readonly Guid Unit = TestUnit.UnitId;
    private static readonly Guid Newcomer = Guid.Parse("22222222-0000-0000-0000-000000000001");
    private const string Password = "kesä-Tuuli-2026";

    private readonly FakeClock clock = new(Instant.FromUtc(2026, 4, 20, 6, 0));
    private readonly InMemoryEventStore store;
    private readonly SettingsStore settings = new();
    private readonly AccountIndex index;
    private readonly NewStaffMemberUseCase useCase;

    public NewStaffMemberUseCaseTests()
    {
        store = new InMemoryEventStore(clock);
        index = new AccountIndex(store);
        settings.Put(TestUnit.Config());
        var accounts = new StaffAccountUseCases(store, index, new NoStaffDirectory(), new NoSignInThrottle(), new PlainHashing(),
            async (unitId, ct) => (await settings.Read(unitId, ct))?.Configuration, clock);
        useCase = new NewStaffMemberUseCase(new UnitSettingsUseCases(settings), accounts);
    }

    [Fact]
    public async Task A_supervisor_joins_the_configuration_and_can_sign_in_with_the_account_opened_beside_her()
    {
        var outcome = await useCase.Add(Unit, new(Newcomer, false, "  Ulla Uusi ", "supervisor", "Ulla.Uusi", Password), "staff:manager", "Pekka");

        Assert.True(outcome.Succeeded);
        Assert.Equal(Newcomer, outcome.Value);
        var member = Assert.Single(settings.Current!.Configuration.Staff, m => m.Id == Newcomer);
        Assert.Equal(new StaffMember(Newcomer, "Ulla Uusi", StaffRole.ChildSupervisor), member);
        Assert.Equal(["Pekka"], settings.ChangedBy);
        var credentials = Assert.Single(store.DocumentsOf<StaffCredentials>());
        Assert.Equal(("ulla.uusi", "supervisor", "hashed:" + Password), (credentials.UserName, credentials.Role, credentials.PasswordHash));
        Assert.Single(store.EventsOf<StaffAccountOpened>(), e => e.StaffId == Newcomer && e.Role == "supervisor");
    }

    [Fact]
    public async Task A_partner_professional_is_added_without_an_account_even_when_sign_in_fields_are_sent()
    {
        var outcome = await useCase.Add(Unit, new(Newcomer, false, "Pirkko Perheneuvola", "partner", "pirkko", Password), "staff:manager", "Pekka");

        Assert.True(outcome.Succeeded);
        Assert.Contains(settings.Current!.Configuration.Staff, m => m.Id == Newcomer && m.Role == StaffRole.PartnerProfessional);
        Assert.Empty(store.DocumentsOf<StaffCredentials>());
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task Refused_input_names_every_field_at_fault_and_adds_nobody()
    {
        var outcome = await useCase.Add(Unit, new(Newcomer, false, "   ", "supervisor", "u", "short"), "staff:manager", "Pekka");

        Assert.Equal("invalid_input", outcome.Refusal?.Error.Code);
        Assert.Equal(["name", "password", "userName"], outcome.Refusal!.Fields!.Keys.Order());
        Assert.Equal(1, settings.Current!.Version);
        Assert.DoesNotContain(settings.Current.Configuration.Staff, m => m.Id == Newcomer);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task An_unknown_role_is_named_and_nothing_is_written()
    {
        var outcome = await useCase.Add(Unit, new(Newcomer, false, "Ulla", "Supervisor,manager", "ulla", Password), "staff:manager", "Pekka");

        Assert.Equal(["role must be supervisor, secretary, manager or partner."], outcome.Refusal!.Fields!["role"]);
        Assert.Equal(1, settings.Current!.Version);
        Assert.Empty(store.Events);
    }

    [Fact]
    public async Task A_user_name_another_account_has_refuses_before_the_person_is_added()
    {
        Assert.True((await useCase.Add(Unit, new(Newcomer, false, "Ulla", "supervisor", "ulla", Password), "staff:manager", "Pekka")).Succeeded);
        var second = Guid.Parse("22222222-0000-0000-0000-000000000002");

        var outcome = await useCase.Add(Unit, new(second, false, "Ulla Toinen", "secretary", " ULLA ", Password), "staff:manager", "Pekka");

        Assert.Equal("user_name_taken", outcome.Refusal?.Error.Code);
        Assert.Equal(2, settings.Current!.Version);
        Assert.DoesNotContain(settings.Current.Configuration.Staff, m => m.Id == second);
    }

    [Fact]
    public async Task A_user_name_taken_between_the_check_and_the_opening_takes_the_person_out_again()
    {
        // The same form sent twice at once: the check saw the name free, the account is refused when it opens.
        index.TakenAfterChecks = 1;

        var outcome = await useCase.Add(Unit, new(Newcomer, false, "Ulla", "supervisor", "ulla", Password), "staff:manager", "Pekka");

        Assert.Equal("user_name_taken", outcome.Refusal?.Error.Code);
        Assert.DoesNotContain(settings.Current!.Configuration.Staff, m => m.Id == Newcomer);
        Assert.Equal(3, settings.Current.Version); // added, then taken out again: both in the settings' history
        Assert.Empty(store.DocumentsOf<StaffCredentials>());
    }

    [Fact]
    public async Task Settings_changed_by_someone_else_at_the_same_moment_answer_busy_and_open_no_account()
    {
        settings.StaleOnce = true;

        var outcome = await useCase.Add(Unit, new(Newcomer, false, "Ulla", "supervisor", "ulla", Password), "staff:manager", "Pekka");

        Assert.Equal(("busy", ErrorKind.Conflict), (outcome.Refusal?.Error.Code, outcome.Refusal?.Error.Kind));
        Assert.Empty(store.DocumentsOf<StaffCredentials>());
    }

    [Fact]
    public async Task An_existing_person_without_an_account_only_gets_the_account()
    {
        var outcome = await useCase.Add(Unit, new(TestUnit.Sirpa, true, null, "secretary", "sirpa", Password), "staff:manager", "Pekka");

        Assert.Equal(TestUnit.Sirpa, outcome.Value);
        Assert.Equal(1, settings.Current!.Version);
        Assert.Single(store.DocumentsOf<StaffCredentials>(), c => c.StaffId == TestUnit.Sirpa && c.UserName == "sirpa");
    }

    /// <summary>The unit's settings, versioned as the real store keeps them; can answer "stale" once.</summary>
    private sealed class SettingsStore : IUnitSettingsStore
    {
        public VersionedConfiguration? Current { get; private set; }
        public List<string> ChangedBy { get; } = [];
        public bool StaleOnce { get; set; }

        public void Put(UnitConfiguration configuration) => Current = new VersionedConfiguration(configuration, 1);

        public Task<VersionedConfiguration?> Read(Guid unitId, CancellationToken ct = default) => Task.FromResult(Current);

        public Task<int?> Save(UnitConfiguration configuration, int expectedVersion, string changedBy, CancellationToken ct = default)
        {
            if (StaleOnce || Current?.Version != expectedVersion)
            {
                StaleOnce = false;
                return Task.FromResult<int?>(null);
            }
            Current = new VersionedConfiguration(configuration, expectedVersion + 1);
            ChangedBy.Add(changedBy);
            return Task.FromResult<int?>(Current.Version);
        }

        public Task<IReadOnlyList<ConfigurationChange>> History(Guid unitId, int limit, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<ConfigurationChange>>([]);
    }

    /// <summary>User names from the credentials the store holds; after <see cref="TakenAfterChecks"/> lookups, every name
    /// reads as another account's (a twin request that won the race).</summary>
    private sealed class AccountIndex(InMemoryEventStore store) : IStaffAccountIndex
    {
        private int lookups;
        public int? TakenAfterChecks { get; set; }

        public Task<Guid?> StaffWithUserName(Guid unitId, string userName, CancellationToken ct = default)
        {
            if (TakenAfterChecks is { } n && lookups++ >= n) return Task.FromResult<Guid?>(Guid.NewGuid());
            return Task.FromResult(store.DocumentsOf<StaffCredentials>().Where(c => c.UserName == userName).Select(c => (Guid?)c.StaffId).FirstOrDefault());
        }

        public Task<StaffAccountListing?> ByStaff(Guid unitId, Guid staffId, Instant now, CancellationToken ct = default) =>
            Task.FromResult<StaffAccountListing?>(null);

        public Task<Guid?> StaffWithExternalId(Guid unitId, string externalId, CancellationToken ct = default) => Task.FromResult<Guid?>(null);

        public Task<int> EnabledManagers(Guid unitId, CancellationToken ct = default) => Task.FromResult(1);

        public Task<IReadOnlyList<StaffAccountListing>> All(Guid unitId, Instant now, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<StaffAccountListing>>([]);
    }
}
