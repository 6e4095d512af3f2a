using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Observatoire.Web.Infrastructure;

/// <summary>One bar: <paramref name="Value"/> null when suppressed; <paramref name="Display"/> is the published figure;
/// <paramref name="Key"/> the stable code of what the bar counts (a slug, a month « 2026-01 »), when there is one.</summary>
public sealed record ChartBar(string? Group, string Label, int? Value, string Display, string? Href, string? Key = null);

/// <summary>
/// Horizontal bar charts as inline SVG written by hand: presentation attributes and CSS classes only, no
/// <c>style=</c>, so the strict CSP (<c>style-src 'self'</c>) allows them inline and bars can be links.
/// The SVG is hidden from assistive technologies (the data table next to each chart carries the same figures) unless
/// it is given a label: then it is one image with that text, as a tagged PDF's Figure needs.
/// </summary>
public static class Charts
{
    private const int Width = 360;
    private const int ValueRoom = 56;
    private const int RowHeight = 40;
    private const int GroupHeight = 26;
    private const int MaxLabel = 46;

    /// <param name="bars">The bars, in display order.</param>
    /// <param name="fullScale">The value drawn at full width (e.g. the respondents of a question, so bars read as
    /// percentages); by default the largest bar. Longer bars (several answers per respondent) stop at full width.</param>
    /// <param name="label">The chart's alternative text; without it the chart is hidden from assistive technologies.</param>
    public static IHtmlContent HorizontalBars(IReadOnlyList<ChartBar> bars, int? fullScale = null, string? label = null)
    {
        var max = fullScale ?? bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max();
        var scale = max <= 0 ? 0 : (double)(Width - ValueRoom) / max;
        var svg = new StringBuilder();
        var y = 0;
        string? group = null;
        foreach (var bar in bars)
        {
            if (bar.Group is not null && bar.Group != group)
            {
                group = bar.Group;
                svg.Append($"""<text class="chart-group" x="0" y="{y + 18}">{Escape(Shorten(group))}</text>""");
                y += GroupHeight;
            }
            var length = bar.Value is int v ? Math.Clamp((int)Math.Round(v * scale), v > 0 ? 2 : 0, Width - ValueRoom) : 0;
            var row = new StringBuilder();
            row.Append($"""<text class="chart-label" x="0" y="{y + 14}">{Escape(Shorten(bar.Label))}</text>""");
            if (length > 0)
                row.Append($"""<rect class="chart-bar" x="0" y="{y + 20}" width="{length}" height="14" rx="2"/>""");
            row.Append($"""<text class="chart-value" x="{length + 6}" y="{y + 32}">{Escape(bar.Display)}</text>""");
            svg.Append(bar.Href is null
                ? $"<g>{row}</g>"
                : $"""<a href="{Escape(bar.Href)}" tabindex="-1">{row}</a>""");
            y += RowHeight;
        }
        var height = Math.Max(y, 1);
        var accessibility = label is null ? "aria-hidden=\"true\"" : $"role=\"img\" aria-label=\"{Escape(label)}\"";
        return new HtmlString(
            $"""<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" {accessibility} focusable="false">{svg}</svg>""");
    }

    private static string Shorten(string text) => text.Length <= MaxLabel ? text : text[..(MaxLabel - 1)] + "…";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Integer with French digit grouping (narrow no-break space).</summary>
    public static string Number(long value) => value.ToString("N0", French.Culture);
}
