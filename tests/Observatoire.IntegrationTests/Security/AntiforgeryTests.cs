using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Observatoire.IntegrationTests.Security;

public partial class AntiforgeryTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>Pages that accept a POST without a token, and why.</summary>
    private static readonly Dictionary<string, string> Exempt = new()
    {
        // Error pages are re-executed for failed POSTs (including a refused token) and change nothing.
        ["/Errors/Status"] = "page d'erreur",
        // RFC 8058: the mail provider's one-click POST carries no token; the signed token in the link is the protection,
        // and a POST there can only stop mail (Notifications/NotificationTests).
        ["/Notifications/Unsubscribe"] = "désabonnement en un clic",
    };

    [Fact]
    public async Task Every_post_handler_of_every_page_refuses_a_request_without_antiforgery_token()
    {
        var handlers = await PostHandlers();
        Assert.True(handlers.Count >= 10, $"Seulement {handlers.Count} formulaires trouvés : l'énumération des pages ne marche plus ?");
        // An administrator passes every role policy, so the token check is what answers.
        using var admin = await Portal.SignedInAs(Roles.Administrateur);
        await admin.GetHtml("/compte");

        var failures = new List<string>();
        foreach (var (url, page) in handlers)
        {
            using var response = await admin.PostAsync(url, new FormUrlEncodedContent([]));
            if (response.StatusCode != HttpStatusCode.BadRequest)
                failures.Add($"{url} ({page}) : {(int)response.StatusCode} au lieu de 400");
        }

        Assert.True(failures.Count == 0, "POST sans jeton acceptés :\n" + string.Join("\n", failures));
        await admin.GetHtml("/admin"); // the sign-out and deletion forms were not carried out
    }

    [Fact]
    public async Task Only_the_listed_pages_ignore_the_antiforgery_token()
    {
        var ignoring = new List<string>();
        foreach (var (endpoint, page) in await Pages())
            if (endpoint.Metadata.GetOrderedMetadata<IAntiforgeryPolicy>().LastOrDefault() is IgnoreAntiforgeryTokenAttribute)
                ignoring.Add(page.ViewEnginePath);

        Assert.Equal(Exempt.Keys.Order(), ignoring.Distinct().Order());
    }

    /// <summary>Every POST handler of every page, as a URL with sample route values and the handler name.</summary>
    private async Task<List<(string Url, string Page)>> PostHandlers()
    {
        var result = new List<(string, string)>();
        foreach (var (endpoint, page) in await Pages())
        {
            if (Exempt.ContainsKey(page.ViewEnginePath)) continue;
            var path = RouteParameter().Replace(endpoint.RoutePattern.RawText ?? "", m =>
                m.Groups["constraint"].Value.Contains("int") || m.Groups["constraint"].Value.Contains("long") ? "1" : "exemple");
            path = "/" + path.TrimStart('/');
            foreach (var handler in page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                result.Add((handler.Name is null ? path : $"{path}?handler={handler.Name}", page.ViewEnginePath));
        }
        return result.Distinct().ToList();
    }

    private async Task<List<(RouteEndpoint Endpoint, CompiledPageActionDescriptor Page)>> Pages()
    {
        var services = Portal.Factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new List<(RouteEndpoint, CompiledPageActionDescriptor)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var descriptor = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (descriptor is null) continue;
            var compiled = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
            pages.Add((endpoint, compiled));
        }
        return pages;
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<constraint>(:[^}=?]+)*)(=[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
