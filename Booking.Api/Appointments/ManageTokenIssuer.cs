// Manage-link tokens: 256 random bits; only the SHA-256 is stored. The sealed copy (Data Protection) lets an
// idempotent retry show the same link without keeping the token in clear.
using System.Security.Cryptography;
using System.Text;
using Booking.Domain.Appointments;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Booking.Api.Appointments;

public sealed class ManageTokenIssuer(IDataProtectionProvider protection) : IManageTokenIssuer
{
    private readonly IDataProtector protector = protection.CreateProtector("Booking.ManageToken.v1");

    public IssuedToken Issue()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return new IssuedToken(token, HashOf(token), protector.Protect(token));
    }

    public string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public string? Unseal(string sealedToken)
    {
        try { return protector.Unprotect(sealedToken); }
        catch (CryptographicException) { return null; }
    }

    /// <summary>A token has the shape we issue (43 base64url characters); anything else is not looked up.</summary>
    public static bool LooksValid(string? token) => LinkToken.LooksValid(token);
}
