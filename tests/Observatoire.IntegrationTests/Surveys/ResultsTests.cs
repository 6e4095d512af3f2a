using System.Text;
using System.Text.Json;
using Observatoire.Web.Infrastructure;

namespace Observatoire.IntegrationTests.Surveys;

public class ResultsTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>Stores responses directly: n job seekers of the Sanitas, then m employees of the Rabière.</summary>
    private Task Responses(TestSurvey s, int seekers, int employees) => Portal.Db(db =>
    {
        for (var i = 0; i < seekers + employees; i++)
        {
            var seeker = i < seekers;
            var r = new Response { SurveyId = s.Id, IdempotencyKey = Guid.NewGuid(), CreatedAt = DateTime.UtcNow.Date };
            r.Answers.Add(new Answer { QuestionId = s.Situation, OptionId = seeker ? s.Seeker : s.Employee });
            r.Answers.Add(new Answer { QuestionId = s.Quartier, TerritoryId = seeker ? s.SanitasId : s.RabiereId });
            r.Answers.Add(new Answer { QuestionId = s.Age, Number = 20 + i });
            if (seeker) r.Answers.Add(new Answer { QuestionId = s.Search, OptionId = s.SearchOffers });
            // Published by Coordination (FreeTextReviewTests): these tests are about counts and exports.
            if (i == 0) r.Answers.Add(new Answer { QuestionId = s.Comment, Text = "=HYPERLINK(\"http://x\")", TextReview = TextReview.Published });
            db.Responses.Add(r);
        }
        return db.SaveChangesAsync();
    });

    private static IElement Row(IDocument page, int questionId, string label) =>
        page.QuerySelectorAll($"#question-{questionId} tbody tr").Single(tr => tr.Children[0].Text() == label);

    [Fact]
    public async Task Counts_and_shares_are_shown_and_groups_under_five_read_less_than_five()
    {
        var s = await Portal.Survey();
        await Responses(s, seekers: 3, employees: 9);
        var client = await Portal.SignedInAs(Roles.Partenaire);

        var page = await client.GetHtml($"/enquetes/gestion/{s.Id}/resultats");

        Assert.Equal(["Salarié", "9", "75 %"], Row(page, s.Situation, "Salarié").Children.Select(c => c.Text()));
        // A narrow no-break space keeps « 75 % » on one line in narrow table cells.
        Assert.Contains("75\u202F%", Row(page, s.Situation, "Salarié").TextContent);
        Assert.Equal(["En recherche d'emploi", "< 5", "—"], Row(page, s.Situation, "En recherche d'emploi").Children.Select(c => c.Text()));
        // The chart is hidden from assistive technologies: the table beside it carries the same figures.
        Assert.NotNull(page.QuerySelector($"#question-{s.Situation} svg.chart[aria-hidden=true]"));
        Assert.NotNull(page.QuerySelector($"#question-{s.Situation} table"));
        Assert.DoesNotContain("style=", page.QuerySelector($"#question-{s.Situation} svg")!.OuterHtml);
        Assert.Contains("< 5", page.QuerySelector($"#question-{s.Situation} svg")!.TextContent);

        var filtered = await client.GetHtml($"/enquetes/gestion/{s.Id}/resultats?f[{s.Situation}]={s.Employee}");
        Assert.Equal("9", filtered.QuerySelector(".figures strong")!.Text());
        Assert.Equal(["Rabière (Tours)", "9", "100 %"], Row(filtered, s.Quartier, "Rabière (Tours)").Children.Select(c => c.Text()));
        var few = await client.GetHtml($"/enquetes/gestion/{s.Id}/resultats?f[{s.Situation}]={s.Seeker}");
        Assert.Equal("< 5", few.QuerySelector(".figures strong")!.Text());
        Assert.Contains("Réponses libres masquées", few.QuerySelector($"#question-{s.Comment}")!.Text());
        Assert.Contains("Trop peu de réponses", few.QuerySelector($"#question-{s.Age}")!.Text());
    }

    [Fact]
    public async Task The_results_say_how_many_answers_were_assisted_and_a_small_number_reads_less_than_five()
    {
        var s = await Portal.Survey();
        await Responses(s, seekers: 3, employees: 9);
        // The 6 first employees were entered with a field worker: 6 assisted in all, none among the job seekers.
        await Portal.Db(db => db.Responses.Where(r => r.Answers.Any(a => a.OptionId == s.Employee))
            .OrderBy(r => r.Id).Take(6).ExecuteUpdateAsync(u => u.SetProperty(r => r.IsAssisted, true).SetProperty(r => r.ConsentRecorded, true)));
        var client = await Portal.SignedInAs(Roles.Partenaire);

        var page = await client.GetHtml($"/enquetes/gestion/{s.Id}/resultats");
        Assert.Equal("6 saisie(s) accompagnée(s)", page.QuerySelector("#saisies-accompagnees")!.Text());

        await Portal.Db(db => db.Responses.Where(r => r.IsAssisted).OrderBy(r => r.Id).Take(4)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.IsAssisted, false)));
        var few = await client.GetHtml($"/enquetes/gestion/{s.Id}/resultats");
        Assert.Equal("< 5 saisie(s) accompagnée(s)", few.QuerySelector("#saisies-accompagnees")!.Text());
        // Filters restrict the count too: no job seeker was assisted.
        var seekers = await client.GetHtml($"/enquetes/gestion/{s.Id}/resultats?f[{s.Situation}]={s.Seeker}");
        Assert.Equal("0 saisie(s) accompagnée(s)", seekers.QuerySelector("#saisies-accompagnees")!.Text());
    }

    [Fact]
    public async Task Cross_tabulation_counts_pairs_and_hides_small_cells()
    {
        var s = await Portal.Survey();
        await Responses(s, seekers: 6, employees: 2);
        var client = await Portal.SignedInAs(Roles.Coordination);

        var page = await client.GetHtml($"/enquetes/gestion/{s.Id}/resultats?lignes={s.Quartier}&colonnes={s.Situation}");

        var cells = page.QuerySelectorAll("#croisement + .table-wrap tbody tr")
            .ToDictionary(tr => tr.Children[0].Text(), tr => tr.Children.Skip(1).Select(c => c.Text()).ToArray());
        Assert.Equal(["0", "< 5"], cells["Rabière (Tours)"]);
        Assert.Equal(["6", "0"], cells["Sanitas (Tours)"]);
    }

    [Fact]
    public async Task Exports_hide_small_groups_and_escape_formulas()
    {
        var s = await Portal.Survey();
        await Responses(s, seekers: 3, employees: 9);
        var client = await Portal.SignedInAs(Roles.Coordination);

        var csvBytes = await client.GetByteArrayAsync($"/enquetes/gestion/{s.Id}/resultats?handler=Csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var lines = Encoding.UTF8.GetString(csvBytes[3..]).Split("\r\n");
        Assert.Contains("Quelle est votre situation ?;en-recherche-d-emploi;En recherche d'emploi;< 5;;12", lines.Select(l => l[(l.IndexOf(';') + 1)..]));
        Assert.Contains("Quelle est votre situation ?;salarie;Salarié;9;75;12", lines.Select(l => l[(l.IndexOf(';') + 1)..]));

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/enquetes/gestion/{s.Id}/resultats?handler=Json"));
        var situation = json.RootElement.GetProperty("questions").EnumerateArray().First(q => q.GetProperty("id").GetInt32() == s.Situation);
        var seeker = situation.GetProperty("reponses").EnumerateArray().First(v => v.GetProperty("code").GetString() == "en-recherche-d-emploi");
        Assert.Equal(JsonValueKind.Null, seeker.GetProperty("effectif").ValueKind);
        Assert.Equal("< 5", seeker.GetProperty("affiche").GetString());

        var rows = Encoding.UTF8.GetString((await client.GetByteArrayAsync($"/enquetes/gestion/{s.Id}/resultats?handler=Reponses"))[3..]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", rows);
    }

    [Fact]
    public async Task Response_export_columns_are_the_same_whatever_path_the_respondents_took()
    {
        var s = await Portal.Survey();
        await Responses(s, seekers: 6, employees: 6);
        var client = await Portal.SignedInAs(Roles.Coordination);

        string[] Header(string csv) => csv.Split("\r\n")[0].Split(';');
        var all = Encoding.UTF8.GetString((await client.GetByteArrayAsync($"/enquetes/gestion/{s.Id}/resultats?handler=Reponses"))[3..]);
        var employees = Encoding.UTF8.GetString((await client.GetByteArrayAsync(
            $"/enquetes/gestion/{s.Id}/resultats?handler=Reponses&f[{s.Situation}]={s.Employee}"))[3..]);

        Assert.Equal(Header(all), Header(employees));
        var header = Header(all);
        Assert.Contains($"q{s.Search}_offres", header);
        Assert.Contains($"q{s.Search}_autre", header);
        var column = Array.IndexOf(header, $"q{s.Search}_offres");
        var employeeRows = employees.Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';')).ToList();
        Assert.Equal(6, employeeRows.Count);
        Assert.All(employeeRows, r => Assert.Equal("", r[column]));
        Assert.Equal(13, all.Split("\r\n").Count(l => l.Length > 0));
    }

    [Fact]
    public async Task A_partner_reads_results_but_not_the_row_level_export_and_a_small_group_export_is_refused()
    {
        var s = await Portal.Survey();
        await Responses(s, seekers: 3, employees: 6);
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        using var forbidden = await partner.GetAsync($"/enquetes/gestion/{s.Id}/resultats?handler=Reponses");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await (await Portal.SignedInAs(Roles.Contributeur)).GetHtml($"/enquetes/gestion/{s.Id}/resultats", HttpStatusCode.Forbidden);

        var coordination = await Portal.SignedInAs(Roles.Coordination);
        using var small = await coordination.GetAsync($"/enquetes/gestion/{s.Id}/resultats?handler=Reponses&f[{s.Situation}]={s.Seeker}");
        Assert.Equal(HttpStatusCode.Redirect, small.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Partenaire)]
    [InlineData(Roles.Coordination)]
    public async Task The_count_of_other_and_free_answers_is_hidden_under_five(string role)
    {
        var s = await Portal.Survey();
        await Responses(s, seekers: 6, employees: 6);
        await Portal.Db(async db =>
        {
            // Two of the job seekers also wrote an « Autre » answer.
            var ids = await db.Responses.Where(r => r.SurveyId == s.Id && r.Answers.Any(a => a.OptionId == s.Seeker))
                .OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync();
            db.Answers.AddRange(ids.Select(id => new Answer { ResponseId = id, QuestionId = s.Search, Text = "Pôle emploi" }));
            await db.SaveChangesAsync();
            // Reviewed by Coordination, so that partners read them too (FreeTextReviewTests).
            await db.Answers.Where(a => a.Text != null).ExecuteUpdateAsync(u => u.SetProperty(a => a.TextReview, TextReview.Published));
        });
        var client = await Portal.SignedInAs(role);

        var page = await client.GetHtml($"/enquetes/gestion/{s.Id}/resultats");

        Assert.Equal("Réponses « Autre » (< 5)", page.QuerySelector($"#question-{s.Search} details summary")!.Text());
        Assert.Equal("Réponses libres (< 5)", page.QuerySelector($"#question-{s.Comment} details summary")!.Text());
    }

    [Fact]
    public async Task A_row_level_export_refused_without_filters_says_the_whole_survey_is_too_small()
    {
        var s = await Portal.Survey();
        await Responses(s, seekers: 2, employees: 1);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var refused = await coordination.GetAsync($"/enquetes/gestion/{s.Id}/resultats?handler=Reponses");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var message = (await coordination.GetHtml($"/enquetes/gestion/{s.Id}/resultats")).QuerySelector("main .notice[role=status]")!.Text();

        Assert.StartsWith("Moins de 5 réponses à cette enquête :", message);
        Assert.DoesNotContain("filtres", message);
    }

    [Fact]
    public async Task A_row_level_export_is_written_to_the_audit_log()
    {
        var s = await Portal.Survey();
        await Responses(s, seekers: 6, employees: 6);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var export = await coordination.GetAsync($"/enquetes/gestion/{s.Id}/resultats?handler=Reponses&f[{s.Situation}]={s.Employee}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var entry = await Portal.Db(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Export));
        Assert.Contains("Usages du numérique au Sanitas", entry.Target);
        Assert.Contains("ligne à ligne", entry.Details);
        Assert.Contains("6 réponses", entry.Details);
        Assert.Contains("Quelle est votre situation ? = Salarié", entry.Details);
    }

    [Fact]
    public async Task A_cut_list_of_free_answers_says_it_is_cut_and_how_many_there_are()
    {
        var s = await Portal.Survey();
        await Portal.Db(db =>
        {
            for (var i = 0; i < 305; i++)
            {
                var r = new Response { SurveyId = s.Id, IdempotencyKey = Guid.NewGuid(), CreatedAt = DateTime.UtcNow.Date };
                r.Answers.Add(new Answer { QuestionId = s.Comment, Text = $"Remarque {i}" });
                db.Responses.Add(r);
            }
            return db.SaveChangesAsync();
        });
        var client = await Portal.SignedInAs(Roles.Coordination);

        var page = await client.GetHtml($"/enquetes/gestion/{s.Id}/resultats");

        var answers = page.QuerySelector($"#question-{s.Comment} details")!;
        Assert.Equal("Réponses libres (305)", answers.QuerySelector("summary")!.Text());
        Assert.Equal(300, answers.QuerySelectorAll("li").Length);
        Assert.Contains("seules les 300 réponses les plus récentes sont affichées ici, sur 305", answers.Text());
    }
}
