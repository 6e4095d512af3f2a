using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;

namespace Observatoire.Web.Pages.Wiki;

/// <summary>
/// Output cache for pages that visitors without an account read most (the public wiki pages). The default policy
/// already keeps signed-in people out (their pages differ: edit links, members' content) and never stores a
/// response that sets a cookie. A wiki write evicts every cached wiki page at once, since creating a page also turns
/// links to it on other pages from "missing" to normal; content from other modules shown on a page (names of linked
/// structures, tools, territories) is at most <see cref="Lifetime"/> old.
/// </summary>
public static class PublicPageCache
{
    public const string WikiPolicy = "wiki-public";
    public const string WikiTag = "wiki";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary><c>Observatoire:OutputCache:Enabled=false</c> turns it off (diagnosis, and the benchmark's "before" figures).</summary>
    public static IServiceCollection AddObservatoireOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        var enabled = configuration.GetValue("Observatoire:OutputCache:Enabled", true);
        return services.AddOutputCache(o =>
        {
            // Bounded so that a crawler walking every page cannot grow the process past the memory budget.
            o.SizeLimit = 32 * 1024 * 1024;
            o.AddPolicy(WikiPolicy, b => b.Expire(Lifetime).Tag(WikiTag).With(_ => enabled));
        });
    }

    /// <summary>Evicts the cached wiki pages after any request that may change the wiki (every handler but GET).</summary>
    public sealed class EvictWikiOnWrite : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            await next();
            var method = context.HttpContext.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) return;
            var store = context.HttpContext.RequestServices.GetRequiredService<IOutputCacheStore>();
            await store.EvictByTagAsync(WikiTag, CancellationToken.None);
        }
    }
}
