using Observatoire.IntegrationTests.Surveys;
using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Surveys;
using Xunit.Abstractions;
using static Observatoire.IntegrationTests.Security.HostileCorpus;

namespace Observatoire.IntegrationTests.Security;

/// <summary>
/// The survey answering screens, which <see cref="EveryFormTests"/> cannot reach: each screen is the answer to a POST
/// of the one before (the answers so far travel in a hidden field), so the route table and the links lead only to the
/// intro. Each free answer of an open survey (« Autre, précisez », a short text, a long text) gets each class of the
/// corpus, a value of exactly its maxlength and one character more, one case per request: stored exactly as typed
/// (read back from the stored response), or refused next to its question with a French message; never a 500, never lost.
/// </summary>
public class SurveyAnsweringFormTests(PortalFixture portal, ITestOutputHelper output) : PortalTest(portal)
{
    private int _kept, _refused, _lost, _errors;
    private readonly List<string> _failures = [];

    [Fact]
    public async Task Every_free_answer_of_an_open_survey_keeps_bad_input_exactly_or_refuses_it_next_to_the_question()
    {
        var s = await Portal.Survey();
        var shortText = await Portal.Db(async db =>
        {
            var last = await db.SurveySections.SingleAsync(x => x.SurveyId == s.Id && x.Order == 2);
            var q = new Question { SurveyId = s.Id, SectionId = last.Id, Order = 1, Type = QuestionType.ShortText, Text = "En un mot ?" };
            db.Questions.Add(q);
            await db.SaveChangesAsync();
            return q.Id;
        });
        // Signed in, the many submissions are exempt from the per-address limit, as a field worker's are.
        var client = await Portal.SignedInAs(Roles.Administrateur);
        (string Name, int Question, int Max)[] fields =
            [($"q{s.Search}-autre", s.Search, SurveyForm.OtherTextMax), ($"q{shortText}", shortText, SurveyForm.ShortTextMax),
             ($"q{s.Comment}", s.Comment, SurveyForm.LongTextMax)];

        var n = 0;
        foreach (var (name, question, max) in fields)
        {
            foreach (var (kind, payload) in Classes)
                await Case(client, s, name, question, kind, $"{payload} Z{++n}", mustRefuse: UserText.Problem(payload) is not null);
            var atMax = ($"Z{++n} " + string.Concat(Enumerable.Repeat("Longueur, ", max / 10 + 1)))[..max].TrimEnd(',', ' ').PadRight(max, 'L');
            await Case(client, s, name, question, "longueur maximale", atMax, mustKeep: true);
            await Case(client, s, name, question, $"maxlength + 1 = {max + 1}", atMax + "L", mustRefuse: true, lengthMessage: true);
        }

        var cases = fields.Length * (Classes.Length + 2);
        output.WriteLine($"{fields.Length} réponses libres, {Classes.Length} classes, la longueur maximale et un caractère de plus : {cases} cas.");
        output.WriteLine($"{_kept} gardées telles quelles, {_refused} refusées avec un message, {_lost} perdues, {_errors} erreurs.");
        Assert.Equal(cases, _kept + _refused + _lost + _errors);
        Assert.True(_failures.Count == 0, $"{_failures.Count} défaut(s) :\n" + string.Join("\n", _failures));
    }

    /// <summary>
    /// Answers the survey as a job seeker (so that « Autre » is asked), with <paramref name="value"/> in
    /// <paramref name="field"/> and nothing odd elsewhere, and sends it.
    /// </summary>
    private async Task Case(HttpClient client, TestSurvey s, string field, int question, string kind, string value,
        bool mustRefuse = false, bool mustKeep = false, bool lengthMessage = false)
    {
        var where = $"/enquetes/{s.Slug} {field} [{kind}]";
        var first = await client.Start($"/enquetes/{s.Slug}");
        var job = await client.Next(first, ($"q{s.Situation}", $"{s.Seeker}"), ($"q{s.Age}", "34"));
        var other = field.EndsWith("-autre") ? value : "Agence d'intérim";
        using var afterJob = await client.Send(job, ($"q{s.Search}", SurveyForm.OtherValue), ($"q{s.Search}-autre", other));
        var page = afterJob.StatusCode == HttpStatusCode.OK ? await afterJob.ReadHtml() : null;
        if (page is null || page.QuerySelector(".error-summary") is not null)
        {
            await Judge(afterJob, page, s, question, where, value, mustRefuse, mustKeep, lengthMessage);
            return;
        }
        using var sent = await client.Send(page, field.EndsWith("-autre") ? Array.Empty<(string, string)>() : [(field, value)]);
        await Judge(sent, sent.StatusCode == HttpStatusCode.OK ? await sent.ReadHtml() : null, s, question, where, value, mustRefuse, mustKeep, lengthMessage);
    }

    private async Task Judge(HttpResponseMessage response, IDocument? page, TestSurvey s, int question, string where, string value,
        bool mustRefuse, bool mustKeep, bool lengthMessage)
    {
        if ((int)response.StatusCode >= 500)
        {
            _errors++;
            _failures.Add($"{where} : {(int)response.StatusCode}");
            return;
        }
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == $"/enquetes/{s.Slug}/merci")
        {
            var stored = await Portal.Db(db => db.Answers.Where(a => a.QuestionId == question && a.Text != null)
                .OrderByDescending(a => a.Id).Select(a => a.Text).FirstOrDefaultAsync());
            if (mustRefuse) Lost(where, $"enregistré alors qu'il fallait le refuser (« {Excerpt(stored ?? "")} »)");
            // Exactly as typed, or without the white space around it (UserText.Outer): nothing else may change.
            else if (stored != value && stored != UserText.Outer(value)) Lost(where, $"enregistré changé : « {Excerpt(stored ?? "(rien)")} »");
            else _kept++;
            return;
        }
        var message = page?.QuerySelector($"#q{question}-erreur")?.TextContent.Trim() ?? "";
        var described = page?.QuerySelector($"#q{question}-erreur")?.Closest("fieldset")?.GetAttribute("aria-describedby") ?? "";
        if (message.Length == 0 || !described.Contains($"q{question}-erreur"))
            Lost(where, $"{(int)response.StatusCode} sans message à côté de la question"
                + (page?.QuerySelector(".error-summary") is { } summary ? $" ({Excerpt(summary.TextContent.Trim())})" : ""));
        else if (mustKeep || lengthMessage && !message.Contains("caractères au plus"))
            Lost(where, $"refusé à tort : « {Excerpt(message)} »");
        else
            _refused++;
    }

    private void Lost(string where, string detail)
    {
        _lost++;
        _failures.Add($"{where} : {detail}");
    }
}
