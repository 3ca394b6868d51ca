// The call-back slots the unit's weekly windows give on a date (never on holidays, unit closures or the supervisor's
// absences; an absence or closure of some hours takes only the slots it overlaps, so a colleague's window at the same
// time still offers that time).
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.CallBacks;

/// <summary>One call-back slot of one supervisor: local times for people, instants for the rules.</summary>
public sealed record CallBackSlot(Guid StaffId, LocalDateTime Start, LocalDateTime End, Instant StartsAt, Instant EndsAt);

public static class CallBackSlots
{
    /// <summary>Every slot of every active, present child supervisor's windows on <paramref name="date"/>, by time then
    /// supervisor; none when the unit is closed. Local times map to instants leniently, so a DST day keeps its slots.</summary>
    public static IReadOnlyList<CallBackSlot> On(UnitConfiguration config, LocalDate date)
    {
        if (config.ClosedBecause(date) is not null) return [];
        var settings = config.CallBacksOrDefault;
        if (settings.SlotMinutes <= 0) return [];
        var supervisors = config.ChildSupervisors.Select(s => s.Id).ToHashSet();
        var slots = new Dictionary<(Guid, LocalDateTime), CallBackSlot>();
        foreach (var window in settings.Windows.Where(w => w.Day == date.DayOfWeek))
        {
            if (!supervisors.Contains(window.StaffId) || config.IsAbsent(window.StaffId, date)) continue;
            var absent = config.AbsentHours(window.StaffId, date).ToList();
            var end = date + window.To;
            for (var start = date + window.From; start.PlusMinutes(settings.SlotMinutes) <= end; start = start.PlusMinutes(settings.SlotMinutes))
            {
                var slotEnd = start.PlusMinutes(settings.SlotMinutes);
                if (absent.Any(a => a.From < slotEnd.TimeOfDay && start.TimeOfDay < a.To)) continue;
                // Overlapping windows of one supervisor give each slot once.
                slots.TryAdd((window.StaffId, start), new CallBackSlot(window.StaffId, start, slotEnd,
                    start.InZoneLeniently(config.Zone).ToInstant(), slotEnd.InZoneLeniently(config.Zone).ToInstant()));
            }
        }
        return slots.Values.OrderBy(s => s.Start).ThenBy(s => s.StaffId).ToList();
    }

    /// <summary>The slots of every date from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public static IReadOnlyList<CallBackSlot> Between(UnitConfiguration config, LocalDate from, LocalDate to)
    {
        var slots = new List<CallBackSlot>();
        for (var date = from; date <= to; date = date.PlusDays(1)) slots.AddRange(On(config, date));
        return slots;
    }
}
