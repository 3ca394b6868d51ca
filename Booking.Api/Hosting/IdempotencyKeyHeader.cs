// The Idempotency-Key header: a client sends one so that a retry of the same request (after a timeout or a 503) answers
// what the first one did instead of doing it twice. The routes that read it say so in their summary.
namespace Booking.Api.Hosting;

public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>What is wrong with a key a client sent, or null (no key is fine).</summary>
    public static string? Problem(string? key) =>
        key is not null && (key.Length is 0 or > 100 || key.Any(c => c < 0x21 || c > 0x7e))
            ? "Idempotency-Key must be 1 to 100 visible ASCII characters."
            : null;
}
