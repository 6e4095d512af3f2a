namespace Observatoire.Web.Pages.Wiki;

/// <summary>Services of the wiki: the public page cache, evicted by every write under /Wiki.</summary>
public static class WikiServices
{
    public static IServiceCollection AddObservatoireWiki(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddObservatoireOutputCache(configuration);
        services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AddFolderApplicationModelConvention("/Wiki", m => m.Filters.Add(new PublicPageCache.EvictWikiOnWrite())));
        return services;
    }
}
