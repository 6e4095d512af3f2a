using System.Text;

namespace Observatoire.Web.Pages.Syntheses;

public static partial class SynthesisDocument
{
    /// <summary>
    /// « Déclaré et observé » over the chosen surveys: the page /tableau-de-bord/declare-observe as the public reads it
    /// (the PDF leaves the members' space: observation counts under the threshold are hidden too).
    /// </summary>
    private static void DeclaredObservedChapter(StringBuilder sb, SynthesisContent c, Stamp stamp)
    {
        var result = c.DeclaredObserved!;
        var published = new Suppression(c.Threshold);
        var d = Indicators.DeclaredObserved;
        sb.Append($"<p class=\"definition\">{T(d.Description)}</p>\n");
        sb.Append($"<p>{T($"Côté déclaré : les réponses aux enquêtes de cette synthèse ({string.Join(", ", c.Surveys.Select(s => $"« {s.Title} »"))}). ")}"
            + $"{T($"{published.Format(result.Overall.Respondents)} répondant(s) à une question « Outils numériques », {published.Format(result.Overall.Observations)} observation(s) validée(s).")}</p>\n");
        var lines = DeclaredObserved.Lines(result.Overall, published, suppressObservations: true);
        var flagged = lines.Where(l => l.Flag is not null).ToList();
        if (flagged.Count > 0)
        {
            sb.Append($"<h3>{T("Les écarts qui ressortent")}</h3>\n<ul>\n");
            foreach (var l in flagged)
                sb.Append($"<li>{T($"{l.Name} — {l.Flag} : {DeclaredObserved.Percent(l.DeclaredShare)} des répondants le déclarent, {DeclaredObserved.Percent(l.ObservedShare)} des observations le citent ({l.GapText}).")}</li>\n");
            sb.Append("</ul>\n");
        }
        DeclaredObservedTable(sb, "Par outil", lines);
        foreach (var p in result.Places)
            DeclaredObservedTable(sb, $"{p.Name} : {published.Format(p.Comparison.Respondents)} répondant(s), {published.Format(p.Comparison.Observations)} observation(s)",
                DeclaredObserved.Lines(p.Comparison, published, suppressObservations: true));
    }

    private static void DeclaredObservedTable(StringBuilder sb, string title, IReadOnlyList<DeclaredObserved.Line> lines)
    {
        sb.Append($"<h3>{T(title)}</h3>\n<table class=\"declared-observed\"><thead><tr><th scope=\"col\">{T("Outil")}</th>"
            + $"<th scope=\"col\" class=\"num\">{T("Déclaré")}</th><th scope=\"col\" class=\"num\">{T("Observé")}</th><th scope=\"col\" class=\"num\">{T("Écart")}</th></tr></thead><tbody>\n");
        foreach (var l in lines)
            sb.Append($"<tr><th scope=\"row\">{T(l.Name)}{(l.Flag is null ? "" : $"<br><span class=\"muted\">{T(l.Flag)}</span>")}</th>"
                + $"<td class=\"num\">{T($"{DeclaredObserved.Percent(l.DeclaredShare)} ({l.Declared})")}</td>"
                + $"<td class=\"num\">{T($"{DeclaredObserved.Percent(l.ObservedShare)} ({l.Observed})")}</td><td class=\"num\">{T(l.GapText)}</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }
}
