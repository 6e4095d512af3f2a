using AngleSharp.Dom;
using Observatoire.IntegrationTests.Observations;

namespace Observatoire.IntegrationTests.Syntheses;

public class CompareTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private const string Period = "du=2026-01-01&au=2026-06-30";

    private sealed record World(int EmploiId, int Unvalidated, int[] Submitted);

    /// <summary>
    /// One structure (so « Structures actives » is 1, published « &lt; 5 »). Emploi: seven validated observations in the first
    /// quarter, participants 3 to 9 (42), « Atelier 0 » (3) to be unvalidated; Insertion: five validated in the second
    /// quarter, 2 participants each (10); two submitted Emploi observations (4 and 6 participants) to be validated.
    /// </summary>
    private async Task<World> SeedAsync()
    {
        var seeded = await Portal.Seed(s =>
        {
            var rabiere = s.Quartier("Rabière", s.Territory("Joué-lès-Tours"));
            var (emploi, insertion) = (s.Theme("Emploi"), s.Theme("Insertion"));
            var resoudre = s.Structure("Association Résoudre", rabiere, "Association");
            var emploiObservations = Enumerable.Range(0, 7)
                .Select(i => s.Observation($"Atelier {i}", resoudre, rabiere, observedOn: Start.AddDays(10 * i), participants: 3 + i, themes: [emploi]))
                .ToList();
            for (var i = 0; i < 5; i++)
                s.Observation($"Insertion {i}", resoudre, rabiere, observedOn: Start.AddDays(95 + 7 * i), participants: 2, themes: [insertion]);
            var submitted = new[]
            {
                s.Observation("Soumise A", resoudre, rabiere, ObservationStatus.Submitted, Start.AddDays(40), participants: 4, themes: [emploi]),
                s.Observation("Soumise B", resoudre, rabiere, ObservationStatus.Submitted, Start.AddDays(50), participants: 6, themes: [emploi]),
            };
            return (emploi, emploiObservations[0], submitted);
        });
        return new World(seeded.emploi.Id, seeded.Item2.Id, [.. seeded.submitted.Select(o => o.Id)]);
    }

    /// <summary>A, then: the two submitted validated, « Atelier 0 » back to draft, Insertion merged into Emploi; then B.</summary>
    private async Task<(World World, string A, string B)> TwoSynthesesAsync()
    {
        var world = await SeedAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var (a, _) = await SynthesisTests.GenerateAsync(partner, Period);

        await Portal.Db(async db =>
        {
            var now = DateTime.UtcNow;
            await db.Observations.Where(o => world.Submitted.Contains(o.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, ObservationStatus.Validated).SetProperty(o => o.ValidatedAt, now));
            await db.Observations.Where(o => o.Id == world.Unvalidated)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, ObservationStatus.Draft).SetProperty(o => o.ValidatedAt, (DateTime?)null));
        });
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        using var merged = await admin.PostMainForm($"/admin/listes/themes/insertion/fusionner?cible={world.EmploiId}",
            new Dictionary<string, string>(), "main section form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var (b, _) = await SynthesisTests.GenerateAsync(partner, Period);
        return (world, a, b);
    }

    private static Dictionary<string, string[]> Rows(IDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").ToDictionary(
            tr => SynthesisTests.Spaces(tr.QuerySelector("th")!.TextContent),
            tr => tr.QuerySelectorAll("td").Select(td => SynthesisTests.Spaces(td.TextContent)).ToArray());

    [Fact]
    public async Task Two_syntheses_give_each_difference_the_observations_that_entered_or_left_and_the_merged_theme()
    {
        var (world, a, b) = await TwoSynthesesAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        // Chosen from the later one: still read earlier → later.
        var page = await coordination.GetHtml($"/syntheses/comparer?a={b}&b={a}");

        var figures = Rows(page, "section[aria-labelledby=chiffres] table");
        Assert.Equal(["12", "13", "+1"], figures["Usages observés"]);
        Assert.Equal(["52", "59", "+7"], figures["Participants touchés"]);
        // One structure on both sides: published « < 5 », so no difference.
        Assert.Equal(["< 5", "< 5", "—"], figures["Structures actives"]);
        var themes = Rows(page, "table[aria-labelledby=indicateur-themes]");
        Assert.Equal(["7", "13", "+6"], themes["Emploi"]);
        Assert.Equal(["5", "absent", "—"], themes["Insertion"]);

        var entered = page.QuerySelectorAll("table[aria-labelledby=entrees] tbody tr a").Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal(world.Submitted.Select(id => $"/observations/{id}").Order(), entered.Order());
        Assert.All(page.QuerySelectorAll("table[aria-labelledby=entrees] tbody tr"), tr => Assert.Contains("validée le", tr.TextContent));
        var left = page.QuerySelectorAll("table[aria-labelledby=sorties] tbody tr");
        var only = Assert.Single(left);
        Assert.Equal($"/observations/{world.Unvalidated}", only.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("n'est plus validée (aujourd'hui : brouillon)", SynthesisTests.Spaces(only.TextContent));
        Assert.Contains("Entrées depuis " + a + " : 2 observations", SynthesisTests.Spaces(page.QuerySelector("#entrees")!.TextContent));
        Assert.Contains("Sorties depuis " + a + " : 1 observation", SynthesisTests.Spaces(page.QuerySelector("#sorties")!.TextContent));

        var change = Assert.Single(page.QuerySelectorAll("section[aria-labelledby=listes] tbody tr"));
        Assert.Contains("Fusion", change.TextContent);
        Assert.Contains("« Insertion » → « Emploi »", change.TextContent);
    }

    [Fact]
    public async Task A_partner_reads_the_comparison_but_sees_only_a_count_of_what_is_no_longer_validated()
    {
        var (world, a, b) = await TwoSynthesesAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var page = await partner.GetHtml($"/syntheses/comparer?a={a}&b={b}");

        Assert.Equal(2, page.QuerySelectorAll("table[aria-labelledby=entrees] tbody tr a").Length);
        Assert.Null(page.QuerySelector("table[aria-labelledby=sorties]"));
        Assert.Empty(page.QuerySelectorAll($"a[href='/observations/{world.Unvalidated}']"));
        Assert.Contains("1 observation qui n'est plus validée : vous ne pouvez pas la consulter.",
            page.QuerySelectorAll(".not-shown").Select(p => SynthesisTests.Spaces(p.TextContent)));

        var contributor = await Portal.SignedInAs(Roles.Contributeur);
        using var forbidden = await contributor.GetAsync($"/syntheses/comparer?a={a}&b={b}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var chooser = await contributor.GetAsync($"/syntheses/{a}/comparer");
        Assert.Equal(HttpStatusCode.Forbidden, chooser.StatusCode);
        using var anonymous = await Portal.CreateClient().GetAsync($"/syntheses/comparer?a={a}&b={b}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/compte/connexion", anonymous.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Comparer_avec_leads_from_the_list_to_the_other_synthesis_and_an_unknown_reference_is_404()
    {
        var (_, a, b) = await TwoSynthesesAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var list = await partner.GetHtml("/syntheses");
        Assert.NotNull(list.QuerySelector($"tr#{a} a[href='/syntheses/{a}/comparer']"));
        var chooser = await partner.GetHtml($"/syntheses/{a}/comparer");
        var link = chooser.QuerySelectorAll("a").Single(l => l.TextContent.Trim() == $"Comparer avec {b}");
        Assert.Equal($"/syntheses/comparer?a={a}&b={b}", link.GetAttribute("href"));
        Assert.Contains("même périmètre", link.Closest("tr")!.TextContent);

        foreach (var url in new[] { "/syntheses/SYN-2099-9999/comparer", $"/syntheses/comparer?a={a}&b=SYN-2099-9999", $"/syntheses/comparer?a={a}" })
        {
            using var response = await partner.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_synthesis_generated_before_they_were_kept_says_it_cannot_list_observations_or_figures()
    {
        var (_, a, b) = await TwoSynthesesAsync();
        await Portal.Db(db => db.Syntheses.Where(s => s.Reference == a)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ObservationIds, (int[]?)null).SetProperty(s => s.Figures, (string?)null)));
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var page = await partner.GetHtml($"/syntheses/comparer?a={a}&b={b}");

        Assert.Empty(page.QuerySelectorAll("section[aria-labelledby=chiffres] table"));
        Assert.Contains($"{a} a été générée avant que les chiffres", SynthesisTests.Spaces(page.QuerySelector("section[aria-labelledby=chiffres]")!.TextContent));
        Assert.Null(page.QuerySelector("#entrees"));
        Assert.Contains("ne peut pas dire lesquelles sont entrées ou sorties", SynthesisTests.Spaces(page.QuerySelector("section[aria-labelledby=observations]")!.TextContent));
        // The merge in between is still told: it needs the dates only.
        Assert.Contains("« Insertion » → « Emploi »", page.QuerySelector("section[aria-labelledby=listes]")!.TextContent);
    }

    [Fact]
    public async Task Two_periods_compare_todays_figures_with_the_same_filters()
    {
        await SeedAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var page = await partner.GetHtml("/syntheses/comparer?du=2026-01-01&au=2026-03-31&du2=2026-04-01&au2=2026-06-30&territoire=rabiere");

        var figures = Rows(page, "section[aria-labelledby=chiffres] table");
        Assert.Equal(["7", "5", "−2"], figures["Usages observés"]);
        Assert.Equal(["42", "10", "−32"], figures["Participants touchés"]);
        var themes = Rows(page, "table[aria-labelledby=indicateur-themes]");
        Assert.Equal(["7", "0", "−7"], themes["Emploi"]);
        Assert.Equal(["0", "5", "+5"], themes["Insertion"]);
        Assert.Null(page.QuerySelector("#entrees"));

        var invalid = await partner.GetHtml("/syntheses/comparer?du=2026-03-31&au=2026-01-01&du2=2026-04-01");
        Assert.NotNull(invalid.QuerySelector(".error-summary"));
    }

    /// <summary>
    /// Six validated observations of « Emploi » with the tool « Pix » in the first half of 2026, 5 participants each; the tool
    /// « PIX » is a duplicate of it that one more observation (4 participants) names.
    /// </summary>
    private async Task<(int[] Ids, int PixId, string Duplicate)> SeedWithToolsAsync()
    {
        var seeded = await Portal.Seed(s =>
        {
            var rabiere = s.Quartier("Rabière", s.Territory("Joué-lès-Tours"));
            var emploi = s.Theme("Emploi");
            var (pix, duplicate) = (s.Tool("Pix"), s.Tool("PIX"));
            var resoudre = s.Structure("Association Résoudre", rabiere, "Association");
            var observations = Enumerable.Range(0, 6)
                .Select(i => s.Observation($"Atelier {i}", resoudre, rabiere, observedOn: Start.AddDays(10 * i), participants: 5, tools: [pix], themes: [emploi]))
                .ToList();
            s.Observation("Atelier doublon", resoudre, rabiere, observedOn: Start.AddDays(70), participants: 4, tools: [duplicate], themes: [emploi]);
            return (observations, pix, duplicate);
        });
        return ([.. seeded.observations.Select(o => o.Id)], seeded.pix.Id, seeded.duplicate.Slug);
    }

    [Fact]
    public async Task Edits_between_two_syntheses_are_told_from_each_observations_history()
    {
        var (ids, _, _) = await SeedWithToolsAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var (a, _) = await SynthesisTests.GenerateAsync(partner, Period);

        // Between the two: one more participant counted on « Atelier 1 » (5 → 9), « Atelier 2 » moved out of the period,
        // and « Atelier 3 »'s description rewritten, which changes no figure.
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        foreach (var (id, field, value) in new[] { (ids[1], "Input.ParticipantsCount", "9"), (ids[2], "Input.ObservedOn", "2026-07-15"),
                     (ids[3], "Input.Description", "Séance reprise sur deux jours.") })
        {
            using var edited = await coordination.PostFormAsShown($"/observations/{id}/modifier", new Dictionary<string, string> { [field] = value },
                ("Intent", "enregistrer"));
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }
        var (b, _) = await SynthesisTests.GenerateAsync(partner, Period);

        var page = await coordination.GetHtml($"/syntheses/comparer?a={a}&b={b}");

        var figures = Rows(page, "section[aria-labelledby=chiffres] table");
        Assert.Equal(["7", "6", "−1"], figures["Usages observés"]);
        Assert.Equal(["34", "33", "−1"], figures["Participants touchés"]);
        Assert.Null(page.QuerySelector("table[aria-labelledby=entrees]"));
        var left = Assert.Single(page.QuerySelectorAll("table[aria-labelledby=sorties] tbody tr"));
        Assert.Equal($"/observations/{ids[2]}", left.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("sortie du périmètre : Date : 21 janvier 2026 → 15 juillet 2026", SynthesisTests.Spaces(left.TextContent));
        var edited1 = Assert.Single(page.QuerySelectorAll("table[aria-labelledby=modifiees] tbody tr"));
        Assert.Equal($"/observations/{ids[1]}", edited1.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("modifiée : Participants : 5 → 9", SynthesisTests.Spaces(edited1.TextContent));
        Assert.Contains("Comptées par les deux et modifiées entre-temps : 1 observation", SynthesisTests.Spaces(page.QuerySelector("#modifiees")!.TextContent));
    }

    [Fact]
    public async Task A_theme_renamed_and_a_tool_merged_in_the_directory_between_two_syntheses_are_listed()
    {
        var (_, pixId, duplicate) = await SeedWithToolsAsync();
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var (a, _) = await SynthesisTests.GenerateAsync(partner, Period);

        var coordination = await Portal.SignedInAs(Roles.Coordination);
        using (var renamed = await coordination.PostMainForm("/admin/listes/themes/emploi", new Dictionary<string, string> { ["Input.Name"] = "Emploi et insertion" }))
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        using (var merged = await coordination.PostMainForm($"/annuaire/outils/{duplicate}/fusionner?cible={pixId}",
                   new Dictionary<string, string>(), "main section form[method=post]"))
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var (b, _) = await SynthesisTests.GenerateAsync(partner, Period);

        var page = await partner.GetHtml($"/syntheses/comparer?a={a}&b={b}");

        var themes = Rows(page, "table[aria-labelledby=indicateur-themes]");
        Assert.Equal(["7", "absent", "—"], themes["Emploi"]);
        Assert.Equal(["absent", "7", "—"], themes["Emploi et insertion"]);
        var changes = page.QuerySelectorAll("section[aria-labelledby=listes] tbody tr").Select(tr => SynthesisTests.Spaces(tr.TextContent)).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Contains("Renommage") && c.Contains("« Emploi » → « Emploi et insertion »"));
        Assert.Contains(changes, c => c.Contains("Fusion") && c.Contains("« PIX » → « Pix »"));
        // The merge moved the duplicate's observation without changing any figure: nothing entered, left or was edited.
        Assert.Null(page.QuerySelector("table[aria-labelledby=entrees]"));
        Assert.Null(page.QuerySelector("table[aria-labelledby=sorties]"));
        Assert.Null(page.QuerySelector("table[aria-labelledby=modifiees]"));
    }

    /// <summary>A survey with one closed question; <paramref name="often"/> answer « Souvent ».</summary>
    private Task<(int Survey, int Question)> SurveyAsync(int often) => Portal.Db(async db =>
    {
        var now = new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc);
        var survey = new Survey { Title = "Usages du numérique", Slug = "usages-du-numerique", Status = SurveyStatus.Open, CreatedAt = now, UpdatedAt = now };
        var section = new SurveySection { Survey = survey, Order = 0, Title = "Vous" };
        survey.Sections.Add(section);
        var question = new Question { Survey = survey, Section = section, Order = 0, Type = QuestionType.SingleChoice, Text = "Utilisez-vous un ordinateur ?" };
        question.Options.Add(new QuestionOption { Order = 0, Code = "souvent", Label = "Souvent" });
        question.Options.Add(new QuestionOption { Order = 1, Code = "rarement", Label = "Rarement" });
        survey.Questions.Add(question);
        db.Surveys.Add(survey);
        for (var i = 0; i < often; i++)
            db.Responses.Add(new Response { Survey = survey, CreatedAt = now, IdempotencyKey = Guid.NewGuid(), Answers = [new Answer { Question = question, Option = question.Options[0] }] });
        await db.SaveChangesAsync();
        return (survey.Id, question.Id);
    });

    [Fact]
    public async Task A_surveys_answers_and_the_most_observed_tools_are_compared_as_each_synthesis_printed_them()
    {
        await SeedWithToolsAsync();
        var (survey, question) = await SurveyAsync(often: 6);
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var (a, _) = await SynthesisTests.GenerateAsync(partner, $"{Period}&enquetes={survey}");
        // Five more questionnaires, all « Rarement ».
        await Portal.Db(async db =>
        {
            var rarely = await db.QuestionOptions.SingleAsync(o => o.QuestionId == question && o.Code == "rarement");
            for (var i = 0; i < 5; i++)
                db.Responses.Add(new Response { SurveyId = survey, CreatedAt = DateTime.UtcNow, IdempotencyKey = Guid.NewGuid(),
                    Answers = [new Answer { QuestionId = question, OptionId = rarely.Id }] });
            await db.SaveChangesAsync();
        });
        var (b, _) = await SynthesisTests.GenerateAsync(partner, $"{Period}&enquetes={survey}");

        var page = await partner.GetHtml($"/syntheses/comparer?a={a}&b={b}");

        Assert.Equal(["6", "11", "+5"], Rows(page, $"table[aria-labelledby=indicateur-enquete-{survey}]")["Questionnaires remplis"]);
        var answers = Rows(page, $"table[aria-labelledby=indicateur-enquete-{survey}-question-{question}]");
        Assert.Equal(["6", "11", "+5"], answers["Répondants à cette question"]);
        Assert.Equal(["6", "6", "0"], answers["Souvent"]);
        Assert.Equal(["0", "5", "+5"], answers["Rarement"]);
        Assert.Contains("Enquête « Usages du numérique » — Utilisez-vous un ordinateur ?", page.QuerySelector($"#indicateur-enquete-{survey}-question-{question}")!.TextContent);
        // The most observed tools, as printed: « PIX » has one observation, published « < 5 ».
        var tools = Rows(page, "table[aria-labelledby=indicateur-outils-les-plus-observes]");
        Assert.Equal(["6", "6", "0"], tools["Pix"]);
        Assert.Equal(["< 5", "< 5", "—"], tools["PIX"]);
    }
}
