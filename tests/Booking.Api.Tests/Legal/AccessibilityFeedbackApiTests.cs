// The accessibility feedback channel (law 306/2019) as an unfriendly client sees it: a message is stored and reaches the
// manager with its 14-day due date; bad input answers 400 naming the field and stores nothing; only the manager reads.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Legal;

public sealed class AccessibilityFeedbackApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    [Fact]
    public async Task Feedback_is_stored_and_the_manager_sees_it_with_the_day_the_answer_is_due()
    {
        var http = app.CreateClient();
        var response = await http.PostAsJsonAsync("/api/accessibility-feedback",
            new { message = "Ajanvalinnan painikkeet ovat liian pienet.\nRuudunlukija ei lue viikkoa.", page = "/book/times", contact = "palaute@example.fi", language = "sv" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Json();
        Assert.Equal("2026-05-04", receipt["answerDue"].Text());

        var manager = await app.SignIn("pekka");
        var list = System.Text.Json.Nodes.JsonNode.Parse(await manager.GetStringAsync("/api/accessibility-feedback"))!;
        var item = list.AsArray().Single(i => i!["id"].Text() == receipt["id"].Text())!;
        Assert.Equal("Ajanvalinnan painikkeet ovat liian pienet.\nRuudunlukija ei lue viikkoa.", item["message"].Text());
        Assert.Equal("/book/times", item["page"].Text());
        Assert.Equal("palaute@example.fi", item["contact"].Text());
        Assert.Equal("sv", item["language"].Text());
        Assert.Equal("2026-05-04", item["answerDue"].Text());

        var page = await manager.GetStringAsync("/staff/accessibility-feedback");
        Assert.Contains("Ajanvalinnan painikkeet ovat liian pienet.", page);
        Assert.Contains("4.5.2026", page);
    }

    [Theory]
    [InlineData("""{"message":""}""", "message")]
    [InlineData("""{"message":"   "}""", "message")]
    [InlineData("""{"message":"a\u0007b"}""", "message")]
    [InlineData("""{"message":"ok","contact":"x\u0000"}""", "contact")]
    [InlineData("""{"message":"ok","language":"de"}""", "language")]
    [InlineData("""{"message":"ok","language":2}""", "language")]
    [InlineData("""{"message":42}""", "message")]
    public async Task Bad_input_answers_400_naming_the_field_and_stores_nothing(string json, string field)
    {
        var before = await app.CountRows("accessibility_feedback");
        var response = await app.CreateClient().PostAsync("/api/accessibility-feedback", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.CountRows("accessibility_feedback"));
    }

    [Fact]
    public async Task A_message_longer_than_the_limit_is_refused()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/accessibility-feedback", new { message = new string('a', 4001) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 4000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_the_manager_reads_the_feedback()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/accessibility-feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("aino")).GetAsync("/api/accessibility-feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("leena")).GetAsync("/api/accessibility-feedback")).StatusCode);
    }
}
