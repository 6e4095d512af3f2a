namespace Observatoire.IntegrationTests.Surveys;

public class BuilderTests(PortalFixture portal) : PortalTest(portal)
{
    private static async Task<int> Create(HttpClient client, string title)
    {
        using var created = await client.PostForm("/enquetes/gestion", new Dictionary<string, string> { ["Input.Title"] = title }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task<HttpResponseMessage> SaveQuestion(HttpClient client, string url, QuestionType type, string text,
        params (string, string)[] more) =>
        await client.PostForm(url, new (string, string)[] { ("Input.Type", type.ToString()), ("Input.Text", text) }.Concat(more)
            .Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2)), "main form[method=post]");

    [Fact]
    public async Task Every_question_type_round_trips_through_the_builder_and_shows_in_the_preview()
    {
        await Portal.Seed(b => { b.Quartier("Sanitas"); b.Tool("Nextcloud"); });
        var client = await Portal.SignedInAs(Roles.Coordination);
        var id = await Create(client, "Enquête de test");
        var url = $"/enquetes/gestion/{id}/question";
        var section = await Portal.Db(db => db.SurveySections.Where(x => x.SurveyId == id).Select(x => x.Id).SingleAsync());

        foreach (var type in Enum.GetValues<QuestionType>())
        {
            var extra = new List<(string, string)> { ("Input.SectionId", $"{section}"), ("Input.Required", "true"), ("Input.HelpText", $"Aide {type}") };
            if (type.HasEditableOptions())
                extra.AddRange([("Input.Options[0].Label", "Oui souvent"), ("Input.Options[1].Label", "Parfois"), ("Input.AllowOther", "true")]);
            if (type == QuestionType.Number) extra.AddRange([("Input.MinNumber", "0"), ("Input.MaxNumber", "10,5")]);
            if (type == QuestionType.Scale) extra.AddRange([("Input.ScaleMinLabel", "Pas du tout"), ("Input.ScaleMaxLabel", "Tout à fait")]);
            using var saved = await SaveQuestion(client, url, type, $"Question {type}", [.. extra]);
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{type} : {(await saved.ReadHtml()).QuerySelector(".error-summary")?.Text()}");
        }

        var questions = await Portal.Db(db => db.Questions.Include(q => q.Options).Where(q => q.SurveyId == id).OrderBy(q => q.Order).ToListAsync());
        Assert.Equal(Enum.GetValues<QuestionType>(), questions.Select(q => q.Type));
        Assert.All(questions, q => Assert.Equal(($"Question {q.Type}", $"Aide {q.Type}", true), (q.Text, q.HelpText, q.Required)));
        Assert.Equal(["oui-souvent", "parfois"], questions.Single(q => q.Type == QuestionType.MultipleChoice).Options.OrderBy(o => o.Order).Select(o => o.Code));
        Assert.True(questions.Single(q => q.Type == QuestionType.SingleChoice).AllowOther);
        Assert.Equal(["oui", "non"], questions.Single(q => q.Type == QuestionType.YesNo).Options.OrderBy(o => o.Order).Select(o => o.Code));
        var scale = questions.Single(q => q.Type == QuestionType.Scale);
        Assert.Equal((5, "Pas du tout", "Tout à fait"), (scale.Options.Count, scale.ScaleMinLabel, scale.ScaleMaxLabel));
        var number = questions.Single(q => q.Type == QuestionType.Number);
        Assert.Equal((0m, 10.5m), (number.MinNumber, number.MaxNumber));
        Assert.Empty(questions.Single(q => q.Type == QuestionType.ShortText).Options);

        var edit = await client.GetHtml($"{url}/{number.Id}");
        Assert.Equal("10,5", edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_MaxNumber")!.Value);
        var slug = await Portal.Db(db => db.Surveys.Where(s => s.Id == id).Select(s => s.Slug).SingleAsync());
        var preview = await client.Start($"/enquetes/{slug}?apercu=1");
        Assert.Equal(Enum.GetValues<QuestionType>().Length, preview.QuerySelectorAll("fieldset.question").Length);
        Assert.NotNull(preview.QuerySelector("select option:not([value=''])"));
        Assert.Contains("Nextcloud", preview.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task A_condition_must_point_at_an_earlier_part()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var firstSection = await Portal.Db(db => db.SurveySections.Where(x => x.SurveyId == s.Id && x.Order == 0).Select(x => x.Id).SingleAsync());

        using var refused = await SaveQuestion(client, $"/enquetes/gestion/{s.Id}/question", QuestionType.ShortText, "Lequel ?",
            ("Input.SectionId", $"{firstSection}"), ("Input.ConditionOptionId", $"{s.Seeker}"));
        var page = await refused.ReadHtml();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("partie précédente", page.QuerySelector(".error-summary")!.Text());
        Assert.Equal("Lequel ?", page.QuerySelector("#Input_Text")!.TextContent.Trim());
    }

    [Fact]
    public async Task Questions_and_options_are_reordered_with_buttons_without_javascript()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        var client = await Portal.SignedInAs(Roles.Coordination);

        using var moved = await client.PostForm($"/enquetes/gestion/{s.Id}", new Dictionary<string, string>
            { ["questionId"] = $"{s.Age}", ["direction"] = "haut" }, $"form[action*=MoveQuestion]:has(input[value='{s.Age}'])");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var order = await Portal.Db(db => db.Questions.Where(q => q.SectionId == db.Questions.Single(x => x.Id == s.Age).SectionId)
            .OrderBy(q => q.Order).Select(q => q.Id).ToListAsync());
        Assert.Equal([s.Situation, s.Age, s.Quartier], order);

        var section = await Portal.Db(db => db.Questions.Where(q => q.Id == s.Search).Select(q => q.SectionId).SingleAsync());
        using var swapped = await client.PostForm($"/enquetes/gestion/{s.Id}/question/{s.Search}", new Dictionary<string, string>
        {
            ["move"] = "bas:0", ["Input.Text"] = "Que faites-vous en ligne ?", ["Input.Type"] = "MultipleChoice", ["Input.SectionId"] = $"{section}",
            ["Input.Required"] = "true", ["Input.AllowOther"] = "true", ["Input.ConditionOptionId"] = $"{s.Seeker}",
            ["Input.Options[0].Label"] = "Offres", ["Input.Options[1].Label"] = "CV",
        }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, swapped.StatusCode);
        var options = await Portal.Db(db => db.QuestionOptions.Where(o => o.QuestionId == s.Search).OrderBy(o => o.Order).Select(o => o.Id).ToListAsync());
        Assert.Equal([s.SearchCv, s.SearchOffers], options);
        var kept = await Portal.Db(db => db.Questions.SingleAsync(q => q.Id == s.Search));
        Assert.Equal((QuestionType.MultipleChoice, s.Seeker), (kept.Type, kept.ConditionOptionId));
    }

    [Fact]
    public async Task A_new_question_takes_as_many_options_as_lines_typed_in_one_save()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var section = await Portal.Db(db => db.SurveySections.Where(x => x.SurveyId == s.Id && x.Order == 0).Select(x => x.Id).SingleAsync());
        var url = $"/enquetes/gestion/{s.Id}/question?partie={section}";
        var lines = "Le bus\r\nLa voiture\r\n\r\n  À pied  \r\nÀ vélo\r\nEn tram\r\nEn trottinette\r\nLe bus";

        var form = await client.GetHtml(url);
        using var saved = await SaveQuestion(client, url, QuestionType.SingleChoice, "Comment venez-vous ?",
            ("Input.SectionId", $"{section}"), ("Input.NewOptions", lines));

        Assert.Null(form.QuerySelector("input[name='Input.Options[0].Label']"));   // no fixed number of blank slots
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var options = await Portal.Db(db => db.QuestionOptions.Where(o => o.Question.Text == "Comment venez-vous ?")
            .OrderBy(o => o.Order).Select(o => o.Label).ToListAsync());
        Assert.Equal(["Le bus", "La voiture", "À pied", "À vélo", "En tram", "En trottinette"], options);
    }

    [Fact]
    public async Task A_refused_question_comes_back_with_every_typed_option_line()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        var client = await Portal.SignedInAs(Roles.Coordination);

        using var refused = await SaveQuestion(client, $"/enquetes/gestion/{s.Id}/question", QuestionType.MultipleChoice, "",
            ("Input.NewOptions", "Un\nDeux\nTrois\nQuatre\nCinq"));

        var page = await refused.ReadHtml();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Un\nDeux\nTrois\nQuatre\nCinq", page.QuerySelector("#Input_NewOptions")!.TextContent.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Editing_options_keeps_their_ids_and_an_answered_option_says_it_cannot_be_removed()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        await Portal.Db(db =>
        {
            var r = new Response { SurveyId = s.Id, IdempotencyKey = Guid.NewGuid(), CreatedAt = DateTime.UtcNow };
            r.Answers.Add(new Answer { QuestionId = s.Search, OptionId = s.SearchOffers });
            db.Responses.Add(r);
            return db.SaveChangesAsync();
        });
        var client = await Portal.SignedInAs(Roles.Coordination);
        var url = $"/enquetes/gestion/{s.Id}/question/{s.Search}";

        var form = await client.GetHtml(url);
        var offersRow = form.QuerySelector($"input[name$='.Id'][value='{s.SearchOffers}']")!.ParentElement!;
        var cvRow = form.QuerySelector($"input[name$='.Id'][value='{s.SearchCv}']")!.ParentElement!;
        Assert.Null(offersRow.QuerySelector("input[type=checkbox][name$='.Remove']"));
        Assert.Contains("Choisie 1 fois", offersRow.Text());
        Assert.NotNull(cvRow.QuerySelector("input[type=checkbox][name$='.Remove']"));

        using var saved = await client.PostForm(url, new Dictionary<string, string>
        {
            ["Input.Text"] = "Que faites-vous en ligne ?", ["Input.Type"] = "MultipleChoice", ["Input.Required"] = "true", ["Input.AllowOther"] = "true",
            ["Input.ConditionOptionId"] = $"{s.Seeker}", ["Input.SectionId"] = $"{await Portal.Db(db => db.Questions.Where(q => q.Id == s.Search).Select(q => q.SectionId).SingleAsync())}",
            ["Input.Options[0].Label"] = "Je consulte des offres", ["Input.Options[1].Label"] = "CV",
            ["Input.NewOptions"] = "CV\nCandidatures\nFormations",
        }, "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var options = await Portal.Db(db => db.QuestionOptions.Where(o => o.QuestionId == s.Search).OrderBy(o => o.Order)
            .Select(o => new { o.Id, o.Label, o.Code }).ToListAsync());
        Assert.Equal(["Je consulte des offres", "CV", "Candidatures", "Formations"], options.Select(o => o.Label));
        Assert.Equal((s.SearchOffers, "offres"), (options[0].Id, options[0].Code));   // reworded, same option: its answer still counts
        Assert.Equal(s.SearchCv, options[1].Id);
    }

    [Fact]
    public async Task The_condition_list_offers_only_questions_of_earlier_parts_each_line_naming_its_question()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var sections = await Portal.Db(db => db.SurveySections.Where(x => x.SurveyId == s.Id).OrderBy(x => x.Order).Select(x => x.Id).ToListAsync());

        var inFirst = await client.GetHtml($"/enquetes/gestion/{s.Id}/question?partie={sections[0]}");
        var inThird = await client.GetHtml($"/enquetes/gestion/{s.Id}/question?partie={sections[2]}");
        var search = await client.GetHtml($"/enquetes/gestion/{s.Id}/question/{s.Search}");

        Assert.Equal([""], inFirst.QuerySelectorAll("#Input_ConditionOptionId option").Select(o => o.GetAttribute("value")));
        Assert.Equal([$"{s.Seeker}", $"{s.Employee}", $"{s.SearchOffers}", $"{s.SearchCv}"],
            inThird.QuerySelectorAll("#Input_ConditionOptionId option:not([value=''])").Select(o => o.GetAttribute("value")));
        Assert.Equal("Si « Quelle est votre situation ? » = « En recherche d'emploi »",
            search.QuerySelector("#Input_ConditionOptionId option[selected]")!.Text());
    }

    [Fact]
    public async Task Save_and_add_another_opens_a_blank_question_in_the_same_part_with_the_same_type()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var second = await Portal.Db(db => db.SurveySections.Where(x => x.SurveyId == s.Id && x.Order == 1).Select(x => x.Id).SingleAsync());

        using var saved = await SaveQuestion(client, $"/enquetes/gestion/{s.Id}/question?partie={second}", QuestionType.Number, "Combien de candidatures ?",
            ("Input.SectionId", $"{second}"), ("next", "question"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var next = await client.GetHtml(saved.Headers.Location!.OriginalString);
        Assert.Equal("Nouvelle question", next.QuerySelector("h1")!.Text());
        Assert.Equal("", next.QuerySelector("#Input_Text")!.TextContent.Trim());
        Assert.Equal($"{second}", next.QuerySelector("#Input_SectionId option[selected]")!.GetAttribute("value"));
        Assert.Equal("Number", next.QuerySelector("#Input_Type option[selected]")!.GetAttribute("value"));
        Assert.Contains("Combien de candidatures ?", next.QuerySelector("main")!.Text());
        Assert.Equal(1, await Portal.Db(db => db.Questions.CountAsync(q => q.SectionId == second && q.Text == "Combien de candidatures ?")));
    }

    [Fact]
    public async Task Several_questions_are_added_to_a_part_at_once_and_a_refused_batch_keeps_its_lines()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var third = await Portal.Db(db => db.SurveySections.Where(x => x.SurveyId == s.Id && x.Order == 2).Select(x => x.Id).SingleAsync());
        var form = $"form[action*=QuickAdd]:has(input[value='{third}'])";
        const string lines = "Que pensez-vous de l'atelier ? : Très utile ; Utile ; Pas utile\nReviendrez-vous ? : Oui ; Non";

        using var refused = await client.PostForm($"/enquetes/gestion/{s.Id}", new Dictionary<string, string>
            { ["lines"] = lines + "\nUne question sans réponses", ["type"] = "SingleChoice" }, form);
        var page = await refused.ReadHtml();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Une question sans réponses", page.QuerySelector($"#partie-{third} .field-error")!.Text());
        Assert.Contains("Reviendrez-vous ?", page.QuerySelector($"#rapide-{third}")!.TextContent);
        using var added = await client.PostForm($"/enquetes/gestion/{s.Id}", new Dictionary<string, string>
            { ["lines"] = lines, ["type"] = "SingleChoice", ["required"] = "true" }, form);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var questions = await Portal.Db(db => db.Questions.Include(q => q.Options).Where(q => q.SectionId == third).OrderBy(q => q.Order).ToListAsync());
        Assert.Equal(["Un commentaire ?", "Que pensez-vous de l'atelier ?", "Reviendrez-vous ?"], questions.Select(q => q.Text));
        Assert.Equal(["tres-utile", "utile", "pas-utile"], questions[1].Options.OrderBy(o => o.Order).Select(o => o.Code));
        Assert.True(questions[2].Required);
    }

    [Fact]
    public async Task A_refused_part_keeps_what_was_typed_and_says_why_next_to_the_field()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var third = await Portal.Db(db => db.SurveySections.Where(x => x.SurveyId == s.Id && x.Order == 2).Select(x => x.Id).SingleAsync());
        const string intro = "Quelques questions sur l'atelier.";

        using var control = await client.PostForm($"/enquetes/gestion/{s.Id}", new Dictionary<string, string>
            { ["sectionTitle"] = "Après\u0007l'atelier", ["sectionIntro"] = intro }, $"form[action$='handler=Section']:has(input[value='{third}'])");
        using var tooLong = await client.PostForm($"/enquetes/gestion/{s.Id}", new Dictionary<string, string>
            { ["sectionTitle"] = "Après l'atelier", ["sectionIntro"] = new string('m', 4001) }, $"form[action$='handler=Section']:has(input[value='{third}'])");
        using var added = await client.PostForm($"/enquetes/gestion/{s.Id}", new Dictionary<string, string>
            { ["sectionTitle"] = "Facture\u202Egpj.exe" }, "form[action*=AddSection]");

        var page = await control.ReadHtml();
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        Assert.Contains("(U+0007, position 6)", page.QuerySelector($"#titre-{third}-erreur")!.Text());
        Assert.Equal($"titre-{third}-erreur", page.QuerySelector($"#titre-{third}")!.GetAttribute("aria-describedby"));
        Assert.Equal("Après\u0007l'atelier", page.QuerySelector($"#titre-{third}")!.GetAttribute("value"));
        Assert.Equal(intro, page.QuerySelector($"#intro-{third}")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"#partie-{third} details[open] #titre-{third}"));
        page = await tooLong.ReadHtml();
        Assert.Contains("4 000 caractères au plus (celle-ci en fait 4 001)", page.QuerySelector($"#intro-{third}-erreur")!.Text());
        Assert.Equal("Après l'atelier", page.QuerySelector($"#titre-{third}")!.GetAttribute("value"));
        page = await added.ReadHtml();
        Assert.Contains("U+202E", page.QuerySelector("#nouvelle-partie-erreur")!.Text());
        Assert.Equal("Facture\u202Egpj.exe", page.QuerySelector("#nouvelle-partie")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("main .notice"));
        Assert.Equal(3, await Portal.Db(db => db.SurveySections.CountAsync(x => x.SurveyId == s.Id)));
        Assert.False(await Portal.Db(db => db.SurveySections.AnyAsync(x => x.Title.StartsWith("Après"))));
    }

    /// <summary>
    /// The measure of issue #22: an 8-question survey (several types, options, one condition) built the way a
    /// person without JavaScript would, counting the forms sent. The old builder needed 11 on this error-free path
    /// (each question its own save, a fifth option a second save) and about 30 in practice.
    /// </summary>
    [Fact]
    public async Task An_eight_question_survey_with_a_condition_takes_eight_form_submissions()
    {
        var client = await Portal.SignedInAs(Roles.Coordination);
        var submits = 0;
        async Task<HttpResponseMessage> Send(string url, Dictionary<string, string> fields, string form)
        {
            submits++;
            var response = await client.PostForm(url, fields, form);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"{url} : {(int)response.StatusCode} {(await response.ReadHtml()).QuerySelector(".error-summary, .field-error")?.Text()}");
            return response;
        }
        string Next(HttpResponseMessage response) => response.Headers.Location!.OriginalString;

        var id = int.Parse(Next(await Send("/enquetes/gestion", new() { ["Input.Title"] = "Venir au centre social" }, "main form[method=post]")).Split('/').Last());
        await Send($"/enquetes/gestion/{id}", new() { ["sectionTitle"] = "Votre recherche d'emploi" }, "form[action*=AddSection]");
        var sections = await Portal.Db(db => db.SurveySections.Where(x => x.SurveyId == id).OrderBy(x => x.Order).Select(x => x.Id).ToListAsync());

        // Part 1: a six-option choice, then a number, from the question page chained with « Enregistrer et ajouter une autre ».
        var next = Next(await Send($"/enquetes/gestion/{id}/question?partie={sections[0]}", new()
        {
            ["Input.SectionId"] = $"{sections[0]}", ["Input.Type"] = "SingleChoice", ["Input.Text"] = "Quelle est votre situation ?", ["Input.Required"] = "true", ["Input.AllowOther"] = "true",
            ["Input.NewOptions"] = "En emploi\nEn recherche d'emploi\nEn formation\nÀ la retraite\nAu foyer\nSans activité", ["next"] = "question",
        }, "main form[method=post]"));
        await Send(next, new() { ["Input.SectionId"] = $"{sections[0]}", ["Input.Type"] = "Number", ["Input.Text"] = "Quel âge avez-vous ?", ["Input.MinNumber"] = "15", ["Input.MaxNumber"] = "99" },
            "main form[method=post]");
        // …and two more at once from the survey page.
        await Send($"/enquetes/gestion/{id}", new() { ["lines"] = "Avez-vous un ordinateur ?\nAvez-vous internet chez vous ?", ["type"] = "YesNo" },
            $"form[action*=QuickAdd]:has(input[value='{sections[0]}'])");

        // Part 2, shown to job seekers only: the condition is picked from the list the page offers.
        var page = await client.GetHtml($"/enquetes/gestion/{id}/question?partie={sections[1]}");
        var seeker = page.QuerySelectorAll("#Input_ConditionOptionId option").Single(o => o.Text().Contains("« En recherche d'emploi »")).GetAttribute("value")!;
        next = Next(await Send($"/enquetes/gestion/{id}/question?partie={sections[1]}", new()
        {
            ["Input.SectionId"] = $"{sections[1]}", ["Input.Type"] = "MultipleChoice", ["Input.Text"] = "Que faites-vous en ligne ?", ["Input.ConditionOptionId"] = seeker,
            ["Input.NewOptions"] = "Je consulte des offres\nJ'envoie des candidatures\nJe mets à jour mon CV", ["next"] = "question",
        }, "main form[method=post]"));
        await Send(next, new() { ["Input.SectionId"] = $"{sections[1]}", ["Input.Type"] = "Scale", ["Input.Text"] = "Ces outils vous aident-ils ?", ["Input.ScaleMinLabel"] = "Pas du tout", ["Input.ScaleMaxLabel"] = "Beaucoup" },
            "main form[method=post]");
        await Send($"/enquetes/gestion/{id}", new() { ["lines"] = "Un conseil pour nous ?\nAutre chose à ajouter ?", ["type"] = "LongText" },
            $"form[action*=QuickAdd]:has(input[value='{sections[1]}'])");

        var questions = await Portal.Db(db => db.Questions.Include(q => q.Options).Where(q => q.SurveyId == id)
            .OrderBy(q => q.Section.Order).ThenBy(q => q.Order).ToListAsync());
        Assert.Equal([QuestionType.SingleChoice, QuestionType.Number, QuestionType.YesNo, QuestionType.YesNo,
            QuestionType.MultipleChoice, QuestionType.Scale, QuestionType.LongText, QuestionType.LongText], questions.Select(q => q.Type));
        Assert.Equal(6, questions[0].Options.Count);
        Assert.Equal((questions[0].Id, "En recherche d'emploi"),
            (questions[4].ConditionQuestionId!.Value, questions[0].Options.Single(o => o.Id == questions[4].ConditionOptionId).Label));
        Assert.Equal(8, submits);
    }

    [Fact]
    public async Task Duplicating_copies_parts_questions_and_conditions_but_not_responses()
    {
        var s = await Portal.Survey();
        await Portal.Db(db =>
        {
            db.Responses.Add(new Response { SurveyId = s.Id, IdempotencyKey = Guid.NewGuid(), CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var client = await Portal.SignedInAs(Roles.Coordination);

        using var copied = await client.PostForm($"/enquetes/gestion/{s.Id}", new Dictionary<string, string>(), "form[action*=Duplicate]");

        var copyId = int.Parse(copied.Headers.Location!.OriginalString.Split('/').Last());
        var copy = await Portal.Db(db => db.Surveys.Include(x => x.Questions).ThenInclude(q => q.ConditionOption).SingleAsync(x => x.Id == copyId));
        Assert.Equal(SurveyStatus.Draft, copy.Status);
        Assert.Equal(5, copy.Questions.Count);
        var conditional = copy.Questions.Single(q => q.ConditionQuestionId is not null);
        Assert.Equal("En recherche d'emploi", conditional.ConditionOption!.Label);
        Assert.Contains(copy.Questions, q => q.Id == conditional.ConditionQuestionId);
        Assert.Equal(0, await Portal.Db(db => db.Responses.CountAsync(r => r.SurveyId == copyId)));
    }

    [Fact]
    public async Task Publishing_opens_the_survey_and_closing_shuts_it()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var resident = Portal.CreateClient();
        await resident.GetHtml($"/enquetes/{s.Slug}", HttpStatusCode.NotFound);

        using var _ = await client.PostForm($"/enquetes/gestion/{s.Id}", new Dictionary<string, string>(), "form[action*=Status]");
        Assert.Contains(s.Slug, (await resident.GetHtml("/enquetes")).QuerySelector("main")!.InnerHtml);
        await resident.GetHtml($"/enquetes/{s.Slug}");
        using var __ = await client.PostForm($"/enquetes/gestion/{s.Id}", new Dictionary<string, string>(), "form[action*=Status]:has(button.danger)");
        await resident.GetHtml($"/enquetes/{s.Slug}", HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Invitation_codes_come_in_printable_batches_and_the_qr_code_points_at_the_public_address()
    {
        var s = await Portal.Survey(invitation: true);
        var client = await Portal.SignedInAs(Roles.Coordination);

        using var made = await client.PostForm($"/enquetes/gestion/{s.Id}/codes", new Dictionary<string, string>
            { ["Input.Batch"] = "Centre social du Sanitas", ["Input.Count"] = "12" }, "main form[method=post]");
        var sheet = await client.GetHtml(made.Headers.Location!.OriginalString);
        Assert.Equal(12, sheet.QuerySelectorAll(".code-sheet li").Length);
        Assert.Equal(12, await Portal.Db(db => db.InvitationCodes.Select(c => c.Code).Distinct().CountAsync()));

        using var png = await client.GetAsync($"/enquetes/gestion/{s.Id}/qr?format=png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await png.Content.ReadAsByteArrayAsync())[..4]);
        using var svg = await client.GetAsync($"/enquetes/gestion/{s.Id}/qr?format=svg");
        Assert.StartsWith("<svg", (await svg.Content.ReadAsStringAsync()).TrimStart()[..4]);
        await (await Portal.SignedInAs(Roles.Contributeur)).GetHtml($"/enquetes/gestion/{s.Id}/codes", HttpStatusCode.Forbidden);
    }
}
