using System.Text.Encodings.Web;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Observatoire.Web.Pages.Wiki;

public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A page's Markdown rendered for the wiki: safe HTML, plain text, the slugs it links to, its table of contents.</summary>
public sealed record WikiRendered(string Html, string PlainText, IReadOnlyList<string> LinkTargets, IReadOnlyList<TocEntry> Toc);

/// <summary>The wiki's use of the portal's one Markdown pipeline: resolves [[wiki links]] against existing pages.</summary>
public static class WikiMarkdown
{
    public static string PageUrl(string slug) => $"/wiki/{slug}";
    public static string CreateUrl(string slug, string title) => $"/wiki/{slug}/modifier?titre={Uri.EscapeDataString(title)}";

    /// <summary>Slugs of the pages a text links to, in order of first appearance.</summary>
    public static IReadOnlyList<string> LinkTargets(string? markdown) =>
        Markdown.Parse(markdown).Descendants<WikiLinkInline>().Select(l => l.TargetSlug).Distinct().ToList();

    public static async Task<WikiRendered> RenderAsync(ObservatoireDbContext db, string? markdown, CancellationToken ct)
    {
        var targets = LinkTargets(markdown);
        var existing = targets.Count == 0
            ? []
            : await db.WikiPages.Where(p => targets.Contains(p.Slug)).Select(p => p.Slug).ToListAsync(ct);
        return Render(markdown, existing.ToHashSet());
    }

    /// <summary>Renders with links to existing pages, and links to the edit form (a different class) for missing ones.</summary>
    public static WikiRendered Render(string? markdown, IReadOnlySet<string> existingSlugs)
    {
        var targets = new List<string>();
        var toc = new List<TocEntry>();
        var rendered = Markdown.Render(markdown, document =>
        {
            foreach (var link in document.Descendants<WikiLinkInline>())
            {
                var slug = link.TargetSlug;
                if (!targets.Contains(slug)) targets.Add(slug);
                link.Exists = existingSlugs.Contains(slug);
                link.Url = link.Exists ? PageUrl(slug) : CreateUrl(slug, link.Target);
            }
            foreach (var heading in document.Descendants<HeadingBlock>())
            {
                var id = heading.GetAttributes().Id;
                if (heading.Level is < 2 or > 3 || string.IsNullOrEmpty(id) || heading.Inline is null) continue;
                toc.Add(new TocEntry(heading.Level, id, InlineText(heading.Inline)));
            }
        });
        return new WikiRendered(rendered.Html, rendered.PlainText, targets, toc);
    }

    /// <summary>
    /// What the editor's preview says above the rendering: an image linked from another site is blocked by the
    /// portal's content policy (no reader is tracked by a third party), so the preview says so instead of showing a
    /// broken image. Encoded HTML, empty when every image is the portal's own.
    /// </summary>
    public static string PreviewNotice(string? markdown)
    {
        var outside = Markdown.Parse(markdown).Descendants<LinkInline>()
            .Where(l => l.IsImage && l.Url is { } url && !(url.StartsWith('/') && !url.StartsWith("//")) && !url.StartsWith('#'))
            .Select(l => l.Url!).Distinct().ToList();
        if (outside.Count == 0) return "";
        var items = string.Concat(outside.Select(u => $"<li><bdi class=\"url\">{HtmlEncoder.Default.Encode(u.Length > 80 ? u[..80] + "…" : u)}</bdi></li>"));
        return $"<div class=\"notice\" role=\"note\"><p>{(outside.Count == 1 ? "Image hors du portail : elle ne sera pas affichée" : "Images hors du portail : elles ne seront pas affichées")} ; "
            + $"joignez-{(outside.Count == 1 ? "la" : "les")} à la page (« Fichiers ») au lieu de {(outside.Count == 1 ? "la" : "les")} lier.</p><ul>{items}</ul></div>";
    }

    private static string InlineText(ContainerInline inline) =>
        string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline l => l.Content.ToString(),
            CodeInline c => c.Content,
            WikiLinkInline w => w.Label,
            _ => "",
        })).Trim();
}
