using Observatoire.Web.Analysis;
using static Observatoire.Web.Analysis.Indicators;

namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// Indicators over several territories, themes and audiences, against the hand count of <see cref="MultiScopeData"/>.
/// An observation linked to two chosen themes (or audiences) counts once in every total and once in each bar.
/// </summary>
public class MultiScopeIndicatorsTests(PortalFixture portal) : PortalTest(portal)
{
    private static DashboardFilter Filter(string[]? territories = null, string[]? themes = null, string[]? audiences = null) =>
        new DashboardFilter
        {
            From = MultiScopeData.From, To = MultiScopeData.To,
            Territories = territories ?? [], Themes = themes ?? [], Audiences = audiences ?? [],
        }.Normalized(MultiScopeData.To);

    private Task<Scope> Resolve(DashboardFilter filter) => Portal.Db(db => ResolveAsync(db, filter));

    /// <summary>Sanitas and Rabière, emploi and éducation, jeunes and seniors: #1, #2 and #3.</summary>
    private static DashboardFilter Everything() =>
        Filter(["sanitas", "rabiere"], ["emploi", "education"], ["jeunes", "seniors"]);

    [Fact]
    public async Task An_observation_with_two_chosen_themes_and_audiences_counts_once_in_totals_and_once_in_each_bar()
    {
        await MultiScopeData.SeedAsync(Portal);
        var scope = await Resolve(Everything());

        Assert.True(scope.FactsOnly);
        Assert.Equal(new Totals(3, 10 + 6 + 4, 2), await Portal.Db(db => TotalsAsync(db, scope)));
        Assert.Equal([("emploi", 2), ("education", 2)],
            (await Portal.Db(db => ByThemeAsync(db, scope))).Select(g => (g.Key, g.Count)));   // #1 #2 / #1 #3; santé not chosen
        Assert.Equal([("jeunes", 2), ("seniors", 2)],
            (await Portal.Db(db => ByAudienceAsync(db, scope))).Select(g => (g.Key, g.Count))); // #1 #2 / #1 #3
        Assert.Equal([("rabiere", 1), ("sanitas", 2)],
            (await Portal.Db(db => ByTerritoryAsync(db, scope))).Select(g => (g.Key, g.Count)).Order());
        Assert.Equal([("association", 1), ("centre-social", 2)],
            (await Portal.Db(db => ByStructureKindAsync(db, scope))).Select(g => (g.Key, g.Count)).Order());
        Assert.Equal([1, 1, 0, 1], (await Portal.Db(db => ByLevelAsync(db, scope))).Select(g => g.Count));
        Assert.Equal([("2026-01", 1), ("2026-02", 1), ("2026-03", 1)],
            (await Portal.Db(db => ByMonthAsync(db, scope))).Select(m => (m.Key, m.Count)));
        Assert.Equal(3, await Portal.Db(db => ValidatedObservations(db, scope).CountAsync()));
    }

    [Fact]
    public async Task Tool_indicators_over_several_themes_and_audiences_count_each_observation_once()
    {
        await MultiScopeData.SeedAsync(Portal);
        var scope = await Resolve(Everything());

        // Mentions: #1 Nextcloud + WhatsApp, #2 Nextcloud, #3 WhatsApp.
        Assert.Equal(new ToolTotals(2, 4, 2), await Portal.Db(db => ToolTotalsAsync(db, scope)));
        Assert.Equal([("communication-et-messagerie", 2), ("travail-collaboratif", 2)],
            (await Portal.Db(db => ByToolCategoryAsync(db, scope))).Select(g => (g.Key, g.Count)).Order());
        Assert.Equal([("nextcloud", 2), ("whatsapp", 2)],
            (await Portal.Db(db => TopToolsAsync(db, scope))).Select(g => (g.Key, g.Count)).Order());
        var perTheme = await Portal.Db(db => TopToolsPerThemeAsync(db, scope));
        Assert.Equal(["emploi", "education"], perTheme.Select(t => t.ThemeSlug));
        Assert.Equal([("nextcloud", 2), ("whatsapp", 1)], perTheme[0].Tools.Select(t => (t.Key, t.Count)));   // #1 #2
        Assert.Equal([("whatsapp", 2), ("nextcloud", 1)], perTheme[1].Tools.Select(t => (t.Key, t.Count)));   // #1 #3
    }

    [Fact]
    public async Task Several_themes_alone_count_observations_linked_to_both_once()
    {
        await MultiScopeData.SeedAsync(Portal);
        var scope = await Resolve(Filter(themes: ["education", "emploi"]));

        // #1, #2, #3, #5; #1 and #5 have both themes.
        Assert.Equal(new Totals(4, 10 + 6 + 4 + 5, 3), await Portal.Db(db => TotalsAsync(db, scope)));
        Assert.Equal([("emploi", 3), ("education", 3)],
            (await Portal.Db(db => ByThemeAsync(db, scope))).Select(g => (g.Key, g.Count)));
        Assert.Equal([("jeunes", 2), ("seniors", 3), ("familles", 2)],
            (await Portal.Db(db => ByAudienceAsync(db, scope))).Select(g => (g.Key, g.Count)));
        // Mentions: #1 Nextcloud + WhatsApp, #2 Nextcloud, #3 WhatsApp, #5 Ameli + Nextcloud.
        Assert.Equal(new ToolTotals(3, 6, 3), await Portal.Db(db => ToolTotalsAsync(db, scope)));
        var previous = await Resolve(Filter(themes: ["education", "emploi"]).Previous());
        Assert.Equal(new Totals(1, 3, 1), await Portal.Db(db => TotalsAsync(db, previous)));      // #7, both themes
    }

    [Fact]
    public async Task Several_audiences_with_one_theme_read_the_fact_rows_for_tools_too()
    {
        await MultiScopeData.SeedAsync(Portal);
        var scope = await Resolve(Filter(themes: ["emploi"], audiences: ["seniors", "familles"]));

        // Emploi: #1 #2 #5; seniors or familles: #1 #5.
        Assert.Equal(new Totals(2, 15, 2), await Portal.Db(db => TotalsAsync(db, scope)));
        Assert.Equal([("emploi", 2)], (await Portal.Db(db => ByThemeAsync(db, scope))).Select(g => (g.Key, g.Count)));
        Assert.Equal([("seniors", 2), ("familles", 1)],
            (await Portal.Db(db => ByAudienceAsync(db, scope))).Select(g => (g.Key, g.Count)));
        Assert.Equal(new ToolTotals(3, 4, 2), await Portal.Db(db => ToolTotalsAsync(db, scope)));
    }

    [Fact]
    public async Task Several_territories_are_each_with_their_quartiers_without_duplicates()
    {
        await MultiScopeData.SeedAsync(Portal);
        // Tours already includes Sanitas: its quartiers Sanitas and Fontaines, and Tours itself, once each.
        var scope = await Resolve(Filter(["tours", "sanitas"]));

        Assert.False(scope.FactsOnly);
        Assert.Equal(3, scope.TerritoryIds!.Length);
        Assert.Equal(scope.TerritoryIds.Length, scope.TerritoryIds.Distinct().Count());
        Assert.Equal(new Totals(3, 10 + 6 + 5, 2), await Portal.Db(db => TotalsAsync(db, scope)));   // #1 #2 #5
        var both = await Resolve(Filter(["tours", "rabiere"]));
        Assert.Equal(new Totals(5, 10 + 6 + 4 + 7 + 5, 3), await Portal.Db(db => TotalsAsync(db, both)));
        Assert.Equal([("fontaines", 1), ("rabiere", 2), ("sanitas", 2)],
            (await Portal.Db(db => ByTerritoryAsync(db, both))).Select(g => (g.Key, g.Count)).Order());
    }

    [Fact]
    public async Task An_unknown_slug_among_several_matches_nothing_and_the_known_ones_still_count()
    {
        await MultiScopeData.SeedAsync(Portal);
        var mixed = await Resolve(Filter(themes: ["sante", "inconnu"]));
        var unknown = await Resolve(Filter(themes: ["inconnu", "absent"]));

        Assert.Equal(new Totals(2, 11, 1), await Portal.Db(db => TotalsAsync(db, mixed)));          // #3 #4
        Assert.Equal(new Totals(0, 0, 0), await Portal.Db(db => TotalsAsync(db, unknown)));
    }
}
