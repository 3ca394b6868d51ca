// Who looked: every staff path of the permission matrix that shows a family's contact details leaves a line in the read
// log (who, when, which path; never the data), and the manager lists them per family and per staff member.
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Configuration;
using Booking.Api.Tests.Appointments;
using Booking.Api.Tests.CallBacks;
using Booking.Api.Tests.InfoEvenings;
using Booking.Testing;
using Xunit;

namespace Booking.Api.Tests.Privacy;

public sealed class ContactReadLogApp : BookingApp;

public sealed class ContactReadLogTests(ContactReadLogApp app) : IClassFixture<ContactReadLogApp>
{
    [Fact]
    public async Task Every_staff_path_that_shows_contacts_is_logged_and_the_manager_lists_the_reads_by_family_and_by_staff_member()
    {
        var f = TestFamily.Distinct("Looked");
        var secretary = await app.SignIn("leena");
        var family = await secretary.FirstContact(f);
        var familyId = Guid.Parse(family["familyId"].Text());
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync("/api/families?q=Zyxwa%20Looked")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/families/{familyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsJsonAsync($"/api/families/{familyId}/contacts",
            new { channel = "email", matter = "advice", parent = "mother" })).StatusCode);
        var booked = await (await secretary.BookForFamily(familyId, PrivacyTestData.Mother(family), "2026-04-23T13:00", f)).Json();
        var supervisorId = Guid.Parse(booked["supervisor"]!["staffId"].Text());
        var supervisorUser = DemoUnit.SignIns.Single(s => s.Staff == supervisorId).User;
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/staff/console/family/{familyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/privacy/families/{familyId}/copy")).StatusCode);
        var supervisor = await app.SignIn(supervisorUser);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/staff/day?date=2026-04-23")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/staff/day?date=2026-04-23")).StatusCode);
        // A colleague sees the day without contacts: nothing is logged for them.
        var colleague = DemoUnit.SignIns.First(s => s.Role == "supervisor" && s.Staff != supervisorId).User;
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignIn(colleague)).GetAsync($"/api/staff/day?date=2026-04-23&staffId={supervisorId}")).StatusCode);

        // Not families: a call-back's number (the secretary's list) and an evening's roster (the manager's).
        Assert.Equal(HttpStatusCode.Created,
            (await app.CreateClient().ReserveCallBack(CallBackClient.Request("2026-04-22T14:00", phone: "+358 40 700 1234", name: "Soittaja"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync("/api/staff/call-backs?date=2026-04-22")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync("/staff/call-backs?date=2026-04-22")).StatusCode);
        var evening = await app.Schedule(30);
        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient().PostAsJsonAsync($"/api/evenings/{evening}/registrations",
            EveningClient.Registration(1))).StatusCode);
        var manager = await app.SignIn("pekka");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/evenings/{evening}/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/evenings/{evening}/roster.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/staff/evenings/{evening}")).StatusCode);

        var byFamily = await (await manager.GetAsync($"/api/privacy/reads?familyId={familyId}")).JsonArray();
        var seen = byFamily.Select(r => (UserOf(r!["staffId"].Text()), r["what"].Text())).ToHashSet();
        (string, string)[] expected =
        [
            ("leena", "POST /api/families"), ("leena", "GET /api/families"), ("leena", "GET /api/families/{familyId:guid}"),
            ("leena", "POST /api/families/{familyId:guid}/contacts"), ("leena", "GET /staff/console/family/{FamilyId:guid}"),
            ("leena", "GET /api/privacy/families/{familyId:guid}/copy"),
            (supervisorUser, "GET /api/staff/day"), (supervisorUser, "GET /staff/day"),
        ];
        Assert.Empty(expected.Except(seen));
        Assert.DoesNotContain(byFamily, r => UserOf(r!["staffId"].Text()) == colleague);
        Assert.All(byFamily, r => Assert.Equal(familyId.ToString(), r!["familyId"].Text()));
        // The log holds who and what, never the data.
        var text = byFamily.ToJsonString();
        Assert.All(f.Needles, n => Assert.DoesNotContain(n, text, StringComparison.OrdinalIgnoreCase));

        var bySecretary = await (await manager.GetAsync($"/api/privacy/reads?staffId={DemoUnitIds.Leena}")).JsonArray();
        Assert.Contains(bySecretary, r => r!["what"].Text() == "GET /api/staff/call-backs");
        Assert.Contains(bySecretary, r => r!["what"].Text() == "GET /staff/call-backs");
        var byManager = (await (await manager.GetAsync($"/api/privacy/reads?staffId={DemoUnitIds.Pekka}")).JsonArray()).Select(r => r!["what"].Text()).ToHashSet();
        Assert.Superset(new HashSet<string> { "GET /api/evenings/{id:guid}/roster", "GET /api/evenings/{id:guid}/roster.csv", "GET /staff/evenings/{Id:guid}" },
            byManager);

        // Only the manager lists; a list needs a family or a staff member.
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/api/privacy/reads?familyId={familyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/privacy/reads")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/privacy/reads?familyId=not-a-guid")).StatusCode);
    }

    private static string UserOf(string staffId) => DemoUnit.SignIns.Single(s => s.Staff == Guid.Parse(staffId)).User;
}
