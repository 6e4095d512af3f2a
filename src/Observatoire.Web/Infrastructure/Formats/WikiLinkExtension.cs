using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// A wiki link, <c>[[Page title]]</c> or <c>[[slug|text]]</c>. It is parsed everywhere but becomes a link only
/// when a feature resolves it (sets <see cref="Url"/>) in <see cref="Markdown.Render"/>'s configure step;
/// unresolved, it renders as the text that was typed, so other features see no wiki specifics.
/// </summary>
public sealed class WikiLinkInline : LeafInline
{
    public required string Source { get; init; }
    public required string Target { get; init; }
    public required string Label { get; init; }
    /// <summary>Slug of the target page: the target typed, slugified (a slug stays itself).</summary>
    public string TargetSlug => Slug.From(Target, 140);
    public string? Url { get; set; }
    public bool Exists { get; set; }
}

public sealed class WikiLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<WikiLinkParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<WikiLinkRenderer>())
            html.ObjectRenderers.Insert(0, new WikiLinkRenderer());
    }
}

internal sealed class WikiLinkParser : InlineParser
{
    private const int MaxLength = 200;

    public WikiLinkParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekCharExtra(1) != '[') return false;
        var text = slice.Text;
        var start = slice.Start + 2;
        var end = -1;
        for (var i = start; i < slice.End && i - start <= MaxLength; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '[') return false;
            if (c == ']' && i + 1 <= slice.End && text[i + 1] == ']') { end = i; break; }
        }
        if (end <= start) return false;
        var inner = text[start..end];
        var bar = inner.IndexOf('|');
        var target = (bar < 0 ? inner : inner[..bar]).Trim();
        var label = (bar < 0 ? inner : inner[(bar + 1)..]).Trim();
        if (target.Length == 0) return false;
        if (label.Length == 0) label = target;
        var position = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new WikiLinkInline
        {
            Source = text[slice.Start..(end + 2)],
            Target = target,
            Label = label,
            Span = new Markdig.Syntax.SourceSpan(position, position + end + 1 - slice.Start),
            Line = line,
            Column = column,
        };
        slice.Start = end + 2;
        return true;
    }
}

internal sealed class WikiLinkRenderer : HtmlObjectRenderer<WikiLinkInline>
{
    protected override void Write(HtmlRenderer renderer, WikiLinkInline link)
    {
        if (!renderer.EnableHtmlForInline || link.Url is null)
        {
            renderer.WriteEscape(link.Url is null ? link.Source : link.Label);
            return;
        }
        renderer.Write("<a href=\"").WriteEscapeUrl(link.Url).Write("\" class=\"")
            .Write(link.Exists ? "wikilink" : "wikilink wikilink-new").Write('"');
        if (!link.Exists) renderer.Write(" title=\"Page à créer\"");
        renderer.Write('>').WriteEscape(link.Label).Write("</a>");
    }
}
