// A parent reserving a call-back while the supervisor's absence over that slot is being saved, on a real PostgreSQL: the
// call-back is either refused or on the absence's work list, never left in the absent time unlisted. Satu alone has the
// Monday and Wednesday 14-15 windows, so each round's slot has no colleague to fall back on. Its own database.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Absences;

public sealed class AbsenceCallBackRaceTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task Twelve_rounds_of_a_parent_reserving_a_call_back_while_the_supervisors_absence_is_saved_never_leave_it_unlisted()
    {
        var manager = await app.SignIn("pekka");
        var slots = new[] { "2026-04-27", "2026-04-29", "2026-05-04" }
            .SelectMany(day => new[] { "14:00", "14:15", "14:30", "14:45" }.Select(time => (Day: day, Time: time))).ToList();
        var (reserved, refused) = (0, 0);

        foreach (var ((day, time), round) in slots.Select((s, i) => (s, i)))
        {
            using var parent = app.CreateClient();
            using var go = new SemaphoreSlim(0);
            var until = TimeOnly.Parse(time).AddMinutes(15).ToString("HH:mm");
            var reserving = Task.Run(async () =>
            {
                await go.WaitAsync();
                return await parent.PostAsJsonAsync("/api/call-backs",
                    new { start = $"{day}T{time}", matter = "advice", language = "fi", phone = $"040 555 {round:0000}" });
            });
            var saving = Task.Run(async () =>
            {
                await go.WaitAsync();
                return await manager.PostAsJsonAsync("/api/staff/absences",
                    new { staffId = DemoUnitIds.Satu, from = day, to = day, fromTime = time, toTime = until });
            });
            go.Release(2);
            var (reserveAnswer, saveAnswer) = (await reserving, await saving);

            Assert.True(saveAnswer.StatusCode == HttpStatusCode.Created, await saveAnswer.Content.ReadAsStringAsync());
            var listed = (await saveAnswer.Json())["work"]!.AsArray().Where(w => w!["item"]!["kind"].Text() == "callBack")
                .Select(w => w!["item"]!["id"].Text()).ToList();
            if (reserveAnswer.StatusCode == HttpStatusCode.Created)
            {
                reserved++;
                Assert.Equal([(await reserveAnswer.Json())["callBackId"].Text()], listed);
            }
            else
            {
                refused++;
                Assert.True(reserveAnswer.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity,
                    await reserveAnswer.Content.ReadAsStringAsync());
                Assert.Empty(listed);
            }
        }
        Assert.Equal(slots.Count, reserved + refused);
    }
}
