using System.Text.RegularExpressions;

namespace Observatoire.IntegrationTests.Syntheses;

/// <summary>
/// A synthesis of a territory counts, in a survey that asks for the respondent's quartier, only the respondents of that
/// territory (a commune with its quartiers); a survey that asks for none is printed with every respondent, and its
/// chapter's title says so. The data fingerprint follows the same rule.
/// </summary>
public class SurveyTerritoryTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Query = "du=2026-01-01&au=2026-06-30&territoire=joue-les-tours";

    private sealed record World(int WithQuartier, int WithoutQuartier, int QuartierQuestion, int Rabiere, int Sanitas, int Often, int Rarely);

    /// <summary>
    /// « Usages à Joué et Tours » asks the quartier: 6 at Rabière (Joué-lès-Tours), 9 at Sanitas (Tours), 3 who did not say.
    /// « Usages sans quartier » asks none: 11 respondents. Each says how often they use a computer.
    /// </summary>
    private Task<World> SeedAsync() => Portal.Db(async db =>
    {
        var s = new SeedBuilder(db);
        var joue = s.Territory("Joué-lès-Tours");
        var rabiere = s.Quartier("Rabière", joue);
        var sanitas = s.Quartier("Sanitas", s.Territory("Tours"));
        s.Observation("Atelier CV", s.Structure("Association Résoudre", rabiere), rabiere, observedOn: new DateOnly(2026, 2, 3));
        var now = new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc);
        Survey NewSurvey(string title, bool quartier, out Question? where, out Question often)
        {
            var survey = new Survey { Title = title, Slug = Web.Infrastructure.Slug.From(title), Status = SurveyStatus.Closed, CreatedAt = now, UpdatedAt = now };
            var section = new SurveySection { Survey = survey, Order = 0, Title = "Vous" };
            survey.Sections.Add(section);
            where = quartier ? new Question { Survey = survey, Section = section, Order = 0, Type = QuestionType.Territory, Text = "Dans quel quartier habitez-vous ?" } : null;
            often = new Question { Survey = survey, Section = section, Order = 1, Type = QuestionType.SingleChoice, Text = "Utilisez-vous un ordinateur ?" };
            often.Options.Add(new QuestionOption { Order = 0, Code = "souvent", Label = "Souvent" });
            often.Options.Add(new QuestionOption { Order = 1, Code = "rarement", Label = "Rarement" });
            if (where is not null) survey.Questions.Add(where);
            survey.Questions.Add(often);
            db.Surveys.Add(survey);
            return survey;
        }
        var withQuartier = NewSurvey("Usages à Joué et Tours", quartier: true, out var where, out var often);
        var withoutQuartier = NewSurvey("Usages sans quartier", quartier: false, out _, out var often2);
        void Respond(Survey survey, Question question, Territory? territory, int option)
        {
            var response = new Response { Survey = survey, CreatedAt = now, IdempotencyKey = Guid.NewGuid() };
            response.Answers.Add(new Answer { Question = question, Option = question.Options[option] });
            if (territory is not null) response.Answers.Add(new Answer { Question = where!, Territory = territory });
            db.Responses.Add(response);
        }
        for (var i = 0; i < 6; i++) Respond(withQuartier, often, rabiere, 0);
        for (var i = 0; i < 9; i++) Respond(withQuartier, often, sanitas, 1);
        for (var i = 0; i < 3; i++) Respond(withQuartier, often, null, 1);
        for (var i = 0; i < 11; i++) Respond(withoutQuartier, often2, null, i % 2);
        await db.SaveChangesAsync();
        return new World(withQuartier.Id, withoutQuartier.Id, where!.Id, rabiere.Id, sanitas.Id, often.Options[0].Id, often.Options[1].Id);
    });

    private static string Plain(string text) => Regex.Replace(text, @"[\s\u00A0\u202F\u00AD]+", " ");

    [Fact]
    public async Task A_commune_synthesis_counts_its_own_respondents_and_titles_a_survey_it_cannot_filter()
    {
        var w = await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var query = $"{Query}&enquetes={w.WithQuartier}&enquetes={w.WithoutQuartier}";

        var preview = await coordination.GetHtml($"/syntheses/apercu?{query}");

        var filtered = preview.QuerySelector($"#enquete-{w.WithQuartier}")!;
        Assert.Equal("Enquête « Usages à Joué et Tours » — répondants de Joué-lès-Tours", Plain(filtered.QuerySelector("h3")!.TextContent));
        Assert.StartsWith("6 questionnaires remplis par des répondants qui ont indiqué Joué-lès-Tours à la question « Dans quel quartier habitez-vous ? »",
            Plain(filtered.QuerySelector(".meta")!.TextContent));
        // Only Rabière's six answered: « Souvent » 6 of 6; none of Sanitas's « Rarement ».
        var rows = filtered.QuerySelectorAll("table.bar-table tbody tr")
            .Select(r => string.Join(" ", r.Children.Select(cell => Plain(cell.TextContent).Trim()))).ToList();
        Assert.Contains(rows, r => r.StartsWith("Souvent 6 100 %", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Rarement 0", StringComparison.Ordinal));
        // The quartier question lists the synthesis's territories only.
        Assert.Contains(rows, r => r.StartsWith("Rabière (Joué-lès-Tours) 6", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.StartsWith("Sanitas", StringComparison.Ordinal));

        var every = preview.QuerySelector($"#enquete-{w.WithoutQuartier}")!;
        Assert.Equal("Enquête « Usages sans quartier » — tous territoires : l'enquête ne demande pas le quartier", Plain(every.QuerySelector("h3")!.TextContent));
        Assert.StartsWith("11 questionnaires remplis, de tous les territoires : le filtre « Joué-lès-Tours » ne peut pas s'appliquer à cette enquête",
            Plain(every.QuerySelector(".meta")!.TextContent));

        // The key figure of respondents cannot follow the filter: its label says so, on the dashboard as in the synthesis.
        var dashboard = await coordination.GetHtml("/tableau-de-bord?du=2026-01-01&au=2026-06-30&territoire=joue-les-tours");
        Assert.Equal("Répondants aux enquêtes (tous territoires, thèmes et publics)",
            dashboard.QuerySelector("#chiffre-repondants .figure-label")!.TextContent.Trim());
        Assert.Contains("Répondants aux enquêtes (tous territoires, thèmes et publics)", Plain(preview.QuerySelector("main")?.TextContent ?? preview.Body!.TextContent));

        // The PDF is the same document.
        var (_, pdf) = await SynthesisTests.GenerateAsync(coordination, query);
        var text = Plain(SynthesisTests.Read(pdf).Text);
        Assert.Contains("Enquête « Usages à Joué et Tours » — répondants de Joué-lès-Tours", text);
        Assert.Contains("Enquête « Usages sans quartier » — tous territoires : l'enquête ne demande pas le quartier", text);
    }

    [Fact]
    public async Task Without_a_territory_filter_every_respondent_counts_and_titles_are_plain()
    {
        var w = await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var preview = await coordination.GetHtml($"/syntheses/apercu?du=2026-01-01&au=2026-06-30&enquetes={w.WithQuartier}");

        var part = preview.QuerySelector($"#enquete-{w.WithQuartier}")!;
        Assert.Equal("Enquête « Usages à Joué et Tours »", Plain(part.QuerySelector("h3")!.TextContent));
        Assert.StartsWith("18 questionnaires remplis — enquête", Plain(part.QuerySelector(".meta")!.TextContent));
    }

    [Fact]
    public async Task The_fingerprint_changes_with_a_respondent_of_the_territory_not_with_one_of_elsewhere()
    {
        var w = await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var (reference, _) = await SynthesisTests.GenerateAsync(coordination, $"{Query}&enquetes={w.WithQuartier}");
        async Task<string> State() => (await coordination.GetHtml("/syntheses")).QuerySelector($"tr[id='{reference}']")!.TextContent;
        Task Respond(int territory) => Portal.Db(async db =>
        {
            db.Responses.Add(new Response
            {
                SurveyId = w.WithQuartier, CreatedAt = DateTime.UtcNow, IdempotencyKey = Guid.NewGuid(),
                Answers = [new Answer { QuestionId = w.QuartierQuestion, TerritoryId = territory }],
            });
            await db.SaveChangesAsync();
        });
        Assert.Contains("Données inchangées", await State());

        await Respond(w.Sanitas);
        Assert.Contains("Données inchangées", await State());

        await Respond(w.Rabiere);
        Assert.Contains("Données modifiées depuis", await State());
    }

    /// <summary>
    /// Each survey of a synthesis prints its own short link (#19.5), and the chapter's QR code leads to the first: both open
    /// the survey's results restricted as the chapter is, with the chapter's counts.
    /// </summary>
    [Fact]
    public async Task Each_survey_of_a_synthesis_leads_back_to_its_results_with_the_synthesis_territories()
    {
        var w = await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var (reference, pdf) = await SynthesisTests.GenerateAsync(coordination, $"{Query}&enquetes={w.WithQuartier}&enquetes={w.WithoutQuartier}");

        var text = Plain(SynthesisTests.Read(pdf).Text).Replace(" ", "");
        Assert.Contains($"Enligne:localhost/s/{reference}/enquete-{w.WithQuartier}", text);
        Assert.Contains($"Enligne:localhost/s/{reference}/enquete-{w.WithoutQuartier}", text);
        var stored = await coordination.GetHtml($"/syntheses/apercu?{Query}&enquetes={w.WithQuartier}&enquetes={w.WithoutQuartier}");
        var chapterQr = stored.QuerySelector("#partie-enquetes figure.chapter-qr span[role=img]")!.GetAttribute("aria-label")!;
        // A preview is not stored: its code holds the destination itself, the first survey's results (by title).
        Assert.Equal($"Code QR : localhost/enquetes/gestion/{w.WithQuartier}/resultats?territoire=joue-les-tours", Plain(chapterQr));

        var visitor = Portal.CreateClient();
        using (var followed = await visitor.GetAsync($"/s/{reference}/enquete-{w.WithQuartier}"))
            Assert.Equal($"/enquetes/gestion/{w.WithQuartier}/resultats?territoire=joue-les-tours", followed.Headers.Location!.OriginalString);
        using (var followed = await visitor.GetAsync($"/s/{reference}/enquete-{w.WithoutQuartier}"))
            Assert.Equal($"/enquetes/gestion/{w.WithoutQuartier}/resultats?territoire=joue-les-tours", followed.Headers.Location!.OriginalString);

        // The partner who follows it reads the chapter's counts: Joué's six, all « Souvent », and Rabière alone in the quartiers.
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var results = await partner.GetHtml($"/enquetes/gestion/{w.WithQuartier}/resultats?territoire=joue-les-tours");
        Assert.StartsWith("Répondants qui ont indiqué Joué-lès-Tours à la question « Dans quel quartier habitez-vous ? »", Plain(results.QuerySelector("#territoires")!.TextContent).Trim());
        Assert.StartsWith("6 réponse(s) avec ces filtres", Plain(results.QuerySelector("ul.figures li")!.TextContent).Trim());
        string[] Rows(string question) => [.. results.QuerySelectorAll($"#question-{question} table tbody tr")
            .Select(r => string.Join(" ", r.Children.Select(cell => Plain(cell.TextContent).Trim())))];
        var often = results.QuerySelectorAll("section.result").First(q => q.TextContent.Contains("Utilisez-vous un ordinateur ?")).Id![9..];
        Assert.Equal(["Souvent 6 100 %", "Rarement 0 0 %"], Rows(often));
        Assert.Equal(["Rabière (Joué-lès-Tours) 6 100 %"], Rows(w.QuartierQuestion.ToString()));
        // The CSV export of that page is restricted the same way.
        using var csv = await partner.GetAsync($"/enquetes/gestion/{w.WithQuartier}/resultats?handler=Csv&territoire=joue-les-tours");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("Souvent") && l.Contains(";6;"));
        Assert.DoesNotContain(lines, l => l.Contains("Sanitas"));

        // The survey that asks no quartier says the filter cannot apply, and counts everyone, as its chapter does.
        var every = await partner.GetHtml($"/enquetes/gestion/{w.WithoutQuartier}/resultats?territoire=joue-les-tours");
        Assert.StartsWith("Réponses de tous les territoires : le filtre « Joué-lès-Tours » ne peut pas s'appliquer", Plain(every.QuerySelector("#territoires")!.TextContent).Trim());
        Assert.StartsWith("11 réponse(s)", Plain(every.QuerySelector("ul.figures li")!.TextContent).Trim());
    }
}
