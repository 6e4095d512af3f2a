namespace Observatoire.Web.Pages;

/// <summary>
/// The values of the administered lists (themes, audiences, territories, tool categories, licences, structure kinds) as forms offer them, in the lists' own order (/admin/listes). A new input is
/// offered the values in use; a retired value is offered only where the record being edited already has it, marked
/// « (retiré) », so that saving the record does not drop it. Filters over past data keep every value, marked the same.
/// </summary>
public static class ReferenceChoices
{
    /// <summary>« Tours », then « Sanitas (Tours) »…: a quartier of a retired commune counts as retired.</summary>
    public static Task<List<Choice>> TerritoriesAsync(ObservatoireDbContext db, IEnumerable<int?> kept, CancellationToken ct)
    {
        var ids = kept.OfType<int>().ToArray();
        return Ordered(db.Territories.AsNoTracking()
                .Where(t => (t.RetiredAt == null && (t.Parent == null || t.Parent.RetiredAt == null)) || ids.Contains(t.Id)))
            .Select(t => new Choice(t.Id, Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name,
                t.RetiredAt != null || (t.Parent != null && t.Parent.RetiredAt != null))))
            .ToListAsync(ct);
    }

    /// <summary>Communes in their order, each followed by its quartiers in theirs.</summary>
    public static IOrderedQueryable<Territory> Ordered(IQueryable<Territory> territories) =>
        territories.OrderBy(t => t.Parent == null ? t.SortOrder : t.Parent.SortOrder)
            .ThenBy(t => t.Parent == null ? t.Name : t.Parent.Name)
            .ThenBy(t => t.ParentId != null).ThenBy(t => t.SortOrder).ThenBy(t => t.Name);

    /// <summary>A value as a filter offers it: by slug, retired values included and marked, for past data.</summary>
    /// <param name="Name">For a territory: its <see cref="Territory.Label(string, string?)"/>.</param>
    /// <param name="Commune">For a territory: its commune's name (its own for a commune).</param>
    public sealed record Filter(string Slug, string Name, string? Commune = null, bool IsCommune = false);

    /// <summary>Every value of a flat list (themes, audiences, structure kinds), retired ones included and marked.</summary>
    public static async Task<List<Filter>> FiltersAsync<T>(IQueryable<T> values, CancellationToken ct) where T : class, IReferenceValue =>
        (await values.AsNoTracking().OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new { v.Slug, v.Name, v.RetiredAt }).ToListAsync(ct))
        .Select(v => new Filter(v.Slug, ReferenceValues.Of(v.Name, v.RetiredAt))).ToList();

    /// <summary>Communes, each followed by its quartiers; a quartier of a retired commune is marked too.</summary>
    public static Task<List<Filter>> TerritoryFiltersAsync(ObservatoireDbContext db, CancellationToken ct) =>
        Ordered(db.Territories.AsNoTracking())
            .Select(t => new Filter(t.Slug,
                Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name, t.RetiredAt != null || (t.Parent != null && t.Parent.RetiredAt != null)),
                t.Parent == null ? t.Name : t.Parent.Name, t.ParentId == null))
            .ToListAsync(ct);

    /// <summary>
    /// The values not retired, in the administrators' order then by name, plus the record's own values
    /// (<paramref name="kept"/>) when they have been retired since: kept selectable, and marked « (retiré) ».
    /// </summary>
    public static async Task<List<Choice>> OfferedAsync<T>(IQueryable<T> values, IEnumerable<int> kept, CancellationToken ct)
        where T : class, IReferenceValue
    {
        var ids = kept.ToArray();
        return (await values.AsNoTracking().Where(v => v.RetiredAt == null || ids.Contains(v.Id))
                .OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
                .Select(v => new { v.Id, v.Name, v.RetiredAt }).ToListAsync(ct))
            .Select(v => new Choice(v.Id, ReferenceValues.Of(v.Name, v.RetiredAt))).ToList();
    }

    public static Task<List<Choice>> OfferedAsync<T>(IQueryable<T> values, int? current, CancellationToken ct)
        where T : class, IReferenceValue => OfferedAsync(values, current is int id ? [id] : [], ct);
}
