namespace Observatoire.Web.Pages;

/// <summary>
/// The values of the administered lists (themes, audiences, territories, tool categories, licences, structure kinds) as forms offer them, in the lists' own order (/admin/listes). A new input is
/// offered the values in use; a retired value is offered only where the record being edited already has it, marked
/// « (retiré) », so that saving the record does not drop it. Filters over past data keep every value, marked the same.
/// </summary>
public static class ReferenceChoices
{
    public static Task<List<Choice>> ThemesAsync(ObservatoireDbContext db, IEnumerable<int> kept, CancellationToken ct)
    {
        var ids = kept.ToArray();
        return db.Themes.AsNoTracking().Where(t => t.RetiredAt == null || ids.Contains(t.Id))
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new Choice(t.Id, t.RetiredAt == null ? t.Name : t.Name + ReferenceValues.RetiredMark)).ToListAsync(ct);
    }

    public static Task<List<Choice>> AudiencesAsync(ObservatoireDbContext db, IEnumerable<int> kept, CancellationToken ct)
    {
        var ids = kept.ToArray();
        return db.Audiences.AsNoTracking().Where(a => a.RetiredAt == null || ids.Contains(a.Id))
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new Choice(a.Id, a.RetiredAt == null ? a.Name : a.Name + ReferenceValues.RetiredMark)).ToListAsync(ct);
    }

    /// <summary>« Tours », then « Tours › Sanitas »…: a quartier of a retired commune counts as retired.</summary>
    public static Task<List<Choice>> TerritoriesAsync(ObservatoireDbContext db, IEnumerable<int?> kept, CancellationToken ct)
    {
        var ids = kept.OfType<int>().ToArray();
        return Ordered(db.Territories.AsNoTracking()
                .Where(t => (t.RetiredAt == null && (t.Parent == null || t.Parent.RetiredAt == null)) || ids.Contains(t.Id)))
            .Select(t => new Choice(t.Id, (t.Parent == null ? t.Name : t.Parent.Name + " › " + t.Name)
                + (t.RetiredAt != null || (t.Parent != null && t.Parent.RetiredAt != null) ? ReferenceValues.RetiredMark : "")))
            .ToListAsync(ct);
    }

    /// <summary>Communes in their order, each followed by its quartiers in theirs.</summary>
    public static IOrderedQueryable<Territory> Ordered(IQueryable<Territory> territories) =>
        territories.OrderBy(t => t.Parent == null ? t.SortOrder : t.Parent.SortOrder)
            .ThenBy(t => t.Parent == null ? t.Name : t.Parent.Name)
            .ThenBy(t => t.ParentId != null).ThenBy(t => t.SortOrder).ThenBy(t => t.Name);

    /// <summary>A value as a filter offers it: by slug, retired values included and marked, for past data.</summary>
    /// <param name="Commune">For a territory: its commune's name (its own for a commune).</param>
    public sealed record Filter(string Slug, string Name, string? Commune = null, bool IsCommune = false);

    public static Task<List<Filter>> ThemeFiltersAsync(ObservatoireDbContext db, CancellationToken ct) =>
        db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new Filter(t.Slug, t.RetiredAt == null ? t.Name : t.Name + ReferenceValues.RetiredMark, null, false)).ToListAsync(ct);

    public static Task<List<Filter>> AudienceFiltersAsync(ObservatoireDbContext db, CancellationToken ct) =>
        db.Audiences.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new Filter(a.Slug, a.RetiredAt == null ? a.Name : a.Name + ReferenceValues.RetiredMark, null, false)).ToListAsync(ct);

    /// <summary>Communes, each followed by its quartiers; a quartier of a retired commune is marked too.</summary>
    public static Task<List<Filter>> TerritoryFiltersAsync(ObservatoireDbContext db, CancellationToken ct) =>
        Ordered(db.Territories.AsNoTracking())
            .Select(t => new Filter(t.Slug,
                t.Name + (t.RetiredAt != null || (t.Parent != null && t.Parent.RetiredAt != null) ? ReferenceValues.RetiredMark : ""),
                t.Parent == null ? t.Name : t.Parent.Name, t.ParentId == null))
            .ToListAsync(ct);

    /// <summary>
    /// The values not retired, in the administrators' order then by name, plus the record's own value
    /// (<paramref name="current"/>) when it has been retired since: kept selectable, and marked « (retiré) ».
    /// </summary>
    public static async Task<List<Choice>> OfferedAsync<T>(IQueryable<T> values, int? current, CancellationToken ct)
        where T : class, IReferenceValue =>
        (await values.AsNoTracking().Where(v => v.RetiredAt == null || v.Id == current)
            .OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new { v.Id, v.Name, v.RetiredAt }).ToListAsync(ct))
        .Select(v => new Choice(v.Id, ReferenceValues.Of(v.Name, v.RetiredAt))).ToList();
}
