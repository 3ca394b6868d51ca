// What the call-back use cases need from the outside world; Booking.Api implements these on PostgreSQL.
using Booking.Domain.Appointments;
using NodaTime;

namespace Booking.Domain.CallBacks;

/// <summary>Which day's stream holds a call-back, and which days have any: an inline projection of the day streams.</summary>
public interface ICallBackIndex
{
    Task<LocalDate?> DayOf(Guid unitId, Guid callBackId, CancellationToken ct = default);

    Task<IReadOnlyList<LocalDate>> DaysWithCallBacks(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct = default);
}

/// <summary>Finds a call-back by the hash of the token in its cancel link, and the link's sealed token for a replayed form.</summary>
public interface ICallBackTokens
{
    Task<Guid?> Find(Guid unitId, string tokenHash, CancellationToken ct = default);

    Task<string?> SealedTokenOf(Guid unitId, Guid callBackId, CancellationToken ct = default);
}

/// <summary>The hash of the unguessable token in a client's cancel link; the token itself is kept only sealed (encrypted
/// by the host).</summary>
public sealed record CallBackToken(Guid UnitId, Guid CallBackId, Guid ClientId, string TokenHash, string SealedToken);
