using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Tests.Wiki;

public class WikiMarkdownTests
{
    private static readonly HashSet<string> Existing = ["agora-numerique-de-la-rabiere", "accueil-du-wiki"];

    [Fact]
    public void A_link_to_an_existing_page_points_at_it()
    {
        var r = WikiMarkdown.Render("Voir [[Agora numérique de la Rabière]].", Existing);
        Assert.Contains("<a href=\"/wiki/agora-numerique-de-la-rabiere\" class=\"wikilink\">Agora numérique de la Rabière</a>", r.Html);
        Assert.Equal(["agora-numerique-de-la-rabiere"], r.LinkTargets);
    }

    [Fact]
    public void A_link_to_a_missing_page_is_marked_and_leads_to_its_creation()
    {
        var r = WikiMarkdown.Render("[[Centre social du Morier]]", Existing);
        Assert.Contains("class=\"wikilink wikilink-new\"", r.Html);
        Assert.Contains("href=\"/wiki/centre-social-du-morier/modifier?titre=Centre%20social%20du%20Morier\"", r.Html);
    }

    [Fact]
    public void A_link_with_a_slug_and_a_text_shows_the_text()
    {
        var r = WikiMarkdown.Render("Retour à [[accueil-du-wiki|l'accueil]].", Existing);
        Assert.Contains("<a href=\"/wiki/accueil-du-wiki\" class=\"wikilink\">l&#39;accueil</a>", r.Html.Replace("&#x27;", "&#39;").Replace("'", "&#39;"));
        Assert.Equal("Retour à l'accueil.", r.PlainText);
    }

    [Fact]
    public void Outside_the_wiki_double_brackets_stay_plain_text()
    {
        var r = Markdown.Render("Voir [[Agora numérique]] ici.");
        Assert.DoesNotContain("<a", r.Html);
        Assert.Contains("[[Agora numérique]]", r.Html);
    }

    [Fact]
    public void A_wiki_link_label_cannot_inject_markup()
    {
        var r = WikiMarkdown.Render("[[x|<img src=x onerror=alert(1)>]] [[\"><script>alert(1)</script>]]", Existing);
        Assert.DoesNotContain("<img", r.Html);
        Assert.DoesNotContain("<script", r.Html);
        Assert.DoesNotContain("onerror=", r.Html.Replace("onerror=alert(1)&gt;", ""));
    }

    [Fact]
    public void Headings_get_anchors_and_make_the_table_of_contents()
    {
        var r = WikiMarkdown.Render("# Titre\n\n## Contexte\n\ntexte\n\n### Acteurs du projet\n\n## Résultats", Existing);
        Assert.Contains("id=\"contexte\"", r.Html);
        Assert.Equal([new TocEntry(2, "contexte", "Contexte"), new TocEntry(3, "acteurs-du-projet", "Acteurs du projet"),
            new TocEntry(2, "résultats", "Résultats")], r.Toc);
    }

    [Fact]
    public void Tables_and_task_lists_render()
    {
        var r = WikiMarkdown.Render("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] fait\n- [ ] à faire", Existing);
        Assert.Contains("<table>", r.Html);
        Assert.Contains("type=\"checkbox\"", r.Html);
        Assert.Contains("disabled", r.Html);
    }

    [Fact]
    public void A_task_list_checkbox_is_named_by_its_state_so_that_it_is_no_unlabelled_form_control()
    {
        var r = WikiMarkdown.Render("- [x] Écrire les questions\n- [ ] Publier les résultats", Existing);

        var boxes = new HtmlParser().ParseDocument(r.Html).QuerySelectorAll("input[type=checkbox]");
        Assert.Equal(["Fait", "À faire"], boxes.Select(b => b.GetAttribute("aria-label")));
    }

    public static TheoryData<string> XssPayloads() =>
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><circle r=1/></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "[clic](javascript:alert(1))",
        "[clic](JaVaScRiPt:alert(1))",
        "[clic](java&#x73;cript:alert(1))",
        "[clic](&#106;avascript:alert(1))",
        "[clic](vbscript:msgbox(1))",
        "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![img](javascript:alert(1))",
        "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[x](\" onmouseover=\"alert(1))",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<form action=\"https://evil.example\"><input type=text name=p><button>ok</button></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<<script>script>alert(1)<</script>/script>",
        "[[javascript:alert(1)|clic]]",
        "[x]: javascript:alert(1)\n\n[lien][x]",
        "<https://example.org\" onclick=\"alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\">",
        "<link rel=stylesheet href=https://evil.example/x.css>",
    ];

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void No_payload_survives_as_active_content(string payload)
    {
        var html = WikiMarkdown.Render(payload, Existing).Html;
        var document = new HtmlParser().ParseFragment(html, null!);
        var elements = document.SelectMany(n => n is IElement e ? e.QuerySelectorAll("*").Prepend(e) : []).ToList();
        string[] forbidden = ["script", "svg", "math", "iframe", "object", "embed", "form", "style", "meta", "base", "link", "button", "textarea", "select"];
        Assert.DoesNotContain(elements, e => forbidden.Contains(e.LocalName));
        foreach (var e in elements)
        {
            Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
            foreach (var url in new[] { e.GetAttribute("href"), e.GetAttribute("src") }.OfType<string>())
                Assert.Matches(@"^(https?:|mailto:|/(?!/)|#)", url.Trim());
            if (e.LocalName == "input")
                Assert.True(e.GetAttribute("type") == "checkbox" && e.HasAttribute("disabled"));
        }
    }

    [Fact]
    public void Links_to_http_https_mailto_and_the_portal_are_kept()
    {
        var html = WikiMarkdown.Render("[a](https://example.org) [b](http://example.org) [c](mailto:a@b.fr) [d](/annuaire/outils/agora-project) ![e](/wiki/p/fichiers/photo.png)", Existing).Html;
        Assert.All(["href=\"https://example.org\"", "href=\"http://example.org\"", "href=\"mailto:a@b.fr\"",
            "href=\"/annuaire/outils/agora-project\"", "src=\"/wiki/p/fichiers/photo.png\"", "rel=\"nofollow noopener noreferrer\""], part => Assert.Contains(part, html));
    }
}
