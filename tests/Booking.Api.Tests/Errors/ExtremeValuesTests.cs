// What an unfriendly client sends that the other input tests did not: dates at the ends of the calendar (0000-01-01,
// 9999-12-31) and years nobody books in. Each answers 400 naming the field, never a 500.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.Errors;

public sealed class ExtremeValuesApp : BookingApp;

public sealed class ExtremeValuesTests(ExtremeValuesApp app) : IClassFixture<ExtremeValuesApp>
{
    [Theory]
    [InlineData("/api/call-backs/free?from=9999-12-31", "leena", "from")]
    [InlineData("/api/staff/call-backs/free?from=9999-12-31", "leena", "from")]
    [InlineData("/api/call-backs/figures?to=9999-12-31", "pekka", "to")]
    [InlineData("/api/call-backs/figures?to=0000-01-01", "pekka", "to")]
    [InlineData("/api/free-times?type=advice&modality=inPerson&from=0000-01-01", "", "from")]
    [InlineData("/api/staff/day?date=9999-12-31", "aino", "date")]
    public async Task A_date_at_the_end_of_the_calendar_answers_400_naming_the_parameter(string url, string who, string field)
    {
        var http = who == "" ? app.CreateClient() : await app.SignIn(who);
        var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Json())["errors"]![field]);
    }

    [Theory]
    [InlineData("/staff?week=9999-12-31")]
    [InlineData("/staff?week=0000-01-01")]
    [InlineData("/staff/call-backs?date=9999-12-31")]
    [InlineData("/staff/day?date=9999-12-31")]
    public async Task A_staff_page_asked_for_a_week_at_the_end_of_the_calendar_shows_this_week_instead_of_an_error(string url)
    {
        var response = await (await app.SignIn("leena")).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("\u200b")]
    [InlineData("\u200b\u200b ")]
    [InlineData("Maija\u202eneniälökieM")]
    [InlineData("\u2067Maija")]
    public async Task A_name_with_no_letters_or_with_a_text_direction_control_is_refused_and_nothing_is_booked(string name)
    {
        var response = await app.CreateClient().Book(BookingClient.Request("2026-04-21T09:00", name: name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Json())["errors"]!["client.name"]);
        Assert.Equal(0L, await app.CountEvents("appointment_booked"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(10000)]
    [InlineData(int.MaxValue)]
    public async Task Holidays_of_a_year_nobody_books_in_answer_400_naming_the_year(int year)
    {
        var response = await app.CreateClient().GetAsync($"/api/holidays/{year}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("year must be between 2000 and 2999.", (await response.Json())["errors"]!["year"]![0].Text());
    }

    [Fact]
    public async Task Holidays_of_this_year_are_still_given()
    {
        var response = await app.CreateClient().GetAsync("/api/holidays/2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2026-12-06", await response.Content.ReadAsStringAsync());
    }
}

public sealed class WalkInDayApp() : BookingApp(Instant.FromUtc(2026, 4, 23, 5, 0));

/// <summary>Texts a supervisor types on walk-in day go onto the waiting-room display and into events: they have a length.</summary>
public sealed class LongWalkInTextsTests(WalkInDayApp app) : IClassFixture<WalkInDayApp>
{
    [Fact]
    public async Task A_room_of_a_hundred_thousand_characters_is_refused_and_the_duty_keeps_its_room()
    {
        var aino = await app.SignIn("aino");
        var response = await aino.PostAsJsonAsync("/api/walk-in/duty", new { room = new string('x', 100_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Json())["errors"]!["room"]);
        Assert.DoesNotContain("xxxxxxxxxx", await (await aino.GetAsync("/api/walk-in/today")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_room_with_a_line_break_is_refused()
    {
        var response = await (await app.SignIn("aino")).PostAsJsonAsync("/api/walk-in/duty", new { room = "101\n<b>102</b>" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Json())["errors"]!["room"]);
    }

    [Fact]
    public async Task A_reason_for_closing_intake_of_a_hundred_thousand_characters_is_refused_and_intake_stays_open()
    {
        var aino = await app.SignIn("aino");
        var response = await aino.PostAsJsonAsync("/api/walk-in/close-intake", new { reason = new string('x', 100_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Json())["errors"]!["reason"]);
        Assert.False((await (await aino.GetAsync("/api/walk-in/today")).Json())["intakeClosed"]!.GetValue<bool>());
    }
}

/// <summary>A settings page's form model holds rows of checkboxes: a value its binder cannot read left the rows out and the
/// page failed while drawing them (a 500). The value is refused naming the field, as an enum's is.</summary>
public sealed class SettingsFormValuesTests(ExtremeValuesApp app) : IClassFixture<ExtremeValuesApp>
{
    [Theory]
    [InlineData("/staff/settings/kinds", "settings-kinds", "Form.Kinds[0].Phone", "9999-12-31")]
    [InlineData("/staff/settings/kinds", "settings-kinds", "Form.Kinds[0].OnlineBookable", "yes")]
    [InlineData("/staff/settings/walk-in", "settings-walk-in", "Form.Rows[0].OnDuty", "-1")]
    public async Task A_checkbox_that_is_not_true_or_false_answers_400_naming_the_field(string page, string form, string field, string value)
    {
        var manager = await Booking.Api.Tests.Configuration.PageForms.SignIn(app, "pekka");
        var before = await app.CountEvents();
        var response = await manager.Post(page, form, [new("Form.Version", "1"), new(field, value)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Json())["errors"]![field]);
        Assert.Equal(before, await app.CountEvents());
    }
}
