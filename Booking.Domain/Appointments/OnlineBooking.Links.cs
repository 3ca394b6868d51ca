// Finding a booking from the link in an email: the manage link (the client's) and the invitation link (the other
// parent's). One rule for what a token may look like and one lookup by its hash, for the API and the pages alike.
namespace Booking.Domain.Appointments;

public sealed partial class OnlineBooking
{
    /// <summary>The appointment behind a manage link; null for anything that is not one of ours.</summary>
    public async Task<Guid?> FindByManageLink(Guid unitId, string? token, CancellationToken ct = default) =>
        LinkToken.LooksValid(token) ? await Links.ManageTokens.FindAppointment(unitId, Links.Tokens.HashOf(token!), ct) : null;

    /// <summary>The appointment behind the other parent's invitation link; null for anything that is not one of ours.</summary>
    public async Task<Guid?> FindByInvitationLink(Guid unitId, string? token, CancellationToken ct = default) =>
        LinkToken.LooksValid(token) ? await Links.Invitations.FindAppointment(unitId, Links.Tokens.HashOf(token!), ct) : null;
}

public static class LinkToken
{
    /// <summary>A token has the shape the host issues (256 random bits as 43 base64url characters); anything else is not
    /// looked up.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
