// The week a client browses: Monday to Sunday, never before the first bookable week nor past the booking horizon.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Kiosk.Appointments;

public sealed record BookingWeek(LocalDate Monday, LocalDate FirstMonday, LocalDate LastMonday, LocalDate LastBookable)
{
    public LocalDate Sunday => Monday.PlusDays(6);
    public LocalDate? Previous => Monday > FirstMonday ? Monday.PlusWeeks(-1) : null;
    public LocalDate? Next => Monday < LastMonday ? Monday.PlusWeeks(1) : null;
    /// <summary>The week a month earlier (or the first week), when that is further back than the previous week.</summary>
    public LocalDate? PreviousMonth => Previous is { } p && Clamp(Monday.PlusMonths(-1)) is var m && m < p ? m : null;
    /// <summary>The week a month later (or the last week), when that is further on than the next week.</summary>
    public LocalDate? NextMonth => Next is { } n && Clamp(Monday.PlusMonths(1)) is var m && m > n ? m : null;

    private LocalDate Clamp(LocalDate date)
    {
        var monday = ImpartialAssignment.WeekOf(date).Monday;
        return monday < FirstMonday ? FirstMonday : monday > LastMonday ? LastMonday : monday;
    }

    public static BookingWeek Of(UnitConfiguration config, Instant now, LocalDate? requested)
    {
        var today = now.InZone(config.Zone).Date;
        var (first, last) = config.OnlineWindow(today);
        var firstMonday = ImpartialAssignment.WeekOf(first).Monday;
        var lastMonday = ImpartialAssignment.WeekOf(last).Monday;
        var monday = requested is { } r ? ImpartialAssignment.WeekOf(r).Monday : firstMonday;
        if (monday < firstMonday) monday = firstMonday;
        if (monday > lastMonday) monday = lastMonday;
        return new BookingWeek(monday, firstMonday, lastMonday, last);
    }
}
