// Ids made from an idempotency key: the same key always gives the same ids, so a repeated request finds what the first
// one made instead of making it twice.
using System.Security.Cryptography;
using System.Text;

namespace Booking.Domain;

public static class StableIds
{
    /// <summary>The id that <paramref name="key"/> and <paramref name="part"/> always give, shaped like a random (version 4) one.</summary>
    public static Guid From(string key, string part)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{part}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
