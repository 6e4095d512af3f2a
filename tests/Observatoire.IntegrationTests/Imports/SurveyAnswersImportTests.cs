using System.Text;
using Observatoire.IntegrationTests.Security;
using Observatoire.IntegrationTests.Surveys;
using Observatoire.IntegrationTests.Wiki;

namespace Observatoire.IntegrationTests.Imports;

/// <summary>Paper questionnaires of one survey (/import/enquete-{id}), checked by the survey's own form and stored as assisted entries.</summary>
public class SurveyAnswersImportTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Header = "Numéro de questionnaire;Consentement;Quelle est votre situation ?;Votre quartier;Votre âge;Que faites-vous en ligne ?;Un commentaire ?";

    private static string Kind(TestSurvey s) => $"enquete-{s.Id}";

    /// <summary>Each stored answer of the survey as one comparable line, per response.</summary>
    private Task<List<string>> Answers(TestSurvey s) => Portal.Db(async db =>
        (await db.Responses.AsNoTracking().Where(r => r.SurveyId == s.Id).Include(r => r.Answers).ToListAsync())
        .Select(r => string.Join(" | ", r.Answers.OrderBy(a => a.QuestionId).ThenBy(a => a.OptionId).ThenBy(a => a.Text)
            .Select(a => $"{a.QuestionId}:{a.OptionId}{a.TerritoryId}{a.ToolId}{a.Number}{a.Date}{a.Text}")))
        .Order(StringComparer.Ordinal).ToList());

    [Fact]
    public async Task Lines_go_through_the_survey_rules_a_mistyped_option_gets_a_suggestion_then_commit_reimport_and_undo_move_the_results()
    {
        var s = await Portal.Survey();
        var client = await Portal.SignedInAs(Roles.Coordination);
        var file = ImportClient.Csv(Header,
            "1;oui;Salarié;Sanitas (Tours);30;;Très bien",
            "2;oui;En recherche d'emploi;Rabière;25;\"Offres ; CV\";",
            "3;oui;Salariée;Sanitas;40;;",
            "4;non;Salarié;;40;;",
            "5;oui;Salarié;;40;Offres;",
            "6;oui;En recherche d'emploi;;12;CV;",
            "7;oui;En recherche d'emploi;;22;;",
            "8;oui;En recherche d'emploi;;22;Autre : bénévolat;",
            "9;oui;salarie;Sanitass;50;;",
            "10;oui;Salarié;;51;;",
            "11;oui;Salarié;;52;;",
            "12;oui;Salarié;;53;;",
            "10;oui;Salarié;;54;;");

        var batch = await client.UploadOk(Kind(s), "questionnaires.csv", file);

        var lines = await client.Lines(batch);
        Assert.True("13 lignes : 6 créées, 0 modifiée, 0 inchangée, 7 refusées." == await client.Summary(batch), string.Join("\n", lines));
        Assert.Contains("refusée ligne 4 : question « Quelle est votre situation ? » : réponse « Salariée » inconnue — vouliez-vous dire « Salarié » ? (réponses possibles : « En recherche d'emploi », « Salarié »)", lines);
        Assert.Contains("refusée ligne 5 : la personne n'a pas donné son accord (colonne « Consentement ») : un questionnaire sans accord n'est pas enregistré", lines);
        Assert.Contains("refusée ligne 6 : question « Que faites-vous en ligne ? » : elle n'est posée qu'aux personnes ayant répondu « En recherche d'emploi » à « Quelle est votre situation ? » : effacez cette réponse, ou corrigez la réponse à « Quelle est votre situation ? »", lines);
        Assert.Contains("refusée ligne 7 : question « Votre âge » : Écrivez un nombre entre 15 et 99.", lines);
        Assert.Contains("refusée ligne 8 : question « Que faites-vous en ligne ? » : Cochez au moins une réponse.", lines);
        Assert.Contains("refusée ligne 10 : question « Votre quartier » : quartier « Sanitass » inconnu — vouliez-vous dire « Sanitas » ?", lines);
        Assert.Contains("refusée ligne 14 : même numéro de questionnaire « 10 » que la ligne 11", lines);
        Assert.Contains("créée ligne 9 : questionnaire enregistré comme saisie accompagnée", lines);

        using (var refused = await client.Commit(batch)) Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await Portal.Db(db => db.Responses.AnyAsync()), "A refused line stops the whole import.");
        using (var committed = await client.Commit(batch, skipRefused: true)) committed.AssertRedirectTo(batch);

        var stored = await Portal.Db(db => db.Responses.AsNoTracking().Include(r => r.Answers).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(6, stored.Count);
        Assert.All(stored, r => Assert.True(r.IsAssisted && r.ConsentRecorded && r.InvitationCodeId == null && r.CreatedAt.Minute == 0 && r.CreatedAt.Second == 0));
        var first = stored[0].Answers;
        Assert.Equal([(s.Situation, (int?)s.Employee, (int?)null, (decimal?)null, (string?)null), (s.Quartier, null, s.SanitasId, null, null),
                (s.Age, null, null, 30m, null), (s.Comment, null, null, null, "Très bien")],
            first.OrderBy(a => a.Id).Select(a => (a.QuestionId, a.OptionId, a.TerritoryId, a.Number, a.Text)));
        Assert.Equal([s.SearchOffers, s.SearchCv], stored[1].Answers.Where(a => a.QuestionId == s.Search).Select(a => a.OptionId!.Value).Order());
        Assert.Equal("bénévolat", stored[2].Answers.Single(a => a.QuestionId == s.Search).Text);

        // The results count them at once, with the confidentiality threshold: 4 employees, 2 job seekers (« < 5 »).
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var results = await partner.GetHtml($"/enquetes/gestion/{s.Id}/resultats");
        Assert.Equal("6", results.QuerySelector(".figures strong")!.Text());
        Assert.Equal("6 saisie(s) accompagnée(s)", results.QuerySelector("#saisies-accompagnees")!.Text());
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après l'import de questionnaires");
        Assert.Equal(["En recherche d'emploi", "< 5", "—"], results.QuerySelectorAll($"#question-{s.Situation} tbody tr")
            .Single(tr => tr.Children[0].Text() == "En recherche d'emploi").Children.Select(c => c.Text()));

        var again = await client.UploadOk(Kind(s), "questionnaires.csv", file);
        Assert.Equal("13 lignes : 0 créée, 0 modifiée, 6 inchangées, 7 refusées.", await client.Summary(again));
        var changed = await client.UploadOk(Kind(s), "corrige.csv", ImportClient.Csv(Header, "1;oui;Salarié;Sanitas (Tours);31;;Très bien"));
        Assert.Contains("refusée ligne 2 : le questionnaire n° 1 a déjà été importé avec d'autres réponses", string.Join("\n", await client.Lines(changed)));

        using (var undo = await client.Undo(batch)) undo.AssertRedirectTo(batch);
        Assert.False(await Portal.Db(async db => await db.Responses.AnyAsync() || await db.Answers.AnyAsync()));
        var after = await partner.GetHtml($"/enquetes/gestion/{s.Id}/resultats");
        Assert.Equal("0", after.QuerySelector(".figures strong")!.Text());
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après l'annulation de l'import de questionnaires");

        // Undone, the same file creates the questionnaires again.
        var redo = await client.UploadOk(Kind(s), "questionnaires.csv", file);
        Assert.Equal("13 lignes : 6 créées, 0 modifiée, 0 inchangée, 7 refusées.", await client.Summary(redo));
    }

    [Fact]
    public async Task Without_a_number_identical_questionnaires_are_distinct_responses_and_the_same_file_is_unchanged()
    {
        var s = await Portal.Survey();
        var client = await Portal.SignedInAs(Roles.Coordination);
        const string header = "Consentement;Quelle est votre situation ?;Votre âge";
        var file = ImportClient.Csv(header, "oui;Salarié;30", "oui;Salarié;30", "oui;En recherche d'emploi;30");
        var fileWithMore = ImportClient.Csv(header, "oui;Salarié;30", "oui;Salarié;30", "oui;En recherche d'emploi;30", "x;salarie;30");

        var batch = await client.UploadOk(Kind(s), "sans-numero.csv", file);
        var lines = await client.Lines(batch);
        Assert.True("3 lignes : 2 créées, 0 modifiée, 0 inchangée, 1 refusée." == await client.Summary(batch), string.Join("\n", lines));
        Assert.Contains("refusée ligne 4 : question « Que faites-vous en ligne ? » : Cochez au moins une réponse.", lines);
        using (await client.Commit(batch, skipRefused: true)) { }
        Assert.Equal(2, await Portal.Db(db => db.Responses.CountAsync()));

        var again = await client.UploadOk(Kind(s), "sans-numero.csv", file);
        Assert.Equal("3 lignes : 0 créée, 0 modifiée, 2 inchangées, 1 refusée.", await client.Summary(again));
        var more = await client.UploadOk(Kind(s), "avec-un-de-plus.csv", fileWithMore);
        Assert.Equal("4 lignes : 1 créée, 0 modifiée, 2 inchangées, 1 refusée.", await client.Summary(more));
    }

    [Fact]
    public async Task A_file_without_consent_is_refused_line_by_line_and_the_template_names_the_questions()
    {
        var s = await Portal.Survey();
        var client = await Portal.SignedInAs(Roles.Coordination);

        var batch = await client.UploadOk(Kind(s), "sans-accord.csv", ImportClient.Csv("Quelle est votre situation ?;Votre âge", "Salarié;30"));
        Assert.Contains("refusée ligne 2 : ajoutez la colonne « Consentement »", string.Join("\n", await client.Lines(batch)));

        var page = await client.GetHtml($"/import/{Kind(s)}");
        Assert.Contains("Usages du numérique au Sanitas", page.QuerySelector("main")!.Text());
        using var template = await client.GetAsync($"/import/{Kind(s)}?handler=Template");
        var header = Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n")[0];
        Assert.Equal("Numéro de questionnaire;Consentement;Quelle est votre situation ?;Votre quartier;Votre âge;Que faites-vous en ligne ?;" +
            "Que faites-vous en ligne ? — autre;Un commentaire ?", header);
        using var xlsx = await client.GetAsync($"/import/{Kind(s)}?handler=Template&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        // The template's example line is a valid questionnaire.
        var example = await client.UploadOk(Kind(s), "modele.xlsx", await xlsx.Content.ReadAsByteArrayAsync());
        Assert.True("1 ligne : 1 créée, 0 modifiée, 0 inchangée, 0 refusée." == await client.Summary(example), string.Join("\n", await client.Lines(example)));
        Assert.Contains($"/import/{Kind(s)}", (await client.GetHtml("/import")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Only_coordination_imports_a_survey_s_questionnaires_and_a_draft_survey_has_none()
    {
        var s = await Portal.Survey();
        var draft = await Portal.Survey(SurveyStatus.Draft, title: "Brouillon d'enquête");
        var file = ImportClient.Csv(Header, "1;oui;Salarié;;30;;");
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var batch = await coordination.UploadOk(Kind(s), "questionnaires.csv", file);

        foreach (var role in new[] { Roles.Contributeur, Roles.Partenaire })
        {
            var client = await Portal.SignedInAs(role);
            foreach (var url in new[] { $"/import/{Kind(s)}", $"/import/{Kind(s)}?handler=Template", batch })
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {url} : {(int)response.StatusCode}");
            }
            using var upload = await client.PostAsync($"/import/{Kind(s)}",
                new MultipartFormDataContent { { new ByteArrayContent(file), "Upload", "questionnaires.csv" } });
            Assert.True(upload.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{role} : envoi {(int)upload.StatusCode}");
        }
        // Another member of Coordination does not see someone else's import (administrators do).
        var other = await Portal.SignedInAs(Roles.Coordination);
        using (var foreign = await other.GetAsync(batch)) Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        using (var none = await coordination.GetAsync($"/import/enquete-{draft.Id}")) Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        using (var unknown = await coordination.GetAsync("/import/enquete-999999")) Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain($"/import/enquete-{draft.Id}", (await coordination.GetHtml("/import")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.False(await Portal.Db(db => db.Responses.AnyAsync()));
    }

    [Fact]
    public async Task Hostile_text_in_free_answers_is_stored_as_typed_and_shown_escaped()
    {
        var s = await Portal.Survey();
        var client = await Portal.SignedInAs(Roles.Coordination);
        // C0 control characters make the reader refuse a CSV as binary (Spreadsheets tests): the other payloads go through.
        var payloads = Enumerable.Range(0, HostileCorpus.Payloads.Length)
            .Where(n => !HostileCorpus.Payloads[n].Any(c => char.IsControl(c) && c is not '\t')).ToList();
        var file = Observatoire.Web.Infrastructure.Csv.Write(["Numéro de questionnaire", "Consentement", "Quelle est votre situation ?", "Votre âge", "Un commentaire ?"],
            payloads.Select(n => new[] { $"H{n}", "oui", "Salarié", "40", HostileCorpus.Value(n) }));

        var batch = await client.UploadOk(Kind(s), "hostile.csv", file);
        Assert.Contains($"{payloads.Count} créées", await client.Summary(batch));
        var failures = new List<string>();
        HostileCorpus.AssertHarmless(await client.GetHtml(batch), batch, failures);
        using (var committed = await client.Commit(batch)) committed.AssertRedirectTo(batch);

        var texts = await Portal.Db(db => db.Answers.AsNoTracking().Where(a => a.QuestionId == s.Comment).OrderBy(a => a.ResponseId).Select(a => a.Text).ToListAsync());
        Assert.Equal(payloads.Select(n => HostileCorpus.Value(n).Trim()), texts);
        var results = await client.GetHtml($"/enquetes/gestion/{s.Id}/resultats");
        HostileCorpus.AssertHarmless(results, "résultats", failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_survey_responses_export_imported_into_an_instance_without_responses_gives_the_same_answers()
    {
        var s = await Portal.Survey();
        await Portal.Db(db =>
        {
            for (var i = 0; i < 7; i++)
            {
                var seeker = i % 2 == 0;
                var r = new Response { SurveyId = s.Id, IdempotencyKey = Guid.NewGuid(), CreatedAt = DateTime.UtcNow.Date, IsAssisted = i < 2, ConsentRecorded = i < 2 };
                r.Answers.Add(new Answer { QuestionId = s.Situation, OptionId = seeker ? s.Seeker : s.Employee });
                if (i != 3) r.Answers.Add(new Answer { QuestionId = s.Quartier, TerritoryId = i % 3 == 0 ? s.SanitasId : s.RabiereId });
                r.Answers.Add(new Answer { QuestionId = s.Age, Number = i == 1 ? 20.5m : 20 + i });
                if (seeker) r.Answers.Add(new Answer { QuestionId = s.Search, OptionId = s.SearchOffers });
                if (i == 2) r.Answers.Add(new Answer { QuestionId = s.Search, OptionId = s.SearchCv });
                // Free texts leave the portal (this export) only once Coordination published them (FreeTextReviewTests).
                if (i == 4) r.Answers.Add(new Answer { QuestionId = s.Search, Text = "Démarches ; CAF", TextReview = TextReview.Published });
                if (i == 0) r.Answers.Add(new Answer { QuestionId = s.Comment, Text = "=SOMME(A1:A2) et « guillemets »\nsur deux lignes", TextReview = TextReview.Published });
                db.Responses.Add(r);
            }
            return db.SaveChangesAsync();
        });
        var before = await Answers(s);
        var client = await Portal.SignedInAs(Roles.Coordination);
        using var export = await client.GetAsync($"/enquetes/gestion/{s.Id}/resultats?handler=Reponses");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var csv = await export.Content.ReadAsByteArrayAsync();

        // The survey stays, its responses go: the instance the file is brought into.
        await Portal.Db(db => db.Responses.ExecuteDeleteAsync());
        var batch = await client.UploadOk(Kind(s), "reponses.csv", csv);
        var lines = await client.Lines(batch);
        Assert.True("7 lignes : 7 créées, 0 modifiée, 0 inchangée, 0 refusée." == await client.Summary(batch), string.Join("\n", lines));
        using (await client.Commit(batch)) { }

        Assert.Equal(before, await Answers(s));
        Assert.Equal(2, await Portal.Db(db => db.Responses.CountAsync(r => r.IsAssisted && r.ConsentRecorded)));
        var again = await client.UploadOk(Kind(s), "reponses.csv", csv);
        Assert.Equal("7 lignes : 0 créée, 0 modifiée, 7 inchangées, 0 refusée.", await client.Summary(again));
    }
}
