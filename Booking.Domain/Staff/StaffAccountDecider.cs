// The account rules: an account belongs to a staff member of the unit (never to a partner professional, who has no
// sign-in), its role is secretary, supervisor or manager, its password is strong enough; nobody disables or demotes
// their own account and the unit keeps at least one enabled manager. Repeating a change already made writes nothing.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Staff;

public abstract record StaffAccountCommand(Guid StaffId, string By, Instant Now);

/// <param name="Member">The staff member in the unit's configuration; null when there is none with that id.</param>
/// <param name="FirstManager">The first-run command opening the unit's first manager (no configuration needed yet).</param>
/// <param name="PasswordProblem">What <see cref="PasswordRules"/> found wrong with the chosen password, or null.</param>
/// <param name="UserNameTaken">True when another account already signs in with the chosen name.</param>
public sealed record OpenStaffAccount(Guid StaffId, string Role, StaffMember? Member, bool FirstManager, string? PasswordProblem,
    bool UserNameTaken, string By, Instant Now) : StaffAccountCommand(StaffId, By, Now);

/// <param name="ActorStaffId">The manager making the change.</param>
/// <param name="OtherEnabledManagers">Enabled manager accounts other than this one.</param>
public sealed record ChangeStaffRole(Guid StaffId, string Role, Guid ActorStaffId, int OtherEnabledManagers, string By, Instant Now)
    : StaffAccountCommand(StaffId, By, Now);

public sealed record DisableStaffAccount(Guid StaffId, Guid ActorStaffId, int OtherEnabledManagers, string By, Instant Now)
    : StaffAccountCommand(StaffId, By, Now);

public sealed record EnableStaffAccount(Guid StaffId, string By, Instant Now) : StaffAccountCommand(StaffId, By, Now);

public sealed record ResetStaffPassword(Guid StaffId, string? PasswordProblem, string By, Instant Now) : StaffAccountCommand(StaffId, By, Now);

/// <param name="Value">The single sign-on claim's value, normalised; empty clears it.</param>
/// <param name="Current">The value the account has now (null when none).</param>
/// <param name="Taken">True when another account of the unit already signs in with this value.</param>
public sealed record SetExternalSignIn(Guid StaffId, string Value, string? Current, bool Taken, string By, Instant Now)
    : StaffAccountCommand(StaffId, By, Now);

/// <summary>An account kept from before accounts had streams (its sign-in row alone): its stream opens as the row stands.</summary>
/// <param name="Enabled">Whether the row lets the account sign in; a disabled one opens disabled.</param>
public sealed record RecordEarlierStaffAccount(Guid StaffId, string Role, bool Enabled, string By, Instant Now)
    : StaffAccountCommand(StaffId, By, Now);

/// <param name="LockedOut">True when sign-in for the account is locked after too many wrong passwords.</param>
public sealed record LiftSignInLockout(Guid StaffId, bool LockedOut, string By, Instant Now) : StaffAccountCommand(StaffId, By, Now);

public static class StaffAccountDecider
{
    public static readonly Decider<StaffAccountCommand, StaffAccount, StaffAccountEvent> Definition =
        new(StreamIds.StaffAccountType, StaffAccount.Initial, StaffAccount.Evolve, Decide);

    public static Decision<StaffAccountEvent> Decide(StaffAccountCommand command, StaffAccount state) => command switch
    {
        OpenStaffAccount c => Open(c, state),
        RecordEarlierStaffAccount c => RecordEarlier(c, state),
        _ when !state.Exists => NotFound(),
        ChangeStaffRole c => ChangeRole(c, state),
        DisableStaffAccount c => Disable(c, state),
        EnableStaffAccount c => state.Enabled ? Decision<StaffAccountEvent>.Nothing
            : Decision<StaffAccountEvent>.Accept(new StaffAccountEnabled(c.StaffId, c.By, c.Now)),
        ResetStaffPassword c => c.PasswordProblem is { } weak ? Invalid("password", weak)
            : Decision<StaffAccountEvent>.Accept(new StaffPasswordReset(c.StaffId, c.By, c.Now)),
        SetExternalSignIn c => SetExternal(c),
        LiftSignInLockout c => c.LockedOut ? Decision<StaffAccountEvent>.Accept(new StaffSignInLockoutLifted(c.StaffId, c.By, c.Now))
            : Decision<StaffAccountEvent>.Nothing,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "unknown staff account command"),
    };

    private static Decision<StaffAccountEvent> Open(OpenStaffAccount c, StaffAccount state)
    {
        if (!StaffRoles.All.Contains(c.Role)) return Invalid("role", "role must be secretary, supervisor or manager.");
        if (c.FirstManager && c.Role != StaffRoles.Manager) return Invalid("role", "The first account of a unit is a manager.");
        if (state.Exists)
            return new DomainError("account_exists", "This staff member already has an account.", ErrorKind.Conflict, "staffId");
        if (c.Member is null && !c.FirstManager)
            return new DomainError("staff_not_found", "There is no staff member with this id in the unit's configuration.", ErrorKind.NotFound, "staffId");
        if (c.Member is { Role: StaffRole.PartnerProfessional })
            return new DomainError("partner_without_sign_in",
                "Partner professionals take part in meetings but do not sign in; they cannot have an account.", ErrorKind.Rule, "staffId");
        if (c.Member is { Active: false })
            return new DomainError("staff_inactive", "This staff member is no longer active in the unit.", ErrorKind.Rule, "staffId");
        if (c.PasswordProblem is { } weak) return Invalid("password", weak);
        if (c.UserNameTaken)
            return new DomainError("user_name_taken", "Another account already signs in with this name.", ErrorKind.Conflict, "userName");
        return Decision<StaffAccountEvent>.Accept(new StaffAccountOpened(c.StaffId, c.Role, c.By, c.Now));
    }

    private static Decision<StaffAccountEvent> RecordEarlier(RecordEarlierStaffAccount c, StaffAccount state)
    {
        if (state.Exists) return Decision<StaffAccountEvent>.Nothing;
        if (!StaffRoles.All.Contains(c.Role)) return Invalid("role", "role must be secretary, supervisor or manager.");
        var opened = new StaffAccountOpened(c.StaffId, c.Role, c.By, c.Now);
        return c.Enabled ? Decision<StaffAccountEvent>.Accept(opened)
            : Decision<StaffAccountEvent>.Accept(opened, new StaffAccountDisabled(c.StaffId, c.By, c.Now));
    }

    private static Decision<StaffAccountEvent> ChangeRole(ChangeStaffRole c, StaffAccount state)
    {
        if (!StaffRoles.All.Contains(c.Role)) return Invalid("role", "role must be secretary, supervisor or manager.");
        if (state.Role == c.Role) return Decision<StaffAccountEvent>.Nothing;
        if (c.ActorStaffId == c.StaffId) return OwnAccount("change the role of");
        if (state.Role == StaffRoles.Manager && state.Enabled && c.OtherEnabledManagers == 0) return LastManager();
        return Decision<StaffAccountEvent>.Accept(new StaffAccountRoleChanged(c.StaffId, c.Role, c.By, c.Now));
    }

    private static Decision<StaffAccountEvent> Disable(DisableStaffAccount c, StaffAccount state)
    {
        if (!state.Enabled) return Decision<StaffAccountEvent>.Nothing;
        if (c.ActorStaffId == c.StaffId) return OwnAccount("disable");
        if (state.Role == StaffRoles.Manager && c.OtherEnabledManagers == 0) return LastManager();
        return Decision<StaffAccountEvent>.Accept(new StaffAccountDisabled(c.StaffId, c.By, c.Now));
    }

    private static Decision<StaffAccountEvent> SetExternal(SetExternalSignIn c)
    {
        if (c.Value.Length > 200 || c.Value.Any(char.IsWhiteSpace))
            return Invalid("externalId", "externalId must be at most 200 characters with no spaces (the value of the sign-on claim), or empty to clear it.");
        if (c.Value == (c.Current ?? "")) return Decision<StaffAccountEvent>.Nothing;
        if (c.Taken)
            return new DomainError("external_id_taken", "Another account already signs in with this single sign-on value.", ErrorKind.Conflict, "externalId");
        return Decision<StaffAccountEvent>.Accept(new StaffExternalSignInSet(c.StaffId, c.Value.Length == 0, c.By, c.Now));
    }

    private static DomainError NotFound() => new("account_not_found", "This staff member has no account.", ErrorKind.NotFound, "staffId");

    private static DomainError Invalid(string field, string message) => new("invalid_input", message, ErrorKind.Invalid, field);

    private static DomainError OwnAccount(string what) =>
        new("own_account", $"You cannot {what} your own account; another manager can.", ErrorKind.Rule, "staffId");

    private static DomainError LastManager() =>
        new("last_manager", "The unit must keep at least one enabled manager account.", ErrorKind.Rule, "staffId");
}
