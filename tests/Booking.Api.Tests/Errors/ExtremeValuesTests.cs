// What an unfriendly client sends that the other input tests did not: dates at the ends of the calendar (0000-01-01,
// 9999-12-31) and years nobody books in. Each answers 400 naming the field, never a 500.
using System.Net;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
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
