using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Observatoire.Web.Infrastructure;

/// <summary>The result of rendering Markdown: sanitised HTML and plain text, both stored beside the Markdown source.</summary>
public sealed record RenderedMarkdown(string Html, string PlainText);

/// <summary>
/// The one Markdown pipeline of the portal: CommonMark with tables, task lists and heading anchors,
/// wiki links parsed but inert unless a feature resolves them, raw HTML disabled, and the output passed through an HTML sanitiser that keeps only safe elements
/// and links to http, https, mailto and the portal itself.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseGridTables()
        .UseTaskLists()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseFootnotes()
        .Use<WikiLinkExtension>()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Markdown to safe HTML and plain text. <paramref name="configure"/> lets a feature add inline syntax (wiki links).</summary>
    public static RenderedMarkdown Render(string? markdown, Action<MarkdownDocument>? configure = null)
    {
        markdown ??= "";
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        configure?.Invoke(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        var html = Sanitize(writer.ToString());
        // Plain text from the same (configured) document, so that resolved extensions read as their text.
        using var plainWriter = new StringWriter();
        var plainRenderer = new HtmlRenderer(plainWriter) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(plainRenderer);
        plainRenderer.Render(document);
        plainWriter.Flush();
        var plain = plainWriter.ToString().Trim();
        return new RenderedMarkdown(html, plain);
    }

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>The parsed document, for features that walk it (headings for a table of contents, links).</summary>
    public static MarkdownDocument Parse(string? markdown) => Markdig.Markdown.Parse(markdown ?? "", Pipeline);

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) s.AllowedSchemes.Add(scheme);
        s.AllowedAttributes.Add("id");
        s.AllowedAttributes.Add("class");
        s.AllowedAttributes.Remove("style");
        s.AllowedCssProperties.Clear();
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("button");
        s.AllowedTags.Remove("textarea");
        s.AllowedTags.Remove("select");
        s.AllowedTags.Remove("style");
        s.AllowedAttributes.Add("checked");
        s.AllowedAttributes.Add("disabled");
        s.AllowedTags.Add("input"); // task-list checkboxes only, see below
        s.PostProcessNode += (_, e) =>
        {
            // Keep <input> only as a disabled checkbox (task lists); anything else is removed.
            if (e.Node is AngleSharp.Html.Dom.IHtmlInputElement input && (input.Type != "checkbox" || !input.IsDisabled))
                input.Remove();
            // A form control needs a name (axe « label », RGAA 11.1): a task's box says its state; the item's text follows it.
            else if (e.Node is AngleSharp.Html.Dom.IHtmlInputElement box)
                box.SetAttribute("aria-label", box.HasAttribute("checked") ? "Fait" : "À faire");
            // External links open normally but never leak the portal's address or get a handle on it.
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement a
                && (a.GetAttribute("href") ?? "").StartsWith("http", StringComparison.OrdinalIgnoreCase))
                a.SetAttribute("rel", "nofollow noopener noreferrer");
        };
        return s;
    }
}
