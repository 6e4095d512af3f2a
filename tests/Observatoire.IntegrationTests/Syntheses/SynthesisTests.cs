using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Observatoire.IntegrationTests.Infrastructure;
using Observatoire.Web.Domain;
using UglyToad.PdfPig;

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
            var resoudre = s.Structure("Association Résoudre", rabiere, StructureKind.Association);
            var tool = s.Tool("Pôle emploi connect", ToolCategory.Demarches, ToolLicence.Proprietaire);
            for (var i = 0; i < count; i++)
                s.Observation($"Atelier {i}", resoudre, rabiere, observedOn: Start.AddDays(10 * i), participants: 3 + i, tools: [tool], themes: [emploi]);
            s.Observation("Brouillon", resoudre, rabiere, ObservationStatus.Brouillon, Start.AddDays(5), themes: [emploi]);
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
        // Spaces of any kind (narrow no-break ones included) become one plain space, so figures compare as shown.
        var text = string.Join("\n", doc.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
        return (Regex.Replace(text, @"[\s\u00A0\u202F]+", " "), doc.NumberOfPages);
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
        var dashboard = await partner.GetHtml($"/tableau-de-bord?{filter}");
        foreach (var id in new[] { "observations", "participants", "structures" })
        {
            var shown = Spaces(dashboard.QuerySelector($"#chiffre-{id} .figure-value")!.TextContent);
            var label = Spaces(dashboard.QuerySelector($"#chiffre-{id} .figure-label")!.TextContent);
            Assert.Contains($"{label} {shown}", text);
        }
        Assert.Contains("Usages observés 7", text);
        Assert.Contains("Participants touchés 42", text);
        Assert.Contains("Chiffres clés", text);
        Assert.Contains("Synthèse 2026 — Rabière — emploi", text);
        Assert.Contains("Joué-lès-Tours", text);
        Assert.Contains("Méthodologie", text);
        Assert.Contains("Association Résoudre", text);
        Assert.Contains($"page 1 / {pages}", text);
        Assert.Contains($"page {pages} / {pages}", text);
        Assert.Contains(reference, text);
        var stored = await Portal.Db(db => db.Syntheses.SingleAsync(s => s.Reference == reference));
        Assert.Matches("^[0-9a-f]{64}$", stored.Fingerprint);
        Assert.Contains(stored.Fingerprint, text.Replace(" ", ""));
        Assert.Equal(pages, stored.PageCount);
        Assert.Equal(pdf, stored.Pdf);
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
        Assert.Contains("Enquête « Usages du numérique »", text);
        Assert.Contains("Souvent 6 75 %", text);
        Assert.Contains("Rarement < 5 —", text);
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
                Status = ObservationStatus.Validee, ParticipantsCount = 4, AppropriationLevel = AppropriationLevel.Decouverte,
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
