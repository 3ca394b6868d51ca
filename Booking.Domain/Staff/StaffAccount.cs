// The state of one staff account as its events leave it: open or not, the role, enabled or not.
namespace Booking.Domain.Staff;

public sealed record StaffAccount(bool Exists, string Role, bool Enabled)
{
    public static readonly StaffAccount Initial = new(false, "", false);

    public static StaffAccount Evolve(StaffAccount state, object @event) => @event switch
    {
        StaffAccountOpened e => new StaffAccount(true, e.Role, true),
        StaffAccountRoleChanged e => state with { Role = e.Role },
        StaffAccountDisabled => state with { Enabled = false },
        StaffAccountEnabled => state with { Enabled = true },
        _ => state,
    };
}
