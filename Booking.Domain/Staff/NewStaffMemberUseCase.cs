// The manager adds a person and opens their sign-in account in one step (the accounts page): the person goes into the
// unit's configuration, the account beside it; a partner professional is added without an account. Everything is checked
// (the configuration's rules, the account rules) before anything is written, so refused input adds nobody; an account
// refused after all (its user name taken meanwhile) takes the person out again.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;

namespace Booking.Domain.Staff;

/// <param name="StaffId">The new person's id, made by the caller (the domain makes no ids); when <paramref name="Existing"/>,
/// a staff member of the configuration who has no account yet (the name is then not used).</param>
/// <param name="Role">supervisor, secretary, manager, or partner (a partner professional: no account, no sign-in).</param>
public sealed record NewStaffMember(Guid StaffId, bool Existing, string? Name, string? Role, string? UserName, string? Password);

public sealed class NewStaffMemberUseCase(UnitSettingsUseCases settings, StaffAccountUseCases accounts)
{
    public const string PartnerRole = "partner";

    public static readonly string[] Roles = [StaffRoles.Supervisor, StaffRoles.Secretary, StaffRoles.Manager, PartnerRole];

    /// <summary>The person's role in the configuration for a role of the form; null for an unknown one.</summary>
    public static StaffRole? ConfigurationRole(string? role) => role switch
    {
        StaffRoles.Supervisor => StaffRole.ChildSupervisor,
        StaffRoles.Secretary => StaffRole.Secretary,
        StaffRoles.Manager => StaffRole.Manager,
        PartnerRole => StaffRole.PartnerProfessional,
        _ => null,
    };

    /// <summary>Adds the person (unless existing) and opens their account (unless a partner professional); answers their id.
    /// <paramref name="by"/> is the actor on the account's events, <paramref name="changedBy"/> the name in the settings' history.</summary>
    public async Task<Outcome<Guid>> Add(Guid unitId, NewStaffMember request, string by, string changedBy, CancellationToken ct = default)
    {
        var account = new NewStaffAccount(request.StaffId, request.UserName, request.Role, request.Password);
        if (request.Existing)
        {
            var opened = await accounts.Open(unitId, account, by, ct);
            return opened.Refusal is { } refused ? refused : request.StaffId;
        }
        if (await settings.Read(unitId, ct) is not { } current)
            return new DomainError("no_configuration", "The unit has no configuration yet.", ErrorKind.Rule);
        var role = ConfigurationRole(request.Role);
        var errors = new Dictionary<string, string[]>();
        if (role is null) errors["role"] = ["role must be supervisor, secretary, manager or partner."];
        var member = new StaffMember(request.StaffId, request.Name?.Trim() ?? "", role ?? StaffRole.PartnerProfessional);
        var edited = current.Configuration with { UnitId = unitId, Staff = [.. current.Configuration.Staff, member] };
        var at = $"staff[{edited.Staff.Count - 1}].";
        foreach (var (key, messages) in ConfigurationRules.Validate(edited))
            if (key.StartsWith(at, StringComparison.Ordinal)) errors["name"] = messages;
        var check = role is null or StaffRole.PartnerProfessional ? null : await accounts.CheckOpen(unitId, member, account, ct);
        if (check is { Error.Kind: ErrorKind.Invalid, Fields: { } fields })
            foreach (var (key, messages) in fields) errors[key] = messages;
        if (errors.Count > 0) return Refusal.Invalid(errors);
        if (check is not null) return check;

        switch (await settings.Save(unitId, edited, current.Version, changedBy, ct))
        {
            case SettingsSaved.Stale:
                return new DomainError("busy", "Someone else changed the unit's settings at the same moment. Please try again.", ErrorKind.Conflict);
            case SettingsSaved.Invalid invalid:
                return Refusal.Invalid(invalid.Errors);
        }
        if (role == StaffRole.PartnerProfessional) return member.Id;
        var outcome = await accounts.Open(unitId, account, by, ct);
        if (outcome.Refusal is not { } late) return member.Id;
        // Checked above; a user name taken in the moment between (the same form sent twice at once) refuses the account here,
        // and the person added for it goes again, so that a refused account leaves nobody behind.
        await TakeOutAgain(unitId, member.Id, changedBy, ct);
        return late;
    }

    private async Task TakeOutAgain(Guid unitId, Guid staffId, string changedBy, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await settings.Read(unitId, ct) is not { } current || current.Configuration.Staff.All(m => m.Id != staffId)) return;
            var without = current.Configuration with { Staff = [.. current.Configuration.Staff.Where(m => m.Id != staffId)] };
            if (await settings.Save(unitId, without, current.Version, changedBy, ct) is not SettingsSaved.Stale) return;
        }
    }
}
