using Microsoft.AspNetCore.Mvc.Filters;

namespace Observatoire.Web.Pages.Directory;

/// <summary>
/// A directory address that no longer names a record (a merged duplicate, a renamed record) redirects to the record
/// it now stands for, with the rest of the address kept: <c>/annuaire/outils/etherpad/historique</c> →
/// <c>/annuaire/outils/framapad/historique</c>. Applied to every page of the directory, after the page said 404.
/// </summary>
public sealed class SlugAliasRedirect : IAsyncPageFilter
{
    private static readonly Dictionary<string, (Type Entity, Func<ObservatoireDbContext, int, Task<string?>> Slug)> Kinds = new()
    {
        ["outils"] = (typeof(DigitalTool), (db, id) => db.DigitalTools.Where(t => t.Id == id).Select(t => t.Slug).FirstOrDefaultAsync()),
        ["structures"] = (typeof(Structure), (db, id) => db.Structures.Where(s => s.Id == id).Select(s => s.Slug).FirstOrDefaultAsync()),
        ["territoires"] = (typeof(Territory), (db, id) => db.Territories.Where(t => t.Id == id).Select(t => t.Slug).FirstOrDefaultAsync()),
        ["acteurs"] = (typeof(Actor), (db, id) => db.Actors.Where(a => a.Id == id).Select(a => a.Slug).FirstOrDefaultAsync()),
    };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var request = context.HttpContext.Request;
        if (executed.Result is not NotFoundResult || !HttpMethods.IsGet(request.Method)
            || context.RouteData.Values["slug"] is not string slug) return;
        // /annuaire/{kind}/{slug}[/rest]
        var segments = request.Path.Value!.Split('/');
        if (segments.Length < 4 || segments[1] != "annuaire" || !Kinds.TryGetValue(segments[2], out var kind)
            || !string.Equals(Uri.UnescapeDataString(segments[3]), slug, StringComparison.Ordinal)) return;
        var db = context.HttpContext.RequestServices.GetRequiredService<ObservatoireDbContext>();
        var entity = kind.Entity.Name;
        var targetId = await db.SlugAliases.Where(a => a.Entity == entity && a.Slug == slug).Select(a => (int?)a.TargetId).FirstOrDefaultAsync();
        if (targetId is not int id || await kind.Slug(db, id) is not { } current) return;
        segments[3] = Uri.EscapeDataString(current);
        executed.Result = new RedirectResult(string.Join('/', segments) + request.QueryString, permanent: true);
    }
}
