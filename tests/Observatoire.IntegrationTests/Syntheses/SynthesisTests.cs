using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Observatoire.IntegrationTests.Syntheses;

public class SynthesisTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private const string Period = "du=2026-01-01&au=2026-06-30";

    /// <summary>Rabière (Joué-lès-Tours), emploi: <paramref name="count"/> validated observations in the first half of 2026, one draft.</summary>
    private async Task SeedRabiereAsync(int count = 7)
    {
        await Portal.Seed(s =>
        {
            var joue = s.Territory("Joué-lès-Tours");
            var rabiere = s.Quartier("Rabière", joue);
            var sanitas = s.Quartier("Sanitas", s.Territory("Tours"));
            var emploi = s.Theme("Emploi");
            var education = s.Theme("Éducation");
            var resoudre = s.Structure("Association Résoudre", rabiere, "Association");
            var tool = s.Tool("Pôle emploi connect", "Démarches en ligne", "Propriétaire");
            for (var i = 0; i < count; i++)
                s.Observation($"Atelier {i}", resoudre, rabiere, observedOn: Start.AddDays(10 * i), participants: 3 + i, tools: [tool], themes: [emploi]);
            s.Observation("Brouillon", resoudre, rabiere, ObservationStatus.Draft, Start.AddDays(5), themes: [emploi]);
            s.Observation("Ailleurs", s.Structure("Centre social Sanitas", sanitas), sanitas, observedOn: Start.AddDays(3), themes: [emploi]);
            s.Observation("Autre thème", resoudre, rabiere, observedOn: Start.AddDays(4), themes: [education]);
        });
    }

    internal static async Task<(string Reference, byte[] Pdf)> GenerateAsync(HttpClient client, string query)
    {
        using var response = await client.PostForm($"/syntheses/apercu?{query}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = Regex.Match(response.Headers.Location!.OriginalString, "creee=(SYN-[0-9]{4}-[0-9]{4})").Groups[1].Value;
        Assert.NotEmpty(reference);
        using var pdf = await client.GetAsync($"/syntheses/{reference}.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        return (reference, await pdf.Content.ReadAsByteArrayAsync());
    }

    internal static (string Text, int Pages) Read(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return (Join(doc.GetPages().Select(PageText)), doc.NumberOfPages);
    }

    /// <summary>
    /// The text of a page as Chromium wrote it, in content order, with a soft hyphen (U+00AD) where the HTML had one
    /// and a hyphen glyph after the one a line ends on. PdfPig reads Chromium's soft hyphen as a space glyph that the
    /// next letter overlaps (it has no advance), so its word extractor would cut "ob­ser­va­toire" into four words: the
    /// letters are read here instead, an overlapped space being the soft hyphen, a wide gap or a change of line a space.
    /// </summary>
    private static string PageText(UglyToad.PdfPig.Content.Page page)
    {
        var letters = page.Letters;
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < letters.Count; i++)
        {
            var letter = letters[i];
            var next = i + 1 < letters.Count ? letters[i + 1] : null;
            var sameLine = next is not null && Math.Abs(next.StartBaseLine.Y - letter.StartBaseLine.Y) < letter.PointSize / 2;
            if (string.IsNullOrWhiteSpace(letter.Value) && sameLine && next!.StartBaseLine.X - letter.StartBaseLine.X < letter.PointSize * 0.05)
            {
                sb.Append('\u00AD');
                continue;
            }
            sb.Append(letter.Value);
            if (next is not null && (!sameLine || next.StartBaseLine.X - letter.EndBaseLine.X > letter.PointSize * 0.2)) sb.Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Text as a reader copies it: a word broken at the end of a line ("re\u00AD‐" then "quêtes") is whole again, the
    /// other soft hyphens vanish, and spaces of any kind (narrow no-break ones included) become one plain space, so
    /// figures compare as shown.
    /// </summary>
    private static string Join(IEnumerable<string> pages)
    {
        var text = string.Join("\n", pages);
        text = Regex.Replace(text, "\u00AD[\u2010-]?\\s*", "");
        return Regex.Replace(text, @"[\s\u00A0\u202F]+", " ");
    }

    internal static string Spaces(string s) => Regex.Replace(s, @"[\s\u00A0\u202F]+", " ").Trim();

    [Fact]
    public async Task The_pdf_shows_the_dashboards_figures_with_accents_page_numbers_and_its_fingerprint()
    {
        await SeedRabiereAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        const string filter = $"{Period}&territoire=rabiere&theme=emploi";

        var (reference, pdf) = await GenerateAsync(partner, filter);

        var (text, pages) = Read(pdf);
        // The PDF leaves the members' space: it shows what the public dashboard shows (PublicationRule).
        var dashboard = await Portal.CreateClient().GetHtml($"/tableau-de-bord?{filter}");
        foreach (var id in new[] { "observations", "participants", "structures" })
        {
            var shown = Spaces(dashboard.QuerySelector($"#chiffre-{id} .figure-value")!.TextContent);
            var label = Spaces(dashboard.QuerySelector($"#chiffre-{id} .figure-label")!.TextContent);
            Assert.Contains($"{label} {shown}", text);
        }
        Assert.All(["Usages observés 7", "Participants touchés 42", "Chiffres clés", "Synthèse 2026 — Rabière (Joué-lès-Tours) — emploi", "Joué-lès-Tours",
            "Méthodologie", "Association Résoudre", $"page 1 / {pages}", $"page {pages} / {pages}", reference], part => Assert.Contains(part, text));
        var stored = await Portal.Db(db => db.Syntheses.SingleAsync(s => s.Reference == reference));
        Assert.Matches("^[0-9a-f]{64}$", stored.Fingerprint);
        Assert.Contains(stored.Fingerprint, text.Replace(" ", ""));
        Assert.Equal(pages, stored.PageCount);
        Assert.Equal(pdf, stored.Pdf);
    }

    [Fact]
    public async Task The_contents_give_the_page_where_each_chapter_heading_is()
    {
        await SeedRabiereAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var (_, pdf) = await GenerateAsync(partner, $"{Period}&territoire=rabiere&theme=emploi");

        using var doc = PdfDocument.Open(pdf);
        var pages = doc.GetPages().Select(p => Join([PageText(p)])).ToList();
        var contents = pages[1];
        Assert.Contains("Sommaire", contents);
        string[] chapters = ["1. Chiffres clés", "2. Faits marquants", "3. Indicateurs", "4. Méthodologie", "Annexe : structures contributrices"];
        var listed = 0;
        foreach (var chapter in chapters)
        {
            // "1. Chiffres clés 3": the title, then the page in the right-hand column.
            var entry = Regex.Match(contents, Regex.Escape(chapter) + " ([0-9]+)");
            Assert.True(entry.Success, $"« {chapter} » sans numéro de page dans le sommaire : {contents}");
            var page = int.Parse(entry.Groups[1].Value);
            Assert.True(page > listed, $"« {chapter} » page {page}, avant le chapitre précédent (page {listed})");
            Assert.InRange(page, 3, doc.NumberOfPages);
            // The heading is on that page and on none between the contents and it.
            Assert.Contains(chapter, pages[page - 1]);
            Assert.DoesNotContain(pages.Skip(2).Take(page - 3), p => p.Contains(chapter));
            listed = page;
        }
    }

    [Fact]
    public async Task The_pdf_text_layer_holds_every_word_whole_and_the_pdf_is_tagged()
    {
        await SeedRabiereAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        const string filter = $"{Period}&territoire=rabiere";

        var (_, pdf) = await GenerateAsync(partner, filter);

        // #17.7: soft hyphens inside words cut them in the text layer, where search and copy missed them (pdftotext found
        // « observés » 4 times in a synthesis that printed it more). pdftotext now finds each word as often as the
        // glyphs on the pages spell it (read letter by letter, see PageText).
        var text = Spaces(await PdfTextLayer.ReadAsync(pdf));
        var printed = Read(pdf).Text;
        // Kept beside the test binaries for a look by eye (pdftoppm -png -r 60).
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "syntheses"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "syntheses", "synthese-rabiere.pdf"), pdf);
        Assert.DoesNotContain('\u00AD', text);
        foreach (var word in new[] { "observés", "observations", "validées", "indicateurs", "méthodologie", "participants", "structures" })
        {
            var (onPages, inText) = (Count(printed, word), Count(text, word));
            Assert.True(onPages > 0 && inText == onPages, $"« {word} » : {onPages} fois sur les pages, {inText} dans le texte du PDF.");
        }
        Assert.Contains("Les indicateurs sont ceux du tableau de bord de l'observatoire : mêmes définitions, mêmes requêtes.", text, StringComparison.Ordinal);

        // Tagged: marked content under a structure tree of headings, tables, and charts as figures with their text.
        using var doc = PdfDocument.Open(pdf);
        var catalog = doc.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.TryGet(NameToken.Create("MarkInfo"), out var markInfo)
            && Resolve(doc, markInfo) is DictionaryToken marks && marks.TryGet(NameToken.Create("Marked"), out var marked)
            && Resolve(doc, marked) is BooleanToken { Data: true }, "Le PDF n'est pas balisé (MarkInfo /Marked true).");
        Assert.True(catalog.TryGet(NameToken.Create("StructTreeRoot"), out var root), "Le PDF n'a pas d'arbre de structure.");
        var elements = new List<(string Type, string? Alt)>();
        Walk(doc, root, elements);
        Assert.All(new[] { "H1", "H2", "H3", "P", "Table", "TH", "TD", "L", "LI" }, type => Assert.Contains(elements, e => e.Type == type));
        var charts = elements.Where(e => e.Type == "Figure" && e.Alt is not null).Select(e => e.Alt!).ToList();
        Assert.NotEmpty(charts);
        // Bar charts, and the quartiers map (#19.6) with every zone and its figure.
        Assert.All(charts, alt => Assert.Matches("^(Graphique en barres|Carte), ", alt));
        Assert.Contains(charts, alt => alt.StartsWith("Carte, Usages observés par quartier", StringComparison.Ordinal));
        Assert.Contains(charts, alt => alt.Contains("Pôle emploi connect", StringComparison.Ordinal));
    }

    /// <summary>Times <paramref name="word"/> occurs as a whole word, any case (the cover prints some text in capitals).</summary>
    private static int Count(string text, string word) =>
        Regex.Count(text, $@"(?<!\w){Regex.Escape(word)}(?!\w)", RegexOptions.IgnoreCase);

    private static IToken Resolve(PdfDocument doc, IToken token) =>
        token is IndirectReferenceToken reference ? doc.Structure.GetObject(reference.Data).Data : token;

    /// <summary>The structure elements under <paramref name="token"/>, depth first: their type (/S) and alternative text (/Alt).</summary>
    private static void Walk(PdfDocument doc, IToken token, List<(string Type, string? Alt)> elements)
    {
        switch (Resolve(doc, token))
        {
            case ArrayToken kids:
                foreach (var kid in kids.Data) Walk(doc, kid, elements);
                break;
            case DictionaryToken element:
                if (element.TryGet(NameToken.Create("S"), out var type) && Resolve(doc, type) is NameToken name)
                {
                    var alt = element.TryGet(NameToken.Create("Alt"), out var a) ? Resolve(doc, a) switch
                    {
                        StringToken s => s.Data,
                        HexToken h => h.Data,
                        _ => null,
                    } : null;
                    elements.Add((name.Data, alt));
                }
                if (element.TryGet(NameToken.Create("K"), out var children)) Walk(doc, children, elements);
                break;
        }
    }

    [Fact]
    public async Task Small_survey_groups_stay_hidden_in_the_pdf()
    {
        await SeedRabiereAsync(1);
        await Portal.Db(async db =>
        {
            var survey = new Survey { Title = "Usages du numérique", Slug = "usages", Status = SurveyStatus.Closed, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            var section = new SurveySection { Survey = survey, Order = 1, Title = "Vous" };
            var question = new Question { Survey = survey, Section = section, Order = 1, Text = "Utilisez-vous un ordinateur ?", Type = QuestionType.SingleChoice };
            var often = new QuestionOption { Question = question, Order = 1, Code = "souvent", Label = "Souvent" };
            var rarely = new QuestionOption { Question = question, Order = 2, Code = "rarement", Label = "Rarement" };
            db.AddRange(survey, section, question, often, rarely);
            for (var i = 0; i < 8; i++)
                db.Add(new Response
                {
                    Survey = survey, CreatedAt = new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc), IdempotencyKey = Guid.NewGuid(),
                    Answers = [new Answer { Question = question, Option = i < 6 ? often : rarely }],
                });
            await db.SaveChangesAsync();
        });
        var surveyId = await Portal.Db(db => db.Surveys.Select(s => s.Id).SingleAsync());
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var (_, pdf) = await GenerateAsync(coordination, $"{Period}&enquetes={surveyId}");

        var (text, _) = Read(pdf);
        Assert.All(["Enquête « Usages du numérique »", "Souvent 6 75 %", "Rarement < 5 —"], part => Assert.Contains(part, text));
        Assert.DoesNotContain("25 %", text);
        Assert.DoesNotContain("Rarement 2", text);
    }

    [Fact]
    public async Task The_stored_fingerprint_changes_when_a_validated_observation_is_added()
    {
        await SeedRabiereAsync(3);
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        const string filter = $"{Period}&territoire=rabiere";

        var (first, _) = await GenerateAsync(partner, filter);
        var (again, _) = await GenerateAsync(partner, filter);
        var list = await partner.GetHtml("/syntheses");
        Assert.Contains("Données inchangées", list.QuerySelector($"tr[id='{first}']")!.TextContent);

        await Portal.Seed(s =>
        {
            var rabiere = s.Quartier("Rabière 2");
            s.Observation("Nouvelle séance", territory: rabiere, observedOn: Start.AddDays(40));
        });
        // The new observation is elsewhere: only an observation in scope changes the fingerprint.
        Assert.Contains("Données inchangées", (await partner.GetHtml("/syntheses")).QuerySelector($"tr[id='{first}']")!.TextContent);
        await Portal.Db(async db =>
        {
            var structure = await db.Structures.SingleAsync(s => s.Name == "Association Résoudre");
            var rabiere = await db.Territories.SingleAsync(t => t.Slug == "rabiere");
            db.Observations.Add(new Observation
            {
                Title = "Séance de plus", StructureId = structure.Id, TerritoryId = rabiere.Id, ObservedOn = Start.AddDays(50),
                Status = ObservationStatus.Validated, ParticipantsCount = 4, AppropriationLevel = AppropriationLevel.Discovery,
                Description = "Une heure.", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, ValidatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var (later, _) = await GenerateAsync(partner, filter);

        var stored = await Portal.Db(db => db.Syntheses.OrderBy(s => s.Number).Select(s => new { s.Reference, s.Fingerprint }).ToListAsync());
        Assert.Equal([first, again, later], stored.Select(s => s.Reference));
        Assert.Equal(stored[0].Fingerprint, stored[1].Fingerprint);
        Assert.NotEqual(stored[0].Fingerprint, stored[2].Fingerprint);
        var row = (await partner.GetHtml("/syntheses")).QuerySelector($"tr[id='{first}']")!.TextContent;
        Assert.Contains("Données modifiées depuis", row);
    }

    [Fact]
    public async Task Anonymous_visitors_and_contributors_are_refused()
    {
        await SeedRabiereAsync(1);
        var (reference, _) = await GenerateAsync(await Portal.SignedInAs(Roles.Partenaire), Period);
        var anonymous = Portal.CreateClient();
        var contributor = await Portal.SignedInAs(Roles.Contributeur);

        foreach (var url in new[] { "/syntheses", $"/syntheses/apercu?{Period}", $"/syntheses/{reference}.pdf" })
        {
            using var a = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
            Assert.StartsWith("/compte/connexion", a.Headers.Location!.OriginalString.Replace("http://localhost", ""));
            using var c = await contributor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, c.StatusCode);
        }
        using var post = await contributor.PostAsync("/syntheses", new FormUrlEncodedContent(new Dictionary<string, string> { ["du"] = "2026-01-01", ["au"] = "2026-06-30" }));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{(int)post.StatusCode}");
        Assert.Equal(1, await Portal.Db(db => db.Syntheses.CountAsync()));
        Assert.Empty((await contributor.GetHtml("/")).QuerySelectorAll("a[href='/syntheses']"));
        Assert.Single((await (await Portal.SignedInAs(Roles.Partenaire)).GetHtml("/")).QuerySelectorAll("a[href='/syntheses']"));
    }

    [Fact]
    public async Task Two_concurrent_generations_both_succeed_with_their_own_reference()
    {
        await SeedRabiereAsync(2);
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var results = await Task.WhenAll(GenerateAsync(partner, Period), GenerateAsync(coordination, $"{Period}&territoire=rabiere"));

        Assert.NotEqual(results[0].Reference, results[1].Reference);
        Assert.All(results, r => Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(r.Pdf, 0, 4)));
        Assert.Contains("Synthèse 2026 — Rabière", Read(results[1].Pdf).Text);
    }

    [Fact]
    public async Task An_invalid_period_goes_back_to_the_form_with_the_error_next_to_the_field()
    {
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        using var preview = await partner.GetAsync("/syntheses/apercu?du=2026-06-30&au=2026-01-01&titre=Bilan");
        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        var form = await partner.GetHtml(preview.Headers.Location!.OriginalString);

        Assert.Contains("postérieure", form.QuerySelector("#au-erreur")!.TextContent);
        Assert.Equal("Bilan", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#titre")!).Value);
    }

    [Fact]
    public async Task Hostile_text_in_the_title_and_in_structure_names_is_printed_as_text_in_the_pdf()
    {
        await SeedRabiereAsync();
        await Portal.Db(async db =>
        {
            var resoudre = await db.Structures.SingleAsync(s => s.Name == "Association Résoudre");
            resoudre.Name = "<img src=x onerror=alert(1)> Résoudre";
            await db.SaveChangesAsync();
        });
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var title = Uri.EscapeDataString("<script>alert(1)</script> Bilan =HYPERLINK(\"x\")");

        var (_, pdf) = await GenerateAsync(partner, $"{Period}&territoire=rabiere&titre={title}");

        var (text, _) = Read(pdf);
        Assert.Contains("<script>alert(1)</script> Bilan", text);
        Assert.Contains("<img src=x onerror=alert(1)> Résoudre", text);
        var preview = await partner.GetHtml($"/syntheses/apercu?{Period}&territoire=rabiere&titre={title}");
        Assert.Empty(preview.QuerySelectorAll("main script, main img[onerror]"));
        Assert.Contains("<script>alert(1)</script> Bilan", preview.QuerySelector("main")!.TextContent);
    }
}
