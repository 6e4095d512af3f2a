using System.Text;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// The « Carte » block of the indicators chapter: the quartiers map of observations as the dashboard draws it (contours or
/// schematic grid), under the publication rule, with its legend and the table of the same figures.
/// </summary>
public static class SynthesisMap
{
    /// <remarks>Not a <c>div.indicator</c>: those are the charts, each with its back-link to the dashboard (#19.5); the map has its own, to /tableau-de-bord/carte.</remarks>
    public static void Append(StringBuilder sb, SynthesisContent c, SynthesisDocument.Stamp stamp)
    {
        if (c.Map is not { Areas.Count: > 0 } m) return;
        sb.Append($"<div class=\"map-block\" id=\"carte-quartiers\">\n<h3>{T($"Carte : {m.Indicator.Label} par quartier")}</h3>\n");
        sb.Append($"<p class=\"definition\">{T(Indicators.Map.Description)}</p>\n");
        SynthesisDocument.BackLink(sb, c, stamp, "carte");
        sb.Append($"<p class=\"note\"><strong>{T(m.Geographic ? "Carte des contours officiels importés par l'administration de l'observatoire." : TerritoryMap.SchematicNotice)}</strong></p>\n");
        // The map's alternative text, carried by the tagged PDF's Figure: every zone and its figure.
        var alt = FrenchTypography.Text($"Carte, {m.Indicator.Label} par quartier : " + string.Join(" ; ", m.Areas.Select(a => a.Accessible)));
        sb.Append("<div class=\"indicator-body\"><figure class=\"chart-figure\">").Append(Maps.Svg(m.Areas, m.Geographic, null, alt).ToString());
        sb.Append($"<figcaption><p class=\"note\">{T($"Légende ({m.Unit})")}</p>").Append(Maps.Legend(m.Legend.Select(l => (l.Class, FrenchTypography.Text(l.Text)))).ToString())
            .Append("</figcaption></figure>\n");
        sb.Append($"<table><thead><tr><th scope=\"col\">{T("Quartier")}</th><th scope=\"col\" class=\"num\">{T(UpperFirst(m.Unit))}</th></tr></thead><tbody>\n");
        foreach (var a in m.Areas)
            sb.Append($"<tr><th scope=\"row\">{T(a.Label)}</th><td class=\"num\">{T(a.Display)}</td></tr>\n");
        sb.Append("</tbody></table></div>\n");
        if (m.WithoutContour.Count > 0)
            sb.Append($"<p class=\"note\">{T("Sans contour connu, donc absents du dessin : " + string.Join(", ", m.WithoutContour) + ".")}</p>\n");
        if (m.Elsewhere.Count > 0)
            sb.Append($"<p class=\"note\">{T("Hors de la carte — observations rattachées à une commune sans quartier précisé, ou à un territoire retiré : " + string.Join(" ; ", m.Elsewhere.Select(e => $"{e.Label} : {e.Display}")) + ".")}</p>\n");
        sb.Append("</div>\n");
    }

    private static string T(string? text) => FrenchTypography.Html(text);

    private static string UpperFirst(string s) => s.Length == 0 ? s : char.ToUpper(s[0], French.Culture) + s[1..];
}
