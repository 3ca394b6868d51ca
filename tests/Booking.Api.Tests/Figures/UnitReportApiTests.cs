// The unit report on real PostgreSQL and Marten's async daemon: three months of a busy unit, generated; the report the
// manager downloads equals a count made straight from the events (and the generator's own tally), a rebuild gives the
// same report, and the CSV opens in a CSV parser with the right columns.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Booking.Api.Configuration;
using Booking.Api.Figures;
using Booking.Api.Json;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using Booking.Domain.Figures;
using Booking.Domain.InfoEvenings;
using Booking.Domain.WalkIn;
using Booking.Testing;
using Sylvan.Data.Csv;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.Figures;

public sealed class UnitReportApiTests(BookingApp app) : IClassFixture<BookingApp>
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
    private static readonly LocalDate From = new(2026, 8, 1), To = new(2026, 10, 31);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Web = WebJson();

    private Guid Unit => DemoUnitIds.Unit;

    [Fact]
    public async Task Three_busy_months_give_the_report_counted_straight_from_the_events_also_after_a_rebuild_and_as_CSV()
    {
        var tally = await new History(new Random(2026)).Write(app.Factory.Services.GetRequiredService<IEventStore>(), Unit);
        Assert.True(tally.Things >= 2000, $"only {tally.Things} generated");
        await CaughtUp();
        var manager = await app.SignIn("pekka");

        var live = await Report(manager);
        var recount = await Recount();
        Assert.True(JsonNode.DeepEquals(recount, live), "The report differs from the count made straight from the events.");

        // The generator's own tally, independent of the report's code.
        var total = live["total"]!;
        Assert.Equal(tally.Booked, (int)total["meetings"]!["all"]!["booked"]!);
        Assert.Equal(tally.Held, (int)total["meetings"]!["all"]!["held"]!);
        Assert.Equal(tally.NoShow, (int)total["meetings"]!["all"]!["noShow"]!);
        Assert.Equal(tally.Cancelled, (int)total["meetings"]!["all"]!["cancelled"]!);
        Assert.Equal(tally.Issued, (int)total["walkIn"]!["issued"]!);
        Assert.Equal(tally.CallBacks, (int)total["callBacks"]!["reserved"]!);
        Assert.Equal(tally.Registrations, (int)total["evenings"]!["registrations"]!);
        Assert.Equal(3, live["months"]!.AsArray().Count);

        var daemon = app.Factory.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync(UnitReportFacts.ProjectionName, CancellationToken.None);
        await CaughtUp();
        Assert.True(JsonNode.DeepEquals(live, await Report(manager)), "The rebuilt report differs from the live one.");

        // A database whose facts an earlier version kept without the sums: the next start-up sums them, once.
        await using (var connection = new Npgsql.NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var forget = new Npgsql.NpgsqlCommand(
                "delete from unit_report_sums; delete from unit_report_month_sums; delete from unit_report_families", connection);
            await forget.ExecuteNonQueryAsync();
        }
        Assert.NotEqual(live["total"]!.ToJsonString(), (await Report(manager))["total"]!.ToJsonString());
        await using (var upgraded = app.NewInstance())
        {
            upgraded.CreateClient().Dispose();
            Assert.True(JsonNode.DeepEquals(live, await Report(manager)), "The sums filled at start-up differ from the live report.");
            Assert.Equal(0, await upgraded.Services.GetRequiredService<UnitReportFacts>().FillMissingSums(CancellationToken.None));
        }

        var csv = await manager.GetAsync($"/api/figures/report.csv?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        // A CSV parser as a spreadsheet reads the file: the byte-order mark, semicolons, quoted cells.
        using var parser = CsvDataReader.Create(new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true),
            new CsvDataReaderOptions { Delimiter = ';', HasHeaders = true });
        Assert.Equal(["period_from", "period_to", "section", "figure", "group", "value"],
            Enumerable.Range(0, parser.FieldCount).Select(parser.GetName));
        var rows = new List<Dictionary<string, string>>();
        while (await parser.ReadAsync())
        {
            Assert.Equal(6, parser.RowFieldCount);
            rows.Add(Enumerable.Range(0, 6).ToDictionary(parser.GetName, parser.GetString));
        }
        var booked = rows.Single(r => r["period_from"] == "2026-08-01" && r["period_to"] == "2026-10-31"
            && r["section"] == "meetings" && r["figure"] == "booked" && r["group"] == "all");
        Assert.Equal(tally.Booked.ToString(CultureInfo.InvariantCulture), booked["value"]);
        var octoberHeld = rows.Single(r => r["period_from"] == "2026-10-01" && r["section"] == "meetings"
            && r["figure"] == "held" && r["group"] == "all");
        Assert.Equal(live["months"]![2]!["meetings"]!["all"]!["held"]!.ToString(), octoberHeld["value"]);
    }

    [Fact]
    public async Task The_meetings_own_supervisor_records_outcomes_of_a_held_meeting_and_the_report_counts_them()
    {
        var held = Guid.NewGuid();
        var notHeld = Guid.NewGuid();
        var start = new LocalDateTime(2026, 3, 10, 9, 0).InZoneStrictly(Helsinki).ToInstant();
        await using (var session = app.Factory.Services.GetRequiredService<IEventStore>().OpenSession(Unit, "test"))
        {
            foreach (var id in new[] { held, notHeld })
                session.Append($"appointment-{id:N}", "appointment", 0, [
                    new AppointmentBooked(id, Guid.NewGuid(), "advice", Modality.InPerson, start, start.Plus(Duration.FromMinutes(30)),
                        start.Plus(Duration.FromMinutes(40)), DemoUnitIds.Aino, BookingChannel.Online, "client", start.Minus(Duration.FromDays(3))),
                    .. id == held ? new object[] { new AppointmentCompleted(id, "staff:aino", start.Plus(Duration.FromMinutes(30))) } : []]);
            await session.SaveChangesAsync();
        }
        var aino = await app.SignIn("aino");
        var mikael = await app.SignIn("mikael");

        var bad = await aino.PostAsJsonAsync($"/api/staff/appointments/{held}/outcomes", new { outcomes = new[] { "custodyAgreement", "divorce" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("outcomes", await bad.Content.ReadAsStringAsync());
        var wrongType = await aino.PostAsync($"/api/staff/appointments/{held}/outcomes",
            new StringContent("{\"outcomes\": \"custodyAgreement\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mikael.PostAsJsonAsync($"/api/staff/appointments/{held}/outcomes",
            new { outcomes = new[] { "custodyAgreement" } })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await aino.PostAsJsonAsync($"/api/staff/appointments/{notHeld}/outcomes",
            new { outcomes = new[] { "custodyAgreement" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await aino.PostAsJsonAsync($"/api/staff/appointments/{Guid.NewGuid()}/outcomes",
            new { outcomes = new[] { "custodyAgreement" } })).StatusCode);
        Assert.Equal(0, await app.CountEvents("meeting_outcomes_recorded"));

        var ok = await aino.PostAsJsonAsync($"/api/staff/appointments/{held}/outcomes", new { outcomes = new[] { "residenceAgreement", "custodyAgreement" } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await aino.PostAsJsonAsync($"/api/staff/appointments/{held}/outcomes",
            new { outcomes = new[] { "custodyAgreement", "residenceAgreement" } })).StatusCode);
        Assert.Equal(1, await app.CountEvents("meeting_outcomes_recorded"));

        await CaughtUp();
        var report = await (await app.SignIn("pekka")).GetFromJsonAsync<JsonNode>("/api/figures/report?month=2026-03");
        var outcomes = report!["total"]!["outcomes"]!;
        Assert.Equal(1, (int)outcomes["meetingsWithOutcome"]!);
        Assert.Equal(1, (int)outcomes["byCategory"]!["custodyAgreement"]!);
        Assert.Equal(1, (int)outcomes["byCategory"]!["residenceAgreement"]!);
        Assert.Equal(0, (int)outcomes["byCategory"]!["maintenanceAgreement"]!);
    }

    [Theory]
    [InlineData("month=2026-13", "month")]
    [InlineData("month=October", "month")]
    [InlineData("month=2026-10&from=2026-10-01", "month")]
    [InlineData("from=2026-10-01", "to")]
    [InlineData("from=2026-10-31&to=2026-10-01", "to")]
    [InlineData("from=2025-01-01&to=2026-10-01", "to")]
    [InlineData("from=yesterday&to=2026-10-01", "from")]
    public async Task A_range_the_report_cannot_cover_is_a_400_naming_the_field(string query, string field)
    {
        var manager = await app.SignIn("pekka");
        foreach (var path in new[] { "/api/figures/report", "/api/figures/report.csv" })
        {
            var response = await manager.GetAsync($"{path}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonNode>();
            Assert.Equal(field, (string?)problem!["field"]);
        }
    }

    [Fact]
    public async Task Only_the_manager_reads_the_report()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/figures/report")).StatusCode);
        foreach (var user in new[] { "leena", "aino" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn(user)).GetAsync("/api/figures/report.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignIn("pekka")).GetAsync("/api/figures/report")).StatusCode);
    }

    private Task CaughtUp() => app.Factory.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(Deadline);

    private static async Task<JsonNode> Report(HttpClient manager)
    {
        var response = await manager.GetAsync($"/api/figures/report?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    /// <summary>The report computed from every event of the unit read straight from Marten's event table.</summary>
    private async Task<JsonNode> Recount()
    {
        var store = app.Factory.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession(Unit.ToString());
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        var config = await app.Factory.Services.GetRequiredService<IUnitConfigurationSource>().Current(Unit);
        var report = UnitReport.Compute(ReportFacts.Fold(events.Select(e => (e.StreamKey!, e.Data))).Values, From, To, Helsinki,
            (f, t) => CallBackSlots.Between(config, f, t).Count);
        return JsonSerializer.SerializeToNode(report, Web)!;
    }

    private static JsonSerializerOptions WebJson()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        BookingJson.Configure(o);
        return o;
    }

    private sealed record Tally(int Things, int Booked, int Held, int NoShow, int Cancelled, int Issued, int CallBacks, int Registrations);

    /// <summary>A unit's life from mid-July to mid-November: families, meetings, walk-in Thursdays, call-backs, evenings. The
    /// tally counts what falls in August to October, as a person would with the list in hand.</summary>
    private sealed class History(Random random)
    {
        private readonly Dictionary<string, (string Type, List<object> Events)> streams = new();
        private readonly Guid[] supervisors = [DemoUnitIds.Aino, DemoUnitIds.Mikael, DemoUnitIds.Satu, DemoUnitIds.Johanna];
        private static readonly LocalDate First = new(2026, 7, 15), Last = new(2026, 11, 15);
        private int things, booked, held, noShow, cancelled, issued, callBacks, registrations;

        private void Add(string stream, string type, object e)
        {
            if (!streams.TryGetValue(stream, out var s)) streams[stream] = s = (type, []);
            s.Events.Add(e);
        }

        private static bool InRange(LocalDate date) => date >= From && date <= To;
        private static Instant At(LocalDate date, int minuteOfDay) => date.At(LocalTime.Midnight.PlusMinutes(minuteOfDay)).InZoneLeniently(Helsinki).ToInstant();
        private LocalDate AnyDay() => First.PlusDays(random.Next(Period.Between(First, Last, PeriodUnits.Days).Days + 1));
        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        public async Task<Tally> Write(IEventStore store, Guid unit)
        {
            // Families the secretary logged; their parents reserve call-backs and get meetings, with or without the family on them.
            var parents = new List<(Guid Family, Guid Client)>();
            for (var f = 0; f < 150; f++)
            {
                var family = Guid.NewGuid();
                var client = Guid.NewGuid();
                var logged = At(AnyDay(), random.Next(24 * 60));
                Add($"family-{family:N}", "family", new ParentAdded(family, client, ParentRole.Mother, "secretary", logged));
                Add($"family-{family:N}", "family", new ContactLogged(family, ContactChannel.Phone, "advice", ParentRole.Mother, "secretary", logged));
                parents.Add((family, client));
                things++;
            }

            for (var m = 0; m < 1100; m++)
            {
                var id = Guid.NewGuid();
                var fromFamily = random.Next(4) == 0;
                var (family, client) = fromFamily ? Pick(parents) : (Guid.Empty, Guid.NewGuid());
                var day = AnyDay();
                var start = At(day, 8 * 60 + 30 * random.Next(22)); // 08:00 to 18:30: some evening hours
                var bookedAt = start.Minus(Duration.FromMinutes(random.Next(60, 30 * 24 * 60)));
                var supervisor = Pick(supervisors);
                Guid? partner = random.Next(7) == 0 ? supervisors.First(s => s != supervisor) : null;
                var stream = $"appointment-{id:N}";
                Add(stream, "appointment", new AppointmentBooked(id, client, Pick(["advice", "agreement", "paternity"]), Pick(Enum.GetValues<Modality>()),
                    start, start.Plus(Duration.FromMinutes(30)), start.Plus(Duration.FromMinutes(40)), supervisor, Pick(Enum.GetValues<BookingChannel>()),
                    "test", bookedAt, partner, fromFamily && random.Next(2) == 0 ? family : null));
                if (random.Next(10) == 0)
                {
                    day = day.PlusDays(random.Next(-5, 10));
                    start = At(day, 8 * 60 + 30 * random.Next(22));
                    Add(stream, "appointment", new AppointmentMoved(id, start, start.Plus(Duration.FromMinutes(30)), start.Plus(Duration.FromMinutes(40)),
                        supervisor, "test", bookedAt.Plus(Duration.FromMinutes(5))));
                }
                var fate = random.Next(100);
                object? end = fate switch
                {
                    < 60 => new AppointmentCompleted(id, "test", start.Plus(Duration.FromMinutes(30))),
                    < 70 => new AppointmentNoShow(id, "test", start.Plus(Duration.FromMinutes(10))),
                    < 85 => new AppointmentCancelled(id, "test", bookedAt.Plus(Duration.FromMinutes(30))),
                    _ => null,
                };
                if (end is not null) Add(stream, "appointment", end);
                if (end is AppointmentCompleted && random.Next(2) == 0)
                    Add(stream, "appointment", new MeetingOutcomesRecorded(id,
                        Enum.GetValues<ThlOutcome>().Where(_ => random.Next(4) == 0).ToList(), "test", start.Plus(Duration.FromMinutes(31))));
                things++;
                if (!InRange(day)) continue;
                booked++;
                if (end is AppointmentCompleted) held++;
                if (end is AppointmentNoShow) noShow++;
                if (end is AppointmentCancelled) cancelled++;
            }

            for (var thursday = new LocalDate(2026, 7, 16); thursday <= Last; thursday = thursday.PlusWeeks(1))
            {
                var stream = StreamIds.WalkInSession(thursday);
                var tickets = random.Next(15, 35);
                for (var n = 1; n <= tickets; n++)
                {
                    var at = At(thursday, 8 * 60 + 5 * n);
                    Add(stream, "walk_in_session", new TicketIssued(n, $"t{n}", WalkInMatter.Advice, Language.Fi, 0, Duration.Zero, at));
                    var fate = random.Next(20);
                    if (fate == 0) { Add(stream, "walk_in_session", new TicketWithdrawn(n, at.Plus(Duration.FromMinutes(3)))); continue; }
                    if (fate == 1) continue; // still waiting when the morning's events end
                    var called = at.Plus(Duration.FromMinutes(random.Next(0, 150)));
                    Add(stream, "walk_in_session", new TicketCalled(n, DemoUnitIds.Aino, "A1", called));
                    Add(stream, "walk_in_session", fate == 2
                        ? new TicketNoShow(n, DemoUnitIds.Aino, called.Plus(Duration.FromMinutes(5)))
                        : new VisitCompleted(n, DemoUnitIds.Aino, VisitOutcome.AdviceGiven, called.Plus(Duration.FromMinutes(25))));
                }
                for (var r = random.Next(0, 6); r > 0; r--)
                    Add(stream, "walk_in_session", new TicketRefused(WalkInMatter.Advice, Pick([RefusalReasons.QueueFull, RefusalReasons.StaffClosedIntake]),
                        Duration.FromHours(4), $"r{r}", At(thursday, 11 * 60 + r)));
                things += tickets;
                if (InRange(thursday)) issued += tickets;
            }

            for (var c = 0; c < 320; c++)
            {
                var id = Guid.NewGuid();
                var date = AnyDay();
                var stream = StreamIds.CallBackDay(date);
                var client = random.Next(3) == 0 ? Pick(parents).Client : Guid.NewGuid();
                var start = At(date, 13 * 60 + 15 * random.Next(8));
                Add(stream, "call_back_day", new CallBackReserved(id, client, Pick(supervisors), date, start, start.Plus(Duration.FromMinutes(15)),
                    WalkInMatter.Advice, Language.Sv, Pick(Enum.GetValues<CallBackChannel>()), "test", start.Minus(Duration.FromDays(random.Next(1, 20)))));
                switch (random.Next(6))
                {
                    case 0: Add(stream, "call_back_day", new CallBackCompleted(id, DemoUnitIds.Aino, start)); break;
                    case 1:
                        Add(stream, "call_back_day", new CallBackNotReached(id, DemoUnitIds.Aino, 1, false, start));
                        Add(stream, "call_back_day", new CallBackCompleted(id, DemoUnitIds.Aino, start.Plus(Duration.FromMinutes(30))));
                        break;
                    case 2:
                        Add(stream, "call_back_day", new CallBackNotReached(id, DemoUnitIds.Aino, 1, false, start));
                        Add(stream, "call_back_day", new CallBackNotReached(id, DemoUnitIds.Aino, 2, true, start.Plus(Duration.FromMinutes(30))));
                        break;
                    case 3: Add(stream, "call_back_day", new CallBackCancelled(id, "client:link", start.Minus(Duration.FromHours(5)))); break;
                }
                things++;
                if (InRange(date)) callBacks++;
            }

            for (var e = 0; e < 12; e++)
            {
                var id = Guid.NewGuid();
                var date = First.PlusDays(10 * e);
                var stream = StreamIds.Evening(id);
                var start = At(date, 17 * 60);
                Add(stream, "info_evening", new EveningScheduled(id, "Vanhempien eron ABC", "", start, start.Plus(Duration.FromHours(2)), "Sali", null,
                    Language.Fi, 20, [], start.Minus(Duration.FromDays(30)), start.Minus(Duration.FromDays(1)), "manager", start.Minus(Duration.FromDays(30))));
                var made = new List<(Guid Id, bool Waiting)>();
                var count = random.Next(10, 30);
                for (var r = 0; r < count; r++)
                {
                    var registration = Guid.NewGuid();
                    var at = start.Minus(Duration.FromHours(400 - r));
                    var waiting = made.Count(x => !x.Waiting) >= 20;
                    Add(stream, "info_evening", waiting
                        ? new Waitlisted(id, registration, Guid.NewGuid(), 1, at)
                        : new Registered(id, registration, Guid.NewGuid(), 1, at));
                    made.Add((registration, waiting));
                    if (r % 7 == 6)
                    {
                        var leaving = made.First(x => !x.Waiting);
                        Add(stream, "info_evening", new RegistrationCancelled(id, leaving.Id, at.Plus(Duration.FromMinutes(1))));
                        made.Remove(leaving);
                        if (made.FirstOrDefault(x => x.Waiting) is { Id: var promoted } && promoted != Guid.Empty)
                        {
                            Add(stream, "info_evening", new PromotedFromWaitlist(id, promoted, at.Plus(Duration.FromMinutes(1))));
                            made[made.FindIndex(x => x.Id == promoted)] = (promoted, false);
                        }
                    }
                }
                foreach (var seated in made.Where(x => !x.Waiting))
                    Add(stream, "info_evening", new AttendanceMarked(id, seated.Id, random.Next(5) > 0, "manager", start.Plus(Duration.FromHours(2))));
                things += count;
                if (InRange(date)) registrations += count;
            }

            foreach (var chunk in streams.Chunk(100))
            {
                await using var session = store.OpenSession(unit, "generator");
                foreach (var (id, (type, events)) in chunk) session.Append(id, type, 0, events);
                await session.SaveChangesAsync();
            }
            return new Tally(things, booked, held, noShow, cancelled, issued, callBacks, registrations);
        }
    }
}
