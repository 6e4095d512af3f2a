using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Horizontal bar charts as server-side SVG: no script, no inline style (the CSP forbids both), readable when
/// printed. Colours are SVG attributes. The data is always also given in a table next to the chart.
/// </summary>
public static class BarChart
{
    public record Bar(string Label, string Display, double? Percent);

    private const int Width = 600, RowHeight = 46, BarHeight = 16, BarMax = 500;

    public static IHtmlContent Render(string title, IReadOnlyList<Bar> bars)
    {
        var ci = CultureInfo.InvariantCulture;
        var height = Math.Max(1, bars.Count) * RowHeight;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{Encode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = i * RowHeight;
            sb.Append(ci, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"14\" fill=\"#1c2430\">{Encode(Shorten(b.Label))}</text>");
            sb.Append(ci, $"<rect x=\"0\" y=\"{y + 22}\" width=\"{BarMax}\" height=\"{BarHeight}\" fill=\"#eef1f5\"/>");
            var w = b.Percent is double p ? Math.Max(p > 0 ? 2 : 0, p / 100 * BarMax) : 0;
            if (w > 0) sb.Append(ci, $"<rect x=\"0\" y=\"{y + 22}\" width=\"{w.ToString("0.#", ci)}\" height=\"{BarHeight}\" fill=\"#1f5f8b\"/>");
            sb.Append(ci, $"<text x=\"{BarMax + 8}\" y=\"{y + 35}\" font-size=\"14\" fill=\"#1c2430\">{Encode(b.Display)}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string Shorten(string s) => s.Length > 70 ? s[..69] + "…" : s;

    private static string Encode(string s) => WebUtility.HtmlEncode(s);
}
