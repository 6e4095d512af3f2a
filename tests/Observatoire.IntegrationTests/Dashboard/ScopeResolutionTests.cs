using System.Diagnostics;
using Observatoire.Web.Analysis;

namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// A dashboard view, its exports and a synthesis resolve their filter once (Indicators.ResolveAsync) and take the
/// previous period from the resolved scope. The resolution's SQL commands carry <see cref="Indicators.ResolveTag"/>:
/// counted through Npgsql's tracing, a request must issue exactly those of one resolution.
/// </summary>
public class ScopeResolutionTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>Dimensions that cost queries to resolve; a combination no other test caches.</summary>
    private const string Dimensions = "territoire=tours&theme=emploi";
    private const string Query = DashboardData.Query + "&" + Dimensions;

    private static DashboardFilter Filter() =>
        new DashboardFilter { From = DashboardData.From, To = DashboardData.To, Territories = ["tours"], Themes = ["emploi"] }
            .Normalized(DashboardData.To);

    [Fact]
    public async Task A_dashboard_view_and_its_exports_resolve_the_filter_once()
    {
        await DashboardData.SeedAsync(Portal);
        var member = await Portal.SignedInAs(Roles.Partenaire);
        var one = await OneResolution(Filter());

        using (var commands = new ResolveCommands())
        {
            var page = await member.GetHtml("/tableau-de-bord?" + Query);
            Assert.Equal(one, commands.Count);
            // The previous period, derived rather than resolved, is still shown and compared with.
            Assert.Contains("31 octobre 2025", page.QuerySelector("#periode")!.TextContent);
            Assert.Equal("1", page.QuerySelector("#chiffre-observations .previous-value")!.TextContent);
        }
        using (var commands = new ResolveCommands())
        {
            // Served from the cache: nothing to resolve at all.
            await member.GetHtml("/tableau-de-bord?" + Query);
            Assert.Equal(0, commands.Count);
        }
        foreach (var url in new[] { "/tableau-de-bord/csv?graphique=themes&" + Query, "/tableau-de-bord/donnees?format=csv&" + Query })
        {
            using var commands = new ResolveCommands();
            using var response = await member.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(one, commands.Count);
        }
    }

    [Fact]
    public async Task A_synthesis_resolves_its_filter_once()
    {
        await DashboardData.SeedAsync(Portal);
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var one = await OneResolution(Filter());

        using var commands = new ResolveCommands();
        await partner.GetHtml("/syntheses/apercu?" + Query);

        Assert.Equal(one, commands.Count);
    }

    [Fact]
    public async Task The_previous_scope_derived_from_a_resolved_scope_is_the_resolved_previous_filter()
    {
        await DashboardData.SeedAsync(Portal);
        var filter = Filter();

        var (derived, resolved) = await Portal.Db(async db =>
            ((await Indicators.ResolveAsync(db, filter)).Previous(), await Indicators.ResolveAsync(db, filter.Previous())));

        Assert.Equal((new DateOnly(2025, 10, 31), new DateOnly(2026, 1, 14)), (derived.From, derived.To));
        Assert.Equal((resolved.From, resolved.To, resolved.KindId), (derived.From, derived.To, derived.KindId));
        Assert.Equal(resolved.TerritoryIds, derived.TerritoryIds);
        Assert.Equal(resolved.ThemeIds, derived.ThemeIds);
        Assert.Equal(resolved.AudienceIds, derived.AudienceIds);
        Assert.Equal(resolved.AllThemeIds, derived.AllThemeIds);
        Assert.Equal(resolved.AllAudienceIds, derived.AllAudienceIds);
        Assert.Equal(resolved.WholeMonths, derived.WholeMonths);
        Assert.Equal(resolved.Edges, derived.Edges);
    }

    /// <summary>How many tagged commands one resolution of <paramref name="filter"/> issues (a theme or audience slug adds one).</summary>
    private async Task<int> OneResolution(DashboardFilter filter)
    {
        using var commands = new ResolveCommands();
        await Portal.Db(db => Indicators.ResolveAsync(db, filter));
        Assert.True(commands.Count > 0, "Les requêtes de résolution ne portent pas l'étiquette attendue.");
        return commands.Count;
    }

    /// <summary>
    /// Counts the SQL commands tagged by Indicators.ResolveAsync while it is alive, from Npgsql's tracing (an
    /// ActivitySource asked on every command; EF Core's own diagnostic events are switched off for a second after a
    /// command nobody listened to). Tracing is process-wide: the tests of the portal collection run one at a time, and
    /// only tagged commands are counted.
    /// </summary>
    private sealed class ResolveCommands : IDisposable
    {
        private readonly ActivityListener _listener;
        private int _count;

        public ResolveCommands()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.TagObjects.Any(t => t.Value is string text && text.Contains(Indicators.ResolveTag, StringComparison.Ordinal)))
                        Interlocked.Increment(ref _count);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
