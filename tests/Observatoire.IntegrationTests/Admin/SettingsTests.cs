using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Observatoire.IntegrationTests.Syntheses;
using Observatoire.Web.Infrastructure;
using UglyToad.PdfPig;

namespace Observatoire.IntegrationTests.Admin;

/// <summary>The observatory's identity and notices at /admin/parametres, and everywhere its name is printed.</summary>
public class SettingsTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly Dictionary<string, string> DeuxRives = new()
    {
        ["Input.Name"] = "Observatoire des Deux Rives",
        ["Input.ShortName"] = "Deux Rives",
        ["Input.Territory"] = "Saint-Pierre-des-Corps",
        ["Input.Description"] = "Les usages numériques vus par les associations des deux rives.",
        ["Input.ContactEmail"] = "bonjour@deux-rives.fr",
        ["Input.Introduction"] = "Né d'un **café numérique** au centre social de la Rabière, en 2025.",
    };

    [Fact]
    public async Task Saved_settings_appear_in_the_header_footer_titles_and_notices_and_are_audited()
    {
        var admin = await Portal.SignedInAs(Roles.Administrateur);

        using var saved = await admin.PostForm("/admin/parametres", DeuxRives, "main form");
        using var visitor = Portal.CreateClient();
        var home = await visitor.GetHtml("/");
        var legal = await visitor.GetHtml("/mentions-legales");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Observatoire des Deux Rives Saint-Pierre-des-Corps", home.QuerySelector(".brand > span:not(.brand-mark)")!.Text());
        Assert.Equal("Accueil — Deux Rives", home.Title);
        Assert.Equal("Observatoire des Deux Rives", home.QuerySelector("main h1")!.Text());
        // The home page tells the observatory's own story, in Markdown through the one pipeline.
        Assert.Equal("café numérique", home.QuerySelector("#pourquoi + .notice-text strong")!.Text());
        var footer = home.QuerySelector("footer")!;
        Assert.Contains("Les usages numériques vus par les associations des deux rives.", footer.Text());
        Assert.NotNull(footer.QuerySelector("a[href='mailto:bonjour@deux-rives.fr']"));
        Assert.All(["/mentions-legales", "/confidentialite", "/accessibilite"], href => Assert.NotNull(footer.QuerySelector($"a[href='{href}']")));
        Assert.Equal("Mentions légales — Deux Rives", legal.Title);
        // The template's placeholders now read the settings.
        Assert.Contains("Le portail Observatoire des Deux Rives (Saint-Pierre-des-Corps) est édité par", legal.QuerySelector("main")!.Text());
        Assert.NotNull(legal.QuerySelector("main a[href='mailto:bonjour@deux-rives.fr']"));
        var audit = await Portal.Db(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.SettingsChanged));
        Assert.Contains("Nom de l'observatoire : « Observatoire » → « Observatoire des Deux Rives »", audit.Details);
        Assert.Equal("Administrateur de test", audit.UserName);
    }

    [Fact]
    public async Task The_name_reaches_emails_feeds_calendars_and_the_synthesis()
    {
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        using (await admin.PostForm("/admin/parametres", DeuxRives, "main form")) { }
        var member = await Portal.CreateUser(Roles.Contributeur);
        await Portal.Seed(s => s.Event("Café numérique"));
        using var visitor = Portal.CreateClient();
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        using (await visitor.PostForm("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = member.Email! }, "main form")) { }
        var mail = await Portal.Db(db => db.MailMessages.SingleAsync(m => m.To == member.Email));
        var feed = XDocument.Parse(await visitor.GetStringAsync("/wiki/modifications-recentes.atom")).Root!;
        var calendar = (await visitor.GetStringAsync("/evenements/calendrier.ics")).Replace("\r\n ", "");
        var preview = await partner.GetHtml("/syntheses/apercu?du=2026-01-01&au=2026-06-30");

        Assert.Equal("Deux Rives — choisir un nouveau mot de passe", mail.Subject);
        Assert.Contains("votre compte sur « Observatoire des Deux Rives »", mail.Body);
        Assert.EndsWith("-- \nObservatoire des Deux Rives — Saint-Pierre-des-Corps\nhttp://localhost/\nContact : bonjour@deux-rives.fr", mail.Body);
        Assert.Equal("Deux Rives — modifications récentes du wiki", feed.Element(XName.Get("title", "http://www.w3.org/2005/Atom"))!.Value);
        Assert.Contains("X-WR-CALNAME:Deux Rives — événements\r\n", calendar);
        Assert.Contains("PRODID:-//Observatoire des Deux Rives//Saint-Pierre-des-Corps//FR\r\n", calendar);
        Assert.Equal("Observatoire des Deux Rives — Saint-Pierre-des-Corps", preview.QuerySelector(".cover-brand")!.Text());
        Assert.Contains("Saint-Pierre-des-Corps (tous les territoires)", preview.QuerySelector(".cover-facts")!.Text());
    }

    [Fact]
    public async Task Every_page_of_a_pdf_synthesis_carries_the_name_at_its_top()
    {
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        using (await admin.PostForm("/admin/parametres", DeuxRives, "main form")) { }
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var (_, pdf) = await SynthesisTests.GenerateAsync(partner, "du=2026-01-01&au=2026-06-30");

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 1);
        Assert.All(document.GetPages(), page =>
        {
            // The header is the topmost line of the page.
            var top = page.Letters.Where(l => l.StartBaseLine.Y > page.Height - 18 / 25.4 * 72).OrderBy(l => l.StartBaseLine.X);
            Assert.Equal("ObservatoiredesDeuxRives—Saint-Pierre-des-Corps", string.Concat(top.SelectMany(l => l.Value).Where(c => !char.IsWhiteSpace(c))));
        });
    }

    [Fact]
    public async Task Saving_over_a_newer_version_shows_the_conflict_and_keeps_what_was_typed()
    {
        var first = await Portal.SignedInAs(Roles.Administrateur);
        var second = await Portal.SignedInAs(Roles.Administrateur);
        using (await second.PostForm("/admin/parametres", DeuxRives, "main form")) { }
        var form = await first.GetHtml("/admin/parametres");
        using (await second.PostForm("/admin/parametres", new Dictionary<string, string>(DeuxRives) { ["Input.ShortName"] = "Les Rives" }, "main form")) { }

        using var response = await first.PostAsync("/admin/parametres", new FormUrlEncodedContent(Fields(form, new()
        {
            ["Input.ShortName"] = "Rives",
        })));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        var conflict = page.QuerySelector(".conflict")!;
        Assert.Contains("Rien n'a été écrasé", conflict.Text());
        Assert.Equal(["Nom court", "Les Rives", "Rives"], conflict.QuerySelectorAll("tbody tr").Single().Children.Select(c => c.Text()));
        Assert.Equal("Rives", (page.QuerySelector("#Input_ShortName") as IHtmlInputElement)!.Value);
        Assert.Equal("Les Rives", await Portal.Db(db => db.ObservatorySettings.Select(s => s.ShortName).SingleAsync()));

        // Saving again is the deliberate choice to replace the other version.
        using var again = await first.PostAsync("/admin/parametres", new FormUrlEncodedContent(Fields(page, [])));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Rives", await Portal.Db(db => db.ObservatorySettings.Select(s => s.ShortName).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_administrator_edits_the_settings()
    {
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        // Any page of a signed-in person carries an antiforgery token in its sign-out form.
        var token = (await coordination.GetHtml("/")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        using var page = await coordination.GetAsync("/admin/parametres");
        using var post = await coordination.PostAsync("/admin/parametres", new FormUrlEncodedContent(new Dictionary<string, string>(DeuxRives)
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await Portal.Db(db => db.ObservatorySettings.CountAsync()));
    }

    [Fact]
    public async Task A_notice_is_markdown_through_the_sanitiser_and_an_emptied_one_returns_to_its_template()
    {
        var admin = await Portal.SignedInAs(Roles.Administrateur);

        using (await admin.PostForm("/admin/parametres", new Dictionary<string, string>(DeuxRives)
        {
            ["Input.PrivacyNotice"] = "## Qui\n\n<script>alert(1)</script> [lien](javascript:alert(1)) **{{nom-court}}**",
            ["Input.AccessibilityStatement"] = "",
        }, "main form")) { }
        using var visitor = Portal.CreateClient();
        var privacy = (await visitor.GetHtml("/confidentialite")).QuerySelector("main .notice-text")!;
        var accessibility = (await visitor.GetHtml("/accessibilite")).QuerySelector("main")!.Text();

        Assert.Equal("Qui", privacy.QuerySelector("h2")!.Text());
        Assert.Equal("Deux Rives", privacy.QuerySelector("strong")!.Text());
        Assert.Null(privacy.QuerySelector("script"));
        Assert.DoesNotContain("javascript:", privacy.InnerHtml);
        Assert.Contains("partiellement conforme", accessibility);
        Assert.Contains("Défenseur des droits", accessibility);
    }

    /// <summary>The form's fields as the page shows them (hidden ones included), with <paramref name="changes"/>.</summary>
    private static List<KeyValuePair<string, string>> Fields(IDocument page, Dictionary<string, string> changes)
    {
        var form = page.QuerySelector("main form[method=post]")!;
        var fields = form.QuerySelectorAll("input[name], textarea[name]")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!,
                e is IHtmlTextAreaElement area ? area.Value : ((IHtmlInputElement)e).Value))
            .Where(f => !changes.ContainsKey(f.Key));
        return [.. fields, .. changes];
    }
}
