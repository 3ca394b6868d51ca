// A meeting's history read from its stream: each change with its time and the staff member who made it; a parent is
// only "a client", never named or identified.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Appointments;

public class MeetingHistoryTests
{
    [Fact]
    public async Task The_history_lists_each_change_in_order_with_the_staff_member_or_the_client_who_made_it()
    {
        var clock = new FakeClock(Helsinki(L(2026, 10, 1, 9)));
        var store = new InMemoryEventStore(clock);
        Guid id = Guid.NewGuid(), client = Guid.NewGuid();
        var start = Helsinki(L(2026, 10, 5, 9));
        async Task Write(string actor, AppointmentEvent e, long version)
        {
            await using var session = store.OpenSession(UnitId, actor);
            session.Append(StreamIds.Appointment(id), StreamIds.AppointmentType, version, [e]);
            await session.SaveChangesAsync();
            clock.Advance(Duration.FromHours(1));
        }
        await Write($"staff:{Bertil:N}", new AppointmentBooked(id, client, "advice", Modality.InPerson, start, start.Plus(Duration.FromMinutes(30)),
            start.Plus(Duration.FromMinutes(40)), Anna, BookingChannel.Secretary, "staff", clock.GetCurrentInstant()), 0);
        await Write($"client:{client:N}", new AppointmentCancelled(id, "client", clock.GetCurrentInstant()), 1);

        var history = await new MeetingHistory(store).Of(UnitId, id);

        Assert.Equal(2, history.Count);
        Assert.Equal(("appointment_booked", (Guid?)Bertil, false), (history[0].What, history[0].StaffId, history[0].ByClient));
        Assert.Equal(("appointment_cancelled", (Guid?)null, true), (history[1].What, history[1].StaffId, history[1].ByClient));
        Assert.True(history[0].At < history[1].At);
        Assert.Empty(await new MeetingHistory(store).Of(UnitId, Guid.NewGuid()));
    }
}
