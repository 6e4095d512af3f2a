using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Observatoire.Web.Pages.Dashboard;

/// <summary>
/// The filtered dataset, one row per validated observation, streamed as CSV or JSON. No free text (title,
/// description, difficulties, comments) and no person: only dates, codes, reference-list names and counts.
/// The schema is documented in docs/open-data.md; change both together.
/// </summary>
public static class OpenData
{
    public static readonly string[] Columns =
    [
        "id", "date_observation", "structure", "structure_slug", "type_structure", "territoire", "territoire_slug",
        "commune", "participants", "niveau_appropriation", "outils", "outils_slugs", "licences_libres", "themes", "publics",
    ];

    /// <param name="Kind">The structure kind's name (without « (retiré) »: a value, not a label); null when not given.</param>
    public sealed record Row(int Id, DateOnly ObservedOn, string Structure, string StructureSlug, string? Kind,
        string Territory, string TerritorySlug, string? Commune, int Participants, AppropriationLevel Level,
        List<ToolRef> Tools, List<string> Themes, List<string> Audiences);

    public sealed record ToolRef(string Name, string Slug, bool Free);

    public static IAsyncEnumerable<Row> Rows(ObservatoireDbContext db, Indicators.Scope scope)
    {
        return Indicators.ValidatedObservations(db, scope).OrderBy(o => o.ObservedOn).ThenBy(o => o.Id)
            .Select(o => new Row(o.Id, o.ObservedOn, o.Structure.Name, o.Structure.Slug, o.Structure.Kind != null ? o.Structure.Kind.Name : null,
                Territory.Label(o.Territory.Name, o.Territory.Parent == null ? null : o.Territory.Parent.Name), o.Territory.Slug, o.Territory.Parent != null ? o.Territory.Parent.Name : o.Territory.Name,
                o.ParticipantsCount, o.AppropriationLevel,
                o.Tools.OrderBy(t => t.Name).Select(t => new ToolRef(t.Name, t.Slug, t.Licence != null && t.Licence.IsFree)).ToList(),
                o.Themes.OrderBy(t => t.SortOrder).Select(t => t.Name).ToList(),
                o.Audiences.OrderBy(a => a.SortOrder).Select(a => a.Name).ToList()))
            // One streamed query: split queries would buffer every row first (Npgsql has no MARS).
            .AsSingleQuery()
            .AsAsyncEnumerable();
    }

    public static Task WriteCsvAsync(ObservatoireDbContext db, Indicators.Scope scope, Stream output, CancellationToken ct) =>
        Csv.WriteAsync(output, CsvRows(db, scope, ct), ct);

    private static async IAsyncEnumerable<string?[]> CsvRows(ObservatoireDbContext db, Indicators.Scope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return Columns;
        await foreach (var r in Rows(db, scope).WithCancellation(ct))
        {
            yield return
            [
                r.Id.ToString(CultureInfo.InvariantCulture), r.ObservedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.Structure, r.StructureSlug, r.Kind ?? "", r.Territory, r.TerritorySlug, r.Commune ?? "",
                r.Participants.ToString(CultureInfo.InvariantCulture), ((int)r.Level).ToString(CultureInfo.InvariantCulture),
                string.Join('|', r.Tools.Select(t => t.Name)), string.Join('|', r.Tools.Select(t => t.Slug)),
                r.Tools.Count(t => t.Free).ToString(CultureInfo.InvariantCulture),
                string.Join('|', r.Themes), string.Join('|', r.Audiences),
            ];
        }
    }

    public static async Task WriteJsonAsync(ObservatoireDbContext db, Indicators.Scope scope, Stream output, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("periode_debut", scope.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("periode_fin", scope.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartArray("observations");
        var n = 0;
        await foreach (var r in Rows(db, scope).WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteNumber("id", r.Id);
            json.WriteString("date_observation", r.ObservedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartObject("structure");
            json.WriteString("nom", r.Structure);
            json.WriteString("slug", r.StructureSlug);
            json.WriteString("type", r.Kind);
            json.WriteEndObject();
            json.WriteStartObject("territoire");
            json.WriteString("nom", r.Territory);
            json.WriteString("slug", r.TerritorySlug);
            json.WriteString("commune", r.Commune);
            json.WriteEndObject();
            json.WriteNumber("participants", r.Participants);
            json.WriteNumber("niveau_appropriation", (int)r.Level);
            json.WriteStartArray("outils");
            foreach (var tool in r.Tools)
            {
                json.WriteStartObject();
                json.WriteString("nom", tool.Name);
                json.WriteString("slug", tool.Slug);
                json.WriteBoolean("libre", tool.Free);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteStrings(json, "themes", r.Themes);
            WriteStrings(json, "publics", r.Audiences);
            json.WriteEndObject();
            if (++n % 1000 == 0) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, List<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
