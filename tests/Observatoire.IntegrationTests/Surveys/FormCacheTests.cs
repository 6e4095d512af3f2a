using Observatoire.Web.Pages.Surveys;

namespace Observatoire.IntegrationTests.Surveys;

/// <summary>
/// The answering path reads its forms from memory (<see cref="SurveyFormCache"/>), keyed by a version that statement
/// triggers keep on every table a form is built from. A change to any of them must be on the very next screen, whoever
/// made it (the builder, the directory, a script), with nothing else to call.
/// </summary>
public class FormCacheTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>The tables the form is built from (SurveyForm.LoadAsync), each of which bumps the version.</summary>
    private static readonly string[] Sources = ["DigitalTools", "QuestionOptions", "Questions", "SurveySections", "Surveys", "Territories"];

    [Fact]
    public async Task Every_table_a_form_is_built_from_bumps_the_version_and_nothing_else_does()
    {
        var tables = await Portal.Db(db => db.Database.SqlQueryRaw<string>("""
            SELECT c.relname AS "Value" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE t.tgname = 'survey_form_version' ORDER BY 1
            """).ToListAsync());
        Assert.Equal(Sources, tables);

        // Answering does not move it: the cache holds while respondents send their answers.
        var s = await Portal.Survey();
        var before = await Version();
        var client = Portal.CreateClient();
        var page = await client.Start($"/enquetes/{s.Slug}");
        page = await client.Next(page, ($"q{s.Situation}", $"{s.Employee}"), ($"q{s.Age}", "40"));
        using var sent = await client.Send(page);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(1, await Portal.Db(db => db.Responses.CountAsync()));
        Assert.Equal(before, await Version());
    }

    [Fact]
    public async Task A_change_to_each_source_of_the_form_is_on_the_next_screen()
    {
        var s = await Portal.Survey();
        // A tools question, so that the tool list is part of this form too.
        var toolQuestion = await Portal.Db(async db =>
        {
            db.DigitalTools.Add(new DigitalTool { Name = "Pix", Slug = $"pix-{Guid.NewGuid():N}"[..12], Status = ToolStatus.Listed });
            var first = await db.Questions.Where(q => q.Id == s.Situation).SingleAsync();
            var question = new Question { SurveyId = s.Id, SectionId = first.SectionId, Order = 10, Type = QuestionType.Tools, Text = "Vos outils" };
            db.Questions.Add(question);
            await db.SaveChangesAsync();
            return question.Id;
        });
        var client = Portal.CreateClient();
        var intro = await client.GetHtml($"/enquetes/{s.Slug}");
        var first = await client.Start($"/enquetes/{s.Slug}");
        var heading = first.Heading();
        Assert.Contains("Pix", first.QuerySelector($"fieldset:has([name=q{toolQuestion}])")!.Text());

        await Change("""UPDATE "Surveys" SET "Title" = 'Titre changé' WHERE "Id" = {0}""", s.Id);
        Assert.Equal("Titre changé", (await client.GetHtml($"/enquetes/{s.Slug}")).Heading());

        await Change("""UPDATE "SurveySections" SET "Title" = 'Partie renommée' WHERE "SurveyId" = {0} AND "Title" = {1}""", s.Id, heading);
        first = await client.Start($"/enquetes/{s.Slug}");
        Assert.Equal("Partie renommée", first.Heading());

        await Change("""UPDATE "Questions" SET "Text" = 'Votre situation aujourd''hui' WHERE "Id" = {0}""", s.Situation);
        await Change("""UPDATE "QuestionOptions" SET "Label" = 'Je cherche du travail' WHERE "Id" = {0}""", s.Seeker);
        await Change("""INSERT INTO "Territories" ("Name", "Slug", "Kind", "ParentId", "SortOrder") SELECT 'Bords de Loire', {0}, "Kind", "ParentId", 99 FROM "Territories" WHERE "Id" = {1}""",
            $"bords-{Guid.NewGuid():N}"[..14], s.SanitasId);
        await Change("""INSERT INTO "DigitalTools" ("Name", "Slug", "Status") VALUES ('Framaforms', {0}, 'Listed')""", $"frama-{Guid.NewGuid():N}"[..14]);
        first = await client.Start($"/enquetes/{s.Slug}");
        var text = first.QuerySelector("main")!.Text();
        Assert.Contains("Votre situation aujourd'hui", text);
        Assert.Contains("Je cherche du travail", text);
        Assert.Contains("Bords de Loire", first.QuerySelector($"[name=q{s.Quartier}]")!.ParentElement!.Text());
        Assert.Contains("Framaforms", first.QuerySelector($"fieldset:has([name=q{toolQuestion}])")!.Text());

        // Closing the survey is seen at once: the next screen says it is over and stores nothing.
        await Change("""UPDATE "Surveys" SET "Status" = 'Closed' WHERE "Id" = {0}""", s.Id);
        using var closed = await client.GetAsync($"/enquetes/{s.Slug}");
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
        Assert.NotNull(intro);
    }

    private Task<long> Version() =>
        Portal.Db(db => db.Database.SqlQueryRaw<long>("""SELECT "Value" FROM "SurveyFormVersion" """).SingleAsync());

    private Task Change(string sql, params object[] values) => Portal.Db(db => db.Database.ExecuteSqlRawAsync(sql, values));
}
