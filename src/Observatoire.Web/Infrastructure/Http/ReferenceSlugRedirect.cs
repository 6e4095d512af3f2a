using Microsoft.AspNetCore.Mvc.Filters;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// A filter in the query string that names a theme, audience or territory by an old slug (renamed, or merged into
/// another value) redirects to the same address with the current slug: <c>/observations?theme=emplois</c> →
/// <c>/observations?theme=emploi</c>, on every page (the filter keys mean the same everywhere). A 302, not a 301:
/// an administrator may give the slug back, and a browser would keep a permanent redirect for ever.
/// </summary>
public sealed class ReferenceSlugRedirect : IAsyncPageFilter
{
    /// <summary>The query keys that carry a slug of an administered list, and the entity (SlugAlias.Entity) each names.</summary>
    public static readonly IReadOnlyDictionary<string, Kind> Keys = new Dictionary<string, Kind>
    {
        ["theme"] = Kind.Of<Theme>(),
        ["public"] = Kind.Of<Audience>(),
        ["territoire"] = Kind.Of<Territory>(),
    };

    /// <param name="Current">The given slugs that are old addresses (aliases no live value holds), each with the slug of the
    /// value it now leads to: one query.</param>
    public sealed record Kind(string Entity, Func<ObservatoireDbContext, string[], Task<Dictionary<string, string>>> Current)
    {
        public static Kind Of<T>() where T : class, IReferenceValue
        {
            var entity = typeof(T).Name;
            return new(entity, (db, slugs) => db.SlugAliases.AsNoTracking()
                .Where(a => a.Entity == entity && slugs.Contains(a.Slug) && !db.Set<T>().Any(x => x.Slug == a.Slug))
                .Join(db.Set<T>(), a => a.TargetId, x => x.Id, (a, x) => new { Old = a.Slug, Current = x.Slug })
                .ToDictionaryAsync(r => r.Old, r => r.Current));
        }
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && Keys.Keys.Any(request.Query.ContainsKey)
            && await CanonicalQueryAsync(context.HttpContext.RequestServices.GetRequiredService<ObservatoireDbContext>(), request.Query) is { } query)
        {
            context.Result = new RedirectResult(request.PathBase + request.Path + query, permanent: false);
            return;
        }
        await next();
    }

    /// <summary>The query string with every old slug replaced by the current one, or null when none is old.</summary>
    public static async Task<string?> CanonicalQueryAsync(ObservatoireDbContext db, IQueryCollection query)
    {
        var replacements = new Dictionary<(string Key, string Slug), string>();
        foreach (var (key, kind) in Keys)
        {
            var given = query[key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim().ToLowerInvariant()).Distinct().ToArray();
            if (given.Length == 0) continue;
            foreach (var (old, current) in await kind.Current(db, given))
                replacements[(key, old)] = current;
        }
        if (replacements.Count == 0) return null;
        var pairs = query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key,
            v is not null && replacements.TryGetValue((q.Key, v.Trim().ToLowerInvariant()), out var current) ? current : v)));
        return QueryString.Create(pairs).ToUriComponent();
    }
}
