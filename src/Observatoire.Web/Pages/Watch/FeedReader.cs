using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace Observatoire.Web.Pages.Watch;

/// <summary>An entry of an RSS or Atom feed, already bounded to what a watch item can hold.</summary>
public record FeedEntry(string Guid, string Title, string Url, string Summary);

/// <summary>The feed could not be read: the message is French and goes to Coordination on the sources page.</summary>
public class FeedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads RSS 2.0 (and the older 0.9x), RSS 1.0 (RDF) and Atom 1.0 safely: no DTD, no external entity, no resolver, a
/// bounded document; anything else is a <see cref="FeedException"/>, never a crash. Items are read by
/// System.ServiceModel.Syndication's item formatters.
/// </summary>
public static class FeedReader
{
    public const int MaxEntries = 200;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    public static IReadOnlyList<FeedEntry> Parse(Stream xml, Uri feedUrl)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = 20_000_000,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            // Kept, the indentation between elements would reach the item formatters as text, which they refuse.
            IgnoreWhitespace = true,
            Async = false,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new FeedException("Ce document n'est ni un flux RSS ni un flux Atom : il déclare un DOCTYPE, refusé (c'est souvent une page web).", e);
        }
        catch (XmlException e)
        {
            throw new FeedException($"Le flux n'est pas un XML valide (ligne {e.LineNumber}) : {e.Message}", e);
        }
        var root = document.Root ?? throw new FeedException("Le flux est vide.");
        // Item by item rather than SyndicationFeed.Load, which refuses RSS versions other than "2.0" and a whole feed for one unreadable item.
        var rss = new Rss20ItemFormatter();
        var atom = new Atom10ItemFormatter();
        IEnumerable<FeedEntry?> entries = root.Name.LocalName switch
        {
            "rss" => root.Element("channel")?.Elements("item").Select(i => Rss(Read(rss, i), i.Element("link") is not null, feedUrl)) ?? [],
            "feed" when root.Name.Namespace == Atom => root.Elements(Atom + "entry").Select(e => AtomEntry(Read(atom, e), feedUrl)),
            "RDF" => root.Elements(Rss1 + "item").Select(i => Rss1Item(i, feedUrl)),
            _ => throw new FeedException($"Ce document n'est ni un flux RSS ni un flux Atom (élément racine « {Bounded(root.Name.LocalName, 60)} »)."),
        };
        return entries.OfType<FeedEntry>().Take(MaxEntries).ToList();
    }

    /// <summary>The item, or null when the library cannot read it (an address or a date it cannot parse): the others are still read.</summary>
    private static SyndicationItem? Read(SyndicationItemFormatter formatter, XElement element)
    {
        try
        {
            using var reader = element.CreateReader();
            formatter.ReadFrom(reader);
            return formatter.Item;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static FeedEntry? Rss(SyndicationItem? item, bool hasLink, Uri feedUrl)
    {
        if (item is null) return null;
        var guid = item.Id?.Trim();
        var link = hasLink ? Absolute(item.Links.FirstOrDefault(l => l.RelationshipType == "alternate")?.Uri, feedUrl) : null;
        // Without a usable <link>, the guid is the link when it is a web address: the library would also take a guid like
        // "cv" (relative to the feed) and leave out one marked isPermaLink="false".
        if (link is null && Uri.TryCreate(guid, UriKind.Absolute, out var g) && g.Scheme is "http" or "https") link = g.AbsoluteUri;
        var summary = item.Summary?.Text ?? Extension(item, Content + "encoded");
        return Entry(guid, item.Title?.Text, link, summary);
    }

    // System.ServiceModel.Syndication has no RSS 1.0 (RDF) formatter (FeedReaderTests show SyndicationFeed.Load refusing it): read by hand.
    private static FeedEntry? Rss1Item(XElement item, Uri feedUrl)
    {
        var link = Absolute(item.Element(Rss1 + "link")?.Value, feedUrl);
        return Entry(link, item.Element(Rss1 + "title")?.Value, link, item.Element(Rss1 + "description")?.Value);
    }

    private static FeedEntry? AtomEntry(SyndicationItem? entry, Uri feedUrl)
    {
        if (entry is null) return null;
        var links = entry.Links;
        var href = (links.FirstOrDefault(l => l.RelationshipType is null or "alternate") ?? links.FirstOrDefault())?.Uri;
        var summary = entry.Summary?.Text ?? (entry.Content as TextSyndicationContent)?.Text;
        return Entry(entry.Id?.Trim(), entry.Title?.Text, Absolute(href, feedUrl), summary);
    }

    private static string? Extension(SyndicationItem item, XName name)
    {
        var extension = item.ElementExtensions.FirstOrDefault(e => e.OuterName == name.LocalName && e.OuterNamespace == name.NamespaceName);
        if (extension is null) return null;
        using var reader = extension.GetReader();
        return reader.ReadElementContentAsString();
    }

    private static FeedEntry? Entry(string? guid, string? title, string? url, string? summary)
    {
        // Without a web address there is nothing to look at; without a title nothing to show.
        if (string.IsNullOrEmpty(url)) return null;
        var text = PlainText(title);
        if (text.Length == 0) text = url;
        var id = string.IsNullOrEmpty(guid) ? url : guid;
        return new FeedEntry(Bounded(id, 1000), Bounded(text, 300), url, Bounded(PlainText(summary), 1000));
    }

    private static string? Absolute(string? href, Uri feedUrl) =>
        string.IsNullOrWhiteSpace(href) ? null : Absolute(Uri.TryCreate(href.Trim(), UriKind.RelativeOrAbsolute, out var uri) ? uri : null, feedUrl);

    private static string? Absolute(Uri? href, Uri feedUrl)
    {
        if (href is null) return null;
        if (!Uri.TryCreate(feedUrl, href, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        var absolute = uri.AbsoluteUri;
        return absolute.Length <= 1000 ? absolute : null;
    }

    /// <summary>Summaries are often HTML: keep the words only, whitespace collapsed.</summary>
    private static string PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var text = html.Contains('<')
            ? new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body?.TextContent ?? ""
            : System.Net.WebUtility.HtmlDecode(html);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Bounded(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
