namespace Observatoire.Web.Pages;

/// <summary>The values of an administered list (<see cref="IReferenceValue"/>) a form offers.</summary>
public static class ReferenceChoices
{
    /// <summary>
    /// The values not retired, in the administrators' order then by name, plus the record's own value
    /// (<paramref name="current"/>) when it has been retired since: kept selectable, and marked « (retiré) ».
    /// </summary>
    public static async Task<List<Choice>> OfferedAsync<T>(IQueryable<T> values, int? current, CancellationToken ct)
        where T : class, IReferenceValue =>
        (await values.AsNoTracking().Where(v => v.RetiredAt == null || v.Id == current)
            .OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new { v.Id, v.Name, v.RetiredAt }).ToListAsync(ct))
        .Select(v => new Choice(v.Id, ReferenceLabel.Of(v.Name, v.RetiredAt))).ToList();
}
