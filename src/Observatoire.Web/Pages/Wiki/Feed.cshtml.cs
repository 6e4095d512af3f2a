using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Observatoire.Web.Pages.Wiki;

/// <summary>Atom feed of recent changes. Feed readers come without a session, so only public pages appear.</summary>
[ReadsFromReplica]
public class FeedModel(ObservatoireDbContext db, ObservatorySettingsCache settings) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await RecentModel.LatestAsync(db, member: false, 50, ct);
        var observatory = await settings.GetAsync(ct);
        return File(Write($"{Request.Scheme}://{Request.Host}", observatory.ShortName, rows), "application/atom+xml; charset=utf-8");
    }

    /// <summary>
    /// The Atom 1.0 document of these changes (newest first), written by System.ServiceModel.Syndication, in UTF-8; the
    /// feed and changes without a named author carry the observatory's short name.
    /// </summary>
    public static byte[] Write(string root, string observatory, IReadOnlyList<RecentModel.Row> rows)
    {
        observatory = XmlText(observatory);
        var feed = new SyndicationFeed($"{observatory} — modifications récentes du wiki", null, new Uri(root + "/wiki/modifications-recentes"),
            root + "/wiki/modifications-recentes", Stamp(rows.Count > 0 ? rows[0].At : DateTime.UnixEpoch))
        {
            Items = rows.Select(r =>
            {
                var url = r.Number > 1 ? $"{root}/wiki/{r.Slug}/diff?de={r.Number - 1}&a={r.Number}" : $"{root}/wiki/{r.Slug}";
                var item = new SyndicationItem
                {
                    Title = new TextSyndicationContent(XmlText($"{r.Title} (version {r.Number})")),
                    Id = $"{root}/wiki/{r.Slug}/version/{r.Number}",
                    LastUpdatedTime = Stamp(r.At),
                    Summary = new TextSyndicationContent(XmlText(r.Comment ?? (r.Number == 1 ? "Création de la page" : "Modification de la page"))),
                };
                item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url)));
                item.Authors.Add(new SyndicationPerson { Name = XmlText(r.Author ?? observatory) });
                return item;
            }).ToList(),
        };
        feed.Links.Insert(0, SyndicationLink.CreateSelfLink(new Uri(root + "/wiki/modifications-recentes.atom")));
        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) }))
            feed.SaveAsAtom10(writer);
        return output.ToArray();
    }

    private static DateTimeOffset Stamp(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    // The library leaves this to us: its XmlWriter throws on such a character (AtomFeedTests.SyndicationFeed_alone_throws_on_a_control_character).
    /// <summary>
    /// Text without the characters XML 1.0 forbids (control characters a title or a comment may carry): one of them
    /// would make the writer throw and break the feed for every reader.
    /// </summary>
    public static string XmlText(string text)
    {
        if (text.All(System.Xml.XmlConvert.IsXmlChar)) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (System.Xml.XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            else if (i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text, i++, 2);
        }
        return kept.ToString();
    }
}
