using System.Text.RegularExpressions;
using Observatoire.IntegrationTests.Surveys;
using Observatoire.IntegrationTests.Syntheses;
using Observatoire.Web.Data;

// Not "Directory": that name would shadow System.IO.Directory across the test assembly.
namespace Observatoire.IntegrationTests.Annuaire;

/// <summary>
/// Two communes each have a quartier named « Centre »: every page, export and PDF that names one must say which
/// (« Centre (Tours) »), the survey's answer choices included. The places are enumerated here, so that a new page
/// printing a territory's bare name fails this test rather than a partner reading a figure for the wrong quartier.
/// </summary>
public class TerritoryNameTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>
    /// « Centre » not followed by its commune in parentheses, in text whose spaces are made plain; a letter may come
    /// before it (the text of a &lt;dt&gt; and its &lt;dd&gt; are joined), and no other word of the pages contains it.
    /// </summary>
    private static readonly Regex Bare = new(@"Centre(?!\p{L})(?! \((Tours|Joué-lès-Tours)\))");

    private static readonly Regex Qualified = new(@"Centre \((Tours|Joué-lès-Tours)\)");

    private sealed record World(int ToursCentre, int JoueCentre, int ObservationTours, int ObservationJoue, string StructureTours,
        string TerritoryTours, int SurveyId, string SurveySlug, int QuestionId);

    private Task<World> SeedAsync() => Portal.Db(async db =>
    {
        var s = new SeedBuilder(db);
        var tours = s.Territory("Tours");
        var joue = s.Territory("Joué-lès-Tours");
        var centreTours = s.Quartier("Centre", tours);
        var centreJoue = s.Quartier("Centre", joue);
        var maison = s.Structure("Maison des services", centreTours, "Association");
        var relais = s.Structure("Association Relais", centreJoue, "Association");
        var a = s.Observation("Atelier démarches", maison, centreTours);
        var b = s.Observation("Atelier courriel", relais, centreJoue);
        var now = DateTime.UtcNow;
        var survey = new Survey { Title = "Votre quartier", Slug = "votre-quartier", Status = SurveyStatus.Open, CreatedAt = now, UpdatedAt = now };
        var section = new SurveySection { Survey = survey, Order = 0, Title = "Vous" };
        var question = new Question { Survey = survey, Section = section, Order = 0, Type = QuestionType.Territory, Text = "Votre quartier", Required = true };
        survey.Sections.Add(section);
        survey.Questions.Add(question);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        return new World(centreTours.Id, centreJoue.Id, a.Id, b.Id, maison.Slug, centreTours.Slug, survey.Id, survey.Slug, question.Id);
    });

    private static string Plain(string text) => Regex.Replace(text, @"[\s\u00A0\u202F]+", " ");

    private static void Unambiguous(string where, string text)
    {
        var plain = Plain(text);
        var bare = Bare.Match(plain);
        Assert.True(!bare.Success, $"{where} nomme « Centre » sans sa commune : « …{plain[Math.Max(0, bare.Index - 60)..Math.Min(plain.Length, bare.Index + 60)]}… »");
        // The place is checked only if it names one of them at all.
        Assert.True(Qualified.IsMatch(plain), $"{where} ne nomme aucun des deux « Centre » : « {plain[Math.Max(0, plain.Length - 1500)..]} »");
    }

    [Fact]
    public async Task Every_page_export_and_pdf_names_a_quartier_with_its_commune()
    {
        var w = await SeedAsync();

        // The respondent chooses among the two « Centre » and answers.
        var respondent = Portal.CreateClient();
        var screen = await respondent.Start($"/enquetes/{w.SurveySlug}");
        Unambiguous("Le choix de quartier de l'enquête", screen.QuerySelector("form.survey-form")!.TextContent);
        using (var sent = await respondent.Send(screen, ($"q{w.QuestionId}", $"{w.ToursCentre}")))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var pages = new[]
        {
            "/", "/observations", $"/observations/{w.ObservationTours}", $"/observations/{w.ObservationJoue}", "/observations/nouvelle",
            $"/observations/{w.ObservationTours}/modifier", "/tableau-de-bord", $"/tableau-de-bord?territoire={w.TerritoryTours}",
            "/tableau-de-bord/participation", "/tableau-de-bord/carte",
            "/annuaire/structures", $"/annuaire/structures/{w.StructureTours}", $"/annuaire/structures/{w.StructureTours}/modifier",
            "/annuaire/structures/nouvelle", "/annuaire/territoires", $"/annuaire/territoires/{w.TerritoryTours}",
            "/evenements/nouveau", "/veille/proposer", "/syntheses", $"/enquetes/gestion/{w.SurveyId}/resultats",
        };
        foreach (var url in pages)
            Unambiguous(url, (await coordination.GetHtml(url)).Body!.TextContent);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = $"du={today.AddDays(-60):yyyy-MM-dd}&au={today.AddDays(1):yyyy-MM-dd}";
        var exports = new[]
        {
            "/observations/export.csv", $"/tableau-de-bord/donnees?format=csv&{period}", $"/tableau-de-bord/csv?graphique=territoires&{period}", $"/tableau-de-bord/participation/csv?{period}",
            $"/enquetes/gestion/{w.SurveyId}/resultats?handler=Csv",
            // The public open data: the same bars, « < 5 » for one observation, the quartier still with its commune.
            $"/donnees-ouvertes/territoires/{today.AddDays(-7).Year}.csv",
        };
        foreach (var url in exports)
        {
            using var response = await coordination.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Unambiguous(url, await response.Content.ReadAsStringAsync());
        }

        Unambiguous("L'aperçu de synthèse", (await coordination.GetHtml($"/syntheses/apercu?{period}&territoire={w.TerritoryTours}")).Body!.TextContent);
        var (tours, pdf) = await SynthesisTests.GenerateAsync(coordination, $"{period}&territoire={w.TerritoryTours}");
        Unambiguous("La synthèse PDF", SynthesisTests.Read(pdf).Text);
        var (all, whole) = await SynthesisTests.GenerateAsync(coordination, period);
        Unambiguous("La synthèse PDF de tous les territoires", SynthesisTests.Read(whole).Text);
        // Observations entered from the other territories, and the territory bars of both.
        Unambiguous("La comparaison de deux synthèses", (await coordination.GetHtml($"/syntheses/comparer?a={tours}&b={all}")).Body!.TextContent);
        Unambiguous("La comparaison de deux périodes",
            (await coordination.GetHtml($"/syntheses/comparer?{period}&du2={today.AddDays(-120):yyyy-MM-dd}&au2={today.AddDays(-61):yyyy-MM-dd}")).Body!.TextContent);
    }
}
