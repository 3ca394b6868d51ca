// The account use cases behind the manager's page and API and the first-run command: open an account, change its role,
// disable and enable it, reset its password, lift a sign-in lockout; and sign-in itself, throttled per account and per
// address, which both sign-in doors (the page and POST /api/staff/sign-in) call.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Staff;

/// <summary>The row the accounts table keeps beside the stream: the sign-in name and password hash are personal data and
/// stay out of events. A null <paramref name="PasswordHash"/> keeps the stored one; the single sign-on value is written
/// only when <paramref name="SetsExternalId"/> (null or empty then clears it).</summary>
public sealed record StaffCredentials(Guid UnitId, Guid StaffId, string UserName, string? PasswordHash, string Role, bool Enabled,
    string? ExternalId = null, bool SetsExternalId = false);

/// <param name="LockedUntil">Until when sign-in for the account is refused after too many wrong passwords; null when not.</param>
/// <param name="ExternalId">The single sign-on claim's value that signs in as this account; null when none.</param>
public sealed record StaffAccountListing(Guid StaffId, string UserName, string Role, bool Enabled, Instant? LockedUntil, string? ExternalId = null);

public interface IStaffAccountIndex
{
    Task<StaffAccountListing?> ByStaff(Guid unitId, Guid staffId, Instant now, CancellationToken ct = default);
    Task<Guid?> StaffWithUserName(Guid unitId, string userName, CancellationToken ct = default);
    Task<Guid?> StaffWithExternalId(Guid unitId, string externalId, CancellationToken ct = default);
    Task<int> EnabledManagers(Guid unitId, CancellationToken ct = default);
    Task<IReadOnlyList<StaffAccountListing>> All(Guid unitId, Instant now, CancellationToken ct = default);
}

/// <summary>The host's salted, versioned password hash (ASP.NET Core's PasswordHasher).</summary>
public interface IPasswordHashing
{
    string Hash(string password);
}

/// <summary>How many wrong passwords are let through before sign-in is refused for a while.</summary>
public sealed record SignInLimits(int PerAccount, int PerAddress, Duration Window, Duration Lockout)
{
    public static readonly SignInLimits Default = new(5, 20, Duration.FromMinutes(15), Duration.FromMinutes(15));
}

/// <summary>Counts wrong passwords per key (an account's sign-in name, an address) and says until when a key is locked.</summary>
public interface ISignInThrottle
{
    Task<Instant?> LockedUntil(Guid unitId, IReadOnlyList<string> keys, Instant now, CancellationToken ct = default);
    Task RecordFailure(Guid unitId, IReadOnlyList<string> keys, Instant now, CancellationToken ct = default);
    Task Clear(Guid unitId, string key, CancellationToken ct = default);
}

/// <summary>The answer to a sign-in: the account, or no account (wrong name or password), or locked until a time.</summary>
public sealed record SignInOutcome(StaffIdentity? Account, Instant? LockedUntil)
{
    public bool Locked => LockedUntil is not null;
}

public sealed record NewStaffAccount(Guid? StaffId, string? UserName, string? Role, string? Password);

public sealed class StaffAccountUseCases(
    IEventStore store,
    IStaffAccountIndex index,
    IStaffDirectory directory,
    ISignInThrottle throttle,
    IPasswordHashing hashing,
    Func<Guid, CancellationToken, Task<UnitConfiguration?>> findConfiguration,
    IClock clock)
{
    private readonly WriteRunner runner = new(store, clock);

    public static string NormalizedUserName(string userName) => userName.Trim().ToLowerInvariant();

    public static string AccountKey(string userName) => "account:" + NormalizedUserName(userName);

    public static string AddressKey(string? address) => "address:" + (string.IsNullOrEmpty(address) ? "unknown" : address);

    public Task<IReadOnlyList<StaffAccountListing>> All(Guid unitId, CancellationToken ct = default) =>
        index.All(unitId, clock.GetCurrentInstant(), ct);

    /// <summary>Checks the password unless the account or the address is locked; a wrong one counts against both.</summary>
    public async Task<SignInOutcome> SignIn(Guid unitId, string userName, string password, string? address, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        string[] keys = [AccountKey(userName), AddressKey(address)];
        if (await throttle.LockedUntil(unitId, keys, now, ct) is { } until) return new SignInOutcome(null, until);
        var account = await directory.Verify(unitId, userName, password, ct);
        if (account is null)
        {
            await throttle.RecordFailure(unitId, keys, now, ct);
            return new SignInOutcome(null, null);
        }
        await throttle.Clear(unitId, keys[0], ct);
        return new SignInOutcome(account, null);
    }

    public static Dictionary<string, string[]> Validate(NewStaffAccount request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.StaffId is null || request.StaffId == Guid.Empty) errors["staffId"] = ["staffId is required."];
        if (UserNameProblem(request.UserName) is { } name) errors["userName"] = [name];
        if (request.Role is null || !StaffRoles.All.Contains(request.Role)) errors["role"] = ["role must be secretary, supervisor or manager."];
        if (PasswordRules.Problem(request.Password, request.UserName) is { } weak) errors["password"] = [weak];
        return errors;
    }

    public static string? UserNameProblem(string? userName) =>
        string.IsNullOrWhiteSpace(userName) || userName.Trim().Length is < 2 or > 100 || userName.Trim().Any(char.IsWhiteSpace)
            ? "userName must be 2 to 100 characters with no spaces (a short name or an email address)." : null;

    /// <summary>Opens an account for a staff member of the unit (a validated request: see <see cref="Validate"/>).</summary>
    public Task<Outcome<StaffAccountListing>> Open(Guid unitId, NewStaffAccount request, string by, CancellationToken ct = default) =>
        Open(unitId, request, firstManager: false, by, ct);

    /// <summary>The first-run command: opens a manager's account when the unit has no enabled manager.</summary>
    public async Task<Outcome<StaffAccountListing>> OpenFirstManager(Guid unitId, NewStaffAccount request, CancellationToken ct = default)
    {
        if (await index.EnabledManagers(unitId, ct) > 0)
            return new DomainError("manager_exists", "The unit already has a manager; the manager opens further accounts.", ErrorKind.Conflict);
        return await Open(unitId, request with { Role = StaffRoles.Manager }, firstManager: true, "system:first-manager", ct);
    }

    private async Task<Outcome<StaffAccountListing>> Open(Guid unitId, NewStaffAccount request, bool firstManager, string by, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return Refusal.Invalid(errors);
        var staffId = request.StaffId!.Value;
        var userName = NormalizedUserName(request.UserName!);
        var member = (await findConfiguration(unitId, ct))?.Member(staffId);
        var taken = await index.StaffWithUserName(unitId, userName, ct) is { } owner && owner != staffId;
        var write = await runner.Decide(unitId, by, StaffAccountDecider.Definition, StreamIds.StaffAccount(staffId),
            (_, now) => Task.FromResult<StaffAccountCommand>(new OpenStaffAccount(staffId, request.Role!, member, firstManager,
                PasswordRules.Problem(request.Password, userName), taken, by, now)),
            w => w.Store(new StaffCredentials(unitId, staffId, userName, hashing.Hash(request.Password!), request.Role!, true)),
            "Someone else changed this account at the same time. Please try again.", ct);
        if (write.Error is { } error) return Refused(error);
        return new StaffAccountListing(staffId, userName, request.Role!, true, null);
    }

    /// <summary>At start: accounts kept from before accounts had streams (a sign-in row alone) get their stream, opened as
    /// the row stands (a disabled one disabled), so the manager can change them like any other. Accounts with a stream are
    /// left as they are, so running it again, or on two instances at once, opens each stream once.</summary>
    /// <returns>The staff ids whose stream was opened now, and those refused (a role the rules do not know) or given up on.</returns>
    public async Task<(IReadOnlyList<Guid> Opened, IReadOnlyList<(Guid StaffId, DomainError Error)> Refused)> OpenEarlierAccountsStreams(
        Guid unitId, CancellationToken ct = default)
    {
        const string by = "system:accounts";
        var opened = new List<Guid>();
        var refused = new List<(Guid, DomainError)>();
        foreach (var account in await index.All(unitId, clock.GetCurrentInstant(), ct))
        {
            var write = await runner.Decide(unitId, by, StaffAccountDecider.Definition, StreamIds.StaffAccount(account.StaffId),
                (_, now) => Task.FromResult<StaffAccountCommand>(new RecordEarlierStaffAccount(account.StaffId, account.Role, account.Enabled, by, now)),
                alsoStore: null, "Someone else changed this account at the same time.", ct);
            if (write.Error is { } error) refused.Add((account.StaffId, error));
            else if (write.Events.Count > 0) opened.Add(account.StaffId);
        }
        return (opened, refused);
    }

    /// <summary>What opening an account would answer for <paramref name="member"/>, about to be added to the configuration,
    /// with nothing written: the same checks and rules as <see cref="Open(Guid, NewStaffAccount, string, CancellationToken)"/>,
    /// so that a person whose account would be refused is not added either.</summary>
    public async Task<Refusal?> CheckOpen(Guid unitId, StaffMember member, NewStaffAccount request, CancellationToken ct = default)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return Refusal.Invalid(errors);
        var userName = NormalizedUserName(request.UserName!);
        var taken = await index.StaffWithUserName(unitId, userName, ct) is { } owner && owner != member.Id;
        var decision = StaffAccountDecider.Decide(new OpenStaffAccount(member.Id, request.Role!, member, false,
            PasswordRules.Problem(request.Password, userName), taken, "check", clock.GetCurrentInstant()), StaffAccount.Initial);
        return decision.Error is { } error ? Refused(error) : null;
    }

    public Task<Outcome<StaffAccountListing>> ChangeRole(Guid unitId, Guid staffId, string? role, Guid actor, string by, CancellationToken ct = default) =>
        Change(unitId, staffId, by, async (now, _) => new ChangeStaffRole(staffId, role ?? "", actor, await OtherManagers(unitId, staffId, ct), by, now), ct);

    public Task<Outcome<StaffAccountListing>> Disable(Guid unitId, Guid staffId, Guid actor, string by, CancellationToken ct = default) =>
        Change(unitId, staffId, by, async (now, _) => new DisableStaffAccount(staffId, actor, await OtherManagers(unitId, staffId, ct), by, now), ct);

    public Task<Outcome<StaffAccountListing>> Enable(Guid unitId, Guid staffId, string by, CancellationToken ct = default) =>
        Change(unitId, staffId, by, (now, _) => Task.FromResult<StaffAccountCommand>(new EnableStaffAccount(staffId, by, now)), ct);

    /// <summary>The manager sets a new password (told to the staff member in person); a lockout on the account is lifted too.</summary>
    public async Task<Outcome<StaffAccountListing>> ResetPassword(Guid unitId, Guid staffId, string? password, string by, CancellationToken ct = default)
    {
        string? hash = null;
        var outcome = await Change(unitId, staffId, by, (now, listing) =>
            {
                var problem = PasswordRules.Problem(password, listing?.UserName);
                hash = problem is null ? hashing.Hash(password!) : null;
                return Task.FromResult<StaffAccountCommand>(new ResetStaffPassword(staffId, problem, by, now));
            }, ct, row => row with { PasswordHash = hash });
        if (outcome.Value is not { } done) return outcome;
        await throttle.Clear(unitId, AccountKey(done.UserName), ct);
        return done with { LockedUntil = null };
    }

    public static string NormalizedExternalId(string? value) => (value ?? "").Trim().ToLowerInvariant();

    /// <summary>The manager sets the value of the single sign-on claim (a user name, an email, an object id) that signs in as
    /// this account; empty clears it. Compared without case, as the providers' user names and emails are.</summary>
    public Task<Outcome<StaffAccountListing>> SetExternalSignIn(Guid unitId, Guid staffId, string? externalId, string by, CancellationToken ct = default)
    {
        var value = NormalizedExternalId(externalId);
        return Change(unitId, staffId, by, async (now, listing) =>
            new SetExternalSignIn(staffId, value, listing?.ExternalId,
                value.Length > 0 && await index.StaffWithExternalId(unitId, value, ct) is { } owner && owner != staffId, by, now),
            ct, row => row with { ExternalId = value.Length == 0 ? null : value, SetsExternalId = true },
            listing => listing with { ExternalId = value.Length == 0 ? null : value });
    }

    public async Task<Outcome<StaffAccountListing>> LiftLockout(Guid unitId, Guid staffId, string by, CancellationToken ct = default)
    {
        var outcome = await Change(unitId, staffId, by,
            (now, listing) => Task.FromResult<StaffAccountCommand>(new LiftSignInLockout(staffId, listing?.LockedUntil is not null, by, now)), ct);
        if (outcome.Value is not { } done) return outcome;
        await throttle.Clear(unitId, AccountKey(done.UserName), ct);
        return done with { LockedUntil = null };
    }

    private async Task<int> OtherManagers(Guid unitId, Guid staffId, CancellationToken ct)
    {
        var all = await index.All(unitId, clock.GetCurrentInstant(), ct);
        return all.Count(a => a.StaffId != staffId && a.Enabled && a.Role == StaffRoles.Manager);
    }

    /// <summary>Reads the account's row and stream, decides, and writes the events with the row as it now stands.</summary>
    private Task<Outcome<StaffAccountListing>> Change(Guid unitId, Guid staffId, string by,
        Func<Instant, StaffAccountListing?, Task<StaffAccountCommand>> command, CancellationToken ct,
        Func<StaffCredentials, StaffCredentials>? credentials = null, Func<StaffAccountListing, StaffAccountListing>? answer = null) =>
        runner.Run<Outcome<StaffAccountListing>>(unitId, by, async (write, token) =>
        {
            var stream = await write.Fetch(StaffAccountDecider.Definition, StreamIds.StaffAccount(staffId), token);
            var listing = await index.ByStaff(unitId, staffId, write.Now, token);
            var decision = stream.Decide(await command(write.Now, listing));
            if (decision.Error is { } error) return Step<Outcome<StaffAccountListing>>.Answer(Refused(error));
            if (listing is null)
                return Step<Outcome<StaffAccountListing>>.Answer(new DomainError("account_not_found", "This staff member has no account.", ErrorKind.NotFound));
            var result = listing with { Role = stream.State.Role, Enabled = stream.State.Enabled };
            if (stream.Appended.Count == 0) return Step<Outcome<StaffAccountListing>>.Answer(result);
            if (answer is not null) result = answer(result);
            write.Store(Credentials(unitId, result, credentials));
            return Step<Outcome<StaffAccountListing>>.Save(result);
        }, () => Task.FromResult<Outcome<StaffAccountListing>>(WriteRunner.Busy("Someone else changed this account at the same time. Please try again.")), ct);

    private static StaffCredentials Credentials(Guid unitId, StaffAccountListing listing, Func<StaffCredentials, StaffCredentials>? change)
    {
        var row = new StaffCredentials(unitId, listing.StaffId, listing.UserName, null, listing.Role, listing.Enabled);
        return change is null ? row : change(row);
    }

    private static Refusal Refused(DomainError error) =>
        error.Kind == ErrorKind.Invalid && error.Field is { } field ? Refusal.InvalidField(field, error.Message) : new Refusal(error);
}
