using Observatoire.Web.Pages.Directory.Structures;

namespace Observatoire.Web.Pages.Imports;

/// <summary>Structures of the directory, with their kind and territory: whoever may create one in the directory (Coordination).</summary>
public sealed class StructureImport : ImportKind
{
    public override string Slug => "structures";
    public override string Name => "Structures";
    public override string Summary => "Associations, centres sociaux, collectivités… avec leur type, leur territoire et leurs coordonnées.";
    public override string Policy => Policies.Coordination;

    public const string KindList = "Type de structure";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(DirectorySession<Structure>.IdColumn, "Identifiant", "Votre identifiant de la structure (facultatif) : un fichier suivant avec le même identifiant la met à jour.", "S-001", false, "Id", "Référence", "Code"),
        new("nom", "Nom", "Nom de la structure (obligatoire, 200 caractères au plus). Une structure du même nom est mise à jour.", "Centre social Pluriel", true, "Nom de la structure", "Structure", "Raison sociale"),
        new(DirectorySession<Structure>.SlugColumn, "Slug", "Adresse de la fiche dans le portail (/annuaire/structures/…), facultative : celle d'un export la retrouve.", "centre-social-pluriel", false, "Adresse courte"),
        new("type", "Type", "Type de structure, tel que nommé dans les listes (Administration › Listes).", "Centre social", false, "Type de structure", "Catégorie", "Nature"),
        new("territoire", "Territoire", "Commune ou quartier, par son nom (« Sanitas » ou « Centre (Tours) »).", "Sanitas", false, "Quartier", "Commune", "Lieu"),
        new("adresse", "Adresse", "Adresse postale (300 caractères au plus).", "12 rue de la Paix, 37000 Tours", false, "Adresse postale"),
        new("site", "Site web", "Adresse complète du site, commençant par https://.", "https://pluriel.exemple.fr", false, "Site", "Site internet", "Web", "URL"),
        new("courriel", "Courriel", "Adresse électronique de contact.", "contact@pluriel.exemple.fr", false, "E-mail", "Email", "Mél", "Adresse électronique"),
        new("description", "Description", "Présentation (8 000 caractères au plus).", "Ateliers numériques chaque mardi.", false, "Présentation"),
    ];

    public override async Task<List<string?[]>?> ExportAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        var ids = await ImportLookups.ExternalIdsAsync(db, Slug, ct);
        var rows = await db.Structures.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Slug, Kind = s.Kind!.Name, s.Territory, Commune = s.Territory!.Parent, s.Address, s.Website, s.Email, s.Description })
            .ToListAsync(ct);
        return rows.Select(s => new[]
        {
            ids.GetValueOrDefault(s.Id), s.Name, s.Slug, s.Kind,
            s.Territory is null ? null : Territory.Label(s.Territory.Name, s.Commune?.Name), s.Address, s.Website, s.Email, s.Description,
        }).ToList();
    }

    public override async Task<ImportSession> StartAsync(ImportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var structures = await db.Structures.ToListAsync(ct);
        var kinds = await ImportLookups.MatcherAsync(db, db.StructureKinds, ct);
        var territories = await ImportLookups.TerritoriesAsync(db, ct);
        var kindRequired = await db.StructureKinds.AnyAsync(k => k.RetiredAt == null, ct);
        return new Session(context, structures, this, kinds, territories, kindRequired);
    }

    private sealed class Session(ImportContext context, List<Structure> existing, StructureImport kind,
        ReferenceMatcher<StructureKind> kinds, ReferenceMatcher<Territory> territories, bool kindRequired)
        : DirectorySession<Structure>(context, existing, "structure", feminine: true)
    {
        private readonly Dictionary<string, ImportColumn> _columns = new()
        {
            [nameof(EditModel.InputModel.Name)] = kind.Columns[1], [nameof(EditModel.InputModel.Address)] = kind.Columns[5],
            [nameof(EditModel.InputModel.Website)] = kind.Columns[6], [nameof(EditModel.InputModel.Email)] = kind.Columns[7],
            [nameof(EditModel.InputModel.Description)] = kind.Columns[8],
        };
        private readonly ReferenceColumn<StructureKind> _kind = new("type", "type", false, kinds, nameof(Structure.KindId), nameof(Structure.Kind),
            v => v.Id, v => v.RetiredAt is not null, v => v.Name, KindList, (name, slug) => new StructureKind { Name = name, Slug = slug, SortOrder = 1000 });
        private readonly ReferenceColumn<Territory> _territory = new("territoire", "territoire", false, territories, nameof(Structure.TerritoryId),
            nameof(Structure.Territory), v => v.Id, ImportLookups.IsRetired, ImportLookups.TerritoryName);

        protected override Structure Create(string name, string slug) => new() { Name = name, Slug = slug };

        public override LinePlan Plan(ImportLine line)
        {
            var name = line["nom"]?.Trim();
            var input = new EditModel.InputModel
            {
                Name = name, Address = line["adresse"], Website = line["site"], Email = line["courriel"], Description = line["description"],
            };
            if (Validate(input, _columns) is { } invalid) return LinePlan.Refused(line, invalid);
            var (record, duplicate) = Identify(line, name!);
            if (duplicate is not null) return LinePlan.Refused(line, duplicate);

            var values = new Dictionary<string, object?> { [nameof(Structure.Name)] = name };
            var stored = new Dictionary<string, string?>(line.Values) { ["nom"] = name };
            var errors = new List<string>();
            Resolve(line, _kind, record?.KindId, values, stored, errors);
            var kindGiven = values.ContainsKey(nameof(Structure.Kind)) || (values.TryGetValue(nameof(Structure.KindId), out var k) ? k is not null : record?.KindId is not null);
            if (!kindGiven && errors.Count == 0 && kindRequired)
                errors.Add("colonne « Type » : indiquez le type de la structure, comme le demande le formulaire");
            Resolve(line, _territory, record?.TerritoryId, values, stored, errors);
            if (errors.Count > 0) return LinePlan.Refused(line, string.Join(" ; ", errors));
            Texts(line, values, ("adresse", nameof(Structure.Address)), ("site", nameof(Structure.Website)),
                ("courriel", nameof(Structure.Email)), ("description", nameof(Structure.Description)));
            return Decide(line, record, name!, values, stored);
        }
    }
}
