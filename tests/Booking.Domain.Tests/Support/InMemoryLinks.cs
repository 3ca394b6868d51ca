// The host's side of a booking's links for tests: readable tokens (a counter), their "hash" and "sealed" copies, and no
// stored links to find.
using Booking.Domain.Appointments;

namespace Booking.Domain.Tests.Support;

public sealed class CountingTokens : IManageTokenIssuer
{
    private int issued;

    public IssuedToken Issue()
    {
        var token = $"token-{Interlocked.Increment(ref issued)}";
        return new IssuedToken(token, HashOf(token), $"sealed-{token}");
    }

    public string HashOf(string token) => $"hash-{token}";

    public string? Unseal(string sealedToken) => sealedToken.StartsWith("sealed-", StringComparison.Ordinal) ? sealedToken[7..] : null;
}

public sealed class InMemoryLinks : IManageTokens, IInvitationTokens
{
    public Task<Guid?> FindAppointment(Guid unitId, string tokenHash, CancellationToken ct = default) => Task.FromResult<Guid?>(null);

    public static BookingLinks Links() => new(new CountingTokens(), new InMemoryLinks(), new InMemoryLinks(), Guid.NewGuid);
}
