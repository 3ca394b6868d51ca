// Given account events / when a manager's command / then events or the rule that refused: accounts only for staff of the
// unit and never for partner professionals, a minimum password strength, nobody disables or demotes themselves, the
// unit keeps an enabled manager, and repeats write nothing.
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.Staff;
using NodaTime;

namespace Booking.Domain.Tests.Staff;

public class StaffAccountDeciderTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 4, 20, 6, 0);
    private static readonly Guid Manager = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Aino = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly StaffMember AinoMember = new(Aino, "Aino Virtanen", StaffRole.ChildSupervisor);
    private const string By = "staff:manager";

    private static StaffAccount Given(params StaffAccountEvent[] events) => StaffAccountDecider.Definition.Fold(StaffAccount.Initial, events);

    private static OpenStaffAccount Open(StaffMember? member = null, string role = StaffRoles.Supervisor, string? passwordProblem = null,
        bool taken = false, bool first = false) =>
        new(Aino, role, member ?? AinoMember, first, passwordProblem, taken, By, Now);

    private static DomainError Refused(Decision<StaffAccountEvent> decision)
    {
        Assert.True(decision.IsError, "the command should have been refused");
        return decision.Error!;
    }

    private static readonly StaffAccountOpened Opened = new(Aino, StaffRoles.Supervisor, By, Now);

    [Fact]
    public void Given_no_account_When_the_manager_opens_one_for_a_supervisor_of_the_unit_Then_it_is_opened_with_the_role_and_who_did_it()
    {
        var decision = StaffAccountDecider.Decide(Open(), StaffAccount.Initial);
        Assert.Equal([new StaffAccountOpened(Aino, StaffRoles.Supervisor, By, Now)], decision.Events);
    }

    [Fact]
    public void Given_a_partner_professional_When_an_account_is_opened_for_them_Then_it_is_refused_because_partners_do_not_sign_in()
    {
        var partner = new StaffMember(Aino, "Riikka Salo", StaffRole.PartnerProfessional, "Perheneuvola");
        Assert.Equal("partner_without_sign_in", Refused(StaffAccountDecider.Decide(Open(partner), StaffAccount.Initial)).Code);
    }

    [Fact]
    public void Given_an_id_that_is_not_a_staff_member_When_an_account_is_opened_Then_it_is_refused_unless_it_is_the_first_manager()
    {
        var unknown = Open() with { Member = null };
        Assert.Equal("staff_not_found", Refused(StaffAccountDecider.Decide(unknown, StaffAccount.Initial)).Code);
        var first = unknown with { FirstManager = true, Role = StaffRoles.Manager };
        Assert.IsType<StaffAccountOpened>(Assert.Single(StaffAccountDecider.Decide(first, StaffAccount.Initial).Events));
        Assert.Equal("role", Refused(StaffAccountDecider.Decide(unknown with { FirstManager = true }, StaffAccount.Initial)).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short-pw1")]
    [InlineData("aaaaaaaaaaaaaaa")]
    [InlineData("salasana1234")]
    [InlineData("aino.virtanen@kunta.fi")]
    public void A_weak_password_is_named_and_refuses_the_account(string password)
    {
        var problem = PasswordRules.Problem(password, "aino.virtanen@kunta.fi");
        Assert.NotNull(problem);
        var error = Refused(StaffAccountDecider.Decide(Open(passwordProblem: problem), StaffAccount.Initial));
        Assert.Equal((ErrorKind.Invalid, "password"), (error.Kind, error.Field));
    }

    [Fact]
    public void A_long_passphrase_is_strong_enough()
    {
        Assert.Null(PasswordRules.Problem("kolme karhua metsässä", "aino"));
        Assert.Null(PasswordRules.Problem("aino-demo-2026", "aino"));
    }

    [Fact]
    public void Given_an_unknown_role_or_a_taken_sign_in_name_When_an_account_is_opened_Then_the_field_is_named()
    {
        Assert.Equal("role", Refused(StaffAccountDecider.Decide(Open(role: "admin"), StaffAccount.Initial)).Field);
        var taken = Refused(StaffAccountDecider.Decide(Open(taken: true), StaffAccount.Initial));
        Assert.Equal(("user_name_taken", "userName", ErrorKind.Conflict), (taken.Code, taken.Field, taken.Kind));
    }

    [Fact]
    public void Given_an_account_When_it_is_opened_again_Then_it_is_a_conflict()
    {
        Assert.Equal("account_exists", Refused(StaffAccountDecider.Decide(Open(), Given(Opened))).Code);
    }

    [Fact]
    public void Given_an_enabled_account_When_the_manager_disables_it_twice_Then_one_event_and_enabling_brings_it_back()
    {
        var disable = new DisableStaffAccount(Aino, Manager, 1, By, Now);
        var first = StaffAccountDecider.Decide(disable, Given(Opened));
        Assert.Equal([new StaffAccountDisabled(Aino, By, Now)], first.Events);
        var state = Given(Opened, (StaffAccountDisabled)first.Events[0]);
        Assert.False(state.Enabled);
        Assert.Empty(StaffAccountDecider.Decide(disable, state).Events);
        Assert.Equal([new StaffAccountEnabled(Aino, By, Now)], StaffAccountDecider.Decide(new EnableStaffAccount(Aino, By, Now), state).Events);
        Assert.Empty(StaffAccountDecider.Decide(new EnableStaffAccount(Aino, By, Now), Given(Opened)).Events);
    }

    [Fact]
    public void Nobody_disables_or_demotes_their_own_account()
    {
        var own = Given(new StaffAccountOpened(Manager, StaffRoles.Manager, By, Now));
        Assert.Equal("own_account", Refused(StaffAccountDecider.Decide(new DisableStaffAccount(Manager, Manager, 3, By, Now), own)).Code);
        Assert.Equal("own_account",
            Refused(StaffAccountDecider.Decide(new ChangeStaffRole(Manager, StaffRoles.Secretary, Manager, 3, By, Now), own)).Code);
    }

    [Fact]
    public void Given_the_last_enabled_manager_When_another_manager_account_would_disable_or_demote_it_Then_the_unit_keeps_its_manager()
    {
        var manager = Given(new StaffAccountOpened(Aino, StaffRoles.Manager, By, Now));
        Assert.Equal("last_manager", Refused(StaffAccountDecider.Decide(new DisableStaffAccount(Aino, Manager, 0, By, Now), manager)).Code);
        Assert.Equal("last_manager",
            Refused(StaffAccountDecider.Decide(new ChangeStaffRole(Aino, StaffRoles.Supervisor, Manager, 0, By, Now), manager)).Code);
        Assert.Single(StaffAccountDecider.Decide(new DisableStaffAccount(Aino, Manager, 1, By, Now), manager).Events);
    }

    [Fact]
    public void Given_a_supervisor_When_the_manager_makes_them_secretary_Then_the_role_changes_once()
    {
        var change = new ChangeStaffRole(Aino, StaffRoles.Secretary, Manager, 1, By, Now);
        var decision = StaffAccountDecider.Decide(change, Given(Opened));
        Assert.Equal([new StaffAccountRoleChanged(Aino, StaffRoles.Secretary, By, Now)], decision.Events);
        Assert.Equal(StaffRoles.Secretary, Given(Opened, (StaffAccountRoleChanged)decision.Events[0]).Role);
        Assert.Empty(StaffAccountDecider.Decide(change, Given(Opened, (StaffAccountRoleChanged)decision.Events[0])).Events);
        Assert.Equal("role", Refused(StaffAccountDecider.Decide(change with { Role = "root" }, Given(Opened))).Field);
    }

    [Fact]
    public void Given_no_account_When_anything_but_opening_is_asked_Then_not_found()
    {
        StaffAccountCommand[] commands =
        [
            new DisableStaffAccount(Aino, Manager, 1, By, Now), new EnableStaffAccount(Aino, By, Now),
            new ResetStaffPassword(Aino, null, By, Now), new LiftSignInLockout(Aino, true, By, Now),
            new ChangeStaffRole(Aino, StaffRoles.Manager, Manager, 1, By, Now),
        ];
        foreach (var command in commands)
            Assert.Equal(ErrorKind.NotFound, Refused(StaffAccountDecider.Decide(command, StaffAccount.Initial)).Kind);
    }

    [Fact]
    public void A_password_reset_is_recorded_without_the_password_and_a_weak_one_is_refused()
    {
        Assert.Equal([new StaffPasswordReset(Aino, By, Now)], StaffAccountDecider.Decide(new ResetStaffPassword(Aino, null, By, Now), Given(Opened)).Events);
        Assert.Equal("password", Refused(StaffAccountDecider.Decide(new ResetStaffPassword(Aino, "too short", By, Now), Given(Opened))).Field);
    }

    [Fact]
    public void Lifting_a_lockout_is_recorded_only_when_the_account_is_locked()
    {
        Assert.Equal([new StaffSignInLockoutLifted(Aino, By, Now)], StaffAccountDecider.Decide(new LiftSignInLockout(Aino, true, By, Now), Given(Opened)).Events);
        Assert.Empty(StaffAccountDecider.Decide(new LiftSignInLockout(Aino, false, By, Now), Given(Opened)).Events);
    }

    [Fact]
    public void Given_an_account_kept_from_before_streams_When_it_is_recorded_Then_its_stream_opens_as_its_row_stands()
    {
        var enabled = StaffAccountDecider.Decide(new RecordEarlierStaffAccount(Aino, StaffRoles.Supervisor, true, "system:accounts", Now), StaffAccount.Initial);
        Assert.Equal([new StaffAccountOpened(Aino, StaffRoles.Supervisor, "system:accounts", Now)], enabled.Events);

        var disabled = StaffAccountDecider.Decide(new RecordEarlierStaffAccount(Aino, StaffRoles.Manager, false, "system:accounts", Now), StaffAccount.Initial);
        Assert.Equal([new StaffAccountOpened(Aino, StaffRoles.Manager, "system:accounts", Now), new StaffAccountDisabled(Aino, "system:accounts", Now)],
            disabled.Events);
        Assert.Equal(new StaffAccount(true, StaffRoles.Manager, false), StaffAccountDecider.Definition.Fold(StaffAccount.Initial, disabled.Events));
    }

    [Fact]
    public void Given_an_account_with_its_stream_When_it_is_recorded_again_Then_nothing_is_written_whatever_the_row_says()
    {
        var decision = StaffAccountDecider.Decide(new RecordEarlierStaffAccount(Aino, StaffRoles.Manager, false, "system:accounts", Now), Given(Opened));
        Assert.False(decision.IsError);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_row_with_a_role_the_rules_do_not_know_When_it_is_recorded_Then_it_is_refused_naming_the_role()
    {
        var error = Refused(StaffAccountDecider.Decide(new RecordEarlierStaffAccount(Aino, "admin", true, "system:accounts", Now), StaffAccount.Initial));
        Assert.Equal(("invalid_input", "role"), (error.Code, error.Field));
    }
}
