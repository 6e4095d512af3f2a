using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Observatoire.Web.Pages.Directory;

/// <summary>Services of the directory: old addresses of merged or renamed records redirect to the record kept.</summary>
public static class DirectoryServices
{
    public static IServiceCollection AddObservatoireDirectory(this IServiceCollection services) =>
        services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AddFolderApplicationModelConvention("/Directory", m => m.Filters.Add(new SlugAliasRedirect())));
}
