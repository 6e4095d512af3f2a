using Microsoft.Extensions.DependencyInjection;
using Observatoire.Web.Analysis;
using Observatoire.Web.Data;
using static Observatoire.Web.Analysis.Indicators;

namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// Merging two structure kinds, tool categories or licences (RecordMerger, as the administrators' lists will) keeps every
/// structure and tool linked, and the dashboard counts them under the value kept, as a rebuild of the rollups does.
/// </summary>
public class ReferenceMergeTests(PortalFixture portal) : PortalTest(portal)
{
    private Task MergeAsync<T>(int duplicate, int kept) where T : class => Portal.Scope(async sp =>
    {
        var db = sp.GetRequiredService<ObservatoireDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await sp.GetRequiredService<RecordMerger>().MergeAsync<T>(duplicate, kept, CancellationToken.None);
        await transaction.CommitAsync();
    });

    private sealed record Figures(List<(string, int)> Kinds, List<(string, int)> Categories, ToolTotals Tools);

    private Task<Figures> FiguresAsync(string? kind = null) => Portal.Db(async db =>
    {
        var scope = await ResolveAsync(db, new DashboardFilter { From = DashboardData.From, To = DashboardData.To, Kind = kind }.Normalized(DashboardData.To));
        return new Figures([.. (await ByStructureKindAsync(db, scope)).Select(g => (g.Key, g.Count))],
            [.. (await ByToolCategoryAsync(db, scope)).Select(g => (g.Key, g.Count))], await ToolTotalsAsync(db, scope));
    });

    [Fact]
    public async Task Merging_kinds_categories_and_licences_keeps_every_structure_and_tool_and_the_figures_equal_a_rebuild()
    {
        await DashboardData.SeedAsync(Portal);
        var (kinds, categories, licences) = await Portal.Db(async db => (
            await db.StructureKinds.ToDictionaryAsync(k => k.Slug, k => k.Id),
            await db.ToolCategories.ToDictionaryAsync(c => c.Slug, c => c.Id),
            await db.Licences.ToDictionaryAsync(l => l.Slug, l => l.Id)));
        var before = await FiguresAsync();
        Assert.Equal([("association", 2), ("centre-social", 2)], before.Kinds.Order());
        Assert.Equal(new ToolTotals(2, 4, 2), before.Tools);

        await MergeAsync<StructureKind>(kinds["association"], kinds["centre-social"]);
        await MergeAsync<ToolCategory>(categories["communication-et-messagerie"], categories["travail-collaboratif"]);
        await MergeAsync<Licence>(licences["proprietaire"], licences["libre"]);

        Assert.Equal([kinds["centre-social"], kinds["centre-social"]], await Portal.Db(db => db.Structures.Select(s => s.KindId).ToListAsync()));
        Assert.Equal([(categories["travail-collaboratif"], licences["libre"]), (categories["travail-collaboratif"], licences["libre"])],
            (await Portal.Db(db => db.DigitalTools.Select(t => new { t.CategoryId, t.LicenceId }).ToListAsync()))
                .Select(t => (t.CategoryId!.Value, t.LicenceId!.Value)));
        Assert.Equal((1, 1, 1), await Portal.Db(async db =>
            (await db.StructureKinds.CountAsync(), await db.ToolCategories.CountAsync(), await db.Licences.CountAsync())));
        var merged = await FiguresAsync();
        Assert.Equal([("centre-social", 4)], merged.Kinds);
        Assert.Equal([("travail-collaboratif", 4)], merged.Categories);
        Assert.Equal(new ToolTotals(2, 4, 4), merged.Tools);
        // The merged kind's address now stands for the kept one.
        Assert.Equal([("centre-social", 4)], (await FiguresAsync("association")).Kinds);

        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après la fusion");
        var rebuilt = await FiguresAsync();
        Assert.Equal(merged.Kinds, rebuilt.Kinds);
        Assert.Equal(merged.Categories, rebuilt.Categories);
        Assert.Equal(merged.Tools, rebuilt.Tools);
    }
}
