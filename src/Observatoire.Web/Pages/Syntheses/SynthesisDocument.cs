using System.Text;

using Observatoire.Web.Pages.Surveys;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// The HTML of a synthesis, identical in the browser preview and in the PDF: only the way the style sheet
/// arrives differs (a link under the portal's CSP, inline for Chromium, which loads nothing from the network).
/// Every text inserted goes through <see cref="FrenchTypography"/>.
/// </summary>
public static partial class SynthesisDocument
{

    /// <summary>Who and when, and the reference (null in a preview, which is not stored).</summary>
    /// <param name="LinkBase">The portal's public address (« https://observatoire.example »), before the back-links' paths.</param>
    public sealed record Stamp(string? Reference, DateTime GeneratedAtUtc, string GeneratedBy, string LinkBase = "");

    public sealed record Section(string Id, string Title);

    /// <summary>The chapters in print order; those with nothing to show are left out.</summary>
    public static IReadOnlyList<Section> Sections(SynthesisContent c)
    {
        var list = new List<Section>
        {
            new("partie-chiffres-cles", "Chiffres clés"),
            new("partie-faits-marquants", "Faits marquants"),
            new("partie-indicateurs", "Indicateurs"),
        };
        if (c.Reports.Count > 0) list.Add(new("partie-retours-experience", "Retours d'expérience"));
        if (c.Surveys.Count > 0) list.Add(new("partie-enquetes", "Résultats d'enquêtes"));
        if (c.DeclaredObserved is not null) list.Add(new("partie-declare-observe", Indicators.DeclaredObserved.Label));
        list.Add(new("partie-methodologie", "Méthodologie"));
        list.Add(new("partie-structures", "Annexe : structures contributrices"));
        return list;
    }

    /// <summary>The footer printed on every page, next to "page N / M".</summary>
    public static string Footer(SynthesisContent c, Stamp stamp) =>
        FrenchTypography.Text($"{stamp.Reference ?? "Aperçu"} · {c.Title}");

    /// <summary>The header printed at the top of every page: who publishes the document.</summary>
    public static string Header(SynthesisContent c) => FrenchTypography.Text(c.Observatory.FullName);

    /// <summary>
    /// A complete document; <paramref name="head"/> carries the style sheet (inline &lt;style&gt; or &lt;link&gt;).
    /// <paramref name="printed"/> adds the page column of the contents, filled by the PDF engine (data-page-of); the
    /// preview in a browser has no pages. Words are never hyphenated: a word cut at a line's end is cut in the PDF's
    /// text layer too, where search and copy then miss it (#17.7).
    /// </summary>
    public static string Render(SynthesisContent c, Stamp stamp, string head, string? beforeDocument = null, bool printed = false)
    {
        var body = new StringBuilder(64 * 1024);
        Body(body, c, stamp, printed);
        var sb = new StringBuilder(body.Length + 4096);
        sb.Append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(T(c.Title)).Append("</title>")
            .Append(head).Append("</head>\n<body>\n").Append(beforeDocument ?? "");
        sb.Append(body);
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>The document's body: cover, contents, chapters.</summary>
    public static void Body(StringBuilder sb, SynthesisContent c, Stamp stamp, bool printed = false)
    {
        sb.Append("<main class=\"synthese\">\n");
        Cover(sb, c, stamp);
        var sections = Sections(c);
        Contents(sb, sections, printed);
        var n = 0;
        foreach (var s in sections)
        {
            sb.Append($"<section class=\"chapter\" id=\"{s.Id}\">\n");
            // The survey chapter's code leads to its first survey's results; each survey then prints its own link.
            if (s.Id == "partie-enquetes" && c.Surveys.Count > 0) Qr(sb, BackLinks.Url(c, stamp, BackLinks.SurveyTarget(c.Surveys[0].Id)), "chapter-qr");
            else if (BackLinks.Chapters.ContainsKey(s.Id) || BackLinks.Pages.ContainsKey(s.Id)) Qr(sb, BackLinks.Url(c, stamp, s.Id), "chapter-qr");
            sb.Append($"<h2>{T(Heading(s, ref n))}</h2>\n");
            switch (s.Id)
            {
                case "partie-chiffres-cles": KeyFigures(sb, c, stamp); break;
                case "partie-faits-marquants": Highlights(sb, c); break;
                case "partie-indicateurs": IndicatorCharts(sb, c, stamp); SynthesisMap.Append(sb, c, stamp); break;
                case "partie-retours-experience": Reports(sb, c); break;
                case "partie-enquetes": Surveys(sb, c, stamp); break;
                case "partie-declare-observe": DeclaredObservedChapter(sb, c, stamp); break;
                case "partie-methodologie": Methodology(sb, c, stamp); break;
                case "partie-structures": Structures(sb, c); break;
            }
            sb.Append("</section>\n");
        }
        sb.Append("</main>\n");
    }

    /// <summary>"1. Chiffres clés" … the annex is not numbered. Same text in the contents and in the chapter's heading.</summary>
    private static string Heading(Section s, ref int n) => s.Id == "partie-structures" ? s.Title : $"{++n}. {s.Title}";

    private static void Cover(StringBuilder sb, SynthesisContent c, Stamp stamp)
    {
        sb.Append("<section class=\"cover\">\n");
        sb.Append($"<p class=\"cover-brand\">{T(c.Observatory.FullName)}</p>\n");
        sb.Append($"<h1>{T(c.Title)}</h1>\n");
        sb.Append($"<p class=\"cover-period\">{T($"Du {ParisTime.Date(c.Filter.From!.Value)} au {ParisTime.Date(c.Filter.To!.Value)}")}</p>\n");
        sb.Append("<dl class=\"cover-facts\">\n");
        Fact(sb, c.Names.Territories.Count > 1 ? "Territoires" : "Territoire", c.TerritoryLabel);
        Fact(sb, c.Names.Themes.Count > 1 ? "Thèmes" : "Thème", c.ThemeLabel ?? "Tous les thèmes");
        Fact(sb, c.Names.Audiences.Count > 1 ? "Publics" : "Public", c.AudienceLabel ?? "Tous les publics");
        if (c.Surveys.Count > 0) Fact(sb, "Enquêtes", string.Join(", ", c.Surveys.Select(s => $"« {s.Title} »")));
        if (c.Reports.Count > 0) Fact(sb, "Retours d'expérience", Plural(c.Reports.Count, "retour cité", "retours cités"));
        Fact(sb, "Date de génération", ParisTime.Format(stamp.GeneratedAtUtc));
        Fact(sb, "Générée par", stamp.GeneratedBy);
        Fact(sb, "Référence (version)", stamp.Reference ?? "Aperçu : document non enregistré");
        sb.Append("</dl>\n");
        sb.Append($"<p class=\"cover-fingerprint\"><strong>{T("Empreinte des données (SHA-256) :")}</strong><br><code class=\"fingerprint\">{c.Fingerprint}</code></p>\n");
        Qr(sb, BackLinks.Url(c, stamp), "cover-qr", "Cette synthèse sur le tableau de bord : ");
        sb.Append($"<p class=\"cover-note\">{T("L'empreinte identifie les données utilisées : une synthèse régénérée avec les mêmes paramètres sur les mêmes données porte la même empreinte. Voir la page « Méthodologie ».")}</p>\n");
        sb.Append("</section>\n");
    }

    private static void Contents(StringBuilder sb, IReadOnlyList<Section> sections, bool printed)
    {
        sb.Append($"<nav class=\"toc\" aria-labelledby=\"sommaire\">\n<h2 id=\"sommaire\">{T("Sommaire")}</h2>\n<ol>\n");
        var n = 0;
        foreach (var s in sections)
        {
            sb.Append($"<li><a href=\"#{s.Id}\"><span class=\"toc-title\">{T(Heading(s, ref n))}</span>");
            // Empty and of fixed width until the engine writes the page in: the numbers arriving move nothing.
            if (printed) sb.Append($"<span class=\"toc-leader\" aria-hidden=\"true\"></span><span class=\"toc-page\" data-page-of=\"{s.Id}\"></span>");
            sb.Append("</a></li>\n");
        }
        sb.Append("</ol>\n</nav>\n");
    }

    /// <summary>
    /// A QR code of <paramref name="url"/> and the address printed under it, for readers of the paper copy (#19.5). The
    /// code is an image for assistive technology, named by the address it holds.
    /// </summary>
    private static void Qr(StringBuilder sb, string url, string css, string? caption = null)
    {
        var printed = BackLinks.Printed(url);
        sb.Append($"<figure class=\"{css}\"><span role=\"img\" aria-label=\"{T("Code QR : " + printed)}\">")
            .Append(QrCodes.Svg(url, 3)).Append("</span>");
        sb.Append($"<figcaption>{T(caption ?? "En ligne : ")}<a href=\"{E(url)}\">{T(printed)}</a></figcaption></figure>\n");
    }

    /// <summary>« En ligne : observatoire.example/s/SYN-2026-0003/graphique-themes », under a figure.</summary>
    internal static void BackLink(StringBuilder sb, SynthesisContent c, Stamp stamp, string target)
    {
        var url = BackLinks.Url(c, stamp, target);
        sb.Append($"<p class=\"back-link\">{T("En ligne : ")}<a href=\"{E(url)}\">{T(BackLinks.Printed(url))}</a></p>\n");
    }

    private static void KeyFigures(StringBuilder sb, SynthesisContent c, Stamp stamp)
    {
        sb.Append($"<p>{T($"Période du {ParisTime.Date(c.Filter.From!.Value)} au {ParisTime.Date(c.Filter.To!.Value)}, comparée à la période précédente de même durée (du {ParisTime.Date(c.Previous.From)} au {ParisTime.Date(c.Previous.To)}).")}</p>\n");
        sb.Append($"<table class=\"key-figures\"><thead><tr><th scope=\"col\">{T("Indicateur")}</th><th scope=\"col\" class=\"num\">{T("Période")}</th><th scope=\"col\" class=\"num\">{T("Période précédente")}</th><th scope=\"col\" class=\"num\">{T("Évolution")}</th></tr></thead><tbody>\n");
        foreach (var k in c.Figures)
            sb.Append($"<tr id=\"chiffre-{k.Definition.Id}\"><th scope=\"row\"><a href=\"{E(BackLinks.Url(c, stamp, "chiffre-" + k.Definition.Id))}\">{T(k.Definition.Label)}</a></th><td class=\"num figure-value\">{T(k.Value)}</td>"
                + $"<td class=\"num\">{T(k.Previous)}</td><td class=\"num\">{T(k.Change)}</td></tr>\n");
        sb.Append("</tbody></table>\n");
        sb.Append("<dl class=\"definitions\">\n");
        foreach (var k in c.Figures) Fact(sb, k.Definition.Label, k.Definition.Description);
        sb.Append("</dl>\n");
    }

    private static void Highlights(StringBuilder sb, SynthesisContent c)
    {
        var published = new Suppression(c.Threshold);
        sb.Append($"<h3>{T(Indicators.TopTools.Label)}</h3>\n<p class=\"definition\">{T(Indicators.TopTools.Description)}</p>\n");
        if (c.TopTools.Count == 0) sb.Append($"<p class=\"muted\">{T("Aucun outil cité dans les observations de la période.")}</p>\n");
        else
        {
            sb.Append($"<table><thead><tr><th scope=\"col\">{T("Rang")}</th><th scope=\"col\">{T("Outil")}</th><th scope=\"col\" class=\"num\">{T("Observations")}</th></tr></thead><tbody>\n");
            var rank = 0;
            foreach (var t in c.TopTools)
                sb.Append($"<tr><td class=\"num\">{++rank}</td><th scope=\"row\">{T(t.Label)}</th><td class=\"num\">{T(published.Format(t.Count))}</td></tr>\n");
            sb.Append("</tbody></table>\n");
        }

        sb.Append($"<h3>{T("Évolution par thème")}</h3>\n<p class=\"definition\">{T($"Observations validées par thème, comparées à la période précédente (du {ParisTime.Date(c.Previous.From)} au {ParisTime.Date(c.Previous.To)}).")}</p>\n");
        sb.Append($"<table><thead><tr><th scope=\"col\">{T("Thème")}</th><th scope=\"col\" class=\"num\">{T("Période")}</th><th scope=\"col\" class=\"num\">{T("Période précédente")}</th><th scope=\"col\" class=\"num\">{T("Évolution")}</th></tr></thead><tbody>\n");
        foreach (var t in c.ThemeChanges)
            sb.Append($"<tr><th scope=\"row\">{T(t.Theme)}</th><td class=\"num\">{T(published.Format(t.Now))}</td><td class=\"num\">{T(published.Format(t.Before))}</td><td class=\"num\">{T(published.Hides(t.Now) || published.Hides(t.Before) ? "—" : Change(t.Now, t.Before))}</td></tr>\n");
        sb.Append("</tbody></table>\n");

        var changes = c.Figures.Where(k => k.Change is not "—" and not "stable").ToList();
        if (changes.Count > 0)
        {
            sb.Append($"<h3>{T("Ce qui a changé par rapport à la période précédente")}</h3>\n<ul>\n");
            foreach (var k in changes)
                sb.Append($"<li>{T($"{k.Definition.Label} : {k.Value} contre {k.Previous} ({k.Change}).")}</li>\n");
            sb.Append("</ul>\n");
        }
    }

    private static void IndicatorCharts(StringBuilder sb, SynthesisContent c, Stamp stamp)
    {
        foreach (var chart in c.Charts)
        {
            sb.Append($"<div class=\"indicator\" id=\"indicateur-{chart.Id}\">\n<h3>{T(chart.Definition.Label)}</h3>\n");
            sb.Append($"<p class=\"definition\">{T(chart.Definition.Description)}</p>\n");
            if (chart.Note is not null) sb.Append($"<p class=\"note\">{T(chart.Note)}</p>\n");
            BackLink(sb, c, stamp, "graphique-" + chart.Id);
            if (chart.Bars.Count == 0 || chart.IsEmpty)
            {
                sb.Append($"<p class=\"muted\">{T("Aucune donnée pour ces filtres.")}</p>\n</div>\n");
                continue;
            }
            // The chart's alternative text, which the tagged PDF carries on its Figure: what it shows, figures included.
            var alt = $"Graphique en barres, {chart.Definition.Label} ({chart.Unit}) : " + string.Join(" ; ", chart.Bars.Select(b => $"{(b.Group is null ? "" : b.Group + ", ")}{b.Label} {b.Display}"));
            sb.Append("<div class=\"indicator-body\"><figure class=\"chart-figure\">").Append(Charts.HorizontalBars(chart.Bars, label: FrenchTypography.Text(alt)).ToString()).Append("</figure>\n");
            sb.Append("<table><thead><tr>");
            if (chart.GroupHeading is not null) sb.Append($"<th scope=\"col\">{T(chart.GroupHeading)}</th>");
            sb.Append($"<th scope=\"col\">{T(chart.GroupHeading is null ? "Libellé" : "Outil")}</th><th scope=\"col\" class=\"num\">{T(UpperFirst(chart.Unit))}</th></tr></thead><tbody>\n");
            foreach (var b in chart.Bars)
            {
                sb.Append("<tr>");
                if (chart.GroupHeading is not null) sb.Append($"<td>{T(b.Group)}</td>");
                sb.Append($"<th scope=\"row\">{T(b.Label)}</th><td class=\"num\">{T(b.Display)}</td></tr>\n");
            }
            sb.Append("</tbody></table></div>\n</div>\n");
        }
    }

    private static void Reports(StringBuilder sb, SynthesisContent c)
    {
        sb.Append($"<p>{T("Retours d'expérience choisis dans le wiki de l'observatoire, dans leur révision courante au moment de la génération.")}</p>\n");
        foreach (var r in c.Reports)
        {
            sb.Append($"<article class=\"report\" id=\"retour-{r.PageId}\">\n<h3>{T(r.Title)}</h3>\n");
            sb.Append($"<p class=\"meta\">{T($"Révision n° {r.RevisionNumber} du {ParisTime.Format(r.RevisionDate)} — page « {r.Slug} » du wiki (révision {r.RevisionId}).")}</p>\n");
            // Stored HTML was sanitised when the revision was saved; headings move down two levels under the chapter.
            sb.Append("<div class=\"wiki-content\">").Append(FrenchTypography.InHtml(DemoteHeadings(r.Html))).Append("</div>\n</article>\n");
        }
    }

    private static void Surveys(StringBuilder sb, SynthesisContent c, Stamp stamp)
    {
        var threshold = c.Threshold;
        var suppression = new Suppression(threshold);
        sb.Append($"<p>{T($"Réponses anonymes reçues jusqu'à la date de génération. Les groupes de moins de {threshold} répondants sont affichés « < {threshold} », sans pourcentage ; les réponses libres ne sont pas reproduites.")}</p>\n");
        foreach (var s in c.Surveys)
        {
            // With a territory filter, the title says whose answers these are: the synthesis's territories, or every
            // territory when the survey does not ask for one (not a footnote: a reader of « Joué-lès-Tours » must see it).
            var whose = c.Filter.Territories.Length == 0 ? ""
                : s.TerritoryFiltered ? $" — répondants de {c.TerritoryLabel}"
                : " — tous territoires : l'enquête ne demande pas le quartier";
            var filled = $"{suppression.Format(s.Results.Total)} questionnaire{(s.Results.Total > 1 ? "s" : "")} rempli{(s.Results.Total > 1 ? "s" : "")}";
            var how = c.Filter.Territories.Length == 0 ? ""
                : s.TerritoryFiltered ? $" par des répondants qui ont indiqué {c.TerritoryLabel} à la question « {s.TerritoryQuestion} »"
                : $", de tous les territoires : le filtre « {c.TerritoryLabel} » ne peut pas s'appliquer à cette enquête, qui ne demande pas le quartier";
            sb.Append($"<article class=\"survey\" id=\"enquete-{s.Id}\">\n<h3>{T($"Enquête « {s.Title} »{whose}")}</h3>\n");
            sb.Append($"<p class=\"meta\">{T($"{filled}{how} — enquête {s.Status.Label().ToLowerInvariant()}.")}</p>\n");
            BackLink(sb, c, stamp, BackLinks.SurveyTarget(s.Id));
            if (suppression.Hides(s.Results.Total) || s.Results.Total == 0)
            {
                sb.Append($"<p class=\"muted\">{T(s.Results.Total == 0 ? "Aucune réponse pour l'instant." : $"Moins de {threshold} réponses : les résultats ne sont pas publiés.")}</p>\n</article>\n");
                continue;
            }
            foreach (var q in s.Results.Questions)
            {
                if (q.IsClosed)
                {
                    sb.Append($"<div class=\"question\">\n<h4>{T(q.Text)}</h4>\n<p class=\"meta\">{T($"{suppression.Format(q.Respondents)} répondant{(q.Respondents > 1 ? "s" : "")}")}</p>\n");
                    if (q.Respondents == 0 || suppression.Hides(q.Respondents))
                    {
                        sb.Append("</div>\n");
                        continue;
                    }
                    // A table whose last column is the bar: compact enough for a long list of answers, figures and chart in one.
                    sb.Append($"<table class=\"bar-table\"><thead><tr><th scope=\"col\">{T("Réponse")}</th><th scope=\"col\" class=\"num\">{T("Répondants")}</th><th scope=\"col\" class=\"num\">{T("Part")}</th><th scope=\"col\" class=\"bar-cell\"><span class=\"visually-hidden\">{T("Graphique")}</span></th></tr></thead><tbody>\n");
                    foreach (var v in q.Values)
                        sb.Append($"<tr><th scope=\"row\">{T(v.Label)}</th><td class=\"num\">{T(suppression.Format(v.Count))}</td><td class=\"num\">{T(suppression.FormatPercent(v.Count, q.Respondents))}</td><td class=\"bar-cell\">{InlineBar(suppression.Percent(v.Count, q.Respondents))}</td></tr>\n");
                    sb.Append("</tbody></table>\n</div>\n");
                }
                else if (q.Mean is decimal mean && !suppression.Hides(q.Respondents))
                {
                    sb.Append($"<div class=\"question\">\n<h4>{T(q.Text)}</h4>\n<p>{T($"{suppression.Format(q.Respondents)} répondants — moyenne : {SurveyResults.FormatNumber(mean)}, médiane : {SurveyResults.FormatNumber(q.Median!.Value)}.")}</p>\n</div>\n");
                }
            }
            sb.Append("</article>\n");
        }
    }

    private static void Methodology(StringBuilder sb, SynthesisContent c, Stamp stamp)
    {
        var threshold = c.Threshold;
        sb.Append($"<h3>{T("Ce qui est compté")}</h3>\n");
        sb.Append($"<p>{T("Les chiffres portent sur les observations d'usages saisies par les structures membres et validées par la coordination de l'observatoire ; les brouillons et les observations en attente de validation ne comptent pas. Une observation compte dans la période si sa date d'observation est comprise entre la date de début et la date de fin, incluses.")}</p>\n");
        sb.Append($"<p>{T($"Périmètre : {c.TerritoryLabel} (une commune inclut ses quartiers) ; {c.ThemeLabel ?? "tous les thèmes"} ; {c.AudienceLabel ?? "tous les publics"}. Les évolutions comparent à la période précédente de même durée, du {ParisTime.Date(c.Previous.From)} au {ParisTime.Date(c.Previous.To)}.")}</p>\n");
        if (c.Names.Themes.Count > 1 || c.Names.Audiences.Count > 1)
            sb.Append($"<p>{T("Une observation liée à plusieurs des thèmes ou des publics choisis compte une seule fois dans les chiffres clés, et une fois dans chacun de ces thèmes ou publics dans les répartitions par thème et par public.")}</p>\n");
        sb.Append($"<h3>{T("Comment")}</h3>\n");
        sb.Append($"<p>{T("Les indicateurs sont ceux du tableau de bord de l'observatoire : mêmes définitions, mêmes requêtes. Pour les mêmes filtres, le tableau de bord public affiche les mêmes chiffres que cette synthèse ; celui des membres donne en plus les petits effectifs d'observations exacts.")}</p>\n");
        sb.Append("<dl class=\"definitions\">\n");
        foreach (var d in Indicators.All.Where(d => d != Indicators.SurveyQuestions))
            Fact(sb, d.Label, d.Description);
        Fact(sb, Indicators.TopTools.Label, Indicators.TopTools.Description);
        sb.Append("</dl>\n");
        sb.Append($"<h3>{T("Confidentialité")}</h3>\n");
        sb.Append($"<p>{T($"Seuil de confidentialité : {threshold}. Dans les résultats d'enquête, tout groupe de moins de {threshold} répondants est affiché « < {threshold} », sans pourcentage, pour que personne ne puisse être reconnu. Les enquêtes sont anonymes : aucune adresse IP ni aucun identifiant n'est conservé avec une réponse. Aucune observation ne nomme de bénéficiaire.")}</p>\n");
        sb.Append($"<p>{T(PublicationRule.Counts(threshold))}</p>\n<p>{T(PublicationRule.FreeTexts)}</p>\n");
        sb.Append($"<h3>{T("Reproductibilité")}</h3>\n");
        sb.Append($"<p>{T("L'empreinte des données est un condensat SHA-256 calculé sur : les paramètres de la synthèse, le seuil de confidentialité, chaque observation validée du périmètre avec sa version (qui change à chaque modification), les identifiants des réponses aux enquêtes retenues et les identifiants des révisions du wiki citées. Si l'une de ces données change, l'empreinte change ; la page « Synthèses » du portail le signale.")}</p>\n");
        sb.Append("<dl class=\"definitions\">\n");
        Fact(sb, "Référence", stamp.Reference ?? "Aperçu : document non enregistré");
        sb.Append($"<dt>{T("Empreinte")}</dt><dd><code class=\"fingerprint\">{c.Fingerprint}</code></dd>\n");
        Fact(sb, "Révisions du wiki citées", c.WikiRevisionIds.Length == 0 ? "aucune" : string.Join(", ", c.WikiRevisionIds));
        Fact(sb, "Paramètres", c.Request.ToJson());
        sb.Append("</dl>\n");
    }

    private static void Structures(StringBuilder sb, SynthesisContent c)
    {
        sb.Append($"<p>{T("Structures dont au moins une observation validée entre dans le périmètre de cette synthèse, par nombre d'observations.")}</p>\n");
        if (c.Structures.Count == 0)
        {
            sb.Append($"<p class=\"muted\">{T("Aucune structure : aucune observation validée dans ce périmètre.")}</p>\n");
            return;
        }
        sb.Append($"<table class=\"structures\"><thead><tr><th scope=\"col\">{T("Structure")}</th><th scope=\"col\">{T("Type")}</th><th scope=\"col\">{T("Territoire")}</th><th scope=\"col\" class=\"num\">{T("Observations")}</th></tr></thead><tbody>\n");
        foreach (var s in c.Structures)
            sb.Append($"<tr><th scope=\"row\">{T(s.Name)}</th><td>{T(s.Kind)}</td><td>{T(s.Territory)}</td><td class=\"num\">{T(new Suppression(c.Threshold).Format(s.Observations))}</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    /// <summary>A bar for 0–100 %, as an SVG with presentation attributes only (the CSP forbids inline styles); nothing when hidden.</summary>
    private static string InlineBar(double? percent) =>
        percent is double p
            ? $"<svg class=\"inline-bar\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect x=\"0\" y=\"0\" width=\"100\" height=\"8\" fill=\"#eef1f5\"/><rect x=\"0\" y=\"0\" width=\"{Math.Max(p > 0 ? 0.5 : 0, p).ToString("0.#", CultureInfo.InvariantCulture)}\" height=\"8\" fill=\"#1f5f8b\"/></svg>"
            : "";

    private static void Fact(StringBuilder sb, string term, string value) =>
        sb.Append($"<dt>{T(term)}</dt><dd>{T(value)}</dd>\n");

    private static string UpperFirst(string s) => s.Length == 0 ? s : char.ToUpper(s[0], French.Culture) + s[1..];

    private static string T(string? text) => FrenchTypography.Html(text);

    /// <summary>An attribute's value (an address), encoded as is: no typography inside a link's target.</summary>
    private static string E(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>"1er mars 2026", "15 mars 2026".</summary>

    private static string Plural(int n, string one, string many) => $"{n} {(n > 1 ? many : one)}";

    private static string Change(int now, int before) =>
        before == 0 ? (now == 0 ? "stable" : "nouveau")
        : now == before ? "stable"
        : (now - before) * 100.0 / before is var pct && pct > 0 ? $"+{pct.ToString("0", French.Culture)} %" : $"−{(-pct).ToString("0", French.Culture)} %";

    /// <summary>h1 → h4 … so a report's own headings sit under its title (h3).</summary>
    private static string DemoteHeadings(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, @"<(/?)h([1-6])\b", m =>
            $"<{m.Groups[1].Value}h{Math.Min(6, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 3)}");
}
