using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Observatoire.Web.Analysis;

/// <summary>
/// What the dashboard, its exports and the PDF syntheses look at: a period and optional territory, theme,
/// audience and structure kind, bound from the URL (<c>?du=2026-01-01&amp;au=2026-06-30&amp;territoire=rabiere&amp;theme=emploi</c>).
/// Territory, theme and audience may be repeated: an observation counts when it matches one of the values given.
/// </summary>
public sealed class DashboardFilter
{
    // Display names are the ones users read in binding errors (« x » n'est pas une valeur valide pour Du): the
    // properties' former names, kept when the properties took English names.
    [FromQuery(Name = "du"), Display(Name = "Du")] public DateOnly? From { get; set; }
    [FromQuery(Name = "au"), Display(Name = "Au")] public DateOnly? To { get; set; }
    /// <summary>
    /// Territory slugs, repeated in the URL (<c>?territoire=rabiere&amp;territoire=sanitas</c>); a commune includes its
    /// quartiers. The dashboard's form sends one; a synthesis may cover several.
    /// </summary>
    [FromQuery(Name = "territoire"), SlugList] public string[] Territories { get; set; } = [];
    /// <summary>Theme slugs: an observation counts once if it has at least one of them.</summary>
    [FromQuery(Name = "theme"), SlugList] public string[] Themes { get; set; } = [];
    /// <summary>Audience slugs: an observation counts once if it has at least one of them.</summary>
    [FromQuery(Name = "public"), SlugList] public string[] Audiences { get; set; } = [];

    /// <summary>The one territory chosen; null when there is none or several (setting it replaces the list).</summary>
    [BindNever] public string? Territory { get => One(Territories); set => Territories = Many(value); }
    [BindNever] public string? Theme { get => One(Themes); set => Themes = Many(value); }
    [BindNever] public string? Audience { get => One(Audiences); set => Audiences = Many(value); }
    /// <summary>Structure kind, by the slug of its row in StructureKinds ("centre-social", "association"…).</summary>
    [FromQuery(Name = "type"), Display(Name = "Type"), MaxLength(100)] public string? Kind { get; set; }

    /// <summary>The period when none is given: the twelve months up to <paramref name="today"/>.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today) => (today.AddYears(-1).AddDays(1), today);

    /// <summary>A copy with the period filled in (defaults for missing dates) and slugs trimmed and lower-cased.</summary>
    public DashboardFilter Normalized(DateOnly today)
    {
        var (defaultFrom, defaultTo) = DefaultPeriod(today);
        var from = From ?? (To is DateOnly to ? to.AddYears(-1).AddDays(1) : defaultFrom);
        var until = To ?? (From is null ? defaultTo : today < from ? from : today);
        if (until < from) (from, until) = (until, from);
        return new DashboardFilter
        {
            From = from, To = until,
            Territories = Clean(Territories), Themes = Clean(Themes), Audiences = Clean(Audiences), Kind = Clean(Kind),
        };
    }

    /// <summary>The period of equal length just before this one (the filter must be <see cref="Normalized"/>).</summary>
    public DashboardFilter Previous()
    {
        if (From is not DateOnly from || To is not DateOnly to)
            throw new InvalidOperationException("Normalized() first: the previous period needs both dates.");
        var (previousFrom, previousTo) = PreviousPeriod(from, to);
        return new DashboardFilter
        {
            From = previousFrom, To = previousTo,
            Territories = Territories, Themes = Themes, Audiences = Audiences, Kind = Kind,
        };
    }

    /// <summary>
    /// The period of equal length (same number of days) ending the day before <paramref name="from"/>; shared by
    /// <see cref="Previous"/> and <see cref="Indicators.Scope.Previous"/> so that both compare with the same days.
    /// </summary>
    public static (DateOnly From, DateOnly To) PreviousPeriod(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        var previousTo = from.AddDays(-1);
        return (previousTo.AddDays(-days), previousTo);
    }

    public bool HasDimensionFilter => Territories.Length > 0 || Themes.Length > 0 || Audiences.Length > 0 || Kind is not null;

    /// <summary>More than one territory, theme or audience: the observations list (drill-down) takes one of each.</summary>
    public bool HasSeveralValues => Territories.Length > 1 || Themes.Length > 1 || Audiences.Length > 1;

    /// <summary>
    /// The filter as URL parameters (a list as a repeated key), with <paramref name="overrides"/> replacing every value
    /// of a key by one value, or removing the key (null).
    /// </summary>
    public string ToQuery(params (string Key, string? Value)[] overrides)
    {
        var values = new List<(string Key, string? Value)>
        {
            ("du", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("au", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        values.AddRange(Territories.Select(v => ("territoire", (string?)v)));
        values.AddRange(Themes.Select(v => ("theme", (string?)v)));
        values.AddRange(Audiences.Select(v => ("public", (string?)v)));
        values.Add(("type", Kind));
        foreach (var (key, value) in overrides)
        {
            var i = values.FindIndex(v => v.Key == key);
            values.RemoveAll(v => v.Key == key);
            if (i >= 0) values.Insert(i, (key, value)); else values.Add((key, value));
        }
        return string.Join('&', values.Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }

    private static string? Clean(string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? null : slug.Trim().ToLowerInvariant();

    /// <summary>Trimmed, lower-cased, without blanks or duplicates, in the order given.</summary>
    public static string[] Clean(string[]? slugs) =>
        slugs is null ? [] : [.. slugs.Select(Clean).OfType<string>().Distinct()];

    private static string? One(string[] values) => values.Length == 1 ? values[0] : null;

    private static string[] Many(string? value) => value is null ? [] : [value];
}
