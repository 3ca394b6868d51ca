// A staff member's sign-in account, one stream per staff member. The events carry ids, the role and who did it when;
// the sign-in name and the password hash are kept in the accounts table beside them, never in an event.
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Staff;

public abstract record StaffAccountEvent(Guid StaffId);

[EventName("staff_account_opened")]
public sealed record StaffAccountOpened(Guid StaffId, string Role, string OpenedBy, Instant OpenedAt) : StaffAccountEvent(StaffId);

[EventName("staff_account_role_changed")]
public sealed record StaffAccountRoleChanged(Guid StaffId, string Role, string ChangedBy, Instant ChangedAt) : StaffAccountEvent(StaffId);

[EventName("staff_account_disabled")]
public sealed record StaffAccountDisabled(Guid StaffId, string DisabledBy, Instant DisabledAt) : StaffAccountEvent(StaffId);

[EventName("staff_account_enabled")]
public sealed record StaffAccountEnabled(Guid StaffId, string EnabledBy, Instant EnabledAt) : StaffAccountEvent(StaffId);

[EventName("staff_password_reset")]
public sealed record StaffPasswordReset(Guid StaffId, string ResetBy, Instant ResetAt) : StaffAccountEvent(StaffId);

/// <summary>The manager set, changed or cleared the value of the single sign-on claim that signs in as this account; the
/// value itself (a user name, an email, an object id) stays in the accounts table.</summary>
[EventName("staff_external_sign_in_set")]
public sealed record StaffExternalSignInSet(Guid StaffId, bool Cleared, string SetBy, Instant SetAt) : StaffAccountEvent(StaffId);

[EventName("staff_sign_in_lockout_lifted")]
public sealed record StaffSignInLockoutLifted(Guid StaffId, string LiftedBy, Instant LiftedAt) : StaffAccountEvent(StaffId);
