// Erase now, a copy of the data held, and who looked, through HTTP against a real PostgreSQL. "Now" is Monday
// 2026-04-20 09:00 in Helsinki.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Booking.Api.Tests.Appointments;
using Booking.Domain.Appointments;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Booking.Api.Tests.Privacy;

public sealed class PrivacyApiApp : BookingApp
{
    /// <summary>The manage link's token of an appointment, as the parent has it from their email.</summary>
    public async Task<string> ManageToken(Guid appointmentId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select sealed_token from manage_tokens where appointment_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = appointmentId });
        var sealedToken = (string)(await command.ExecuteScalarAsync())!;
        return Factory.Services.GetRequiredService<IManageTokenIssuer>().Unseal(sealedToken)!;
    }
}

public sealed class PrivacyApiTests(PrivacyApiApp app) : IClassFixture<PrivacyApiApp>
{
    [Fact]
    public async Task Erase_now_is_refused_while_a_meeting_is_still_to_come_and_succeeds_after_it_is_cancelled()
    {
        var f = TestFamily.Distinct("Erasable");
        var secretary = await app.SignIn("leena");
        var family = await secretary.FirstContact(f);
        var familyId = Guid.Parse(family["familyId"].Text());
        var booked = await (await secretary.BookForFamily(familyId, PrivacyTestData.Mother(family), "2026-04-23T13:00", f)).Json();
        var appointmentId = Guid.Parse(booked["meetings"]![0]!["appointmentId"].Text());

        var plan = await (await secretary.GetAsync($"/api/privacy/families/{familyId}/erasure")).Json();
        Assert.False(plan["mayErase"]!.GetValue<bool>());
        Assert.Equal(appointmentId.ToString(), plan["futureMeetings"]![0]!["appointmentId"].Text());
        Assert.Equal(f.Name, plan["parents"]![0]!["name"].Text());
        var events = await app.CountEvents();
        var erasures = await app.CountEvents("family_personal_data_erased");

        var refused = await secretary.PostAsJsonAsync($"/api/privacy/families/{familyId}/erase", new { reason = "parentAsked" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("future_meeting", (await refused.Json())["code"].Text());
        Assert.Equal(events, await app.CountEvents());
        Assert.NotEmpty(await app.Search(f.Name));

        // The parent cancels from their link; then the manager erases (a secretary may too).
        var token = await app.ManageToken(appointmentId);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsync($"/api/bookings/{token}/cancel", null)).StatusCode);
        var manager = await app.SignIn("pekka");
        var erased = await manager.PostAsJsonAsync($"/api/privacy/families/{familyId}/erase", new { reason = "parentAsked" });

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var answer = await erased.Json();
        Assert.Equal(("parentAsked", "1", "1"), (answer["reason"].Text(), answer["parents"].Text(), answer["meetings"].Text()));
        Assert.Equal(1, await app.CountEvents("family_personal_data_erased") - erasures);
        await app.Settled();
        Assert.Empty(await app.Search(f.Needles));
        // The family is still there, without names; the link no longer opens anything.
        var after = await (await secretary.GetAsync($"/api/families/{familyId}")).Json();
        Assert.Equal("", after["parents"]![0]!["name"].Text());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/bookings/{token}")).StatusCode);
    }

    [Fact]
    public async Task Twenty_simultaneous_erasures_of_one_family_all_answer_the_same_erasure_and_record_it_once()
    {
        var f = TestFamily.Distinct("Twice");
        var secretary = await app.SignIn("leena");
        var familyId = Guid.Parse((await secretary.FirstContact(f))["familyId"].Text());
        var erasures = await app.CountEvents("family_personal_data_erased");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await secretary.PostAsJsonAsync($"/api/privacy/families/{familyId}/erase", new { reason = "parentAsked" });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        // A request that lost every retry to the others may answer 409 busy; none may record a second erasure.
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{a.StatusCode}: {a.Body}"));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers.Where(a => a.StatusCode == HttpStatusCode.OK).Select(a => a.Body).Distinct());
        Assert.Equal(1, await app.CountEvents("family_personal_data_erased") - erasures);

        // Once more, later: the same answer, still one record.
        var again = await secretary.PostAsJsonAsync($"/api/privacy/families/{familyId}/erase", new { reason = "notNeeded" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("parentAsked", (await again.Json())["reason"].Text());
        Assert.Equal(1, await app.CountEvents("family_personal_data_erased") - erasures);
    }

    [Fact]
    public async Task An_online_booking_without_a_family_is_erased_now_after_its_meeting_is_cancelled_and_a_familys_booking_is_sent_to_its_family()
    {
        var f = TestFamily.Distinct("Onlineonly");
        var booked = await (await app.CreateClient().Book(BookingClient.Request("2026-04-27T09:00", name: f.Name, email: f.Email, phone: f.Phone,
            otherParentEmail: "other." + f.Email))).Json();
        var appointmentId = Guid.Parse(booked["appointmentId"].Text());
        var token = booked["manageToken"].Text();
        var secretary = await app.SignIn("leena");
        var url = $"/api/privacy/bookings/{appointmentId}";

        var plan = await (await secretary.GetAsync($"{url}/erasure")).Json();
        Assert.False(plan["mayErase"]!.GetValue<bool>());
        Assert.Equal(f.Name, plan["parents"]![0]!["name"].Text());
        Assert.Equal(2, plan["parents"]!.AsArray().Count);
        var copy = await secretary.GetAsync($"{url}/copy");
        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        Assert.Contains(f.Email, await copy.Content.ReadAsStringAsync());
        var events = await app.CountEvents();
        var refused = await secretary.PostAsJsonAsync($"{url}/erase", new { reason = "parentAsked" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("future_meeting", (await refused.Json())["code"].Text());
        foreach (var body in new object[] { new { reason = "parentAsked,other" }, new { reason = 1 }, new { } })
            Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync($"{url}/erase", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("aino")).PostAsJsonAsync($"{url}/erase", new { reason = "parentAsked" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync($"/api/privacy/bookings/{Guid.NewGuid()}/erase", new { reason = "parentAsked" })).StatusCode);
        Assert.Equal(events, await app.CountEvents());
        var page = await secretary.GetAsync($"/staff/privacy/booking/{appointmentId}?lang=fi");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Varauksen tiedot: kopio ja poisto", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsync($"/api/bookings/{token}/cancel", null)).StatusCode);
        var erased = await secretary.PostAsJsonAsync($"{url}/erase", new { reason = "parentAsked" });

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(("parentAsked", "2"), ((await erased.Json())["reason"].Text(), (await erased.Json())["people"].Text()));
        Assert.Equal(1, await app.CountEvents("booking_personal_data_erased"));
        await app.Settled();
        Assert.Empty(await app.Search(f.Needles));
        Assert.Empty(await app.Search("other." + f.Email));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/bookings/{token}")).StatusCode);

        // A booking the secretary made for a family is erased with the family.
        var g = TestFamily.Distinct("Familybooking");
        var family = await secretary.FirstContact(g);
        var central = await (await secretary.BookForFamily(Guid.Parse(family["familyId"].Text()), PrivacyTestData.Mother(family), "2026-04-28T13:00", g)).Json();
        var familyMeeting = central["meetings"]![0]!["appointmentId"].Text();
        var familyPlan = await (await secretary.GetAsync($"/api/privacy/bookings/{familyMeeting}/erasure")).Json();
        Assert.Equal(family["familyId"].Text(), familyPlan["familyId"].Text());
        var sent = await secretary.PostAsJsonAsync($"/api/privacy/bookings/{familyMeeting}/erase", new { reason = "parentAsked" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.StatusCode);
        Assert.Equal("part_of_family", (await sent.Json())["code"].Text());
        Assert.Contains(await app.Search(g.Name), t => t.StartsWith("public.client_contacts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erase_now_refuses_a_bad_reason_an_unknown_family_and_the_wrong_roles()
    {
        var secretary = await app.SignIn("leena");
        var family = await secretary.FirstContact(TestFamily.Distinct("Refusals"));
        var erasures = await app.CountEvents("family_personal_data_erased");
        var url = $"/api/privacy/families/{family["familyId"].Text()}/erase";

        foreach (var body in new object[] { new { reason = "because" }, new { reason = 5 }, new { } })
        {
            var bad = await secretary.PostAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Json())["errors"]!.AsObject().ContainsKey("reason"));
        }
        var unknown = await secretary.PostAsJsonAsync($"/api/privacy/families/{Guid.NewGuid()}/erase", new { reason = "parentAsked" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("family_not_found", (await unknown.Json())["code"].Text());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("aino")).PostAsJsonAsync(url, new { reason = "parentAsked" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync(url, new { reason = "parentAsked" })).StatusCode);
        Assert.Equal(erasures, await app.CountEvents("family_personal_data_erased"));
    }

    [Fact]
    public async Task A_copy_holds_exactly_the_familys_data_and_nothing_of_anothers()
    {
        var mine = TestFamily.Distinct("Mine");
        var theirs = TestFamily.Distinct("Theirs");
        var parent = app.CreateClient();
        var myBooking = await (await parent.Book(BookingClient.Request("2026-04-22T09:00", name: mine.Name, email: mine.Email, phone: mine.Phone))).Json();
        Assert.Equal(HttpStatusCode.Created, (await parent.Book(BookingClient.Request("2026-04-22T10:00", name: theirs.Name, email: theirs.Email,
            phone: "+358 50 111 2222"))).StatusCode);
        var secretary = await app.SignIn("leena");
        var family = await secretary.FirstContact(mine with { Email = "family." + mine.Email });
        var familyId = Guid.Parse(family["familyId"].Text());
        Assert.Equal(HttpStatusCode.Created, (await secretary.BookForFamily(familyId, PrivacyTestData.Mother(family), "2026-04-23T14:00", mine)).StatusCode);
        var other = await secretary.FirstContact(theirs with { Phone = "+358 50 333 4444" });
        Assert.Equal(HttpStatusCode.Created,
            (await secretary.BookForFamily(Guid.Parse(other["familyId"].Text()), PrivacyTestData.Mother(other), "2026-04-23T14:30", theirs)).StatusCode);
        await app.Settled();

        // The parent's copy from the manage link.
        var token = myBooking["manageToken"].Text();
        var download = await parent.GetAsync($"/api/bookings/{token}/copy");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var text = await download.Content.ReadAsStringAsync();
        var copy = JsonNode.Parse(text)!.AsObject();
        var person = copy["people"]!.AsArray().Single()!;
        Assert.Equal((mine.Name, mine.Email, mine.Phone), (person["name"].Text(), person["email"].Text(), person["phone"].Text()));
        Assert.Equal(myBooking["appointmentId"].Text(), copy["meetings"]!.AsArray().Single()!["appointmentId"].Text());
        Assert.Contains(copy["emails"]!.AsArray(), e => e!["kind"].Text() == "confirmation" && e["status"].Text() == "sent");
        Assert.All(theirs.Needles, n => Assert.DoesNotContain(n, text, StringComparison.OrdinalIgnoreCase));

        // Staff's copy for the family.
        var familyCopy = await secretary.GetAsync($"/api/privacy/families/{familyId}/copy");
        Assert.Equal(HttpStatusCode.OK, familyCopy.StatusCode);
        var familyText = await familyCopy.Content.ReadAsStringAsync();
        var staffCopy = JsonNode.Parse(familyText)!.AsObject();
        Assert.Equal("family." + mine.Email, staffCopy["people"]!.AsArray().Single()!["email"].Text());
        var meeting = staffCopy["meetings"]!.AsArray().Single()!;
        Assert.Equal((mine.VideoLink, mine.Note), (meeting["videoLink"].Text(), meeting["preparationNote"].Text()));
        Assert.All(theirs.Needles, n => Assert.DoesNotContain(n, familyText, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(myBooking["appointmentId"].Text(), familyText);

        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/api/bookings/{new string('A', 43)}/copy")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("aino")).GetAsync($"/api/privacy/families/{familyId}/copy")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/privacy/families/{Guid.NewGuid()}/copy")).StatusCode);
    }

    [Fact]
    public async Task A_manage_link_is_no_longer_valid_30_days_after_the_meeting()
    {
        var booking = await (await app.CreateClient().Book(BookingClient.Request("2026-04-24T09:00", email: "expiring@example.fi"))).Json();
        var token = booking["manageToken"].Text();
        using var later = new PrivacyClock(app, NodaTime.Instant.FromUtc(2026, 5, 24, 5, 0));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/api/bookings/{token}")).StatusCode);

        later.Set(NodaTime.Instant.FromUtc(2026, 5, 24, 7, 0));
        var gone = await app.CreateClient().GetAsync($"/api/bookings/{token}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("link_expired", (await gone.Json())["code"].Text());
        Assert.Equal(HttpStatusCode.Gone, (await app.CreateClient().GetAsync($"/api/bookings/{token}/copy")).StatusCode);
        // The pages say so in the parent's language.
        foreach (var (lang, words) in new[] { ("fi", "Linkki ei ole enää voimassa"), ("sv", "Länken gäller inte längre"), ("en", "This link is no longer valid") })
        {
            var page = await app.CreateClient().GetAsync($"/booking/{token}?lang={lang}");
            Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
            Assert.Contains(words, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        }
        Assert.Equal(HttpStatusCode.Gone, (await app.CreateClient().GetAsync($"/booking/{token}/copy")).StatusCode);
        // Every door of the link says the same: cancelling or moving through it, and the move pages.
        Assert.Equal(HttpStatusCode.Gone, (await app.CreateClient().PostAsync($"/api/bookings/{token}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await app.CreateClient().PostAsJsonAsync($"/api/bookings/{token}/move", new { start = "2026-06-02T09:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await app.CreateClient().GetAsync($"/booking/{token}/move")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await app.CreateClient().GetAsync($"/booking/{token}/move/confirm?start=2026-06-02T09:00")).StatusCode);
        // A link that never existed is still "not found".
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().PostAsync("/api/bookings/no-such-link-at-all/cancel", null)).StatusCode);
    }
}

/// <summary>Moves the fixture's clock for one test and puts it back, so the other tests of the class keep their "now".</summary>
public sealed class PrivacyClock : IDisposable
{
    private readonly BookingApp app;
    private readonly NodaTime.Instant before;

    public PrivacyClock(BookingApp app, NodaTime.Instant at)
    {
        this.app = app;
        before = app.Clock.GetCurrentInstant();
        app.Clock.Reset(at);
    }

    public void Set(NodaTime.Instant at) => app.Clock.Reset(at);

    public void Dispose() => app.Clock.Reset(before);
}
