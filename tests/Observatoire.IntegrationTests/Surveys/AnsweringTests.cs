using System.Text.Json;
using Observatoire.Web.Analysis;
using Observatoire.Web.Pages.Surveys;

namespace Observatoire.IntegrationTests.Surveys;

public class AnsweringTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_job_seeker_is_asked_the_job_part_and_everything_is_stored_as_answered()
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();

        var first = await client.Start($"/enquetes/{s.Slug}");
        Assert.Equal("Vous", first.Heading());
        Assert.Contains("Étape 1 sur 2 à 3, selon vos réponses", first.QuerySelector(".progress")!.Text());
        var job = await client.Next(first, ($"q{s.Situation}", $"{s.Seeker}"), ($"q{s.Quartier}", $"{s.SanitasId}"), ($"q{s.Age}", "34"));
        Assert.Equal("Votre recherche d'emploi", job.Heading());
        Assert.Contains("Étape 2 sur 3", job.QuerySelector(".progress")!.Text());
        var last = await client.Next(job, ($"q{s.Search}", $"{s.SearchCv}"), ($"q{s.Search}", SurveyForm.OtherValue), ($"q{s.Search}-autre", "Agence d'intérim"));
        Assert.Equal("Envoyer mes réponses", last.QuerySelector("button[value=suivant]")!.Text());
        using var sent = await client.Send(last, ($"q{s.Comment}", "Merci !"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/enquetes/{s.Slug}/merci", sent.Headers.Location!.OriginalString);
        var answers = await Portal.Db(db => db.Answers.OrderBy(a => a.Id)
            .Select(a => new { a.QuestionId, a.OptionId, a.TerritoryId, a.Number, a.Text }).ToListAsync());
        Assert.Equal(
            [
                new { QuestionId = s.Situation, OptionId = (int?)s.Seeker, TerritoryId = (int?)null, Number = (decimal?)null, Text = (string?)null },
                new { QuestionId = s.Quartier, OptionId = (int?)null, TerritoryId = (int?)s.SanitasId, Number = (decimal?)null, Text = (string?)null },
                new { QuestionId = s.Age, OptionId = (int?)null, TerritoryId = (int?)null, Number = (decimal?)34, Text = (string?)null },
                new { QuestionId = s.Search, OptionId = (int?)s.SearchCv, TerritoryId = (int?)null, Number = (decimal?)null, Text = (string?)null },
                new { QuestionId = s.Search, OptionId = (int?)null, TerritoryId = (int?)null, Number = (decimal?)null, Text = (string?)"Agence d'intérim" },
                new { QuestionId = s.Comment, OptionId = (int?)null, TerritoryId = (int?)null, Number = (decimal?)null, Text = (string?)"Merci !" },
            ], answers);
        var thanks = await client.GetHtml($"/enquetes/{s.Slug}/merci");
        Assert.Contains("vos réponses sont enregistrées", thanks.Heading());
    }

    /// <summary>
    /// Every count of steps a respondent reads (« 2 courtes étapes », « Étape 1 sur 2 ») holds for the screens they then
    /// go through: a range (« de 2 à 3 ») must contain it, a number must be it. Conditional screens used to make a
    /// job seeker read « Étape 1 sur 2 », then « Étape 2 sur 3 ».
    /// </summary>
    [Theory]
    [InlineData(true, 3)]
    [InlineData(false, 2)]
    public async Task The_number_of_steps_announced_is_the_number_the_respondent_goes_through(bool seeker, int screens)
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();
        var said = new List<string>();

        var intro = await client.GetHtml($"/enquetes/{s.Slug}");
        said.Add(intro.QuerySelector(".survey-facts li")!.Text());
        var page = await client.Start($"/enquetes/{s.Slug}");
        var seen = 1;
        said.Add(page.QuerySelector(".progress")!.Text());
        page = await client.Next(page, ($"q{s.Situation}", $"{(seeker ? s.Seeker : s.Employee)}"), ($"q{s.Age}", "30"));
        seen++;
        said.Add(page.QuerySelector(".progress")!.Text());
        if (seeker)
        {
            page = await client.Next(page, ($"q{s.Search}", $"{s.SearchCv}"));
            seen++;
            said.Add(page.QuerySelector(".progress")!.Text());
        }
        Assert.Equal("Envoyer mes réponses", page.QuerySelector("button[value=suivant]")!.Text());

        Assert.Equal(screens, seen);
        foreach (var text in said)
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"(?:^|sur |[Dd]e )(\d+)(?: à (\d+))?"))
            {
                var low = int.Parse(m.Groups[1].Value);
                var high = m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : low;
                Assert.True(low <= screens && screens <= high, $"« {text} » annonce {m.Value.Trim()} étapes ; la personne en a vu {screens}.");
            }
    }

    [Fact]
    public async Task An_employee_skips_the_job_part_and_answers_left_there_are_not_stored()
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();
        var first = await client.Start($"/enquetes/{s.Slug}");
        // Goes down the job seeker's path, answers it, then comes back and changes situation.
        var job = await client.Next(first, ($"q{s.Situation}", $"{s.Seeker}"), ($"q{s.Age}", "40"));
        using var back = await client.Submit(job, [("action", "precedent"), ($"q{s.Search}", $"{s.SearchOffers}")]);
        var again = await back.ReadHtml();
        Assert.Equal("Vous", again.Heading());
        Assert.Equal("40", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#q{s.Age}")!.Value);

        var opinion = await client.Next(again, ($"q{s.Situation}", $"{s.Employee}"), ($"q{s.Age}", "40"));
        Assert.Equal("Votre avis", opinion.Heading());
        Assert.Contains("Étape 2 sur 2", opinion.QuerySelector(".progress")!.Text());
        using var sent = await client.Send(opinion);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.False(await Portal.Db(db => db.Answers.AnyAsync(a => a.QuestionId == s.Search)));
        Assert.Equal(2, await Portal.Db(db => db.Answers.CountAsync()));
    }

    [Fact]
    public async Task Missing_and_out_of_bounds_answers_are_explained_and_what_was_typed_is_kept()
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();
        var first = await client.Start($"/enquetes/{s.Slug}");

        var page = await client.Next(first, ($"q{s.Quartier}", $"{s.RabiereId}"), ($"q{s.Age}", "150"));

        Assert.Equal("Vous", page.Heading());
        var summary = page.QuerySelector(".error-summary[role=alert]")!;
        Assert.Equal([$"#q{s.Situation}", $"#q{s.Age}"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!));
        Assert.Contains("Choisissez une réponse pour continuer.", page.QuerySelector($"#q{s.Situation}-erreur")!.Text());
        Assert.Contains("Écrivez un nombre entre 15 et 99.", page.QuerySelector($"#q{s.Age}-erreur")!.Text());
        Assert.Contains($"q{s.Age}-erreur", page.QuerySelector($"#q{s.Age}")!.Closest("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Equal("150", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#q{s.Age}")!.Value);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlOptionElement>($"#q{s.Quartier} option[value='{s.RabiereId}']")!.IsSelected);
        var letters = await client.Next(page, ($"q{s.Situation}", $"{s.Employee}"), ($"q{s.Age}", "douze"));
        Assert.Contains("Écrivez un nombre en chiffres", letters.QuerySelector($"#q{s.Age}-erreur")!.Text());
        // A NUL pasted in an answer is refused next to it with its position, not silently taken out (« 35 »).
        var nul = await client.Next(letters, ($"q{s.Situation}", $"{s.Employee}"), ($"q{s.Age}", "3\u00005"));
        Assert.Equal("Vous", nul.Heading());
        Assert.Contains("(U+0000, position 2)", nul.QuerySelector($"#q{s.Age}-erreur")!.Text());
        Assert.Equal(0, await Portal.Db(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task Saving_for_later_shows_a_short_code_that_brings_the_answers_back()
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();
        var first = await client.Start($"/enquetes/{s.Slug}");
        var job = await client.Next(first, ($"q{s.Situation}", $"{s.Seeker}"), ($"q{s.Age}", "22"));

        using var saved = await client.Submit(job, [("action", "plus-tard"), ($"q{s.Search}", $"{s.SearchOffers}")]);
        var code = (await saved.ReadHtml()).QuerySelector(".resume-code")!.Text();
        Assert.Matches("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$", code);

        var later = Portal.CreateClient();
        var intro = await later.GetHtml($"/enquetes/{s.Slug}");
        using var resumed = await later.Submit(intro, [("code", code.ToLowerInvariant().Replace("-", " "))], "form[action*=Reprendre]");
        var page = await resumed.ReadHtml();
        Assert.Equal("Votre recherche d'emploi", page.Heading());
        Assert.NotNull(page.QuerySelector($"input[name=q{s.Search}][value='{s.SearchOffers}'][checked]"));
        using var wrong = await later.Submit(intro, [("code", "ZZZZ-ZZZZ")], "form[action*=Reprendre]");
        Assert.Contains("ne correspond à aucune réponse", (await wrong.ReadHtml()).QuerySelector(".error-summary")!.Text());
        // A character no code holds is named, as in every field, rather than « no such code ».
        using var bidi = await later.Submit(intro, [("code", "ZZZZ\u202EZZZZ")], "form[action*=Reprendre]");
        Assert.Contains("U+202E, position 5", (await bidi.ReadHtml()).QuerySelector(".error-summary")!.Text());

        var opinion = await later.Next(page, ($"q{s.Search}", $"{s.SearchOffers}"));
        using var sent = await later.Send(opinion);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(0, await Portal.Db(db => db.ResumeDrafts.CountAsync()));
        Assert.Equal(3, await Portal.Db(db => db.Answers.CountAsync()));
    }

    [Fact]
    public async Task Sending_the_same_form_twice_stores_one_response()
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();
        var opinion = await client.AnswerAsEmployee(s, age: "50");

        using var once = await client.Send(opinion);
        using var twice = await client.Send(opinion);

        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(1, await Portal.Db(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task Two_hundred_simultaneous_submissions_are_all_stored_exactly_once()
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();
        var opinion = await client.AnswerAsEmployee(s);
        var states = Employees(s, 200);

        // Each response is sent twice at once, as a double tap on a slow network would.
        var statuses = await SendAllAtOnce(client, s, opinion, states.Concat(states));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Redirect, status));
        var keys = await Portal.Db(db => db.Responses.Select(r => r.IdempotencyKey).ToListAsync());
        Assert.Equal(states.Select(x => x.Key).Order(), keys.Order());
        Assert.Equal(400, await Portal.Db(db => db.Answers.CountAsync()));
    }

    [Fact]
    public async Task Simultaneous_submissions_add_up_in_the_rollup_to_a_recount_before_and_after_folding_shards()
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();
        var opinion = await client.AnswerAsEmployee(s);

        var statuses = await SendAllAtOnce(client, s, opinion, Employees(s, 120));
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Redirect, status));

        var recount = await Portal.Db(Recount);
        Assert.Equal(120, recount.Single(c => c.Question == s.Situation && c.Value == SurveyAnswerDay.Respondents).Count);
        Assert.Equal(recount, await Portal.Db(RollupSums));

        // Folding moves every shard of past days into shard 0 without changing a figure.
        await Portal.Db(db => db.Database.ExecuteSqlRawAsync("SELECT survey_rollup_compact('infinity')"));
        Assert.Equal(recount, await Portal.Db(RollupSums));
        Assert.All(await Portal.Db(db => db.SurveyAnswerDays.Select(d => d.Shard).Distinct().ToListAsync()), shard => Assert.Equal(0, shard));

        // A response deleted afterwards is subtracted in the deleting backend's shard: sums still match.
        await Portal.Db(async db => { db.Remove(await db.Responses.OrderBy(r => r.Id).FirstAsync()); await db.SaveChangesAsync(); });
        Assert.Equal(await Portal.Db(Recount), await Portal.Db(RollupSums));
    }

    /// <summary>The answer states of <paramref name="count"/> employees aged 18 to 77, each with its own idempotency key.</summary>
    private static List<AnswerState> Employees(TestSurvey s, int count) => Enumerable.Range(0, count).Select(i => new AnswerState
    {
        Values = { [s.Situation] = [$"{s.Employee}"], [s.Age] = [$"{18 + i % 60}"] },
    }).ToList();

    /// <summary>
    /// Sends each state as the last screen, all at once, with the antiforgery token and section of <paramref name="page"/>:
    /// as many phones pressing « Envoyer » at the same moment. Gives each post's status.
    /// </summary>
    private static Task<HttpStatusCode[]> SendAllAtOnce(HttpClient client, TestSurvey s, IDocument page, IEnumerable<AnswerState> states)
    {
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var section = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=section]")!.Value;
        return Task.WhenAll(states.Select(async state =>
        {
            using var response = await client.PostAsync($"/enquetes/{s.Slug}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["etat"] = state.Serialize(), ["section"] = section, ["action"] = "suivant",
            }));
            return response.StatusCode;
        }));
    }

    private record Cell(int Question, DateOnly Day, int Value, int Count);

    private static async Task<List<Cell>> RollupSums(Observatoire.Web.Data.ObservatoireDbContext db) =>
        (await db.SurveyAnswerDays.GroupBy(d => new { d.QuestionId, d.Day, d.ValueKey })
            .Select(g => new { g.Key.QuestionId, g.Key.Day, g.Key.ValueKey, Count = g.Sum(d => d.Count) }).ToListAsync())
        .Where(c => c.Count != 0).Select(c => new Cell(c.QuestionId, c.Day, c.ValueKey, c.Count))
        .OrderBy(c => c.Question).ThenBy(c => c.Day).ThenBy(c => c.Value).ToList();

    /// <summary>The rollup recomputed from the answers, as the rebuild does (one row per value, -1 = respondents).</summary>
    private static async Task<List<Cell>> Recount(Observatoire.Web.Data.ObservatoireDbContext db)
    {
        var answers = await db.Answers.Select(a => new
        {
            a.QuestionId, a.ResponseId, a.Response.CreatedAt, Value = a.OptionId ?? a.TerritoryId ?? a.ToolId ?? 0,
        }).ToListAsync();
        var day = (DateTime instant) => DateOnly.FromDateTime(Observatoire.Web.Infrastructure.ParisTime.FromUtc(instant));
        return answers.GroupBy(a => (a.QuestionId, Day: day(a.CreatedAt), a.Value)).Select(g => new Cell(g.Key.QuestionId, g.Key.Day, g.Key.Value, g.Count()))
            .Concat(answers.GroupBy(a => (a.QuestionId, Day: day(a.CreatedAt)))
                .Select(g => new Cell(g.Key.QuestionId, g.Key.Day, SurveyAnswerDay.Respondents, g.Select(a => a.ResponseId).Distinct().Count())))
            .OrderBy(c => c.Question).ThenBy(c => c.Day).ThenBy(c => c.Value).ToList();
    }

    [Fact]
    public async Task An_invitation_code_gives_one_response_only()
    {
        var s = await Portal.Survey(invitation: true);
        await Portal.Db(db =>
        {
            db.InvitationCodes.Add(new InvitationCode { SurveyId = s.Id, Code = "ABCDEFGH", Batch = "Sanitas", CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var client = Portal.CreateClient();

        var refused = await client.Start($"/enquetes/{s.Slug}", ("invitation", "ABCD-EFGX"));
        Assert.Contains("n'existe pas ou a déjà servi", refused.QuerySelector("#invitation-erreur")!.Text());
        var opinion = await client.AnswerAsEmployee(s, intro: ("invitation", "abcd-efgh"));
        using var sent = await client.Send(opinion);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var again = await Portal.CreateClient().Start($"/enquetes/{s.Slug}", ("invitation", "ABCDEFGH"));
        Assert.Contains("n'existe pas ou a déjà servi", again.QuerySelector("#invitation-erreur")!.Text());
        var response = await Portal.Db(db => db.Responses.SingleAsync());
        Assert.NotNull(response.InvitationCodeId);
        Assert.NotNull(await Portal.Db(db => db.InvitationCodes.Select(c => c.UsedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_closed_survey_refuses_answers_with_a_clear_page()
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();
        var opinion = await client.AnswerAsEmployee(s);
        await Portal.Db(db => db.Surveys.Where(x => x.Id == s.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, SurveyStatus.Closed)));

        using var sent = await client.Send(opinion);

        Assert.Equal(HttpStatusCode.Gone, sent.StatusCode);
        var page = await sent.ReadHtml();
        Assert.Equal("Cette enquête est terminée", page.Heading());
        Assert.Contains("Vos réponses n'ont pas été enregistrées", page.QuerySelector("main")!.Text());
        Assert.Equal(0, await Portal.Db(db => db.Responses.CountAsync()));
        await client.GetHtml($"/enquetes/{s.Slug}", HttpStatusCode.Gone);
        Assert.DoesNotContain(s.Slug, (await client.GetHtml("/enquetes")).QuerySelector("main")!.InnerHtml);
    }

    [Fact]
    public async Task A_draft_survey_is_not_public_but_coordination_previews_it_without_storing()
    {
        var s = await Portal.Survey(SurveyStatus.Draft);
        await Portal.CreateClient().GetHtml($"/enquetes/{s.Slug}", HttpStatusCode.NotFound);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var opinion = await coordination.AnswerAsEmployee(s, query: "?apercu=1");
        using var sent = await coordination.Send(opinion);

        Assert.Contains("apercu=1", sent.Headers.Location!.OriginalString);
        Assert.Equal(0, await Portal.Db(db => db.Responses.CountAsync()));
        var contributor = await Portal.SignedInAs(Roles.Contributeur);
        await contributor.GetHtml($"/enquetes/{s.Slug}?apercu=1", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Nothing_identifying_is_stored_with_a_response()
    {
        var s = await Portal.Survey();
        var client = await Portal.SignedInAs(Roles.Partenaire);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("TelephoneDeTest/1.0");
        var opinion = await client.AnswerAsEmployee(s);
        using var sent = await client.Send(opinion);

        var columns = await Portal.Db(db => db.Database.SqlQueryRaw<string>(
            "SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'Responses' ORDER BY column_name").ToListAsync());
        Assert.Equal(["ConsentRecorded", "CreatedAt", "Id", "IdempotencyKey", "InvitationCodeId", "IsAssisted", "SurveyId"], columns);
        var row = await Portal.Db(db => db.Responses.SingleAsync());
        Assert.Equal((0, 0, 0), (row.CreatedAt.Minute, row.CreatedAt.Second, row.CreatedAt.Millisecond));
        Assert.False(row.IsAssisted);
        var dump = await Portal.Db(db => db.Database.SqlQueryRaw<string>(
            "SELECT row_to_json(r)::text AS \"Value\" FROM \"Responses\" r").SingleAsync());
        Assert.DoesNotContain("TelephoneDeTest", dump);
        Assert.DoesNotContain("partenaire", dump);
    }

    [Fact]
    public async Task Assisted_entry_asks_for_consent_and_marks_the_response()
    {
        var s = await Portal.Survey();
        await Portal.CreateClient().GetHtml($"/enquetes/{s.Slug}?assiste=1", HttpStatusCode.Redirect);
        var worker = await Portal.SignedInAs(Roles.Contributeur);

        var refused = await worker.Start($"/enquetes/{s.Slug}?assiste=1");
        Assert.Contains("donné son accord", refused.QuerySelector("#consentement-erreur")!.Text());
        var opinion = await worker.AnswerAsEmployee(s, age: "70", query: "?assiste=1", intro: ("consentement", "oui"));
        using var sent = await worker.Send(opinion);

        var row = await Portal.Db(db => db.Responses.SingleAsync());
        Assert.True(row.IsAssisted);
        Assert.True(row.ConsentRecorded);
    }

    [Fact]
    public async Task Field_workers_find_assisted_entry_on_the_survey_page_in_the_survey_list_and_in_their_account()
    {
        var s = await Portal.Survey();
        var assisted = $"a[href='/enquetes/{s.Slug}?assiste=1']";
        var worker = await Portal.SignedInAs(Roles.Contributeur);

        var surveyPage = await worker.GetHtml($"/enquetes/{s.Slug}");
        Assert.Contains("saisie accompagnée", surveyPage.QuerySelector(assisted)!.Text());
        Assert.NotNull((await worker.GetHtml("/enquetes")).QuerySelector(assisted));
        var account = await worker.GetHtml("/compte");
        Assert.NotNull(account.QuerySelector("a[href='/enquetes#saisie-accompagnee']"));
        // Already in assisted entry: no second way in on the same screen.
        Assert.Null((await worker.GetHtml($"/enquetes/{s.Slug}?assiste=1")).QuerySelector(assisted));

        // Assisted entry is for contributors (the policy of ?assiste=1): residents and partners are not offered it.
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        using var visitor = Portal.CreateClient();
        foreach (var client in new[] { partner, visitor })
        {
            Assert.Null((await client.GetHtml($"/enquetes/{s.Slug}")).QuerySelector(assisted));
            Assert.Null((await client.GetHtml("/enquetes")).QuerySelector(assisted));
        }
        Assert.Null((await partner.GetHtml("/compte")).QuerySelector("a[href='/enquetes#saisie-accompagnee']"));
    }

    [Fact]
    public async Task A_state_claiming_assisted_entry_from_an_anonymous_visitor_is_refused()
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();
        var first = await client.Start($"/enquetes/{s.Slug}");
        var state = AnswerState.Parse(first.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=etat]")!.Value)!;
        state.Assisted = true;
        state.Consent = true;

        using var sent = await client.Submit(first, [("etat", state.Serialize()), ("action", "suivant"),
            ($"q{s.Situation}", $"{s.Employee}"), ($"q{s.Age}", "30")]);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("/compte/connexion", sent.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_filled_honeypot_looks_accepted_but_stores_nothing()
    {
        var s = await Portal.Survey();
        var client = Portal.CreateClient();
        var opinion = await client.AnswerAsEmployee(s);

        using var sent = await client.Send(opinion, (AnswerModel.HoneypotField, "http://spam.example"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(0, await Portal.Db(db => db.Responses.CountAsync()));
    }
}
