namespace Observatoire.Web.Pages;

/// <summary>
/// What a merge will move, as the confirmation pages say it (« 3 observation(s), 1 élément(s) de veille »): the link
/// tables of <see cref="RecordMerger"/>'s report, named as people count them. Shared by the directory's merge page and
/// the reference lists'.
/// </summary>
public static class MergeMoves
{
    /// <summary>Link tables as people count them; a table not listed is named after its entity.</summary>
    private static readonly Dictionary<string, string> LinkLabels = new()
    {
        ["Observations"] = "observation(s)",
        ["ObservationTools"] = "observation(s)",
        ["ObservationThemes"] = "observation(s)",
        ["ObservationAudiences"] = "observation(s)",
        ["WikiPageStructures"] = "retour(s) d'expérience",
        ["WikiPageTools"] = "retour(s) d'expérience",
        ["WikiPageTerritories"] = "retour(s) d'expérience",
        ["WikiPageThemes"] = "retour(s) d'expérience",
        ["Events"] = "événement(s)",
        ["EventTools"] = "événement(s)",
        ["EventThemes"] = "événement(s)",
        ["WatchItems"] = "élément(s) de veille",
        ["WatchItemTools"] = "élément(s) de veille",
        ["WatchItemThemes"] = "élément(s) de veille",
        ["Answers"] = "réponse(s) d'enquête",
        ["StructureMemberships"] = "membre(s) de l'annuaire",
        ["UserStructures"] = "compte(s) rattaché(s)",
        ["Structures"] = "structure(s)",
        ["Territories"] = "quartier(s)",
    };

    public static IReadOnlyList<(string Label, int Count)> Of(RecordMerger.Report report) =>
        report.Links.Where(l => l.Moved > 0)
            .GroupBy(l => LinkLabels.GetValueOrDefault(l.Link.Table) ?? $"lien(s) « {l.Link.EntityName} »")
            .Select(g => (g.Key, g.Sum(l => l.Moved))).ToList();
}
