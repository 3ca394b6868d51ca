// The test unit with call-back windows: Anna Mon 14-15 and Wed 13-14, Bertil Wed 10-11 and Thu 13-14, both Tue 13-13.30
// (two supervisors free at once), and the retired supervisor's Monday window that must never give slots. None of the
// windows overlaps the supervisor's bookable hours. "Now" is Monday 2026-04-20 09:00 in Helsinki.
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.WalkIn;
using NodaTime;
using static Booking.Domain.Tests.Support.TestUnit;
using static NodaTime.IsoDayOfWeek;

namespace Booking.Domain.Tests.CallBacks;

public static class CallBackTestUnit
{
    public static readonly Instant Now = Helsinki(L(2026, 4, 20, 9));
    public static readonly LocalDate Today = new(2026, 4, 20);
    public static readonly LocalDate Tuesday = new(2026, 4, 21);
    public static readonly LocalDate Wednesday = new(2026, 4, 22);

    public static readonly IReadOnlyList<CallBackWindow> Windows =
    [
        new(Anna, Monday, new LocalTime(14, 0), new LocalTime(15, 0)),
        new(Anna, IsoDayOfWeek.Wednesday, new LocalTime(13, 0), new LocalTime(14, 0)),
        new(Bertil, IsoDayOfWeek.Wednesday, new LocalTime(10, 0), new LocalTime(11, 0)),
        new(Bertil, Thursday, new LocalTime(13, 0), new LocalTime(14, 0)),
        new(Anna, IsoDayOfWeek.Tuesday, new LocalTime(13, 0), new LocalTime(13, 30)),
        new(Bertil, IsoDayOfWeek.Tuesday, new LocalTime(13, 0), new LocalTime(13, 30)),
        new(Retired, Monday, new LocalTime(15, 0), new LocalTime(16, 0)),
    ];

    public static UnitConfiguration CallBackConfig(IReadOnlyList<Closure>? closures = null, IReadOnlyList<CallBackWindow>? windows = null,
        int slotMinutes = 15) =>
        Support.TestUnit.Config(closures) with { CallBacks = new CallBackSettings(windows ?? Windows, slotMinutes) };

    public static CallBackReserved Reserved(Guid callBackId, Guid staffId, LocalDateTime start, Guid? clientId = null,
        CallBackChannel channel = CallBackChannel.Online) =>
        new(callBackId, clientId ?? callBackId, staffId, start.Date, Helsinki(start), Helsinki(start.PlusMinutes(15)), WalkInMatter.Advice,
            Language.Sv, channel, "client:test", Now);

    public static CallBackDay Given(params CallBackEvent[] events) => events.Aggregate(CallBackDay.Initial, (s, e) => CallBackDay.Evolve(s, e));

    public static Guid Id(int n) => Guid.Parse($"cb000000-0000-0000-0000-{n:D12}");
}
