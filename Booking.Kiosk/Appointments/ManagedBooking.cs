// Finds the booking behind a manage link: the token is only ever compared by its hash.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;

namespace Booking.Kiosk.Appointments;

public sealed record ManagedBooking(Guid AppointmentId, AppointmentView View, AppointmentType? Type)
{
    public static async Task<ManagedBooking?> Find(string? token, Guid unitId, OnlineBooking booking, IUnitConfigurationSource configurations,
        CancellationToken ct = default)
    {
        ManagedBooking? found = null;
        if (await booking.FindByManageLink(unitId, token, ct) is { } id && await booking.View(unitId, id, ct) is { } view)
        {
            var config = await configurations.Current(unitId, ct);
            found = new ManagedBooking(id, view, config.Type(view.AppointmentType));
        }
        return found;
    }

    public string TypeName(Language language) => Type?.Name.In(language) ?? View.AppointmentType;
}
