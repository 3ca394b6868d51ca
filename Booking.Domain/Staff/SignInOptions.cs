// Which sign-in doors the unit has open: passwords (on unless switched off) and the municipality's single sign-on (on when
// configured). Both the API and the sign-in page read it.
namespace Booking.Domain.Staff;

public sealed record SignInOptions(bool PasswordsEnabled, bool SingleSignOn);
