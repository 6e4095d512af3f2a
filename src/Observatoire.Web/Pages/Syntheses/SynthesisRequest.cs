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

    // Display names are the ones users read in binding errors (« x » n'est pas une valeur valide pour Du): the
    // properties' former names, kept when the properties took English names.
    [ModelBinder(Name = "du"), Display(Name = "Du")]
    [Required(ErrorMessage = "Indiquez la date de début de la période.")]
    public DateOnly? From { get; set; }

    [ModelBinder(Name = "au"), Display(Name = "Au")]
    [Required(ErrorMessage = "Indiquez la date de fin de la période.")]
    public DateOnly? To { get; set; }

    /// <summary>Territory slugs (none: every territory); a commune includes its quartiers.</summary>
    [ModelBinder(Name = "territoire"), SlugList(ErrorMessage = "Choisissez au plus 50 territoires parmi la liste.")]
    public string[] Territories { get; set; } = [];

    /// <summary>Theme slugs (none: every theme); an observation counts once if it has one of them.</summary>
    [ModelBinder(Name = "theme"), SlugList(ErrorMessage = "Choisissez au plus 50 thèmes parmi la liste.")]
    public string[] Themes { get; set; } = [];

    /// <summary>Audience slugs (none: every audience).</summary>
    [ModelBinder(Name = "public"), SlugList(ErrorMessage = "Choisissez au plus 50 publics parmi la liste.")]
    public string[] Audiences { get; set; } = [];

    [ModelBinder(Name = "enquetes"), Display(Name = "Enquetes"), MaxLength(MaxSurveys, ErrorMessage = "Choisissez au plus 10 enquêtes.")]
    public int[] Surveys { get; set; } = [];

    /// <summary>Wiki page ids of the experience reports to quote (their current revision at generation time).</summary>
    [ModelBinder(Name = "retours"), Display(Name = "Retours"), MaxLength(MaxReports, ErrorMessage = "Choisissez au plus 20 retours d'expérience.")]
    public int[] Reports { get; set; } = [];

    [ModelBinder(Name = "titre"), MaxLength(150, ErrorMessage = "Le titre doit faire au plus 150 caractères.")]
    public string? Title { get; set; }

    /// <summary>Field errors beyond the attributes: a period that ends before it starts, or longer than five years.</summary>
    public IEnumerable<(string Field, string Message)> Check()
    {
        if (From is DateOnly from && To is DateOnly to)
        {
            if (to < from) yield return ("au", "La date de fin doit être postérieure ou égale à la date de début.");
            else if (to.DayNumber - from.DayNumber > 5 * 366) yield return ("au", "La période ne peut pas dépasser cinq ans.");
        }
    }

    /// <summary>The dashboard filter for the same period and dimensions (no structure-kind filter in syntheses).</summary>
    public DashboardFilter Filter() =>
        new DashboardFilter { From = From, To = To, Territories = Territories, Themes = Themes, Audiences = Audiences }
            .Normalized(To ?? DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>
    /// A copy with trimmed, lower-cased, sorted distinct slugs, sorted distinct ids and a trimmed title: equal choices
    /// compare equal, whatever order the boxes were ticked in.
    /// </summary>
    public SynthesisRequest Normalized()
    {
        var f = Filter();
        return new SynthesisRequest
        {
            From = f.From, To = f.To,
            Territories = [.. f.Territories.Order(StringComparer.Ordinal)],
            Themes = [.. f.Themes.Order(StringComparer.Ordinal)],
            Audiences = [.. f.Audiences.Order(StringComparer.Ordinal)],
            Surveys = [.. Surveys.Where(i => i > 0).Distinct().Order()],
            Reports = [.. Reports.Where(i => i > 0).Distinct().Order()],
            Title = string.IsNullOrWhiteSpace(Title) ? null : Title.Trim(),
        };
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>
    /// The stored form. A dimension with at most one value keeps the single-value field of the first syntheses
    /// (<c>"Theme":"emploi"</c>), so their parameters, and therefore their fingerprints, are written exactly as before;
    /// only several values add the list (<c>"Themes":["education","emploi"]</c>), absent otherwise. The JSON names are
    /// the first syntheses' (French) ones, whatever the properties are called: stored parameters and the fingerprints
    /// computed over them must read and write the same bytes.
    /// </summary>
    private sealed record Stored(
        [property: JsonPropertyName("Du")] string From,
        [property: JsonPropertyName("Au")] string To,
        [property: JsonPropertyName("Territoire")] string? Territory,
        [property: JsonPropertyName("Theme")] string? Theme,
        [property: JsonPropertyName("Public")] string? Audience,
        [property: JsonPropertyName("Enquetes")] int[] Surveys,
        [property: JsonPropertyName("Retours")] int[] Reports,
        [property: JsonPropertyName("Titre")] string? Title,
        [property: JsonPropertyName("Territoires"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? Territories = null,
        [property: JsonPropertyName("Themes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? Themes = null,
        [property: JsonPropertyName("Publics"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? Audiences = null);

    /// <summary>Canonical JSON: fixed property order, ISO dates, sorted lists. Part of the data fingerprint.</summary>
    public string ToJson()
    {
        var n = Normalized();
        static string? One(string[] values) => values.Length == 1 ? values[0] : null;
        static string[]? Several(string[] values) => values.Length > 1 ? values : null;
        return JsonSerializer.Serialize(new Stored(Iso(n.From!.Value), Iso(n.To!.Value), One(n.Territories), One(n.Themes), One(n.Audiences),
            n.Surveys, n.Reports, n.Title, Several(n.Territories), Several(n.Themes), Several(n.Audiences)), Json);
    }

    public static SynthesisRequest FromJson(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json, Json) ?? throw new InvalidDataException("Paramètres de synthèse illisibles.");
        static string[] List(string? one, string[]? several) => several ?? (one is null ? [] : [one]);
        return new SynthesisRequest
        {
            From = DateOnly.ParseExact(s.From, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = DateOnly.ParseExact(s.To, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Territories = List(s.Territory, s.Territories), Themes = List(s.Theme, s.Themes), Audiences = List(s.Audience, s.Audiences),
            Surveys = s.Surveys ?? [], Reports = s.Reports ?? [], Title = s.Title,
        };
    }

    /// <summary>The choices as URL parameters (a list as a repeated key), for the preview link.</summary>
    public string ToQuery()
    {
        var parts = new List<string> { $"du={Iso(From!.Value)}", $"au={Iso(To!.Value)}" };
        // Raw input (the way back to the form) may hold blanks: they are not choices.
        void Add(string key, string[] values) =>
            parts.AddRange(values.Where(v => !string.IsNullOrEmpty(v)).Select(v => key + "=" + Uri.EscapeDataString(v)));
        Add("territoire", Territories);
        Add("theme", Themes);
        Add("public", Audiences);
        parts.AddRange(Surveys.Select(i => $"enquetes={i}"));
        parts.AddRange(Reports.Select(i => $"retours={i}"));
        if (Title is not null) parts.Add("titre=" + Uri.EscapeDataString(Title));
        return string.Join('&', parts);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
