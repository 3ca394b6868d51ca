// Finnish public holidays by rule (Act on public holidays and the Church calendar); they close the unit.
using NodaTime;

namespace Booking.Domain.Calendar;

public sealed record Holiday(LocalDate Date, string NameFi, string NameSv, string NameEn);

public static class FinnishHolidays
{
    public static IReadOnlyList<Holiday> For(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new(new LocalDate(year, 1, 1), "Uudenvuodenpäivä", "Nyårsdagen", "New Year's Day"),
            new(new LocalDate(year, 1, 6), "Loppiainen", "Trettondagen", "Epiphany"),
            new(easter.PlusDays(-2), "Pitkäperjantai", "Långfredagen", "Good Friday"),
            new(easter, "Pääsiäispäivä", "Påskdagen", "Easter Sunday"),
            new(easter.PlusDays(1), "2. pääsiäispäivä", "Annandag påsk", "Easter Monday"),
            new(new LocalDate(year, 5, 1), "Vappu", "Första maj", "May Day"),
            new(easter.PlusDays(39), "Helatorstai", "Kristi himmelsfärdsdag", "Ascension Day"),
            new(easter.PlusDays(49), "Helluntaipäivä", "Pingstdagen", "Whit Sunday"),
            new(FirstOnOrAfter(new LocalDate(year, 6, 19), IsoDayOfWeek.Friday), "Juhannusaatto", "Midsommarafton", "Midsummer Eve"),
            new(FirstOnOrAfter(new LocalDate(year, 6, 20), IsoDayOfWeek.Saturday), "Juhannuspäivä", "Midsommardagen", "Midsummer Day"),
            new(FirstOnOrAfter(new LocalDate(year, 10, 31), IsoDayOfWeek.Saturday), "Pyhäinpäivä", "Alla helgons dag", "All Saints' Day"),
            new(new LocalDate(year, 12, 6), "Itsenäisyyspäivä", "Självständighetsdagen", "Independence Day"),
            new(new LocalDate(year, 12, 24), "Jouluaatto", "Julafton", "Christmas Eve"),
            new(new LocalDate(year, 12, 25), "Joulupäivä", "Juldagen", "Christmas Day"),
            new(new LocalDate(year, 12, 26), "Tapaninpäivä", "Annandag jul", "Boxing Day"),
        ];
    }

    public static Holiday? On(LocalDate date) => For(date.Year).FirstOrDefault(h => h.Date == date);

    public static bool IsHoliday(LocalDate date) => On(date) is not null;

    /// <summary>Gregorian Easter Sunday (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static LocalDate EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new LocalDate(year, month, day);
    }

    private static LocalDate FirstOnOrAfter(LocalDate date, IsoDayOfWeek day) =>
        date.DayOfWeek == day ? date : date.Next(day);
}
