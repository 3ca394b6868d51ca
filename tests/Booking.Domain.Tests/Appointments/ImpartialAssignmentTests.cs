// Central booking is impartial: fewest bookings that week first; ties go to the caller's random pick, among the tied only.
using Booking.Domain.Appointments;
using NodaTime;

namespace Booking.Domain.Tests.Appointments;

public class ImpartialAssignmentTests
{
    private static readonly Guid A = Guid.Parse("11111111-0000-0000-0000-000000000001");
    private static readonly Guid B = Guid.Parse("11111111-0000-0000-0000-000000000002");
    private static readonly Guid C = Guid.Parse("11111111-0000-0000-0000-000000000003");

    [Fact]
    public void Given_free_supervisors_with_different_loads_When_one_is_chosen_Then_it_is_the_one_with_fewest_bookings()
    {
        var chosen = ImpartialAssignment.Choose([A, B, C], new Dictionary<Guid, int> { [A] = 3, [B] = 1, [C] = 2 }, _ => 0);

        Assert.Equal(B, chosen);
    }

    [Fact]
    public void Given_a_supervisor_with_no_bookings_yet_When_one_is_chosen_Then_they_count_as_zero()
    {
        var chosen = ImpartialAssignment.Choose([A, B], new Dictionary<Guid, int> { [A] = 1 }, _ => 0);

        Assert.Equal(B, chosen);
    }

    [Fact]
    public void Given_a_tie_When_one_is_chosen_Then_pick_is_asked_to_choose_among_the_tied_only()
    {
        var asked = new List<int>();
        var load = new Dictionary<Guid, int> { [A] = 1, [B] = 4, [C] = 1 };

        var first = ImpartialAssignment.Choose([A, B, C], load, n => { asked.Add(n); return 0; });
        var last = ImpartialAssignment.Choose([A, B, C], load, n => n - 1);

        Assert.Equal([2], asked);
        Assert.Equal(new HashSet<Guid> { A, C }, new HashSet<Guid> { first!.Value, last!.Value });
    }

    [Fact]
    public void Given_the_busiest_is_free_When_pick_returns_each_index_Then_the_busiest_is_never_chosen()
    {
        var load = new Dictionary<Guid, int> { [A] = 0, [B] = 9, [C] = 0 };

        var chosen = Enumerable.Range(0, 2).Select(i => ImpartialAssignment.Choose([A, B, C], load, _ => i)).ToList();

        Assert.DoesNotContain((Guid?)B, chosen);
    }

    [Fact]
    public void Given_nobody_free_When_one_is_chosen_Then_null()
    {
        Assert.Null(ImpartialAssignment.Choose([], new Dictionary<Guid, int> { [A] = 0 }, _ => 0));
    }

    [Theory]
    [InlineData("2026-05-11")] // Monday
    [InlineData("2026-05-14")] // Thursday
    [InlineData("2026-05-17")] // Sunday
    public void Given_a_date_When_its_week_is_asked_Then_it_runs_Monday_to_Sunday(string iso)
    {
        var (monday, sunday) = ImpartialAssignment.WeekOf(NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value);

        Assert.Equal(new LocalDate(2026, 5, 11), monday);
        Assert.Equal(new LocalDate(2026, 5, 17), sunday);
    }

    [Fact]
    public void Given_a_week_across_a_year_end_When_it_is_asked_Then_it_still_runs_Monday_to_Sunday()
    {
        var (monday, sunday) = ImpartialAssignment.WeekOf(new LocalDate(2027, 1, 1));

        Assert.Equal(new LocalDate(2026, 12, 28), monday);
        Assert.Equal(new LocalDate(2027, 1, 3), sunday);
    }
}
