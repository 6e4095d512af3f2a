using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Observatoire.Web.Data;

namespace Observatoire.Web.Pages.Wiki;

/// <summary>Atom feed of recent changes. Feed readers come without a session, so only public pages appear.</summary>
public class FeedModel(ObservatoireDbContext db) : PageModel
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await RecentModel.LatestAsync(db, member: false, 50, ct);
        var root = $"{Request.Scheme}://{Request.Host}";
        var updated = rows.Count > 0 ? rows[0].At : DateTime.UnixEpoch;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", "Observatoire — modifications récentes du wiki"),
            new XElement(Atom + "id", root + "/wiki/modifications-recentes"),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", root + "/wiki/modifications-recentes.atom")),
            new XElement(Atom + "link", new XAttribute("href", root + "/wiki/modifications-recentes")),
            new XElement(Atom + "updated", Stamp(updated)),
            rows.Select(r =>
            {
                var url = r.Number > 1 ? $"{root}/wiki/{r.Slug}/diff?de={r.Number - 1}&a={r.Number}" : $"{root}/wiki/{r.Slug}";
                return new XElement(Atom + "entry",
                    new XElement(Atom + "title", XmlText($"{r.Title} (version {r.Number})")),
                    new XElement(Atom + "id", $"{root}/wiki/{r.Slug}/version/{r.Number}"),
                    new XElement(Atom + "link", new XAttribute("href", url)),
                    new XElement(Atom + "updated", Stamp(r.At)),
                    new XElement(Atom + "author", new XElement(Atom + "name", XmlText(r.Author ?? "Observatoire"))),
                    new XElement(Atom + "summary", XmlText(r.Comment ?? (r.Number == 1 ? "Création de la page" : "Modification de la page"))));
            }));
        return Content(new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed, "application/atom+xml; charset=utf-8");
    }

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

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
