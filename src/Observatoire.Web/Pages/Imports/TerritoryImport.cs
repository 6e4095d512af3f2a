using Observatoire.Web.Pages.Directory.Territories;

namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// Communes and their quartiers: a line with a commune alone is the commune; with a quartier, the quartier in that
/// commune (which must exist, or come on an earlier line). Coordination, like the directory's territory form.
/// </summary>
public sealed class TerritoryImport : ImportKind
{
    public override string Slug => "territoires";
    public override string Name => "Territoires";
    public override string Summary => "Communes et leurs quartiers : une ligne par commune, puis une ligne par quartier.";
    public override string Policy => Policies.Coordination;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(DirectorySession<Territory>.IdColumn, "Identifiant", "Votre identifiant du territoire (facultatif), code INSEE par exemple.", "37261", false, "Id", "Code", "Code INSEE", "Référence"),
        new("commune", "Commune", "Nom de la commune (obligatoire, 120 caractères au plus).", "Tours", true, "Ville", "Municipalité"),
        new("quartier", "Quartier", "Nom du quartier, vide pour la ligne de la commune elle-même.", "Sanitas", false, "Quartier prioritaire", "Secteur"),
        new(DirectorySession<Territory>.SlugColumn, "Slug", "Adresse de la fiche dans le portail (/annuaire/territoires/…), facultative.", "sanitas", false, "Adresse courte"),
        new("description", "Description", "Présentation (4 000 caractères au plus).", "Quartier prioritaire au sud de la gare.", false, "Présentation"),
    ];

    /// <summary>Communes first, each followed by its quartiers, so that re-importing finds every commune before its quartiers.</summary>
    public override async Task<List<string?[]>?> ExportAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        var ids = await ImportLookups.ExternalIdsAsync(db, Slug, ct);
        var rows = await ReferenceChoices.Ordered(db.Territories.AsNoTracking())
            .Select(t => new { t.Id, t.Name, t.Slug, Commune = t.Parent == null ? null : t.Parent.Name, t.Description }).ToListAsync(ct);
        return rows.Select(t => new[] { ids.GetValueOrDefault(t.Id), t.Commune ?? t.Name, t.Commune is null ? null : t.Name, t.Slug, t.Description }).ToList();
    }

    public override async Task<ImportSession> StartAsync(ImportContext context, CancellationToken ct)
    {
        var territories = await context.Db.Territories.Include(t => t.Parent).ToListAsync(ct);
        return new Session(context, territories, this);
    }

    /// <summary>A quartier is the same as another when both its commune and its name are.</summary>
    private static string Key(string? commune, string name) => commune is null ? name : $"{commune} › {name}";

    private sealed class Session(ImportContext context, List<Territory> existing, TerritoryImport kind)
        : DirectorySession<Territory>(context, existing, "territoire", feminine: false, t => Key(t.Parent?.Name, t.Name))
    {
        private int _nextSortOrder = existing.Select(t => t.SortOrder).DefaultIfEmpty(0).Max() + 1;
        private readonly HashSet<int> _communesWithQuartiers = [.. existing.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value)];

        protected override Territory Create(string name, string slug) => new() { Name = name, Slug = slug, SortOrder = _nextSortOrder++ };

        public override LinePlan Plan(ImportLine line)
        {
            var commune = line["commune"]?.Trim();
            var quartier = line["quartier"]?.Trim();
            var name = quartier ?? commune;
            var nameColumn = quartier is null ? kind.Columns[1] : kind.Columns[2];
            var input = new EditModel.InputModel { Name = name, Description = line["description"] };
            if (Validate(input, new Dictionary<string, ImportColumn> { [nameof(EditModel.InputModel.Name)] = nameColumn, [nameof(EditModel.InputModel.Description)] = kind.Columns[4] }) is { } invalid)
                return LinePlan.Refused(line, invalid);
            if (quartier is not null && commune is null)
                return LinePlan.Refused(line, "colonne « Commune » : indiquez la commune du quartier.");

            var values = new Dictionary<string, object?> { [nameof(Territory.Name)] = name };
            var stored = new Dictionary<string, string?>(line.Values) { ["commune"] = commune, ["quartier"] = quartier };
            if (quartier is not null)
            {
                var parent = FindPlannedOrExisting(commune!);
                if (parent is null)
                    return LinePlan.Refused(line, $"commune « {commune} » inconnue : ajoutez une ligne pour elle avant ses quartiers");
                if (parent.ParentId is not null)
                    return LinePlan.Refused(line, $"« {commune} » est un quartier, pas une commune");
                if (parent.RetiredAt is not null)
                    return LinePlan.Refused(line, $"commune « {commune} » retirée : choisissez une commune en usage");
                if (parent.Id == 0) values[nameof(Territory.Parent)] = parent;
                else values[nameof(Territory.ParentId)] = parent.Id;
                stored["commune"] = parent.Name;
                values[nameof(Territory.Kind)] = TerritoryKind.Neighbourhood;
            }
            else
            {
                values[nameof(Territory.ParentId)] = null;
                values[nameof(Territory.Kind)] = TerritoryKind.Municipality;
            }
            var key = Key(quartier is null ? null : stored["commune"], name!);
            var (record, duplicate) = Identify(line, key);
            if (duplicate is not null) return LinePlan.Refused(line, duplicate);
            if (record is not null && quartier is not null && _communesWithQuartiers.Contains(record.Id))
                return LinePlan.Refused(line, $"« {record.Name} » a des quartiers : elle reste une commune");
            Texts(line, values, ("description", nameof(Territory.Description)));
            return Decide(line, record, name!, values, stored, key);
        }
    }
}
