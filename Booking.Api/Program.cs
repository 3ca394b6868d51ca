using JasperFx;
using Booking.Api.Absences;
using Booking.Api.Appointments;
using Booking.Api.CallBacks;
using Booking.Api.Configuration;
using Booking.Api.Errors;
using Booking.Api.Feedback;
using Booking.Api.Figures;
using Booking.Api.Hosting;
using Booking.Api.InfoEvenings;
using Booking.Api.Legal;
using Booking.Api.Live;
using Booking.Api.Notifications;
using Booking.Api.Privacy;
using Booking.Api.Secretary;
using Booking.Api.Staff;
using Booking.Api.StaffMeetings;
using Booking.Api.WalkIn;

var builder = WebApplication.CreateBuilder(args);
// The pages' stylesheet comes from the Kiosk library: serve it in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();
var connectionString = await builder.AddBookingDatabase();

var store = builder.AddBookingHost(connectionString);
builder.Services.AddUnitConfiguration();
builder.Services.AddAppointments(store);
builder.Services.AddStaffAccounts(store, builder.Configuration);
builder.Services.AddSingleSignOn(builder.Configuration);
builder.Services.AddWalkIn();
builder.Services.AddInfoEvenings(store);
builder.Services.AddCallBacks(store);
builder.Services.AddNotifications(store, builder.Configuration);
builder.Services.AddSecretaryConsole(store);
builder.Services.AddStaffMeetings(store);
builder.Services.AddVideoLinks();
builder.Services.AddAbsences(store);
builder.Services.AddFigures(store);
builder.Services.AddFeedback(store);
builder.Services.AddAccessibilityFeedback();
// Last: it wraps the contact readers the features above registered, so every staff read is logged.
builder.Services.AddPrivacy(store, builder.Configuration);

var app = builder.Build();
// With a command (`db-apply`, `projections rebuild -p NAME`, `help`: Marten's command line) the service does that and stops;
// without one it prepares the database and serves.
var command = args.Length > 0 && !args[0].StartsWith('-');
if (args is [FirstManager.CommandName, ..])
{
    await app.PrepareDatabase();
    return await FirstManager.RunCommand(app.Services, args, Console.In, Console.Out);
}
if (!command) await app.PrepareDatabase();
if (!command) await app.Services.GetRequiredService<FirstManager>().OnStart(app.Configuration, CancellationToken.None);

app.UseBookingHost();
app.MapHealthApi();
app.MapStaffApi();
app.MapStaffAccountsApi();
app.MapSingleSignOn();
app.MapConfigurationApi();
app.MapAppointmentsApi();
app.MapBookingCalendarApi();
app.MapWalkInApi();
app.MapInfoEveningsApi();
app.MapCallBacksApi();
app.MapLiveApi();
app.MapNotificationsApi();
app.MapSecretaryApi();
app.MapSupervisorDayApi();
app.MapAccessibilityFeedbackApi();
app.MapPrivacyApi();
app.MapStaffMeetingsApi();
app.MapVideoLinkApi();
app.MapAbsencesApi();
app.MapFiguresApi();
app.MapFeedbackApi();
app.MapBookingPages();

if (command) return await app.RunJasperFxCommands(args);
await app.RunAsync();
return 0;

public partial class Program;
