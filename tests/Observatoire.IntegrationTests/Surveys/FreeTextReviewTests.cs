using System.Text;

namespace Observatoire.IntegrationTests.Surveys;

/// <summary>
/// Free survey answers reach partners and outputs only once Coordination has reviewed them: published as typed, published
/// masked in part, or kept internal (PublicationRule.FreeTexts). A text typed on the survey form starts « à relire ».
/// </summary>
public class FreeTextReviewTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Named = "Merci à Mme Dupont, 12 rue des Tanneurs, pour son aide avec mon diabète.";
    private const string Masked = "Merci à [masqué] pour son aide.";

    /// <summary>Twelve employees of the Rabière; three of them wrote a comment through the survey form, as residents do.</summary>
    private async Task<TestSurvey> SurveyWithCommentsAsync()
    {
        var s = await Portal.Survey();
        for (var i = 0; i < 12; i++)
        {
            var respondent = Portal.CreateClient();
            var last = await respondent.AnswerAsEmployee(s, age: $"{20 + i}");
            var comment = i switch { 0 => Named, 1 => "Les ateliers du mardi sont très bien.", 2 => "Plus de créneaux le soir.", _ => null };
            using var sent = await respondent.Send(last, comment is null ? [] : [($"q{s.Comment}", comment)]);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        return s;
    }

    private static List<string> Comments(IDocument results, TestSurvey s) =>
        results.QuerySelectorAll($"#question-{s.Comment} details li").Select(li => li.Text()).ToList();

    /// <summary>
    /// Coordination's decision on one answer: publish or keep internal from the list (« à relire »), mask from the answer's
    /// own page, as a person does.
    /// </summary>
    private static Task<HttpResponseMessage> Review(HttpClient client, int surveyId, long answerId, string decision, string? masked = null) =>
        decision == "masquer"
            ? client.PostForm($"/enquetes/gestion/{surveyId}/reponses-libres/{answerId}",
                new Dictionary<string, string> { ["Decision"] = decision, ["Masked"] = masked ?? "" }, "form.card")
            : client.PostForm($"/enquetes/gestion/{surveyId}/reponses-libres?etat=a-relire",
                new Dictionary<string, string> { ["Decision"] = decision }, $"#reponse-{answerId} form");

    /// <summary>A POST without going through the page (which the sender may not read): the antiforgery token of its sign-out form.</summary>
    private static async Task<HttpResponseMessage> PostDirectly(HttpClient client, string url, long answerId)
    {
        var home = await client.GetHtml("/");
        var token = home.QuerySelector("form[action='/compte/deconnexion'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["AnswerId"] = $"{answerId}", ["Decision"] = "publier",
        }));
    }

    private Task<long> AnswerId(string text) => Portal.Db(db => db.Answers.Where(a => a.Text == text).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task Partners_read_only_what_Coordination_published_and_the_masked_version_of_what_it_masked()
    {
        var s = await SurveyWithCommentsAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        // Typed on the form: « à relire ». Coordination reads them all; partners none, and are told some are waiting.
        Assert.Equal(3, await Portal.Db(db => db.Answers.CountAsync(a => a.Text != null && a.TextReview == TextReview.Pending)));
        Assert.Equal(3, Comments(await coordination.GetHtml($"/enquetes/gestion/{s.Id}/resultats"), s).Count);
        var before = await partner.GetHtml($"/enquetes/gestion/{s.Id}/resultats");
        Assert.Empty(Comments(before, s));
        Assert.Contains("attendent la relecture de la coordination", before.QuerySelector("#a-relire")!.Text());
        Assert.Contains("3 réponses libres à relire", (await coordination.GetHtml($"/enquetes/gestion/{s.Id}/resultats")).QuerySelector("#a-relire")!.Text());

        using (var published = await Review(coordination, s.Id, await AnswerId("Les ateliers du mardi sont très bien."), "publier"))
            Assert.Equal($"/enquetes/gestion/{s.Id}/reponses-libres?etat=a-relire#etat-liste", published.Headers.Location!.OriginalString);
        // From an answer's own page, the next one to read opens.
        using (var masked = await Review(coordination, s.Id, await AnswerId(Named), "masquer", Masked))
            Assert.Equal($"/enquetes/gestion/{s.Id}/reponses-libres/{await AnswerId("Plus de créneaux le soir.")}", masked.Headers.Location!.OriginalString);
        using (var kept = await Review(coordination, s.Id, await AnswerId("Plus de créneaux le soir."), "interne"))
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);

        var after = Comments(await partner.GetHtml($"/enquetes/gestion/{s.Id}/resultats"), s);
        Assert.Equal(["Les ateliers du mardi sont très bien.", Masked], after.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(after, c => c.Contains("Dupont") || c.Contains("créneaux"));
        var review = await coordination.GetHtml($"/enquetes/gestion/{s.Id}/reponses-libres?etat=a-relire");
        Assert.Equal("Aucune réponse libre à relire.", review.QuerySelector("#etat-liste")!.Text().Trim());
        Assert.Equal(["À relire (0)", "Publiées (1)", "Publiées masquées (1)", "Gardées en interne (1)"],
            review.QuerySelectorAll("nav.subnav a").Select(a => a.Text().Trim()));

        // The row export (Coordination) gives the published versions, never the original of a masked or internal text.
        using var export = await coordination.GetAsync($"/enquetes/gestion/{s.Id}/resultats?handler=Reponses");
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        Assert.Contains(Masked, csv);
        Assert.Contains("(gardée en interne)", csv);
        Assert.DoesNotContain("Dupont", csv);
        Assert.DoesNotContain("créneaux", csv);
    }

    [Theory]
    [InlineData("", "Écrivez la version à publier")]
    [InlineData(Named, "La version masquée est la réponse telle quelle")]
    public async Task A_masked_version_that_hides_nothing_is_refused_next_to_its_field(string masked, string message)
    {
        var s = await SurveyWithCommentsAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var id = await AnswerId(Named);

        using var response = await Review(coordination, s.Id, id, "masquer", masked);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        Assert.StartsWith(message, page.QuerySelector("#masque-erreur")!.Text());
        Assert.Equal("true", page.QuerySelector("#Masked")!.GetAttribute("aria-invalid"));
        Assert.Equal(masked, page.QuerySelector("#Masked")!.TextContent);
        Assert.Equal(TextReview.Pending, await Portal.Db(db => db.Answers.Where(a => a.Id == id).Select(a => a.TextReview).SingleAsync()));
    }

    [Fact]
    public async Task Only_Coordination_reviews_and_only_the_answers_of_this_survey()
    {
        var s = await SurveyWithCommentsAsync();
        var other = await Portal.Survey(title: "Une autre enquête");
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var id = await AnswerId(Named);
        // A partner posting the decision is refused.
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        using (var refused = await PostDirectly(partner, $"/enquetes/gestion/{s.Id}/reponses-libres/{id}", id))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // The answer through another survey's address: not found.
        using (var elsewhere = await PostDirectly(coordination, $"/enquetes/gestion/{other.Id}/reponses-libres/{id}", id))
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        Assert.Equal(TextReview.Pending, await Portal.Db(db => db.Answers.Where(a => a.Id == id).Select(a => a.TextReview).SingleAsync()));
    }
}
