// Where every feature reads the unit's configuration (Booking.Api reads it from PostgreSQL, with a short cache).
namespace Booking.Domain.Configuration;

public interface IUnitConfigurationSource
{
    Task<UnitConfiguration> Current(Guid unitId, CancellationToken ct = default);
}
