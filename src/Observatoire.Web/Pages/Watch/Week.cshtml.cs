namespace Observatoire.Web.Pages.Watch;

/// <summary>The weekly digest: items published during one ISO week (Monday to Sunday, Paris time), e.g. ?semaine=2026-W47.</summary>
public class WeekModel(ObservatoireDbContext db, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "semaine")] public string? Week { get; set; }
    public int Year { get; private set; }
    public int Number { get; private set; }
    public DateOnly Monday { get; private set; }
    public bool Invalid { get; private set; }
    public IReadOnlyList<WatchQueries.Row> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ParisTime.Today(clock.GetUtcNow().UtcDateTime);
        if (!TryParse(Week, out var year, out var number))
        {
            Invalid = !string.IsNullOrEmpty(Week);
            year = ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue));
            number = ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue));
        }
        Year = year;
        Number = number;
        Monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
        var from = ParisTime.ToUtc(Monday, TimeOnly.MinValue)!.Value;
        var to = ParisTime.ToUtc(Monday.AddDays(7), TimeOnly.MinValue)!.Value;
        Items = await WatchQueries.Project(db.WatchItems.AsNoTracking()
                .Where(w => w.Status == WatchStatus.Published && w.PublishedAt >= from && w.PublishedAt < to)
                .OrderByDescending(w => w.Usefuls.Count).ThenByDescending(w => w.PublishedAt))
            .ToListAsync(ct);
    }

    public static string Key(DateOnly day)
    {
        var d = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(d)}-W{ISOWeek.GetWeekOfYear(d):00}";
    }

    /// <summary>"2026-W47" → (2026, 47); weeks that do not exist in that year are refused.</summary>
    public static bool TryParse(string? text, out int year, out int week)
    {
        year = week = 0;
        if (text is null || text.Length is < 7 or > 8 || text[4] != '-' || char.ToUpperInvariant(text[5]) != 'W') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            || !int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out week)) return false;
        return year is >= 2000 and <= 2100 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year);
    }
}
