// The rules of the unit's configuration that the manager's closures and kinds-of-meeting pages lean on, field by field.
using Booking.Domain.Configuration;
using Booking.Domain.Tests.Support;
using NodaTime;

namespace Booking.Domain.Tests.Configuration;

public sealed class ConfigurationRulesTests
{
    private static readonly LocalDate Day = new(2026, 5, 6);

    private static Dictionary<string, string[]> WithClosure(Closure closure) =>
        ConfigurationRules.Validate(TestUnit.Config([closure]));

    [Fact]
    public void A_closure_of_whole_days_with_a_reason_is_accepted() =>
        Assert.Empty(WithClosure(new Closure(Day, Day.PlusDays(2), "Koulutuspäivät")));

    [Fact]
    public void A_closure_of_some_hours_of_each_day_for_one_staff_member_is_accepted() =>
        Assert.Empty(WithClosure(new Closure(Day, Day, "Lääkäri", TestUnit.Anna, new LocalTime(9, 0), new LocalTime(11, 0))));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Koulutus\nrivi")]
    [InlineData("Koulutus\u0007")]
    public void A_closure_without_a_readable_one_line_reason_is_refused_on_its_reason(string reason) =>
        Assert.Contains("closures[0].reason", WithClosure(new Closure(Day, Day, reason)).Keys);

    [Fact]
    public void A_closure_reason_longer_than_the_limit_is_refused() =>
        Assert.Contains("closures[0].reason", WithClosure(new Closure(Day, Day, new string('x', ConfigurationRules.MaxReasonLength + 1))).Keys);

    [Fact]
    public void A_closure_that_ends_before_it_starts_is_refused_on_its_end() =>
        Assert.Contains("closures[0].to", WithClosure(new Closure(Day, Day.PlusDays(-1), "Koulutus")).Keys);

    [Fact]
    public void Closed_hours_that_end_before_they_start_are_refused_on_their_end() =>
        Assert.Contains("closures[0].toTime", WithClosure(new Closure(Day, Day, "Koulutus", null, new LocalTime(12, 0), new LocalTime(12, 0))).Keys);

    [Fact]
    public void A_start_hour_without_an_end_hour_is_refused_on_the_missing_one()
    {
        Assert.Contains("closures[0].toTime", WithClosure(new Closure(Day, Day, "Koulutus", null, new LocalTime(12, 0))).Keys);
        Assert.Contains("closures[0].fromTime", WithClosure(new Closure(Day, Day, "Koulutus", null, null, new LocalTime(12, 0))).Keys);
    }

    [Fact]
    public void A_closure_for_someone_not_of_the_unit_is_refused_on_its_staff() =>
        Assert.Contains("closures[0].staffId", WithClosure(new Closure(Day, Day, "Koulutus", Guid.NewGuid())).Keys);

    private static Dictionary<string, string[]> WithType(AppointmentType type)
    {
        var config = TestUnit.Config();
        return ConfigurationRules.Validate(config with { AppointmentTypes = [.. config.AppointmentTypes, type] });
    }

    private static readonly AppointmentType Mediation = new("mediation", new("Sovittelu", "Medling", "Mediation"), Duration.FromMinutes(60),
        [Modality.InPerson], OnlineBookable: false, Duration.FromMinutes(10));

    [Fact]
    public void A_new_kind_of_meeting_with_names_in_three_languages_is_accepted() => Assert.Empty(WithType(Mediation));

    [Theory]
    [InlineData("Mediation")]
    [InlineData("medi ation")]
    [InlineData("m")]
    [InlineData("mediation/../x")]
    public void A_code_that_cannot_go_into_an_address_is_refused(string code) =>
        Assert.Contains("appointmentTypes[4].code", WithType(Mediation with { Code = code }).Keys);

    [Fact]
    public void A_code_already_used_is_refused() =>
        Assert.Contains("appointmentTypes", WithType(Mediation with { Code = "advice" }).Keys);

    [Fact]
    public void A_name_missing_in_one_language_or_with_a_control_character_is_refused_on_that_language()
    {
        Assert.Contains("appointmentTypes[4].name.sv", WithType(Mediation with { Name = new("Sovittelu", "", "Mediation") }).Keys);
        Assert.Contains("appointmentTypes[4].name.en", WithType(Mediation with { Name = new("Sovittelu", "Medling", "Medi\tation") }).Keys);
        Assert.Contains("appointmentTypes[4].name.fi", WithType(Mediation with { Name = new(new string('x', 81), "Medling", "Mediation") }).Keys);
    }

    [Fact]
    public void Length_and_buffer_outside_their_limits_are_refused_on_their_field()
    {
        var errors = WithType(Mediation with { Length = Duration.FromMinutes(10), BufferAfter = Duration.FromMinutes(61) });
        Assert.Contains("appointmentTypes[4].length", errors.Keys);
        Assert.Contains("appointmentTypes[4].bufferAfter", errors.Keys);
    }
}

public sealed class StaffRulesTests
{
    private static Dictionary<string, string[]> WithMember(StaffMember member)
    {
        var config = TestUnit.Config();
        return ConfigurationRules.Validate(config with { Staff = [.. config.Staff, member] });
    }

    [Fact]
    public void A_partner_professional_with_a_service_is_accepted() =>
        Assert.Empty(WithMember(new StaffMember(Guid.NewGuid(), "Riikka Salo", StaffRole.PartnerProfessional, "Perheneuvola")));

    [Theory]
    [InlineData("")]
    [InlineData("Riikka\nSalo")]
    [InlineData("Riikka\u0000")]
    public void A_name_that_is_empty_or_not_one_readable_line_is_refused_on_the_name(string name) =>
        Assert.Contains("staff[5].displayName", WithMember(new StaffMember(Guid.NewGuid(), name, StaffRole.ChildSupervisor)).Keys);

    [Fact]
    public void A_name_or_service_longer_than_the_limit_is_refused_on_its_field()
    {
        Assert.Contains("staff[5].displayName", WithMember(new StaffMember(Guid.NewGuid(), new string('x', 81), StaffRole.Secretary)).Keys);
        Assert.Contains("staff[5].partnerService",
            WithMember(new StaffMember(Guid.NewGuid(), "Riikka", StaffRole.PartnerProfessional, new string('x', 81))).Keys);
    }

    [Fact]
    public void Taking_out_a_staff_member_who_still_has_weekly_hours_is_refused_on_those_hours()
    {
        var config = TestUnit.Config();
        var errors = ConfigurationRules.Validate(config with { Staff = config.Staff.Where(s => s.Id != TestUnit.Anna).ToList() });
        Assert.Contains(errors.Keys, k => k.StartsWith("hours[", StringComparison.Ordinal) && k.EndsWith("].staffId", StringComparison.Ordinal));
    }
}

public sealed class WalkInRulesTests
{
    private static Dictionary<string, string[]> WithWalkIn(WalkInSettings walkIn) =>
        ConfigurationRules.Validate(TestUnit.Config() with { WalkIn = walkIn });

    private static readonly WalkInSettings Thursday = WalkInSettings.Default([TestUnit.Anna], new Dictionary<Guid, string> { [TestUnit.Anna] = "101" });

    [Fact]
    public void The_usual_thursday_with_a_supervisor_in_a_room_is_accepted() => Assert.Empty(WithWalkIn(Thursday));

    [Theory]
    [InlineData("1\n01")]
    [InlineData("101\u0000")]
    [InlineData("Huone 101, toinen kerros, käytävän perällä vasemmalla")]
    public void A_room_name_that_is_not_one_short_readable_line_is_refused(string room) =>
        Assert.Contains("walkIn.rooms", WithWalkIn(Thursday with { Rooms = new Dictionary<Guid, string> { [TestUnit.Anna] = room } }).Keys);

    [Fact]
    public void A_window_that_ends_before_it_starts_and_someone_on_duty_not_of_the_unit_are_refused_on_their_fields()
    {
        var errors = WithWalkIn(Thursday with { From = new LocalTime(12, 0), To = new LocalTime(8, 0), OnDuty = [Guid.NewGuid()] });
        Assert.Contains("walkIn.to", errors.Keys);
        Assert.Contains("walkIn.onDuty[0]", errors.Keys);
    }
}
