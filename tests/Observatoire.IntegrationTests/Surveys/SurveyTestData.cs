using AngleSharp.Html.Dom;
using Observatoire.Web.Data;
using Observatoire.Web.Pages.Surveys.Manage;
using Xunit.Sdk;

namespace Observatoire.IntegrationTests.Surveys;

/// <summary>A small survey with a conditional part, and a respondent's way through its screens.</summary>
public record TestSurvey(int Id, string Slug, int Situation, int Seeker, int Employee, int Quartier, int Age, int Search,
    int SearchOffers, int SearchCv, int Comment, int SanitasId, int RabiereId);

public static class SurveyTestData
{
    /// <summary>
    /// Part 1: situation (single, required), quartier (optional), age (number 15–99, required).
    /// Part 2, only for job seekers: what they do online (multiple with "Autre", required).
    /// Part 3: a free comment (optional).
    /// </summary>
    public static Task<TestSurvey> Survey(this PortalFixture portal, SurveyStatus status = SurveyStatus.Open, bool invitation = false,
        string title = "Usages du numérique au Sanitas") => portal.Db(async db =>
    {
        var tours = new Territory { Name = "Tours", Slug = $"tours-{Guid.NewGuid():N}"[..14], Kind = TerritoryKind.Municipality };
        var sanitas = new Territory { Name = "Sanitas", Slug = $"sanitas-{Guid.NewGuid():N}"[..16], Kind = TerritoryKind.Neighbourhood, Parent = tours };
        var rabiere = new Territory { Name = "Rabière", Slug = $"rabiere-{Guid.NewGuid():N}"[..16], Kind = TerritoryKind.Neighbourhood, Parent = tours };
        db.Territories.AddRange(tours, sanitas, rabiere);
        var now = DateTime.UtcNow;
        var survey = new Survey
        {
            Title = title, Slug = await SurveyEditing.NewSlugAsync(db, title, default), Status = status, RequiresInvitation = invitation,
            CreatedAt = now, UpdatedAt = now,
        };
        var s1 = new SurveySection { Survey = survey, Order = 0, Title = "Vous" };
        var s2 = new SurveySection { Survey = survey, Order = 1, Title = "Votre recherche d'emploi" };
        var s3 = new SurveySection { Survey = survey, Order = 2, Title = "Votre avis" };
        survey.Sections.AddRange([s1, s2, s3]);
        Question Q(SurveySection s, int order, QuestionType type, string text, bool required, params string[] options)
        {
            var q = new Question { Survey = survey, Section = s, Order = order, Type = type, Text = text, Required = required };
            for (var i = 0; i < options.Length; i++)
                q.Options.Add(new QuestionOption { Label = options[i], Code = Web.Infrastructure.Slug.From(options[i]), Order = i });
            survey.Questions.Add(q);
            return q;
        }
        var situation = Q(s1, 0, QuestionType.SingleChoice, "Quelle est votre situation ?", true, "En recherche d'emploi", "Salarié");
        var quartier = Q(s1, 1, QuestionType.Territory, "Votre quartier", false);
        var age = Q(s1, 2, QuestionType.Number, "Votre âge", true);
        age.MinNumber = 15;
        age.MaxNumber = 99;
        var search = Q(s2, 0, QuestionType.MultipleChoice, "Que faites-vous en ligne ?", true, "Offres", "CV");
        search.AllowOther = true;
        search.ConditionQuestion = situation;
        search.ConditionOption = situation.Options[0];
        var comment = Q(s3, 0, QuestionType.LongText, "Un commentaire ?", false);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        return new TestSurvey(survey.Id, survey.Slug, situation.Id, situation.Options[0].Id, situation.Options[1].Id, quartier.Id, age.Id,
            search.Id, search.Options[0].Id, search.Options[1].Id, comment.Id, sanitas.Id, rabiere.Id);
    });

    /// <summary>Opens the survey and presses « Commencer » (with extra intro fields such as the invitation code).</summary>
    public static async Task<IDocument> Start(this HttpClient client, string url, params (string, string)[] fields)
    {
        var intro = await client.GetHtml(url);
        using var response = await client.Submit(intro, [("action", "suivant"), .. fields]);
        return await response.ReadHtml();
    }

    /// <summary>Submits the page's answering form with these fields, as a browser without JavaScript would.</summary>
    public static async Task<HttpResponseMessage> Submit(this HttpClient client, IDocument page, IEnumerable<(string Name, string Value)> fields,
        string formSelector = "form.survey-form")
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? page.QuerySelector("main form[method=post]") as IHtmlFormElement
            ?? throw new XunitException($"Aucun formulaire sur la page :\n{page.Body?.TextContent[..Math.Min(800, page.Body.TextContent.Length)]}");
        var given = fields.Select(f => f.Name).ToHashSet();
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden][name]")
            .Where(i => !given.Contains(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))
            .ToList();
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? page.Url : action, new FormUrlEncodedContent(values));
    }

    /// <summary>Presses « suivant » with these fields and reads the screen it leads to.</summary>
    public static async Task<IDocument> Next(this HttpClient client, IDocument page, params (string, string)[] fields)
    {
        using var response = await client.Send(page, fields);
        return await response.ReadHtml();
    }

    /// <summary>Presses « suivant » (on the last screen, « Envoyer mes réponses ») and gives the response itself: its status and redirect.</summary>
    public static Task<HttpResponseMessage> Send(this HttpClient client, IDocument page, params (string, string)[] fields) =>
        client.Submit(page, [("action", "suivant"), .. fields]);

    /// <summary>
    /// Starts the survey (at <paramref name="query"/>, with these intro fields) and answers the first screen as an employee
    /// of this age: the job part is skipped, so the screen returned is the last one, « Votre avis », ready to be sent.
    /// </summary>
    public static async Task<IDocument> AnswerAsEmployee(this HttpClient client, TestSurvey s, string age = "30", string query = "",
        params (string, string)[] intro)
    {
        var first = await client.Start($"/enquetes/{s.Slug}{query}", intro);
        return await client.Next(first, ($"q{s.Situation}", $"{s.Employee}"), ($"q{s.Age}", age));
    }

    public static string Heading(this IDocument page) => page.QuerySelector("h1")!.Text();
}
