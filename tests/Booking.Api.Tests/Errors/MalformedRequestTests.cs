// What an outside tester sends: every endpoint that reads a JSON body, taken from the service's own endpoint table, gets
// broken JSON, a value of the wrong type in each of its fields, NUL in each text field, the wrong content type and a body
// far too large. The answers are 4xx problem documents naming the field, never a 5xx, in every environment.
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Booking.Api.Tests.Appointments;
using Booking.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Booking.Api.Tests.Errors;

public abstract class LoggedApp : BookingApp
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder host) =>
        host.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
}

public sealed class DevelopmentApp : LoggedApp
{
    protected override void ConfigureHost(IWebHostBuilder host)
    {
        base.ConfigureHost(host);
        host.UseEnvironment("Development");
    }
}

public sealed class ProductionApp : LoggedApp
{
    protected override void ConfigureHost(IWebHostBuilder host)
    {
        base.ConfigureHost(host);
        host.UseEnvironment("Production");
    }
}

public sealed class MalformedRequestsInDevelopmentTests(DevelopmentApp app) : MalformedRequestTests(app), IClassFixture<DevelopmentApp>;

public sealed class MalformedRequestsInProductionTests(ProductionApp app) : MalformedRequestTests(app), IClassFixture<ProductionApp>;

public abstract class MalformedRequestTests(LoggedApp app)
{
    private sealed record JsonEndpoint(string Method, string Path, Type RequestType, string Who);

    [Fact]
    public async Task Broken_JSON_on_every_JSON_endpoint_answers_400_naming_the_body()
    {
        var wrong = new List<string>();
        foreach (var endpoint in JsonEndpoints())
        {
            using var response = await Send(endpoint, new StringContent("{\"start\": ", Encoding.UTF8, "application/json"));
            await Expect(response, 400, "body", endpoint, "broken JSON", wrong);
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        NothingLoggedAsAnError();
    }

    /// <summary>What a client sent wrong is the client's error, not the service's: an operator's error log stays for real failures.</summary>
    private void NothingLoggedAsAnError() =>
        Assert.DoesNotContain(app.Logs.Entries, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error && l.Category.StartsWith("Microsoft.AspNetCore"));

    [Fact]
    public async Task A_value_of_the_wrong_type_in_any_field_answers_400_naming_that_field()
    {
        var wrong = new List<string>();
        foreach (var endpoint in JsonEndpoints())
            foreach (var (field, property) in Fields(endpoint.RequestType))
            {
                // A number where text is expected; text where anything else is.
                JsonNode? value = property == typeof(string) ? JsonValue.Create(5) : JsonValue.Create("#not-a-value");
                using var response = await Send(endpoint, JsonContent(Body(endpoint.RequestType, field, value)));
                await Expect(response, 400, field, endpoint, $"wrong type in {field}", wrong);
            }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        NothingLoggedAsAnError();
    }

    [Fact]
    public async Task A_NUL_or_other_control_character_in_any_text_field_answers_400_naming_that_field()
    {
        var wrong = new List<string>();
        foreach (var endpoint in JsonEndpoints())
            foreach (var (field, _) in Fields(endpoint.RequestType).Where(f => f.Type == typeof(string)))
                foreach (var text in new[] { "Maija\u0000Meikäläinen", "Maija\u001bMeikäläinen" })
                {
                    using var response = await Send(endpoint, JsonContent(Body(endpoint.RequestType, field, JsonValue.Create(text))));
                    await Expect(response, 400, field, endpoint, $"control character in {field}", wrong);
                }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_or_has_no_content_type_answers_415()
    {
        var wrong = new List<string>();
        foreach (var endpoint in JsonEndpoints())
        {
            using (var response = await Send(endpoint, new StringContent("{}", Encoding.UTF8, "text/plain")))
                await Expect(response, 415, "Content-Type", endpoint, "text/plain", wrong);
            using (var response = await Send(endpoint, new ByteArrayContent("{}"u8.ToArray())))
                await Expect(response, 415, "Content-Type", endpoint, "no content type", wrong);
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_body_over_ten_megabytes_answers_413_and_saves_nothing()
    {
        var before = await app.CountEvents();
        var huge = new string('x', 11 * 1024 * 1024);
        using var response = await app.CreateClient().PostAsync("/api/bookings",
            new StringContent($"{{\"appointmentType\":\"{huge}\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body_too_large", (await response.Json())["code"].Text());
        Assert.Equal(before, await app.CountEvents());
    }

    [Fact]
    public async Task A_wrong_type_names_what_was_expected()
    {
        using var response = await app.CreateClient().PostAsync("/api/bookings",
            new StringContent("{\"appointmentType\":5}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("invalid_input", problem["code"].Text());
        Assert.Equal("appointmentType must be a string.", problem["errors"]!["appointmentType"]![0].Text());
    }

    private async Task Expect(HttpResponseMessage response, int status, string field, JsonEndpoint endpoint, string what, List<string> wrong)
    {
        var body = await response.Content.ReadAsStringAsync();
        var named = false;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            named = JsonNode.Parse(body)?["errors"]?[field] is not null;
        if ((int)response.StatusCode != status || !named)
            wrong.Add($"{endpoint.Method} {endpoint.Path} ({what}): {(int)response.StatusCode} {body[..Math.Min(body.Length, 700)]}");
    }

    private IEnumerable<JsonEndpoint> JsonEndpoints() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null } accepts
                        && accepts.ContentTypes.Contains("application/json"))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => new JsonEndpoint(m,
                Concrete(e.RoutePattern.RawText!), e.Metadata.GetMetadata<IAcceptsMetadata>()!.RequestType!, WhoMayCall(e))))
            .ToList() is { Count: > 0 } found ? found : throw new InvalidOperationException("No JSON endpoint found.");

    /// <summary>A demo sign-in whose role the endpoint accepts (an anonymous caller would be stopped before the body is read).</summary>
    private static string WhoMayCall(Endpoint endpoint)
    {
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? a.Roles ?? "").ToList();
        if (policies.Count == 0 || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return "";
        if (policies.Any(p => p.Contains("manager", StringComparison.OrdinalIgnoreCase))) return "pekka";
        if (policies.Any(p => p.Contains("supervisor", StringComparison.OrdinalIgnoreCase))) return "aino";
        return "leena";
    }

    private readonly Dictionary<string, HttpClient> clients = [];

    private async Task<HttpResponseMessage> Send(JsonEndpoint endpoint, HttpContent content)
    {
        if (!clients.TryGetValue(endpoint.Who, out var http))
            clients[endpoint.Who] = http = endpoint.Who == "" ? app.CreateClient() : await app.SignIn(endpoint.Who);
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path) { Content = content };
        return await http.SendAsync(request);
    }

    private static HttpContent JsonContent(JsonNode body) => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>Every field a client may send, as the 400 names it ("client.name", "[0].url"), with its declared type.</summary>
    private static IEnumerable<(string Field, Type Type)> Fields(Type requestType)
    {
        if (ListElement(requestType) is { } element)
            return Fields(element, "", 0).Select(f => ("[0]." + f.Field, f.Type));
        return Fields(requestType, "", 0);
    }

    private static IEnumerable<(string Field, Type Type)> Fields(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsPositional(type, p)))
        {
            var name = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            yield return (name, propertyType);
            if (depth < 1 && propertyType.Namespace?.StartsWith("Booking.", StringComparison.Ordinal) == true && propertyType.IsClass)
                foreach (var inner in Fields(propertyType, name + ".", depth + 1)) yield return inner;
        }
    }

    private static bool IsPositional(Type type, PropertyInfo property) =>
        type.GetConstructors().Any(c => c.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)));

    private static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? Nullable.GetUnderlyingType(type.GetGenericArguments()[0]) ?? type.GetGenericArguments()[0] : null;

    /// <summary>A body holding only the one field, nested where its name says ("client.name" → {"client":{"name":…}}).</summary>
    private static JsonNode Body(Type requestType, string field, JsonNode? value)
    {
        var list = field.StartsWith("[0].", StringComparison.Ordinal);
        var parts = (list ? field[4..] : field).Split('.');
        var root = new JsonObject();
        var at = root;
        foreach (var part in parts[..^1])
        {
            var inner = new JsonObject();
            at[part] = inner;
            at = inner;
        }
        at[parts[^1]] = value;
        return list ? new JsonArray(root) : root;
    }

    /// <summary>A route pattern with its parameters filled in: ids that exist nowhere, a number, a placeholder.</summary>
    private static string Concrete(string pattern)
    {
        var result = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '{') { result.Append(pattern[i]); continue; }
            var end = pattern.IndexOf('}', i);
            var parameter = pattern[(i + 1)..end];
            result.Append(parameter.EndsWith(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
                : parameter.EndsWith(":int", StringComparison.Ordinal) ? "1" : "x");
            i = end;
        }
        return "/" + result.ToString().TrimStart('/');
    }
}
