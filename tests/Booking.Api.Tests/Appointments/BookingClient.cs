// Small helpers so tests read as what a client does: ask for free times, book, look at the booking.
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Booking.Api.Tests.Appointments;

public static class BookingClient
{
    public static object Request(string start, string type = "advice", string modality = "inPerson", string name = "Maija Meikäläinen",
        string email = "maija@example.fi", string phone = "+358 40 123 4567", string language = "fi", string? otherParentEmail = null) =>
        new { appointmentType = type, modality, start, client = new { name, email, phone, language }, otherParentEmail };

    public static async Task<HttpResponseMessage> Book(this HttpClient http, object request, string? idempotencyKey = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(request) };
        if (idempotencyKey is not null) message.Headers.Add("Idempotency-Key", idempotencyKey);
        return await http.SendAsync(message);
    }

    public static async Task<JsonObject> Json(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<JsonArray> JsonArray(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

    public static string Text(this JsonNode? node) => node is JsonValue v ? v.ToString() : node?.ToJsonString(new JsonSerializerOptions()) ?? "";
}
