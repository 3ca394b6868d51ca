// Who may call what: every endpoint and page that needs a sign-in is listed here with the roles that may use it, and the
// test walks the service's own endpoint table, so a new staff endpoint without a line here fails the test. Anonymous
// callers get 401 (pages: the sign-in page), other roles 403 (pages: not the page), listed roles get through (their
// answer may still be 400/404/422 for the empty request; only 401/403 would be wrong).
using System.Net;
using System.Text;
using Booking.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Booking.Api.Tests.Staff;

public sealed class PermissionMatrixTests(BookingApp app) : IClassFixture<BookingApp>
{
    private const string Secretary = "leena", Supervisor = "aino", Manager = "pekka";
    private static readonly string[] Any = [Secretary, Supervisor, Manager];
    private static readonly string[] Roles = [Secretary, Supervisor, Manager];

    /// <summary>"METHOD /route pattern" → who may call it (demo sign-ins: leena secretary, aino supervisor, pekka manager).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["GET /api/staff/me"] = Any,
        ["GET /api/staff/bookings"] = Any,
        ["GET /api/staff/team"] = Any,
        ["GET /api/staff/day"] = Any,
        ["POST /api/staff/appointments/{appointmentId:guid}/completed"] = [Supervisor],
        ["POST /api/staff/appointments/{appointmentId:guid}/no-show"] = [Supervisor],
        ["GET /api/config"] = Any,
        ["PUT /api/config"] = [Manager],
        ["GET /api/walk-in/today"] = Any,
        ["GET /api/walk-in/queue"] = Any,
        ["POST /api/walk-in/call-next"] = Any,
        ["POST /api/walk-in/tickets/{number:int}/recall"] = Any,
        ["POST /api/walk-in/tickets/{number:int}/start"] = Any,
        ["POST /api/walk-in/tickets/{number:int}/complete"] = Any,
        ["POST /api/walk-in/tickets/{number:int}/no-show"] = Any,
        ["POST /api/walk-in/tickets/{number:int}/follow-up"] = Any,
        ["POST /api/walk-in/duty"] = Any,
        ["POST /api/walk-in/close-intake"] = Any,
        ["GET /api/walk-in/figures"] = Any,
        ["GET /api/evenings/all"] = [Manager],
        ["POST /api/evenings"] = [Manager],
        ["POST /api/evenings/{id:guid}/cancel"] = [Manager],
        ["GET /api/evenings/{id:guid}/roster"] = [Manager],
        ["GET /api/evenings/{id:guid}/roster.csv"] = [Manager],
        ["POST /api/evenings/{id:guid}/registrations/{registrationId:guid}/attendance"] = [Manager],
        ["GET /api/notifications/dead-letters"] = [Manager],
        ["POST /api/notifications/dead-letters/{id}/replay"] = [Manager],
        ["GET /api/notifications/outbox/summary"] = [Manager],
        ["GET /api/info-links"] = [Manager],
        ["PUT /api/info-links"] = [Manager],
        ["GET /api/info-links/history"] = [Manager],
        ["POST /api/families"] = [Secretary],
        ["GET /api/families"] = [Secretary],
        ["GET /api/families/{familyId:guid}"] = [Secretary],
        ["POST /api/families/{familyId:guid}/contacts"] = [Secretary],
        ["POST /api/families/{familyId:guid}/bookings"] = [Secretary],
        ["POST /api/families/{familyId:guid}/info-links"] = [Secretary],
        ["GET /api/staff/free-times"] = [Secretary],
        ["POST /api/staff/offered-hours"] = [Secretary],
        ["GET /api/call-backs/figures"] = [Secretary, Manager],
        ["GET /api/staff/call-backs"] = Any,
        ["GET /api/staff/call-backs/free"] = Any,
        ["POST /api/staff/call-backs"] = [Secretary],
        ["POST /api/staff/call-backs/{id:guid}/done"] = [Supervisor],
        ["POST /api/staff/call-backs/{id:guid}/not-reached"] = [Supervisor],
        ["POST /api/staff/call-backs/{id:guid}/cancel"] = [Secretary],
        ["GET /staff/call-backs"] = Any,
        ["POST /staff/call-backs"] = Any,
        ["GET /staff/console"] = [Secretary],
        ["POST /staff/console"] = [Secretary],
        ["GET /staff/console/family/{FamilyId:guid}"] = [Secretary],
        ["POST /staff/console/family/{FamilyId:guid}"] = [Secretary],
        ["GET /staff/day"] = Any,
        ["POST /staff/day"] = Any,
        ["GET /staff"] = Any,
        ["POST /staff"] = Any,
        ["GET /staff/walk-in"] = Any,
        ["POST /staff/walk-in"] = Any,
        ["GET /staff/evenings"] = [Manager],
        ["POST /staff/evenings"] = [Manager],
        ["GET /staff/evenings/{Id:guid}"] = [Manager],
        ["POST /staff/evenings/{Id:guid}"] = [Manager],
        ["GET /api/accessibility-feedback"] = [Manager],
        ["GET /staff/accessibility-feedback"] = [Manager],
        ["POST /staff/accessibility-feedback"] = [Manager],
        ["GET /api/privacy/families/{familyId:guid}/copy"] = [Secretary, Manager],
        ["GET /api/privacy/families/{familyId:guid}/erasure"] = [Secretary, Manager],
        ["POST /api/privacy/families/{familyId:guid}/erase"] = [Secretary, Manager],
        ["GET /api/privacy/bookings/{appointmentId:guid}/copy"] = [Secretary, Manager],
        ["GET /api/privacy/bookings/{appointmentId:guid}/erasure"] = [Secretary, Manager],
        ["POST /api/privacy/bookings/{appointmentId:guid}/erase"] = [Secretary, Manager],
        ["GET /staff/privacy/booking/{AppointmentId:guid}"] = [Secretary, Manager],
        ["POST /staff/privacy/booking/{AppointmentId:guid}"] = [Secretary, Manager],
        ["GET /api/privacy/reads"] = [Manager],
        ["GET /api/privacy/retention"] = Any,
        ["GET /staff/privacy/family/{FamilyId:guid}"] = [Secretary, Manager],
        ["POST /staff/privacy/family/{FamilyId:guid}"] = [Secretary, Manager],
        ["GET /staff/privacy/reads"] = [Manager],
        ["POST /staff/privacy/reads"] = [Manager],
        ["GET /staff/meetings"] = [Secretary, Supervisor],
        ["POST /staff/meetings"] = [Secretary, Supervisor],
        ["GET /staff/meetings/{Id:guid}"] = [Secretary, Supervisor],
        ["POST /staff/meetings/{Id:guid}"] = [Secretary, Supervisor],
        ["GET /api/staff/meetings"] = [Secretary, Supervisor],
        ["GET /api/staff/meetings/{appointmentId:guid}"] = [Secretary, Supervisor],
        ["POST /api/staff/meetings/{appointmentId:guid}/move"] = [Secretary, Supervisor],
        ["POST /api/staff/meetings/{appointmentId:guid}/cancel"] = [Secretary, Supervisor],
        ["POST /api/staff/meetings/{appointmentId:guid}/reassign"] = [Secretary, Supervisor],
        ["PUT /api/staff/meetings/{appointmentId:guid}/video-link"] = [Secretary, Supervisor],
        ["POST /api/staff/absences/preview"] = [Secretary, Manager],
        ["GET /staff/absences"] = [Secretary, Manager],
        ["POST /staff/absences"] = [Secretary, Manager],
        ["POST /api/staff/absences"] = [Secretary, Manager],
        ["GET /staff/absences/work"] = [Secretary, Manager],
        ["POST /staff/absences/work"] = [Secretary, Manager],
        ["GET /api/staff/absences/work"] = [Secretary, Manager],
        ["POST /api/staff/absences/{absenceId:guid}/work/{number:int}/done"] = [Secretary, Manager],
        ["GET /api/staff/absences"] = [Secretary, Manager],
        ["POST /api/staff/absences/{absenceId:guid}/withdraw"] = [Secretary, Manager],
        ["GET /api/staff/accounts"] = [Manager],
        ["POST /api/staff/accounts"] = [Manager],
        ["POST /api/staff/accounts/{staffId:guid}/role"] = [Manager],
        ["POST /api/staff/accounts/{staffId:guid}/disable"] = [Manager],
        ["POST /api/staff/accounts/{staffId:guid}/enable"] = [Manager],
        ["POST /api/staff/accounts/{staffId:guid}/password"] = [Manager],
        ["POST /api/staff/accounts/{staffId:guid}/unlock"] = [Manager],
        ["POST /api/staff/accounts/{staffId:guid}/external-id"] = [Manager],
        ["GET /api/figures/report"] = [Manager],
        ["GET /api/figures/report.csv"] = [Manager],
        ["POST /api/staff/appointments/{appointmentId:guid}/outcomes"] = [Supervisor],
        ["POST /api/staff/appointments/{appointmentId:guid}/goals"] = [Supervisor],
        ["POST /api/staff/appointments/{appointmentId:guid}/goals-review"] = [Supervisor],
        ["GET /staff/figures"] = [Manager],
        ["POST /staff/figures"] = [Manager],
        ["GET /api/config/history"] = [Manager],
        ["GET /staff/settings"] = [Manager],
        ["POST /staff/settings"] = [Manager],
        ["GET /staff/settings/hours"] = [Manager],
        ["POST /staff/settings/hours"] = [Manager],
        ["GET /staff/settings/booking"] = [Manager],
        ["POST /staff/settings/booking"] = [Manager],
        ["GET /staff/settings/emails"] = [Manager],
        ["POST /staff/settings/emails"] = [Manager],
        ["GET /staff/settings/closures"] = [Manager],
        ["POST /staff/settings/closures"] = [Manager],
        ["GET /staff/settings/kinds"] = [Manager],
        ["POST /staff/settings/kinds"] = [Manager],
        ["GET /staff/settings/staff"] = [Manager],
        ["POST /staff/settings/staff"] = [Manager],
        ["GET /staff/settings/accounts"] = [Manager],
        ["POST /staff/settings/accounts"] = [Manager],
        ["GET /staff/settings/walk-in"] = [Manager],
        ["POST /staff/settings/walk-in"] = [Manager],
        ["GET /staff/settings/phone"] = [Manager],
        ["POST /staff/settings/phone"] = [Manager],
        ["GET /staff/settings/info-links"] = [Manager],
        ["POST /staff/settings/info-links"] = [Manager],
        ["POST /api/staff/feedback-codes"] = [Supervisor],
        ["GET /api/figures/feedback-comments"] = [Manager],
    };

    private IEnumerable<(string Key, string Method, string Pattern)> StaffEndpoints() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Key: $"{m} {Normalised(e)}", Method: m, Pattern: Normalised(e))))
            .Where(e => e.Method != "HEAD")
            .Distinct();

    private static string Normalised(RouteEndpoint e) => "/" + e.RoutePattern.RawText!.Trim('/');

    [Fact]
    public void Every_endpoint_that_needs_a_sign_in_is_in_the_matrix_and_every_line_of_the_matrix_exists()
    {
        var found = StaffEndpoints().Select(e => e.Key).ToHashSet();
        Assert.Empty(found.Except(Allowed.Keys).Order());
        Assert.Empty(Allowed.Keys.Except(found).Order());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_wrong_roles_403_and_the_listed_roles_get_through()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = app.CreateClient() };
        foreach (var role in Roles) clients[role] = await app.SignIn(role);
        var wrong = new List<string>();

        foreach (var (key, method, pattern) in StaffEndpoints().Where(e => Allowed.ContainsKey(e.Key)))
        {
            var path = Concrete(pattern);
            var page = !pattern.StartsWith("/api/", StringComparison.Ordinal);
            foreach (var (who, http) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var response = await http.SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var allowed = who != "anonymous" && Allowed[key].Contains(who);
                var ok = (page, who, allowed) switch
                {
                    (false, "anonymous", _) => status == 401,
                    (false, _, false) => status == 403,
                    (false, _, true) => status is not (401 or 403),
                    (true, "anonymous", _) => status == 302 && location.Contains("/staff/sign-in", StringComparison.Ordinal),
                    (true, _, false) => status == 403 || (status == 302 && !location.Contains(path, StringComparison.Ordinal)),
                    // A page's form posts without the antiforgery token answer 400; a made-up id answers the not-found page.
                    (true, _, true) => method == "GET"
                        ? status == 200 || (status == 404 && pattern.Contains('{'))
                        : status is not (401 or 403) && !location.Contains("/staff/sign-in", StringComparison.Ordinal),
                };
                if (!ok) wrong.Add($"{key} as {who}: {status} {location}");
            }
        }
        Assert.Empty(wrong);
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
        var query = pattern switch
        {
            "/api/staff/bookings" => "?from=2026-04-21&to=2026-04-22",
            "/api/families" => "?q=nobody",
            "/api/staff/meetings" => "?q=nobody",
            _ => "",
        };
        return result + query;
    }
}
