// The OpenAPI document tells the whole contract: every operation lists the problem answers it can give with the problem
// schema, staff operations carry the sign-in cookie scheme with 401/403, and every tag says what it groups.
using System.Text.Json.Nodes;
using Booking.Api.Hosting;
using Booking.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Booking.Api.Tests;

public sealed class OpenApiContractTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private async Task<JsonObject> Document() =>
        JsonNode.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();

    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => Methods.Contains(o.Key))
            .Select(o => ($"{o.Key.ToUpperInvariant()} {path.Key}", o.Value!.AsObject())));

    [Fact]
    public async Task Every_operation_lists_a_4xx_problem_answer_and_503()
    {
        var document = await Document();
        var missing = Operations(document)
            .Where(o => o.Operation["responses"]!.AsObject().Count(r => r.Key.StartsWith('4')) == 0
                        || o.Operation["responses"]!["503"] is null)
            .Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        var code = document["components"]!["schemas"]![OpenApiProblems.ProblemSchema]!["properties"]!["code"]!["description"]!.GetValue<string>();
        Assert.Contains("`slot_taken`", code);
        Assert.Contains("`already_registered`", code);
    }

    /// <summary>The operations that need a staff sign-in, read from the endpoints themselves (not from their paths).</summary>
    private HashSet<string> StaffOperationIds() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToHashSet();

    [Fact]
    public async Task Every_staff_operation_requires_the_sign_in_cookie_and_lists_401_and_403()
    {
        var document = await Document();
        Assert.Equal("cookie", document["components"]!["securitySchemes"]![OpenApiProblems.CookieScheme]!["in"]!.GetValue<string>());
        var staffIds = StaffOperationIds();
        var staff = Operations(document).Where(o => o.Operation["operationId"]?.GetValue<string>() is { } id && staffIds.Contains(id)).ToList();
        // Every kind of staff door is among them, not only those under /api/staff.
        foreach (var door in new[] { "GET /api/privacy/", "GET /api/figures/", "GET /api/notifications/", "GET /api/info-links", "GET /api/accessibility-feedback",
                     "PUT /api/config", "GET /api/families" })
            Assert.Contains(staff, o => o.Name.StartsWith(door, StringComparison.Ordinal));
        var wrong = staff
            .Where(o => o.Operation["security"] is not JsonArray { Count: > 0 } security
                        || security[0]![OpenApiProblems.CookieScheme] is null
                        || o.Operation["responses"]!["401"] is null || o.Operation["responses"]!["403"] is null)
            .Select(o => o.Name).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // And the public operations ask for no sign-in.
        var open = Operations(document).Where(o => o.Operation["operationId"]?.GetValue<string>() is not { } id || !staffIds.Contains(id)).ToList();
        Assert.Contains(open, o => o.Name == "POST /api/bookings");
        Assert.All(open, o => Assert.True(o.Operation["security"] is null, o.Name));
    }

    [Fact]
    public async Task The_503_of_each_operation_says_only_what_is_true_for_it()
    {
        var operations = Operations(await Document()).ToDictionary(o => o.Name, o => o.Operation["responses"]!["503"]!["description"]!.GetValue<string>());
        Assert.Contains("retry with the same `Idempotency-Key`", operations["POST /api/bookings"]);
        Assert.Contains("nothing was changed", operations.Single(o => o.Key.StartsWith("GET /api/free-times", StringComparison.Ordinal)).Value);
        Assert.Contains("retry with the same `Idempotency-Key`", operations["POST /api/call-backs"]);
        Assert.Contains("retry with the same `Idempotency-Key`", operations["POST /api/evenings/{id}/registrations"]);
        var registration = operations["POST /api/accessibility-feedback"];
        Assert.Contains("read it back", registration);
        Assert.DoesNotContain("Idempotency-Key", registration);
    }

    [Fact]
    public async Task A_booking_lists_its_field_errors_its_taken_time_with_next_free_times_its_rules_and_the_rate_limit()
    {
        var booking = Operations(await Document()).Single(o => o.Name == "POST /api/bookings").Operation["responses"]!;
        foreach (var status in new[] { "400", "409", "413", "415", "422", "429", "503" })
            Assert.Equal("#/components/schemas/Problem", booking[status]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Contains("slot_taken", booking["409"]!["description"]!.GetValue<string>());
        Assert.Contains("too_soon", booking["422"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_versioned_edit_lists_412_and_every_named_operation_of_the_rule_table_exists()
    {
        var document = await Document();
        var config = Operations(document).Single(o => o.Name == "PUT /api/config").Operation["responses"]!;
        Assert.NotNull(config["412"]);
        var names = Operations(document).Select(o => o.Operation["operationId"]?.GetValue<string>()).ToHashSet();
        Assert.DoesNotContain(OpenApiProblems.RuleAnswers.Keys, k => !names.Contains(k));
    }

    [Fact]
    public async Task Every_write_lists_the_rules_that_can_refuse_it()
    {
        // A change (POST, PUT, DELETE) that a rule or a race can refuse answers 409 or 422 with codes; the table in
        // OpenApiProblems.RuleAnswers names them. Only the writes below have no such refusal (input errors and a missing
        // id aside), each for the reason given.
        var noRule = new Dictionary<string, string>
        {
            ["POST /api/staff/sign-in"] = "a wrong password is 401, a locked account 429",
            ["POST /api/staff/sign-out"] = "always signs out",
            ["POST /api/staff/absences/preview"] = "a preview writes nothing: only its input can be refused",
            ["POST /api/notifications/dead-letters/{id}/replay"] = "one conditional update: a letter that is not dead (or not there) is 404",
            ["PUT /api/info-links"] = "a change made meanwhile is 412 through If-Match; the rest are field errors",
            ["POST /api/accessibility-feedback"] = "anyone may send: only the fields can be refused (and the rate limit)",
        };
        var missing = Operations(await Document())
            .Where(o => !o.Name.StartsWith("GET ", StringComparison.Ordinal) && !noRule.ContainsKey(o.Name))
            .Where(o => o.Operation["responses"]!["409"] is null && o.Operation["responses"]!["422"] is null && o.Operation["responses"]!["410"] is null)
            .Select(o => $"{o.Name} ({o.Operation["operationId"]?.GetValue<string>()})").ToList();
        Assert.True(missing.Count == 0, "Writes that list no rule answer:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task A_used_feedback_code_is_410_and_only_routes_that_offer_next_free_times_promise_them()
    {
        var operations = Operations(await Document()).ToDictionary(o => o.Name, o => o.Operation["responses"]!);
        var feedback = operations["POST /api/feedback/{code}"]["410"]!["description"]!.GetValue<string>();
        Assert.Contains("`feedback_code_used`", feedback);
        Assert.Contains("`feedback_code_expired`", feedback);
        Assert.Contains("nextFreeTimes", operations["POST /api/bookings"]["409"]!["description"]!.GetValue<string>());
        var staffMove = operations["POST /api/staff/meetings/{appointmentId}/move"]["409"]!["description"]!.GetValue<string>();
        Assert.Contains("`slot_taken`", staffMove);
        Assert.DoesNotContain("nextFreeTimes", staffMove);
    }

    [Fact]
    public async Task Every_tag_has_a_description()
    {
        var tags = (await Document())["tags"]!.AsArray();
        Assert.NotEmpty(tags);
        Assert.All(tags, t => Assert.False(string.IsNullOrWhiteSpace(t!["description"]?.GetValue<string>()), t!["name"]!.GetValue<string>()));
    }
}
