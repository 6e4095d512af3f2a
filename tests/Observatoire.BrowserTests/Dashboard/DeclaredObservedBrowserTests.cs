namespace Observatoire.BrowserTests.Dashboard;

/// <summary>
/// « Déclaré et observé » (#19) walked from the dashboard on a phone: by a visitor without an account, then by a member,
/// with axe and no sideways scroll.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class DeclaredObservedBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_and_a_member_compare_what_residents_declare_with_what_workshops_saw()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var tool = $"Messagerie {suffix}";
        await browser.Seed(s =>
        {
            var quartier = s.Quartier($"Rives {suffix}", s.Territory($"Joué {suffix}"));
            var used = s.Tool(tool, licence: "Propriétaire");
            var now = DateTime.UtcNow.AddDays(-2);
            var survey = s.Add(new Survey { Title = $"Équipement {suffix}", Slug = $"equipement-{suffix}", Status = SurveyStatus.Open, CreatedAt = now, UpdatedAt = now });
            var section = new SurveySection { Survey = survey, Order = 0, Title = "Vous" };
            survey.Sections.Add(section);
            var question = new Question { Survey = survey, Section = section, Order = 0, Type = QuestionType.Tools, Text = "Lesquels utilisez-vous ?" };
            var where = new Question { Survey = survey, Section = section, Order = 1, Type = QuestionType.Territory, Text = "Votre quartier ?" };
            survey.Questions.AddRange([question, where]);
            for (var i = 0; i < 6; i++)
                s.Add(new Response
                {
                    Survey = survey, CreatedAt = now, IdempotencyKey = Guid.NewGuid(),
                    Answers = [new Answer { Question = question, Tool = used }, new Answer { Question = where, Territory = quartier }],
                });
            return survey;
        });
        var violations = new List<string>();
        var overflows = new List<int>();

        var visitor = await browser.NewPage(360, 780);
        await visitor.GotoAsync("/tableau-de-bord");
        await BrowserFixture.Submit(visitor.GetByRole(AriaRole.Link, new() { Name = "Déclaré et observé" }), "**/tableau-de-bord/declare-observe?**");
        Assert.Contains("6 rép.", await visitor.Locator("table.declared-observed tbody tr", new() { HasText = tool }).First.InnerTextAsync());
        Assert.True(await visitor.Locator($"#quartier-rives-{suffix}").IsVisibleAsync());
        violations.AddRange(await BrowserFixture.SeriousViolations(visitor, "déclaré et observé, visiteur"));
        overflows.Add(await visitor.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await visitor.Context.CloseAsync();

        var member = await browser.SignedInPage(await browser.CreateAccount("declared", "Inès", Roles.Partenaire), 360, 780);
        await member.GotoAsync("/tableau-de-bord");
        await BrowserFixture.Submit(member.GetByRole(AriaRole.Link, new() { Name = "Déclaré et observé" }), "**/tableau-de-bord/declare-observe?**");
        var row = await member.Locator("table.declared-observed tbody tr", new() { HasText = tool }).First.InnerTextAsync();
        Assert.Contains("6 rép.", row);
        Assert.Contains("0 obs.", row);
        violations.AddRange(await BrowserFixture.SeriousViolations(member, "déclaré et observé, membre"));
        overflows.Add(await member.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await BrowserFixture.Screenshot(member, "declare-observe-telephone.png");
        await member.Context.CloseAsync();

        Assert.All(overflows, o => Assert.Equal(0, o));
        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }
}
