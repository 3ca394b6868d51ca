// Stand-ins for the account ports the account use cases need but a test does not look at.
using Booking.Domain.Staff;
using NodaTime;

namespace Booking.Domain.Tests.Support;

public sealed class PlainHashing : IPasswordHashing
{
    public string Hash(string password) => "hashed:" + password;
}

public sealed class NoStaffDirectory : IStaffDirectory
{
    public Task<StaffIdentity?> Verify(Guid unitId, string userName, string password, CancellationToken ct = default) =>
        Task.FromResult<StaffIdentity?>(null);
}

public sealed class NoSignInThrottle : ISignInThrottle
{
    public Task<Instant?> LockedUntil(Guid unitId, IReadOnlyList<string> keys, Instant now, CancellationToken ct = default) =>
        Task.FromResult<Instant?>(null);

    public Task RecordFailure(Guid unitId, IReadOnlyList<string> keys, Instant now, CancellationToken ct = default) => Task.CompletedTask;

    public Task Clear(Guid unitId, string key, CancellationToken ct = default) => Task.CompletedTask;
}
