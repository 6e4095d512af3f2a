using Observatoire.Web.Pages.Directory.Tools;

namespace Observatoire.Web.Pages.Imports;

/// <summary>Digital tools of the directory, with category, licence and status: whoever may create one in the directory (Coordination).</summary>
public sealed class ToolImport : ImportKind
{
    public override string Slug => "outils";
    public override string Name => "Outils";
    public override string Summary => "Outils numériques avec leur catégorie, leur licence et leur site.";
    public override string Policy => Policies.Coordination;

    public const string CategoryList = "Catégorie d'outil";
    public const string LicenceList = "Licence";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(DirectorySession<DigitalTool>.IdColumn, "Identifiant", "Votre identifiant de l'outil (facultatif) : un fichier suivant avec le même identifiant le met à jour.", "O-001", false, "Id", "Référence", "Code"),
        new("nom", "Nom", "Nom de l'outil (obligatoire, 120 caractères au plus). Un outil du même nom est mis à jour.", "Nextcloud", true, "Nom de l'outil", "Outil", "Logiciel"),
        new(DirectorySession<DigitalTool>.SlugColumn, "Slug", "Adresse de la fiche dans le portail (/annuaire/outils/…), facultative : celle d'un export la retrouve.", "nextcloud", false, "Adresse courte"),
        new("categorie", "Catégorie", "Catégorie d'outil, telle que nommée dans les listes ; vide : « Catégorie non précisée ».", "Travail collaboratif", false, "Catégorie d'outil", "Usage"),
        new("licence", "Licence", "Licence, telle que nommée dans les listes ; vide : « Licence inconnue ».", "Libre", false, "Type de licence"),
        new("statut", "Statut", "« Référencé » ou « En attente » ; vide : « Référencé » pour un nouvel outil.", "Référencé", false, "État"),
        new("site", "Site web", "Adresse complète du site, commençant par https://.", "https://nextcloud.com", false, "Site", "Site internet", "Web", "URL"),
        new("description", "Description", "Présentation (8 000 caractères au plus).", "Partage de fichiers et d'agendas.", false, "Présentation"),
    ];

    public override async Task<List<string?[]>?> ExportAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        var ids = await ImportLookups.ExternalIdsAsync(db, Slug, ct);
        var rows = await db.DigitalTools.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.Slug, Category = t.Category!.Name, Licence = t.Licence!.Name, t.Status, t.Website, t.Description })
            .ToListAsync(ct);
        return rows.Select(t => new[] { ids.GetValueOrDefault(t.Id), t.Name, t.Slug, t.Category, t.Licence, t.Status.Label(), t.Website, t.Description }).ToList();
    }

    public override async Task<ImportSession> StartAsync(ImportContext context, CancellationToken ct)
    {
        var db = context.Db;
        return new Session(context, await db.DigitalTools.ToListAsync(ct), this,
            await ImportLookups.MatcherAsync(db, db.ToolCategories, ct), await ImportLookups.MatcherAsync(db, db.Licences, ct));
    }

    private sealed class Session(ImportContext context, List<DigitalTool> existing, ToolImport kind,
        ReferenceMatcher<ToolCategory> categories, ReferenceMatcher<Licence> licences)
        : DirectorySession<DigitalTool>(context, existing, "outil", feminine: false)
    {
        private readonly Dictionary<string, ImportColumn> _columns = new()
        {
            [nameof(EditModel.InputModel.Name)] = kind.Columns[1], [nameof(EditModel.InputModel.Website)] = kind.Columns[6],
            [nameof(EditModel.InputModel.Description)] = kind.Columns[7],
        };
        private readonly ReferenceColumn<ToolCategory> _category = new("categorie", "catégorie", true, categories, nameof(DigitalTool.CategoryId),
            nameof(DigitalTool.Category), v => v.Id, v => v.RetiredAt is not null, v => v.Name, CategoryList,
            (name, slug) => new ToolCategory { Name = name, Slug = slug, SortOrder = 1000 });
        private readonly ReferenceColumn<Licence> _licence = new("licence", "licence", true, licences, nameof(DigitalTool.LicenceId),
            nameof(DigitalTool.Licence), v => v.Id, v => v.RetiredAt is not null, v => v.Name, LicenceList,
            (name, slug) => new Licence { Name = name, Slug = slug, SortOrder = 1000 });

        protected override DigitalTool Create(string name, string slug) => new() { Name = name, Slug = slug };

        public override LinePlan Plan(ImportLine line)
        {
            var name = line["nom"]?.Trim();
            if (Validate(new EditModel.InputModel { Name = name, Website = line["site"], Description = line["description"] }, _columns) is { } invalid)
                return LinePlan.Refused(line, invalid);
            var (record, duplicate) = Identify(line, name!);
            if (duplicate is not null) return LinePlan.Refused(line, duplicate);

            var values = new Dictionary<string, object?> { [nameof(DigitalTool.Name)] = name };
            var stored = new Dictionary<string, string?>(line.Values) { ["nom"] = name };
            var errors = new List<string>();
            Resolve(line, _category, record?.CategoryId, values, stored, errors);
            Resolve(line, _licence, record?.LicenceId, values, stored, errors);
            if (line["statut"] is { } status)
            {
                if (Enum.GetValues<ToolStatus>().FirstOrDefault(s => TextKey.Of(s.Label()) == TextKey.Of(status)) is var found
                    && TextKey.Of(found.Label()) == TextKey.Of(status))
                    (values[nameof(DigitalTool.Status)], stored["statut"]) = (found, found.Label());
                else errors.Add($"statut « {status} » inconnu : écrivez « Référencé » ou « En attente »");
            }
            else if (record is null) stored["statut"] = ToolStatus.Listed.Label();
            if (errors.Count > 0) return LinePlan.Refused(line, string.Join(" ; ", errors));
            Texts(line, values, ("site", nameof(DigitalTool.Website)), ("description", nameof(DigitalTool.Description)));
            return Decide(line, record, name!, values, stored);
        }
    }
}
