using Observatoire.Web.Analysis;
using static Observatoire.Web.Analysis.Indicators;

namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// Every indicator of the catalogue against a small dataset counted by hand (see <see cref="DashboardData"/>).
/// The period 15 January – 31 March 2026 has a partial month (read from the fact rows) and two whole months
/// (read from the rollups), so both paths are exercised.
/// </summary>
public class IndicatorsTests(PortalFixture portal) : PortalTest(portal)
{
    private Task<Scope> Scope(string query = "") => Portal.Db(db =>
        ResolveAsync(db, Filter(query)));

    private static DashboardFilter Filter(string query)
    {
        var f = new DashboardFilter { From = DashboardData.From, To = DashboardData.To };
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            switch (key)
            {
                case "territoire": f.Territory = value; break;
                case "theme": f.Theme = value; break;
                case "public": f.Audience = value; break;
                case "type": f.Kind = value; break;
            }
        }
        return f.Normalized(DashboardData.To);
    }

    [Fact]
    public async Task Totals_count_validated_observations_of_the_period_only()
    {
        await DashboardData.SeedAsync(Portal);
        var totals = await Portal.Db(async db => await TotalsAsync(db, await ResolveAsync(db, Filter(""))));

        // #1 #2 #3 #4 are validated and in the period; #5 is only submitted, #6 #7 #8 fall outside.
        Assert.Equal(new Totals(4, 10 + 6 + 4 + 7, 2), totals);
    }

    [Fact]
    public async Task Previous_period_has_the_same_length_and_its_own_figures()
    {
        await DashboardData.SeedAsync(Portal);
        var filter = Filter("");
        var previous = filter.Previous();

        Assert.Equal(new DateOnly(2025, 10, 31), previous.From);
        Assert.Equal(new DateOnly(2026, 1, 14), previous.To);
        var totals = await Portal.Db(async db => await TotalsAsync(db, await ResolveAsync(db, previous)));
        Assert.Equal(new Totals(2, 5 + 3, 2), totals);
    }

    [Fact]
    public async Task Breakdowns_by_theme_audience_territory_kind_and_level_match_the_hand_count()
    {
        await DashboardData.SeedAsync(Portal);
        var scope = await Scope();

        var themes = await Portal.Db(db => ByThemeAsync(db, scope));
        var audiences = await Portal.Db(db => ByAudienceAsync(db, scope));
        var territories = await Portal.Db(db => ByTerritoryAsync(db, scope));
        var kinds = await Portal.Db(db => ByStructureKindAsync(db, scope));
        var levels = await Portal.Db(db => ByLevelAsync(db, scope));

        Assert.Equal([("emploi", 3), ("education", 2)], themes.Select(g => (g.Key, g.Count)));
        Assert.Equal([("jeunes", 2), ("seniors", 2)], audiences.Select(g => (g.Key, g.Count)));
        Assert.Equal([("rabiere", 2), ("sanitas", 2)], territories.Select(g => (g.Key, g.Count)).Order());
        Assert.Equal([("association", 2), ("centre-social", 2)], kinds.Select(g => (g.Key, g.Count)).Order());
        Assert.Equal([1, 2, 0, 1], levels.Select(g => g.Count));
    }

    [Fact]
    public async Task Tool_indicators_count_mentions_categories_free_share_and_top_tools_per_theme()
    {
        await DashboardData.SeedAsync(Portal);
        var scope = await Scope();

        var tools = await Portal.Db(db => ToolTotalsAsync(db, scope));
        var categories = await Portal.Db(db => ByToolCategoryAsync(db, scope));
        var top = await Portal.Db(db => TopToolsPerThemeAsync(db, scope));

        // Mentions: #1 Nextcloud + WhatsApp, #2 Nextcloud, #3 WhatsApp, #4 none.
        Assert.Equal(new ToolTotals(2, 4, 2), tools);
        Assert.Equal(0.5, tools.FreeShare);
        Assert.Equal([("communication-et-messagerie", 2), ("travail-collaboratif", 2)], categories.Select(g => (g.Key, g.Count)).Order());
        Assert.Equal(["emploi", "education"], top.Select(t => t.ThemeSlug));
        Assert.Equal([("nextcloud", 2), ("whatsapp", 2)], top[0].Tools.Select(t => (t.Key, t.Count)).Order());
        Assert.Equal([("nextcloud", 1)], top[1].Tools.Select(t => (t.Key, t.Count)));
    }

    [Fact]
    public async Task Trend_lists_every_month_of_the_period_with_partial_months_cut_at_the_edges()
    {
        await DashboardData.SeedAsync(Portal);
        var months = await Portal.Db(async db => await ByMonthAsync(db, await ResolveAsync(db, Filter(""))));

        // #6 (10 January) is in January but before the 15th: not counted.
        Assert.Equal([("2026-01", 1), ("2026-02", 1), ("2026-03", 2)], months.Select(m => (m.Key, m.Count)));
    }

    [Fact]
    public async Task A_commune_filter_includes_its_quartiers_and_combines_with_the_theme()
    {
        await DashboardData.SeedAsync(Portal);
        var scope = await Scope("territoire=joue-les-tours&theme=emploi");

        var totals = await Portal.Db(db => TotalsAsync(db, scope));
        var themes = await Portal.Db(db => ByThemeAsync(db, scope));
        var tools = await Portal.Db(db => ToolTotalsAsync(db, scope));
        var previous = await Portal.Db(async db => await TotalsAsync(db, await ResolveAsync(db, Filter("territoire=joue-les-tours&theme=emploi").Previous())));

        Assert.Equal(new Totals(1, 4, 1), totals);               // #3 only
        Assert.Equal([("emploi", 1)], themes.Select(g => (g.Key, g.Count)));
        Assert.Equal(new ToolTotals(1, 1, 0), tools);            // WhatsApp
        Assert.Equal(new Totals(0, 0, 0), previous);             // #7 is Éducation
    }

    [Fact]
    public async Task Audience_and_structure_kind_filters_also_apply_to_tool_indicators()
    {
        await DashboardData.SeedAsync(Portal);
        var scope = await Scope("public=seniors&type=association");

        var totals = await Portal.Db(db => TotalsAsync(db, scope));
        var tools = await Portal.Db(db => ToolTotalsAsync(db, scope));
        var audiences = await Portal.Db(db => ByAudienceAsync(db, scope));

        Assert.Equal(new Totals(1, 4, 1), totals);                // #3: Résoudre is the association
        Assert.Equal(new ToolTotals(1, 1, 0), tools);
        Assert.Equal([("seniors", 1)], audiences.Select(g => (g.Key, g.Count)));
    }

    [Fact]
    public async Task A_period_inside_one_month_is_read_from_the_fact_rows_alone()
    {
        await DashboardData.SeedAsync(Portal);
        var scope = await Portal.Db(db => ResolveAsync(db, new DashboardFilter { From = new(2026, 3, 1), To = new(2026, 3, 20) }.Normalized(DashboardData.To)));

        Assert.Equal(new Totals(1, 4, 1), await Portal.Db(db => TotalsAsync(db, scope)));         // #3 (5 March)
        Assert.Equal([("emploi", 1), ("education", 0)], (await Portal.Db(db => ByThemeAsync(db, scope))).Select(g => (g.Key, g.Count)));
        Assert.Equal(new ToolTotals(1, 1, 0), await Portal.Db(db => ToolTotalsAsync(db, scope)));
        Assert.Equal([("2026-03", 1)], (await Portal.Db(db => ByMonthAsync(db, scope))).Select(m => (m.Key, m.Count)));
    }

    [Fact]
    public async Task An_unknown_slug_matches_nothing_rather_than_everything()
    {
        await DashboardData.SeedAsync(Portal);
        var totals = await Portal.Db(async db => await TotalsAsync(db, await ResolveAsync(db, Filter("theme=inconnu"))));

        Assert.Equal(new Totals(0, 0, 0), totals);
    }

    [Fact]
    public async Task Rollups_follow_validation_edits_and_deletion()
    {
        var data = await DashboardData.SeedAsync(Portal);
        var scope = await Scope();

        // Validating #5 (20 February, Emploi, 100 participants) adds it…
        await Portal.Db(async db =>
        {
            var o = await db.Observations.FindAsync(data.Submitted);
            o!.Status = ObservationStatus.Validated;
            await db.SaveChangesAsync();
        });
        Assert.Equal(new Totals(5, 127, 2), await Portal.Db(db => TotalsAsync(db, scope)));

        // …removing its theme moves it out of Emploi, deleting #1 removes it everywhere.
        await Portal.Db(async db =>
        {
            var o = await db.Observations.Include(x => x.Themes).SingleAsync(x => x.Id == data.Submitted);
            o.Themes.Clear();
            db.Observations.Remove(await db.Observations.FindAsync(data.First) ?? throw new InvalidOperationException());
            // #3 moves to another day and gains an audience: its tool mentions move in the daily and detail rollups.
            var group = await db.Observations.Include(x => x.Audiences).SingleAsync(x => x.Title == "Groupe d'entraide");
            group.ObservedOn = new(2026, 3, 6);
            group.Audiences.Add(await db.Audiences.SingleAsync(a => a.Slug == "jeunes"));
            await db.SaveChangesAsync();
        });
        Assert.Equal(new Totals(4, 117, 2), await Portal.Db(db => TotalsAsync(db, scope)));
        Assert.Equal([("emploi", 2), ("education", 2)], (await Portal.Db(db => ByThemeAsync(db, scope))).Select(g => (g.Key, g.Count)));
        var jeunes = await Scope("public=jeunes");
        Assert.Equal(new ToolTotals(2, 2, 1), await Portal.Db(db => ToolTotalsAsync(db, jeunes)));   // #2 Nextcloud, #3 WhatsApp

        // The incremental rollups equal a full rebuild.
        var before = await Portal.Db(db => Snapshot(db));
        await Portal.Db(db => db.Database.ExecuteSqlRawAsync("SELECT analysis_rebuild();"));
        Assert.Equal(before, await Portal.Db(db => Snapshot(db)));
    }

    [Fact]
    public async Task Survey_answers_count_each_respondent_once_and_follow_deletions()
    {
        var ids = await Portal.Db(async db =>
        {
            var (survey, _, question, options) = DashboardData.SurveyOnTheDashboard(db, "Usages", "Pour quoi ?",
                QuestionType.MultipleChoice, ("Emploi", "emploi"), ("Démarches", "demarches"));
            var (job, forms) = (options[0], options[1]);
            var both = new Response { Survey = survey, CreatedAt = new DateTime(2026, 2, 3, 9, 0, 0, DateTimeKind.Utc), IdempotencyKey = Guid.NewGuid(),
                Answers = [new Answer { Question = question, Option = job }, new Answer { Question = question, Option = forms }] };
            var one = new Response { Survey = survey, CreatedAt = new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc), IdempotencyKey = Guid.NewGuid(),
                Answers = [new Answer { Question = question, Option = job }] };
            db.AddRange(both, one);
            await db.SaveChangesAsync();
            // An answer added in a later statement to a question the response already answered: same respondent.
            db.Add(new Answer { ResponseId = one.Id, QuestionId = question.Id, Text = "autre chose" });
            await db.SaveChangesAsync();
            return (Question: question.Id, Both: both.Id);
        });
        var scope = await Scope();

        var before = (await Portal.Db(db => SurveyQuestionsAsync(db, scope))).Single();
        await Portal.Db(async db => { db.Remove(await db.Responses.SingleAsync(r => r.Id == ids.Both)); await db.SaveChangesAsync(); });
        var after = (await Portal.Db(db => SurveyQuestionsAsync(db, scope))).Single();

        Assert.Equal(2, before.Respondents);
        Assert.Equal([("emploi", 2), ("demarches", 1), ("autre", 1)], before.Answers.Select(a => (a.Key, a.Count)));
        Assert.Equal(1, after.Respondents);
        Assert.Equal([("emploi", 1), ("demarches", 0), ("autre", 1)], after.Answers.Select(a => (a.Key, a.Count)));
        Assert.Equal(1, await Portal.Db(db => SurveyRespondentsAsync(db, scope)));
    }

    private static async Task<string> Snapshot(Observatoire.Web.Data.ObservatoireDbContext db) =>
        string.Join("\n", (await db.AnalysisCells.AsNoTracking().ToListAsync())
            .Select(c => $"{c.ThemeId} {c.AudienceId} {c.Month} {c.TerritoryId} {c.StructureId} {c.Observations} {c.Participants} {c.Level1}{c.Level2}{c.Level3}{c.Level4}")
            .Concat((await db.AnalysisToolCells.AsNoTracking().ToListAsync()).Select(c => $"{c.ThemeId} {c.Month} {c.TerritoryId} {c.ToolId} {c.Observations}"))
            .Concat((await db.AnalysisToolDetailCells.AsNoTracking().ToListAsync())
                .Select(c => $"detail {c.AudienceId} {c.ThemeId} {c.Month} {c.TerritoryId} {c.StructureId} {c.ToolId} {c.Observations}"))
            .Concat((await db.AnalysisToolDays.AsNoTracking().ToListAsync()).Select(c => $"day {c.ThemeId} {c.Day} {c.TerritoryId} {c.ToolId} {c.Observations}"))
            .Order());
}
