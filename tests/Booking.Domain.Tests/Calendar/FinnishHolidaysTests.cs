// Finnish public holidays close the unit: every holiday of three years checked against the calendar, and Easter over four decades.
using Booking.Domain.Calendar;
using NodaTime;
using NodaTime.Text;

namespace Booking.Domain.Tests.Calendar;

public class FinnishHolidaysTests
{
    private static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    public static TheoryData<int, string[]> HolidaysByYear => new()
    {
        { 2025, ["2025-01-01", "2025-01-06", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-08",
                 "2025-06-20", "2025-06-21", "2025-11-01", "2025-12-06", "2025-12-24", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-01-06", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-24",
                 "2026-06-19", "2026-06-20", "2026-10-31", "2026-12-06", "2026-12-24", "2026-12-25", "2026-12-26"] },
        { 2027, ["2027-01-01", "2027-01-06", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-16",
                 "2027-06-25", "2027-06-26", "2027-11-06", "2027-12-06", "2027-12-24", "2027-12-25", "2027-12-26"] },
    };

    [Theory]
    [MemberData(nameof(HolidaysByYear))]
    public void Given_a_year_When_its_holidays_are_listed_Then_they_are_exactly_the_Finnish_public_holidays(int year, string[] expected)
    {
        var dates = FinnishHolidays.For(year).Select(h => LocalDatePattern.Iso.Format(h.Date)).ToArray();

        Assert.Equal(expected.Order(), dates.Order());
    }

    [Theory]
    [MemberData(nameof(HolidaysByYear))]
    public void Given_a_holiday_date_When_asked_Then_IsHoliday_is_true(int year, string[] expected)
    {
        Assert.All(expected, iso => Assert.True(FinnishHolidays.IsHoliday(D(iso)), $"{iso} ({year}) should be a holiday"));
    }

    [Theory]
    [InlineData("2025-04-20", "Easter Sunday")]
    [InlineData("2026-04-05", "Easter Sunday")]
    [InlineData("2027-03-28", "Easter Sunday")]
    [InlineData("2026-04-03", "Good Friday")]
    [InlineData("2026-04-06", "Easter Monday")]
    [InlineData("2026-05-14", "Ascension Day")]
    [InlineData("2026-05-24", "Whit Sunday")]
    [InlineData("2026-06-19", "Midsummer Eve")]
    [InlineData("2026-06-20", "Midsummer Day")]
    [InlineData("2026-10-31", "All Saints' Day")]
    [InlineData("2026-12-24", "Christmas Eve")]
    [InlineData("2026-12-06", "Independence Day")]
    public void Given_a_known_holiday_When_looked_up_Then_it_has_its_English_name(string iso, string nameEn)
    {
        var holiday = FinnishHolidays.On(D(iso));

        Assert.NotNull(holiday);
        Assert.Equal(nameEn, holiday.NameEn);
    }

    [Fact]
    public void Given_2026_When_looking_at_Ascension_Day_and_Christmas_Eve_Then_both_fall_on_a_Thursday()
    {
        var holidays = FinnishHolidays.For(2026);

        Assert.Equal(IsoDayOfWeek.Thursday, holidays.Single(h => h.NameEn == "Ascension Day").Date.DayOfWeek);
        Assert.Equal(IsoDayOfWeek.Thursday, holidays.Single(h => h.NameEn == "Christmas Eve").Date.DayOfWeek);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2030)]
    public void Given_a_year_When_midsummer_and_All_Saints_are_computed_Then_they_fall_on_their_weekday_in_their_window(int year)
    {
        var h = FinnishHolidays.For(year);
        var eve = h.Single(x => x.NameEn == "Midsummer Eve").Date;
        var day = h.Single(x => x.NameEn == "Midsummer Day").Date;
        var saints = h.Single(x => x.NameEn == "All Saints' Day").Date;

        Assert.Equal(IsoDayOfWeek.Friday, eve.DayOfWeek);
        Assert.InRange(eve, new LocalDate(year, 6, 19), new LocalDate(year, 6, 25));
        Assert.Equal(eve.PlusDays(1), day);
        Assert.Equal(IsoDayOfWeek.Saturday, saints.DayOfWeek);
        Assert.InRange(saints, new LocalDate(year, 10, 31), new LocalDate(year, 11, 6));
    }

    [Theory]
    [InlineData("2026-05-13")] // the Wednesday before Ascension Day
    [InlineData("2026-05-15")]
    [InlineData("2026-06-18")]
    [InlineData("2026-10-30")]
    [InlineData("2026-12-23")]
    [InlineData("2026-12-27")]
    [InlineData("2026-03-02")]
    public void Given_an_ordinary_day_When_asked_Then_IsHoliday_is_false(string iso)
    {
        Assert.False(FinnishHolidays.IsHoliday(D(iso)));
        Assert.Null(FinnishHolidays.On(D(iso)));
    }

    // The Western (Gregorian) Easter dates 2000-2040, from the published tables.
    public static TheoryData<string> KnownEasters => new()
    {
        "2000-04-23", "2001-04-15", "2002-03-31", "2003-04-20", "2004-04-11", "2005-03-27", "2006-04-16", "2007-04-08",
        "2008-03-23", "2009-04-12", "2010-04-04", "2011-04-24", "2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05",
        "2016-03-27", "2017-04-16", "2018-04-01", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09",
        "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21", "2031-04-13",
        "2032-03-28", "2033-04-17", "2034-04-09", "2035-03-25", "2036-04-13", "2037-04-05", "2038-04-25", "2039-04-10",
        "2040-04-01",
    };

    [Theory]
    [MemberData(nameof(KnownEasters))]
    public void Given_a_year_When_Easter_is_computed_Then_it_matches_the_published_date(string iso)
    {
        var expected = D(iso);

        var easter = FinnishHolidays.EasterSunday(expected.Year);

        Assert.Equal(expected, easter);
        Assert.Equal(IsoDayOfWeek.Sunday, easter.DayOfWeek);
    }
}
