// The input an outside tester found slipping through: enum values given as comma lists or numbers (booked as something the
// client did not choose), and NUL in a query or a page's form field (a 500 from PostgreSQL). Each answers 400 naming the field.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Tests.Appointments;
using Booking.Api.Tests.InfoEvenings;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Errors;

public sealed class InputRulesApp : BookingApp;

public sealed class InputRulesTests(InputRulesApp app) : IClassFixture<InputRulesApp>
{
    [Fact]
    public async Task A_modality_given_as_a_comma_list_is_refused_naming_the_field_and_the_allowed_names()
    {
        var response = await app.CreateClient().Book(BookingClient.Request("2026-04-21T09:00", modality: "inPerson,video"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("inPerson, video, phone", (await response.Json())["errors"]!["modality"]![0].Text());
        Assert.Equal(0L, await app.CountEvents("appointment_booked"));
    }

    [Fact]
    public async Task A_language_given_as_a_comma_list_or_a_number_is_refused_and_nothing_is_registered()
    {
        var eveningId = await app.Schedule(capacity: 5, title: "Kielet");
        var http = app.CreateClient();
        foreach (var language in new[] { "Fi,Sv", "1", " 2 " })
        {
            var response = await http.PostAsJsonAsync($"/api/evenings/{eveningId}/registrations", EveningClient.Registration(1, language));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("fi, sv, en", (await response.Json())["errors"]!["client.language"]![0].Text());
        }
        Assert.Equal(0L, await app.CountEvents("info_evening_registered"));
    }

    [Fact]
    public async Task A_walk_in_matter_given_as_a_number_is_refused()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/walk-in/tickets", new { matter = "0", language = "fi" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Json())["errors"]!["matter"]);
    }

    [Fact]
    public async Task Names_that_differ_only_in_case_or_dashes_are_still_accepted()
    {
        var response = await app.CreateClient().Book(BookingClient.Request("2026-04-21T09:00", modality: "IN-PERSON"));
        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_NUL_in_a_query_answers_400_naming_the_parameter_instead_of_a_database_error()
    {
        var secretary = await app.SignIn("leena");
        var response = await secretary.GetAsync("/api/families?q=Maija%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.Json())["errors"]!["q"]);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_answers_400_naming_the_parameter_in_every_environment()
    {
        var supervisor = await app.SignIn("aino");
        var response = await supervisor.GetAsync("/api/staff/day?date=2026-04-21&staffId=not-an-id");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("staffId is not valid.", (await response.Json())["errors"]!["staffId"]![0].Text());
    }

    [Fact]
    public async Task A_NUL_in_a_page_form_field_answers_400_naming_the_field_and_registers_nobody()
    {
        var eveningId = await app.Schedule(capacity: 5, title: "Lomake");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "evening-registration", ["Form.Name"] = "Maija\0Meikäläinen", ["Form.Email"] = "maija@example.fi",
            ["Form.Language"] = "Fi", ["Form.Seats"] = "1",
        });
        var response = await app.CreateClient().PostAsync($"/evenings/{eveningId}", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("\"Form.Name\""), body);
        Assert.Equal(0L, await app.CountEvents("info_evening_registered"));
    }

    [Theory]
    [InlineData("Fi,Sv")]
    [InlineData("2")]
    public async Task A_language_on_a_page_form_given_as_a_comma_list_or_a_number_answers_400_naming_the_field(string language)
    {
        var eveningId = await app.Schedule(capacity: 5, title: $"Sivu {language}");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "evening-registration", ["Form.Name"] = "Maija Meikäläinen", ["Form.Email"] = "maija@example.fi",
            ["Form.Language"] = language, ["Form.Seats"] = "1",
        });
        var response = await app.CreateClient().PostAsync($"/evenings/{eveningId}", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fi, sv, en", (await response.Json())["errors"]!["Form.Language"]![0].Text());
        Assert.Equal(0L, await app.CountEvents("info_evening_registered"));
    }
}
