using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Observatoire.Web.Analysis;

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

    /// <summary>Territory slug; a commune includes its quartiers.</summary>
    [ModelBinder(Name = "territoire"), MaxLength(100, ErrorMessage = "Territoire inconnu.")]
    public string? Territoire { get; set; }

    [ModelBinder(Name = "theme"), MaxLength(100, ErrorMessage = "Thème inconnu.")]
    public string? Theme { get; set; }

    [ModelBinder(Name = "public"), MaxLength(100, ErrorMessage = "Public inconnu.")]
    public string? Public { get; set; }

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
        new DashboardFilter { Du = Du, Au = Au, Territoire = Territoire, Theme = Theme, Public = Public }
            .Normalized(Au ?? DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>A copy with trimmed, lower-cased slugs, sorted distinct ids and a trimmed title: equal choices compare equal.</summary>
    public SynthesisRequest Normalized()
    {
        var f = Filter();
        return new SynthesisRequest
        {
            Du = f.Du, Au = f.Au, Territoire = f.Territoire, Theme = f.Theme, Public = f.Public,
            Enquetes = [.. Enquetes.Where(i => i > 0).Distinct().Order()],
            Retours = [.. Retours.Where(i => i > 0).Distinct().Order()],
            Titre = string.IsNullOrWhiteSpace(Titre) ? null : Titre.Trim(),
        };
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private sealed record Stored(string Du, string Au, string? Territoire, string? Theme, string? Public,
        int[] Enquetes, int[] Retours, string? Titre);

    /// <summary>Canonical JSON: fixed property order, ISO dates. Part of the data fingerprint.</summary>
    public string ToJson()
    {
        var n = Normalized();
        return JsonSerializer.Serialize(new Stored(Iso(n.Du!.Value), Iso(n.Au!.Value), n.Territoire, n.Theme, n.Public,
            n.Enquetes, n.Retours, n.Titre), Json);
    }

    public static SynthesisRequest FromJson(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json, Json) ?? throw new InvalidDataException("Paramètres de synthèse illisibles.");
        return new SynthesisRequest
        {
            Du = DateOnly.ParseExact(s.Du, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Au = DateOnly.ParseExact(s.Au, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Territoire = s.Territoire, Theme = s.Theme, Public = s.Public,
            Enquetes = s.Enquetes ?? [], Retours = s.Retours ?? [], Titre = s.Titre,
        };
    }

    /// <summary>The choices as URL parameters, for the preview link.</summary>
    public string ToQuery()
    {
        var parts = new List<string> { $"du={Iso(Du!.Value)}", $"au={Iso(Au!.Value)}" };
        if (Territoire is not null) parts.Add("territoire=" + Uri.EscapeDataString(Territoire));
        if (Theme is not null) parts.Add("theme=" + Uri.EscapeDataString(Theme));
        if (Public is not null) parts.Add("public=" + Uri.EscapeDataString(Public));
        parts.AddRange(Enquetes.Select(i => $"enquetes={i}"));
        parts.AddRange(Retours.Select(i => $"retours={i}"));
        if (Titre is not null) parts.Add("titre=" + Uri.EscapeDataString(Titre));
        return string.Join('&', parts);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
