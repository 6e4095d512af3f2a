using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// What a synthesis covers, as chosen in the form, shown in the preview URL and stored (normalized, as JSON)
/// with each generated synthesis: the dashboard's filter plus the surveys and experience reports to include.
/// </summary>
public sealed class SynthesisRequest
{
    public const int MaxSurveys = 10;
    public const int MaxReports = 20;

    [ModelBinder(Name = "du")]
    [Required(ErrorMessage = "Indiquez la date de début de la période.")]
    public DateOnly? Du { get; set; }

    [ModelBinder(Name = "au")]
    [Required(ErrorMessage = "Indiquez la date de fin de la période.")]
    public DateOnly? Au { get; set; }

    /// <summary>Territory slugs (none: every territory); a commune includes its quartiers.</summary>
    [ModelBinder(Name = "territoire"), SlugList(ErrorMessage = "Choisissez au plus 50 territoires parmi la liste.")]
    public string[] Territoires { get; set; } = [];

    /// <summary>Theme slugs (none: every theme); an observation counts once if it has one of them.</summary>
    [ModelBinder(Name = "theme"), SlugList(ErrorMessage = "Choisissez au plus 50 thèmes parmi la liste.")]
    public string[] Themes { get; set; } = [];

    /// <summary>Audience slugs (none: every audience).</summary>
    [ModelBinder(Name = "public"), SlugList(ErrorMessage = "Choisissez au plus 50 publics parmi la liste.")]
    public string[] Publics { get; set; } = [];

    [ModelBinder(Name = "enquetes"), MaxLength(MaxSurveys, ErrorMessage = "Choisissez au plus 10 enquêtes.")]
    public int[] Enquetes { get; set; } = [];

    /// <summary>Wiki page ids of the experience reports to quote (their current revision at generation time).</summary>
    [ModelBinder(Name = "retours"), MaxLength(MaxReports, ErrorMessage = "Choisissez au plus 20 retours d'expérience.")]
    public int[] Retours { get; set; } = [];

    [ModelBinder(Name = "titre"), MaxLength(150, ErrorMessage = "Le titre doit faire au plus 150 caractères.")]
    public string? Titre { get; set; }

    /// <summary>Field errors beyond the attributes: a period that ends before it starts, or longer than five years.</summary>
    public IEnumerable<(string Field, string Message)> Check()
    {
        if (Du is DateOnly du && Au is DateOnly au)
        {
            if (au < du) yield return ("au", "La date de fin doit être postérieure ou égale à la date de début.");
            else if (au.DayNumber - du.DayNumber > 5 * 366) yield return ("au", "La période ne peut pas dépasser cinq ans.");
        }
    }

    /// <summary>The dashboard filter for the same period and dimensions (no structure-kind filter in syntheses).</summary>
    public DashboardFilter Filter() =>
        new DashboardFilter { Du = Du, Au = Au, Territoires = Territoires, Themes = Themes, Publics = Publics }
            .Normalized(Au ?? DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>
    /// A copy with trimmed, lower-cased, sorted distinct slugs, sorted distinct ids and a trimmed title: equal choices
    /// compare equal, whatever order the boxes were ticked in.
    /// </summary>
    public SynthesisRequest Normalized()
    {
        var f = Filter();
        return new SynthesisRequest
        {
            Du = f.Du, Au = f.Au,
            Territoires = [.. f.Territoires.Order(StringComparer.Ordinal)],
            Themes = [.. f.Themes.Order(StringComparer.Ordinal)],
            Publics = [.. f.Publics.Order(StringComparer.Ordinal)],
            Enquetes = [.. Enquetes.Where(i => i > 0).Distinct().Order()],
            Retours = [.. Retours.Where(i => i > 0).Distinct().Order()],
            Titre = string.IsNullOrWhiteSpace(Titre) ? null : Titre.Trim(),
        };
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>
    /// The stored form. A dimension with at most one value keeps the single-value field of the first syntheses
    /// (<c>"Theme":"emploi"</c>), so their parameters, and therefore their fingerprints, are written exactly as before;
    /// only several values add the list (<c>"Themes":["education","emploi"]</c>), absent otherwise.
    /// </summary>
    private sealed record Stored(string Du, string Au, string? Territoire, string? Theme, string? Public,
        int[] Enquetes, int[] Retours, string? Titre,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? Territoires = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? Themes = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? Publics = null);

    /// <summary>Canonical JSON: fixed property order, ISO dates, sorted lists. Part of the data fingerprint.</summary>
    public string ToJson()
    {
        var n = Normalized();
        static string? One(string[] values) => values.Length == 1 ? values[0] : null;
        static string[]? Several(string[] values) => values.Length > 1 ? values : null;
        return JsonSerializer.Serialize(new Stored(Iso(n.Du!.Value), Iso(n.Au!.Value), One(n.Territoires), One(n.Themes), One(n.Publics),
            n.Enquetes, n.Retours, n.Titre, Several(n.Territoires), Several(n.Themes), Several(n.Publics)), Json);
    }

    public static SynthesisRequest FromJson(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json, Json) ?? throw new InvalidDataException("Paramètres de synthèse illisibles.");
        static string[] List(string? one, string[]? several) => several ?? (one is null ? [] : [one]);
        return new SynthesisRequest
        {
            Du = DateOnly.ParseExact(s.Du, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Au = DateOnly.ParseExact(s.Au, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Territoires = List(s.Territoire, s.Territoires), Themes = List(s.Theme, s.Themes), Publics = List(s.Public, s.Publics),
            Enquetes = s.Enquetes ?? [], Retours = s.Retours ?? [], Titre = s.Titre,
        };
    }

    /// <summary>The choices as URL parameters (a list as a repeated key), for the preview link.</summary>
    public string ToQuery()
    {
        var parts = new List<string> { $"du={Iso(Du!.Value)}", $"au={Iso(Au!.Value)}" };
        // Raw input (the way back to the form) may hold blanks: they are not choices.
        void Add(string key, string[] values) =>
            parts.AddRange(values.Where(v => !string.IsNullOrEmpty(v)).Select(v => key + "=" + Uri.EscapeDataString(v)));
        Add("territoire", Territoires);
        Add("theme", Themes);
        Add("public", Publics);
        parts.AddRange(Enquetes.Select(i => $"enquetes={i}"));
        parts.AddRange(Retours.Select(i => $"retours={i}"));
        if (Titre is not null) parts.Add("titre=" + Uri.EscapeDataString(Titre));
        return string.Join('&', parts);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
