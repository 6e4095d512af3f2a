using Observatoire.Web.Domain;
using Observatoire.Web.Pages.Surveys;

namespace Observatoire.Tests.Surveys;

public class SurveyFormTests
{
    private static readonly SurveyForm.FormQuestion Situation = new(1, 10, "Situation", null, QuestionType.SingleChoice, true, false,
        null, null, null, null, null, null, [new(11, "En recherche", "r"), new(12, "Salarié", "s")]);
    private static readonly SurveyForm.FormQuestion Search = new(2, 20, "Recherche", null, QuestionType.MultipleChoice, true, true,
        null, null, null, null, 1, 11, [new(21, "Offres", "o")]);
    private static readonly SurveyForm.FormQuestion Cv = new(3, 30, "CV à jour ?", null, QuestionType.YesNo, true, false,
        null, null, null, null, 2, 21, [new(31, "Oui", "oui"), new(32, "Non", "non")]);
    private static readonly SurveyForm.FormQuestion Age = new(4, 10, "Âge", null, QuestionType.Number, false, false,
        null, null, 15, 99, null, null, []);

    private static readonly SurveyForm Form = new()
    {
        SurveyId = 1, Title = "T", Slug = "t",
        Sections = [new(10, "Vous", null, [Situation, Age]), new(20, "Emploi", null, [Search]), new(30, "CV", null, [Cv])],
    };

    [Fact]
    public void A_question_hidden_by_its_parent_hides_its_own_dependents()
    {
        var state = new AnswerState { Values = { [1] = ["12"], [2] = ["21"], [3] = ["31"] } };
        Assert.Equal(["Vous"], Form.VisibleSections(state).Select(s => s.Title));
        Assert.Equal([1], Form.ToAnswers(state).Select(a => a.QuestionId));

        state.Values[1] = ["11"];
        Assert.Equal(["Vous", "Emploi", "CV"], Form.VisibleSections(state).Select(s => s.Title));
    }

    [Theory]
    [InlineData("14", "Écrivez un nombre entre 15 et 99.")]
    [InlineData("100", "Écrivez un nombre entre 15 et 99.")]
    [InlineData("abc", "Écrivez un nombre en chiffres, par exemple 3.")]
    [InlineData("42,5", null)]
    [InlineData("42.5", null)]
    public void Numbers_are_read_as_people_type_them_and_checked_against_bounds(string typed, string? error)
    {
        var state = new AnswerState { Values = { [1] = ["12"], [4] = [typed] } };
        Assert.Equal(error, Form.Validate(Form.Sections[0], state).GetValueOrDefault(4));
    }

    [Fact]
    public void Other_needs_its_text_and_unknown_options_are_refused()
    {
        var state = new AnswerState { Values = { [1] = ["11"], [2] = ["autre"] } };
        Assert.Contains("écrivez votre réponse", Form.Validate(Form.Sections[1], state)[2]);
        state.Values[2] = ["999"];
        Assert.Equal("Choisissez une réponse dans la liste.", Form.Validate(Form.Sections[1], state)[2]);
    }

    [Fact]
    public void A_tampered_state_is_rejected_rather_than_trusted()
    {
        Assert.Null(AnswerState.Parse("{not json"));
        Assert.Null(AnswerState.Parse(new string('a', 300_000)));
        Assert.NotNull(AnswerState.Parse(new AnswerState().Serialize()));
    }
}
