using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NpgsqlTypes;
using Observatoire.IntegrationTests.Dashboard;
using Observatoire.IntegrationTests.Observations;
using Observatoire.IntegrationTests.Security;
using Observatoire.IntegrationTests.Syntheses;
using Observatoire.Web.Data;
using Observatoire.Web.Infrastructure;

namespace Observatoire.IntegrationTests.Operations;

/// <summary>
/// Reads on a streaming replica (<see cref="ReplicaReads"/>). The replica is simulated by the tests' own database reached
/// through a read-only session (<c>default_transaction_read_only</c>), which refuses writes exactly as a hot standby does;
/// the monitor is replaced by the test, which says where "the replica" stands.
/// </summary>
public partial class ReplicaTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>
    /// One URL (or more) for every route of a page marked <see cref="ReadsFromReplicaAttribute"/>: a page marked without
    /// a URL here fails <see cref="Every_page_marked_for_the_replica_renders_on_a_read_only_session_and_writes_nothing"/>.
    /// {structure}, {outil}, {territoire}, {synthese} are replaced by records of the demo data and a generated synthesis.
    /// </summary>
    private static readonly string[] RoutedUrls =
    [
        "/", "/recherche?q=atelier", "/enquetes",
        "/tableau-de-bord", "/tableau-de-bord?territoire=rabiere&theme=emploi", "/tableau-de-bord/csv?graphique=themes",
        "/tableau-de-bord/carte", "/tableau-de-bord/declare-observe", "/tableau-de-bord/declare-observe/csv",
        "/tableau-de-bord/participation", "/tableau-de-bord/participation/csv", "/tableau-de-bord/donnees?format=csv",
        "/donnees-ouvertes", "/donnees-ouvertes/datapackage.json", "/donnees-ouvertes/observations.schema.json",
        "/donnees-ouvertes/themes/2026.csv",
        "/syntheses", "/syntheses/{synthese}/comparer", "/s/{synthese}",
        "/syntheses/comparer?du=2026-01-01&au=2026-03-31&du2=2026-04-01&au2=2026-06-30",
        "/syntheses/apercu?du=2026-01-01&au=2026-06-30",
        "/annuaire/structures", "/annuaire/structures/{structure}", "/annuaire/outils", "/annuaire/outils/{outil}",
        "/annuaire/territoires", "/annuaire/territoires/{territoire}", "/annuaire/export/structures",
        "/observations/export.csv", "/observations/export.json",
        "/wiki", "/wiki/modifications-recentes", "/wiki/modifications-recentes.atom",
        "/evenements", "/evenements/calendrier.ics",
    ];

    [Fact]
    public async Task Every_page_marked_for_the_replica_renders_on_a_read_only_session_and_writes_nothing()
    {
        await LoadDemoDataAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var (synthesis, _) = await SynthesisTests.GenerateAsync(coordination, "du=2026-01-01&au=2026-06-30");
        var urls = await ConcreteUrlsAsync(synthesis);
        await using var portal = ReplicaPortal(ReadOnly(Portal.ConnectionString));
        portal.Services.GetRequiredService<ReplicaStatus>().Report(CaughtUp);
        var routes = RoutesOfMarkedPages(portal);
        Assert.True(routes.Count >= 20, $"Seulement {routes.Count} routes marquées : l'énumération ne marche plus ?");
        var pageRoutes = RouteCoverageTests.PageRoutes(Portal);
        // "/Index" is the home page's second route, reached by "/".
        var unvisited = routes.Where(r => r != "/Index" && !urls.Any(u => RouteCoverageTests.RouteOf(u, pageRoutes) == r)).ToList();
        Assert.True(unvisited.Count == 0, "Pages servies par la réplique sans adresse dans RoutedUrls :\n" + string.Join("\n", unvisited));

        foreach (var visitor in new[] { RoleMatrix.Anonymous, Roles.Administrateur })
        {
            using var client = Client(portal);
            if (visitor != RoleMatrix.Anonymous)
                await Portal.SignIn(client, (await Portal.CreateUser(visitor)).Email!);
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(url);
                var status = (int)response.StatusCode;
                // The public is sent to the sign-in page, or refused, by members' pages: still read on the replica.
                Assert.True(status is 200 or 302 or 404 && (status != 404 || visitor == RoleMatrix.Anonymous),
                    $"{visitor} {url} : {status} sur la réplique en lecture seule\n{await Body(response)}");
                Assert.Equal("replique", Served(response));
            }
        }
    }

    [Fact]
    public async Task When_the_replica_fails_in_the_middle_of_a_request_the_page_comes_from_the_primary()
    {
        await LoadDemoDataAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var (synthesis, _) = await SynthesisTests.GenerateAsync(coordination, "du=2026-01-01&au=2026-06-30");
        // A replica that stopped: the port is closed, as after `pg_ctl stop -m immediate`.
        await using var portal = ReplicaPortal($"Host=127.0.0.1;Port={TestPostgres.FreeTcpPort()};Username=postgres;Database=absente");
        var status = portal.Services.GetRequiredService<ReplicaStatus>();
        using var partner = Client(portal);
        await Portal.SignIn(partner, (await Portal.CreateUser(Roles.Partenaire)).Email!);

        foreach (var url in await ConcreteUrlsAsync(synthesis))
        {
            // As if the last poll had found the replica well: each page meets the failure itself.
            status.Report(CaughtUp);
            using var response = await partner.GetAsync(url);

            Assert.True((int)response.StatusCode is 200 or 302, $"{url} : {(int)response.StatusCode}\n{await Body(response)}");
            // « replique »: the page read nothing from the database (an open-data schema), so nothing failed.
            Assert.True(Served(response) is "primaire-secours" or "replique", $"{url} : {Served(response)}");
            Assert.Equal(Served(response) == "replique", status.Current.Usable);
        }
        Assert.True(status.Served.Fallbacks >= 25, $"Seulement {status.Served.Fallbacks} pages reprises sur le serveur principal.");
        // Marked down: the next request goes straight to the primary, without trying the replica again.
        using var next = await partner.GetAsync("/tableau-de-bord");
        Assert.Equal("primaire", Served(next));
    }

    [Fact]
    public async Task After_a_write_the_writer_reads_from_the_primary_until_the_replica_has_replayed_it()
    {
        await LoadDemoDataAsync();
        await using var portal = ReplicaPortal(ReadOnly(Portal.ConnectionString));
        var status = portal.Services.GetRequiredService<ReplicaStatus>();
        var before = await PrimaryLsnAsync();
        status.Report(new ReplicaStatus.Snapshot(true, before, TimeSpan.Zero, null));
        using var writer = Client(portal);
        await Portal.SignIn(writer, (await Portal.CreateUser(Roles.Coordination)).Email!);
        using var reader = Client(portal);
        var kind = await Portal.Db(db => db.StructureKinds.Select(k => k.Id).FirstAsync());

        using var created = await writer.PostMainForm("/annuaire/structures/nouvelle", new Dictionary<string, string>
        {
            ["Input.Name"] = "Maison des possibles", ["Input.KindId"] = kind.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/annuaire/structures/", created.Headers.Location!.OriginalString);

        // The replica still stands before the write: the writer reads from the primary and sees it; others read on.
        using var own = await writer.GetAsync("/annuaire/structures?q=possibles");
        Assert.Equal("primaire", Served(own));
        Assert.Contains("Maison des possibles", await own.Content.ReadAsStringAsync());
        using var others = await reader.GetAsync("/annuaire/structures?q=possibles");
        Assert.Equal("replique", Served(others));

        // Once the replica has replayed the write, the writer's pages go back to it.
        status.Report(new ReplicaStatus.Snapshot(true, await PrimaryLsnAsync(), TimeSpan.Zero, null));
        using var replayed = await writer.GetAsync("/annuaire/structures?q=possibles");
        Assert.Equal("replique", Served(replayed));
        Assert.Contains("Maison des possibles", await replayed.Content.ReadAsStringAsync());

        // A replica too far behind (or unreachable) serves nobody.
        status.Report(new ReplicaStatus.Snapshot(false, await PrimaryLsnAsync(), TimeSpan.FromSeconds(30), "retard"));
        using var late = await reader.GetAsync("/annuaire/structures?q=possibles");
        Assert.Equal("primaire", Served(late));
    }

    [Fact]
    public async Task The_dashboard_read_on_the_replica_keeps_its_cache_and_never_keeps_a_page_missing_a_write()
    {
        await DashboardData.SeedAsync(Portal);
        await using var portal = ReplicaPortal(ReadOnly(Portal.ConnectionString));
        portal.Services.GetRequiredService<ReplicaStatus>().Report(CaughtUp);
        using var partner = Client(portal);
        await Portal.SignIn(partner, (await Portal.CreateUser(Roles.Partenaire)).Email!);
        using var first = await partner.GetAsync(DashboardData.Url);
        Assert.Equal("replique", Served(first));
        Assert.Equal("4", DashboardCacheTests.Observations(await first.ReadHtml()));

        // A change no trigger sees: still "4", so the page came from the cache, keyed by the primary's versions.
        await DashboardCacheTests.Tamper(Portal);
        Assert.Equal("4", DashboardCacheTests.Observations(await partner.GetHtml(DashboardData.Url)));

        // A writer has bumped the version on the primary but not committed: the page is shown, not kept.
        await using (var writer = new NpgsqlConnection(Portal.ConnectionString))
        {
            await writer.OpenAsync();
            await using var tx = await writer.BeginTransactionAsync();
            await using (var rename = new NpgsqlCommand("""UPDATE "Themes" SET "Name" = 'Emploi et insertion' WHERE "Slug" = 'emploi'""", writer, tx))
                await rename.ExecuteNonQueryAsync();
            Assert.Equal("Emploi", DashboardCacheTests.ThemeLabels(await partner.GetHtml(DashboardData.Url))[0]);
            await tx.CommitAsync();
        }
        using var after = await partner.GetAsync(DashboardData.Url);
        Assert.Equal("replique", Served(after));
        Assert.Equal("Emploi et insertion", DashboardCacheTests.ThemeLabels(await after.ReadHtml())[0]);
    }

    [Fact]
    public async Task The_monitor_finds_a_reachable_replica_and_sets_aside_one_that_is_not()
    {
        await using (var reachable = ReplicaPortal(ReadOnly(Portal.ConnectionString), keepMonitor: true))
            Assert.True(await EventuallyAsync(() => reachable.Services.GetRequiredService<ReplicaStatus>().Current.Usable),
                "La réplique joignable (lecture seule sur la même base) n'a jamais été jugée utilisable.");

        await using var closed = ReplicaPortal($"Host=127.0.0.1;Port={TestPostgres.FreeTcpPort()};Username=postgres;Database=absente",
            keepMonitor: true);
        var status = closed.Services.GetRequiredService<ReplicaStatus>();
        Assert.True(await EventuallyAsync(() => status.Current.Reason?.Contains("injoignable") == true), status.Current.Reason);
        using var client = Client(closed);
        using var response = await client.GetAsync("/tableau-de-bord");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("primaire", Served(response));
        // The instance still serves everything: a load balancer must keep it (200, « dégradé »), and says why.
        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("dégradé", report.RootElement.GetProperty("statut").GetString());
        Assert.Contains(report.RootElement.GetProperty("verifications").EnumerateArray(),
            v => v.GetProperty("nom").GetString() == "replica" && v.GetProperty("message").GetString()!.Contains("injoignable"));
    }

    [Fact]
    public async Task Without_a_replica_nothing_changes_and_no_request_is_marked()
    {
        using var client = Portal.CreateClient();
        using var page = await client.GetAsync("/tableau-de-bord");
        using var write = await client.PostForm("/compte/connexion", new Dictionary<string, string>
        {
            ["Input.Email"] = "personne@test.fr", ["Input.Password"] = "faux",
        });

        Assert.False(page.Headers.Contains(ReplicaReads.Header));
        Assert.Null(Portal.Factory.Services.GetService<ReplicaStatus>());
        Assert.DoesNotContain(write.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith(ReplicaReads.CookieName, StringComparison.Ordinal));
    }

    /// <summary>A replica that has replayed everything there will ever be.</summary>
    private static readonly ReplicaStatus.Snapshot CaughtUp = new(true, new NpgsqlLogSequenceNumber(ulong.MaxValue), TimeSpan.Zero, null);

    private static string ReadOnly(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c default_transaction_read_only=on" }.ConnectionString;

    /// <summary>The fixture's portal with a replica; without <paramref name="keepMonitor"/> the test says where it stands.</summary>
    private WebApplicationFactory<Program> ReplicaPortal(string replica, bool keepMonitor = false) =>
        Portal.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:ObservatoireReplica", replica);
            b.UseSetting("Observatoire:Replica:PollMilliseconds", "50");
            if (!keepMonitor)
                b.ConfigureTestServices(s => s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService)
                                                                    && d.ImplementationType == typeof(ReplicaMonitor))));
        });

    private static HttpClient Client(WebApplicationFactory<Program> portal) => portal.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost"),
    });

    private static string? Served(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ReplicaReads.Header, out var values) ? values.Single() : null;

    private static async Task<string> Body(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 2000 ? text[..2000] : text;
    }

    private Task LoadDemoDataAsync() =>
        Portal.Scope(sp => sp.GetRequiredService<InitialData>().LoadAsync(new ObservatoireOptions { DemoData = true }));

    private async Task<NpgsqlLogSequenceNumber> PrimaryLsnAsync()
    {
        await using var connection = new NpgsqlConnection(Portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_current_wal_lsn()", connection);
        return (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> ConcreteUrlsAsync(string synthesis)
    {
        var (structure, tool, territory) = await Portal.Db(async db => (
            await db.Structures.OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync(),
            await db.DigitalTools.OrderBy(t => t.Id).Select(t => t.Slug).FirstAsync(),
            await db.Territories.OrderBy(t => t.Id).Select(t => t.Slug).FirstAsync()));
        return RoutedUrls.Select(u => u.Replace("{structure}", structure).Replace("{outil}", tool)
            .Replace("{territoire}", territory).Replace("{synthese}", synthesis)).ToList();
    }

    /// <summary>The routes of every page whose model carries the attribute, read from the compiled pages.</summary>
    private static List<string> RoutesOfMarkedPages(WebApplicationFactory<Program> portal)
    {
        var loader = portal.Services.GetRequiredService<PageLoader>();
        return portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .Where(x => loader.LoadAsync(x.Page!, x.Endpoint.Metadata).GetAwaiter().GetResult()
                .ModelTypeInfo?.GetCustomAttribute<ReadsFromReplicaAttribute>() is not null)
            .Select(x => "/" + (x.Endpoint.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .ToList();
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        return condition();
    }
}
