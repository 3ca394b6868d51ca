// Finds the booking behind a manage link: the token is only ever compared by its hash.
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Privacy;

namespace Booking.Kiosk.Appointments;

public sealed record ManagedBooking(Guid AppointmentId, AppointmentView View, AppointmentType? Type)
{
    /// <summary>The booking behind a valid link; Expired when the link was right but its meeting is long past (410).</summary>
    public static async Task<(bool Expired, ManagedBooking? Booking)> Find(string? token, Guid unitId, ManageLinks links, OnlineBooking booking,
        IUnitConfigurationSource configurations, CancellationToken ct = default)
    {
        var (state, id) = await links.Open(unitId, token, ct);
        if (state == ManageLinkState.Expired) return (true, null);
        ManagedBooking? found = null;
        if (state == ManageLinkState.Valid && await booking.View(unitId, id, ct) is { } view)
        {
            var config = await configurations.Current(unitId, ct);
            found = new ManagedBooking(id, view, config.Type(view.AppointmentType));
        }
        return (false, found);
    }

    public string TypeName(Language language) => Type?.Name.In(language) ?? View.AppointmentType;
}
