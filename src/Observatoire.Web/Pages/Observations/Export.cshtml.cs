using System.Text.Encodings.Web;
using System.Text.Json;

namespace Observatoire.Web.Pages.Observations;

/// <summary>The filtered list (same filter and visibility as the page, every page of it) as CSV or JSON.</summary>
[Authorize(Policy = Policies.Member)]
[ReadsFromReplica]
public class ExportModel(ObservatoireDbContext db) : PageModel
{
    /// <summary>Bounds one download; the list says how many match, so a user can narrow the filter.</summary>
    public const int MaxRows = 50_000;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // A downloaded file, never embedded in a page: apostrophes and accents stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public record Row(int Id, string Titre, DateOnly Date, string Statut, string Structure, string Territoire,
        string[] Outils, string[] Themes, string[] Publics, int Participants, string NiveauAppropriation,
        string? CeQuiAFonctionne, string? Difficultes, string Description, string? ObservePar);

    public async Task<IActionResult> OnGetAsync(string format, CancellationToken ct)
    {
        var filter = ObservationFilter.Parse(Request.Query);
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        var ids = await filter.ResolveAsync(db, ct);
        var scale = await AppropriationScale.LoadAsync(db, ct);
        var rows = (await filter.Order(filter.Apply(db, access.Visible(db.Observations.AsNoTracking()), ids))
            .Take(MaxRows)
            .Select(o => new
            {
                o.Id, o.Title, o.ObservedOn, o.Status, Structure = o.Structure.Name, Territory = Territory.Label(o.Territory.Name, o.Territory.Parent == null ? null : o.Territory.Parent.Name),
                Tools = o.Tools.OrderBy(t => t.Name).Select(t => t.Name).ToArray(),
                Themes = o.Themes.OrderBy(t => t.SortOrder).Select(t => t.Name).ToArray(),
                Audiences = o.Audiences.OrderBy(a => a.SortOrder).Select(a => a.Name).ToArray(),
                o.ParticipantsCount, o.AppropriationLevel, o.WhatWorked, o.Difficulties, o.Description,
                Observer = o.Observer != null ? o.Observer.FullName : o.CreatedBy != null ? o.CreatedBy.DisplayName : null,
            })
            .ToListAsync(ct))
            .Select(o => new Row(o.Id, o.Title, o.ObservedOn, o.Status.Label(), o.Structure, o.Territory, o.Tools, o.Themes,
                o.Audiences, o.ParticipantsCount, scale.Label(o.AppropriationLevel), o.WhatWorked, o.Difficulties, o.Description,
                o.Observer))
            .ToList();

        var name = $"observations-{ParisTime.Today(DateTime.UtcNow):yyyy-MM-dd}";
        if (format == "json")
            return File(JsonSerializer.SerializeToUtf8Bytes(rows, Json), "application/json; charset=utf-8", name + ".json");

        var header = new[]
        {
            "Numéro", "Titre", "Date", "Statut", "Structure", "Territoire", "Outils", "Thèmes", "Publics", "Participants",
            "Niveau d'appropriation", "Ce qui a bien fonctionné", "Difficultés", "Description", "Observé par",
        };
        var lines = rows.Select(r => new[]
        {
            r.Id.ToString(CultureInfo.InvariantCulture), r.Titre, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Statut, r.Structure, r.Territoire, string.Join(", ", r.Outils), string.Join(", ", r.Themes),
            string.Join(", ", r.Publics), r.Participants.ToString(CultureInfo.InvariantCulture), r.NiveauAppropriation,
            r.CeQuiAFonctionne, r.Difficultes, r.Description, r.ObservePar,
        });
        return File(Csv.Write(header, lines), Csv.ContentType, name + ".csv");
    }
}
