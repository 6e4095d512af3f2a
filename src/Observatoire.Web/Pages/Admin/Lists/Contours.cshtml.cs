using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Observatoire.Web.Pages.Admin.Lists;

/// <summary>
/// Imports the official contours of the territories (quartiers or IRIS) from a GeoJSON FeatureCollection for the quartiers
/// map: each feature is matched to a territory by one of its properties (the territory's name, « Centre (Tours) », or its
/// address), accents and case aside. « Vérifier » shows what would match and writes nothing; « Importer » saves the
/// contours of the matched features. The file is read in memory and never kept.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class ContoursModel(ObservatoireDbContext db, Audit audit) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public class InputModel
    {
        [Required(ErrorMessage = "Indiquez la propriété des entités qui porte le nom des territoires.")]
        [StringLength(100, ErrorMessage = "Au plus 100 caractères.")]
        public string? Property { get; set; } = "nom";

        /// <summary>False: a dry run (« Vérifier »).</summary>
        public bool Save { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty, Display(Name = "Fichier")] public IFormFile? Upload { get; set; }

    public sealed record Match(string Value, string Territory, bool Replaces);
    public sealed record Miss(string Value, string Reason);

    /// <summary>Set once a file was read: what matched, what did not.</summary>
    public IReadOnlyList<Match>? Matched { get; private set; }
    public IReadOnlyList<Miss> Unmatched { get; private set; } = [];
    public IReadOnlyList<string> Properties { get; private set; } = [];
    public bool Saved { get; private set; }
    /// <summary>Zones of the map (quartiers, communes without quartiers) that have no contour, after this import.</summary>
    public IReadOnlyList<string> WithoutContour { get; private set; } = [];
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Allowed()) return Forbid();
        await LoadMissingAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Allowed()) return Forbid();
        if (Upload is null || Upload.Length == 0)
            ModelState.AddModelError(nameof(Upload), "Choisissez le fichier GeoJSON des contours.");
        else if (Upload.Length > MaxBytes)
            ModelState.AddModelError(nameof(Upload), "Le fichier dépasse 5 Mo : simplifiez les contours ou gardez seulement les quartiers de l'observatoire.");
        else if (Path.GetExtension(Upload.FileName).ToLowerInvariant() is not (".geojson" or ".json"))
            ModelState.AddModelError(nameof(Upload), "Choisissez un fichier GeoJSON (.geojson ou .json).");
        if (!ModelState.IsValid)
        {
            await LoadMissingAsync(ct);
            return Page();
        }

        if (await ReadAsync(Upload!, ct) is not { } features)
        {
            ModelState.AddModelError(nameof(Upload), "Ce fichier n'est pas une collection d'entités GeoJSON lisible (FeatureCollection).");
            await LoadMissingAsync(ct);
            return Page();
        }
        Properties = [.. features.SelectMany(f => f.Attributes?.GetNames() ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).Take(40)];

        var territories = await db.Territories.Include(t => t.Parent).OrderBy(t => t.Id).ToListAsync(ct);
        // Every way the property may name a territory, reduced like an address (no accents, no case, dashes).
        var keys = new Dictionary<string, HashSet<Territory>>();
        foreach (var t in territories)
            foreach (var key in new[] { t.Slug, Slug.From(t.Name, 140), Slug.From(Territory.Label(t.Name, t.Parent?.Name), 140) })
                (keys.TryGetValue(key, out var set) ? set : keys[key] = []).Add(t);

        var matched = new List<Match>();
        var unmatched = new List<Miss>();
        var contours = new Dictionary<Territory, Geometry>();
        var property = Input.Property!.Trim();
        foreach (var feature in features)
        {
            var name = feature.Attributes?.GetNames().FirstOrDefault(n => string.Equals(n, property, StringComparison.OrdinalIgnoreCase));
            var value = name is null ? null : Convert.ToString(feature.Attributes![name], CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                unmatched.Add(new("(sans valeur)", $"l'entité n'a pas de propriété « {property} »"));
                continue;
            }
            if (value.Length > 200) value = value[..199] + "…";
            var problem = Problem(feature.Geometry);
            var candidates = keys.GetValueOrDefault(Slug.From(value, 140)) ?? [];
            if (problem is not null) unmatched.Add(new(value, problem));
            else if (candidates.Count == 0) unmatched.Add(new(value, "aucun territoire de la liste ne porte ce nom ou cette adresse"));
            else if (candidates.Count > 1)
                unmatched.Add(new(value, "plusieurs territoires portent ce nom : " + string.Join(", ", candidates.Select(t => Territory.Label(t.Name, t.Parent?.Name)).Order(French.Order)) + " ; nommez-les avec leur commune, « Centre (Tours) »"));
            else if (contours.ContainsKey(candidates.First()))
                unmatched.Add(new(value, "une autre entité du fichier donne déjà le contour de ce territoire"));
            else
            {
                var t = candidates.First();
                contours[t] = feature.Geometry;
                matched.Add(new(value, Territory.Label(t.Name, t.Parent?.Name), t.Contour is not null));
            }
        }
        Matched = [.. matched.OrderBy(m => m.Territory, French.Order)];
        Unmatched = unmatched;

        if (Input.Save && contours.Count > 0)
        {
            foreach (var (t, geometry) in contours) t.Contour = Maps.WriteGeometry(geometry);
            await using var transaction = await db.SaveInTransactionAsync(ct);
            if (transaction is null)
            {
                ModelState.AddModelError(nameof(Upload), "Un territoire a été modifié pendant l'import : rien n'a été enregistré, importez à nouveau.");
                await LoadMissingAsync(ct);
                return Page();
            }
            await audit.RecordAsync(AuditActions.ContoursImported, "Territoires",
                $"{contours.Count} contour(s) importé(s) du fichier « {Path.GetFileName(Upload!.FileName)} » (propriété « {property} ») : " +
                string.Join(", ", matched.Select(m => m.Territory)) + (unmatched.Count > 0 ? $" ; {unmatched.Count} entité(s) sans correspondance" : ""));
            await transaction.CommitAsync(ct);
            Saved = true;
        }
        await LoadMissingAsync(ct);
        return Page();
    }

    private bool Allowed()
    {
        MayEdit = ReferenceLists.Find("territoires")!.MayEdit(User);
        return MayEdit;
    }

    /// <summary>The features of a GeoJSON FeatureCollection, or null when the file is not one.</summary>
    private static async Task<IReadOnlyList<IFeature>?> ReadAsync(IFormFile file, CancellationToken ct)
    {
        try
        {
            await using var stream = file.OpenReadStream();
            var collection = await JsonSerializer.DeserializeAsync<FeatureCollection>(stream, Maps.GeoJsonOptions, ct);
            return collection is null ? null : [.. collection];
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Why a feature's geometry cannot be a territory's contour, or null.</summary>
    private static string? Problem(Geometry? g)
    {
        if (g is not (Polygon or MultiPolygon) || g.IsEmpty) return "sa géométrie n'est pas un polygone (Polygon ou MultiPolygon)";
        var e = g.EnvelopeInternal;
        if (e.MinX < -180 || e.MaxX > 180 || e.MinY < -90 || e.MaxY > 90)
            return "ses coordonnées ne sont pas des longitudes et latitudes (WGS 84) : exportez le fichier dans cette projection";
        if (!g.IsValid) return "son contour se recoupe lui-même (polygone invalide)";
        return null;
    }

    private async Task LoadMissingAsync(CancellationToken ct) =>
        WithoutContour = [.. (await db.Territories.AsNoTracking()
                .Where(t => t.RetiredAt == null && t.Contour == null && !t.Children.Any(c => c.RetiredAt == null))
                .Select(t => new { t.Name, Commune = t.Parent == null ? null : t.Parent.Name }).ToListAsync(ct))
            .Select(t => Territory.Label(t.Name, t.Commune)).Order(French.Order)];
}
