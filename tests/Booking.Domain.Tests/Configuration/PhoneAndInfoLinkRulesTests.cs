// The rules the manager's phone page and info-link page lean on: phone-hours blocks and one supervisor's call-back windows
// do not overlap; an info link has three one-line titles, an absolute web address and notes without control characters;
// a save records which links it added, changed or removed, and a stale one changes nothing.
using Booking.Domain.Configuration;
using NodaTime;
using static Booking.Domain.Tests.CallBacks.CallBackTestUnit;
using static Booking.Domain.Tests.Support.TestUnit;

namespace Booking.Domain.Tests.Configuration;

public sealed class PhoneAndInfoLinkRulesTests
{
    private static PhoneHoursBlock Block(IsoDayOfWeek day, int from, int to) => new(day, new LocalTime(from, 0), new LocalTime(to, 0));

    [Fact]
    public void Phone_hours_blocks_that_overlap_on_one_weekday_are_refused_on_the_later_block()
    {
        var config = Config() with { PhoneHours = new PhoneHours([Block(IsoDayOfWeek.Monday, 9, 12), Block(IsoDayOfWeek.Monday, 11, 13)]) };

        Assert.Equal(["phoneHours.blocks[1].from"], ConfigurationRules.Validate(config).Keys);
    }

    [Fact]
    public void Phone_hours_blocks_that_touch_or_fall_on_other_days_are_accepted()
    {
        var config = Config() with
        {
            PhoneHours = new PhoneHours([Block(IsoDayOfWeek.Monday, 9, 12), Block(IsoDayOfWeek.Monday, 12, 13), Block(IsoDayOfWeek.Tuesday, 9, 12)]),
        };

        Assert.Empty(ConfigurationRules.Validate(config));
    }

    [Fact]
    public void Two_call_back_windows_of_one_supervisor_at_the_same_time_are_refused_and_two_supervisors_at_once_are_not()
    {
        var overlapping = CallBackConfig(windows:
        [
            new CallBackWindow(Anna, IsoDayOfWeek.Monday, new LocalTime(14, 0), new LocalTime(15, 0)),
            new CallBackWindow(Bertil, IsoDayOfWeek.Monday, new LocalTime(14, 0), new LocalTime(15, 0)),
            new CallBackWindow(Anna, IsoDayOfWeek.Monday, new LocalTime(14, 30), new LocalTime(15, 30)),
        ]);

        var errors = ConfigurationRules.Validate(overlapping);

        Assert.Equal(["callBacks.windows[2].from"], errors.Keys);
        Assert.Contains("same supervisor", errors["callBacks.windows[2].from"][0]);
    }

    private static InfoLink Link(string title = "Mitä ottaa mukaan", string url = "https://www.example.fi/valmistautuminen", string note = "Ota mukaan henkilöllisyystodistus.") =>
        new("all", new LocalizedText(title, "Vad du ska ta med dig", "What to bring"), url, new LocalizedText(note, "", ""));

    [Fact]
    public void A_link_with_three_titles_a_web_address_and_a_note_of_several_lines_is_accepted() =>
        Assert.Empty(InfoLinkRules.Validate([Link(note: "Rivi yksi.\nRivi kaksi."), Link(url: "http://kunta.example.fi/perheoikeus?kieli=fi")]));

    [Theory]
    [InlineData("www.example.fi/perheoikeus")]
    [InlineData("/perheoikeus")]
    [InlineData("ftp://example.fi/ohje.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://example.fi/perhe oikeus")]
    [InlineData("https://example.fi/\u0007")]
    [InlineData("")]
    public void A_link_whose_address_is_not_an_absolute_web_address_is_refused_on_its_url(string url) =>
        Assert.Equal(["[0].url"], InfoLinkRules.Validate([Link(url: url)]).Keys);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Mitä\nottaa")]
    [InlineData("Mitä\u0000")]
    public void A_title_that_is_empty_or_not_one_clean_line_is_refused_in_its_language(string title) =>
        Assert.Equal(["[0].title.fi"], InfoLinkRules.Validate([Link(title: title)]).Keys);

    [Fact]
    public void A_note_with_a_control_character_other_than_a_line_break_is_refused_in_its_language() =>
        Assert.Equal(["[0].note.fi"], InfoLinkRules.Validate([Link(note: "Ota mukaan\u0007")]).Keys);

    [Fact]
    public void The_changes_of_a_save_name_the_links_added_changed_and_removed()
    {
        var before = new[] { Link("Yksi"), Link("Kaksi"), Link("Kolme") };
        var after = new[] { Link("Yksi"), Link("Kaksi", url: "https://www.example.fi/uusi") };

        Assert.Equal(
            [new InfoLinkChange(InfoLinkChangeKind.Changed, after[1].Title), new InfoLinkChange(InfoLinkChangeKind.Removed, before[2].Title)],
            InfoLinkRules.Changes(before, after));
        Assert.Equal([new InfoLinkChange(InfoLinkChangeKind.Added, before[2].Title)], InfoLinkRules.Changes(after[..1].Concat(before[1..2]).ToArray(), before));
    }

    [Fact]
    public async Task A_save_on_a_version_someone_else_has_replaced_is_stale_and_writes_nothing()
    {
        var catalogue = new Catalogue();
        var links = new InfoLinkUseCases(catalogue, (_, _) => Task.FromResult<IReadOnlyCollection<string>>(Config().AppointmentTypes.Select(t => t.Code).ToList()));
        Assert.IsType<SettingsSaved.Saved>(await links.Save(UnitId, [Link()], 0, "Pekka"));

        Assert.IsType<SettingsSaved.Stale>(await links.Save(UnitId, [Link("Toinen")], 0, "Eeva"));
        Assert.IsType<SettingsSaved.Invalid>(await links.Save(UnitId, [Link(url: "kunta.fi")], 1, "Eeva"));
        // A kind of meeting the unit does not have is named, like any other wrong field.
        var unknownKind = Assert.IsType<SettingsSaved.Invalid>(await links.Save(UnitId, [Link() with { AppointmentType = "no-such-kind" }], 1, "Eeva"));
        Assert.Equal(["[0].appointmentType"], unknownKind.Errors.Keys);

        var saved = Assert.Single(catalogue.Saves);
        Assert.Equal(("Pekka", 1), (saved.By, saved.Version));
        Assert.Equal([new InfoLinkChange(InfoLinkChangeKind.Added, Link().Title)], saved.Changes);
    }

    private sealed class Catalogue : IInfoLinkCatalogue
    {
        public List<(int Version, string By, IReadOnlyList<InfoLinkChange> Changes)> Saves { get; } = [];
        private VersionedInfoLinks current = new([], 0);

        public Task<VersionedInfoLinks> Read(Guid unitId, CancellationToken ct = default) => Task.FromResult(current);

        public Task<int?> Save(Guid unitId, IReadOnlyList<InfoLink> links, int expectedVersion, string changedBy, IReadOnlyList<InfoLinkChange> changes,
            CancellationToken ct = default)
        {
            if (expectedVersion != current.Version) return Task.FromResult<int?>(null);
            current = new VersionedInfoLinks(links, expectedVersion + 1);
            Saves.Add((current.Version, changedBy, changes));
            return Task.FromResult<int?>(current.Version);
        }

        public Task<IReadOnlyList<InfoLinkCatalogueChange>> History(Guid unitId, int limit, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<InfoLinkCatalogueChange>>([]);
    }
}
