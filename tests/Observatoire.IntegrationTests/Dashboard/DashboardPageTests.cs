using System.Text;
using System.Text.Json;
using Observatoire.Web.Pages.Dashboard;

namespace Observatoire.IntegrationTests.Dashboard;

public class DashboardPageTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Url = DashboardData.Url;

    [Fact]
    public async Task Key_figures_compare_with_the_previous_period_of_equal_length()
    {
        await DashboardData.SeedAsync(Portal);
        var member = await Portal.SignedInAs(Roles.Partenaire);

        var page = await member.GetHtml(Url);

        var observations = page.QuerySelector("#chiffre-observations")!;
        Assert.Equal("4", observations.QuerySelector(".figure-value")!.Text());
        Assert.Equal("2", observations.QuerySelector(".previous-value")!.Text());
        Assert.Equal("+100 %", observations.QuerySelector(".figure-change")!.Text());
        Assert.Equal("27", page.QuerySelector("#chiffre-participants .figure-value")!.Text());
        Assert.Equal("50 %", page.QuerySelector("#chiffre-part-libre .figure-value")!.Text());
        Assert.Contains("31 octobre 2025", page.QuerySelector("#periode")!.Text());
        Assert.Contains("14 janvier 2026", page.QuerySelector("#periode")!.Text());
        // The filters are in the URL and shown back in the GET form.
        Assert.Equal("2026-01-15", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#du")!.Value);
    }

    [Fact]
    public async Task Filters_combine_from_the_url()
    {
        await DashboardData.SeedAsync(Portal);
        var member = await Portal.SignedInAs(Roles.Contributeur);

        var page = await member.GetHtml(Url + "&territoire=joue-les-tours&theme=emploi");

        Assert.Equal("1", page.QuerySelector("#chiffre-observations .figure-value")!.Text());
        Assert.Equal("4", page.QuerySelector("#chiffre-participants .figure-value")!.Text());
        Assert.Equal([("Rabière (Joué-lès-Tours)", "1")], Table(page, "territoires"));
        Assert.Equal("joue-les-tours", page.QuerySelector("#territoire option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Public_visitors_see_a_suppressed_subset_and_members_see_everything()
    {
        await DashboardData.SeedAsync(Portal);
        var anonymous = Portal.CreateClient();
        var member = await Portal.SignedInAs(Roles.Contributeur);

        var publicPage = await anonymous.GetHtml(Url);
        var memberPage = await member.GetHtml(Url);

        Assert.Equal("< 5", publicPage.QuerySelector("#chiffre-observations .figure-value")!.Text());
        Assert.Null(publicPage.QuerySelector("#chiffre-outils"));
        Assert.NotNull(publicPage.QuerySelector("#graphique-themes"));
        Assert.Null(publicPage.QuerySelector("#graphique-publics"));
        Assert.Empty(publicPage.QuerySelectorAll("a.drill"));
        Assert.Empty(publicPage.QuerySelectorAll("svg.chart a"));
        using var download = await anonymous.GetAsync("/tableau-de-bord/donnees?format=csv&" + DashboardData.Query);
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.StartsWith("/compte/connexion", download.Headers.Location!.PathAndQuery);

        Assert.Equal("4", memberPage.QuerySelector("#chiffre-observations .figure-value")!.Text());
        Assert.NotNull(memberPage.QuerySelector("#chiffre-outils"));
        foreach (var chart in new[] { "themes", "publics", "territoires", "types-structure", "categories-outils", "appropriation", "tendance", "outils-par-theme" })
            Assert.NotNull(memberPage.QuerySelector($"#graphique-{chart}"));
        Assert.NotEmpty(memberPage.QuerySelectorAll("a.drill"));
    }

    [Fact]
    public async Task Groups_below_the_threshold_are_suppressed_in_the_public_chart_and_its_csv()
    {
        await Portal.Seed(s =>
        {
            var sanitas = s.Quartier("Sanitas", s.Territory("Tours"));
            var rabiere = s.Quartier("Rabière", s.Territory("Joué-lès-Tours"));
            var pluriel = s.Structure("Centre social Pluriel", sanitas);
            for (var i = 0; i < 6; i++) s.Observation($"Atelier {i}", pluriel, sanitas, observedOn: new(2026, 2, 1 + i));
            for (var i = 0; i < 2; i++) s.Observation($"Permanence {i}", pluriel, rabiere, observedOn: new(2026, 2, 10 + i));
        });
        var anonymous = Portal.CreateClient();

        var page = await anonymous.GetHtml(Url);
        var csv = await Csv(anonymous, "territoires");

        Assert.Equal([("Sanitas (Tours)", "6"), ("Rabière (Joué-lès-Tours)", "< 5")], Table(page, "territoires"));
        Assert.Equal([("Sanitas (Tours)", "6"), ("Rabière (Joué-lès-Tours)", "< 5")], csv.Skip(1));
        Assert.Equal("8", page.QuerySelector("#chiffre-observations .figure-value")!.Text());
        // The suppressed bar is not drawn: one bar for Sanitas only.
        Assert.Single(page.QuerySelectorAll("#graphique-territoires rect.chart-bar"));
    }

    [Fact]
    public async Task Chart_csv_equals_what_the_chart_shows()
    {
        await DashboardData.SeedAsync(Portal);
        var member = await Portal.SignedInAs(Roles.Partenaire);
        var page = await member.GetHtml(Url);

        foreach (var chart in new[] { "themes", "publics", "territoires", "appropriation", "tendance" })
        {
            var csv = await Csv(member, chart);
            Assert.Equal(Table(page, chart), csv.Skip(1));
            Assert.Equal(page.QuerySelector($"#titre-{chart}")!.Text(), csv[0].Label);
        }
        Assert.Equal([("Emploi", "3"), ("Éducation", "2")], Table(page, "themes"));
        Assert.Equal(["3", "2"], page.QuerySelectorAll("#graphique-themes .chart-value").Select(t => t.Text()));
    }

    [Fact]
    public async Task Chart_csv_is_utf8_with_bom_semicolons_and_neutralised_formulas()
    {
        await Portal.Seed(s => s.Observation("Atelier", s.Structure("Asso", s.Territory("=HYPERLINK(\"x\")")), observedOn: new(2026, 2, 1)));
        var member = await Portal.SignedInAs(Roles.Partenaire);

        using var response = await member.GetAsync("/tableau-de-bord/csv?graphique=territoires&" + DashboardData.Query);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Usages par territoire;observations\r\n", text);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\";1", text);
    }

    [Fact]
    public async Task Drill_down_from_a_bar_lands_on_a_list_whose_count_equals_the_bar()
    {
        await DashboardData.SeedAsync(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var page = await coordination.GetHtml(Url + "&territoire=tours");

        var links = page.QuerySelectorAll("#graphique-themes tbody tr, #graphique-publics tbody tr, #graphique-tendance tbody tr, #graphique-outils-par-theme tbody tr")
            .Where(r => r.QuerySelector("a.drill") is not null)
            .ToList();
        Assert.NotEmpty(links);
        foreach (var row in links)
        {
            var href = row.QuerySelector("a.drill")!.GetAttribute("href")!;
            var bar = row.QuerySelector("td.num")!.Text();
            Assert.Contains("statut=validee", href);
            Assert.Contains("territoire=tours", href);

            var list = await coordination.GetHtml(href);

            Assert.Equal(bar, list.QuerySelector(".result-count strong")!.Text());
        }
    }

    [Fact]
    public async Task Open_data_export_has_one_row_per_validated_observation_and_no_free_text()
    {
        await DashboardData.SeedAsync(Portal);
        var member = await Portal.SignedInAs(Roles.Contributeur);

        var csv = await member.GetStringAsync("/tableau-de-bord/donnees?format=csv&" + DashboardData.Query);
        var json = JsonDocument.Parse(await member.GetStringAsync("/tableau-de-bord/donnees?format=json&" + DashboardData.Query + "&theme=emploi"));

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', OpenData.Columns), lines[0]);
        Assert.Equal(4, lines.Length - 1);
        Assert.DoesNotContain("Atelier CV", csv);
        Assert.Contains(lines, l => l.Contains(";2026-01-20;Centre social Pluriel;centre-social-pluriel;Centre social;Sanitas (Tours);sanitas;Tours;10;1;Nextcloud|WhatsApp;nextcloud|whatsapp;1;Emploi;Jeunes"));
        var observations = json.RootElement.GetProperty("observations");
        Assert.Equal(3, observations.GetArrayLength());
        Assert.All(observations.EnumerateArray(), o => Assert.Contains("Emploi", o.GetProperty("themes").EnumerateArray().Select(t => t.GetString())));
    }

    [Fact]
    public async Task An_end_date_before_the_start_is_reported_next_to_the_field()
    {
        var member = await Portal.SignedInAs(Roles.Partenaire);

        var page = await member.GetHtml("/tableau-de-bord?du=2026-03-01&au=2026-01-01");

        Assert.Contains("postérieure", page.QuerySelector("#au-erreur")!.Text());
        Assert.Equal("au-erreur", page.QuerySelector("#au")!.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector("#chiffre-observations"));
    }

    [Fact]
    public async Task Unreadable_filter_values_are_reported_under_the_names_users_know()
    {
        var member = await Portal.SignedInAs(Roles.Partenaire);

        var page = await member.GetHtml($"/tableau-de-bord?du=demain&au=2026-01-01&type={new string('x', 101)}");

        // The messages name the fields as they always have (Du, Type), whatever the C# properties are called.
        var errors = page.QuerySelectorAll(".error-summary li").Select(li => li.Text()).ToList();
        Assert.Contains("« demain » n'est pas une valeur valide pour Du.", errors);
        Assert.Contains(errors, e => e.Contains("Type", StringComparison.Ordinal) && !e.Contains("Kind", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("#chiffre-observations"));
    }

    [Fact]
    public async Task Survey_questions_chosen_for_the_dashboard_show_their_answers_with_suppression()
    {
        var questionId = await Portal.Db(async db =>
        {
            var (survey, section, chosen, options) = DashboardData.SurveyOnTheDashboard(db, "Usages du numérique", "Avez-vous un ordinateur ?",
                QuestionType.SingleChoice, ("Oui", "oui"), ("Non", "non"));
            var (yes, no) = (options[0], options[1]);
            var hidden = new Question { Survey = survey, Section = section, Order = 2, Text = "Question non suivie", Type = QuestionType.SingleChoice };
            var other = new QuestionOption { Question = hidden, Order = 1, Label = "Autre", Code = "autre" };
            db.AddRange(hidden, other);
            for (var i = 0; i < 8; i++)
                db.Add(new Response
                {
                    Survey = survey, CreatedAt = new DateTime(2026, 2, 1 + i, 10, 0, 0, DateTimeKind.Utc), IdempotencyKey = Guid.NewGuid(),
                    Answers = [new Answer { Question = chosen, Option = i < 6 ? yes : no }, new Answer { Question = hidden, Option = other }],
                });
            db.Add(new Response { Survey = survey, CreatedAt = new DateTime(2025, 6, 1, 10, 0, 0, DateTimeKind.Utc), IdempotencyKey = Guid.NewGuid() });
            await db.SaveChangesAsync();
            return chosen.Id;
        });
        var member = await Portal.SignedInAs(Roles.Partenaire);

        var page = await member.GetHtml(Url);

        Assert.Equal("8", page.QuerySelector("#chiffre-repondants .figure-value")!.Text());
        Assert.Equal([("Oui", "6"), ("Non", "< 5")], Table(page, $"question-{questionId}"));
        Assert.Equal("Avez-vous un ordinateur ?", page.QuerySelector($"#titre-question-{questionId}")!.Text());
        Assert.DoesNotContain("Question non suivie", page.DocumentElement.TextContent);
        Assert.Equal([("Oui", "6"), ("Non", "< 5")], (await Csv(member, $"question-{questionId}")).Skip(1));
    }

    /// <summary>(label, published figure) rows of a chart's data table.</summary>
    private static List<(string Label, string Value)> Table(IDocument page, string chart) =>
        page.QuerySelectorAll($"#graphique-{chart} tbody tr")
            .Select(r => (r.QuerySelector("th")!.Text(), r.QuerySelector("td.num")!.Text()))
            .ToList();

    /// <summary>(first, last) cells of each CSV line, header first, read as a spreadsheet would.</summary>
    private static async Task<List<(string Label, string Value)>> Csv(HttpClient client, string chart)
    {
        var text = await client.GetStringAsync($"/tableau-de-bord/csv?graphique={chart}&{DashboardData.Query}");
        return text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(';'))
            .Select(c => (c[0], c[^1]))
            .ToList();
    }
}
