using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Observatoire.IntegrationTests.Security;

/// <summary>
/// The role matrix is declared by hand, so a new page could slip past it: these tests read the app's route table
/// and fail when a page route is not visited by <see cref="RoleMatrix.Pages"/> or <see cref="RecordMatrix"/>.
/// </summary>
public partial class RouteCoverageTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public void Every_page_route_is_in_the_matrix_or_listed_as_needing_a_record()
    {
        var routes = PageRoutes(Portal);
        Assert.True(routes.Count >= 60, $"Seulement {routes.Count} routes de pages : l'énumération ne marche plus ?");
        var visitedByMatrix = RoleMatrix.Pages.Select(p => RouteOf(p.Route, routes)).ToHashSet();

        var missing = routes
            .Where(r => !visitedByMatrix.Contains(r) && !RoleMatrix.NeedsRecord.Contains(r) && !RoleMatrix.NotVisited.ContainsKey(r))
            .ToList();

        Assert.True(missing.Count == 0,
            "Pages absentes de la matrice des rôles (ajoutez-les à RoleMatrix.Pages, ou à NeedsRecord avec un cas dans RecordMatrix) :\n"
            + string.Join("\n", missing));
    }

    [Fact]
    public void The_lists_name_only_routes_that_exist()
    {
        var routes = PageRoutes(Portal);
        var stale = RoleMatrix.NeedsRecord.Concat(RoleMatrix.NotVisited.Keys).Where(r => !routes.Contains(r))
            // /healthz is an endpoint of its own, not a page.
            .Concat(RoleMatrix.Pages.Select(p => p.Route).Where(url => url != "/healthz" && RouteOf(url, routes) is null))
            .ToList();

        Assert.True(stale.Count == 0, "Routes déclarées qui n'existent plus :\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Every_route_needing_a_record_is_visited_by_the_record_matrix()
    {
        var routes = PageRoutes(Portal);
        var visited = RecordMatrix.Cases.Select(c => RouteOf(Sample().Replace(c.Url, m => m.Groups[1].Value == "id" ? "1" : "exemple"), routes))
            .ToHashSet();

        var unvisited = RoleMatrix.NeedsRecord.Where(r => !visited.Contains(r)).ToList();

        Assert.True(unvisited.Count == 0, "Routes sans cas dans RecordMatrix :\n" + string.Join("\n", unvisited));
    }

    /// <summary>Every route pattern of a Razor page, as "/pattern".</summary>
    public static HashSet<string> PageRoutes(PortalFixture portal) =>
        portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .ToHashSet();

    /// <summary>
    /// The route pattern a URL reaches: a pattern without parameters wins over one with parameters, as in ASP.NET Core
    /// routing; int constraints are honoured so that "/observations/nouvelle" is not taken for "/observations/{id:int}".
    /// </summary>
    public static string? RouteOf(string url, IEnumerable<string> routes)
    {
        var path = url.Split('?')[0];
        return routes
            .Where(r => PatternRegex(r).IsMatch(path))
            .OrderByDescending(r => r.Count(c => c == '/') - r.Count(c => c == '{'))
            .ThenBy(r => r.Count(c => c == '{'))
            .FirstOrDefault();
    }

    private static Regex PatternRegex(string route)
    {
        var pattern = new System.Text.StringBuilder("^");
        var at = 0;
        foreach (Match m in Parameter().Matches(route))
        {
            var literal = route[at..m.Index];
            var optional = m.Groups["optional"].Success && literal.EndsWith('/');
            pattern.Append(Regex.Escape(optional ? literal[..^1] : literal));
            var constraint = m.Groups["constraint"].Value;
            var body = constraint.Contains("regex") ? "(csv|json)" : constraint.Contains("int") ? "[0-9]+" : "[^/]+";
            pattern.Append(optional ? $"(/{body})?" : body);
            at = m.Index + m.Length;
        }
        pattern.Append(Regex.Escape(route[at..])).Append("/?$");
        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"\{(id|slug):[a-z0-9-]+\}")]
    public static partial Regex Sample();

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<constraint>(:(regex\(.*?\)(?=\??\})|[^}?:]+))*)(?<optional>\?)?\}")]
    private static partial Regex Parameter();
}
