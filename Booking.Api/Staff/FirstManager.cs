// A unit with no demo and no accounts gets its first manager from the command line
// (`dotnet Booking.Api.dll create-manager --user-name pekka@kunta.fi --name "Pekka Heikkinen"`, password from the
// environment variable BOOKING_MANAGER_PASSWORD or the first line of standard input) or from the settings FirstManager:*
// at start; either way only while the unit has no enabled manager. Accounts written before accounts had streams are
// given their opening event at start (StaffAccountUseCases.OpenEarlierAccountsStreams, through the one write path), so
// the manager can change them like any other.
using Booking.Domain;
using Booking.Api.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Configuration;
using Booking.Domain.Staff;

namespace Booking.Api.Staff;

public sealed class FirstManager(UnitConfigurationStore configurations, StaffAccountUseCases accounts, IStaffAccountIndex index,
    CurrentUnit unit, ILogger<FirstManager> logger)
{
    public const string CommandName = "create-manager";
    public const string PasswordVariable = "BOOKING_MANAGER_PASSWORD";

    /// <summary>Opens the first manager's account, adding the manager to the configuration (a new, empty one when the unit
    /// has none yet, in Europe/Helsinki time).</summary>
    public async Task<Outcome<StaffAccountListing>> Create(string? userName, string? displayName, string? password, CancellationToken ct)
    {
        if (await index.EnabledManagers(unit.UnitId, ct) > 0)
            return new DomainError("manager_exists", "The unit already has a manager; the manager opens further accounts.", ErrorKind.Conflict);
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 100)
            return Refusal.InvalidField("name", "name (the manager's name as staff see it) is required, at most 100 characters.");
        var problems = StaffAccountUseCases.Validate(new NewStaffAccount(Guid.NewGuid(), userName, StaffRoles.Manager, password));
        if (problems.Count > 0) return Refusal.Invalid(problems);
        var staffId = Guid.NewGuid();
        var member = new StaffMember(staffId, displayName.Trim(), StaffRole.Manager);
        var current = await configurations.Read(unit.UnitId, ct);
        var configuration = current?.Configuration is { } c ? c with { Staff = [.. c.Staff, member] }
            : new UnitConfiguration(unit.UnitId, "", "Europe/Helsinki", [member], [], [], []);
        if (await configurations.Save(configuration, current?.Version ?? 0, ct) is null)
            return new DomainError("busy", "The configuration changed at the same moment; run the command again.", ErrorKind.Conflict);
        return await accounts.OpenFirstManager(unit.UnitId, new NewStaffAccount(staffId, userName, StaffRoles.Manager, password), ct);
    }

    /// <summary>The command line's door: prints what happened and returns the process's exit code.</summary>
    public static async Task<int> RunCommand(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        string? Option(params string[] names)
        {
            for (var i = 0; i < args.Length - 1; i++)
                if (names.Contains(args[i], StringComparer.OrdinalIgnoreCase)) return args[i + 1];
            return null;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password)) password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        var outcome = await services.GetRequiredService<FirstManager>()
            .Create(Option("--user-name", "--email"), Option("--name"), password, CancellationToken.None);
        if (outcome.Refusal is { } refused)
        {
            var fields = refused.Fields is { } f ? " " + string.Join(" ", f.Select(p => $"{p.Key}: {string.Join(" ", p.Value)}")) : "";
            await output.WriteLineAsync($"No manager was created: {refused.Error.Message}{fields}");
            return refused.Error.Code == "manager_exists" ? 3 : 2;
        }
        await output.WriteLineAsync($"Created the manager account '{outcome.Value!.UserName}' (staff id {outcome.Value.StaffId}). Sign in at /staff/sign-in.");
        return 0;
    }

    /// <summary>At start: the FirstManager:* settings open the first manager when there is none; older accounts get their stream.</summary>
    public async Task OnStart(IConfiguration settings, CancellationToken ct)
    {
        await AdoptAccountsWithoutStreams(ct);
        if (settings["FirstManager:UserName"] is not { Length: > 0 } userName) return;
        if (await index.EnabledManagers(unit.UnitId, ct) > 0) return;
        var outcome = await Create(userName, settings["FirstManager:Name"], settings["FirstManager:Password"], ct);
        if (outcome.Refusal is { } refused)
            logger.LogError("The first manager from the settings FirstManager:* was not created: {Reason}", refused.Error.Message);
        else logger.LogInformation("Created the first manager's account from the settings FirstManager:*.");
    }

    private async Task AdoptAccountsWithoutStreams(CancellationToken ct)
    {
        var (opened, refused) = await accounts.OpenEarlierAccountsStreams(unit.UnitId, ct);
        if (opened.Count > 0) logger.LogInformation("Opened the streams of {Count} accounts kept from before accounts had streams.", opened.Count);
        foreach (var (staffId, error) in refused)
            logger.LogWarning("The account of staff member {StaffId} was left without its stream: {Reason}", staffId, error.Message);
    }
}
