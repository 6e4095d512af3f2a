using System.Globalization;
using System.Text.RegularExpressions;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// Where a printed figure leads back (#19.5): each key figure, chart and figures chapter of a stored synthesis carries a
/// short address, <c>/s/SYN-2026-0003/graphique-themes</c>, which <see cref="ShortLinkModel"/> turns into the dashboard
/// view that produced it — same period and filters — at that figure. A preview, not stored, links to the view itself.
/// A survey of the survey chapter, <c>/s/SYN-…/enquete-12</c>, leads to that survey's results with the synthesis's
/// territories, computed by the same code as the chapter (<see cref="SurveyResults.RestrictedAsync"/>).
/// </summary>
public static partial class BackLinks
{
    /// <summary>Chapters of the PDF that lead back, and where on the dashboard.</summary>
    public static readonly IReadOnlyDictionary<string, string> Chapters = new Dictionary<string, string>
    {
        ["partie-chiffres-cles"] = "chiffres-cles",
        ["partie-faits-marquants"] = "chiffres-cles",
        ["partie-indicateurs"] = "repartitions",
        // Printed before each survey had its own link (its QR code now leads to the first survey's results): kept, so
        // that the paper copies of then still lead somewhere.
        ["partie-enquetes"] = "repartitions",
    };

    /// <summary>The target of one survey of the survey chapter.</summary>
    public static string SurveyTarget(int surveyId) => $"enquete-{surveyId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Figures printed from a page of their own rather than from the dashboard: target → that page.</summary>
    public static readonly IReadOnlyDictionary<string, string> Pages = new Dictionary<string, string>
    {
        ["partie-declare-observe"] = "/tableau-de-bord/declare-observe",
        ["carte"] = "/tableau-de-bord/carte",
    };

    /// <summary>The target of a short link: a chapter above, <c>chiffre-{indicator}</c> or <c>graphique-{indicator}</c>.</summary>
    public static bool IsTarget(string? target) =>
        target is not null && (Chapters.ContainsKey(target) || Pages.ContainsKey(target) || Figure().IsMatch(target) || Survey().IsMatch(target));

    /// <summary>
    /// Where a target leads for a view's filter: the dashboard at the figure, the figure's own page, or a survey's results
    /// restricted to the filter's territories (the only dimension a survey's answers have).
    /// </summary>
    public static string Destination(string? target, DashboardFilter filter)
    {
        if (target is not null && Survey().Match(target) is { Success: true } survey)
        {
            var territories = filter.ToQuery(("du", null), ("au", null), ("theme", null), ("public", null), ("type", null));
            return $"/enquetes/gestion/{survey.Groups[1].Value}/resultats" + (territories.Length > 0 ? "?" + territories : "");
        }
        var query = filter.ToQuery();
        return target is not null && Pages.TryGetValue(target, out var page) ? $"{page}?{query}"
            : $"/tableau-de-bord?{query}" + (target is null ? "" : "#" + Anchor(target));
    }

    /// <summary>The dashboard's anchor for a target (the figure's own element, or the chapter's part of the page).</summary>
    public static string Anchor(string target) => Chapters.TryGetValue(target, out var part) ? part : target;

    /// <summary>The address printed for <paramref name="target"/>: the short link, or the dashboard view in a preview.</summary>
    public static string Url(SynthesisContent c, SynthesisDocument.Stamp stamp, string? target = null) =>
        stamp.Reference is { } reference
            ? $"{stamp.LinkBase}/s/{reference}" + (target is null ? "" : "/" + target)
            : stamp.LinkBase + Destination(target, c.Filter);

    /// <summary>The address as printed on paper: without « https:// », which nobody types.</summary>
    public static string Printed(string url) => SchemePrefix().Replace(url, "");

    [GeneratedRegex("^(chiffre|graphique)-[a-z0-9-]{1,60}$")]
    private static partial Regex Figure();

    [GeneratedRegex("^enquete-([0-9]{1,9})$")]
    private static partial Regex Survey();

    [GeneratedRegex("^https?://")]
    private static partial Regex SchemePrefix();
}
