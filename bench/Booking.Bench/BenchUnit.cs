// The unit the bench measures: the demo unit grown to 20 child supervisors, configured through the manager's API
// (sign in as pekka, GET /api/config, PUT with If-Match) as a real manager would.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Api.Configuration;
using Booking.Api.Json;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Bench;

public static class BenchUnit
{
    public const int SupervisorCount = 20;
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    public static readonly (LocalTime From, LocalTime To) Morning = (new LocalTime(8, 30), new LocalTime(11, 30));
    public static readonly (LocalTime From, LocalTime To) Afternoon = (new LocalTime(12, 30), new LocalTime(15, 30));

    /// <summary>Aino alone works Wednesday evenings: the time that many clients want at once in the contention test.</summary>
    public static readonly (IsoDayOfWeek Day, LocalTime From, LocalTime To) Evening = (IsoDayOfWeek.Wednesday, new LocalTime(16, 0), new LocalTime(19, 0));

    /// <summary>The four demo supervisors and sixteen more, with fixed ids.</summary>
    public static IReadOnlyList<Guid> Supervisors { get; } =
        new[] { DemoUnitIds.Aino, DemoUnitIds.Mikael, DemoUnitIds.Satu, DemoUnitIds.Johanna }
            .Concat(Enumerable.Range(5, SupervisorCount - 4).Select(i => Guid.Parse($"b3e40000-0000-4000-8000-0000000000{i:00}")))
            .ToList();

    public static LocalDate Today() => SystemClock.Instance.GetCurrentInstant().InZone(Zone).Date;

    /// <summary>Signs in as the demo manager and returns a client that carries the cookie.</summary>
    public static async Task<HttpClient> SignInAsManager(Uri address)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        using var response = await http.PostAsJsonAsync("/api/staff/sign-in",
            new { userName = "pekka", password = DemoUnit.DemoPassword("pekka") });
        if (response.StatusCode != HttpStatusCode.NoContent)
            throw new InvalidOperationException($"Signing in as pekka answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return http;
    }

    /// <summary>Twenty child supervisors, each Monday to Friday 08:30-11:30 and 12:30-15:30 (Aino also Wednesday
    /// 16:00-19:00); the online horizon and slot step stay at the demo's 8 weeks and 30 minutes. Walk-in reception is
    /// today (whatever the weekday) 00:00-23:59 with all twenty on duty, so the kiosk burst can run at any hour.</summary>
    public static async Task Configure(HttpClient manager, LocalDate today)
    {
        using var read = await manager.GetAsync("/api/config");
        read.EnsureSuccessStatusCode();
        var etag = read.Headers.ETag?.Tag ?? throw new InvalidOperationException("GET /api/config sent no ETag.");
        var current = JsonSerializer.Deserialize<UnitConfiguration>(await read.Content.ReadAsStringAsync(), BookingJson.Options)!;

        var others = current.Staff.Where(s => s.Role != StaffRole.ChildSupervisor).ToList();
        var supervisors = Supervisors.Select((id, i) => current.Member(id) is { } demo ? demo with { Active = true }
            : new StaffMember(id, $"Bench Supervisor {i + 1:00}", StaffRole.ChildSupervisor)).ToList();
        var weekdays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday };
        var hours = Supervisors.SelectMany(id => weekdays.SelectMany(d => new[]
            {
                new WeeklyHours(id, d, Morning.From, Morning.To), new WeeklyHours(id, d, Afternoon.From, Afternoon.To),
            }))
            .Append(new WeeklyHours(DemoUnitIds.Aino, Evening.Day, Evening.From, Evening.To))
            .ToList();
        var walkIn = new WalkInSettings(today.DayOfWeek, new LocalTime(0, 0), new LocalTime(23, 59), 30, Supervisors,
            Supervisors.Select((id, i) => (id, room: $"{101 + i}")).ToDictionary(x => x.id, x => x.room), 5);

        var callBacks = current.CallBacks is { } demo
            ? demo with { Windows = demo.Windows.Select(w => OutsideBookableHours(w, hours)).ToList() }
            : null;

        var configured = current with
        {
            Staff = [.. supervisors, .. others], Hours = hours, WalkIn = walkIn, HorizonWeeks = 8, SlotStepMinutes = 30,
            CallBacks = callBacks,
        };
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/config")
        {
            Content = new StringContent(JsonSerializer.Serialize(configured, BookingJson.Options), System.Text.Encoding.UTF8, "application/json"),
        };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        using var saved = await manager.SendAsync(put);
        if (!saved.IsSuccessStatusCode)
            throw new InvalidOperationException($"PUT /api/config answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
    }

    /// <summary>The demo's call-back windows fall in the afternoons the bench makes bookable, and the unit refuses a
    /// window that overlaps its supervisor's bookable hours: each keeps its supervisor, day and length and moves to the
    /// end of the hours it overlaps (the call-back rule stays in force, the bench keeps its full afternoons).</summary>
    public static CallBackWindow OutsideBookableHours(CallBackWindow window, IReadOnlyList<WeeklyHours> hours)
    {
        var length = Period.Between(window.From, window.To, PeriodUnits.Minutes);
        while (hours.FirstOrDefault(h => h.StaffId == window.StaffId && h.Day == window.Day && h.From < window.To && window.From < h.To) is { } overlapped)
        {
            var to = overlapped.To + length;
            if (to <= overlapped.To) throw new InvalidOperationException($"No room after {overlapped.To} on {window.Day} for a call-back window.");
            window = window with { From = overlapped.To, To = to };
        }
        return window;
    }
}
