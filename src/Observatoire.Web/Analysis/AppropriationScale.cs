namespace Observatoire.Web.Analysis;

/// <summary>
/// The appropriation scale as this observatory words it: the four fixed steps, each with the name and explanation
/// stored by the administrator (/admin/listes/niveaux), or the portal's own wording for a step never reworded.
/// Every page, export and PDF that shows a level asks here, so they all say the same.
/// </summary>
/// <remarks>Usage: <c>var scale = await AppropriationScale.LoadAsync(db, ct);</c> then <c>scale.Label(level)</c>.</remarks>
public sealed class AppropriationScale
{
    private readonly Dictionary<AppropriationLevel, AppropriationLevelWording> _words;

    private AppropriationScale(IEnumerable<AppropriationLevelWording> stored)
    {
        _words = Enum.GetValues<AppropriationLevel>().ToDictionary(l => l, AppropriationLevelWording.Default);
        foreach (var w in stored) _words[w.Level] = w;
    }

    /// <summary>The portal's own wording, for places without a database at hand.</summary>
    public static readonly AppropriationScale Default = new([]);

    public static async Task<AppropriationScale> LoadAsync(ObservatoireDbContext db, CancellationToken ct) =>
        new(await db.AppropriationLevelWordings.AsNoTracking().ToListAsync(ct));

    public IEnumerable<AppropriationLevel> Levels => _words.Keys.Order();

    /// <summary>The name without its number: « Découverte ».</summary>
    public string Name(AppropriationLevel level) => _words[level].Name;

    /// <summary>With the step's number, as lists and charts show it: « 1 — Découverte ».</summary>
    public string Label(AppropriationLevel level) => $"{(int)level} — {_words[level].Name}";

    public string? Explanation(AppropriationLevel level) => _words[level].Description;
}
