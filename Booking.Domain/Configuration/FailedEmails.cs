// The emails the outbox gave up on (refused, or retries exhausted), as the manager's page lists them: what kind of
// message to which kind of recipient and when, never an address, a name or a body.
using NodaTime;

namespace Booking.Domain.Configuration;

public sealed record FailedEmail(string Id, string Kind, string RecipientRole, int Attempts, Instant FailedAt);

public interface IFailedEmails
{
    Task<IReadOnlyList<FailedEmail>> List(Guid unitId, CancellationToken ct = default);

    /// <summary>Puts a failed email back in the queue with its attempts reset; false when there is no such failed email.</summary>
    Task<bool> Replay(Guid unitId, string id, CancellationToken ct = default);
}
