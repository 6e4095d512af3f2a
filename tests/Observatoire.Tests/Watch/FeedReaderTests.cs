using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Observatoire.Web.Pages.Watch;

namespace Observatoire.Tests.Watch;

public class FeedReaderTests
{
    private static readonly Uri Feed = new("https://exemple.fr/flux.xml");

    private static IReadOnlyList<FeedEntry> Parse(string xml) => FeedReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Feed);

    [Fact]
    public void Rss_items_give_entries_with_plain_text_summaries_and_absolute_links()
    {
        var entries = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>T</title>
              <item><title>Atelier &amp; numérique</title><link>/articles/1</link><guid>id-1</guid>
                <description>&lt;p&gt;Un &lt;b&gt;atelier&lt;/b&gt; ouvert&lt;/p&gt;</description></item>
              <item><title>Sans lien</title></item>
              <item><title>Lien javascript</title><link>javascript:alert(1)</link></item>
            </channel></rss>
            """);

        var e = Assert.Single(entries);
        Assert.Equal(new FeedEntry("id-1", "Atelier & numérique", "https://exemple.fr/articles/1", "Un atelier ouvert"), e);
    }

    [Fact]
    public void Atom_entries_use_their_id_and_alternate_link()
    {
        var entries = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
              <entry><id>urn:uuid:1</id><title>Premier</title><link rel="self" href="https://exemple.fr/self"/>
                <link href="https://exemple.fr/premier"/><summary>Résumé</summary></entry>
            </feed>
            """);

        Assert.Equal([new FeedEntry("urn:uuid:1", "Premier", "https://exemple.fr/premier", "Résumé")], entries);
    }

    [Fact]
    public void Rss_items_without_a_link_take_their_guid_only_when_it_is_a_web_address_and_fall_back_on_encoded_content()
    {
        var entries = Parse("""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
              <item><title>Guid relatif</title><guid>cv</guid></item>
              <item><title>Guid adresse</title><guid> https://exemple.fr/g </guid><content:encoded><![CDATA[<p>Texte <i>complet</i></p>]]></content:encoded></item>
              <item><title>Adresse illisible</title><link>http://exa mple.fr/[x</link></item>
              <item><title>Date en français</title><link>https://exemple.fr/d</link><pubDate>lundi 3 mars 2025</pubDate></item>
            </channel></rss>
            """);

        Assert.Equal([
            new FeedEntry("https://exemple.fr/g", "Guid adresse", "https://exemple.fr/g", "Texte complet"),
            new FeedEntry("https://exemple.fr/d", "Date en français", "https://exemple.fr/d", ""),
        ], entries);
    }

    [Fact]
    public void Rss_091_and_unversioned_feeds_are_read_like_rss_2()
    {
        foreach (var version in new[] { " version=\"0.91\"", " version=\"0.92\"", "" })
            Assert.Equal([new FeedEntry("https://exemple.fr/a", "Ancien", "https://exemple.fr/a", "Résumé")],
                Parse($"<rss{version}><channel><title>T</title><item><title>Ancien</title><link>https://exemple.fr/a</link><description>Résumé</description></item></channel></rss>"));
    }

    [Fact]
    public void Rss_1_0_items_are_read()
    {
        var entries = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
              <channel rdf:about="https://exemple.fr/"><title>T</title></channel>
              <item rdf:about="https://exemple.fr/a"><title>Article RDF</title><link>/a</link><description>&lt;b&gt;Résumé&lt;/b&gt;</description></item>
            </rdf:RDF>
            """);

        Assert.Equal([new FeedEntry("https://exemple.fr/a", "Article RDF", "https://exemple.fr/a", "Résumé")], entries);
    }

    /// <summary>Why FeedReader reads item by item and keeps its own RSS 1.0 part: what SyndicationFeed.Load refuses.</summary>
    [Theory]
    [InlineData("<rss version=\"0.91\"><channel><title>T</title></channel></rss>")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>T</title></channel></rdf:RDF>")]
    [InlineData("<rss version=\"2.0\"><channel><title>T</title><item><link>http://exa mple.fr/[x</link></item><item><title>Bon</title><link>https://exemple.fr/</link></item></channel></rss>")]
    public void SyndicationFeed_load_refuses_these_whole_feeds(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        Assert.ThrowsAny<Exception>(() => SyndicationFeed.Load(reader));
        Assert.NotNull(Parse(xml));
    }

    [Fact]
    public void Atom_html_titles_and_xhtml_content_become_plain_text_and_relative_links_absolute()
    {
        var entries = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
              <entry><id>urn:2</id><title type="html">&lt;b&gt;Deux&lt;/b&gt; ateliers</title><link href="/deux"/>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Un <b>contenu</b></p></div></content></entry>
              <entry><title>Sans id</title><link rel="enclosure" href="https://exemple.fr/son.mp3"/></entry>
            </feed>
            """);

        Assert.Equal([
            new FeedEntry("urn:2", "Deux ateliers", "https://exemple.fr/deux", "Un contenu"),
            new FeedEntry("https://exemple.fr/son.mp3", "Sans id", "https://exemple.fr/son.mp3", ""),
        ], entries);
    }

    [Fact]
    public void A_document_type_declaration_is_refused_so_entities_never_expand()
    {
        var ex = Assert.Throws<FeedException>(() => Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><item><title>&b;&xxe;</title><link>https://exemple.fr/</link></item></channel></rss>
            """));
        Assert.Contains("DOCTYPE", ex.Message);
    }

    [Theory]
    [InlineData("<rss><channel><item><title>non fermé</channel></rss>")]
    [InlineData("<html><body>Pas un flux</body></html>")]
    [InlineData("")]
    [InlineData("\u0000\u0001binaire")]
    public void Malformed_or_foreign_documents_raise_a_french_feed_error(string xml)
    {
        var ex = Assert.Throws<FeedException>(() => Parse(xml));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }
}

public class AddressCheckTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::")]
    public void Private_loopback_and_link_local_addresses_are_not_public(string address) =>
        Assert.False(FeedFetcher.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2a00:1450:4007:80c::200e")]
    public void Internet_addresses_are_public(string address) =>
        Assert.True(FeedFetcher.IsPublic(IPAddress.Parse(address)));
}

public class WeekKeyTests
{
    [Theory]
    [InlineData("2026-W47", 2026, 47)]
    [InlineData("2026-w01", 2026, 1)]
    [InlineData("2026-W53", 2026, 53)]
    public void Iso_week_keys_are_read(string key, int year, int week)
    {
        Assert.True(Observatoire.Web.Pages.Watch.WeekModel.TryParse(key, out var y, out var w));
        Assert.Equal((year, week), (y, w));
    }

    [Theory]
    [InlineData("2027-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026W47")]
    [InlineData("semaine")]
    [InlineData(null)]
    public void Weeks_that_do_not_exist_are_refused(string? key) =>
        Assert.False(Observatoire.Web.Pages.Watch.WeekModel.TryParse(key, out _, out _));
}
