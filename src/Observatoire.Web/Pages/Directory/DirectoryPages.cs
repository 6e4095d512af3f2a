namespace Observatoire.Web.Pages.Directory;

/// <summary>Helpers the directory pages share.</summary>
public static class DirectoryPages
{
    /// <summary>An ILIKE pattern matching <paramref name="text"/> anywhere, with its wildcards taken literally.</summary>
    public static string Contains(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>Slugs the directory's own routes use: a record may not take them.</summary>
    public static readonly string[] ReservedSlugs = ["nouveau", "nouvelle", "modifier", "fusionner"];

    public record Month(int Year, int MonthNumber, int Count, int Participants);

    /// <summary>Validated observations per month, oldest first, for "its observations over time".</summary>
    public static async Task<List<Month>> MonthlyAsync(IQueryable<Observation> validated, CancellationToken ct) =>
        (await validated.GroupBy(o => new { o.ObservedOn.Year, o.ObservedOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Participants = g.Sum(o => o.ParticipantsCount) })
            .ToListAsync(ct))
        .OrderBy(m => m.Year).ThenBy(m => m.Month)
        .Select(m => new Month(m.Year, m.Month, m.Count, m.Participants)).ToList();
}
