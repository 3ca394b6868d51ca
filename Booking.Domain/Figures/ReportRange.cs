// Which dates a report covers, as the API's query and the figures page both ask for it: a month (2026-10), or a range
// (from, to), or with neither the current month. One rule for both doors.
using Booking.Domain.Configuration;
using Booking.Domain.Appointments;
using NodaTime;
using NodaTime.Text;

namespace Booking.Domain.Figures;

public sealed record ReportRange(LocalDate From, LocalDate To)
{
    /// <summary>The longest range one report covers: a year and a day (a leap year, or a year starting mid-month).</summary>
    public const int MaxDays = 367;

    private static readonly LocalDatePattern MonthPattern = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM");

    public static ReportRange MonthOf(LocalDate day) => new(ReportFact.MonthOf(day), ReportFact.MonthOf(day).PlusMonths(1).PlusDays(-1));

    public static string FormatMonth(LocalDate month) => MonthPattern.Format(month);

    public static Outcome<ReportRange> Read(string? month, string? from, string? to, LocalDate today)
    {
        if (month is not null)
        {
            if (from is not null || to is not null)
                return Refusal.InvalidField("month", "Give either month or from and to, not both.");
            return MonthPattern.Parse(month.Trim()) is { Success: true } m
                ? MonthOf(m.Value)
                : Refusal.InvalidField("month", "month must be a month like 2026-10.");
        }
        if (from is null && to is null) return MonthOf(today);
        if (from is null || LocalDatePattern.Iso.Parse(from.Trim()) is not { Success: true } f)
            return Refusal.InvalidField("from", "from must be a date like 2026-10-01 (with to).");
        if (to is null || LocalDatePattern.Iso.Parse(to.Trim()) is not { Success: true } t)
            return Refusal.InvalidField("to", "to must be a date like 2026-10-31 (with from).");
        if (t.Value < f.Value) return Refusal.InvalidField("to", "to must be on or after from.");
        if (Period.Between(f.Value, t.Value, PeriodUnits.Days).Days + 1 > MaxDays)
            return Refusal.InvalidField("to", $"A report covers at most {MaxDays} days.");
        return new ReportRange(f.Value, t.Value);
    }
}

/// <summary>Where the report's facts and sums are kept (the async projection's tables).</summary>
public interface IUnitReportFacts
{
    /// <summary>What a report of the range is computed from: the sums of its days by month and the facts read whole.</summary>
    Task<ReportInput> For(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct);
}

/// <summary>The unit report as the API and the figures page read it: the facts, the unit's time zone, the call-back slots offered.</summary>
public sealed class UnitReports(IUnitReportFacts facts, IUnitConfigurationSource configurations, IClock clock)
{
    public async Task<UnitReport> Of(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var found = await facts.For(unitId, from, to, ct);
        return UnitReport.Compute(found, from, to, config.Zone, (f, t) => CallBacks.CallBackSlots.Between(config, f, t).Count);
    }

    /// <summary>The range asked for (a month, from and to, or the current month), read by the one rule.</summary>
    public async Task<Outcome<ReportRange>> RangeOf(Guid unitId, string? month, string? from, string? to, CancellationToken ct = default)
    {
        var zone = (await configurations.Current(unitId, ct)).Zone;
        return ReportRange.Read(month, from, to, clock.GetCurrentInstant().InZone(zone).Date);
    }
}
