using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Tests.Wiki;

public class AtomFeedTests
{
    private static readonly XNamespace A = "http://www.w3.org/2005/Atom";
    private static readonly DateTime At = new(2026, 11, 24, 13, 5, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_change_is_an_entry_linking_to_its_diff_with_its_author_and_comment()
    {
        var bytes = FeedModel.Write("https://observatoire.example", "Observatoire", [
            new RecentModel.Row("Charte & usages", "charte", 3, At, "Camille", null),
            new RecentModel.Row("Accueil", "accueil", 1, At.AddDays(-1), null, "Première version"),
        ]);

        Assert.NotEqual(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        var feed = XDocument.Parse(text).Root!;
        Assert.Equal(A + "feed", feed.Name);
        Assert.Equal("Observatoire — modifications récentes du wiki", feed.Element(A + "title")!.Value);
        Assert.Equal("https://observatoire.example/wiki/modifications-recentes", feed.Element(A + "id")!.Value);
        Assert.Equal("2026-11-24T13:05:00Z", feed.Element(A + "updated")!.Value);
        Assert.Contains(feed.Elements(A + "link"), l => (string?)l.Attribute("rel") == "self"
            && (string?)l.Attribute("href") == "https://observatoire.example/wiki/modifications-recentes.atom");
        var entries = feed.Elements(A + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("Charte & usages (version 3)", entries[0].Element(A + "title")!.Value);
        Assert.Equal("https://observatoire.example/wiki/charte/version/3", entries[0].Element(A + "id")!.Value);
        Assert.Equal("https://observatoire.example/wiki/charte/diff?de=2&a=3", entries[0].Element(A + "link")!.Attribute("href")!.Value);
        Assert.Equal("2026-11-24T13:05:00Z", entries[0].Element(A + "updated")!.Value);
        Assert.Equal("Camille", entries[0].Element(A + "author")!.Element(A + "name")!.Value);
        Assert.Equal("Modification de la page", entries[0].Element(A + "summary")!.Value);
        Assert.Equal("https://observatoire.example/wiki/accueil", entries[1].Element(A + "link")!.Attribute("href")!.Value);
        Assert.Equal("Observatoire", entries[1].Element(A + "author")!.Element(A + "name")!.Value);
        Assert.Equal("Première version", entries[1].Element(A + "summary")!.Value);
    }

    [Fact]
    public void An_empty_wiki_gives_a_valid_feed()
    {
        var feed = XDocument.Parse(Encoding.UTF8.GetString(FeedModel.Write("https://observatoire.example", "Observatoire", []))).Root!;

        Assert.Empty(feed.Elements(A + "entry"));
        Assert.Equal("1970-01-01T00:00:00Z", feed.Element(A + "updated")!.Value);
    }

    [Fact]
    public void Control_characters_are_dropped_so_the_feed_stays_valid_xml()
    {
        var bytes = FeedModel.Write("https://observatoire.example", "Observatoire", [
            new RecentModel.Row("a\u0000b\u0001c\u0007d\u001Be 🎉", "hostile", 2, At, "x\u0008y", "\u000Bcommentaire\u001F"),
        ]);

        var entry = XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!.Element(A + "entry")!;
        Assert.Equal("abcde 🎉 (version 2)", entry.Element(A + "title")!.Value);
        Assert.Equal("xy", entry.Element(A + "author")!.Element(A + "name")!.Value);
        Assert.Equal("commentaire", entry.Element(A + "summary")!.Value);
    }

    /// <summary>Why FeedModel keeps XmlText: the library's writer throws on a character XML 1.0 forbids instead of dropping it.</summary>
    [Fact]
    public void SyndicationFeed_alone_throws_on_a_control_character()
    {
        var link = new Uri("https://observatoire.example/wiki");
        var feed = new SyndicationFeed("a\u0001b", "", link) { Items = [new SyndicationItem("c\u0007d", "", link)] };
        using var writer = XmlWriter.Create(new MemoryStream());

        var error = Assert.ThrowsAny<ArgumentException>(() => feed.SaveAsAtom10(writer));
        Assert.Contains("0x01", error.Message);
    }
}
