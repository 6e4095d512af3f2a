using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Observatoire.Web.Domain;
using Observatoire.Web.Infrastructure;

namespace Observatoire.Web.Analysis;

/// <summary>
/// What the dashboard, its exports and the PDF syntheses look at: a period and optional territory, theme,
/// audience and structure kind, bound from the URL (<c>?du=2026-01-01&amp;au=2026-06-30&amp;territoire=rabiere&amp;theme=emploi</c>).
/// </summary>
public sealed class DashboardFilter
{
    [FromQuery(Name = "du")] public DateOnly? Du { get; set; }
    [FromQuery(Name = "au")] public DateOnly? Au { get; set; }
    /// <summary>Territory slug; a commune includes its quartiers.</summary>
    [FromQuery(Name = "territoire"), MaxLength(100)] public string? Territoire { get; set; }
    [FromQuery(Name = "theme"), MaxLength(100)] public string? Theme { get; set; }
    [FromQuery(Name = "public"), MaxLength(100)] public string? Public { get; set; }
    /// <summary>Structure kind, as one of <see cref="KindSlugs"/>.</summary>
    [FromQuery(Name = "type"), MaxLength(100)] public string? Type { get; set; }

    /// <summary>Structure kinds by URL slug ("centre-social", "association"…).</summary>
    public static readonly IReadOnlyDictionary<string, StructureKind> KindSlugs =
        Enum.GetValues<StructureKind>().ToDictionary(k => Slug.From(k.Label()), k => k);

    /// <summary>The period when none is given: the twelve months up to <paramref name="today"/>.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today) => (today.AddYears(-1).AddDays(1), today);

    /// <summary>A copy with the period filled in (defaults for missing dates) and slugs trimmed and lower-cased.</summary>
    public DashboardFilter Normalized(DateOnly today)
    {
        var (from, to) = DefaultPeriod(today);
        var du = Du ?? (Au is DateOnly au ? au.AddYears(-1).AddDays(1) : from);
        var auDate = Au ?? (Du is null ? to : today < du ? du : today);
        if (auDate < du) (du, auDate) = (auDate, du);
        return new DashboardFilter
        {
            Du = du, Au = auDate,
            Territoire = Clean(Territoire), Theme = Clean(Theme), Public = Clean(Public), Type = Clean(Type),
        };
    }

    /// <summary>The period of equal length just before this one (the filter must be <see cref="Normalized"/>).</summary>
    public DashboardFilter Previous()
    {
        if (Du is not DateOnly du || Au is not DateOnly au)
            throw new InvalidOperationException("Normalized() first: the previous period needs both dates.");
        var days = au.DayNumber - du.DayNumber;
        var previousAu = du.AddDays(-1);
        return new DashboardFilter
        {
            Du = previousAu.AddDays(-days), Au = previousAu,
            Territoire = Territoire, Theme = Theme, Public = Public, Type = Type,
        };
    }

    public bool HasDimensionFilter => Territoire is not null || Theme is not null || Public is not null || Type is not null;

    /// <summary>The filter as URL parameters, with <paramref name="overrides"/> replacing or removing (null) some.</summary>
    public string ToQuery(params (string Key, string? Value)[] overrides)
    {
        var values = new List<(string Key, string? Value)>
        {
            ("du", Du?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("au", Au?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("territoire", Territoire), ("theme", Theme), ("public", Public), ("type", Type),
        };
        foreach (var (key, value) in overrides)
        {
            var i = values.FindIndex(v => v.Key == key);
            if (i >= 0) values[i] = (key, value); else values.Add((key, value));
        }
        return string.Join('&', values.Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }

    private static string? Clean(string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? null : slug.Trim().ToLowerInvariant();
}
