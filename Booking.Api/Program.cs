using JasperFx;
using Booking.Api.Appointments;
using Booking.Api.CallBacks;
using Booking.Api.Configuration;
using Booking.Api.Errors;
using Booking.Api.Hosting;
using Booking.Api.InfoEvenings;
using Booking.Api.Legal;
using Booking.Api.Live;
using Booking.Api.Notifications;
using Booking.Api.Privacy;
using Booking.Api.Secretary;
using Booking.Api.Staff;
using Booking.Api.WalkIn;

var builder = WebApplication.CreateBuilder(args);
// The pages' stylesheet comes from the Kiosk library: serve it in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();
var connectionString = await builder.AddBookingDatabase();

var store = builder.AddBookingHost(connectionString);
builder.Services.AddUnitConfiguration();
builder.Services.AddAppointments(store);
builder.Services.AddStaffAccounts();
builder.Services.AddWalkIn();
builder.Services.AddInfoEvenings(store);
builder.Services.AddCallBacks(store);
builder.Services.AddNotifications(store, builder.Configuration);
builder.Services.AddSecretaryConsole(store);
builder.Services.AddAccessibilityFeedback();
builder.Services.AddPrivacy(store, builder.Configuration);

var app = builder.Build();
// With a command (`db-apply`, `projections rebuild -p NAME`, `help`: Marten's command line) the service does that and stops;
// without one it prepares the database and serves.
var command = args.Length > 0 && !args[0].StartsWith('-');
if (!command) await app.PrepareDatabase();

app.UseBookingHost();
app.MapHealthApi();
app.MapStaffApi();
app.MapConfigurationApi();
app.MapAppointmentsApi();
app.MapWalkInApi();
app.MapInfoEveningsApi();
app.MapCallBacksApi();
app.MapLiveApi();
app.MapNotificationsApi();
app.MapSecretaryApi();
app.MapSupervisorDayApi();
app.MapAccessibilityFeedbackApi();
app.MapPrivacyApi();
app.MapBookingPages();

if (command) return await app.RunJasperFxCommands(args);
await app.RunAsync();
return 0;

public partial class Program;
