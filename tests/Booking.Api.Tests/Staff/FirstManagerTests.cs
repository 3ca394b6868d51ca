// A unit that starts with no demo: the first-manager command (run as the operator runs it, `dotnet Booking.Api.dll
// create-manager`, against the service's database) opens a manager, who signs in, configures the unit from nothing
// and opens a supervisor's account; then a parent books online and the supervisor sees the booking.
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Booking.Api.Json;
using Booking.Api.Tests.Appointments;
using Booking.Domain.Configuration;
using Booking.Testing;
using Microsoft.AspNetCore.Hosting;
using NodaTime;
using Xunit;

namespace Booking.Api.Tests.Staff;

public sealed class FirstManagerTests(FirstManagerTests.App app) : IClassFixture<FirstManagerTests.App>
{
    public sealed class App : BookingApp
    {
        protected override void ConfigureHost(IWebHostBuilder host) => host.UseSetting("Demo:Seed", "false");
    }

    private async Task<(int ExitCode, string Output)> CreateManager(string password, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Booking.Api.dll"));
        start.ArgumentList.Add("create-manager");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__Booking"] = app.ConnectionString;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("BOOKING_MANAGER_PASSWORD");
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task With_no_demo_the_first_manager_command_lets_the_manager_configure_the_unit_and_a_parent_books()
    {
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/staff/sign-in", new { userName = "pekka", password = "pekka-demo-2026" })).StatusCode);

        var weak = await CreateManager("short", "--email", "esihenkilo@kunta.fi", "--name", "Eeva Esihenkilö");
        Assert.True(weak.ExitCode == 2, weak.Output);
        Assert.Contains("password", weak.Output);

        var created = await CreateManager("pitkä ja vahva salasana", "--email", "Esihenkilo@kunta.fi", "--name", "Eeva Esihenkilö");
        Assert.True(created.ExitCode == 0, created.Output);
        var second = await CreateManager("toinen pitkä salasana", "--email", "toinen@kunta.fi", "--name", "Toinen");
        Assert.True(second.ExitCode == 3, second.Output);

        var manager = app.CreateClient();
        var signIn = await manager.PostAsJsonAsync("/api/staff/sign-in", new { userName = "esihenkilo@kunta.fi", password = "pitkä ja vahva salasana" });
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        manager.DefaultRequestHeaders.Add("Cookie", signIn.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
        var me = await (await manager.GetAsync("/api/staff/me")).Json();
        Assert.Equal(("Eeva Esihenkilö", "manager"), ((string)me["name"]!, (string)me["role"]!));

        // The configuration the command left: only the manager. The manager adds a supervisor, a kind of meeting and hours.
        var read = await manager.GetAsync("/api/config");
        var config = (await read.Content.ReadFromJsonAsync<UnitConfiguration>(BookingJson.Options))!;
        Assert.Equal("Eeva Esihenkilö", Assert.Single(config.Staff).DisplayName);
        var supervisor = Guid.NewGuid();
        var configured = config with
        {
            Name = "Perheoikeudelliset palvelut",
            Staff = [.. config.Staff, new StaffMember(supervisor, "Sanna Valvoja", StaffRole.ChildSupervisor)],
            AppointmentTypes = [new AppointmentType("advice", new LocalizedText("Neuvonta", "Rådgivning", "Advice"), Duration.FromMinutes(30),
                [Modality.InPerson, Modality.Phone], true, Duration.Zero)],
            Hours = [new WeeklyHours(supervisor, IsoDayOfWeek.Tuesday, new LocalTime(9, 0), new LocalTime(12, 0))],
        };
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/api/config") { Content = JsonContent.Create(configured, options: BookingJson.Options) })
        {
            put.Headers.IfMatch.Add(read.Headers.ETag!);
            var saved = await manager.SendAsync(put);
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }
        var opened = await manager.PostAsJsonAsync("/api/staff/accounts",
            new { staffId = supervisor, userName = "sanna", role = "supervisor", password = "sannan oma salasana" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);

        var booked = await anonymous.PostAsJsonAsync("/api/bookings", new
        {
            appointmentType = "advice", modality = "phone", start = "2026-04-21T10:00",
            client = new { name = "Kalle Testinen", email = "kalle@example.fi", phone = "0401234567", language = "fi" },
        });
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());

        var sanna = app.CreateClient();
        var sannaIn = await sanna.PostAsJsonAsync("/api/staff/sign-in", new { userName = "sanna", password = "sannan oma salasana" });
        Assert.Equal(HttpStatusCode.NoContent, sannaIn.StatusCode);
        sanna.DefaultRequestHeaders.Add("Cookie", sannaIn.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
        var bookings = await (await sanna.GetAsync("/api/staff/bookings?from=2026-04-21&to=2026-04-21")).JsonArray();
        Assert.Equal("Sanna Valvoja", (string)Assert.Single(bookings)!["staffName"]!);
        Assert.Equal(2, await app.CountEvents("staff_account_opened"));
    }
}
